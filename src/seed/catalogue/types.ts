/** One category of the demo catalogue; `children` nest one level below. */
export interface CategorySeed {
  title: string
  slug: string
  description: string
  /** The department's image colour (hue, 0–360); subcategories use their parent's. */
  hue?: number
  children?: CategorySeed[]
}

/** An option axis such as Size or Colour, with optional price overrides by value (pence). */
export interface OptionSeed {
  name: string
  values: string[]
  prices?: Record<string, number>
}

export interface ProductSeed {
  title: string
  /** Slug of a subcategory, or of a top-level category for products that sit at the top. */
  category: string
  /** Pence, VAT included. */
  price: number
  compareAtPrice?: number
  /** Grams. */
  weight: number
  featured?: boolean
  /** The first paragraph; the department's note follows it. */
  description: string
  /** Variants are every combination of the option values. */
  options?: OptionSeed[]
  /** Units on hand: one number for every SKU, or per variant title; otherwise 10–80 chosen from the SKU. */
  stock?: number | Record<string, number>
}

/** A department's products; SKUs are `${code}-${nnn}` in list order. */
export interface DepartmentSeed {
  code: string
  /** A closing paragraph shared by the department's descriptions. */
  note: string
  products: ProductSeed[]
}
