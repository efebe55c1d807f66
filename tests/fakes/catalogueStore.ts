import { MemoryStore } from './memoryStore'
import type { MemorySku } from './memoryStore'

/** A small catalogue: two sellable SKUs, one unpublished, one product that has variants. */
export const catalogue: MemorySku[] = [
  { sku: 'MUG-BLUE', title: 'Blue mug', unitPrice: 1200, available: 10, lowStockThreshold: 5 },
  { sku: 'TEA', title: 'Suffolk tea', unitPrice: 450, available: 3, lowStockThreshold: 0 },
  { sku: 'LAMP', title: 'Lamp', unitPrice: 5000, available: 4, published: false },
  { sku: 'SHIRT', title: 'Shirt', unitPrice: 2000, available: 0, purchasable: false },
]

export function catalogueStore(): MemoryStore {
  return new MemoryStore({ skus: catalogue })
}
