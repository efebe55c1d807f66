import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo, Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type TestMailServer = {
  url: string
  port: number
  mails: ParsedMail[]
  /** Stops listening and lets open connections finish (smtp-server's own close: up to 30 s, then a 421). */
  close: () => Promise<void>
  /**
   * The mail server going down at once, as when its process dies: every connection is cut, and a message not yet
   * acknowledged with its 250 is not kept. (A graceful close answers 421 to a message still being read after its
   * grace period, yet keeps it: the sender then sends it again, a duplicate the outage itself made.)
   */
  crash: () => Promise<void>
}

/** A real SMTP server on 127.0.0.1 that keeps every message it receives. */
export async function startSmtpServer(port = 0): Promise<TestMailServer> {
  const mails: ParsedMail[] = []
  let crashed = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          // A dead server keeps nothing; the sender saw its connection cut and will send again.
          if (crashed) return callback(new Error('server down'))
          // Kept and acknowledged in one tick: the 250 goes out before anything else can run.
          mails.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  // A client dropping its connection (a killed worker, a test's mail server closing under it) is not this server's failure.
  server.on('error', () => undefined)
  const sockets = new Set<Socket>()
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    crash: async () => {
      crashed = true
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}

/** A free port with nothing listening on it (for "the mail server is down"). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
