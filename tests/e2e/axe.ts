import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

export type Violation = { id: string; impact: string | null; help: string; nodes: number }
type Axe = { run: (context: Document, options: object) => Promise<{ violations: (Omit<Violation, 'nodes'> & { nodes: unknown[] })[] }> }

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core run inside the page (injected through the DevTools protocol, so the page's CSP does not apply). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] })
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }))
  })
}

export function describeViolations(violations: Violation[]): string {
  if (violations.length === 0) return 'no violations'
  return violations.map((v) => `${v.impact} ${v.id} on ${v.nodes} element(s): ${v.help}`).join('; ')
}
