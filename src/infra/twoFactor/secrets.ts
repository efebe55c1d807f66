import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

// TOTP secrets are stored encrypted (AES-256-GCM, key derived from the Payload secret) and recovery codes as HMACs:
// a database dump alone gives neither.

const keyFrom = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'ipswich-retail', purpose, 32))

export function sealSecret(serverSecret: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(serverSecret, 'totp-secret'), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

export function openSecret(serverSecret: string, sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(serverSecret, 'totp-secret'), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten one-time recovery codes like `k7m2p-x9qrt` (about 49 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '')

export const hashRecoveryCode = (serverSecret: string, code: string) =>
  createHmac('sha256', keyFrom(serverSecret, 'recovery-codes')).update(normalise(code)).digest('hex')

/** The index of the stored hash this code matches, or -1. */
export function findRecoveryCode(serverSecret: string, hashes: readonly string[], code: string): number {
  if (normalise(code).length !== 10) return -1
  const candidate = Buffer.from(hashRecoveryCode(serverSecret, code), 'hex')
  return hashes.findIndex((hash) => {
    const stored = Buffer.from(hash, 'hex')
    return stored.length === candidate.length && timingSafeEqual(stored, candidate)
  })
}
