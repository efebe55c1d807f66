import type { CommerceError } from '../../src/commerce/errors'
import { createEventBus } from '../../src/commerce/events'
import type { CommerceEvent, CommerceEventType, EventBus, EventLogger } from '../../src/commerce/events'
import { createPaymentProviders } from '../../src/commerce/payments'
import type { PaymentProviders } from '../../src/commerce/payments'
import { createPricingRegistry } from '../../src/commerce/pricingRegistry'
import type { PricingRegistry } from '../../src/commerce/pricingRegistry'
import type { PaymentMethod } from '../../src/commerce/checkoutInput'
import { DEFAULT_HOLD_LIMITS } from '../../src/commerce/holds'
import type { Clock, CommerceDeps, CommerceStore, StoreSettings } from '../../src/commerce/workflows/ports'

/** Settings a test store starts with: 20 % VAT, £4.95 shipping, free from £50, GB only. */
export const defaultTestSettings: StoreSettings = {
  storeName: 'Ipswich Retail (test)',
  currency: 'GBP',
  vatRate: 20,
  pricesIncludeVat: true,
  shipping: { flatRate: 495, freeOver: 5000, countries: ['GB'] },
  reservationMinutes: 30,
  manualPaymentHoldDays: 7,
  holds: { ...DEFAULT_HOLD_LIMITS },
}

/** A clock a test moves by hand. */
export function fixedClock(start = new Date('2030-01-01T10:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms
    },
  }
}

/** Every event published, in order, for assertions. */
export function recordEvents(bus: EventBus): CommerceEvent[] {
  const seen: CommerceEvent[] = []
  const types: CommerceEventType[] = ['order.placed', 'order.transitioned', 'stock.changed', 'stock.low']
  types.forEach((type) => bus.subscribe(type, (payload) => void seen.push({ type, payload } as CommerceEvent)))
  return seen
}

const silentLogger: EventLogger = { error: () => undefined }

export interface TestDeps extends CommerceDeps {
  clock: ReturnType<typeof fixedClock>
  published: CommerceEvent[]
}

/** Workflow dependencies around a store: fresh bus, fresh pricing registry, both payment methods. */
export function createTestDeps(
  store: CommerceStore,
  options: {
    methods?: PaymentMethod[]
    payments?: PaymentProviders
    pricing?: PricingRegistry
  } = {},
): TestDeps {
  const events = createEventBus({ logger: silentLogger })
  return {
    store,
    events,
    payments: options.payments ?? createPaymentProviders(options.methods ?? ['manual', 'test-card']),
    clock: fixedClock(),
    pricing: options.pricing ?? createPricingRegistry(),
    published: recordEvents(events),
  }
}

export const testAddress = {
  name: 'Ada Shopper',
  line1: '1 Buttermarket',
  city: 'Ipswich',
  postcode: 'IP1 1BQ',
  country: 'GB',
}

export const APPROVED_CARD = { number: '4242 4242 4242 4242' }
export const DECLINED_CARD = { number: '4000 0000 0000 0002' }

/** A valid checkout body paying by approved test card; override any field. */
export function checkoutBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    items: [{ sku: 'MUG-BLUE', quantity: 1 }],
    email: 'ada@example.com',
    shippingAddress: testAddress,
    paymentMethod: 'test-card',
    card: APPROVED_CARD,
    ...overrides,
  }
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf<E = CommerceError>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject')
    },
    (error: E) => error,
  )
}
