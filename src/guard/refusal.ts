import type { GuardRefusal, GuardStatus } from './types'

/** Thrown inside the guard's checks; the guard turns it into a JSON answer. */
export class Refusal extends Error {
  constructor(
    readonly status: GuardStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'Refusal'
  }

  /** On the GraphQL route the body also carries `errors`, so GraphQL clients see a GraphQL error. */
  toAnswer(graphql = false): GuardRefusal {
    const error = this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
    const errors = graphql ? { errors: [{ message: this.message, extensions: { code: this.code } }] } : {}
    return { status: this.status, body: { error, ...errors }, ...(this.headers ? { headers: this.headers } : {}) }
  }
}

export const badRequest = (code: string, message: string, details?: unknown): Refusal => new Refusal(400, code, message, details)

/** Short, printable form of a client value for an error message. */
export function show(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  text = text.replace(/\\u0000/g, '\\0')
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

export const hasNul = (text: string): boolean => text.includes('\u0000')
