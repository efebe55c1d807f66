import type { Endpoint } from 'payload'

import { handleAdjustStock } from '../../../src/endpoints/adjustStock'

export const adjustInventoryEndpoint: Endpoint = {
  path: '/adjust',
  method: 'post',
  handler: handleAdjustStock,
}
