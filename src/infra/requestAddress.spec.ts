import { signClientAddress } from './clientAddress'
import { CLIENT_ADDRESS_HEADER, requestClientAddress } from './requestAddress'

const SECRET = 'request-address-spec-secret-0123456789abcdef'
const signed = (address: string) => signClientAddress(address, SECRET)
const req = (value?: string) => ({ headers: new Headers(value === undefined ? {} : { [CLIENT_ADDRESS_HEADER]: value }) })

describe('requestClientAddress', () => {
  it('should read the address the CMS server stamped, signed', () => {
    expect(requestClientAddress(req(signed('203.0.113.5')), SECRET)).toBe('203.0.113.5')
  })

  it('should count no address for a request that did not pass the CMS server', () => {
    expect(requestClientAddress(req(), SECRET)).toBeNull()
  })

  it('should ignore an unsigned or forged address', () => {
    expect([
      requestClientAddress(req('203.0.113.5'), SECRET),
      requestClientAddress(req(signClientAddress('203.0.113.5', 'another-secret-0123456789abcdef0123')), SECRET),
    ]).toEqual([null, null])
  })

  it('should count no address for this machine', () => {
    expect([signed('127.0.0.1'), signed('::1'), signed('::ffff:127.0.0.1')].map((value) => requestClientAddress(req(value), SECRET))).toEqual([
      null,
      null,
      null,
    ])
  })

  it('should read a node request’s headers too', () => {
    expect(requestClientAddress({ headers: { [CLIENT_ADDRESS_HEADER]: signed('198.51.100.1') } }, SECRET)).toBe('198.51.100.1')
  })
})
