import { fromPrice, priceBandOf, type PriceBandKey } from './priceBands'
import { vocabularyWords, words } from './tokens'

/** What the index needs of one product, read from its published row. */
export interface SearchSource {
  id: number
  title: string
  sku: string | null
  price: number
  /** Lexical JSON (an object, or its text as SQLite returns it). */
  description: unknown
  variants: { sku: string | null; title: string | null; price: number | null; options: { name: string; value: string }[] }[]
  categories: { id: number; title: string }[]
  inStock: boolean
}

/** One product's entry: three weighted texts (A title, B SKUs and options, C description and categories), facets and words. */
export interface SearchDocument {
  productId: number
  title: string
  codes: string
  body: string
  price: number
  priceBand: PriceBandKey
  inStock: boolean
  categoryIds: number[]
  skus: string[]
  /** Every word of the three texts, for the vocabulary that corrects misspellings. */
  words: string[]
  /** The words of option values ("navy", "oat"): option words match titles, SKUs and options only. */
  optionWords: string[]
}

type LexicalNode = { text?: unknown; children?: unknown }

/** The plain text of a Lexical document, paragraphs separated by spaces. */
export function lexicalText(value: unknown): string {
  let root: unknown = value
  if (typeof value === 'string') {
    try {
      root = JSON.parse(value)
    } catch {
      return value
    }
  }
  const parts: string[] = []
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 50) return
    const { text, children } = node as LexicalNode
    if (typeof text === 'string') parts.push(text)
    if (Array.isArray(children)) children.forEach((child) => visit(child, depth + 1))
    if ('root' in node) visit((node as { root: unknown }).root, depth + 1)
  }
  visit(root, 0)
  return parts.join(' ')
}

export function buildSearchDocument(source: SearchSource): SearchDocument {
  const skus = [source.sku, ...source.variants.map((v) => v.sku)].filter((s): s is string => !!s)
  const optionValues = source.variants.flatMap((v) => v.options.map((o) => o.value))
  // A SKU's parts as words ("CLO 001 M NAVY"): PostgreSQL's parser reads "CLO-001" as "clo" and the number -001.
  const codes = [...skus.map((sku) => sku.replace(/-/g, ' ')), ...source.variants.map((v) => v.title ?? ''), ...optionValues].filter(Boolean).join(' ')
  const body = [lexicalText(source.description), ...source.categories.map((c) => c.title)].join(' ')
  const price = fromPrice(
    source.price,
    source.variants.map((v) => v.price),
  )
  return {
    productId: source.id,
    title: source.title,
    codes,
    body,
    price,
    priceBand: priceBandOf(price),
    inStock: source.inStock,
    categoryIds: [...new Set(source.categories.map((c) => c.id))],
    skus: [...new Set(skus)],
    words: vocabularyWords(`${source.title} ${codes} ${body}`),
    optionWords: [...new Set(optionValues.flatMap((value) => words(value)))],
  }
}
