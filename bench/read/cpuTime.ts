import { readFileSync } from 'node:fs'
import pg from 'pg'

const TICKS_PER_SECOND = 100

/** CPU milliseconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/**
 * The CPU of one server and of the PostgreSQL backends serving its database (no one else uses a bench database),
 * so a cost that moves from JavaScript into SQL as the catalogue grows is still counted.
 */
export async function cpuMeter(serverPid: number, databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const database = new URL(databaseUrl).pathname.slice(1)
  const backends = async () =>
    (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database])).rows.map((r) => r.pid)
  const sample = async () => {
    const byPid = new Map<number, number>()
    for (const pid of await backends()) byPid.set(pid, processCpuMs(pid))
    return { server: processCpuMs(serverPid), backends: byPid }
  }
  return {
    sample,
    /** CPU used between two samples: the server's, and the database's (a backend opened meanwhile counts from 0). */
    since(before: Awaited<ReturnType<typeof sample>>, after: Awaited<ReturnType<typeof sample>>) {
      let database = 0
      for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0)
      return { server: after.server - before.server, database }
    },
    end: () => client.end(),
  }
}
