import type { PhaseStats } from './load'

export type FaultResult = { name: string; recoverMs: number | null; drift: number }

type Summary = {
  accepted: number
  inDatabase: number
  lost: number
  ledgerRows: number
  drift: number
  emails: number
  missingEmails: number
  duplicates: number
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
export function printTable(phases: Map<string, PhaseStats>, faults: FaultResult[], summary: Summary): void {
  const rows = ['| phase | requests | errors by kind | orders accepted | refused (sold out) | recovered in | stock − ledger after |', '| --- | --- | --- | --- | --- | --- | --- |']
  for (const [name, s] of phases) {
    const f = faults.find((x) => x.name === name)
    const recovered = f ? (f.recoverMs === null ? 'not recovered' : `${(f.recoverMs / 1000).toFixed(1)} s`) : ''
    rows.push(`| ${name} | ${s.requests} | ${errorsText(s.errors)} | ${s.accepted} | ${s.refused} | ${recovered} | ${f ? f.drift : ''} |`)
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
      `| drill duration | ${summary.seconds} s |`,
    ].join('\n'),
  )
}
