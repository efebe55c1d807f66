import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import sharp from 'sharp'

// Palette quantisation makes each run's PNG differ pixel by pixel; averaged over 8 × 8 blocks that noise stays
// under ~5 (of 255) per channel, while a changed word, colour or layout moves some block far more.
const BLOCK = 8
const NOISE = 16

async function looksTheSame(png: Buffer, file: string, width: number): Promise<boolean> {
  const blocks = (image: Buffer | string) =>
    sharp(image)
      .removeAlpha()
      .resize(Math.round(width / BLOCK))
      .raw()
      .toBuffer()
  const [now, before] = await Promise.all([blocks(png), blocks(file)])
  return now.length === before.length && now.every((v, i) => Math.abs(v - before[i]) <= NOISE)
}

/**
 * The visible part of the page as a palette PNG (a few tens of kB, fit to commit), left alone when the committed
 * picture already shows the same page, so a test run does not rewrite the files over rendering noise.
 */
export async function saveScreenshot(page: Page, file: string) {
  const png = await page.screenshot({ fullPage: false, animations: 'disabled' })
  if (existsSync(file) && (await looksTheSame(png, file, page.viewportSize()!.width))) return
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toBuffer())
}
