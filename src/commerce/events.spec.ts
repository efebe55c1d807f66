import { describe, expect, it, jest } from '@jest/globals'
import { createEventBus } from './events'
import type { CommerceEvent, EventLogger } from './events'

const low: CommerceEvent = { type: 'stock.low', payload: { sku: 'A', available: 2, threshold: 5 } }

function quietLogger(): EventLogger & { error: jest.Mock<EventLogger['error']> } {
  return { error: jest.fn<EventLogger['error']>() }
}

describe('createEventBus', () => {
  it('should deliver a payload to its subscribers', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const seen: unknown[] = []
    bus.subscribe('stock.low', (payload) => void seen.push(payload))
    await bus.publish(low)
    expect(seen).toEqual([{ sku: 'A', available: 2, threshold: 5 }])
  })

  it('should not deliver other event types', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const handler = jest.fn<() => void>()
    bus.subscribe('order.placed', handler)
    await bus.publish(low)
    expect(handler).not.toHaveBeenCalled()
  })

  it('should stop delivering after unsubscribe', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const handler = jest.fn<() => void>()
    const unsubscribe = bus.subscribe('stock.low', handler)
    unsubscribe()
    await bus.publish(low)
    expect(handler).not.toHaveBeenCalled()
  })

  it('should still reach other subscribers when one throws', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const handler = jest.fn<() => void>()
    bus.subscribe('stock.low', () => {
      throw new Error('boom')
    })
    bus.subscribe('stock.low', handler)
    await bus.publish(low)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('should resolve when an async subscriber rejects', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    bus.subscribe('stock.low', async () => Promise.reject(new Error('smtp down')))
    await expect(bus.publish(low)).resolves.toBeUndefined()
  })

  it('should log a failing subscriber with the event type', async () => {
    const logger = quietLogger()
    const bus = createEventBus({ logger })
    const err = new Error('boom')
    bus.subscribe('stock.low', async () => Promise.reject(err))
    await bus.publish(low)
    expect(logger.error).toHaveBeenCalledWith({ err, event: 'stock.low' }, 'Subscriber to stock.low failed')
  })

  it('should await async subscribers before resolving', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const seen: string[] = []
    bus.subscribe('stock.low', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      seen.push('done')
    })
    await bus.publish(low)
    expect(seen).toEqual(['done'])
  })

  it('should not throw when the logger itself throws', async () => {
    const logger: EventLogger = {
      error: () => {
        throw new Error('logger broken')
      },
    }
    const bus = createEventBus({ logger })
    bus.subscribe('stock.low', () => {
      throw new Error('boom')
    })
    await expect(bus.publish(low)).resolves.toBeUndefined()
  })

  it('should keep delivering to a neighbour when a subscriber unsubscribes during publish', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const handler = jest.fn<() => void>()
    const unsubscribe: () => void = bus.subscribe('stock.low', () => unsubscribe())
    bus.subscribe('stock.low', handler)
    await bus.publish(low)
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe('EventBus.publishAll', () => {
  it('should publish events in order', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const seen: string[] = []
    bus.subscribe('stock.changed', (p) => void seen.push(`changed:${p.sku}`))
    bus.subscribe('stock.low', (p) => void seen.push(`low:${p.sku}`))
    const changed: CommerceEvent = {
      type: 'stock.changed',
      payload: { sku: 'A', available: 2, change: -1, reason: 'reserve' },
    }
    await bus.publishAll([changed, low])
    expect(seen).toEqual(['changed:A', 'low:A'])
  })
})

describe('subscribeBatch', () => {
  const changed = (sku: string): CommerceEvent => ({ type: 'stock.changed', payload: { sku, available: 2, change: -1, reason: 'reserve' } })

  it('should hand a batch subscriber every event of its type from one publishAll in one call', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const calls: string[][] = []
    bus.subscribeBatch('stock.changed', (payloads) => void calls.push(payloads.map((p) => p.sku)))
    await bus.publishAll([changed('A'), low, changed('B')])
    expect(calls).toEqual([['A', 'B']])
  })

  it('should not call a batch subscriber when no event of its type was published', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const handler = jest.fn<() => void>()
    bus.subscribeBatch('stock.changed', handler)
    await bus.publishAll([low])
    expect(handler).not.toHaveBeenCalled()
  })

  it('should hand a batch subscriber a single published event as a batch of one', async () => {
    const bus = createEventBus({ logger: quietLogger() })
    const calls: string[][] = []
    bus.subscribeBatch('stock.changed', (payloads) => void calls.push(payloads.map((p) => p.sku)))
    await bus.publish(changed('A'))
    expect(calls).toEqual([['A']])
  })

  it('should log a failing batch subscriber and still resolve', async () => {
    const logger = quietLogger()
    const bus = createEventBus({ logger })
    bus.subscribeBatch('stock.changed', () => {
      throw new Error('search is down')
    })
    await bus.publishAll([changed('A')])
    expect(logger.error).toHaveBeenCalledTimes(1)
  })
})
