/**
 * @module Checkpoints the SQLite WAL from a worker thread. better-sqlite3 is synchronous, so a
 * checkpoint run inside a commit (SQLite's default, every 1,000 pages) stops the event loop while
 * it copies and syncs the database file — a latency spike for every request in flight. Here a
 * worker with its own connection runs PASSIVE checkpoints, which never block the writer, and the
 * server's connection keeps a far larger automatic threshold only as a safety net.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** The writer's own automatic checkpoint threshold when the worker runs (pages; ~80 MB). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
db.pragma('synchronous = FULL')
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')') } catch (error) { parentPort.postMessage({ error: String(error) }) } }
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  checkpoint('TRUNCATE')
  db.close()
  parentPort.postMessage({ stopped: true })
})
`

/** Starts the checkpointing worker for a database file; returns a stop function. */
export function startCheckpointer(
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): () => Promise<void> {
  const require = createRequire(import.meta.url)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: require.resolve('better-sqlite3'),
      file,
      intervalMs: options.intervalMs ?? 500,
    },
  })
  worker.on('message', (message: { error?: string }) => {
    if (message.error) (options.onError ?? console.error)(`checkpoint: ${message.error}`)
  })
  worker.unref()
  return () =>
    new Promise<void>((resolve) => {
      worker.once('message', () => void worker.terminate().then(() => resolve()))
      worker.postMessage('stop')
    })
}
