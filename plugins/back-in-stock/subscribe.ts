import { z } from 'zod'

import { CommerceError, conflict, endpoint, invalidField, json, notFound, readJsonBody, type EndpointDescription } from '../kit'
import { SUBSCRIPTIONS_SLUG } from './collection'

export const subscribeBodySchema = z.object({ sku: z.string().trim().min(1).max(64), email: z.string().trim().toLowerCase().email() })

/** POST /api/back-in-stock/subscribe { sku, email }: 201 for a sold-out SKU; 400 bad input, 404 unknown SKU, 409 in stock or already subscribed. */
export const subscribe = endpoint(async (req) => {
  const parsed = subscribeBodySchema.safeParse(await readJsonBody(req))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalidField('invalid_subscription', String(issue.path[0] ?? 'body'), issue.message)
  }
  const { sku, email } = parsed.data
  const row = (await req.payload.find({ collection: 'inventory', where: { sku: { equals: sku } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!row) throw notFound('unknown_sku', `No SKU ${sku}`)
  if (row.available > 0) throw conflict('in_stock', `${sku} is in stock: add it to your cart instead`)
  const open = await req.payload.count({
    collection: SUBSCRIPTIONS_SLUG as never,
    where: { sku: { equals: sku }, email: { equals: email }, status: { equals: 'open' } },
    overrideAccess: true,
  })
  if (open.totalDocs > 0) throw conflict('already_subscribed', `${email} will already be told when ${sku} is back`)
  const doc = await req.payload.create({ collection: SUBSCRIPTIONS_SLUG as never, data: { sku, email, status: 'open' } as never, overrideAccess: true })
  if (!doc) throw new CommerceError(500, 'not_saved', 'The subscription was not saved')
  return json({ subscribed: true, sku, email }, 201)
})

/** How /api/openapi.json describes the endpoint (custom.openapi on the endpoint). */
export const subscribeDescription: EndpointDescription = {
  summary: 'Ask to be told when a sold-out SKU is back (back-in-stock plugin)',
  description: 'One email when the SKU’s stock rises above zero, then the subscription closes.',
  tag: 'Plugins',
  body: subscribeBodySchema,
  answer: z.object({ subscribed: z.literal(true), sku: z.string(), email: z.string() }),
  status: 201,
  errors: { 400: ['invalid_json', 'invalid_subscription'], 404: ['unknown_sku'], 409: ['in_stock', 'already_subscribed'] },
}
