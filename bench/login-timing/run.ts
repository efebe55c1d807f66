// `npm run bench:login-timing`: how long a failed customer login takes for a known email (wrong password) and for an
// unknown one, and how long a forgotten-password request takes for a known and an unknown email (customers and staff),
// interleaved, over HTTP through the CMS's request handler (tests/helpers/opsServer) on SQLite in a temporary folder,
// or PostgreSQL when TEST_DATABASE_URL is set. Each attempt comes from its own signed client address, so the login
// delay (docs/security/addresses-and-accounts.md) never applies. Printed and written to bench/RESULTS.md; never
// asserted (timings belong here, not in tests). Target (issue 18): each pair of medians within 20 % of each other.
import os from 'node:os'

import { appendResults } from '../lib/results.mjs'
import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../src/commerce/clientAddressSignature'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer } from '../../tests/helpers/opsServer'
import { bootPayload } from '../../tests/helpers/payload'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
// A reset request is short (a job insert), so load noise weighs more: twice the rounds, still a few seconds.
const RESET_ROUNDS = ROUNDS * 2
const SECRET = 'bench-client-address-secret-0123456789abcdef'

process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'
const loadBefore = os.loadavg()
const app = await bootPayload({ LOG_LEVEL: 'silent', CLIENT_ADDRESS_SECRET: SECRET })
const server = await startOpsServer(app.payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
await app.payload.create({ collection: 'customers', data: { email: 'known@example.com', password: 'the-right-password-1' } })
await app.payload.create({
  collection: 'users',
  data: { email: 'known-staff@example.com', password: 'the-right-staff-password-1', roles: ['merchandiser'] },
  context: { seed: true },
})

type Answer = { ms: number; status: number; body: string }
let attempt = 0
async function timed(path: string, json: Record<string, string>): Promise<Answer> {
  const n = ++attempt
  const headers = { [CLIENT_ADDRESS_HEADER]: signClientAddress(`10.77.${Math.floor(n / 250)}.${n % 250}`, SECRET) }
  const started = performance.now()
  const res = await http(`${server.url}${path}`, { method: 'POST', json, headers })
  return { ms: performance.now() - started, status: res.status, body: res.text }
}

type Pair = { known: number[]; unknown: number[]; answers: Set<string> }
/** Two warm-up rounds, then known and unknown interleaved (the order alternating), so load changes touch both alike. */
async function measure(rounds: number, knownCall: () => Promise<Answer>, unknownCall: (i: number) => Promise<Answer>): Promise<Pair> {
  for (let i = 0; i < 2; i++) {
    await knownCall()
    await unknownCall(-1 - i)
  }
  const pair: Pair = { known: [], unknown: [], answers: new Set() }
  for (let i = 0; i < rounds; i++) {
    const first = i % 2 === 0 ? await knownCall() : await unknownCall(i)
    const second = i % 2 === 0 ? await unknownCall(i) : await knownCall()
    const [k, u] = i % 2 === 0 ? [first, second] : [second, first]
    pair.known.push(k.ms)
    pair.unknown.push(u.ms)
    pair.answers.add(`${k.status} ${k.body}`).add(`${u.status} ${u.body}`)
  }
  return pair
}

const wrongPassword = { password: 'a-wrong-password-1' }
const login = await measure(
  ROUNDS,
  () => timed('/api/customers/login', { email: 'known@example.com', ...wrongPassword }),
  (i) => timed('/api/customers/login', { email: `nobody-${i}@example.com`, ...wrongPassword }),
)
const customerReset = await measure(
  RESET_ROUNDS,
  () => timed('/api/customers/forgot-password', { email: 'known@example.com' }),
  (i) => timed('/api/customers/forgot-password', { email: `nobody-reset-${i}@example.com` }),
)
const staffReset = await measure(
  RESET_ROUNDS,
  () => timed('/api/users/forgot-password', { email: 'known-staff@example.com' }),
  (i) => timed('/api/users/forgot-password', { email: `nobody-staff-${i}@example.com` }),
)
const loadAfter = os.loadavg()
await server.close()
await app.close()

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const median = (xs: number[]) => pct(xs, 50)
const differenceOf = ({ known, unknown }: Pair) => Math.abs(median(known) - median(unknown)) / Math.max(median(known), median(unknown))
const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${pct(xs, 90).toFixed(0)} | ${sorted(xs)[0].toFixed(0)} |`
const verdict = (pair: Pair) =>
  `Medians differ by ${(differenceOf(pair) * 100).toFixed(1)} % (target: within 20 %); ${pair.answers.size === 1 ? 'every answer had the same status and body' : `${pair.answers.size} different answers`}.`
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
const summary = (pair: Pair) => ({
  knownMedianMs: Number(median(pair.known).toFixed(1)),
  unknownMedianMs: Number(median(pair.unknown).toFixed(1)),
  differencePercent: Number((differenceOf(pair) * 100).toFixed(1)),
  distinctAnswers: pair.answers.size,
})
console.log(
  JSON.stringify({
    rounds: ROUNDS,
    resetRounds: RESET_ROUNDS,
    database,
    login: summary(login),
    customerReset: summary(customerReset),
    staffReset: summary(staffReset),
  }),
)
const table = ['| email | requests | median ms | p90 ms | fastest ms |', '| --- | --- | --- | --- | --- |']
appendResults(`Login timing, known and unknown emails (bench/login-timing, ${database})`, [
  `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${database}.`,
  `Load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before and ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after: other work shares the 2 cores.`,
  `${ROUNDS} logins and ${RESET_ROUNDS} reset requests of each kind, interleaved, over HTTP through the CMS's request handler, each from its own signed address.`,
  '',
  'Failed customer logins:',
  '',
  ...table,
  row('known (wrong password)', login.known),
  row('unknown', login.unknown),
  '',
  verdict(login),
  'Before issue 18 a known email took ~160 ms against ~20 ms for an unknown one (security review, 2026-12-02).',
  '',
  'Forgotten-password requests (`POST /api/customers/forgot-password`, `/api/users/forgot-password`; the request queues the `sendPasswordReset` job, which no worker runs during the bench):',
  '',
  ...table,
  row('customer, known', customerReset.known),
  row('customer, unknown', customerReset.unknown),
  row('staff, known', staffReset.known),
  row('staff, unknown', staffReset.unknown),
  '',
  `Customers: ${verdict(customerReset)}`,
  `Staff: ${verdict(staffReset)}`,
  "Before, Payload's own forgot-password wrote a token and sent the email inside the request for a known email only.",
])
process.exit(0)
