import { readFileSync } from 'node:fs'
import path from 'node:path'

import { shopConfigWithoutDatabase } from '../../tests/helpers/guardConfig'
import { createRequestGuard, type GuardRequest, type RequestGuard } from './index'

// What Payload's admin sent while tests/e2e/admin.e2e.spec.ts (and tests/e2e/captureAdminRequests.ts) drove it in
// Chromium: every collection's and the global's forms, drafts, publishing, version restore, bulk edits, preferences.
type Captured = { method: string; url: string; headers: Record<string, string>; body?: string }
const fixtures = JSON.parse(readFileSync(path.resolve('tests/fixtures/admin-requests.json'), 'utf8')) as Captured[]

let guard: RequestGuard

beforeAll(async () => {
  Object.assign(process.env, { PAYLOAD_SECRET: 'guard-spec-secret-0123456789abcdef0123', EMAIL_VERIFICATION: 'false' })
  // Media files named in the captured URLs lived on the e2e server; their existence is not the request's shape.
  guard = createRequestGuard(await shopConfigWithoutDatabase(), { maxBodyBytes: 1024 * 1024, maxUploadBytes: 5 * 1024 * 1024, checkUploadFiles: false })
}, 60000)

const asGuardRequest = ({ method, url, headers, body }: Captured): GuardRequest => {
  const raw = body === undefined ? undefined : Buffer.from(body)
  return { method, url, headers: { ...headers, ...(raw ? { 'content-length': String(raw.length) } : {}) }, ...(raw ? { body: raw } : {}) }
}

describe('the requests Payload’s admin sends', () => {
  it('should let every captured request through the guard', () => {
    const refused = fixtures.flatMap((req) => {
      const refusal = guard(asGuardRequest(req))
      return refusal ? [`${req.method} ${req.url} → ${refusal.status} ${refusal.body.error.message}`] : []
    })
    expect(refused).toEqual([])
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
})
