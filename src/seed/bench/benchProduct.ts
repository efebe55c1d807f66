import { slugify } from '../../fields/slug'
import { defaultStock, seoFor, type PlannedSku } from '../catalogue/plan'

export interface BenchProduct {
  index: number
  title: string
  slug: string
  description: string
  price: number
  compareAtPrice?: number
  weight: number
  sku?: string
  skus: PlannedSku[]
  seo: { title: string; description: string }
}

export const BENCH_SLUG_PREFIX = 'bench-'
const ADJECTIVES = ['Harbour', 'Orwell', 'Meadow', 'Coastal', 'Heathland', 'Estuary', 'Cornhill', 'Shingle', 'Saltmarsh', 'Willow', 'Flint', 'Barley']
const MATERIALS = ['Linen', 'Oak', 'Stoneware', 'Wool', 'Cotton', 'Enamel', 'Brass', 'Rattan', 'Ash', 'Glass', 'Cork']
const NOUNS = ['Tote', 'Bowl', 'Throw', 'Mug', 'Lantern', 'Planter', 'Notebook', 'Scarf', 'Tray', 'Jug', 'Basket', 'Candle', 'Cushion']
const SIZES = [
  { value: 'S', extra: 0 },
  { value: 'M', extra: 0 },
  { value: 'L', extra: 300 },
]

export function benchSlugIndex(slug: string): number | undefined {
  const match = /^bench-(\d+)-/.exec(slug)
  return match ? Number(match[1]) : undefined
}

/** The benchmark product number `index`: the same name, price and SKUs on every run. */
export function benchProduct(index: number): BenchProduct {
  const number = String(index).padStart(5, '0')
  const adjective = ADJECTIVES[index % ADJECTIVES.length]!
  const material = MATERIALS[Math.floor(index / ADJECTIVES.length) % MATERIALS.length]!
  const noun = NOUNS[index % NOUNS.length]!
  const name = `${adjective} ${material} ${noun}`
  const title = `${name} No. ${index}`
  const baseSku = `BEN-${number}`
  const price = (5 + ((defaultStock(baseSku) * 7 + index) % 95)) * 100 - 1
  const description = `A ${material.toLowerCase()} ${noun.toLowerCase()} from the ${adjective} range, one of the generated products used to benchmark the shop.`
  const skus: PlannedSku[] =
    index % 5 === 0
      ? SIZES.map(({ value, extra }) => ({
          sku: `${baseSku}-${value}`,
          variantTitle: value,
          options: [{ name: 'Size', value }],
          price: extra ? price + extra : undefined,
          stock: defaultStock(`${baseSku}-${value}`),
        }))
      : [{ sku: baseSku, options: [], stock: defaultStock(baseSku) }]
  return {
    index,
    title,
    slug: `${BENCH_SLUG_PREFIX}${number}-${slugify(name)}`,
    description,
    price,
    compareAtPrice: index % 7 === 0 ? price + 500 : undefined,
    weight: 100 + ((index * 37) % 1900),
    sku: skus.length === 1 ? baseSku : undefined,
    skus,
    seo: seoFor(title, description),
  }
}
