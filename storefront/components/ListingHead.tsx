/** The line above a product grid: how many products, which page, and that prices include VAT. */
export function ListingHead({ totalDocs, page, totalPages }: { totalDocs: number; page: number; totalPages: number }) {
  return (
    <div className="listing-head">
      <p className="muted" role="status">
        {totalDocs === 1 ? '1 product' : `${totalDocs} products`}
        {totalPages > 1 ? ` · page ${page} of ${totalPages}` : ''}
      </p>
      <span className="vat-note">All prices include VAT</span>
    </div>
  )
}
