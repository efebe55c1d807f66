import type { Payload } from 'payload'

import { planImport, readImportFile, snapshotQuery } from '../../src/commerce/csv'
import { applyImport } from '../../src/infra/catalogueCsv/apply'
import { IMPORT_MAX_BYTES } from '../../src/infra/catalogueCsv/imports'
import { loadSnapshot } from '../../src/infra/catalogueCsv/snapshot'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { available, bootShop, ledgerSum } from '../helpers/shop'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  const clothing = await payload.create({ collection: 'categories', data: { title: 'Clothing', slug: 'clothing' } })
  await payload.create({ collection: 'categories', data: { title: 'Knitwear', slug: 'knitwear', parent: clothing.id } })
})

afterAll(async () => {
  await app.close()
})

const HEADER = 'slug,title,status,price,categories,sku,variant_title,option1_name,option1_value,stock,low_stock_threshold'

function upload(csv: string | Uint8Array, kind = 'products', name = 'import.csv') {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', new Blob([(typeof csv === 'string' ? new TextEncoder().encode(csv) : csv) as BlobPart], { type: 'text/csv' }), name)
  return api.post('/imports/preview', undefined, { token: staff, rawBody: form })
}

const apply = (id: number | string) => api.post(`/imports/${id}/apply`, undefined, { token: staff })
const runJobs = () => payload.jobs.run({ allQueues: true, limit: 10 })
const count = async (collection: 'products' | 'stock-movements', where = {}) => (await payload.count({ collection, where })).totalDocs

async function importFile(csv: string | Uint8Array, kind = 'products') {
  const preview = await upload(csv, kind)
  expect(preview.status).toBe(201)
  expect(preview.json.errors).toEqual([])
  expect((await apply(preview.json.id)).status).toBe(202)
  await runJobs()
  return (await api.get(`/imports/${preview.json.id}/progress`, { token: staff })).json
}

describe('CSV import preview', () => {
  it('should report bad rows by row and column and write nothing', async () => {
    const before = await count('products')
    const csv = [
      HEADER,
      'bad-a,Bad A,published,"6,50",,BAD-A,,,,1,',
      'bad-b,Bad B,published,6.50,,BAD-A,,,,1,',
      'bad-c,Bad C,published,6.50,clothing/nope,BAD-C,,,,x,',
    ].join('\n')
    const res = await upload(csv)
    expect(res.status).toBe(201)
    expect(res.json.status).toBe('invalid')
    expect(res.json.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, 'price'],
      [3, 'sku'],
      [4, 'stock'],
      [4, 'categories'],
    ])
    expect(await count('products')).toBe(before)
  })

  it('should name an unknown column', async () => {
    const res = await upload('slug,sku,colour\nmug,MUG-1,red')
    expect(res.json.errors).toEqual([expect.objectContaining({ row: 1, column: 'colour' })])
  })

  it('should read a UTF-8 byte-order mark and a Windows-1252 pound sign', async () => {
    const withBom = await upload(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('slug,title,price,sku\nbom-tee,Tee,5.00,BOM-TEE')]))
    expect(withBom.json).toMatchObject({ encoding: 'UTF-8 with BOM', errors: [] })
    const latin = new Uint8Array([
      ...new TextEncoder().encode('slug,title,price,sku,status\ngift-card,'),
      0xa3,
      ...new TextEncoder().encode('5 Gift card,5.00,GIFT-5,published'),
    ])
    const status = await importFile(latin)
    expect(status.status).toBe('done')
    const [card] = (await payload.find({ collection: 'products', where: { slug: { equals: 'gift-card' } } })).docs
    expect(card.title).toBe('£5 Gift card')
  })

  it('should refuse a UTF-16 file by name with 415', async () => {
    const res = await upload(new Uint8Array([0xff, 0xfe, 0x73, 0x00]))
    expect(res.status).toBe(415)
    expect(res.json.error.message).toMatch(/UTF-16/)
  })

  it('should answer 413 for a file over the stated limit', async () => {
    const res = await upload(`${HEADER}\n${'x'.repeat(IMPORT_MAX_BYTES)}`)
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('file_too_large')
  })

  it('should answer 400 naming what is wrong for an unknown kind, a missing file part and a body that is not multipart', async () => {
    const before = await count('products')
    const unknownKind = await upload('slug,sku\nmug,MUG-1', 'prices')
    expect([unknownKind.status, unknownKind.json.error.code, unknownKind.json.error.message]).toEqual([
      400,
      'invalid_kind',
      'kind must be one of products, stock, got "prices"',
    ])
    const noFile = new FormData()
    noFile.append('kind', 'products')
    const missing = await api.post('/imports/preview', undefined, { token: staff, rawBody: noFile })
    expect([missing.status, missing.json.error.code]).toEqual([400, 'missing_file'])
    const notMultipart = await api.post('/imports/preview', { file: 'slug,sku' }, { token: staff })
    expect([notMultipart.status, notMultipart.json.error.code]).toEqual([400, 'invalid_upload'])
    expect(await count('products')).toBe(before)
  })

  it('should answer 404 for an export of something other than products or stock', async () => {
    const res = await api.get('/imports/export/customers', { token: staff })
    expect([res.status, res.json.error.code]).toEqual([404, 'unknown_export'])
  })

  it('should refuse anonymous previews with 401', async () => {
    const form = new FormData()
    form.append('file', new Blob(['slug,sku']), 'a.csv')
    expect((await api.post('/imports/preview', undefined, { rawBody: form })).status).toBe(401)
  })
})

describe('CSV import apply', () => {
  it('should create the products and record their stock in the ledger', async () => {
    const csv = [HEADER, 'csv-jumper,Jumper,published,45.00,clothing/knitwear,CSV-JUMP-S,Small,Size,S,4,2', 'csv-jumper,,,,,CSV-JUMP-M,Medium,Size,M,6,2'].join(
      '\n',
    )
    const status = await importFile(csv)
    expect(status.message).toBeNull()
    expect(status).toMatchObject({ status: 'done', result: { created: 1, stockChanges: 2, thresholdChanges: 2 } })
    const [jumper] = (await payload.find({ collection: 'products', where: { slug: { equals: 'csv-jumper' } }, depth: 0 })).docs
    expect(jumper).toMatchObject({ title: 'Jumper', price: 4500, _status: 'published', variants: [{ sku: 'CSV-JUMP-S' }, { sku: 'CSV-JUMP-M' }] })
    expect([await available(payload, 'CSV-JUMP-S'), await ledgerSum(payload, 'CSV-JUMP-S')]).toEqual([4, 4])
    const movements = await payload.find({ collection: 'stock-movements', where: { sku: { equals: 'CSV-JUMP-M' } } })
    expect(movements.docs).toEqual([expect.objectContaining({ change: 6, reason: 'adjustment', note: expect.stringMatching(/^CSV import #\d+/) })])
  })

  it('should leave its products findable by search, by title and by variant SKU, and not a draft', async () => {
    await importFile(
      [
        HEADER,
        'csv-gansey,Harbour Gansey,published,58.00,clothing/knitwear,CSV-GANSEY-S,Small,Size,S,2,1',
        'csv-gansey,,,,,CSV-GANSEY-L,Large,Size,L,2,1',
        'csv-smock,Harbour Smock,draft,40.00,clothing,CSV-SMOCK,,,,1,1',
      ].join('\n'),
    )
    const slugs = async (q: string) => ((await api.get(`/search?q=${encodeURIComponent(q)}`)).json.docs as { slug: string }[]).map((d) => d.slug)
    expect(await slugs('harbour')).toEqual(['csv-gansey'])
    expect(await slugs('CSV-GANSEY-L')).toEqual(['csv-gansey'])
  })

  it('should write nothing when its own export is imported again', async () => {
    await importFile([HEADER, 'csv-scarf,Scarf,published,12.50,clothing,CSV-SCARF,,,,3,1'].join('\n'))
    const exported = await api.get('/imports/export/products?where[slug][like]=csv-scarf', { token: staff })
    expect(exported.status).toBe(200)
    const [scarf] = (await payload.find({ collection: 'products', where: { slug: { equals: 'csv-scarf' } } })).docs
    const ledger = await count('stock-movements')
    const preview = await upload(exported.text)
    expect(preview.json.summary).toEqual({ create: 0, update: 0, unchanged: 1, stockChanges: 0, unitsAdded: 0, unitsRemoved: 0, thresholdChanges: 0 })
    expect((await apply(preview.json.id)).status).toBe(202)
    await runJobs()
    const [after] = (await payload.find({ collection: 'products', where: { slug: { equals: 'csv-scarf' } } })).docs
    expect([after.updatedAt, await count('stock-movements')]).toEqual([scarf.updatedAt, ledger])
  })

  it('should roll back every product and stock change when the apply fails part-way', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `csv-half-${i},Half ${i},published,1.00,,CSV-HALF-${i},,,,5,`)
    const file = readImportFile('products', new TextEncoder().encode([HEADER, ...rows].join('\n')))
    const { fingerprint } = planImport(file, await loadSnapshot(payload, undefined, snapshotQuery(file)))
    let written = 0
    const failing = applyImport(payload, file, {
      importId: 0,
      by: null,
      fileName: 'half.csv',
      fingerprint,
      onProgress: () => {
        if (++written === 3) throw new Error('the process died')
      },
    })
    await expect(failing).rejects.toThrow('the process died')
    expect(await count('products', { slug: { like: 'csv-half' } })).toBe(0)
    expect(await payload.count({ collection: 'inventory', where: { sku: { like: 'CSV-HALF' } } })).toEqual({ totalDocs: 0 })
    expect(await count('stock-movements', { sku: { like: 'CSV-HALF' } })).toBe(0)
  })

  it('should preview and apply a file of 2,000 rows in one go', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `csv-bulk-${i},Bulk ${i},published,2.00,,CSV-BULK-${i},,,,1,0`)
    const status = await importFile([HEADER, ...rows].join('\n'))
    expect(status).toMatchObject({ status: 'done', result: { created: 2000, stockChanges: 2000 } })
    expect(await count('stock-movements', { sku: { like: 'CSV-BULK-' } })).toBe(2000)
  }, 300_000)

  it('should answer 409 to a second import while one is queued or running', async () => {
    const first = await upload([HEADER, 'csv-one,One,draft,1.00,,CSV-ONE,,,,,'].join('\n'))
    const second = await upload([HEADER, 'csv-two,Two,draft,1.00,,CSV-TWO,,,,,'].join('\n'))
    expect((await apply(first.json.id)).status).toBe(202)
    const refused = await apply(second.json.id)
    expect([refused.status, refused.json.error.code]).toEqual([409, 'import_running'])
    await runJobs()
    expect((await apply(second.json.id)).status).toBe(202)
    await runJobs()
  })

  it('should fail an import left running by a stopped process, so it no longer blocks the next one', async () => {
    const startedAt = new Date(Date.now() - 60 * 60_000).toISOString()
    const stuck = await payload.create({ collection: 'imports', data: { fileName: 'stuck.csv', kind: 'products', status: 'running', startedAt } })
    const next = await upload([HEADER, 'csv-three,Three,draft,1.00,,CSV-THREE,,,,,'].join('\n'))
    expect((await apply(next.json.id)).status).toBe(202)
    await runJobs()
    expect(await payload.findByID({ collection: 'imports', id: stuck.id })).toMatchObject({ status: 'failed', message: expect.stringMatching(/interrupted/) })
  })

  it('should answer 409 when the stock changed since the preview', async () => {
    await importFile([HEADER, 'csv-mug,Mug,published,6.50,,CSV-MUG,,,,10,'].join('\n'))
    const preview = await upload('sku,available\nCSV-MUG,20', 'stock')
    expect(preview.json.summary.stockChanges).toBe(1)
    const sale = await api.post('/inventory/adjust', { sku: 'CSV-MUG', delta: -1, reason: 'Breakage' }, { token: staff })
    expect(sale.status).toBe(200)
    const refused = await apply(preview.json.id)
    expect([refused.status, refused.json.error.code]).toEqual([409, 'preview_stale'])
    expect(await available(payload, 'CSV-MUG')).toBe(9)
  })

  it('should set stock levels from a stock file through the ledger', async () => {
    await importFile([HEADER, 'csv-cap,Cap,published,9.00,,CSV-CAP,,,,2,'].join('\n'))
    const status = await importFile('sku,available,low_stock_threshold\nCSV-CAP,7,3', 'stock')
    expect(status.status).toBe('done')
    expect([await available(payload, 'CSV-CAP'), await ledgerSum(payload, 'CSV-CAP')]).toEqual([7, 7])
  })
})

describe('CSV export', () => {
  it('should export only the rows the list filter matches, formulas escaped', async () => {
    await importFile([HEADER, 'csv-formula,=HYPERLINK("x"),published,3.00,,CSV-FORMULA,,,,1,'].join('\n'))
    const res = await api.get('/imports/export/products?where[slug][equals]=csv-formula', { token: staff })
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^csv-formula,"'=HYPERLINK\(""x""\)",published,3\.00,/)
  })

  it('should export stock levels matching the search box', async () => {
    const res = await api.get('/imports/export/stock?search=CSV-JUMP', { token: staff })
    expect(
      res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['sku,title,variant_title,available,low_stock_threshold', 'CSV-JUMP-M,Jumper,Medium,6,2', 'CSV-JUMP-S,Jumper,Small,4,2'])
  })
})
