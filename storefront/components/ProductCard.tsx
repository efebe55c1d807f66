import Link from 'next/link'
import type { Product } from '@/lib/cms/types'
import { priceRange, productImages } from '@/lib/catalogue/productView'
import { CmsImage } from './CmsImage'
import { Price } from './Price'

export function ProductCard({ product, inStock }: { product: Product; inStock?: boolean }) {
  const { min, max } = priceRange(product)
  return (
    <Link href={`/products/${product.slug}`} className="card" data-testid="product-card">
      <div className="media">
        <CmsImage media={productImages(product)[0]} variant="card" sizes="(max-width: 860px) 50vw, 280px" fallbackAlt={product.title} />
        {inStock === false ? <span className="badge">Sold out</span> : null}
      </div>
      <span className="title">{product.title}</span>
      <Price pence={min} compareAt={min === max ? product.compareAtPrice : null} from={min !== max} />
    </Link>
  )
}

export function ProductGrid({ products, inStock }: { products: Product[]; inStock?: Set<number> }) {
  return (
    <ul className="grid">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} inStock={inStock ? inStock.has(product.id) : undefined} />
        </li>
      ))}
    </ul>
  )
}
