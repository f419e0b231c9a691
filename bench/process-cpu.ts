/**
 * CPU time of other processes, from /proc (Linux): the luoshi servers a bench starts, and
 * PostgreSQL's backends, whose work a client's own CPU figures leave out.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** The fields of /proc/<pid>/stat after the command's name: [0] is the state, [1] the parent. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  } catch {
    return null
  }
}

const TICKS_PER_SECOND = 100
const ms = (ticks: string | undefined) => (Number(ticks) * 1000) / TICKS_PER_SECOND

/** CPU time (user + system, ms) of each process still running. */
export function cpuMs(pids: number[]): Map<number, number> {
  const times = new Map<number, number>()
  for (const pid of pids) {
    const fields = statFields(pid)
    if (fields) times.set(pid, ms(fields[11]) + ms(fields[12]))
  }
  return times
}

/**
 * CPU used since `before` by the processes running at both ends (a backend closed in between
 * is left out rather than counted negative; one opened in between is not seen).
 */
export function cpuSince(before: Map<number, number>): number {
  let total = 0
  for (const [pid, time] of cpuMs([...before.keys()])) total += time - before.get(pid)!
  return total
}

/** The parent of a process (a PostgreSQL backend's is the postmaster), or null when it is gone. */
export function parentOf(pid: number): number | null {
  const fields = statFields(pid)
  return fields ? Number(fields[1]) : null
}

/**
 * CPU time (ms) a PostgreSQL cluster has spent so far: its postmaster, the children it has
 * reaped (backends that ended, such as a client's that closed), and the children still running
 * (backends, checkpointer, WAL writer …). Differences of two readings are what the cluster spent.
 */
export function clusterCpuMs(postmaster: number): number {
  const own = statFields(postmaster)
  if (!own) return NaN
  // utime, stime, then the reaped children's cutime, cstime.
  let total = ms(own[11]) + ms(own[12]) + ms(own[13]) + ms(own[14])
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === postmaster) continue
    const fields = statFields(pid)
    if (fields && Number(fields[1]) === postmaster) total += ms(fields[11]) + ms(fields[12])
  }
  return total
}
