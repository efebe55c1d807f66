import { readFileSync } from 'node:fs'
import path from 'node:path'

import { breakingChanges, unrecordedBreakingChanges } from './graphqlSchema'

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/graphql', name), 'utf8')

describe('unrecordedBreakingChanges', () => {
  it('should find a removed field as breaking', () => {
    expect(breakingChanges(fixture('before.graphql'), fixture('removed-field.graphql'))).toEqual([
      { type: 'FIELD_REMOVED', description: 'Product.slug was removed.' },
    ])
  })

  it('should fail a removed field the changelog does not list', () => {
    expect(unrecordedBreakingChanges(fixture('before.graphql'), fixture('removed-field.graphql'), '# changelog\n')).toHaveLength(1)
  })

  it('should accept a removed field the changelog lists', () => {
    const changelog = '## 2026-12-03\n- `Product.slug was removed.` Use `handle`.\n'
    expect(unrecordedBreakingChanges(fixture('before.graphql'), fixture('removed-field.graphql'), changelog)).toEqual([])
  })

  it('should let an added field through without an entry', () => {
    expect(unrecordedBreakingChanges(fixture('before.graphql'), fixture('added-field.graphql'), '')).toEqual([])
  })
})
