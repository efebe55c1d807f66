import { CLIENT_ADDRESS_HEADER, requestClientAddress } from './requestAddress'

const req = (value?: string) => ({ headers: new Headers(value === undefined ? {} : { [CLIENT_ADDRESS_HEADER]: value }) })

describe('requestClientAddress', () => {
  it('should read the address the CMS server stamped', () => {
    expect(requestClientAddress(req('203.0.113.5'))).toBe('203.0.113.5')
  })

  it('should count no address for a request that did not pass the CMS server', () => {
    expect(requestClientAddress(req())).toBeNull()
  })

  it('should count no address for this machine, whose storefront speaks for every shopper', () => {
    expect([requestClientAddress(req('127.0.0.1')), requestClientAddress(req('::1')), requestClientAddress(req('::ffff:127.0.0.1'))]).toEqual([
      null,
      null,
      null,
    ])
  })

  it('should read a node request’s headers too', () => {
    expect(requestClientAddress({ headers: { [CLIENT_ADDRESS_HEADER]: '198.51.100.1' } })).toBe('198.51.100.1')
  })
})
