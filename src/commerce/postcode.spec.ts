import { describe, expect, it } from '@jest/globals'
import { normaliseUkPostcode } from './postcode'

describe('normaliseUkPostcode', () => {
  it('should upper-case and put one space before the inward code', () => {
    expect(normaliseUkPostcode('sw1a1aa')).toBe('SW1A 1AA')
  })

  it('should collapse extra spaces', () => {
    expect(normaliseUkPostcode('  IP1   1BQ ')).toBe('IP1 1BQ')
  })

  it('should accept the A9 9AA shape', () => {
    expect(normaliseUkPostcode('M1 1AE')).toBe('M1 1AE')
  })

  it('should accept GIR 0AA', () => {
    expect(normaliseUkPostcode('gir0aa')).toBe('GIR 0AA')
  })

  it('should refuse an inward code that starts with a letter', () => {
    expect(normaliseUkPostcode('IP1 ABQ')).toBeNull()
  })

  it('should refuse a second letter the pattern forbids (I, J, Z)', () => {
    expect(normaliseUkPostcode('AI1 1AA')).toBeNull()
  })

  it('should refuse something too short', () => {
    expect(normaliseUkPostcode('1AA')).toBeNull()
  })
})
