/** The worker the drill killed: its process id, when it was killed and when its replacement was started (ms). */
export type KilledWorker = { pid: number; at: number; restartedAt: number }

// The longest a busy worker takes to read a server's answer: a copy that arrived this long before the kill may still
// have been unread by the worker when it died.
const READ_LAG_MS = 2_000

/**
 * Whether a confirmation that arrived twice is the one duplicate SMTP allows after a `kill -9`: its first copy arrived
 * around the kill (from READ_LAG_MS before it until the new worker started: the kernel still delivers what the killed
 * process had written, and the server answers it), its second after the new worker started, and the killed worker
 * never logged it sent (src/infra/mailer.ts records a message as sent, then logs it, once the server's 250 is read).
 * The server accepted it and the worker died before reading the answer: no sender can know, and it sends again
 * (RFC 5321 §4.1.1.4's case). Anything else is a bug.
 *
 * `arrivals`: when each copy arrived (ms); `logLines`: the processes' log lines that name the message.
 */
export function sentBeforeItsRecord(arrivals: readonly number[], logLines: readonly string[], killed: KilledWorker | null): boolean {
  if (!killed || arrivals.length !== 2) return false
  const [first, second] = arrivals as [number, number]
  const loggedByKilled = logLines.some((l) => l.includes(`"pid":${killed.pid},`) && l.includes('Email sent'))
  return first > killed.at - READ_LAG_MS && first < killed.restartedAt && second > killed.restartedAt && !loggedByKilled
}
