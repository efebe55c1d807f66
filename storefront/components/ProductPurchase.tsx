'use client'

import { useState, type ReactNode } from 'react'
import type { PurchasableSku } from '@/lib/catalogue/productView'
import type { Media } from '@/lib/cms/types'
import { AddToCartForm } from './AddToCartForm'
import { Gallery } from './Gallery'

/** The first in-stock SKU, or the first SKU when none is. */
const startingSku = (skus: PurchasableSku[]) => (skus.find((s) => s.available > 0) ?? skus[0])?.sku ?? ''

/** The pictures with the chosen variant's own picture first. */
function picturesFor(images: Media[], imageId: Media['id'] | undefined): Media[] {
  const own = images.find((i) => i.id === imageId)
  return own ? [own, ...images.filter((i) => i !== own)] : images
}

/**
 * The product page's two columns: the pictures, and the title, price, pickers and add-to-cart (above the description,
 * so on a phone the button sits near the top). Holds which SKU is chosen, so the gallery can lead with its picture.
 */
export function ProductPurchase({
  skus,
  hasVariants,
  productSlug,
  title,
  images,
  heading,
  details,
}: {
  skus: PurchasableSku[]
  hasVariants: boolean
  productSlug: string
  title: string
  images: Media[]
  heading: ReactNode
  details: ReactNode
}) {
  const [selected, setSelected] = useState(() => startingSku(skus))
  const chosen = skus.find((s) => s.sku === selected)
  return (
    <article className="product" data-testid="product" data-product-slug={productSlug}>
      <Gallery images={picturesFor(images, chosen?.imageId)} title={title} />
      <div className="stack">
        {heading}
        <AddToCartForm skus={skus} hasVariants={hasVariants} productSlug={productSlug} selected={selected} onSelect={setSelected} />
        <noscript>
          <p className="muted">Adding to the cart reloads the page while JavaScript is off.</p>
        </noscript>
        {details}
      </div>
    </article>
  )
}
