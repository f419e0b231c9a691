/**
 * Data folders for the browser tests' servers. Loading the demo is most of a server's first start
 * (it publishes every bundled policy, starts the plans, scores the Meishan years and hashes a
 * password per account), and what it loads depends on the day the clock starts at. So, once per
 * run and per day, a real server loads the demo into a template folder and stops cleanly; each
 * test file's server then starts on a copy, as `npm start` on its second day would.
 *
 * The default export is the run's global setup: it makes the folder the templates live in and
 * removes it when the run ends.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import type { TestProject } from 'vitest/node'
import { startServer } from '../../helpers/durability-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplates: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'luoshi-e2e-templates-'))
  project.provide('demoTemplates', root)
  return () => rmSync(root, { recursive: true, force: true })
}

/** A new data folder holding the demo as a server starting at `now` loads it. */
export async function demoDataFolder(now: string): Promise<string> {
  const root = inject('demoTemplates')
  const template = join(root, now.replace(/[^0-9A-Za-z]/g, '-'))
  if (!existsSync(template)) await buildTemplate(root, template, now)
  const folder = mkdtempSync(join(tmpdir(), 'luoshi-e2e-'))
  cpSync(template, folder, { recursive: true })
  return folder
}

/** Starts a server on an empty folder at `now`, waits for the demo, stops it and keeps the folder. */
async function buildTemplate(root: string, template: string, now: string): Promise<void> {
  const building = mkdtempSync(join(root, 'building-'))
  const server = await startServer({ dataDir: building, now, timeoutMs: 90_000 })
  // SIGTERM, not SIGKILL: the server drains, checkpoints the WAL and writes its last audit
  // checkpoint, so the folder is what a cleanly stopped server leaves.
  server.child.kill('SIGTERM')
  const { code, signal } = await server.exited
  if (code !== 0) throw new Error(`the template server for ${now} did not stop cleanly (code ${code}, signal ${signal}):\n${server.output()}`)
  try {
    renameSync(building, template)
  } catch (error) {
    // Another file built the same day's template first: use that one.
    if (!existsSync(template)) throw error
    rmSync(building, { recursive: true, force: true })
  }
}
