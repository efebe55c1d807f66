import Link from 'next/link'
import type { ListingParams } from '@/lib/catalogue/listing'
import { SORTS, activeFilterCount } from '@/lib/catalogue/listing'
import { penceToPoundsInput } from '@/lib/money'
import { FilterPanel } from './FilterPanel'

// A plain GET form: filtering and sorting work without JavaScript and give shareable URLs.
export function ListingFilters({ basePath, params, extra }: { basePath: string; params: ListingParams; extra?: { [key: string]: string } }) {
  const clearHref = extra?.q ? `${basePath}?q=${encodeURIComponent(extra.q)}` : basePath
  return (
    <FilterPanel active={activeFilterCount(params)}>
      <form method="get" action={basePath} className="filters" aria-label="Filter and sort products">
        {Object.entries(extra ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={params.sort} data-testid="sort">
            {Object.entries(SORTS).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Price (£)</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor="min">Min</label>
              <input id="min" name="min" inputMode="decimal" placeholder="0" defaultValue={penceToPoundsInput(params.minPence)} />
            </div>
            <div className="field">
              <label htmlFor="max">Max</label>
              <input id="max" name="max" inputMode="decimal" placeholder="Any" defaultValue={penceToPoundsInput(params.maxPence)} />
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label className="check">
            <input type="checkbox" name="stock" value="1" defaultChecked={params.inStock} data-testid="filter-in-stock" /> In stock only
          </label>
        </div>
        <button type="submit" className="wide">
          Apply
        </button>
        <p>
          <Link href={clearHref}>Clear filters</Link>
        </p>
      </form>
    </FilterPanel>
  )
}
