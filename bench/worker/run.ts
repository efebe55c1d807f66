// bench/worker: how many order confirmations one jobs worker mails per second, on PostgreSQL, to a local SMTP server
// with pooled connections (as the drill and the operations guide set it). Places N orders through the checkout (each
// queues its confirmation), then starts the jobs runner and times it until every confirmation has arrived.
// Usage: [BENCH_PROFILE=worker.cpuprofile] TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/worker/run.ts [orders=400] [batch=20] [concurrency=2]
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'

import { startJobsRunner } from '../../src/jobs/runner'
import { memoryLock } from '../../src/infra/lock'
import { logger } from '../../src/infra/logger'
import { bootShop, checkoutBody, newKey, productWithStock } from '../../tests/helpers/shop'
import { startSmtpServer } from '../../tests/helpers/smtp'

const orders = Number(process.argv[2] ?? 400)
const batch = Number(process.argv[3] ?? 20)
const concurrency = Number(process.argv[4] ?? 2)

async function main() {
  if (!process.env.TEST_DATABASE_URL) throw new Error('set TEST_DATABASE_URL (a PostgreSQL server; the bench makes its own database)')
  const smtp = await startSmtpServer()
  const { app, payload, api, staff } = await bootShop({ SMTP_URL: `${smtp.url}/?pool=true`, DB_POOL_MAX: process.env.DB_POOL_MAX ?? '8' })
  try {
    await productWithStock(payload, api, staff, 'BENCH-W-1', 1200, orders * 2)
    const placing = Date.now()
    for (let i = 0; i < orders; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, orders - i) }, async () => {
          const res = await api.post('/checkout', checkoutBody([{ sku: 'BENCH-W-1', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
          if (res.status !== 201) throw new Error(`checkout: ${res.status} ${res.text}`)
        }),
      )
    }
    console.log(`${orders} orders placed in ${((Date.now() - placing) / 1000).toFixed(1)} s`)

    // BENCH_PROFILE=file.cpuprofile: a V8 CPU profile of the worker's part only.
    const profiler = process.env.BENCH_PROFILE ? new Session() : null
    if (profiler) {
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
    }
    const cpuBefore = process.cpuUsage()
    const started = Date.now()
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: logger(), pollMs: 100, batch, concurrency })
    while (smtp.mails.length < orders && Date.now() - started < 300_000) await new Promise((r) => setTimeout(r, 50))
    const seconds = (Date.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    await runner.stop()
    if (profiler) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile))
    console.log(
      `worker, batch ${batch} × ${concurrency}: ${smtp.mails.length} of ${orders} confirmations in ${seconds.toFixed(1)} s = ${(smtp.mails.length / seconds).toFixed(1)} emails/s; ` +
        `CPU ${((cpu.user + cpu.system) / 1000 / smtp.mails.length).toFixed(1)} ms per email; load ${os.loadavg()[0].toFixed(1)}`,
    )
  } finally {
    await app.close()
    await smtp.close()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
