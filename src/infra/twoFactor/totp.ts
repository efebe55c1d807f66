import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

const ISSUER = 'Ipswich Retail'

export const newTotpSecret = (): string => generateSecret()

export const totpUri = (email: string, secret: string): string => generateURI({ issuer: ISSUER, label: email, secret })

/** The QR code of the enrolment URI as SVG markup, drawn here (no request leaves the server or the browser). */
export const totpQrSvg = (uri: string): Promise<string> => QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })

/**
 * The time step of a valid six-digit code (one step of clock drift allowed each way), or null. A code at or before
 * `lastStep` is refused, so a code seen once cannot be replayed.
 */
export async function checkTotp(secret: string, code: string, lastStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  try {
    const result = await verify({ secret, token, epochTolerance: 30, ...(lastStep != null ? { afterTimeStep: lastStep } : {}) })
    return result.valid && 'timeStep' in result ? result.timeStep : null
  } catch {
    return null
  }
}
