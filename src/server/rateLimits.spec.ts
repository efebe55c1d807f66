import { accountOf, graphqlLimitRule, restLimitRule } from './rateLimits'

const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))

describe('restLimitRule', () => {
  it('should limit logins, checkouts, quotes and registrations per address, for POSTs only', () => {
    expect([
      restLimitRule('POST', '/api/users/login'),
      restLimitRule('POST', '/api/checkout'),
      restLimitRule('POST', '/api/customers'),
      restLimitRule('GET', '/api/customers'),
      restLimitRule('POST', '/api/products'),
    ]).toEqual([{ bucket: 'login', perAccount: false }, { bucket: 'checkout', perAccount: false }, { bucket: 'register', perAccount: false }, null, null])
  })
})

describe('graphqlLimitRule', () => {
  it('should count login and createCustomer mutations, and nothing else', () => {
    expect([
      graphqlLimitRule('mutation { loginCustomer(email: "a", password: "b") { token } }'),
      graphqlLimitRule('mutation { createCustomer(data: {}) { id } }'),
      graphqlLimitRule('mutation { logoutUser }'),
      graphqlLimitRule('{ loginCustomer }'),
    ]).toEqual([{ bucket: 'login', perAccount: false, cost: 1 }, { bucket: 'register', perAccount: false }, null, null])
  })

  it('should count forgotten-password requests, REST and GraphQL, against the registration limit', () => {
    expect([
      restLimitRule('POST', '/api/customers/forgot-password'),
      restLimitRule('POST', '/api/users/forgot-password'),
      graphqlLimitRule('mutation { forgotPasswordUser(email: "a@example.com") }'),
    ]).toEqual([
      { bucket: 'register', perAccount: false },
      { bucket: 'register', perAccount: false },
      { bucket: 'register', perAccount: false },
    ])
  })

  it('should count each aliased login as one attempt', () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: loginCustomer(email: "x@example.com", password: "p${i}") { token }`).join(' ')
    expect(graphqlLimitRule(`mutation { ${aliases} }`)).toEqual({ bucket: 'login', perAccount: false, cost: 15 })
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
