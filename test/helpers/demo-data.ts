/**
 * Data folders for tests that run the real server (child process) on the demo. Loading the demo is
 * most of a server's first start (it publishes every bundled policy, starts the plans, scores the
 * Meishan years and hashes a password per account), and what it loads depends on the day the
 * clock starts at. So, once per test run and per day, a real server loads the demo into a template
 * folder and stops cleanly; each test's server then starts on a copy, as `npm start` does on its
 * second day.
 *
 * The default export is the run's global setup: it makes the folder the templates live in and
 * removes it when the run ends.
 */
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { inject } from 'vitest'
import type { TestProject } from 'vitest/node'
import { startServer } from './durability-server.ts'
import { bindNewDatabase, databaseOf, SLOWER } from './durability-db.ts'
import { TEST_DIALECT } from './make-db.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplates: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'luoshi-demo-templates-'))
  project.provide('demoTemplates', root)
  return () => rmSync(root, { recursive: true, force: true })
}

/** A new data folder (under `tmpdir()`, named `prefix…`) holding the demo as a server starting at `now` loads it. */
export async function demoDataFolder(now: string, prefix = 'luoshi-demo-'): Promise<string> {
  const template = await templateFor(now)
  const folder = mkdtempSync(join(tmpdir(), prefix))
  cpSync(template, folder, { recursive: true })
  // On PostgreSQL the copied folder names the template's database: it gets a copy of its own.
  await bindNewDatabase(folder, TEST_DIALECT === 'postgres' ? databaseOf(template) : undefined)
  return folder
}

/** The template folder for `now`, built by whichever test asks first; the others wait for it. */
async function templateFor(now: string): Promise<string> {
  const root = inject('demoTemplates')
  const template = join(root, now.replace(/[^0-9A-Za-z]/g, '-'))
  const lock = `${template}.lock`
  // Test files run in parallel workers: a lock file (created exclusively) lets one build.
  while (!existsSync(template)) {
    let fd: number
    try {
      fd = openSync(lock, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      await sleep(250)
      continue
    }
    try {
      if (!existsSync(template)) await buildTemplate(root, template, now)
    } finally {
      closeSync(fd)
      rmSync(lock, { force: true })
    }
  }
  return template
}

/** Starts a server on an empty folder at `now`, waits for the demo, stops it and keeps the folder. */
async function buildTemplate(root: string, template: string, now: string): Promise<void> {
  const building = mkdtempSync(join(root, 'building-'))
  await bindNewDatabase(building)
  // Loading the demo takes a round trip a statement on PostgreSQL: several times SQLite's time.
  const timeoutMs = 90_000 * SLOWER
  const server = await startServer({ dataDir: building, now, timeoutMs })
  // The server logs that it started just before it installs its SIGTERM handler; once it answers
  // a request, that code has run.
  await (await fetch(`${server.baseUrl}/api/auth/me`)).arrayBuffer()
  // SIGTERM, not SIGKILL: the server drains, checkpoints the WAL and writes its last audit
  // checkpoint, so the folder is what a cleanly stopped server leaves.
  server.child.kill('SIGTERM')
  const { code, signal } = await server.exited
  if (code !== 0)
    throw new Error(
      `the template server for ${now} did not stop cleanly (code ${code}, signal ${signal}):\n${server.output()}`,
    )
  renameSync(building, template)
}
