import type { Payload } from 'payload'

import { renderLowStockEmail, type LowStockItem } from '../../emails/lowStockEmail'
import { productPicturesBySku } from '../../infra/emailPictures'
import { env } from '../../infra/env'
import type { RenderedEmail } from '../../infra/mailer'

/** The low-stock email for these SKUs with their products' names and pictures, or null when nobody is to get it. */
export async function lowStockEmail(payload: Payload, items: LowStockItem[]): Promise<RenderedEmail | null> {
  const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0, overrideAccess: true })
  const recipients = (settings.lowStockRecipients ?? []).map((r: { email: string }) => r.email).filter(Boolean)
  if (recipients.length === 0) return null
  const { storefrontUrl, cmsUrl } = env()
  const pictures = await productPicturesBySku(
    payload,
    items.map((i) => i.sku),
    storefrontUrl,
  )
  return renderLowStockEmail({
    storeName: settings.storeName ?? 'Ipswich Retail',
    recipients,
    items: items.map((i) => ({ ...i, title: pictures.get(i.sku)?.title ?? null, imageUrl: pictures.get(i.sku)?.imageUrl ?? null })),
    inventoryUrl: `${cmsUrl}/admin/collections/inventory`,
  })
}
