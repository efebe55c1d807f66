import { followUpJobs } from './followUps'

describe('followUpJobs', () => {
  const totals = { subtotal: 1000, discount: 0, shipping: 0, vat: 167, total: 1000 }
  const moved = (to: string) =>
    ({ type: 'order.transitioned', payload: { orderId: 7, orderNumber: 'IR-000007', from: 'paid', to, by: 1, note: null, restocked: false } }) as const

  it('should queue a confirmation email for a placed order', () => {
    const placed = {
      type: 'order.placed',
      payload: { orderId: 7, orderNumber: 'IR-000007', status: 'paid', email: 'a@example.com', customerId: null, paymentMethod: 'test-card', totals },
    } as const
    expect(followUpJobs([placed])).toEqual([{ task: 'sendOrderEmail', input: { orderId: 7, kind: 'confirmation' } }])
  })

  it('should queue the email of each move that has one, and none for delivered or expired', () => {
    expect(followUpJobs(['fulfilled', 'delivered', 'expired', 'refunded'].map((to) => moved(to) as never)).map((j) => j.input)).toEqual([
      { orderId: 7, kind: 'fulfilled' },
      { orderId: 7, kind: 'refunded' },
    ])
  })

  it('should queue a low-stock alert for stock.low and nothing for stock.changed', () => {
    const jobs = followUpJobs([
      { type: 'stock.changed', payload: { sku: 'MUG-1', available: 2, change: -1, reason: 'reserve' } },
      { type: 'stock.low', payload: { sku: 'MUG-1', available: 2, threshold: 3 } },
    ])
    expect(jobs).toEqual([{ task: 'sendLowStockAlert', input: { sku: 'MUG-1', available: 2, threshold: 3 } }])
  })
})
