/**
 * @module Reads an import upload into a table without putting the server at risk. A CSV is
 * size-checked by the route and parsed here; an .xlsx has its zip directory checked here (no
 * unpacking), then is read in a worker thread with a heap limit and a time limit, so that a
 * hostile workbook costs that worker — stopped, with a clear 4xx — and never the server's memory
 * or event loop. At most two workbooks are read at a time; further ones wait their turn.
 */
import { WorkerPool } from '../../workers/worker-pool.ts'
import type { JobOutcome, WorkerPoolOptions } from '../../workers/worker-pool.ts'
import { checkZipDirectory } from './inspect-xlsx.ts'
import { detectFormat, parseTable } from './parse-table.ts'
import type { TableFailure, TableHint, TableResult } from './parse-table.ts'

/** One workbook to read, as the worker receives it. */
export interface TableJob {
  bytes: Uint8Array
  hint: TableHint
  maxRows: number
}

/** How the table workers run: two at a time, 1 GB of heap and 60 s each. */
export const TABLE_WORKERS: Omit<WorkerPoolOptions, 'entry'> = {
  size: 2,
  timeoutMs: 60_000,
  resourceLimits: { maxOldGenerationSizeMb: 1024 },
  idleMs: 60_000,
}

export type TablePool = WorkerPool<TableJob, TableResult>

/** A pool of table workers; the server uses one with {@link TABLE_WORKERS}. */
export function createTablePool(
  options: Omit<WorkerPoolOptions, 'entry'> = TABLE_WORKERS,
): TablePool {
  return new WorkerPool({ ...options, entry: new URL('./table-worker.ts', import.meta.url) })
}

let shared: TablePool | undefined

/**
 * Reads an upload: CSV in-process, .xlsx in a table worker.
 * @param maxRows the most data rows accepted
 * @param pool the workers to read an .xlsx with (the server's own by default)
 */
export async function readUpload(
  bytes: Uint8Array,
  hint: TableHint,
  maxRows: number,
  pool?: TablePool,
): Promise<TableResult> {
  const detected = detectFormat(bytes, hint)
  if (!detected.ok) return detected
  if (detected.format === 'csv') return parseTable(bytes, hint, maxRows)
  // The directory check is cheap and needs no worker: the plainest bombs stop here.
  const directory = checkZipDirectory(bytes)
  if (!directory.ok) return directory
  return fromOutcome(await (pool ?? (shared ??= createTablePool())).run({ bytes, hint, maxRows }))
}

function fromOutcome(outcome: JobOutcome<TableResult>): TableResult {
  if (outcome.ok) return outcome.value
  // parseTable returns its failures; a worker that throws or dies otherwise is worth a look.
  if (outcome.reason === 'failed')
    console.error(JSON.stringify({ level: 'error', message: `table worker: ${outcome.message}` }))
  const failures: Record<typeof outcome.reason, TableFailure> = {
    'out-of-memory': {
      ok: false,
      reason: 'too-large',
      message: {
        zh: '读取该 .xlsx 所需的内存超过上限，已停止；请分成几个文件上传，或另存为 CSV 后上传',
        en: 'Reading this .xlsx needs more memory than allowed, and was stopped; split it into several files, or save it as CSV',
      },
    },
    timeout: {
      ok: false,
      reason: 'too-slow',
      message: {
        zh: '读取该 .xlsx 超时，已停止；请检查文件内容，或另存为 CSV 后上传',
        en: 'Reading this .xlsx took too long, and was stopped; check the file, or save it as CSV and upload',
      },
    },
    failed: {
      ok: false,
      reason: 'unreadable',
      message: {
        zh: '无法读取该 .xlsx 文件（可能已损坏或加密），请在 Excel 中重新保存后上传',
        en: 'The .xlsx file cannot be read (damaged or encrypted?); save it again in Excel and upload',
      },
    },
  }
  return failures[outcome.reason]
}
