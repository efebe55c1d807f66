// Shares of a V8 CPU profile's busy samples by the parts named in issue 15 (inclusive: a sample counts once for every
// part on its stack). Used by bench/read/profile.ts (in process) and bench/read/cpuProfile.ts (the built server).
export type CpuProfile = { nodes: CpuNode[]; samples: number[]; timeDeltas: number[]; startTime: number }
type CpuNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] }

export type Part = [string, (url: string, fn: string) => boolean]

export const PARTS: Part[] = [
  ['Next (server, routing, request/response adapters)', (u) => u.includes('/next/dist/') || u.includes('/.next')],
  ['Payload handlers and operations', (u) => u.includes('/payload/dist/') || u.includes('/@payloadcms/next/')],
  ['  afterRead field hooks (population, virtual fields, field access)', (u) => u.includes('/payload/dist/fields/hooks/afterRead')],
  ['  relationship/upload population', (u, fn) => u.includes('/payload/dist/') && /populat|dataloader|getDataLoader/i.test(u + fn)],
  ['  access evaluation', (u) => u.includes('/payload/dist/auth/') || u.includes('/src/access/')],
  ['  drizzle: query building and row transform', (u) => u.includes('/@payloadcms/drizzle/') || u.includes('/drizzle-orm/')],
  ['  pg driver (protocol, parsing rows)', (u) => u.includes('/pg/') || u.includes('/pg-protocol/') || u.includes('/pg-types/') || u.includes('/pg-pool/')],
  ['  lexical rich text', (u) => u.includes('richtext-lexical') || u.includes('/lexical/')],
  ['  GraphQL execution', (u) => u.includes('/graphql/') || u.includes('/@payloadcms/graphql/')],
  ['our hooks (collections/, plugins/, src/infra)', (u) => !u.includes('node_modules') && /\/(collections|plugins|src\/infra)\//.test(u)],
  ['our server front (src/server)', (u) => u.includes('/src/server/')],
  ['request guard (src/guard)', (u) => u.includes('/src/guard/')],
  ['logging (pino)', (u) => u.includes('/pino')],
  ['metrics (prom-client)', (u) => u.includes('/prom-client/')],
  ['JSON.stringify / JSON.parse', (u, fn) => u === '' && (fn === 'stringify' || fn === 'parse')],
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
]

/** Busy microseconds, and per part, of the samples taken between `from` and `to` (µs on the profile's clock). */
export function profileParts(profile: CpuProfile, from = -Infinity, to = Infinity, named: Part[] = PARTS): { busy: number; parts: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const parts = new Map<string, number>()
  let busy = 0
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    at += dt
    if (at < from || at > to) return
    const leaf = byId.get(id)!.callFrame.functionName
    if (leaf === '(idle)' || leaf === '(program)') return
    busy += dt
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const { url, functionName } = byId.get(n)!.callFrame
      for (const [name, match] of named) if (match(url, functionName)) seen.add(name)
    }
    for (const name of seen) parts.set(name, (parts.get(name) ?? 0) + dt)
  })
  return { busy, parts }
}

/** A markdown table of the parts: share of busy CPU and milliseconds per request. */
export function partsTable({ busy, parts }: ReturnType<typeof profileParts>, requests: number, named: Part[] = PARTS): string[] {
  return [
    '| part | share of busy CPU | ms per request |',
    '| --- | --- | --- |',
    `| all (busy CPU) | 100 % | ${(busy / 1000 / requests).toFixed(2)} |`,
    ...named.map(([name]) => {
      const t = parts.get(name) ?? 0
      return `| ${name} | ${((t / busy) * 100).toFixed(1)} % | ${(t / 1000 / requests).toFixed(2)} |`
    }),
  ]
}
