import { quoteCart } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody } from './respond'

// POST /api/cart/quote — prices a cart and lists its problems without writing anything.
export const handleQuote = endpoint(async (req) => {
  const body = await readJsonBody(req)
  const customerId = req.user?.collection === 'customers' ? req.user.id : null
  return json(await quoteCart(commerceDeps(req.payload), body, customerId))
})
