import { guardedClient } from '../helpers/guardedClient'
import { shopFixture, type ShopFixture } from '../helpers/guardedFixtures'
import { badRequests, fuzzTargets, type FuzzCase } from '../helpers/guardedFuzz'
import { goodRequests } from '../helpers/guardedGoodRequests'
import { bootPayload, type TestPayload } from '../helpers/payload'

// Production-like settings (debug off), as the shop runs; in development Payload adds a stack to every error on purpose.
const SEED = Number(process.env.HARDENING_SEED ?? 20250207)
const COUNT = Number(process.env.HARDENING_FUZZ_COUNT ?? 2400)
const MAX_BODY_BYTES = 64 * 1024
// HARDENING_BYPASS_GUARD=1 sends the same requests straight to Payload, to measure what the guard saves (the run fails).
const BYPASS = process.env.HARDENING_BYPASS_GUARD === '1'
const LEAKS = [/at .*\(.*:\d+:\d+\)/, /SELECT /, /INSERT /, /syntax error/, /drizzle/, /SQLITE_/]

let app: TestPayload
let api: Awaited<ReturnType<typeof guardedClient>>
let fixture: ShopFixture
const faults: unknown[] = []

beforeAll(async () => {
  app = await bootPayload({ APP_ENV: 'staging', PAYMENT_METHODS: 'manual', EMAIL_VERIFICATION: 'false' })
  const letAllThrough = Object.assign(() => null, { bodyLimit: () => Infinity })
  api = await guardedClient(app.payload.config, { maxBodyBytes: MAX_BODY_BYTES, onFault: (e) => faults.push(e) }, BYPASS ? letAllThrough : undefined)
  fixture = await shopFixture(app.payload, api)
}, 300000)

afterAll(async () => {
  await app?.close()
})

type Outcome = { case: FuzzCase; status: number; text: string; refusedByGuard: boolean }

async function send(c: FuzzCase): Promise<Outcome> {
  const token = c.as === 'staff' ? fixture.staff : c.as === 'customer' ? fixture.customer : undefined
  const res = await api.request(c.method, c.path, { ...c.opts, token })
  return { case: c, status: res.status, text: res.text, refusedByGuard: res.refusedByGuard }
}

describe('the request guard in front of Payload, under a seeded fuzz of bad requests', () => {
  it('should answer every bad request below 500 without a stack trace or SQL, and keep answering good requests', async () => {
    const started = Date.now()
    const good = goodRequests(fixture)
    const ctx = { targets: fuzzTargets(app.payload.config), victimIds: fixture.victimIds, orderId: fixture.order.id, maxBodyBytes: MAX_BODY_BYTES }
    const outcomes: Outcome[] = []
    const goodFailures: string[] = []
    let goodSent = 0
    let i = 0
    for (const c of badRequests(SEED, ctx, COUNT)) {
      outcomes.push(await send(c))
      if (++i % 8 === 0) {
        const g = good[goodSent++ % good.length]
        const res = await g.run(api)
        if (!g.expect(res)) goodFailures.push(`${g.name}: ${res.status} ${res.text.slice(0, 300)}`)
      }
    }
    const serverErrors = outcomes.filter((o) => o.status >= 500)
    const leaks = outcomes.filter((o) => LEAKS.some((re) => re.test(o.text)))
    const byStatus: Record<number, number> = {}
    const byKind: Record<string, number> = {}
    for (const o of outcomes) {
      byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
      const kind = o.case.kind.split(':')[0]
      byKind[kind] = (byKind[kind] ?? 0) + 1
    }
    const summary = {
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite',
      seed: SEED,
      guard: BYPASS ? 'bypassed' : 'on',
      bad: outcomes.length,
      refusedByGuard: outcomes.filter((o) => o.refusedByGuard).length,
      good: goodSent,
      goodFailures: goodFailures.length,
      serverErrors: serverErrors.length,
      leaks: leaks.length,
      guardFaults: faults.length,
      seconds: (Date.now() - started) / 1000,
      byStatus,
      byKind,
    }
    console.log(`HARDENING FUZZ ${JSON.stringify(summary)}`)
    const show = (o: Outcome) =>
      `${o.case.as} ${o.case.method} ${o.case.path.slice(0, 200)} ${JSON.stringify(o.case.opts).slice(0, 200)} → ${o.status} ${o.text.slice(0, 300)}`
    const problems = {
      serverErrors: serverErrors.slice(0, 15).map(show),
      leaks: leaks.slice(0, 15).map(show),
      goodFailures: goodFailures.slice(0, 15),
      guardFaults: faults.map((e) => (e as Error)?.stack ?? String(e)).slice(0, 5),
    }
    expect(problems).toEqual({ serverErrors: [], leaks: [], goodFailures: [], guardFaults: [] })
    expect(outcomes.length).toBeGreaterThanOrEqual(2000)
  }, 900000)
})
