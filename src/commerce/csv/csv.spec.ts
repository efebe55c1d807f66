import { formatPounds, parsePounds } from './cells'
import { decodeCsv } from './decode'
import { escapeCell, productExportRows, stockExportRows, toCsv } from './exportRows'
import { planImport, readImportFile } from './index'
import { bytes, sampleSnapshot } from './testData'

const HEADER = 'slug,title,status,price,sku,variant_title,option1_name,option1_value,stock'
const file = (...rows: string[]) => bytes([HEADER, ...rows].join('\n'))

describe('decodeCsv', () => {
  it('should drop a UTF-8 byte-order mark and say it was there', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('sku\n£1')]))).toEqual({ text: 'sku\n£1', encoding: 'UTF-8 with BOM' })
  })

  it('should read a Windows-1252 pound sign as £', () => {
    expect(decodeCsv(new Uint8Array([0x73, 0x0a, 0xa3, 0x36]))).toEqual({ text: 's\n£6', encoding: 'Windows-1252' })
  })

  it('should refuse UTF-16 by name', () => {
    expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x73, 0x00]))).toThrow(/UTF-16/)
  })

  it('should refuse bytes that are neither UTF-8 nor Windows-1252', () => {
    expect(() => decodeCsv(new Uint8Array([0x73, 0x81, 0x82]))).toThrow(/neither UTF-8 nor Windows-1252/)
  })
})

describe('parsePounds', () => {
  it.each([
    ['6.50', 650],
    ['6.5', 650],
    ['6', 600],
    ['£12.99', 1299],
    ['0.05', 5],
  ])('should read %s as %i pence', (cell, pence) => {
    expect(parsePounds(cell)).toEqual({ ok: true, value: pence })
  })

  it('should refuse a decimal comma and suggest the full stop', () => {
    expect(parsePounds('6,50')).toEqual({ ok: false, message: 'write pounds with a full stop, e.g. 6.50 (got 6,50)' })
  })

  it('should refuse thousands separators', () => {
    expect(parsePounds('1,234.00')).toMatchObject({ ok: false, message: expect.stringMatching(/thousands separators/) })
  })

  it('should refuse fractions of a penny', () => {
    expect(parsePounds('6.505').ok).toBe(false)
  })

  it('should write pence as pounds with two decimals', () => {
    expect(formatPounds(650)).toBe('6.50')
  })
})

describe('readImportFile (products)', () => {
  it('should name an unknown column', () => {
    const read = readImportFile('products', bytes('slug,sku,colour\nmug,MUG-1,red'))
    expect(read.errors).toEqual([{ row: 1, column: 'colour', message: expect.stringMatching(/^Unknown column "colour"/) }])
  })

  it('should report a missing required column', () => {
    expect(readImportFile('products', bytes('slug,title\nmug,Mug')).errors).toEqual([{ row: 1, column: 'sku', message: 'The column sku is missing' }])
  })

  it('should report a repeated SKU on the row where it repeats', () => {
    const read = readImportFile('products', file('a,A,published,1.00,DUP-1,,,,', 'b,B,published,1.00,DUP-1,,,,'))
    expect(read.errors).toEqual([{ row: 3, column: 'sku', message: 'SKU DUP-1 is also on row 2: each SKU appears once' }])
  })

  it('should report a decimal comma by row and column', () => {
    const read = readImportFile('products', bytes('slug,title,price,sku\nmug,Mug,"6,50",MUG-1'))
    expect(read.errors).toEqual([{ row: 2, column: 'price', message: 'write pounds with a full stop, e.g. 6.50 (got 6,50)' }])
  })

  it('should group rows by slug into one product with variants', () => {
    const read = readImportFile('products', file('tee,Tee,published,9.00,TEE-S,Small,Size,S,4', 'tee,,,,TEE-M,Medium,Size,M,'))
    expect(read.errors).toEqual([])
    expect(read.products).toEqual([
      expect.objectContaining({
        slug: 'tee',
        sku: null,
        fields: { title: 'Tee', status: 'published', price: 900 },
        variants: [
          { row: 2, sku: 'TEE-S', title: 'Small', options: [{ name: 'Size', value: 'S' }], price: null },
          { row: 3, sku: 'TEE-M', title: 'Medium', options: [{ name: 'Size', value: 'M' }], price: null },
        ],
      }),
    ])
  })

  it('should report a product-level value that differs between the rows of one product', () => {
    const read = readImportFile('products', file('tee,Tee,published,9.00,TEE-S,Small,,,', 'tee,Tee,published,9.50,TEE-M,Medium,,,'))
    expect(read.errors).toEqual([{ row: 3, column: 'price', message: expect.stringMatching(/^differs from row 2/) }])
  })

  it('should require a variant title when a product has several rows', () => {
    const read = readImportFile('products', file('tee,Tee,published,9.00,TEE-S,Small,,,', 'tee,,,,TEE-M,,,,'))
    expect(read.errors).toEqual([{ row: 3, column: 'variant_title', message: expect.stringMatching(/^is empty/) }])
  })

  it('should refuse an image given as a web address', () => {
    const read = readImportFile('products', bytes('slug,sku,images\nmug,MUG-1,https://example.com/a.jpg'))
    expect(read.errors[0]).toMatchObject({ row: 2, column: 'images', message: expect.stringMatching(/not web addresses/) })
  })

  it('should number rows as a spreadsheet does, counting blank lines', () => {
    const read = readImportFile('products', bytes('slug,sku,price\n\nmug,MUG-1,x'))
    expect(read.errors).toEqual([{ row: 3, column: 'price', message: expect.any(String) }])
  })

  it('should refuse an empty file', () => {
    expect(() => readImportFile('products', bytes(''))).toThrow(/empty/)
  })
})

describe('planImport', () => {
  it('should plan nothing for an export imported unchanged', () => {
    const shop = sampleSnapshot()
    const csv = toCsv(productExportRows([...shop.products.values()], shop.stock))
    const planned = planImport(readImportFile('products', bytes(csv)), shop)
    expect(planned.errors).toEqual([])
    expect(planned.plan.summary).toEqual({ create: 0, update: 0, unchanged: 2, stockChanges: 0, unitsAdded: 0, unitsRemoved: 0, thresholdChanges: 0 })
  })

  it('should plan nothing for a stock export imported unchanged', () => {
    const shop = sampleSnapshot()
    const planned = planImport(readImportFile('stock', bytes(toCsv(stockExportRows([...shop.stock.values()])))), shop)
    expect(planned.plan.stock).toEqual([])
    expect(planned.plan.thresholds).toEqual([])
  })

  it('should plan a create with its stock from 0', () => {
    const planned = planImport(readImportFile('products', file('cap,Cap,published,12.00,CAP-1,,,,7')), sampleSnapshot())
    expect(planned.plan.products).toEqual([expect.objectContaining({ action: 'create', slug: 'cap' })])
    expect(planned.plan.stock).toEqual([{ row: 2, sku: 'CAP-1', from: 0, to: 7 }])
  })

  it('should plan an update naming only the fields that changed', () => {
    const planned = planImport(readImportFile('products', bytes('slug,price,sku,stock\nmug,7.00,MUG-1,10')), sampleSnapshot())
    expect(planned.plan.products).toEqual([expect.objectContaining({ action: 'update', id: 1, changed: ['price'] })])
    expect(planned.plan.stock).toEqual([])
  })

  it('should report an unknown category path and an unknown image', () => {
    const planned = planImport(readImportFile('products', bytes('slug,sku,categories,images\nmug,MUG-1,clothing/knitwer,nope.jpg')), sampleSnapshot())
    expect(planned.errors.map((e) => e.column)).toEqual(['categories', 'images'])
  })

  it('should refuse a SKU that another product sells', () => {
    const planned = planImport(readImportFile('products', file('cap,Cap,published,12.00,MUG-1,,,,')), sampleSnapshot())
    expect(planned.errors).toEqual([{ row: 2, column: 'sku', message: 'SKU MUG-1 already belongs to the product mug' }])
  })

  it('should require a title and price for a new product', () => {
    const planned = planImport(readImportFile('products', bytes('slug,sku\ncap,CAP-1')), sampleSnapshot())
    expect(planned.errors.map((e) => e.column)).toEqual(['title', 'price'])
  })

  it('should refuse an unknown SKU in a stock file', () => {
    const planned = planImport(readImportFile('stock', bytes('sku,available\nNOPE-1,3')), sampleSnapshot())
    expect(planned.errors).toEqual([{ row: 2, column: 'sku', message: 'Unknown SKU NOPE-1: add it with a product import first' }])
  })

  it('should plan stock and threshold changes from a stock file', () => {
    const planned = planImport(readImportFile('stock', bytes('sku,available,low_stock_threshold\nJUMP-S,8,2\nMUG-1,,9')), sampleSnapshot())
    expect(planned.plan.stock).toEqual([{ row: 2, sku: 'JUMP-S', from: 3, to: 8 }])
    expect(planned.plan.thresholds).toEqual([{ row: 3, sku: 'MUG-1', from: 5, to: 9 }])
  })

  it('should give a different fingerprint once stock moved', () => {
    const before = sampleSnapshot()
    const after = sampleSnapshot()
    after.stock.get('MUG-1')!.available = 9
    const read = readImportFile('stock', bytes('sku,available\nMUG-1,10'))
    expect(planImport(read, before).fingerprint).not.toBe(planImport(read, after).fingerprint)
  })
})

describe('escapeCell', () => {
  it.each(['=SUM(A1)', '+44', '-5', '@cmd'])('should make %s plain text with an apostrophe', (value) => {
    expect(escapeCell(value)).toBe(`'${value}`)
  })

  it('should bring an escaped title back unchanged through an import', () => {
    const shop = sampleSnapshot()
    shop.products.get('mug')!.title = '=HYPERLINK("x")'
    const planned = planImport(readImportFile('products', bytes(toCsv(productExportRows([...shop.products.values()], shop.stock)))), shop)
    expect(planned.plan.summary.unchanged).toBe(2)
  })
})
