import type { FieldHook } from 'payload'

import { trackingUrl } from '../../../src/commerce/carriers'
import { instructionsSettings } from './addPaymentInstructions'

// A virtual field: the carrier's tracking page for a sent order, built from the carrier's template in the store settings.
export const addTrackingUrl: FieldHook = async ({ data, req }) => {
  const carrier = data?.fulfilment?.carrier
  const number = data?.fulfilment?.trackingNumber
  // Orders not sent yet never need the settings read.
  if (!carrier || !number) return null
  return trackingUrl((await instructionsSettings(req)).carriers, carrier, number)
}
