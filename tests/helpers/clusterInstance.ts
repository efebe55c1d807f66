// One CMS instance of a test cluster, as its own process (tests/helpers/cluster.ts starts it with tsx): Payload on the
// shared database, the server's request handler (read cache, rate limits, guard) with Payload's route handlers where
// Next would be, and the jobs runner under the shared lock (not with --no-jobs). `--port N` listens on N (the drill's
// balancer needs fixed addresses). `--after-file F` loads Payload's modules, then waits for F to exist before connecting
// (the drill starts instances while its migrations run; F holds "failed" if they failed). It prints {"url": …} once it
// serves.
import { existsSync, readFileSync } from 'node:fs'

import { readCache } from '../../src/infra/cache'
import { processLock } from '../../src/infra/lock'
import { logger } from '../../src/infra/logger'
import { rateLimiter } from '../../src/infra/rateLimit'
import { loadPayload } from '../../src/jobs/process'
import { startJobsRunner } from '../../src/jobs/runner'
import { startOpsServer } from './opsServer'

const arg = (name: string) => process.argv.indexOf(name)
const port = arg('--port') > 0 ? Number(process.argv[arg('--port') + 1]) : 0
const after = arg('--after-file') > 0 ? process.argv[arg('--after-file') + 1] : null
if (after) {
  await Promise.all([import('payload'), import('../../payload.config')])
  while (!existsSync(after)) await new Promise((r) => setTimeout(r, 100))
  if (readFileSync(after, 'utf8').trim() === 'failed') process.exit(1)
}
const payload = await loadPayload()
const server = await startOpsServer(payload, { cache: readCache(), limiter: rateLimiter(), logger: logger(), port })
await readCache().ready()
const runner = arg('--no-jobs') > 0 ? { stop: async () => {} } : startJobsRunner({ payload, lock: processLock(), logger: logger(), pollMs: 200, batch: 50 })
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)

process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => server.close())
    .finally(() => process.exit(0))
})
