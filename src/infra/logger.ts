import pino, { type Logger } from 'pino'

import { env } from './env'

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
const CARD_NUMBER = /\b(?:\d[ -]?){13,19}\b/g

/** A URL fit for a log: secret query values and anything shaped like a card number are masked. */
export function redactUrl(url: string): string {
  if (url.indexOf('?') === -1) return url
  return url.replace(SECRET_PARAM, '$1[redacted]').replace(CARD_NUMBER, '[redacted]')
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream; name?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      name: options.name,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  )
}

// One logger per process, on globalThis: Next's bundled code and the server write through the same stream.
const key = Symbol.for('ipswich-retail.logger')
const holder = globalThis as unknown as Record<symbol, Logger | undefined>

export function logger(): Logger {
  holder[key] ??= createLogger()
  return holder[key]!
}

/** The server installs its own (buffered) logger before anything else logs. */
export function setLogger(instance: Logger): void {
  holder[key] = instance
}
