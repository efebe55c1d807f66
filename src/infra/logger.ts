import pino, { type Logger } from 'pino'

import { env } from './env'
import { processSingleton, setProcessSingleton } from './processSingleton'

export type { Logger }

// Secrets never reach a log line, whichever object carries them.
const SECRET_KEYS = ['password', 'token', 'authorization', 'cookie', 'card', 'cardNumber', 'cvc', 'secret', 'apiKey']
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
]

const SECRET_PARAM = /([?&](?:token|password|secret|api[-_]?key|card[^=&]*|cvc)=)[^&#]*/gi
// eslint-disable-next-line security/detect-unsafe-regex -- bounded ({13,19}) and [ -]? never matches a digit: linear
const CARD_NUMBER = /\b(?:\d[ -]?){13,19}\b/g

/** A URL fit for a log: secret query values and anything shaped like a card number are masked. */
export function redactUrl(url: string): string {
  if (url.indexOf('?') === -1) return url
  return url.replace(SECRET_PARAM, '$1[redacted]').replace(CARD_NUMBER, '[redacted]')
}

// ISO time, formatted once per millisecond: at thousands of lines a second most share one.
let lastMs = 0
let lastStamp = ''
export function isoTimestamp(): string {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastStamp = `,"time":"${new Date(now).toISOString()}"`
  }
  return lastStamp
}

/**
 * The server's log stream: written in chunks of 4 KB (a synchronous write per request line would cap the hit path), and
 * whatever is pending at least once a second, so a quiet server's lines (its errors too) still reach the log at once.
 */
export function bufferedDestination(dest: number | string = 1): ReturnType<typeof pino.destination> {
  return pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: 1000 })
}

/**
 * `redact: false` is for loggers whose lines are built from known, already-cleaned fields (the request log): the
 * wildcard paths cost more than the rest of a cache hit.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream; name?: string; redact?: boolean } = {}): Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      name: options.name,
      base: { pid: process.pid },
      redact: options.redact === false ? undefined : { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: isoTimestamp,
    },
    options.destination,
  )
}

// One logger per process: Next's bundled code and the server write through the same stream.
export function logger(): Logger {
  return processSingleton('logger', () => createLogger())
}

/** The server installs its own (buffered) logger before anything else logs. */
export function setLogger(instance: Logger): void {
  setProcessSingleton('logger', instance)
}
