import { readFileSync } from 'node:fs'
import path from 'node:path'

// The commands the deploy files really run, read from the files themselves, so a test that starts them
// tests what a container starts. ops/validate.sh checks render.yaml and Railway against compose.
const root = path.resolve(import.meta.dirname, '../..')

/** `command:` of a docker-compose.yml service (one-line JSON array form, as the file writes them). */
export function composeCommand(service: string): string[] {
  const lines = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').split('\n')
  const start = lines.indexOf(`  ${service}:`)
  if (start < 0) throw new Error(`docker-compose.yml has no service ${service}`)
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line)) break
    const match = /^ {4}command: (\[.*\])\s*$/.exec(line)
    if (match) return JSON.parse(match[1]) as string[]
  }
  throw new Error(`docker-compose.yml: service ${service} has no one-line command`)
}

/** The last `CMD [...]` of a Dockerfile stage: what `docker run` of that image starts. */
export function dockerfileCommand(stage: string): string[] {
  const parts = readFileSync(path.join(root, 'Dockerfile'), 'utf8').split(/^FROM /m)
  const body = parts.find((part) => new RegExp(`^\\S+ AS ${stage}\\s*$`).test(part.split('\n')[0]))
  const commands = body ? [...body.matchAll(/^CMD (\[.*\])\s*$/gm)] : []
  if (commands.length === 0) throw new Error(`Dockerfile: stage ${stage} has no CMD`)
  return JSON.parse(commands[commands.length - 1][1]) as string[]
}

/** argv for spawn: `node` is this test's node binary, so the Node version under test is the one running. */
export function forSpawn(argv: string[]): [string, string[]] {
  const [bin, ...args] = argv
  return [bin === 'node' ? process.execPath : bin, args]
}
