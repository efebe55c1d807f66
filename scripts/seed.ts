// `npm run seed [-- --products N]`: demo data on the configured database; safe to run again.
import { getPayload } from 'payload'

import config from '../payload.config'
import { describeResult, seed } from '../src/seed'

function productsArgument(argv: string[]): number {
  const at = argv.findIndex((a) => a === '--products' || a.startsWith('--products='))
  if (at === -1) return 0
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1]
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--products needs a whole number, got "${raw ?? ''}"`)
  return n
}

try {
  const products = productsArgument(process.argv.slice(2))
  const started = Date.now()
  const payload = await getPayload({ config })
  const result = await seed(payload, { products })
  for (const line of describeResult(result)) console.log(line)
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
  process.exit(0)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
