import type { Payload, PayloadRequest } from 'payload'

import type { SearchSource } from '../../commerce/search/searchDocument'
import { queryRows, sql } from '../sql'

type Id = number
const idList = (ids: readonly Id[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))

/**
 * The published rows of these products, as the index needs them. Payload writes a product's main row only when it
 * is published (a draft save writes a version), so these rows are what shoppers see; unpublished ids are left out.
 */
export async function readSearchSources(payload: Payload, req: PayloadRequest | undefined, ids: readonly Id[]): Promise<SearchSource[]> {
  if (ids.length === 0) return []
  const list = idList(ids)
  const [products, variants, options, categories, stocked] = await Promise.all([
    queryRows<{ id: Id; title: string; sku: string | null; price: unknown; description: unknown }>(
      payload,
      req,
      sql`SELECT id, title, sku, price, description FROM products WHERE id IN (${list}) AND _status = 'published'`,
    ),
    queryRows<{ product_id: Id; id: string; sku: string | null; title: string | null; price: unknown }>(
      payload,
      req,
      sql`SELECT _parent_id AS product_id, id, sku, title, price FROM products_variants WHERE _parent_id IN (${list}) ORDER BY _order`,
    ),
    queryRows<{ variant_id: string; name: string; value: string }>(
      payload,
      req,
      sql`SELECT o._parent_id AS variant_id, o.name, o.value FROM products_variants_options o
          JOIN products_variants v ON v.id = o._parent_id WHERE v._parent_id IN (${list}) ORDER BY o._order`,
    ),
    queryRows<{ product_id: Id; id: Id; title: string }>(
      payload,
      req,
      sql`SELECT r.parent_id AS product_id, c.id, c.title FROM products_rels r JOIN categories c ON c.id = r.categories_id
          WHERE r.path = 'categories' AND r.parent_id IN (${list})`,
    ),
    queryRows<{ product_id: Id }>(payload, req, sql`SELECT DISTINCT product_id FROM inventory WHERE available > 0 AND product_id IN (${list})`),
  ])
  const inStock = new Set(stocked.map((r) => Number(r.product_id)))
  return products.map((p) => {
    const id = Number(p.id)
    return {
      id,
      title: p.title ?? '',
      sku: p.sku,
      price: num(p.price) ?? 0,
      description: p.description,
      variants: variants
        .filter((v) => Number(v.product_id) === id)
        .map((v) => ({
          sku: v.sku,
          title: v.title,
          price: num(v.price),
          options: options.filter((o) => o.variant_id === v.id).map((o) => ({ name: o.name, value: o.value })),
        })),
      categories: categories.filter((c) => Number(c.product_id) === id).map((c) => ({ id: Number(c.id), title: c.title ?? '' })),
      inStock: inStock.has(id),
    }
  })
}
