import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'
import { productImage } from './image'

/** The id of the seeded picture called `filename`, drawing and uploading it the first time. */
export async function ensureImage(ctx: SeedContext, image: { filename: string; alt: string; title: string; hue: number }): Promise<number> {
  const { payload } = ctx
  const found = await payload.find({
    collection: 'media',
    where: { filename: { equals: image.filename } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs[0]) return found.docs[0].id
  const data = await productImage(image.title, image.hue)
  const created = await payload.create({
    collection: 'media',
    data: { alt: image.alt },
    file: { data, mimetype: 'image/png', name: image.filename, size: data.length },
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  ctx.tally.media += 1
  return created.id
}
