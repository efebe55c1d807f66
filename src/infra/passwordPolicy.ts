import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'

// Password strength is scored with zxcvbn-ts (a kept library) over its common-password and keyboard lists.

export type AccountKind = 'staff' | 'customer'

/** Length and strength (zxcvbn score 0–4) each kind of account must reach. */
export const PASSWORD_RULES: Record<AccountKind, { minLength: number; minScore: number }> = {
  staff: { minLength: 10, minScore: 3 },
  customer: { minLength: 8, minScore: 2 },
}
export const MAX_PASSWORD_LENGTH = 256
/** Passwords among this many of the most common are refused whatever their score. */
export const COMMON_PASSWORDS_REFUSED = 10_000

let configured = false
let common10k: Set<string> | undefined
function configure(): void {
  if (configured) return
  zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })
  common10k = new Set((common.dictionary.passwords as string[]).slice(0, COMMON_PASSWORDS_REFUSED))
  configured = true
}

/** Why the password is refused, in a sentence for the person choosing it; null when it is good enough. */
export function passwordProblem(password: unknown, kind: AccountKind, userInputs: string[] = []): string | null {
  const { minLength, minScore } = PASSWORD_RULES[kind]
  if (typeof password !== 'string' || password.length < minLength) return `Use at least ${minLength} characters for your password.`
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`
  configure()
  if (common10k!.has(password.toLowerCase())) return 'This is one of the most common passwords and easy to guess: choose another.'
  if (zxcvbn(password, userInputs.filter(Boolean)).score >= minScore) return null
  return 'This password is too easy to guess (a common word, name, pattern or your email): add more words or characters.'
}
