import { buildSearchDocument, lexicalText, type SearchSource } from './searchDocument'

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const lexical = { root: { type: 'root', children: [paragraph('A thick rib jumper.'), paragraph('Knitted in Suffolk.')] } }

const jumper: SearchSource = {
  id: 7,
  title: 'Fisherman’s Rib Jumper',
  sku: null,
  price: 6500,
  description: lexical,
  variants: [
    {
      sku: 'CLO-001-M-NAVY',
      title: 'M / Navy',
      price: null,
      options: [
        { name: 'Size', value: 'M' },
        { name: 'Colour', value: 'Navy' },
      ],
    },
    {
      sku: 'CLO-001-XL-OAT',
      title: 'XL / Oat',
      price: 6900,
      options: [
        { name: 'Size', value: 'XL' },
        { name: 'Colour', value: 'Oat' },
      ],
    },
  ],
  categories: [
    { id: 3, title: 'Knitwear' },
    { id: 3, title: 'Knitwear' },
  ],
  inStock: true,
}

describe('lexicalText', () => {
  it('should join the text of every paragraph', () => {
    expect(lexicalText(lexical)).toBe('A thick rib jumper. Knitted in Suffolk.')
  })

  it('should read Lexical JSON stored as text', () => {
    expect(lexicalText(JSON.stringify(lexical))).toBe('A thick rib jumper. Knitted in Suffolk.')
  })

  it('should keep plain text that is not JSON, and give nothing for no description', () => {
    expect([lexicalText('Just words'), lexicalText(null), lexicalText(42)]).toEqual(['Just words', '', ''])
  })
})

describe('buildSearchDocument', () => {
  const doc = buildSearchDocument(jumper)

  it('should weigh the title, then SKUs and options, then the description and categories', () => {
    expect([doc.title, doc.codes, doc.body]).toEqual([
      'Fisherman’s Rib Jumper',
      'CLO 001 M NAVY CLO 001 XL OAT M / Navy XL / Oat M Navy XL Oat',
      'A thick rib jumper. Knitted in Suffolk. Knitwear Knitwear',
    ])
  })

  it('should file the product under its lowest price and each category once', () => {
    expect([doc.price, doc.priceBand, doc.categoryIds, doc.inStock]).toEqual([6500, '50-100', [3], true])
  })

  it('should list its SKUs, its words and its option words', () => {
    expect([doc.skus, doc.optionWords, doc.words.slice(0, 4)]).toEqual([
      ['CLO-001-M-NAVY', 'CLO-001-XL-OAT'],
      ['m', 'navy', 'xl', 'oat'],
      ['fisherman', 'rib', 'jumper', 'clo'],
    ])
  })

  it('should use the product’s own SKU when it has no variants', () => {
    const mug = buildSearchDocument({ ...jumper, sku: 'GIF-003', variants: [], categories: [], description: null })
    expect([mug.skus, mug.codes, mug.body, mug.optionWords]).toEqual([['GIF-003'], 'GIF 003', '', []])
  })
})
