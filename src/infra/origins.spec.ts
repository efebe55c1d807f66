import { allowedOrigins, originRefusalMessage } from './origins'

const development = { strict: false, CMS_PORT: 8000, STOREFRONT_PORT: 3000, CMS_URL: undefined, STOREFRONT_URL: undefined }
const production = { ...development, strict: true, CMS_URL: 'https://cms.ipswich-retail.co.uk/', STOREFRONT_URL: 'https://ipswich-retail.co.uk' }

describe('allowedOrigins', () => {
  it('should accept every loopback address on the CMS and storefront ports in development', () => {
    const origins = allowedOrigins(development)
    expect(origins.cms).toEqual(['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000'])
    expect(origins.all).toEqual([...origins.cms, 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])
  })

  it('should leave serverURL empty in development, so the admin calls the address it was opened at', () => {
    expect(allowedOrigins({ ...development, CMS_URL: 'http://localhost:8000' }).serverURL).toBe('')
  })

  it('should add CMS_URL and STOREFRONT_URL to the loopback addresses in development without repeats', () => {
    const origins = allowedOrigins({ ...development, CMS_URL: 'http://cms.local:8000', STOREFRONT_URL: 'http://localhost:3000/' })
    expect(origins.cms).toContain('http://cms.local:8000')
    expect(origins.storefront).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])
  })

  it('should add CORS_ORIGINS to the CORS list but not to the CSRF list', () => {
    const origins = allowedOrigins({ ...production, CORS_ORIGINS: ['https://app.example.com'] })
    expect([origins.cors, origins.all.includes('https://app.example.com'), origins.isAllowed('https://app.example.com')]).toEqual([
      ['https://cms.ipswich-retail.co.uk', 'https://ipswich-retail.co.uk', 'https://app.example.com'],
      false,
      true,
    ])
  })

  it('should accept only CMS_URL and STOREFRONT_URL in staging and production', () => {
    const origins = allowedOrigins(production)
    expect([origins.all, origins.serverURL]).toEqual([['https://cms.ipswich-retail.co.uk', 'https://ipswich-retail.co.uk'], 'https://cms.ipswich-retail.co.uk'])
    expect([origins.isAllowed('http://127.0.0.1:8000'), origins.isAllowed('https://ipswich-retail.co.uk')]).toEqual([false, true])
  })

  it('should name the address to use when refusing another origin', () => {
    expect(originRefusalMessage(allowedOrigins(production), 'http://10.0.0.5:8000')).toBe(
      'Requests from http://10.0.0.5:8000 are not accepted here: open the admin at https://cms.ipswich-retail.co.uk',
    )
    expect(originRefusalMessage(allowedOrigins(development), 'http://192.168.1.4:8000')).toMatch(
      /open the admin at http:\/\/localhost:8000, http:\/\/127\.0\.0\.1:8000/,
    )
  })
})
