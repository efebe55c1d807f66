// Replaces one "## <title>" section of bench/RESULTS.md, leaving the other sections (and their <!-- markers -->) as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../RESULTS.md')

export function appendResults(title, lines) {
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nLatest figures per benchmark; each section is rewritten by its own script.\n'
  const section = `## ${title}\n\n${lines.join('\n')}\n`
  const pattern = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |\\n<!-- |$)`)
  const next = pattern.test(current) ? current.replace(pattern, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`
  writeFileSync(file, next)
}
