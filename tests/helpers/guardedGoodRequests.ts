import type { GuardedResponse, guardedClient } from './guardedClient'
import type { ShopFixture } from './guardedFixtures'

type Api = Awaited<ReturnType<typeof guardedClient>>
export type GoodRequest = { name: string; run: (api: Api) => Promise<GuardedResponse>; expect: (res: GuardedResponse) => boolean }

const ok = (res: GuardedResponse) => res.status === 200

// Requests the admin panel, the storefront and integrators really send; each must keep its right answer.
export function goodRequests(f: ShopFixture): GoodRequest[] {
  const staff = { token: f.staff }
  const q = (name: string, path: string, check: (json: any) => boolean, token?: string): GoodRequest => ({
    name,
    run: (api) => api.get(path, token ? { token } : {}),
    expect: (res) => ok(res) && check(res.json),
  })
  const one = (json: any) => json.totalDocs === 1 && json.docs[0].id === f.product.id
  return [
    q('by slug', `/products?where[slug][equals]=${f.product.slug}&depth=1&limit=1`, one),
    q('by id', `/products/${f.product.id}`, (j) => j.title === f.product.title),
    q('admin list', `/products?depth=0&draft=true&limit=10&page=1&sort=-createdAt&where[or][0][and][0][title][like]=Good%20Mug`, one, f.staff),
    q(
      'admin select',
      `/products?select[title]=true&select[slug]=true&limit=0&pagination=false&where[sku][equals]=GOOD-1`,
      (j) => j.docs.length === 1 && j.docs[0].slug === f.product.slug,
      f.staff,
    ),
    q('variant sku', `/products?where[variants.sku][equals]=GOOD-V1`, (j) => j.totalDocs === 1 && j.docs[0].id === f.variantProductId),
    q('group + status', `/products?where[seo.title][exists]=false&where[_status][equals]=published&where[slug][equals]=${f.product.slug}`, one),
    q('relationship subpath', `/products?where[categories.slug][equals]=${f.category.slug}`, one),
    q(
      'ids + dates',
      `/products?where[id][in]=${f.product.id},${f.variantProductId}&where[createdAt][greater_than]=2000-01-01T00:00:00.000Z&sort=title`,
      (j) => j.totalDocs === 2,
    ),
    q(
      'numbers + checkbox + populate',
      `/products?where[price][greater_than_equal]=1200&where[price][less_than]=1201&where[featured][equals]=false&trash=false&populate[categories][title]=true&depth=1`,
      one,
    ),
    q(
      'json where',
      `/products?where=${encodeURIComponent(JSON.stringify({ and: [{ slug: { equals: f.product.slug } }, { price: { in: [1200, 5] } }] }))}`,
      one,
    ),
    q('relationship in (admin)', `/products?depth=0&where[categories][in][0]=${f.category.id}&limit=10`, one, f.staff),
    q('categories', `/categories?where[parent][exists]=false&where[slug][equals]=${f.category.slug}&depth=2`, (j) => j.totalDocs === 1),
    q('versions', `/products/versions?where[parent][equals]=${f.product.id}&limit=5&sort=-updatedAt`, (j) => j.totalDocs >= 1, f.staff),
    q('count', `/products/count?where[sku][equals]=GOOD-1`, (j) => j.totalDocs === 1),
    q('draft by id', `/products/${f.product.id}?depth=0&draft=true&locale=en`, (j) => j.id === f.product.id, f.staff),
    q('global', `/globals/store-settings?depth=0`, (j) => j.storeName === 'Ipswich Retail'),
    q('inventory', `/inventory?where[sku][equals]=GOOD-1&limit=1`, (j) => j.docs[0]?.available >= 900),
    q('media by filename', `/media?where[filename][equals]=${f.media.filename}`, (j) => j.totalDocs === 1),
    q('media file', `/media/file/${f.media.filename}`, () => true),
    q('me', `/users/me`, (j) => !!j.user?.email, f.staff),
    q(
      'lookup',
      `/orders/lookup?number=${f.order.orderNumber}&token=${encodeURIComponent(f.order.lookupToken)}`,
      (j) => j.order?.orderNumber === f.order.orderNumber,
    ),
    q('customer me', `/customers/me`, (j) => j.user?.email === f.customerEmail, f.customer),
    {
      name: 'quote',
      run: (api) => api.post('/cart/quote', { items: [{ sku: 'GOOD-1', quantity: 2 }] }),
      expect: (res) => ok(res) && res.json.totals?.subtotal === 2 * f.product.price,
    },
    {
      name: 'graphql storefront',
      run: (api) => api.gql('{ Products(limit: 5) { docs { title slug price } } }'),
      expect: (res) => ok(res) && res.json.data?.Products?.docs?.some((d: any) => d.slug === f.product.slug),
    },
    {
      name: 'staff edit',
      run: (api) => api.patch(`/products/${f.product.id}?depth=0`, { title: f.product.title, weight: 250 }, staff),
      expect: (res) => ok(res) && res.json.doc?.title === f.product.title,
    },
    {
      name: 'admin relationship search (method override)',
      run: (api) =>
        api.request('POST', '/categories', {
          rawBody: `depth=0&limit=10&where[and][0][title][like]=Good`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
          token: f.staff,
        }),
      expect: (res) => ok(res) && res.json.totalDocs === 1,
    },
  ]
}
