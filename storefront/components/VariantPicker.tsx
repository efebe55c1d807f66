'use client'

import type { OptionPicker } from '@/lib/catalogue/optionPicker'
import type { PurchasableSku } from '@/lib/catalogue/productView'
import { stockLabel } from '@/lib/catalogue/productView'
import { formatPrice } from '@/lib/money'

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export function stockClass(available: number): string {
  return available <= 0 ? 'stock out' : available <= 5 ? 'stock low' : 'stock in'
}

/** One group of buttons per option (Size, then Colour); a value that does not exist or is sold out with the picks before it is disabled. */
export function OptionPickers({
  pickers,
  selection,
  onChoose,
}: {
  pickers: OptionPicker[]
  selection: Readonly<Record<string, string>>
  onChoose: (name: string, value: string) => void
}) {
  return (
    <div className="option-pickers" data-testid="option-pickers">
      {pickers.map((picker) => (
        <fieldset key={picker.name} className="option-picker" data-testid="option-picker" data-option={picker.name}>
          <legend>
            {picker.name}: <strong>{selection[picker.name]}</strong>
          </legend>
          <div className="option-values">
            {picker.values.map(({ value, exists, inStock }) => {
              const id = `option-${slugOf(picker.name)}-${slugOf(value)}`
              const why = !exists ? 'not available' : !inStock ? 'sold out' : ''
              return (
                <label key={value} htmlFor={id} className={inStock ? 'option-value' : 'option-value unavailable'} data-testid="option-value" data-value={value}>
                  <input
                    id={id}
                    type="radio"
                    name={`option:${picker.name}`}
                    value={value}
                    checked={selection[picker.name] === value}
                    onChange={() => onChoose(picker.name, value)}
                    disabled={!inStock}
                  />
                  <span>{value}</span>
                  {why ? <span className="visually-hidden"> ({why})</span> : null}
                </label>
              )
            })}
          </div>
        </fieldset>
      ))}
    </div>
  )
}

/** The fallback for variants that are not described by one shared set of options: a list of them by title. */
export function VariantList({ skus, selected, onSelect }: { skus: PurchasableSku[]; selected: string; onSelect: (sku: string) => void }) {
  return (
    <fieldset className="variants" data-testid="variant-picker">
      <legend>Choose an option</legend>
      {skus.map((s) => (
        <div key={s.sku} className={s.available > 0 ? 'variant' : 'variant disabled'} data-testid="variant-option" data-sku={s.sku}>
          <label>
            <input
              type="radio"
              name="variant"
              value={s.sku}
              checked={selected === s.sku}
              onChange={() => onSelect(s.sku)}
              disabled={s.available <= 0}
              aria-describedby={`stock-${s.sku}`}
            />
            {s.title}
          </label>
          <span className="meta">
            <span className="price">{formatPrice(s.price)}</span>
            <span id={`stock-${s.sku}`} className={stockClass(s.available)}>
              {stockLabel(s.available)}
            </span>
          </span>
        </div>
      ))}
    </fieldset>
  )
}
