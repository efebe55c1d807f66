import Link from 'next/link'
import { connection } from 'next/server'
import { CategoryTiles } from '@/components/CategoryTiles'
import { ProductGrid } from '@/components/ProductCard'
import { getTopCategories } from '@/lib/catalogue/categories'
import { productsInStock } from '@/lib/catalogue/inventory'
import { getFeaturedProducts } from '@/lib/catalogue/products'

export default async function HomePage() {
  // Rendered per request (through the tagged fetch cache) so the build never needs the CMS.
  await connection()
  const [featured, categories] = await Promise.all([getFeaturedProducts(8), getTopCategories(12)])
  const stocked = await productsInStock(featured.docs.map((p) => p.id)).catch(() => undefined)
  return (
    <div className="wrap page">
      <section className="hero">
        <h1>Good things, from Ipswich</h1>
        <p>Everyday clothing, homeware and gifts. Free UK delivery on larger orders; every price includes VAT.</p>
        <Link href="/search" prefetch={false} className="button">
          Browse everything
        </Link>
      </section>
      {categories.length > 0 ? (
        <section className="section" aria-labelledby="categories-heading">
          <h2 id="categories-heading">Shop by category</h2>
          <CategoryTiles categories={categories} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="featured-heading">
        <div className="section-head">
          <h2 id="featured-heading">Featured</h2>
          <span className="vat-note">Prices include VAT</span>
        </div>
        {featured.docs.length > 0 ? <ProductGrid products={featured.docs} inStock={stocked} /> : <p className="notice">New products are on their way.</p>}
      </section>
    </div>
  )
}
