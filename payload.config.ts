import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Plugin } from 'payload'
import sharp from 'sharp'

import { plugins } from './plugins'
import { rootEndpoints } from './src/endpoints'
import { formatErrors, withRouteNotFound } from './src/endpoints/errorFormat'
import { collections } from './src/collections'
import { StoreSettings } from './src/globals/StoreSettings'
import { bumpCacheVersions } from './src/infra/cache'
import { installDashboardInvalidation } from './src/infra/dashboard'
import { databaseAdapter } from './src/infra/database'
import { env } from './src/infra/env'
import { events } from './src/infra/events'
import { createTransport } from './src/infra/mailer'
import { catalogueGraphQLQueries } from './src/endpoints/catalogueGraphQL'
import { accountGraphQLMutations } from './src/endpoints/accountGraphQL'
import { commerceGraphQLMutations } from './src/endpoints/commerceGraphQL'
import { commerceGraphQLErrorCode } from './src/endpoints/graphqlErrors'
import { graphQLValidationRules } from './src/infra/graphqlLimits'
import { logger } from './src/infra/logger'
import { allowedOrigins, CORS_EXTRA_HEADERS } from './src/infra/origins'
import { logPoolErrors } from './src/infra/poolErrors'
import { jobsRunnerActive } from './src/jobs/runnerFlag'
import { tasks } from './src/jobs/tasks'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = env()
const origins = allowedOrigins(settings)

/** The app's config with the given plugins (the contract kit boots a plugin under test with it); the default export uses plugins/index.ts. */
export const buildAppConfig = (pluginList: Plugin[] = plugins) =>
  withRouteNotFound(
    buildConfig({
      serverURL: origins.serverURL,
      secret: settings.payloadSecret,
      admin: {
        user: 'users',
        // Payload's default is Gravatar, an external request: the admin must work offline.
        avatar: 'default',
        meta: { titleSuffix: ' · Ipswich Retail' },
        importMap: { baseDir: dirname },
        // The merchandiser's dashboard above the collection cards (src/admin/dashboard).
        components: {
          beforeDashboard: ['/src/admin/dashboard/SalesDashboard#SalesDashboard'],
          // Two-factor: a login parked for its code goes on to /admin/two-factor (docs/security/two-factor-and-audit.md).
          beforeLogin: ['/src/admin/twoFactor/PendingLoginRedirect#PendingLoginRedirect'],
          views: { twoFactor: { Component: '/src/admin/twoFactor/TwoFactorView#TwoFactorView', path: '/two-factor' } },
        },
      },
      collections,
      globals: [StoreSettings],
      endpoints: rootEndpoints,
      editor: lexicalEditor(),
      db: databaseAdapter(settings),
      sharp,
      email: nodemailerAdapter({
        defaultFromAddress: settings.MAIL_FROM.replace(/^.*<|>.*$/g, ''),
        defaultFromName: settings.MAIL_FROM.includes('<') ? settings.MAIL_FROM.replace(/\s*<.*$/, '') : 'Ipswich Retail',
        transport: createTransport(settings),
        skipVerify: true,
      }),
      cors: { origins: origins.cors, headers: CORS_EXTRA_HEADERS },
      csrf: origins.all,
      // Stack traces and internal messages in error bodies only with APP_ENV=development and DEBUG_ERRORS=true (docs/errors.md).
      debug: settings.debugErrors,
      // The commerce errors' own codes first (GraphQL extensions.code), then one error format for every answer.
      hooks: { afterError: [commerceGraphQLErrorCode, formatErrors(settings.debugErrors)] },
      upload: { limits: { fileSize: settings.MAX_UPLOAD_BYTES } },
      graphQL: {
        maxComplexity: 1000,
        validationRules: graphQLValidationRules,
        queries: catalogueGraphQLQueries,
        mutations: (GraphQL, schema) => ({ ...commerceGraphQLMutations(GraphQL, schema), ...accountGraphQLMutations(GraphQL, schema) }),
        // Payload turns introspection off under NODE_ENV=production; we decide by APP_ENV and GRAPHQL_INTROSPECTION (docs/openapi.md).
        disableIntrospectionInProduction: !settings.graphqlIntrospection,
        // Its playground loads from a CDN and fails offline: the API reference is /api/docs.
        disablePlaygroundInProduction: true,
      },
      jobs: {
        tasks,
        // Embedded default: the queue runs inside the CMS process; `npm run worker` runs it separately.
        autoRun: settings.RUN_JOBS_IN_PROCESS ? [{ cron: '*/5 * * * * *', queue: 'default', limit: 20 }] : [],
        // Under `npm run serve`/`npm run worker` src/jobs/runner.ts runs the queue (with a lock); autoRun is for `next dev`.
        shouldAutoRun: () => !jobsRunnerActive(),
      },
      onInit: async (payload) => {
        logPoolErrors(payload)
        // Orders placed or moved make the dashboard's cached figures stale.
        installDashboardInvalidation(events(), bumpCacheVersions)
      },
      plugins: pluginList,
      // Generated on purpose (npm run generate:types), not by every dev boot: tests on SQLite would rewrite it.
      typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
      logger: logger(),
      telemetry: false,
    }),
  )

export default buildAppConfig()
