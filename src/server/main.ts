// `npm run serve`: the CMS in production. A node:http server answers health, metrics, rate limits and cached
// anonymous reads itself, and hands everything else to Next's request handler (admin, REST, GraphQL).
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// React and Next pick their production builds from NODE_ENV, read when they load.
Object.assign(process.env, { NODE_ENV: 'production' })

const { env } = await import('../infra/env')
const { bufferedDestination, createLogger, setLogger } = await import('../infra/logger')
const settings = env()
const destination = bufferedDestination()
const log = createLogger({ destination })
setLogger(log)

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { startCms } = await import('./startCms')
// Request lines carry only cleaned fields (the URL is redacted), so they skip pino's redaction paths.
const requestLog = createLogger({ destination, redact: false })
const flush = () => destination.flushSync()
await startCms({ root, settings, logger: log, requestLogger: requestLog, flush }).catch((err: unknown) => {
  log.fatal({ err }, 'The CMS could not start')
  flush()
  process.exit(1)
})
