import type { Payload } from 'payload'

import { planImport, readImportFile, snapshotQuery } from '../../src/commerce/csv'
import { applyImport } from '../../src/infra/catalogueCsv/apply'
import { loadSnapshot } from '../../src/infra/catalogueCsv/snapshot'
import { events } from '../../src/infra/events'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { available, bootShop, checkoutBody, ledgerSum, newKey, productWithStock } from '../helpers/shop'

// The apply writes new products with bulk SQL instead of Payload's per-document create: these prove it writes what
// Payload writes, that a failure anywhere leaves nothing behind, and that checkouts are answered while it runs.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let knitwear: number | string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  const clothing = await payload.create({ collection: 'categories', data: { title: 'Clothing', slug: 'clothing' } })
  knitwear = (await payload.create({ collection: 'categories', data: { title: 'Knitwear', slug: 'knitwear', parent: clothing.id } })).id
})

afterAll(async () => {
  await app.close()
})

const HEADER =
  'slug,title,status,price,weight,featured,categories,sku,variant_title,option1_name,option1_value,option2_name,option2_value,stock,low_stock_threshold'

function fileOf(lines: string[]) {
  return readImportFile('products', new TextEncoder().encode([HEADER, ...lines].join('\n')))
}

async function applyLines(lines: string[], onProgress: (n: number) => void = () => {}) {
  const file = fileOf(lines)
  const { fingerprint } = planImport(file, await loadSnapshot(payload, undefined, snapshotQuery(file)))
  return applyImport(payload, file, { importId: 0, by: null, fileName: 'bulk.csv', fingerprint, onProgress })
}

/** A product as a reader sees it, without what differs between any two saves (ids, times). */
async function readable(slug: string, draft = false) {
  const [doc] = (await payload.find({ collection: 'products', where: { slug: { equals: slug } }, depth: 0, draft })).docs
  const versions = await payload.findVersions({ collection: 'products', where: { parent: { equals: doc.id } }, depth: 0 })
  const strip = ({ id: _i, createdAt: _c, updatedAt: _u, slug: _s, title: _t, sku: _k, ...rest }: Record<string, any>): Record<string, any> => ({
    ...rest,
    variants: (rest.variants ?? []).map(({ id: _v, sku, ...variant }: Record<string, any>) => ({
      ...variant,
      sku: sku.replace(/^[A-Z]+-/, ''),
      options: variant.options.map(({ id: _o, ...option }: Record<string, any>) => option),
    })),
  })
  return {
    doc: strip(doc),
    versions: versions.docs.map((v) => ({ latest: v.latest, version: strip(v.version as Record<string, any>) })),
  }
}

describe('CSV import bulk create', () => {
  it('should store a new product, its variants, relations and first version as Payload’s own create does', async () => {
    await applyLines([
      'bulk-aran,Aran,published,65.00,400,yes,clothing/knitwear,BULK-S,Small / Cream,Size,S,Colour,Cream,4,2',
      'bulk-aran,,,,,,,BULK-M,Medium / Cream,Size,M,Colour,Cream,0,2',
    ])
    await payload.create({
      collection: 'products',
      data: {
        title: 'Aran by hand',
        slug: 'hand-aran',
        price: 6500,
        weight: 400,
        featured: true,
        categories: [knitwear as number],
        _status: 'published',
        variants: [
          {
            sku: 'HAND-S',
            title: 'Small / Cream',
            options: [
              { name: 'Size', value: 'S' },
              { name: 'Colour', value: 'Cream' },
            ],
          },
          {
            sku: 'HAND-M',
            title: 'Medium / Cream',
            options: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Cream' },
            ],
          },
        ],
      },
    })
    await api.post('/inventory/adjust', { sku: 'HAND-S', delta: 4, reason: 'Initial stock' }, { token: staff })
    const imported = await readable('bulk-aran')
    expect(imported).toEqual(await readable('hand-aran'))
    expect(imported.versions).toHaveLength(1)
    const rows = await payload.find({ collection: 'inventory', where: { sku: { in: ['BULK-S', 'BULK-M'] } }, sort: 'sku', depth: 0 })
    expect(rows.docs.map((r) => [r.sku, r.available, r.lowStockThreshold, r.stockStatus, r.title, r.variantTitle])).toEqual([
      ['BULK-M', 0, 2, 'out', 'Aran', 'Medium / Cream'],
      ['BULK-S', 4, 2, 'ok', 'Aran', 'Small / Cream'],
    ])
  })

  it('should store a new draft as a draft, its one version a draft, and keep it from shoppers', async () => {
    await applyLines(['bulk-draft,Draft tee,draft,9.00,,,,BULK-DRAFT,,,,,,3,'])
    const { doc, versions } = await readable('bulk-draft', true)
    expect([doc._status, versions.map((v) => [v.latest, v.version._status])]).toEqual(['draft', [[true, 'draft']]])
    const [row] = (await payload.find({ collection: 'inventory', where: { sku: { equals: 'BULK-DRAFT' } }, depth: 0 })).docs
    // A new SKU without a threshold in the file gets the collection's default, as the product hook's row did.
    expect(row.lowStockThreshold).toBe(5)
    expect((await api.get('/products?where[slug][equals]=bulk-draft')).json.docs).toEqual([])
  })

  it('should record each new SKU’s units as one adjustment in the ledger', async () => {
    await applyLines(['bulk-mug,Mug,published,6.50,,,,BULK-MUG,,,,,,12,1'])
    expect([await available(payload, 'BULK-MUG'), await ledgerSum(payload, 'BULK-MUG')]).toEqual([12, 12])
  })

  it('should tell caches and the storefront once, after the commit, which products it wrote', async () => {
    const heard: unknown[] = []
    const stop = events().subscribe('catalogue.imported', (e) => void heard.push(e))
    await applyLines(['bulk-cap,Cap,published,9.00,,,,BULK-CAP,,,,,,2,'])
    stop()
    expect(heard).toEqual([expect.objectContaining({ slugs: ['bulk-cap'], newSkus: ['BULK-CAP'] })])
  })
})

describe('CSV import all-or-nothing', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `bulk-fail-${i},Fail ${i},published,1.00,,,clothing,BULK-FAIL-${i},,,,,,5,1`)

  it('should leave no product, version, relation, stock row, ledger row or search entry when it fails after the products were written', async () => {
    const heard: unknown[] = []
    const stop = events().subscribe('catalogue.imported', (e) => void heard.push(e))
    let calls = 0
    // 30 products are written first (one call each); the 40th call comes from the ledger step.
    const failing = applyLines(rows, () => {
      if (++calls === 40) throw new Error('the disk filled up')
    })
    await expect(failing).rejects.toThrow('the disk filled up')
    stop()
    expect(await payload.count({ collection: 'products', where: { slug: { like: 'bulk-fail-' } } })).toEqual({ totalDocs: 0 })
    expect((await payload.findVersions({ collection: 'products', where: { 'version.slug': { like: 'bulk-fail-' } } })).totalDocs).toBe(0)
    expect(await payload.count({ collection: 'inventory', where: { sku: { like: 'BULK-FAIL-' } } })).toEqual({ totalDocs: 0 })
    expect(await payload.count({ collection: 'stock-movements', where: { sku: { like: 'BULK-FAIL-' } } })).toEqual({ totalDocs: 0 })
    expect((await api.get('/search?q=fail')).json.docs).toEqual([])
    expect(heard).toEqual([])
  })

  it('should apply the same file in full once nothing gets in its way', async () => {
    const result = await applyLines(rows)
    expect(result).toMatchObject({ created: 30, stockChanges: 30 })
    expect(await payload.count({ collection: 'products', where: { slug: { like: 'bulk-fail-' } } })).toEqual({ totalDocs: 30 })
    expect((await api.get('/search?q=fail')).json.totalDocs).toBe(30)
  })
})

describe('CSV import beside checkouts', () => {
  it('should answer a checkout placed while an import applies', async () => {
    await productWithStock(payload, api, staff, 'BULK-BUY', 500, 10)
    const lines = Array.from({ length: 400 }, (_, i) => `bulk-side-${i},Side ${i},published,1.00,,,,BULK-SIDE-${i},,,,,,1,`)
    const importing = applyLines(lines)
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'BULK-BUY', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    await importing
    expect(placed.status).toBe(201)
    expect(await available(payload, 'BULK-BUY')).toBe(9)
  })
})
