// npm run plugin:new -- <name>: writes plugins/<name> (a collection, a hook, an endpoint, a contract test, a README).
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { generatePlugin } from './pluginScaffold'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const name = process.argv[2]
if (!name) {
  console.error('Usage: npm run plugin:new -- <name>   (lower-case words joined by hyphens, e.g. gift-notes)')
  process.exit(1)
}
try {
  const files = generatePlugin({ name, dir: path.join(root, 'plugins', name) })
  console.log(files.map((f) => `  wrote ${path.relative(root, f)}`).join('\n'))
  console.log(
    `\nNext: add ${name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Plugin() to featurePlugins in plugins/index.ts, then read plugins/${name}/README.md.`,
  )
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
