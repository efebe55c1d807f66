import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { staffToken } from '../helpers/shop'

// Payload's CSRF check (extractJWT) keeps a session cookie only when the request's Origin is in config.csrf, which
// allowedOrigins() fills: the quick start (development, CMS_URL unset) is the configuration under test.
let app: TestPayload
let rest: Awaited<ReturnType<typeof restClient>>
let token: string

beforeAll(async () => {
  delete process.env.CMS_URL
  delete process.env.STOREFRONT_URL
  app = await bootPayload({ CMS_PORT: '8000' })
  rest = await restClient(app.payload.config)
  token = (await staffToken(app.payload)).token
})

afterAll(async () => {
  await app?.close()
})

const meFrom = async (origin: string) => (await rest.get('/users/me', { headers: { cookie: `payload-token=${token}`, origin } })).json?.user?.email

describe('the admin session cookie in development', () => {
  it.each(['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000'])('should keep the session of a request from %s', async (origin) => {
    expect(await meFrom(origin)).toMatch(/@example\.com$/)
  })

  it('should drop the session of a request from another origin', async () => {
    expect(await meFrom('http://evil.example')).toBeUndefined()
  })

  it('should leave serverURL empty so the admin calls back to the address it was opened at', () => {
    expect(app.payload.config.serverURL).toBe('')
  })
})
