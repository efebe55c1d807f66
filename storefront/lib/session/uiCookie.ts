import { cookies } from 'next/headers'
import { isStrict } from '../env'
import type { UiState } from './uiState'
import { UI_COOKIE, formatUiState, parseUiState } from './uiState'

/** Only from a server action or route handler, next to the cart or session cookie it mirrors. */
export async function updateUiCookie(patch: Partial<UiState>): Promise<void> {
  const jar = await cookies()
  const next = { ...parseUiState(jar.get(UI_COOKIE)?.value), ...patch }
  jar.set(UI_COOKIE, formatUiState(next), { httpOnly: false, sameSite: 'lax', secure: isStrict(), path: '/', maxAge: 60 * 60 * 24 * 30 })
}
