import { isPrivateAddress, webhookUrlProblem } from './addresses'

describe('isPrivateAddress', () => {
  it('should refuse loopback, private, link-local and unspecified addresses', () => {
    const refused = ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1']
    expect(refused.filter((a) => !isPrivateAddress(a))).toEqual([])
  })

  it('should see through IPv4-mapped IPv6 and brackets', () => {
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isPrivateAddress('[::1]')).toBe(true)
    expect(isPrivateAddress('::ffff:93.184.216.34')).toBe(false)
  })

  it('should allow public addresses', () => {
    expect(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:2800:220:1::1'].filter(isPrivateAddress)).toEqual([])
  })

  it('should treat something that is not an address as private', () => {
    expect(isPrivateAddress('example.com')).toBe(true)
  })
})

describe('webhookUrlProblem', () => {
  it('should accept absolute http and https URLs', () => {
    expect(webhookUrlProblem('https://hooks.example.com/ipswich')).toBeNull()
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook')).toBeNull()
  })

  it('should name what is wrong with anything else', () => {
    expect(webhookUrlProblem(undefined)).toBe('Give the URL that should receive the events')
    expect(webhookUrlProblem('hooks.example.com')).toBe('"hooks.example.com" is not an absolute URL')
    expect(webhookUrlProblem('ftp://example.com/x')).toBe('Webhook URLs must use http or https, not ftp')
    expect(webhookUrlProblem('https://user:pw@example.com/')).toMatch(/user name or password/)
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`)).toMatch(/2,000/)
  })
})
