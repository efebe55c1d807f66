import { generateWebhookSecret, signWebhook, verifyWebhook } from './signature'

const secret = 'whsec_test'
const body = '{"event":"order.placed"}'
const t = 1_800_000_000

describe('signWebhook', () => {
  it('should sign the timestamp and body with HMAC-SHA256', () => {
    // echo -n '1800000000.{"event":"order.placed"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook(secret, body, t)).toBe('t=1800000000,v1=eefd30bf729097329339852b411ab1d24bf13e879f4f35295895b1054d52975f')
    expect(signWebhook(secret, body, t)).not.toBe(signWebhook(secret, body, t + 1))
  })

  it('should make a new 64-hex-digit secret each time', () => {
    expect(generateWebhookSecret()).toMatch(/^whsec_[0-9a-f]{64}$/)
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret())
  })
})

describe('verifyWebhook', () => {
  const signature = signWebhook(secret, body, t)

  it('should accept a fresh signature over the same body', () => {
    expect(verifyWebhook({ secret, body, signature, now: t + 10 })).toEqual({ ok: true, timestamp: t })
  })

  it('should refuse a changed body or another secret', () => {
    expect(verifyWebhook({ secret, body: `${body} `, signature, now: t })).toEqual({ ok: false, reason: 'mismatch' })
    expect(verifyWebhook({ secret: 'whsec_other', body, signature, now: t })).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('should refuse a signature older than the replay window', () => {
    expect(verifyWebhook({ secret, body, signature, now: t + 301 })).toEqual({ ok: false, reason: 'too_old' })
    expect(verifyWebhook({ secret, body, signature, now: t + 3600, toleranceSeconds: 7200 })).toEqual({ ok: true, timestamp: t })
  })

  it('should refuse a missing or malformed header', () => {
    expect(verifyWebhook({ secret, body, signature: undefined, now: t })).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyWebhook({ secret, body, signature: `t=${t},v1=abc`, now: t })).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyWebhook({ secret, body, signature: signature.replace(`t=${t}`, 't=soon'), now: t })).toEqual({ ok: false, reason: 'malformed' })
  })

  it('should accept any of several v1 signatures, as during a secret rotation', () => {
    const other = signWebhook('whsec_old', body, t).split(',')[1]
    expect(verifyWebhook({ secret, body, signature: `${signature},${other}`, now: t }).ok).toBe(true)
  })
})
