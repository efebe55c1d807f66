import { cookies } from 'next/headers'
import { isStrict } from '../env'
import { DISCOUNT_COOKIE, parseDiscountCode } from './discountCode'

export async function readDiscountCode(): Promise<string | null> {
  return parseDiscountCode((await cookies()).get(DISCOUNT_COOKIE)?.value)
}

/** Only from a server action or route handler; null forgets the code. */
export async function writeDiscountCode(code: string | null): Promise<void> {
  const jar = await cookies()
  if (code === null) jar.delete(DISCOUNT_COOKIE)
  else jar.set(DISCOUNT_COOKIE, code, { httpOnly: true, sameSite: 'lax', secure: isStrict(), path: '/', maxAge: 60 * 60 * 24 * 7 })
}
