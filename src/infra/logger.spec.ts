import { Writable } from 'node:stream'

import { createLogger, redactUrl } from './logger'

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
