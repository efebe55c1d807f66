import { memoryLock } from './lock'

describe('memoryLock', () => {
  it('should give a name to one holder until it is released or expires', async () => {
    let now = 0
    const lock = memoryLock(() => now)
    const first = await lock.acquire('spec-lock', 1000)
    const second = await lock.acquire('spec-lock', 1000)
    now = 1500
    const afterExpiry = await lock.acquire('spec-lock', 1000)
    await afterExpiry?.release()
    const afterRelease = await lock.acquire('spec-lock', 1000)
    expect([!!first, !!second, !!afterExpiry, !!afterRelease]).toEqual([true, false, true, true])
  })

  it('should not let a lapsed holder release the next holder’s lease', async () => {
    let now = 0
    const lock = memoryLock(() => now)
    const lapsed = await lock.acquire('spec-lock-2', 100)
    now = 200
    await lock.acquire('spec-lock-2', 1000)
    await lapsed?.release()
    expect(await lock.acquire('spec-lock-2', 1000)).toBeNull()
  })
})
