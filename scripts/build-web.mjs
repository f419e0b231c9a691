#!/usr/bin/env node
/**
 * prestart: builds the web app (`vite build` into dist/web) only when its sources changed since
 * the last build. The sources are web/, what it imports from schemas/ and domain/, vite.config.ts
 * and package-lock.json; their hash is kept in dist/web/.sources-hash, written after a build that
 * succeeded. A fresh clone has no dist/, so its first `npm start` builds; `npm run build` always
 * builds.
 *
 * Usage: node scripts/build-web.mjs [--force]
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'dist', 'web')
const STAMP = join(OUT, '.sources-hash')
const SOURCES = ['web', 'schemas', 'domain', 'vite.config.ts', 'package-lock.json']

/** The file, or every file under the folder (none when it is missing). */
function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function sourcesHash() {
  const hash = createHash('sha256')
  // Sorted, so the hash does not depend on the order directories list their files in.
  const all = SOURCES.flatMap((source) => files(join(ROOT, source))).sort()
  for (const file of all)
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

const hash = sourcesHash()
const built =
  existsSync(join(OUT, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash
if (built && !process.argv.includes('--force')) {
  console.log('网页端无改动，跳过构建 / web app unchanged since its last build: not rebuilt')
} else {
  console.log('构建网页端 / building the web app (vite build)…')
  const started = Date.now()
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(STAMP, hash)
  console.log(`✓ 网页端已构建 / web app built (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
