import { forEachLimit } from './forEachLimit'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('forEachLimit', () => {
  it('should visit every item once', async () => {
    const seen: number[] = []
    await forEachLimit([1, 2, 3, 4, 5], 2, async (n) => {
      await tick()
      seen.push(n)
    })
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('should never run more than the limit at once', async () => {
    let running = 0
    let peak = 0
    await forEachLimit(
      Array.from({ length: 12 }, (_, i) => i),
      3,
      async () => {
        running += 1
        peak = Math.max(peak, running)
        await tick()
        running -= 1
      },
    )
    expect(peak).toBe(3)
  })

  it('should stop starting work after a failure and throw it', async () => {
    const started: number[] = []
    const run = forEachLimit([1, 2, 3, 4, 5, 6], 1, async (n) => {
      started.push(n)
      if (n === 2) throw new Error('boom')
    })
    await expect(run).rejects.toThrow('boom')
    expect(started).toEqual([1, 2])
  })
})
