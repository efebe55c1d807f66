import type { PlannedProduct } from './catalogue/plan'
import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'
import { forEachLimit } from './forEachLimit'
import { ensureImage } from './media'
import { paragraphsToLexical } from './richText'

const PROGRESS_EVERY = 10

function productData(product: PlannedProduct, categoryId: number, imageId: number) {
  const { seed } = product
  return {
    title: seed.title,
    slug: product.slug,
    description: paragraphsToLexical(product.paragraphs),
    images: [imageId],
    categories: [categoryId],
    price: seed.price,
    compareAtPrice: seed.compareAtPrice,
    weight: seed.weight,
    featured: seed.featured ?? false,
    seo: product.seo,
    sku: product.hasVariants ? undefined : product.skus[0]!.sku,
    variants: product.hasVariants ? product.skus.map((s) => ({ sku: s.sku, title: s.variantTitle!, options: s.options, price: s.price })) : [],
    _status: 'published' as const,
  }
}

/** The demo products, published, each with its own picture; existing slugs are left as they are. */
export async function seedProducts(ctx: SeedContext, plan: PlannedProduct[], categories: Map<string, number>): Promise<void> {
  const { payload } = ctx
  const existing = await payload.find({
    collection: 'products',
    where: { slug: { in: plan.map((p) => p.slug) } },
    select: { slug: true },
    limit: plan.length,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const known = new Set(existing.docs.map((doc) => doc.slug))
  let done = 0
  await forEachLimit(plan, ctx.concurrency, async (product) => {
    if (!known.has(product.slug)) {
      const categoryId = categories.get(product.seed.category)
      if (categoryId === undefined) throw new Error(`Seed product ${product.slug} names an unknown category ${product.seed.category}`)
      const imageId = await ensureImage(ctx, {
        filename: `product-${product.slug}.png`,
        alt: product.seed.title,
        title: product.seed.title,
        hue: product.hue,
      })
      await payload.create({
        collection: 'products',
        data: productData(product, categoryId, imageId),
        overrideAccess: true,
        context: SEED_CONTEXT,
      })
      ctx.tally.products += 1
    }
    done += 1
    if (done % PROGRESS_EVERY === 0 || done === plan.length) ctx.log(`  products ${done}/${plan.length}`)
  })
}
