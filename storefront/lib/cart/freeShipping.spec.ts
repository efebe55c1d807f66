import { describe, expect, it } from '@jest/globals'
import { freeShippingProgress } from './freeShipping'

describe('freeShippingProgress', () => {
  it('should say how much more to spend, and how far along the bar is', () => {
    expect(freeShippingProgress(3750, 5000)).toEqual({ reached: false, remaining: 1250, percent: 75 })
  })
  it('should say it is reached at the threshold and above', () => {
    expect(freeShippingProgress(5000, 5000)).toEqual({ reached: true, remaining: 0, percent: 100 })
    expect(freeShippingProgress(9000, 5000)).toEqual({ reached: true, remaining: 0, percent: 100 })
  })
  it('should offer nothing when the shop never ships free', () => {
    expect([freeShippingProgress(100, null), freeShippingProgress(100, undefined), freeShippingProgress(100, 0)]).toEqual([null, null, null])
  })
})
