import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Payload } from 'payload'

import { env, type Env } from './env'
import { logger } from './logger'
import { recordEmail, type EmailTemplate } from './metrics'
import { processSingleton } from './processSingleton'
import { redis, type Redis } from './redis'

// Without SMTP_URL mail is written to data/outbox as .eml files, so nothing leaves the machine.
function outboxTransport(dir: string) {
  return {
    name: 'outbox',
    version: '1',
    send(mail: { message: { createReadStream(): NodeJS.ReadableStream; messageId(): string } }, done: (err: Error | null, info?: unknown) => void) {
      const chunks: Buffer[] = []
      const stream = mail.message.createReadStream()
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (err: Error) => done(err))
      stream.on('end', () => {
        try {
          /* eslint-disable security/detect-non-literal-fs-filename -- dir is the configured outbox folder; id is stripped to [a-zA-Z0-9.@-] */
          mkdirSync(dir, { recursive: true })
          const id = mail.message.messageId().replace(/[^a-zA-Z0-9.@-]/g, '')
          writeFileSync(path.join(dir, `${Date.now()}-${id}.eml`), Buffer.concat(chunks))
          /* eslint-enable security/detect-non-literal-fs-filename */
          done(null, { messageId: id, envelope: {} })
        } catch (err) {
          done(err as Error)
        }
      })
    },
  }
}

export function createTransport(env: Env): Transporter {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL)
  return nodemailer.createTransport(outboxTransport(path.resolve(env.DATA_DIR, 'outbox')) as never)
}

/** A message as the email templates render it. */
export interface RenderedEmail {
  to: string
  subject: string
  html: string
  text: string
}

/**
 * The same Message-ID every time one email is sent (an order's confirmation, say): a retry after a runner died
 * between sending and recording is then recognisable as the same message by mail clients and by the drill.
 */
export function stableMessageId(parts: readonly (string | number)[], mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'ipswich-retail.invalid'
  return `<${parts.map((p) => String(p).replace(/[^A-Za-z0-9.-]/g, '-')).join('.')}@${domain}>`
}

/**
 * The Message-IDs already handed to the mail server, so a job run again after its runner died between sending and
 * marking the job done (kill -9, a lost machine) does not send the same email twice. The mark is written the moment
 * the server accepts the message, one Redis command, so the window for a duplicate shrinks from the job's own
 * bookkeeping (several statements) to that command. Redis when configured (every worker sees it), this process
 * otherwise. A record that can't be read or written (Redis away) never stops a send: a duplicate is better than a
 * lost confirmation.
 */
export interface SentRecord {
  has(messageId: string): Promise<boolean>
  add(messageId: string): Promise<void>
}

const SENT_TTL_MS = 14 * 24 * 3_600_000
const SENT_IN_PROCESS_MAX = 50_000

export function redisSentRecord(client: Redis, prefix: string): SentRecord {
  const key = (id: string) => `${prefix}mail:sent:${id}`
  return {
    has: async (id) => (await client.exists(key(id)).catch(() => 0)) === 1,
    add: async (id) => {
      await client.set(key(id), '1', 'PX', SENT_TTL_MS).catch(() => undefined)
    },
  }
}

export function memorySentRecord(): SentRecord {
  const sent = processSingleton('mail-sent', () => new Set<string>())
  return {
    has: async (id) => sent.has(id),
    add: async (id) => {
      // Oldest first out: a Set iterates in insertion order.
      if (sent.size >= SENT_IN_PROCESS_MAX) sent.delete(sent.values().next().value!)
      sent.add(id)
    },
  }
}

export function sentRecord(): SentRecord {
  const client = redis()
  return client ? redisSentRecord(client, env().REDIS_KEY_PREFIX) : memorySentRecord()
}

/**
 * Sends one email and counts it, sent or failed, under its template; a failure is rethrown so the job retries. With a
 * Message-ID, an email already sent under it is not sent again (`SentRecord`).
 */
export async function sendAndRecord(
  payload: Pick<Payload, 'sendEmail'>,
  template: EmailTemplate,
  email: RenderedEmail,
  messageId?: string,
  sent: SentRecord = sentRecord(),
): Promise<void> {
  if (messageId && (await sent.has(messageId))) {
    logger().info({ template, messageId }, 'Email already sent under this Message-ID; not sent again')
    return
  }
  try {
    await payload.sendEmail({ to: email.to, subject: email.subject, html: email.html, text: email.text, messageId })
  } catch (err) {
    recordEmail(template, false)
    if (messageId) logger().warn({ template, messageId, err: { message: (err as Error).message } }, 'Email not sent; its job retries')
    throw err
  }
  if (messageId) await sent.add(messageId)
  recordEmail(template, true)
  // One line per accepted message: the trail to follow when a recipient reports an email twice or not at all.
  if (messageId) logger().info({ template, messageId }, 'Email sent')
}
