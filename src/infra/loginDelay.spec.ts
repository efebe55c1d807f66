import { delayAfter, FREE_FAILURES, MAX_DELAY_SECONDS, memoryLoginDelays } from './loginDelay'

describe('delayAfter', () => {
  it('should let the first failures through, then double the wait up to the cap', () => {
    const waits = [FREE_FAILURES, FREE_FAILURES + 1, FREE_FAILURES + 2, FREE_FAILURES + 3, FREE_FAILURES + 40].map((f) => delayAfter(f, 0, 0))
    expect(waits).toEqual([0, 1, 2, 4, MAX_DELAY_SECONDS])
  })

  it('should count the wait from the last failure', () => {
    expect([delayAfter(FREE_FAILURES + 3, 0, 1_500), delayAfter(FREE_FAILURES + 3, 0, 4_000)]).toEqual([3, 0])
  })
})

describe('memoryLoginDelays', () => {
  it('should slow one pair down and clear it on success, leaving other pairs alone', async () => {
    let now = 0
    const delays = memoryLoginDelays(() => now)
    for (let i = 0; i <= FREE_FAILURES; i++) await delays.fail('customers:a@example.com:192.0.2.1')
    const waiting = [await delays.wait('customers:a@example.com:192.0.2.1'), await delays.wait('customers:a@example.com:192.0.2.2')]
    await delays.clear('customers:a@example.com:192.0.2.1')
    now = 10
    expect([...waiting, await delays.wait('customers:a@example.com:192.0.2.1')]).toEqual([1, 0, 0])
  })
})
