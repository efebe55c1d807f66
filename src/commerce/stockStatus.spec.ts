import { stockStatusOf } from './stockStatus'

describe('stockStatusOf', () => {
  it('should say out when nothing is available', () => {
    expect(stockStatusOf(0, 5)).toBe('out')
  })

  it('should say low at the threshold', () => {
    expect(stockStatusOf(5, 5)).toBe('low')
  })

  it('should say ok above the threshold', () => {
    expect(stockStatusOf(6, 5)).toBe('ok')
  })

  it('should treat a missing threshold as 0', () => {
    expect([stockStatusOf(1, null), stockStatusOf(1, undefined)]).toEqual(['ok', 'ok'])
  })

  it('should say out, not low, when the threshold is 0 and nothing is left', () => {
    expect(stockStatusOf(0, 0)).toBe('out')
  })
})
