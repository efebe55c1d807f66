import { sentBeforeItsRecord, type KilledWorker } from './duplicates'

const killed: KilledWorker = { pid: 41, at: 100_000, restartedAt: 103_000 }
const sentBy = (pid: number) => `worker.log: {"level":30,"pid":${pid},"messageId":"<IR-1.confirmation.1@x>","msg":"Email sent"}`

describe('sentBeforeItsRecord', () => {
  it('should count a copy that arrived as the worker died, unlogged by it, sent again by the new worker', () => {
    expect(sentBeforeItsRecord([99_990, 110_000], [sentBy(42)], killed)).toBe(true)
    // Delivered by the kernel after the kill, before the new worker started.
    expect(sentBeforeItsRecord([100_050, 110_000], [sentBy(42)], killed)).toBe(true)
  })

  it('should not count a copy the killed worker had recorded (it logged it sent)', () => {
    expect(sentBeforeItsRecord([99_990, 110_000], [sentBy(41), sentBy(42)], killed)).toBe(false)
  })

  it('should not count copies far from the kill, or both after the restart, or three copies', () => {
    expect(sentBeforeItsRecord([90_000, 110_000], [], killed)).toBe(false)
    expect(sentBeforeItsRecord([104_000, 110_000], [], killed)).toBe(false)
    expect(sentBeforeItsRecord([99_990, 110_000, 111_000], [], killed)).toBe(false)
    expect(sentBeforeItsRecord([99_990, 110_000], [], null)).toBe(false)
  })
})
