import { describe, expect, it } from '@jest/globals'
import { escapeHtml } from './html'

describe('escapeHtml', () => {
  it('should turn markup characters into numeric entities', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;')
  })

  it('should leave plain text as it is', () => {
    expect(escapeHtml('Mug – £8.00')).toBe('Mug – £8.00')
  })
})
