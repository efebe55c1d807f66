import type { Payload, PayloadRequest } from 'payload'

import { createPaymentProviders, enabledPaymentMethods } from '../../commerce/payments'
import { systemClock, type CommerceDeps } from '../../commerce/workflows'
import { readCache } from '../cache'
import { env } from '../env'
import { events } from '../events'
import { pricingRegistry } from '../pricing'
import { payloadCommerceStore } from './store'

let providers: CommerceDeps['payments'] | undefined

/** What the workflows run with, built in this one place: the store, payments, events, clock, pricing and settings cache. */
export function commerceDeps(payload: Payload, req?: PayloadRequest): CommerceDeps {
  const settings = env()
  providers ??= createPaymentProviders(enabledPaymentMethods(settings.paymentMethods, settings.APP_ENV))
  // Asked for lazily: a worker that never prices anything opens no cache (nor its Redis subscriber).
  const settingsCache = settings.CACHE_ENABLED ? readCache : () => null
  return { store: payloadCommerceStore(payload, req, settingsCache), payments: providers, events: events(), clock: systemClock, pricing: pricingRegistry() }
}
