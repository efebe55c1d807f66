// bench/read/profile.ts: where one uncached read's time goes, in process (no HTTP, no Next): the same Payload
// operations the REST and GraphQL routes run, on DATABASE_URL (a bench/read database), with every SQL statement
// counted and timed at the pg pool. Prints one JSON line per read. Usage:
//   DATABASE_URL=postgres://…/ir_bench_read_10000 npx tsx --conditions=production bench/read/profile.ts [rounds]
import { performance } from 'node:perf_hooks'
import { createLocalReq, getPayload } from 'payload'

import config from '../../payload.config'

const ROUNDS = Number(process.argv[2] ?? 50)
const payload = await getPayload({ config })
type Pool = { query: (...args: unknown[]) => Promise<unknown> }
const pool = (payload.db as unknown as { pool: Pool }).pool
const statements: { text: string; ms: number }[] = []
const original = pool.query.bind(pool)
pool.query = async (...args: unknown[]) => {
  const started = performance.now()
  try {
    return await original(...args)
  } finally {
    const first = args[0] as string | { text?: string }
    statements.push({ text: typeof first === 'string' ? first : (first?.text ?? '?'), ms: performance.now() - started })
  }
}

const slugs = (await payload.find({ collection: 'products', limit: 100, depth: 0, sort: 'slug', select: { slug: true } })).docs.map((d) => d.slug as string)
const anonymous = async () => {
  const req = await createLocalReq({}, payload)
  req.payloadAPI = 'REST'
  return req
}
const reads: Record<string, (i: number) => Promise<unknown>> = {
  'first 20, depth=1': async () => payload.find({ collection: 'products', limit: 20, depth: 1, overrideAccess: false, req: await anonymous() }),
  'first 20, depth=0': async () => payload.find({ collection: 'products', limit: 20, depth: 0, overrideAccess: false, req: await anonymous() }),
  'by slug, depth=1': async (i) =>
    payload.find({ collection: 'products', where: { slug: { equals: slugs[i % slugs.length] } }, depth: 1, overrideAccess: false, req: await anonymous() }),
}

for (const [name, read] of Object.entries(reads)) {
  for (let i = 0; i < 5; i++) await read(i) // warm-up
  statements.length = 0
  const started = performance.now()
  for (let i = 0; i < ROUNDS; i++) await read(i)
  const total = performance.now() - started
  const sqlMs = statements.reduce((sum, s) => sum + s.ms, 0)
  const shapes = new Map<string, { n: number; ms: number }>()
  for (const s of statements) {
    const shape = s.text.replace(/\$\d+/g, '?').replace(/\s+/g, ' ').slice(0, 160)
    const seen = shapes.get(shape) ?? { n: 0, ms: 0 }
    shapes.set(shape, { n: seen.n + 1, ms: seen.ms + s.ms })
  }
  console.log(
    JSON.stringify({
      read: name,
      msPerRead: +(total / ROUNDS).toFixed(2),
      statementsPerRead: +(statements.length / ROUNDS).toFixed(1),
      sqlMsPerRead: +(sqlMs / ROUNDS).toFixed(2),
      statements: [...shapes.entries()].map(([shape, v]) => ({ perRead: +(v.n / ROUNDS).toFixed(1), msEach: +(v.ms / v.n).toFixed(2), shape })),
    }),
  )
}
process.exit(0)
