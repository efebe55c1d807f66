import { memoryRateLimiter } from './rateLimit'

describe('memoryRateLimiter', () => {
  it('should allow the limit, refuse the next attempt with the seconds left, and start afresh after the window', async () => {
    let now = 1_000_000
    const limiter = memoryRateLimiter(() => now)
    const first = [await limiter.hit('login', '1.2.3.4', 2, 60), await limiter.hit('login', '1.2.3.4', 2, 60)]
    now += 15_000
    const refused = await limiter.hit('login', '1.2.3.4', 2, 60)
    now += 46_000
    const fresh = await limiter.hit('login', '1.2.3.4', 2, 60)
    expect(first.map((r) => r.allowed)).toEqual([true, true])
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 })
    expect(fresh.allowed).toBe(true)
  })

  it('should count buckets and identities separately', async () => {
    const limiter = memoryRateLimiter()
    await limiter.hit('login', 'a', 1, 60)
    const [other, otherBucket] = [await limiter.hit('login', 'b', 1, 60), await limiter.hit('quote', 'a', 1, 60)]
    expect([other.allowed, otherBucket.allowed]).toEqual([true, true])
  })
})
