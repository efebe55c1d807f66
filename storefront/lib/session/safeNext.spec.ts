import { safeNext } from './safeNext'

describe('safeNext', () => {
  it.each([
    ['/%09/evil.example/', 'a tab that browsers drop, leaving //evil.example'],
    ['/\t/evil.example/', 'a raw tab'],
    ['/\n/evil.example/', 'a newline'],
    ['//evil.example/', 'a protocol-relative address'],
    ['/\\evil.example/', 'a backslash'],
    ['https://evil.example/', 'a full URL'],
    ['javascript:alert(1)', 'a script URL'],
    ['evil.example', 'a relative path'],
  ])('should refuse %j (%s) and go to the fallback', (value) => {
    expect(safeNext(value === '/%09/evil.example/' ? decodeURIComponent(value) : value)).toBe('/account')
  })

  it('should keep a same-site path with its query and fragment', () => {
    expect(safeNext('/checkout?step=2#address')).toBe('/checkout?step=2#address')
  })

  it('should percent-encode a non-ASCII path so it can be a Location header', () => {
    expect(safeNext('/products/café-mug')).toBe('/products/caf%C3%A9-mug')
  })

  it('should fall back when there is no next at all', () => {
    expect(safeNext(undefined, '/cart')).toBe('/cart')
  })
})
