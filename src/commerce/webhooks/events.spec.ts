import { isWebhookEvent, productWebhookEvent, webhookEventsFor } from './events'

describe('webhookEventsFor', () => {
  it('should pass each commerce event on with its payload', () => {
    const events = webhookEventsFor([
      { type: 'stock.low', payload: { sku: 'MUG-1', available: 2, threshold: 5 } },
      { type: 'stock.changed', payload: { sku: 'MUG-1', available: 2, change: -1, reason: 'sale' } },
    ])
    expect(events).toEqual([
      { type: 'stock.low', data: { sku: 'MUG-1', available: 2, threshold: 5 } },
      { type: 'stock.changed', data: { sku: 'MUG-1', available: 2, change: -1, reason: 'sale' } },
    ])
  })
})

describe('productWebhookEvent', () => {
  it('should call a product going live published', () => {
    expect(productWebhookEvent({ wasLive: false, isLive: true, savedStatus: 'published' })).toBe('product.published')
  })

  it('should call a live product saved and published again updated', () => {
    expect(productWebhookEvent({ wasLive: true, isLive: true, savedStatus: 'published' })).toBe('product.updated')
  })

  it('should call a live product taken back to draft unpublished', () => {
    expect(productWebhookEvent({ wasLive: true, isLive: false, savedStatus: 'draft' })).toBe('product.unpublished')
  })

  it('should say nothing of a draft saved over a live product or of a draft never published', () => {
    expect(productWebhookEvent({ wasLive: true, isLive: true, savedStatus: 'draft' })).toBeNull()
    expect(productWebhookEvent({ wasLive: false, isLive: false, savedStatus: 'draft' })).toBeNull()
  })
})

describe('isWebhookEvent', () => {
  it('should know the seven events and nothing else', () => {
    expect(['order.placed', 'product.unpublished'].every(isWebhookEvent)).toBe(true)
    expect(['order.deleted', '', 3].some(isWebhookEvent)).toBe(false)
  })
})
