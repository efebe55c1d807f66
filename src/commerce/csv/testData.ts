import type { CatalogueSnapshot, StoredProduct, StockRow } from './types'

/** A shop with one simple product and one with two variants, for the specs. */
export function sampleSnapshot(): CatalogueSnapshot {
  const mug: StoredProduct = {
    id: 1,
    slug: 'mug',
    title: 'Mug',
    status: 'published',
    price: 650,
    compareAtPrice: null,
    weight: 300,
    featured: false,
    categories: ['home/kitchen'],
    images: ['mug.jpg'],
    sku: 'MUG-1',
    variants: [],
  }
  const jumper: StoredProduct = {
    id: 2,
    slug: 'jumper',
    title: 'Jumper',
    status: 'published',
    price: 4500,
    compareAtPrice: 5000,
    weight: null,
    featured: true,
    categories: ['clothing/knitwear'],
    images: [],
    sku: null,
    variants: [
      { sku: 'JUMP-S', title: 'Small', options: [{ name: 'Size', value: 'S' }], price: null },
      { sku: 'JUMP-M', title: 'Medium', options: [{ name: 'Size', value: 'M' }], price: 4700 },
    ],
  }
  const stock: StockRow[] = [
    { sku: 'MUG-1', available: 10, lowStockThreshold: 5, productSlug: 'mug', title: 'Mug' },
    { sku: 'JUMP-S', available: 3, lowStockThreshold: 2, productSlug: 'jumper', title: 'Jumper', variantTitle: 'Small' },
    { sku: 'JUMP-M', available: 0, lowStockThreshold: 2, productSlug: 'jumper', title: 'Jumper', variantTitle: 'Medium' },
  ]
  return {
    products: new Map([
      ['mug', mug],
      ['jumper', jumper],
    ]),
    stock: new Map(stock.map((s) => [s.sku, s])),
    categories: new Map<string, number>([
      ['home/kitchen', 10],
      ['clothing/knitwear', 11],
    ]),
    media: new Map<string, number>([['mug.jpg', 20]]),
  }
}

export const bytes = (text: string) => new TextEncoder().encode(text)
