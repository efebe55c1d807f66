import { decodeJwt, jwtVerify } from 'jose'
import type { Payload } from 'payload'

import { loadStaff, pendingOf, type PendingSession, type StaffRecord } from './state'

const cookie = (headers: Headers, name: string): string | null => {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

// As Payload reads a session cookie: only from an allowed origin (or a same-site browser request), so another site
// cannot post a code for someone's half-finished login.
function tokenOf(payload: Payload, headers: Headers): string | null {
  const auth = headers.get('authorization') ?? ''
  if (auth.startsWith('JWT ')) return auth.slice(4)
  if (auth.startsWith('Bearer ')) return auth.slice(7)
  const fromCookie = cookie(headers, `${payload.config.cookiePrefix}-token`)
  if (!fromCookie) return null
  const origin = headers.get('origin')
  const csrf = payload.config.csrf ?? []
  if (origin) return csrf.length === 0 || csrf.includes(origin) ? fromCookie : null
  const site = headers.get('sec-fetch-site')
  return csrf.length === 0 || site === 'same-origin' || site === 'same-site' || site === 'none' ? fromCookie : null
}

/** The session id inside a token Payload just signed. */
export const sidOf = (token: string): string | null => {
  const sid = decodeJwt(token).sid
  return typeof sid === 'string' ? sid : null
}

export type PendingLogin = { staff: StaffRecord; sid: string; pending: PendingSession }

/** The staff login this request's token belongs to, when it passed the password and waits for its second factor. */
export async function pendingLoginOf(payload: Payload, headers: Headers): Promise<PendingLogin | null> {
  const token = tokenOf(payload, headers)
  if (!token) return null
  try {
    const { payload: claims } = await jwtVerify(token, new TextEncoder().encode(payload.secret))
    if (claims.collection !== 'users' || typeof claims.sid !== 'string') return null
    const staff = await loadStaff(payload, claims.id as number | string)
    const pending = staff ? pendingOf(staff, claims.sid) : null
    return staff && pending ? { staff, sid: claims.sid, pending } : null
  } catch {
    return null
  }
}
