// The scaffold's promise, kept by the suite: `npm run plugin:new` writes a plugin that passes the contract kit as generated.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { generatePlugin } from '../../scripts/pluginScaffold'
import { runPluginContract, type PluginContractSubject } from './testing'

const kitDir = path.dirname(fileURLToPath(import.meta.url))
const parent = mkdtempSync(path.join(tmpdir(), 'ir-plugin-new-'))
const pluginDir = path.join(parent, 'gift-notes')
const written = generatePlugin({ name: 'gift-notes', dir: pluginDir, kitImport: path.relative(pluginDir, kitDir) })
// Registered as plugins/index.ts would list it: runPluginContract boots the app's plugins with this one added.
const { giftNotesContract } = (await import(path.join(pluginDir, 'contract.ts'))) as { giftNotesContract: PluginContractSubject }

afterAll(() => rmSync(parent, { recursive: true, force: true }))

describe('npm run plugin:new', () => {
  it('should write a collection, a hook, an endpoint, a test and a README', () => {
    expect(written.map((f) => path.relative(pluginDir, f)).sort()).toEqual(
      ['README.md', 'collection.ts', 'contract.ts', 'endpoints/summary.ts', 'gift-notes.int.spec.ts', 'hooks/stampOwner.ts', 'index.ts'].sort(),
    )
  })

  it('should refuse a name that is not lower-case words joined by hyphens, and a taken one', () => {
    expect(
      [() => generatePlugin({ name: 'Gift_Notes', dir: parent }), () => generatePlugin({ name: 'reviews', dir: parent })].map((f) => {
        try {
          f()
          return 'written'
        } catch (error) {
          return (error as Error).message.split(':')[0]
        }
      }),
    ).toEqual(['"Gift_Notes" is not a plugin name', '"reviews" is taken by the shop or a first-party plugin'])
    expect(readdirSync(parent)).toEqual(['gift-notes'])
  })
})

runPluginContract(giftNotesContract)
