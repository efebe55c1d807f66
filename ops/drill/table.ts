import type { PhaseStats } from './load'

/** `note`: what the fault met (e.g. how many jobs the killed worker held). */
export type FaultResult = { name: string; recoverMs: number | null; drift: number; note?: string }

type Summary = {
  accepted: number
  inDatabase: number
  lost: number
  ledgerRows: number
  drift: number
  emails: number
  missingEmails: number
  duplicates: number
  /** Of the duplicates, those the mail server accepted from the worker in the moment before it was killed. */
  inFlightAtKill: number
  duplicateOrders: number
  strays: number
  storefront: string
  seconds: number
}

const errorsText = (errors: Map<string, number>) =>
  errors.size === 0
    ? '0'
    : [...errors]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')

const n = (v: number) => (v < 0 ? 'not measured (time limit)' : String(v))

/** The drill's result as a Markdown table (bench/RESULTS.md keeps the last one). */
export function printTable(phases: Map<string, PhaseStats>, stock: Map<string, number>, faults: FaultResult[], summary: Summary): void {
  const rows = [
    '| phase | requests | req/s | errors by kind | units in stock | orders accepted | refused (sold out) | recovered in | stock − ledger after | fault met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const [name, s] of phases) {
    const f = faults.find((x) => x.name === name)
    const recovered = f ? (f.recoverMs === null ? 'not recovered' : `${(f.recoverMs / 1000).toFixed(1)} s`) : ''
    rows.push(
      `| ${name} | ${s.requests} | ${s.ms > 0 ? ((s.requests * 1000) / s.ms).toFixed(1) : ''} | ${errorsText(s.errors)} | ${stock.get(name) ?? ''} | ${s.accepted} | ${s.refused} | ${recovered} | ${f ? f.drift : ''} | ${f?.note ?? ''} |`,
    )
  }
  console.log(`\n${rows.join('\n')}\n`)
  console.log(
    [
      '| total | value |',
      '| --- | --- |',
      `| orders accepted (201) | ${n(summary.accepted)} |`,
      `| orders in the database | ${n(summary.inDatabase)} |`,
      `| accepted orders missing from the database | ${n(summary.lost)} |`,
      `| ledger rows of orders | ${n(summary.ledgerRows)} |`,
      `| stock drift (stock − ledger sum, plus SKUs below zero) | ${n(summary.drift)} |`,
      `| confirmation emails delivered | ${n(summary.emails)} |`,
      `| accepted orders without a confirmation | ${n(summary.missingEmails)} |`,
      `| duplicate emails (same Message-ID twice) | ${n(summary.duplicates)} |`,
      `| of which accepted by the mail server as the worker was killed, before it could record them | ${n(summary.inFlightAtKill)} |`,
      `| orders confirmed more than once (by order number) | ${n(summary.duplicateOrders)} |`,
      `| confirmations for orders not in the database | ${n(summary.strays)} |`,
      `| edit through instance A → on the real storefront's product page | ${summary.storefront} |`,
      `| drill duration | ${summary.seconds} s |`,
    ].join('\n'),
  )
}
