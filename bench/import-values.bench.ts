/**
 * Indicator data import at province scale: 2,800 primary-care units × 36 inputs = 100,800 values
 * for one year, as a wide CSV (one row per unit), a long CSV (one row per value) and a wide
 * .xlsx, checked and stored into a migrated SQLite file (WAL, synchronous=FULL) in one
 * transaction; then the wide CSV through HTTP (`app.request`, login, CSRF, group commit). The
 * first run inserts, the others overwrite. Target: ≤ 5 s for the 100,000 values end to end.
 *
 * Run alone: `node bench/import-values.bench.ts`.
 */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import { parse, stringify } from 'yaml'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import { startPlan } from '../server/plans/start-plan.ts'
import { loadPlanContext } from '../server/plan-model/plan-context.ts'
import { EntryResolver, entryContext } from '../server/indicators/entry-context.ts'
import { importValues } from '../server/indicators/import/import-values.ts'
import { parseTable, XLSX_TYPE } from '../server/indicators/import/parse-table.ts'
import { upsertValues } from '../server/indicators/value-store.ts'
import { loginAs, makeTestApp } from '../test/helpers/test-app.ts'
import { generatePlanPolicy } from '../test/helpers/generated-policy.ts'
import { measureAsync, report } from './measure.ts'

const UNITS = 2800
const ELEMENTS = 36
const TARGET_MS = 5000

/** The plan-sized policy with 36 count elements read by 18 yearly rate indicators of the units. */
function generateIndicatorPolicy(): { text: string; source: string } {
  const { text, source } = generatePlanPolicy(UNITS, 1)
  const policy = parse(text) as Record<string, unknown>
  policy.dataElements = Array.from({ length: ELEMENTS }, (_, i) => ({
    id: `element_${i}`,
    name: `数据项${i}`,
    valueType: 'count',
    unit: '人次',
  }))
  policy.indicators = Array.from({ length: ELEMENTS / 2 }, (_, i) => ({
    id: `rate-${i}`,
    name: `比率${i}`,
    valueType: 'percentage',
    unit: '%',
    formula: `element_${2 * i} / element_${2 * i + 1} * 100`,
    frequency: 'yearly',
    owner: ['primary-care-units'],
  }))
  return { text: stringify(policy), source }
}

/** A unit's value of an element: each numerator (even) under its denominator (odd), as the rates' rules require. */
function valueOf(unit: number, i: number): number {
  const spread = (unit * 37 + i * 11) % 9000
  return i % 2 === 0 ? 1000 + (spread % 8000) : 9000 + (spread % 1000)
}

function wideCsv(): string {
  const lines = [
    ['单位', '期间', ...Array.from({ length: ELEMENTS }, (_, i) => `数据项${i}（人次）`)].join(','),
  ]
  for (let unit = 0; unit < UNITS; unit++)
    lines.push(
      [
        `clinic-${unit}`,
        '2021',
        ...Array.from({ length: ELEMENTS }, (_, i) => String(valueOf(unit, i))),
      ].join(','),
    )
  return lines.join('\n') + '\n'
}

function longCsv(): string {
  const lines = ['单位,期间,指标,数值']
  for (let unit = 0; unit < UNITS; unit++)
    for (let i = 0; i < ELEMENTS; i++)
      lines.push(`clinic-${unit},2021,element_${i},${valueOf(unit, i)}`)
  return lines.join('\n') + '\n'
}

async function wideXlsx(csv: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('填报')
  for (const [index, line] of csv.trimEnd().split('\n').entries())
    sheet.addRow(
      index === 0
        ? line.split(',')
        : line.split(',').map((cell, column) => (column < 2 ? cell : Number(cell))),
    )
  return Buffer.from(await book.xlsx.writeBuffer())
}

export async function benchImportValues(): Promise<string[]> {
  const lines = [
    '',
    `Indicator import (${UNITS.toLocaleString('en-US')} units × ${ELEMENTS} inputs = ${(UNITS * ELEMENTS).toLocaleString('en-US')} values, SQLite file, one transaction)`,
  ]
  // Early January: the year 2021's entry tasks are open (figures are due after the year ends).
  const t = await makeTestApp('2022-01-05T09:00:00+08:00')
  try {
    const { text, source } = generateIndicatorPolicy()
    const { version } = await publishPolicy(t, t.clock, 'bench', { yaml: text, sourceText: source })
    const { plan } = await startPlan(t, t.clock, 'bench', { versionId: version.id })
    const context = await loadPlanContext(t.db, plan.id)
    const files = { wide: Buffer.from(wideCsv()), long: Buffer.from(longCsv()) }
    const xlsx = await wideXlsx(files.wide.toString())
    const expected = UNITS * ELEMENTS

    const importFile = async (bytes: Buffer, contentType: string) => {
      const parsed = await parseTable(bytes, { contentType })
      if (!parsed.ok) throw new Error(parsed.message.en)
      const resolver = new EntryResolver(
        entryContext(context, { system: 'bench' }, t.clock.now().toISOString(), 'import'),
      )
      const result = importValues(parsed.table, resolver)
      if (result.rejected.length > 0 || result.accepted.length !== expected)
        throw new Error(
          `expected ${expected} values, got ${result.accepted.length} (${result.rejected[0]?.message.en})`,
        )
      await t.db.transaction().execute((trx) => upsertValues(trx, result.accepted))
    }
    const runs = { runs: 5, warmup: 0 }
    const validateOnly = await measureAsync(async () => {
      const parsed = await parseTable(files.wide, { contentType: 'text/csv' })
      if (!parsed.ok) throw new Error(parsed.message.en)
      importValues(
        parsed.table,
        new EntryResolver(entryContext(context, { system: 'bench' }, '', 'import')),
      )
    }, runs)
    lines.push(report('parse + check, wide CSV (no store)', validateOnly))
    lines.push(
      report(
        `wide CSV ${mib(files.wide.length)} → stored`,
        await measureAsync(() => importFile(files.wide, 'text/csv'), runs),
        TARGET_MS,
      ),
    )
    lines.push(
      report(
        `long CSV ${mib(files.long.length)} → stored`,
        await measureAsync(() => importFile(files.long, 'text/csv'), runs),
        TARGET_MS,
      ),
    )
    lines.push(
      report(
        `wide .xlsx ${mib(xlsx.length)} → stored`,
        await measureAsync(() => importFile(xlsx, XLSX_TYPE), { runs: 3, warmup: 0 }),
        TARGET_MS,
      ),
    )

    const author = await loginAs(t, 'bench-author', { roles: ['author'] })
    const upload = async () => {
      const response = await author.raw(`/api/plans/${plan.id}/indicator-values/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'bench.csv' },
        body: files.wide,
      })
      const body = (await response.json()) as { applied?: number; submittedTasks?: number }
      if (response.status !== 200 || body.applied !== expected)
        throw new Error(`HTTP import: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
      return body.submittedTasks ?? 0
    }
    // The first upload of the year completes every clinic's entry task (submitted in the same
    // transaction); later ones only replace values. Both are timed.
    const started = performance.now()
    const submitted = await upload()
    const first = performance.now() - started
    lines.push(
      `${'wide CSV through HTTP, first'.padEnd(48)} ${first.toFixed(2).padStart(8)} ms   ${submitted.toLocaleString('en-US')} entry tasks submitted${submitted === UNITS ? '' : ` ✗ (every unit's, ${UNITS.toLocaleString('en-US')}, expected)`}   ${first <= TARGET_MS ? '✓' : '✗'} ≤ ${TARGET_MS} ms`,
    )
    lines.push(
      report(
        'wide CSV through HTTP, again',
        await measureAsync(async () => void (await upload()), runs),
        TARGET_MS,
      ),
    )
    const stored = await t.db
      .selectFrom('indicator_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(stored.n) !== expected)
      throw new Error(`the table holds ${stored.n} values, expected ${expected}`)
  } finally {
    await t.db.destroy().catch(() => undefined)
    rmSync(dirname(t.file), { recursive: true, force: true })
  }
  return lines
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}

if (import.meta.main) {
  for (const line of await benchImportValues()) console.log(line)
}
