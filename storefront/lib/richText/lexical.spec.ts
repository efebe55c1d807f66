import { describe, expect, it } from '@jest/globals'
import { lexicalToText, renderLexical, safeHref } from './lexical'
import type { LexicalNode } from './lexical'

const doc = (...children: LexicalNode[]) => ({ root: { type: 'root', children } })
const text = (value: string, format = 0): LexicalNode => ({ type: 'text', text: value, format })
const paragraph = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', children })

describe('renderLexical', () => {
  it('should render paragraphs of text', () => {
    expect(renderLexical(doc(paragraph(text('Soft cotton.'))))).toBe('<p>Soft cotton.</p>')
  })
  it('should escape HTML in text', () => {
    expect(renderLexical(doc(paragraph(text('<script>alert("x")</script>'))))).toBe('<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</p>')
  })
  it('should apply bold, italic and underline format bits', () => {
    expect(renderLexical(doc(paragraph(text('wow', 1 | 2 | 8))))).toBe('<p><u><em><strong>wow</strong></em></u></p>')
  })
  it('should render code and strikethrough bits', () => {
    expect(renderLexical(doc(paragraph(text('x', 16 | 4))))).toBe('<p><s><code>x</code></s></p>')
  })
  it('should render headings with their level and demote h1', () => {
    const html = renderLexical(doc({ type: 'heading', tag: 'h3', children: [text('Care')] }, { type: 'heading', tag: 'h1', children: [text('Top')] }))
    expect(html).toBe('<h3>Care</h3><h2>Top</h2>')
  })
  it('should render bullet and numbered lists, nested ones included', () => {
    const nested: LexicalNode = { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('b')] }] }
    const list: LexicalNode = { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('a'), nested] }] }
    expect(renderLexical(doc(list))).toBe('<ol><li>a<ul><li>b</li></ul></li></ol>')
  })
  it('should render a custom link with its escaped url', () => {
    const link: LexicalNode = { type: 'link', fields: { url: 'https://example.com/?a=1&b=2', linkType: 'custom' }, children: [text('here')] }
    expect(renderLexical(doc(paragraph(link)))).toBe('<p><a href="https://example.com/?a=1&#38;b=2">here</a></p>')
  })
  it('should open a new-tab link with noopener', () => {
    const link: LexicalNode = { type: 'link', fields: { url: 'https://example.com', newTab: true }, children: [text('x')] }
    expect(renderLexical(doc(paragraph(link)))).toContain('target="_blank" rel="noopener noreferrer"')
  })
  it('should drop a javascript: link and keep its text', () => {
    const link: LexicalNode = { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('x')] }
    expect(renderLexical(doc(paragraph(link)))).toBe('<p>x</p>')
  })
  it('should link an internal product by its slug', () => {
    const link: LexicalNode = {
      type: 'link',
      fields: { linkType: 'internal', doc: { relationTo: 'products', value: { slug: 'mug' } } },
      children: [text('mug')],
    }
    expect(renderLexical(doc(paragraph(link)))).toBe('<p><a href="/products/mug">mug</a></p>')
  })
  it('should render the children of unknown nodes', () => {
    expect(renderLexical(doc({ type: 'mystery', children: [paragraph(text('kept'))] }))).toBe('<p>kept</p>')
  })
  it('should render nothing for a missing document', () => {
    expect(renderLexical(null)).toBe('')
  })
})

describe('safeHref', () => {
  it('should allow web, mail and site-relative links and refuse protocol-relative ones', () => {
    expect([safeHref('https://a.b'), safeHref('mailto:a@b.c'), safeHref('/about'), safeHref('//evil.com'), safeHref('data:x')]).toEqual([
      'https://a.b',
      'mailto:a@b.c',
      '/about',
      null,
      null,
    ])
  })
})

describe('lexicalToText', () => {
  it('should join blocks with spaces and collapse whitespace', () => {
    expect(lexicalToText(doc(paragraph(text('One.')), { type: 'heading', tag: 'h2', children: [text('Two')] }))).toBe('One. Two')
  })
  it('should cut long text with an ellipsis', () => {
    expect(lexicalToText(doc(paragraph(text('abcdefghij'))), 5)).toBe('abcd…')
  })
})
