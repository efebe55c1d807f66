import { startHandlerServer, type HandlerServer } from '../../tests/helpers/handlerServer'

// The API reference is served from swagger-ui-dist's files by the server itself: nothing loads from another host.

let server: HandlerServer
const nextCalls: string[] = []

beforeAll(async () => {
  server = await startHandlerServer((req, res) => {
    nextCalls.push(req.url ?? '')
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end('{"error":{"code":"route_not_found","message":"x"}}')
  })
})

afterAll(async () => {
  await server.close()
})

describe('/api/docs', () => {
  it('should serve a page that loads only its own scripts and styles and points at /api/openapi.json', async () => {
    const res = await fetch(`${server.url}/api/docs`)
    const html = await res.text()
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url)
    expect(sources.every((url) => url.startsWith('/api/docs/'))).toBe(true)
    const init = await (await fetch(`${server.url}/api/docs/init.js`)).text()
    expect(init).toContain("url: '/api/openapi.json'")
  })

  it('should serve the Swagger UI bundle and stylesheet from the package', async () => {
    const bundle = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`)
    const css = await fetch(`${server.url}/api/docs/swagger-ui.css`)
    expect([bundle.status, bundle.headers.get('content-type'), css.status]).toEqual([200, 'text/javascript; charset=utf-8', 200])
    expect((await bundle.text()).length).toBeGreaterThan(100_000)
  })

  it('should hand any other file under /api/docs to Next, not to the disk', async () => {
    const res = await fetch(`${server.url}/api/docs/..%2Fpackage.json`)
    expect(res.status).toBe(404)
    expect(nextCalls).toContain('/api/docs/..%2Fpackage.json')
  })
})
