// `npm run generate:graphql-schema`: writes schema.graphql, the committed GraphQL contract (docs/openapi.md).
// A breaking change must first be recorded in docs/graphql-changelog.md (tests/int/graphqlSchema.int.spec.ts).
import { writeFileSync } from 'node:fs'

// The contract is the production schema: on PostgreSQL the auth collections carry resetPasswordRequestedAt (the reset
// throttle, src/infra/env.ts forgotPasswordInterval), which SQLite leaves out. Printing connects to no database.
if (!/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? '')) process.env.DATABASE_URL = 'postgres://schema-only@127.0.0.1:1/unused'

const { default: config } = await import('../payload.config')
const { printGraphQLSchema } = await import('../src/infra/printGraphQLSchema')
const file = new URL('../schema.graphql', import.meta.url)
writeFileSync(file, printGraphQLSchema(await config))
console.log(`Wrote ${file.pathname}`)
process.exit(0)
