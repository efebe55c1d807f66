import type { Payload, PayloadRequest } from 'payload'

import { createPaymentProviders, enabledPaymentMethods } from '../../commerce/payments'
import { systemClock, type CommerceDeps } from '../../commerce/workflows'
import { env } from '../env'
import { events } from '../events'
import { pricingRegistry } from '../pricing'
import { payloadCommerceStore } from './store'

let providers: CommerceDeps['payments'] | undefined

export function commerceDeps(payload: Payload, req?: PayloadRequest): CommerceDeps {
  providers ??= createPaymentProviders(enabledPaymentMethods(env().paymentMethods, env().APP_ENV))
  return { store: payloadCommerceStore(payload, req), payments: providers, events: events(), clock: systemClock, pricing: pricingRegistry() }
}
