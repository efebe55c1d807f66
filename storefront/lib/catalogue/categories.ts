import { cmsGet } from '../cms/client'
import { readAllPages } from '../cms/pages'
import { inList, selectFields, toQueryString } from '../cms/query'
import type { Category, Paginated } from '../cms/types'

const CATEGORY_FIELDS = selectFields(['title', 'slug', 'description', 'image', 'parent', 'breadcrumbs'])

/** `/categories/men/shirts`, from the nested-docs breadcrumb URL of the category itself. */
export function categoryHref(category: Pick<Category, 'slug' | 'breadcrumbs'>): string {
  const own = category.breadcrumbs?.at(-1)?.url
  return own ? `/categories${own}` : `/categories/${category.slug}`
}

async function findCategories(query: string, tags: string[]): Promise<Category[]> {
  const data = await cmsGet<Paginated<Category>>(`/api/categories?${query}`, { endpoint: 'categories', tags })
  return data.docs
}

/** Top-level categories the header asks for: more than any shop has, and within the API's page size. */
export const MAX_HEADER_CATEGORIES = 100
/** How many the header shows in its bar on a wide screen; the rest go behind "More". */
export const INLINE_HEADER_CATEGORIES = 7

/** The header's bar and its "More" menu: all inline when one more would fit in place of the menu. */
export function splitForHeader<T>(categories: readonly T[], inline = INLINE_HEADER_CATEGORIES): { inline: T[]; more: T[] } {
  if (categories.length <= inline + 1) return { inline: [...categories], more: [] }
  return { inline: categories.slice(0, inline), more: categories.slice(inline) }
}

export function getTopCategories(limit = 12): Promise<Category[]> {
  const query = toQueryString({ where: { parent: { exists: false } }, sort: 'title', limit, depth: 1, select: CATEGORY_FIELDS })
  return findCategories(query, ['categories'])
}

const HEADER_FIELDS = selectFields(['title', 'slug', 'breadcrumbs'])

/** The header's top-level links on every page: names and addresses only, not the pictures the home page's tiles show. */
export function getHeaderCategories(): Promise<Category[]> {
  const query = toQueryString({ where: { parent: { exists: false } }, sort: 'title', limit: MAX_HEADER_CATEGORIES, depth: 0, select: HEADER_FIELDS })
  return findCategories(query, ['categories'])
}

export async function getCategoryBySlug(slug: string): Promise<Category | null> {
  const query = toQueryString({ where: { slug: { equals: slug } }, limit: 1, depth: 1, select: CATEGORY_FIELDS })
  const [category] = await findCategories(query, [`category:${slug}`, 'categories'])
  return category ?? null
}

export function getSubcategories(category: Category): Promise<Category[]> {
  const query = toQueryString({ where: { parent: { equals: category.id } }, sort: 'title', limit: 50, depth: 1, select: CATEGORY_FIELDS })
  return findCategories(query, [`category:${category.slug}`, 'categories'])
}

/** The category and every category below it: all have it in their breadcrumbs. */
export async function getCategoryTreeIds(category: Category): Promise<number[]> {
  const docs = await readAllPages((page, limit) => {
    const query = toQueryString({
      where: { or: [{ id: { equals: category.id } }, { 'breadcrumbs.doc': { in: inList([category.id]) } }] },
      sort: 'id',
      limit,
      page,
      depth: 0,
      select: { slug: true },
    })
    return cmsGet<Paginated<Category>>(`/api/categories?${query}`, { endpoint: 'categories', tags: [`category:${category.slug}`, 'categories'] })
  })
  return [...new Set([category.id, ...docs.map((d) => d.id)])]
}
