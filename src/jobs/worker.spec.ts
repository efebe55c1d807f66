import { createServer } from 'node:net'
import type { Payload } from 'payload'
import pino from 'pino'

import { memoryLock } from '../infra/lock'
import { setLogger } from '../infra/logger'
import { jobsRunnerActive } from './runnerFlag'
import { startWorker } from './worker'

setLogger(pino({ level: 'silent' }))

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

describe('startWorker', () => {
  it('should run the jobs queue and serve its metrics until stopped', async () => {
    const port = await freePort()
    const payload = { find: async () => ({ docs: [] }) } as unknown as Payload
    const worker = startWorker(payload, { WORKER_POLL_MS: 10, WORKER_BATCH: 5, WORKER_METRICS_PORT: port, METRICS_TOKEN: undefined }, memoryLock())
    await new Promise((resolve) => setTimeout(resolve, 50))
    const whileRunning = { active: jobsRunnerActive(), metrics: (await fetch(`http://127.0.0.1:${port}/metrics`)).status }
    await worker.stop()
    const afterStop = await fetch(`http://127.0.0.1:${port}/metrics`).then(
      (r) => r.status,
      () => 'refused',
    )
    expect(whileRunning).toEqual({ active: true, metrics: 200 })
    expect({ active: jobsRunnerActive(), metrics: afterStop }).toEqual({ active: false, metrics: 'refused' })
  })
})
