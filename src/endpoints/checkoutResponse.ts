import type { Id, OrderRecord } from '../commerce/workflows'

type OrderLike = Pick<OrderRecord, 'id' | 'orderNumber' | 'status' | 'totals' | 'lines'>

// One shape, built field by field, so a replayed checkout answers with byte-identical JSON.
export function checkoutResponse(order: OrderLike, lookupToken: string) {
  const { subtotal, discount, shipping, vat, total } = order.totals
  return {
    order: {
      id: order.id as Id,
      orderNumber: order.orderNumber,
      status: order.status,
      totals: { subtotal, discount, shipping, vat, total },
      lines: order.lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        options: (l.options ?? []).map((o) => ({ name: o.name, value: o.value })),
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
      })),
    },
    lookupToken,
  }
}
