import type { IncomingMessage } from 'node:http'

import { accountOf, clientIp, graphqlLimitRule, restLimitRule } from './rateLimits'

const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage

describe('restLimitRule', () => {
  it('should limit logins per account and checkouts, quotes and registrations per address, for POSTs only', () => {
    expect([
      restLimitRule('POST', '/api/users/login'),
      restLimitRule('POST', '/api/checkout'),
      restLimitRule('POST', '/api/customers'),
      restLimitRule('GET', '/api/customers'),
      restLimitRule('POST', '/api/products'),
    ]).toEqual([{ bucket: 'login', perAccount: true }, { bucket: 'checkout', perAccount: false }, { bucket: 'register', perAccount: false }, null, null])
  })
})

describe('graphqlLimitRule', () => {
  it('should count login and createCustomer mutations, and nothing else', () => {
    expect([
      graphqlLimitRule('mutation { loginCustomer(email: "a", password: "b") { token } }'),
      graphqlLimitRule('mutation { createCustomer(data: {}) { id } }'),
      graphqlLimitRule('mutation { logoutUser }'),
      graphqlLimitRule('{ loginCustomer }'),
    ]).toEqual([{ bucket: 'login', perAccount: true }, { bucket: 'register', perAccount: false }, null, null])
  })
})

describe('accountOf', () => {
  it('should find the account in JSON, form and GraphQL bodies, trimmed and lower-cased', () => {
    expect([
      accountOf(body({ email: ' Someone@Example.com ' }), 'application/json'),
      accountOf(body('username=Staff-1&password=x'), 'application/x-www-form-urlencoded'),
      accountOf(body({ query: 'mutation($e: String!) { loginUser(email: $e) { token } }', variables: { email: 'Var@Example.com' } }), 'application/json'),
      accountOf(body({ query: 'mutation { loginUser(email: "Inline@Example.com", password: "x") { token } }' }), 'application/json'),
    ]).toEqual(['someone@example.com', 'staff-1', 'var@example.com', 'inline@example.com'])
  })

  it('should find no account in a malformed body or one without an email', () => {
    expect([accountOf(body('{not json'), 'application/json'), accountOf(body({ email: '  ' }), 'application/json'), accountOf(body({}), undefined)]).toEqual([
      null,
      null,
      null,
    ])
  })
})

describe('clientIp', () => {
  it('should use the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientIp(request('10.9.9.9', '1.2.3.4'), 0)).toBe('10.9.9.9')
  })

  it('should take the address the trusted proxies saw, counted from the right', () => {
    expect([clientIp(request('10.9.9.9', '1.1.1.1, 2.2.2.2, 3.3.3.3'), 1), clientIp(request('10.9.9.9', '1.1.1.1, 2.2.2.2, 3.3.3.3'), 2)]).toEqual([
      '3.3.3.3',
      '2.2.2.2',
    ])
  })

  it('should fall back to the first forwarded address, then the socket, when there are fewer hops than trusted', () => {
    expect([clientIp(request('10.9.9.9', '1.1.1.1'), 3), clientIp(request('10.9.9.9'), 1)]).toEqual(['1.1.1.1', '10.9.9.9'])
  })
})
