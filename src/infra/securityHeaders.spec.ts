import nextConfig from '../../next.config.mjs'
import { adminContentSecurityPolicy, isAdminPage, SECURITY_HEADERS } from './securityHeaders'

type HeaderRule = { source: string; headers: { key: string; value: string }[] }

async function configHeaders(source: string): Promise<Record<string, string>> {
  const rules = (await (nextConfig as { headers: () => Promise<HeaderRule[]> }).headers()) as HeaderRule[]
  const rule = rules.find((r) => r.source === source)
  return Object.fromEntries((rule?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]))
}

describe('the CMS security headers', () => {
  it('should be the same in next.config.mjs (next start, next dev) as in the server front', async () => {
    expect(await configHeaders('/:path*')).toEqual(SECURITY_HEADERS)
  })

  it('should refuse framing in both the header and the admin policy', () => {
    expect(SECURITY_HEADERS['x-frame-options']).toBe('DENY')
    expect(adminContentSecurityPolicy('n')).toContain("frame-ancestors 'none'")
  })

  it('should allow admin scripts from the CMS and with the nonce only, never any inline script', () => {
    const scripts = adminContentSecurityPolicy('abc')
      .split('; ')
      .find((d) => d.startsWith('script-src'))
    expect(scripts).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'")
  })

  it('should tell admin pages from the API', () => {
    expect(['/admin', '/admin/collections/products', '/api/products', '/administrator'].map(isAdminPage)).toEqual([true, true, false, false])
  })
})
