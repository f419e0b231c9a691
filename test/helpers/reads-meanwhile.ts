/**
 * Reads sent one after another, from a thread of its own, while something else runs: how long a
 * person reading would wait. Its own thread, because a client in the server's thread advances only
 * when the server lets the event loop run, so its waits would measure the server twice.
 */
import { Worker } from 'node:worker_threads'

/**
 * One read: when it was sent and answered (ms since the epoch, fractional), its status (0 when no
 * answer came: the connection failed, and `body` says how).
 */
export interface TimedRead {
  sent: number
  answered: number
  status: number
  /** The answer's JSON. */
  body: unknown
}

/** Now, on the clock {@link TimedRead} times are on. */
const epochNow = (): number => performance.timeOrigin + performance.now()

const READER = `
const { parentPort, workerData } = require('node:worker_threads')
const now = () => performance.timeOrigin + performance.now()
let stopping = false
parentPort.once('message', () => { stopping = true })
const read = async () => {
  const sent = now()
  try {
    const response = await fetch(workerData.url, { headers: workerData.headers })
    const body = await response.json()
    return { sent, answered: now(), status: response.status, body }
  } catch (error) {
    return { sent, answered: now(), status: 0, body: String(error) }
  }
}
;(async () => {
  // The first read opens the connection the others reuse, before anything is timed.
  await read()
  parentPort.postMessage('ready')
  const reads = []
  while (!stopping) reads.push(await read())
  parentPort.postMessage(reads)
})().catch((error) => parentPort.postMessage({ error: String(error) }))
`

/**
 * Starts reading `url` over and over, once a first read has opened the connection; `stop()`
 * answers every read made after that one, once the last is back.
 */
async function readsMeanwhile(
  url: string,
  headers: Record<string, string>,
): Promise<{ stop(): Promise<TimedRead[]> }> {
  const worker = new Worker(READER, { eval: true, workerData: { url, headers } })
  let ready: () => void = () => undefined
  const warmedUp = new Promise<void>((resolve) => (ready = resolve))
  const done = new Promise<TimedRead[]>((resolve, reject) => {
    worker.on('message', (message: 'ready' | TimedRead[] | { error: string }) => {
      if (message === 'ready') ready()
      else if ('error' in message) reject(new Error(message.error))
      else resolve(message)
    })
    worker.once('error', reject)
  })
  await Promise.race([warmedUp, done])
  return {
    async stop() {
      worker.postMessage('stop')
      try {
        return await done
      } finally {
        await worker.terminate()
      }
    },
  }
}

/**
 * Runs `work` (a request, say) while `url` is read over and over from another thread: its value,
 * how long it took, the reads that waited while it ran (those answered after it too) and how many
 * of them were answered before it ended.
 */
export async function readWhile<T>(
  url: string,
  headers: Record<string, string>,
  work: () => Promise<T>,
): Promise<{ value: T; took: number; waited: TimedRead[]; answeredDuring: number }> {
  const reads = await readsMeanwhile(url, headers)
  const sent = epochNow()
  const value = await work()
  const answered = epochNow()
  const waited = (await reads.stop()).filter((read) => read.answered > sent && read.sent < answered)
  return {
    value,
    took: answered - sent,
    waited,
    answeredDuring: waited.filter((read) => read.answered < answered).length,
  }
}
