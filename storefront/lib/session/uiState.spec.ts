import { describe, expect, it } from '@jest/globals'
import { formatUiState, parseUiState, uiCookieValue } from './uiState'

describe('ui state cookie', () => {
  it('should round-trip the cart count and login flag', () => {
    expect(parseUiState(formatUiState({ cartCount: 3, loggedIn: true }))).toEqual({ cartCount: 3, loggedIn: true })
  })
  it('should read garbage as an empty cart, logged out', () => {
    expect(parseUiState('x.y')).toEqual({ cartCount: 0, loggedIn: false })
  })
  it('should find the cookie among others', () => {
    expect(uiCookieValue('a=1; ir_ui=2.1; b=2')).toBe('2.1')
  })
})
