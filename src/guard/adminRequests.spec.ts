import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SanitizedConfig } from 'payload'

import { shopConfigWithoutDatabase } from '../../tests/helpers/guardConfig'
import { env } from '../infra/env'
import { capsFor, depthRefusal, limitRefusal } from '../infra/pageCaps'
import { createRequestGuard, type GuardRequest, type RequestGuard } from './index'

// What Payload's admin sent while tests/e2e/captureAdminRequests.ts and tests/e2e/admin.e2e.spec.ts (run with
// E2E_CAPTURE_ADMIN_REQUESTS=<file>) drove it in Chromium, both files merged without repeats: every collection's and
// the global's forms, drafts, publishing, version restore, bulk edits, preferences, the stock and Move order panels,
// an order's own form, CSV preview and apply, as the merchandiser and as the administrator.
type Captured = { method: string; url: string; headers: Record<string, string>; body?: string }
const fixtures = JSON.parse(readFileSync(path.resolve('tests/fixtures/admin-requests.json'), 'utf8')) as Captured[]

let guard: RequestGuard
let config: SanitizedConfig

beforeAll(async () => {
  Object.assign(process.env, { PAYLOAD_SECRET: 'guard-spec-secret-0123456789abcdef0123', EMAIL_VERIFICATION: 'false' })
  // Media files named in the captured URLs lived on the e2e server; their existence is not the request's shape.
  config = await shopConfigWithoutDatabase()
  guard = createRequestGuard(config, { maxBodyBytes: 1024 * 1024, maxUploadBytes: 5 * 1024 * 1024, checkUploadFiles: false })
}, 60000)

const asGuardRequest = ({ method, url, headers, body }: Captured): GuardRequest => {
  const raw = body === undefined ? undefined : Buffer.from(body)
  // Every captured request came from a logged-in admin session; its cookie was not kept in the file, so it is put back
  // (the guard lifts the anonymous page-size cap for callers with credentials, as the admin's relationship lookups need).
  const session = headers.cookie || headers.authorization ? {} : { cookie: 'payload-token=captured-session' }
  return { method, url, headers: { ...session, ...headers, ...(raw ? { 'content-length': String(raw.length) } : {}) }, ...(raw ? { body: raw } : {}) }
}

describe('the requests Payload’s admin sends', () => {
  it('should let every captured request through the guard', () => {
    const refused = fixtures.flatMap((req) => {
      const refusal = guard(asGuardRequest(req))
      return refusal ? [`${req.method} ${req.url} → ${refusal.status} ${refusal.body.error.message}`] : []
    })
    expect(refused).toEqual([])
  })

  it('should fit every captured read within the staff page and depth caps the route handlers apply (API_MAX_LIMIT_STAFF)', () => {
    const caps = capsFor('users', env())
    const refused = fixtures.flatMap((req) => {
      const query = Object.fromEntries(new URL(req.url, 'http://localhost').searchParams)
      const refusal = depthRefusal(query, caps) ?? (req.method === 'GET' ? limitRefusal(query, caps) : null)
      return refusal ? [`${req.method} ${req.url} → ${refusal.code}`] : []
    })
    expect([refused, fixtures.some((req) => req.url.includes('limit=250'))]).toEqual([[], true])
  })

  it('should include the form saves that were refused before: an empty list sent as 0 in multipart _payload', () => {
    const emptyVariants = fixtures.filter(
      (req) =>
        req.method === 'PATCH' &&
        req.url.startsWith('/api/products/') &&
        req.headers['content-type']?.startsWith('multipart/form-data') &&
        req.body?.includes('"variants":0'),
    )
    expect(emptyVariants.length).toBeGreaterThan(0)
  })

  it('should hold writes to every collection staff work on in the admin and to the store-settings global', () => {
    // The stock ledger is written only by the inventory's stock panel (POST /api/inventory/:id/adjust), never by a form.
    // The audit log is appended by the server alone (src/infra/audit.ts): nobody writes it from a form.
    const readOnly = new Set(['stock-movements', 'audit-log'])
    const forms = config.collections
      .filter((c) => !c.admin?.hidden && !c.slug.startsWith('payload-') && !readOnly.has(c.slug))
      .map((c): string => c.slug)
      .concat(config.globals.map((g) => `globals/${g.slug}`))
    // A write is any request but a read: a GET, or the POST the admin makes to ask what it may do (…/access/…).
    const written = new Set(
      fixtures
        .filter((req) => req.method !== 'GET' && !req.url.includes('/access'))
        .map((req) => {
          const [first, second] = req.url.split('?')[0].split('/').slice(2)
          return first === 'globals' ? `globals/${second}` : first
        }),
    )
    expect(forms.filter((slug) => !written.has(slug))).toEqual([])
  })
})
