import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { NotifyMeForm } from '@/components/NotifyMeForm'
import { Price, VatNote } from '@/components/Price'
import { ProductPurchase } from '@/components/ProductPurchase'
import { ProductReviews } from '@/components/ProductReviews'
import { RichText } from '@/components/RichText'
import { stockForSkus } from '@/lib/catalogue/inventory'
import { productJsonLd } from '@/lib/catalogue/productJsonLd'
import { getProductBySlug } from '@/lib/catalogue/products'
import { galleryImage, hasVariants, priceRange, productImages, productSkus, purchasableSkus } from '@/lib/catalogue/productView'
import { getApprovedReviews } from '@/lib/catalogue/reviews'
import type { Category } from '@/lib/cms/types'
import { storefrontUrl } from '@/lib/env'
import { lexicalToText } from '@/lib/richText/lexical'

interface Props {
  params: Promise<{ slug: string }>
}

// Rendered per request for the CSP nonce (app/layout.tsx); its CMS reads are cached and revalidated through tags
// product:<slug> (the product) and sku:<SKU> (its stock); the stock and the reviews are read together.
export const dynamic = 'force-dynamic'

const loadProduct = cache((slug: string) => getProductBySlug(decodeURIComponent(slug)))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug)
  if (!product) return { title: 'Product not found' }
  const description = product.seo?.description || lexicalToText(product.description, 160)
  const image = productImages(product)[0]
  return {
    // An editor's SEO title is used as written (it usually names the shop already).
    title: product.seo?.title ? { absolute: product.seo.title } : product.title,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.title, description, images: image ? [{ url: `/media/${image.id}/card?w=600`, alt: image.alt }] : [] },
  }
}

export default async function ProductPage({ params }: Props) {
  const product = await loadProduct((await params).slug)
  if (!product) notFound()
  // A shop without the reviews plugin (or a CMS hiccup) shows the product without reviews.
  const reviews = getApprovedReviews(product.id).catch(() => null)
  const stock = await stockForSkus(productSkus(product))
  const skus = purchasableSkus(product, stock)
  const images = productImages(product)
  const { min, max } = priceRange(product)
  const category = (product.categories ?? []).find((c): c is Category => typeof c === 'object' && c !== null)
  const crumbs = (category?.breadcrumbs ?? []).map((b) => ({ label: b.label ?? '', href: b.url ? `/categories${b.url}` : undefined }))
  const baseUrl = storefrontUrl()
  const jsonLd = productJsonLd(product, skus, {
    baseUrl,
    description: product.seo?.description || lexicalToText(product.description, 500),
    imageUrls: images.map((image) => `${baseUrl}/media/${image.id}/large?w=1200`),
  })
  return (
    <div className="wrap page">
      <Breadcrumbs items={[...crumbs, { label: product.title }]} />
      <ProductPurchase
        skus={skus}
        hasVariants={hasVariants(product)}
        productSlug={product.slug}
        title={product.title}
        images={images.map(galleryImage)}
        heading={
          <>
            <h1>{product.title}</h1>
            <p data-testid="product-price">
              <Price pence={min} compareAt={min === max ? product.compareAtPrice : null} from={min !== max} /> <VatNote />
            </p>
          </>
        }
        details={
          <>
            <NotifyMeForm skus={skus} />
            <RichText document={product.description} />
          </>
        }
      />
      <ProductReviews product={product} reviews={await reviews} />
      <JsonLd data={jsonLd} />
    </div>
  )
}
