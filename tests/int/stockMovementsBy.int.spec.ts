import type { Payload } from 'payload'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { StaffNameCell } from '../../collections/StockMovements/ui/StaffNameCell'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { bootShop, productWithStock } from '../helpers/shop'

// The ledger's "By" column in the admin: the staff member's name, also for a merchandiser who may not read other accounts.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
})

afterAll(async () => {
  await app.close()
})

async function cell(cellData: unknown) {
  const element = await StaffNameCell({ cellData, payload } as unknown as Parameters<typeof StaffNameCell>[0])
  return renderToStaticMarkup(React.createElement(React.Fragment, null, element))
}

describe('stock movements By column', () => {
  it('should name the staff member who adjusted the stock, not show their id', async () => {
    const adjuster = await payload.create({
      collection: 'users',
      data: { email: `adjuster-${Date.now()}@example.com`, password: 'staff-password-123', name: 'Priya Shah', roles: ['admin'] },
      overrideAccess: true,
      context: { seed: true },
    })
    const { token } = await payload.login({ collection: 'users', data: { email: adjuster.email, password: 'staff-password-123' } })
    await productWithStock(payload, api, staff, 'BY-NAME-1', 500, 0)
    expect((await api.post('/inventory/adjust', { sku: 'BY-NAME-1', delta: 3, reason: 'Found in the back' }, { token: token! })).status).toBe(200)
    const [movement] = (await payload.find({ collection: 'stock-movements', where: { sku: { equals: 'BY-NAME-1' } }, depth: 0 })).docs
    expect(movement.by).toBe(adjuster.id)
    expect(await cell(movement.by)).toBe('<span class="staff-name-cell">Priya Shah</span>')
  })

  it('should show a dash for a change no staff member made', async () => {
    expect(await cell(null)).toBe('<span>—</span>')
  })
})
