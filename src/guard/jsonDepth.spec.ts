import { jsonDepth } from './jsonDepth'

const bytes = (text: string) => Buffer.from(text)

describe('jsonDepth', () => {
  it('should count nested objects and arrays', () => {
    expect(jsonDepth(bytes('{"a":[{"b":1}],"c":{}}'))).toBe(3)
  })

  it('should ignore brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth(bytes('{"a":"[[[{{\\"[[["}'))).toBe(1)
  })

  it('should stop once the limit is passed', () => {
    expect(jsonDepth(bytes('['.repeat(100_000) + ']'.repeat(100_000)), 64)).toBe(65)
  })

  it('should answer 0 for a scalar', () => {
    expect(jsonDepth(bytes('"x"'))).toBe(0)
  })
})
