// `npm run bench:login-timing`: how long a failed customer login takes for a known email (wrong password) and for an
// unknown one, interleaved, over HTTP through the CMS's request handler (tests/helpers/opsServer) on SQLite in a
// temporary folder, or PostgreSQL when TEST_DATABASE_URL is set. Each attempt comes from its own signed client address,
// so the login delay (docs/security/addresses-and-accounts.md) never applies. Printed and written to bench/RESULTS.md;
// never asserted (timings belong here, not in tests). Target (issue 18): the two medians within 20 % of each other.
import os from 'node:os'

import { appendResults } from '../lib/results.mjs'
import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../src/commerce/clientAddressSignature'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer } from '../../tests/helpers/opsServer'
import { bootPayload } from '../../tests/helpers/payload'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const SECRET = 'bench-client-address-secret-0123456789abcdef'

process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'
const loadBefore = os.loadavg()
const app = await bootPayload({ LOG_LEVEL: 'silent', CLIENT_ADDRESS_SECRET: SECRET })
const server = await startOpsServer(app.payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
await app.payload.create({ collection: 'customers', data: { email: 'known@example.com', password: 'the-right-password-1' } })

let attempt = 0
async function timedLogin(email: string): Promise<{ ms: number; status: number; body: string }> {
  const n = ++attempt
  const headers = { [CLIENT_ADDRESS_HEADER]: signClientAddress(`10.77.${Math.floor(n / 250)}.${n % 250}`, SECRET) }
  const started = performance.now()
  const res = await http(`${server.url}/api/customers/login`, { method: 'POST', json: { email, password: 'a-wrong-password-1' }, headers })
  return { ms: performance.now() - started, status: res.status, body: res.text }
}

// Two warm-up rounds, then interleaved known/unknown so load changes touch both alike.
for (let i = 0; i < 2; i++) {
  await timedLogin('known@example.com')
  await timedLogin(`warm-${i}@example.com`)
}
const known: number[] = []
const unknown: number[] = []
const answers = new Set<string>()
for (let i = 0; i < ROUNDS; i++) {
  const a = i % 2 === 0 ? await timedLogin('known@example.com') : await timedLogin(`nobody-${i}@example.com`)
  const b = i % 2 === 0 ? await timedLogin(`nobody-${i}@example.com`) : await timedLogin('known@example.com')
  const [k, u] = i % 2 === 0 ? [a, b] : [b, a]
  known.push(k.ms)
  unknown.push(u.ms)
  answers.add(`${k.status} ${k.body}`).add(`${u.status} ${u.body}`)
}
const loadAfter = os.loadavg()
await server.close()
await app.close()

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const median = (xs: number[]) => pct(xs, 50)
const diff = Math.abs(median(known) - median(unknown)) / Math.max(median(known), median(unknown))
const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${pct(xs, 90).toFixed(0)} | ${sorted(xs)[0].toFixed(0)} |`
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
const result = {
  rounds: ROUNDS,
  database,
  knownMedianMs: Number(median(known).toFixed(1)),
  unknownMedianMs: Number(median(unknown).toFixed(1)),
  differencePercent: Number((diff * 100).toFixed(1)),
  distinctAnswers: answers.size,
}
console.log(JSON.stringify(result))
appendResults(`Login timing, known and unknown emails (bench/login-timing, ${database})`, [
  `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${database}.`,
  `Load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before and ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after: other work shares the 2 cores.`,
  `${ROUNDS} failed logins of each kind, interleaved, over HTTP through the CMS's request handler, each from its own signed address.`,
  '',
  '| email | logins | median ms | p90 ms | fastest ms |',
  '| --- | --- | --- | --- | --- |',
  row('known (wrong password)', known),
  row('unknown', unknown),
  '',
  `Medians differ by ${(diff * 100).toFixed(1)} % (target: within 20 %); ${answers.size === 1 ? 'every answer had the same status and body' : `${answers.size} different answers`}.`,
  'Before issue 18 a known email took ~160 ms against ~20 ms for an unknown one (security review, 2026-12-02).',
])
process.exit(0)
