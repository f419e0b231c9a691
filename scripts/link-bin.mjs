#!/usr/bin/env node
/**
 * postinstall: makes this package's own commands (`bin` in package.json, i.e. `luoshi`) callable
 * from `node_modules/.bin`, as tools expect after `npm ci`. npm links the bins of dependencies
 * there, never the root package's own.
 *
 * Idempotent (a correct link is left alone), safe across platforms (a relative symlink on POSIX,
 * `.cmd`/`.ps1`/sh shims on Windows or where symlinks are not allowed), and it never fails the
 * install: a problem is a warning that says how to run the command instead.
 *
 * Usage: node scripts/link-bin.mjs [package-root]   (default: the folder above this script)
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'))

/** What is at `path` now, without following a symlink: 'missing', 'link' or 'other'. */
function entryKind(path) {
  try {
    return lstatSync(path).isSymbolicLink() ? 'link' : 'other'
  } catch {
    return 'missing'
  }
}

/**
 * Replaces `path` with `content`. Removed first, never written in place: the old entry may be a
 * hard link shared with another checkout's node_modules.
 */
function replaceFile(path, content, mode) {
  rmSync(path, { force: true })
  writeFileSync(path, content, { mode })
}

/** Shims that run `node <target>` (forward slashes, relative to the shim's own folder). */
function writeShims(binDir, name, target) {
  const posix = target.split(sep).join('/')
  const windows = target.split(sep).join('\\')
  replaceFile(
    join(binDir, name),
    `#!/bin/sh\nbasedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")\nexec node "$basedir/${posix}" "$@"\n`,
    0o755,
  )
  replaceFile(join(binDir, `${name}.cmd`), `@ECHO off\r\nnode "%~dp0\\${windows}" %*\r\n`, 0o644)
  replaceFile(
    join(binDir, `${name}.ps1`),
    `#!/usr/bin/env pwsh\n$basedir = Split-Path $MyInvocation.MyCommand.Definition -Parent\n& node "$basedir/${posix}" $args\nexit $LASTEXITCODE\n`,
    0o644,
  )
}

/** Links one command; returns what it did. */
function linkOne(binDir, name, file) {
  const target = relative(binDir, join(root, file))
  const link = join(binDir, name)
  if (process.platform === 'win32') {
    writeShims(binDir, name, target)
    return 'shims written'
  }
  if (entryKind(link) === 'link' && readlinkSync(link) === target) return 'already linked'
  // The target must be executable for the link to run (git keeps the mode; an unpacked archive
  // may not).
  const absolute = join(root, file)
  if ((statSync(absolute).mode & 0o111) === 0) chmodSync(absolute, 0o755)
  rmSync(link, { force: true })
  try {
    symlinkSync(target, link)
    return 'linked'
  } catch {
    writeShims(binDir, name, target)
    return 'shims written'
  }
}

function main() {
  // Installed as someone else's dependency: npm links our bins for them.
  if (
    basename(dirname(root)) === 'node_modules' ||
    basename(dirname(dirname(root))) === 'node_modules'
  )
    return
  if (entryKind(join(root, 'node_modules')) === 'missing') return
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {})
  const binDir = join(root, 'node_modules', '.bin')
  mkdirSync(binDir, { recursive: true })
  for (const [name, file] of Object.entries(bins)) {
    const done = linkOne(binDir, name, file)
    if (done !== 'already linked')
      console.log(`link-bin: node_modules/.bin/${name} → ${file} (${done})`)
  }
}

try {
  main()
} catch (error) {
  console.warn(
    `link-bin: could not link this package's commands into node_modules/.bin (${error instanceof Error ? error.message : String(error)}); run them as \`node bin/luoshi.js …\` instead.`,
  )
}
process.exitCode = 0
