// `npm run screenshots:emails`: renders every email the system sends from the fixture data (tests/fixtures/emails.ts),
// writes each one's HTML and plain text to data/email-previews/, and pictures the HTML in Chromium to
// docs/screenshots/email-<name>.png. Product pictures are drawn locally and served from 127.0.0.1, so nothing is fetched.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium } from 'playwright-core'
import sharp from 'sharp'

import { productImage } from '../src/seed/image'
import { emailFixtures, FIXTURE_PRODUCTS } from '../tests/fixtures/emails'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT_HTML = path.join(ROOT, 'data', 'email-previews')
const OUT_PNG = path.join(ROOT, 'docs', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

async function main() {
  const pictures = new Map<string, Buffer>()
  for (const p of FIXTURE_PRODUCTS) pictures.set(`/img/${p.sku}.png`, await productImage(p.title.replace(/[<>]/g, ''), p.hue))
  const pages = new Map<string, string>()
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const picture = pictures.get(url)
    if (picture) return res.writeHead(200, { 'content-type': 'image/png' }).end(picture)
    const page = pages.get(url)
    if (page) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  mkdirSync(OUT_HTML, { recursive: true })
  mkdirSync(OUT_PNG, { recursive: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 680, height: 320 } })
    for (const fixture of emailFixtures('https://shop.example', `${base}/img`, 'https://cms.example')) {
      const email = await fixture.render()

      writeFileSync(path.join(OUT_HTML, `${fixture.name}.html`), email.html)
      writeFileSync(path.join(OUT_HTML, `${fixture.name}.txt`), `Subject: ${email.subject}\nTo: ${email.to}\n\n${email.text}\n`)
      pages.set(`/${fixture.name}.html`, email.html)
      await page.goto(`${base}/${fixture.name}.html`, { waitUntil: 'networkidle' })
      const png = await page.screenshot({ fullPage: true, animations: 'disabled' })
      const file = path.join(OUT_PNG, `email-${fixture.name}.png`)
      writeFileSync(file, await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toBuffer())

      console.log(`${path.relative(ROOT, file)}  (${email.subject})`)
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
