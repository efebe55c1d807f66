import type { Payload } from 'payload'

import { bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../../tests/helpers/shop'

type Shop = Awaited<ReturnType<typeof bootShop>>
type Id = number | string

describe('reviews plugin', () => {
  let shop: Shop
  let payload: Payload
  let product: { id: Id }
  let buyer: { id: Id; token: string }
  let secondBuyer: { id: Id; token: string }
  let stranger: { id: Id; token: string }

  const buy = async (customer: { token: string }, sku: string) => {
    const res = await shop.api.post('/checkout', checkoutBody([{ sku, quantity: 1 }]), { token: customer.token, headers: { 'idempotency-key': newKey() } })
    if (res.status !== 201 && res.status !== 200) throw new Error(`checkout failed: ${res.status} ${res.text}`)
    return res.json
  }
  const review = (token: string | undefined, body: Record<string, unknown>) =>
    shop.api.post('/reviews', { product: product.id, title: 'Good mug', text: 'Holds a pint.', ...body }, { token })
  const rating = async (id: Id = product.id) => (await payload.findByID({ collection: 'products', id, depth: 0 })).rating
  const reviewCount = async () => (await payload.count({ collection: 'reviews', where: { product: { equals: product.id } } })).totalDocs
  const moderate = (id: Id, status: string) => shop.api.patch(`/reviews/${id}`, { status }, { token: shop.staff })

  beforeAll(async () => {
    shop = await bootShop()
    payload = shop.payload
    product = await productWithStock(payload, shop.api, shop.staff, `REV-${Date.now()}`, 1200, 20, { variants: [] })
    const sku = (await payload.findByID({ collection: 'products', id: product.id })).sku!
    buyer = await customerToken(payload)
    secondBuyer = await customerToken(payload)
    stranger = await customerToken(payload)
    await buy(buyer, sku)
    await buy(secondBuyer, sku)
  })
  afterAll(async () => shop?.app.close())

  it('should refuse an anonymous review with 401 and store nothing', async () => {
    const res = await review(undefined, { rating: 4 })
    expect([res.status, await reviewCount()]).toEqual([401, 0])
  })

  it('should refuse a rating of 6 with 400 and store nothing', async () => {
    const res = await review(buyer.token, { rating: 6 })
    expect([res.status, await reviewCount()]).toEqual([400, 0])
  })

  it('should refuse a rating of 3.5 with 400', async () => {
    expect((await review(buyer.token, { rating: 3.5 })).status).toBe(400)
  })

  it('should refuse a review of a product the customer never bought with 403 and store nothing', async () => {
    const res = await review(stranger.token, { rating: 5 })
    expect([res.status, res.json?.errors?.[0]?.message, await reviewCount()]).toEqual([403, 'Only customers who bought this product can review it', 0])
  })

  it('should take a buyer’s review as pending, named after them, and leave the rating alone until approved', async () => {
    const res = await review(buyer.token, { rating: 4, status: 'approved', customer: stranger.id })
    expect([res.status, res.json.doc.status, res.json.doc.customer.id, res.json.doc.authorName, await rating()]).toEqual([
      201,
      'pending',
      buyer.id,
      'Test Customer',
      { average: null, count: 0 },
    ])
  })

  it('should refuse a second review of the same product by the same customer with 409 and store nothing', async () => {
    const res = await review(buyer.token, { rating: 1 })
    expect([res.status, await reviewCount()]).toEqual([409, 1])
  })

  it('should keep the average and count of approved reviews through moderation, edit and delete', async () => {
    const first = (await payload.find({ collection: 'reviews', where: { customer: { equals: buyer.id } } })).docs[0]
    const second = (await review(secondBuyer.token, { rating: 1 })).json.doc
    await moderate(first.id, 'approved')
    const afterOne = await rating()
    await moderate(second.id, 'approved')
    const afterTwo = await rating()
    // The author edits: the review goes back to moderation and leaves the average until approved again.
    const edited = await shop.api.patch(`/reviews/${second.id}`, { rating: 2 }, { token: secondBuyer.token })
    const afterEdit = await rating()
    await moderate(second.id, 'approved')
    const afterReapproval = await rating()
    await moderate(first.id, 'rejected')
    const afterRejection = await rating()
    await shop.api.del(`/reviews/${second.id}`, { token: secondBuyer.token })
    expect([afterOne, afterTwo, edited.json.doc.status, afterEdit, afterReapproval, afterRejection, await rating()]).toEqual([
      { average: 4, count: 1 },
      { average: 2.5, count: 2 },
      'pending',
      { average: 4, count: 1 },
      { average: 3, count: 2 },
      { average: 2, count: 1 },
      { average: null, count: 0 },
    ])
  })

  it('should not let a customer moderate or edit another customer’s review', async () => {
    const first = (await payload.find({ collection: 'reviews', where: { customer: { equals: buyer.id } } })).docs[0]
    const byOther = await shop.api.patch(`/reviews/${first.id}`, { title: 'Hacked' }, { token: secondBuyer.token })
    const ownApproval = await shop.api.patch(`/reviews/${first.id}`, { status: 'approved' }, { token: buyer.token })
    expect([byOther.status, ownApproval.json.doc.status]).toEqual([403, 'pending'])
  })

  it('should show only approved reviews over public REST and GraphQL', async () => {
    const approved = await payload.create({
      collection: 'reviews',
      data: { product: product.id as number, customer: stranger.id as number, rating: 5, title: 'Approved one', text: 'Yes.', status: 'approved' },
    })
    const rest = await shop.api.get(`/reviews?where[product][equals]=${product.id}&limit=50`)
    const gql = await shop.api.gql(`{ Reviews(where: { product: { equals: ${product.id} } }) { docs { title status authorName } } }`)
    expect([rest.json.docs.map((d: any) => [d.title, d.customer]), gql.json.data.Reviews.docs]).toEqual([
      [['Approved one', undefined]],
      [{ title: 'Approved one', status: 'approved', authorName: null }],
    ])
    await payload.delete({ collection: 'reviews', id: approved.id })
  })

  it('should keep a product’s rating when staff save the product', async () => {
    const approved = await payload.create({
      collection: 'reviews',
      data: { product: product.id as number, customer: stranger.id as number, rating: 5, title: 'Kept', text: 'Yes.', status: 'approved' },
    })
    const before = await rating()
    await shop.api.patch(`/products/${product.id}`, { title: 'Renamed mug', rating: { average: 1, count: 99 } }, { token: shop.staff })
    expect([before, await rating()]).toEqual([before, before])
    await payload.delete({ collection: 'reviews', id: approved.id })
  })
})
