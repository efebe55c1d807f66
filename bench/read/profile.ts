// bench/read/profile.ts: where one uncached read's time goes, in process and without Next's server: Payload's own
// REST and GraphQL route handlers (what Next's route calls) on DATABASE_URL (a bench/read database), each read run
// ROUNDS times one after another with every SQL statement counted and timed at the pg pool, under the V8 profiler.
// Prints per read: ms, statements and SQL time per request, and the CPU profile's parts. Usage:
//   DATABASE_URL=postgres://…/ir_bench_read_10000 npx tsx --conditions=production bench/read/profile.ts [rounds]
import { Session } from 'node:inspector/promises'
import { performance } from 'node:perf_hooks'
import { getPayload } from 'payload'

import config from '../../payload.config'
import { partsTable, profileParts, type CpuProfile } from './profileParts'

const ROUNDS = Number(process.argv[2] ?? 100)
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

type Handler = (req: Request, ctx?: { params: Promise<{ slug: string[] }> }) => Promise<Response>
const routes = await import('@payloadcms/next/routes')
const restGet = routes.REST_GET(config) as unknown as Handler
const graphqlPost = routes.GRAPHQL_POST(config) as unknown as Handler
const base = 'http://127.0.0.1:8000'
const get = (query: string) => restGet(new Request(`${base}/api/products?${query}`), { params: Promise.resolve({ slug: ['products'] }) })
const slugs = (await payload.find({ collection: 'products', limit: 100, depth: 0, sort: 'slug', select: { slug: true } })).docs.map((d) => d.slug as string)
const reads: Record<string, (i: number) => Promise<Response>> = {
  'first 20 products, depth=1': () => get('limit=20&depth=1'),
  'first 20 products, depth=0': () => get('limit=20&depth=0'),
  'product by slug, depth=1': (i) => get(`where[slug][equals]=${encodeURIComponent(slugs[i % slugs.length]!)}&depth=1`),
  'GraphQL first 20': () =>
    graphqlPost(
      new Request(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Products(limit: 20, sort: "title") { totalDocs docs { id title slug price } } }' }),
      }),
    ),
}

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 200 })
for (const [name, read] of Object.entries(reads)) {
  for (let i = 0; i < 10; i++) await (await read(i)).arrayBuffer() // warm-up
  statements.length = 0
  await session.post('Profiler.start')
  const started = performance.now()
  for (let i = 0; i < ROUNDS; i++) {
    const res = await read(i)
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`)
    await res.arrayBuffer()
  }
  const total = performance.now() - started
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile }
  const sqlMs = statements.reduce((sum, s) => sum + s.ms, 0)
  const shapes = new Map<string, { n: number; ms: number }>()
  for (const s of statements) {
    const shape = s.text.replace(/\$\d+/g, '?').replace(/\s+/g, ' ').slice(0, 110)
    const seen = shapes.get(shape) ?? { n: 0, ms: 0 }
    shapes.set(shape, { n: seen.n + 1, ms: seen.ms + s.ms })
  }
  console.log(`\n### ${name}: ${(total / ROUNDS).toFixed(2)} ms per request (one at a time, ${ROUNDS} requests)`)
  console.log(`${(statements.length / ROUNDS).toFixed(1)} SQL statements per request, ${(sqlMs / ROUNDS).toFixed(2)} ms of SQL (wall) per request:\n`)
  console.log('| statement | per request | ms each |\n| --- | --- | --- |')
  for (const [shape, v] of shapes) console.log(`| \`${shape.replace(/\|/g, '\\|')}…\` | ${(v.n / ROUNDS).toFixed(1)} | ${(v.ms / v.n).toFixed(2)} |`)
  console.log('')
  for (const line of partsTable(profileParts(profile), ROUNDS)) console.log(line)
}
process.exit(0)
