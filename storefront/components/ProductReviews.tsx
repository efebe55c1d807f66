import type { Review } from '@/lib/catalogue/reviews'
import { stars } from '@/lib/catalogue/reviews'
import type { Paginated, Product } from '@/lib/cms/types'
import { ReviewForm } from './ReviewForm'

/**
 * The product's approved reviews (read by the page beside its stock), its average rating, and the form for customers
 * who bought it. Without reviews (no reviews plugin, or a CMS hiccup) nothing is shown.
 */
export function ProductReviews({ product, reviews }: { product: Product; reviews: Paginated<Review> | null }) {
  if (!reviews) return null
  const count = product.rating?.count ?? 0
  return (
    <section className="stack reviews" aria-labelledby="reviews-heading" data-testid="reviews">
      <h2 id="reviews-heading">Reviews</h2>
      {count > 0 && product.rating?.average ? (
        <p data-testid="rating-summary">
          <span aria-hidden="true">{stars(product.rating.average)}</span> {product.rating.average.toFixed(1)} out of 5 from {count} review
          {count === 1 ? '' : 's'}
        </p>
      ) : (
        <p className="muted">No reviews yet.</p>
      )}
      <ul className="review-list">
        {reviews.docs.map((review) => (
          <li key={String(review.id)} data-testid="review">
            <p>
              <span aria-label={`${review.rating} out of 5`}>{stars(review.rating)}</span> <strong>{review.title}</strong>
            </p>
            <p>{review.text}</p>
            <p className="muted">{review.authorName ?? 'Verified buyer'}</p>
          </li>
        ))}
      </ul>
      <ReviewForm productId={product.id} slug={product.slug} />
    </section>
  )
}
