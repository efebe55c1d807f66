import type { IncomingMessage } from 'node:http'

import { CLIENT_ADDRESS_HEADER, clientAddress, signClientAddress, stampClientAddress, trustedProxyList, verifyClientAddress } from './clientAddress'

const SECRET = 'unit-client-address-secret-0123456789abcdef'
const settings = (proxies: string[] = []) => ({ secret: SECRET, trustedProxies: trustedProxyList(proxies) })
const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage
const now = () => Math.floor(Date.now() / 1000)

describe('verifyClientAddress', () => {
  it('should accept a fresh signature and refuse a forged, expired or future one', () => {
    expect([
      verifyClientAddress(signClientAddress('203.0.113.7', SECRET), SECRET),
      verifyClientAddress(signClientAddress('203.0.113.7', 'another-secret'), SECRET),
      verifyClientAddress(signClientAddress('203.0.113.7', SECRET, now() - 31), SECRET),
      verifyClientAddress(signClientAddress('203.0.113.7', SECRET, now() + 31), SECRET),
      verifyClientAddress(signClientAddress('203.0.113.7', SECRET).replace('203.0.113.7', '203.0.113.8'), SECRET),
      verifyClientAddress('t=1,a=1.2.3.4', SECRET),
    ]).toEqual(['203.0.113.7', null, null, null, null, null])
  })
})

describe('clientAddress', () => {
  it('should use the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('10.9.9.9', { 'x-forwarded-for': '1.2.3.4' }), settings())).toBe('10.9.9.9')
  })

  it('should believe X-Forwarded-For hops only while the hop that added them is a trusted proxy', () => {
    const forwarded = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 10.0.0.5' }
    expect([
      clientAddress(request('10.0.0.9', forwarded), settings(['10.0.0.0/8'])),
      clientAddress(request('10.0.0.9', forwarded), settings(['10.0.0.9'])),
      clientAddress(request('192.0.2.1', forwarded), settings(['10.0.0.0/8'])),
    ]).toEqual(['2.2.2.2', '10.0.0.5', '192.0.2.1'])
  })

  it('should take a validly signed address over the socket, and ignore a forged one', () => {
    expect([
      clientAddress(request('127.0.0.1', { [CLIENT_ADDRESS_HEADER]: signClientAddress('198.51.100.4', SECRET) }), settings()),
      clientAddress(request('127.0.0.1', { [CLIENT_ADDRESS_HEADER]: signClientAddress('198.51.100.4', 'guessed') }), settings()),
    ]).toEqual(['198.51.100.4', '127.0.0.1'])
  })

  it('should read the address stamped by the server from a fetch-style request', () => {
    const req = request('::ffff:127.0.0.1')
    stampClientAddress(req, settings())
    const later = { headers: new Headers({ [CLIENT_ADDRESS_HEADER]: String(req.headers[CLIENT_ADDRESS_HEADER]) }) }
    expect(clientAddress(later, settings())).toBe('127.0.0.1')
  })
})
