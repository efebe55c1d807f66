// A small server-side renderer for Payload's Lexical JSON: paragraphs, headings, lists, quotes,
// links and formatted text. Unknown nodes render their children, so new node types degrade to text.

import { escapeHtml } from '../../../src/commerce/html'

export interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  fields?: { url?: string; newTab?: boolean; linkType?: string; doc?: unknown }
  url?: string
  [key: string]: unknown
}

export interface LexicalDocument {
  root?: LexicalNode
}

const FORMAT_TAGS: [bit: number, open: string, close: string][] = [
  [16, '<code>', '</code>'],
  [1, '<strong>', '</strong>'],
  [2, '<em>', '</em>'],
  [8, '<u>', '</u>'],
  [4, '<s>', '</s>'],
  [32, '<sub>', '</sub>'],
  [64, '<sup>', '</sup>'],
]

/** Only web, mail and phone links, or paths on this site; anything else (javascript:…) is dropped. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed
  if (/^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#')) return trimmed
  return null
}

function internalHref(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return null
  const { relationTo, value } = doc as { relationTo?: string; value?: { slug?: string } }
  if (!value || typeof value.slug !== 'string') return null
  if (relationTo === 'products') return `/products/${encodeURIComponent(value.slug)}`
  return null
}

function renderText(node: LexicalNode): string {
  const format = typeof node.format === 'number' ? node.format : 0
  let html = escapeHtml(node.text ?? '')
  for (const [bit, open, close] of FORMAT_TAGS) {
    if (format & bit) html = `${open}${html}${close}`
  }
  return html
}

function renderLink(node: LexicalNode, inner: string): string {
  const fields = node.fields ?? {}
  const href = fields.linkType === 'internal' ? internalHref(fields.doc) : safeHref(fields.url ?? node.url)
  if (!href) return inner
  const target = fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
  return `<a href="${escapeHtml(href)}"${target}>${inner}</a>`
}

function headingTag(tag: unknown): string {
  // The page title is the only h1.
  return typeof tag === 'string' && /^h[2-6]$/.test(tag) ? tag : 'h2'
}

function renderNode(node: LexicalNode): string {
  const inner = (node.children ?? []).map(renderNode).join('')
  switch (node.type) {
    case 'text':
      return renderText(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph':
      return `<p>${inner}</p>`
    case 'heading': {
      const tag = headingTag(node.tag)
      return `<${tag}>${inner}</${tag}>`
    }
    case 'quote':
      return `<blockquote>${inner}</blockquote>`
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag}>${inner}</${tag}>`
    }
    case 'listitem':
      return `<li>${inner}</li>`
    case 'link':
    case 'autolink':
      return renderLink(node, inner)
    case 'horizontalrule':
      return '<hr>'
    default:
      return inner
  }
}

/** HTML for a Lexical document; '' for anything that is not one. */
export function renderLexical(doc: LexicalDocument | null | undefined): string {
  const children = doc?.root?.children
  return Array.isArray(children) ? children.map(renderNode).join('') : ''
}

function textOf(node: LexicalNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'linebreak') return '\n'
  const inner = (node.children ?? []).map(textOf).join('')
  const block = ['paragraph', 'heading', 'listitem', 'quote'].includes(node.type ?? '')
  return block ? `${inner}\n` : inner
}

/** Plain text (for meta descriptions and JSON-LD), whitespace collapsed, cut at `max` characters. */
export function lexicalToText(doc: LexicalDocument | null | undefined, max = 5000): string {
  const children = doc?.root?.children
  if (!Array.isArray(children)) return ''
  const text = children.map(textOf).join(' ').replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
