/**
 * What this machine can do at all, measured in the same run as the server's figures, so that a
 * figure can be read against the machine it came from: the same bench gives several times more on
 * one 2-core machine than on another.
 *
 * - An empty HTTP server: Node's own `http`, in its own process as the server is, reading each
 *   request's JSON body and answering with a JSON body of the size luoshi answers with, driven by
 *   the same load generator. No server that answers over HTTP on this machine can go faster.
 * - Durable single-row commits: one SQLite connection with the server's pragmas (WAL,
 *   synchronous=FULL), committing one row at a time in the data folder's file system: what the
 *   disk's sync costs, with no batching.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openSqlite } from '../server/db/create-db.ts'

/** The empty server: answers every request once its body has arrived and parsed. */
const EMPTY_SERVER = `
const http = require('node:http')
// As many bytes as luoshi's answer: the padding makes up what the JSON around it does not.
const around = JSON.stringify({ padding: '' }).length
const answer = JSON.stringify({ padding: 'x'.repeat(Math.max(0, Number(process.env.ANSWER_BYTES) - around)) })
http
  .createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString() || '{}')
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(answer)
    })
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'))
`

/**
 * Starts the empty server on `port`, runs `load` against it (the caller's load generator, pointed
 * at the address given) and stops it; answers what `load` answered.
 */
export async function againstEmptyServer<T>(
  port: number,
  answerBytes: number,
  load: (base: string) => Promise<T>,
): Promise<T> {
  const child = spawn(process.execPath, ['-e', EMPTY_SERVER], {
    env: { ...process.env, PORT: String(port), ANSWER_BYTES: String(answerBytes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`the empty server exited with ${code}`)))
    })
    return await load(`http://127.0.0.1:${port}`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

/** Single-row commits per second for `seconds`, each synced to disk, in a file under `folder`. */
export function durableCommitsPerSecond(folder: string, seconds = 2): number {
  const dir = mkdtempSync(join(folder, 'commits-'))
  const connection = openSqlite(join(dir, 'commits.db'))
  try {
    connection.exec('create table row (id integer primary key, body text not null)')
    const insert = connection.prepare('insert into row (body) values (?)')
    const body = 'x'.repeat(200)
    let commits = 0
    const end = performance.now() + seconds * 1000
    while (performance.now() < end) {
      connection.exec('begin immediate')
      insert.run(body)
      connection.exec('commit')
      commits++
    }
    return commits / seconds
  } finally {
    connection.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
