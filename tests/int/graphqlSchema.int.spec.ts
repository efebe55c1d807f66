import { readFileSync } from 'node:fs'
import path from 'node:path'

import { unrecordedBreakingChanges } from '../../src/infra/graphqlSchema'
import { printGraphQLSchema } from '../../src/infra/printGraphQLSchema'
import { bootPayload, type TestPayload } from '../helpers/payload'

// schema.graphql is the committed GraphQL contract: it must match the running schema, and a breaking change from it must
// be recorded in docs/graphql-changelog.md. After recording one, `npm run generate:graphql-schema` updates the file.

// The committed schema is PostgreSQL's (scripts/graphql-schema.ts); SQLite's lacks only the reset-password throttle field.
const SQLITE_LACKS = /^ {2}resetPasswordRequestedAt: \w+\n/gm
const printed = readFileSync(path.resolve('schema.graphql'), 'utf8')
const committed = process.env.TEST_DATABASE_URL ? printed : printed.replace(SQLITE_LACKS, '')
const changelog = readFileSync(path.resolve('docs/graphql-changelog.md'), 'utf8')
let app: TestPayload
let current: string

beforeAll(async () => {
  app = await bootPayload()
  current = printGraphQLSchema(app.payload.config)
}, 120000)

afterAll(async () => {
  await app?.close()
})

describe('schema.graphql', () => {
  it('should have no breaking change from the committed schema that docs/graphql-changelog.md does not record', () => {
    expect(unrecordedBreakingChanges(committed, current, changelog)).toEqual([])
  })

  it('should match the running schema (run npm run generate:graphql-schema)', () => {
    expect(current === committed).toBe(true)
  })

  it('should differ between the databases only by the reset-password throttle field', () => {
    expect(printed.match(SQLITE_LACKS)).toHaveLength(6)
  })

  it('should catch a removed field of Product that the changelog does not record', () => {
    const withoutSlug = current.replace(/(\ntype Product \{[^}]*?)\n {2}slug: String\n/, '$1\n')
    expect(withoutSlug).not.toBe(current)
    expect(unrecordedBreakingChanges(current, withoutSlug, changelog)).toEqual([{ type: 'FIELD_REMOVED', description: 'Product.slug was removed.' }])
  })
})
