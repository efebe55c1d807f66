import { formatPrice } from '@/lib/money'

export function Price({ pence, compareAt, from }: { pence: number; compareAt?: number | null; from?: boolean }) {
  const onSale = typeof compareAt === 'number' && compareAt > pence
  return (
    <span className="price" data-testid="price">
      {from ? 'From ' : null}
      <span className={onSale ? 'sale' : undefined}>{formatPrice(pence)}</span>
      {onSale ? (
        <del>
          <span className="visually-hidden">was </span>
          {formatPrice(compareAt)}
        </del>
      ) : null}
    </span>
  )
}

export function VatNote() {
  return <span className="vat-note">VAT included</span>
}
