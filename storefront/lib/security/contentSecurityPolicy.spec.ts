import { newNonce, pageContentSecurityPolicy } from './contentSecurityPolicy'

describe('pageContentSecurityPolicy', () => {
  it('should allow scripts only from this site and with the nonce, never inline without it', () => {
    const policy = pageContentSecurityPolicy('abc123')
    const scripts = policy.split('; ').find((d) => d.startsWith('script-src'))
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'")
  })

  it('should refuse to be framed', () => {
    expect(pageContentSecurityPolicy('n')).toContain("frame-ancestors 'none'")
  })

  it('should give a different nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce())
  })
})
