import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'

import { bufferedDestination, createLogger, redactUrl } from './logger'

function capture() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  return { lines, logger: createLogger({ level: 'info', destination }) }
}

describe('redactUrl', () => {
  it('should mask tokens and passwords in query strings', () => {
    expect(redactUrl('/api/orders/lookup?number=IR-000001&token=abc123')).toBe('/api/orders/lookup?number=IR-000001&token=[redacted]')
    expect(redactUrl('/x?password=hunter2&a=1')).toBe('/x?password=[redacted]&a=1')
  })

  it('should mask anything shaped like a card number', () => {
    expect(redactUrl('/x?q=4242 4242 4242 4242')).not.toContain('4242')
  })
})

describe('createLogger', () => {
  it('should never write passwords, tokens, cookies or card details', () => {
    const { lines, logger } = capture()
    logger.info(
      {
        password: 'hunter2',
        body: { card: { number: '4242424242424242' }, token: 't0k3n' },
        req: { headers: { authorization: 'JWT abc', cookie: 'payload-token=xyz' } },
      },
      'attempt',
    )
    const text = lines.join('')
    expect(text).not.toMatch(/hunter2|4242424242424242|t0k3n|JWT abc|payload-token=xyz/)
    expect(text).toContain('[redacted]')
  })
})

describe('bufferedDestination', () => {
  it('should write a lone line within a second and a half, though it is far short of a chunk', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ir-log-')), 'out.log')
    const destination = bufferedDestination(file)
    createLogger({ level: 'info', destination }).error('the only line')
    const read = () => (existsSync(file) ? readFileSync(file, 'utf8') : '')
    for (let i = 0; i < 30 && !read().includes('the only line'); i++) await new Promise((r) => setTimeout(r, 50))
    expect(read()).toContain('the only line')
    destination.end()
  })
})
