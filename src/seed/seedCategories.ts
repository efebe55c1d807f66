import { categoryTree } from './catalogue/categories'
import type { CategorySeed } from './catalogue/types'
import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'
import { forEachLimit } from './forEachLimit'
import { ensureImage } from './media'

async function ensureCategory(ctx: SeedContext, category: CategorySeed, parent?: number): Promise<{ id: number; created: boolean }> {
  const { payload } = ctx
  const found = await payload.find({
    collection: 'categories',
    where: { slug: { equals: category.slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs[0]) return { id: found.docs[0].id, created: false }
  const image =
    category.hue === undefined
      ? undefined
      : await ensureImage(ctx, { filename: `category-${category.slug}.png`, alt: category.title, title: category.title, hue: category.hue })
  const created = await payload.create({
    collection: 'categories',
    data: { title: category.title, slug: category.slug, description: category.description, parent, image },
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  ctx.tally.categories += 1
  return { id: created.id, created: true }
}

/** Departments and their subcategories (breadcrumbs come from the nested-docs plugin); returns ids by slug. */
export async function seedCategories(ctx: SeedContext): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  await forEachLimit(categoryTree, ctx.concurrency, async (top) => {
    const parent = await ensureCategory(ctx, top)
    ids.set(top.slug, parent.id)
    ctx.log(`  category ${top.title}: ${parent.created ? 'created' : 'already there'}`)
    for (const child of top.children ?? []) {
      const sub = await ensureCategory(ctx, child, parent.id)
      ids.set(child.slug, sub.id)
      ctx.log(`  category ${top.title} › ${child.title}: ${sub.created ? 'created' : 'already there'}`)
    }
  })
  return ids
}
