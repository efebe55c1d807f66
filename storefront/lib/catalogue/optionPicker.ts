import type { PurchasableSku } from './productView'

/**
 * One picker per option (Size, Colour …) over a product's variants, the way shoppers expect it: options in the order the
 * merchandiser gave them, values in the order they first appear, and a value offered only when some SKU in stock has it
 * together with the values already picked for the options before it (Size first, then the colours that size comes in).
 */

export type Selection = Readonly<Record<string, string>>

export interface OptionValue {
  value: string
  /** Some SKU has this value with the options picked before it (otherwise the combination does not exist). */
  exists: boolean
  /** …and at least one such SKU is in stock. */
  inStock: boolean
}

export interface OptionPicker {
  name: string
  values: OptionValue[]
}

const optionsOf = (sku: PurchasableSku): Map<string, string> => new Map(sku.options.map((o) => [o.name, o.value]))

/**
 * The option names every variant is described by, in order; null when the variants do not share one set of options
 * (then the storefront falls back to a list of the variants by title).
 */
export function optionNames(skus: readonly PurchasableSku[]): string[] | null {
  const first = skus[0]
  if (!first || first.options.length === 0) return null
  const names = first.options.map((o) => o.name)
  if (new Set(names).size !== names.length) return null
  const sameShape = skus.every((s) => s.options.length === names.length && names.every((n) => optionsOf(s).has(n)))
  if (!sameShape) return null
  // Two variants with the same values could not be told apart by pickers.
  const combos = new Set(skus.map((s) => names.map((n) => optionsOf(s).get(n)).join('\u0000')))
  return combos.size === skus.length ? names : null
}

const matches = (sku: PurchasableSku, selection: Selection, names: readonly string[]): boolean => {
  const options = optionsOf(sku)
  return names.every((n) => options.get(n) === selection[n])
}

/** The pickers for a selection: each option's values, with which exist and which are in stock given the options before it. */
export function optionPickers(skus: readonly PurchasableSku[], names: readonly string[], selection: Selection): OptionPicker[] {
  return names.map((name, i) => {
    const before = names.slice(0, i)
    const candidates = skus.filter((s) => matches(s, selection, before))
    const values = [...new Set(skus.map((s) => optionsOf(s).get(name)!))]
    return {
      name,
      values: values.map((value) => {
        const withValue = candidates.filter((s) => optionsOf(s).get(name) === value)
        return { value, exists: withValue.length > 0, inStock: withValue.some((s) => s.available > 0) }
      }),
    }
  })
}

/** The SKU a complete selection names, if any. */
export function skuFor(skus: readonly PurchasableSku[], names: readonly string[], selection: Selection): PurchasableSku | undefined {
  return skus.find((s) => matches(s, selection, names))
}

/** The selection describing one SKU. */
export function selectionOf(sku: PurchasableSku): Record<string, string> {
  return Object.fromEntries(sku.options.map((o) => [o.name, o.value]))
}

/**
 * The selection after the shopper picks `value` for `name`: the options before it stay, and each option after it keeps
 * its value when that still makes an in-stock SKU, otherwise moves to the first value that does (or that exists at all,
 * when everything that way is sold out, so the page can say so).
 */
export function choose(skus: readonly PurchasableSku[], names: readonly string[], selection: Selection, name: string, value: string): Record<string, string> {
  const index = names.indexOf(name)
  if (index < 0) return { ...selection }
  const next: Record<string, string> = { ...selection, [name]: value }
  for (const later of names.slice(index + 1)) {
    const picker = optionPickers(skus, names, next).find((p) => p.name === later)!
    const current = picker.values.find((v) => v.value === next[later])
    if (current?.inStock) continue
    const replacement = picker.values.find((v) => v.inStock) ?? picker.values.find((v) => v.exists)
    if (replacement) next[later] = replacement.value
  }
  return next
}
