/** Shared fixtures of the import tests: a resolver over a few inputs and units, and a CSV import. */
import { EntryResolver } from '../entry-context.ts'
import type { EntryContext } from '../entry-context.ts'
import type { EntryInput } from '../inputs.ts'
import { importValues } from './import-values.ts'
import type { ImportReport } from './import-values.ts'
import { parseTable } from './parse-table.ts'

function buildInput(
  id: string,
  name: string,
  valueType: EntryInput['valueType'],
  unit: string | null,
  frequency: EntryInput['frequency'] = 'yearly',
): EntryInput {
  return {
    id,
    name,
    valueType,
    unit,
    kind: 'data-element',
    indicators: [],
    frequency,
    owners: ['medical-communities'],
  }
}

export function buildResolver(writable: string[] | null = null): EntryResolver {
  const inputs = [
    buildInput('county_visits', '县域内就诊人次', 'count', '人次'),
    buildInput('total_visits', '参保人员就诊总人次', 'count', '人次'),
    buildInput('county_total_cost', '县域内医疗总费用（本年）', 'amount', '元'),
    {
      ...buildInput('public-satisfaction', '群众满意度', 'percentage', '%'),
      kind: 'indicator' as const,
    },
    buildInput('monthly_visits', '门急诊人次（月报）', 'count', '人次', 'monthly'),
    buildInput('drg_started', '已开展 DRG 收付费改革工作', 'boolean', null),
  ]
  const context: EntryContext = {
    planId: 'plan-1',
    inputs: new Map(inputs.map((input) => [input.id, input])),
    units: new Map([
      ['dongpo-mc', '东坡区医共体'],
      ['renshou-mc', '仁寿县医共体'],
      ['pengshan-mc', '彭山区医共体'],
      ['region', '眉山市'],
    ]),
    writable: writable && new Set(writable),
    enteredBy: 'user-1',
    enteredAt: '2022-01-05T01:00:00.000Z',
    source: 'import',
  }
  return new EntryResolver(context, new Map([['眉山市东坡区医共体', 'dongpo-mc']]))
}

export async function importCsv(
  text: string | Uint8Array,
  resolver = buildResolver(),
): Promise<ImportReport> {
  const parsed = await parseTable(typeof text === 'string' ? Buffer.from(text) : text, {
    contentType: 'text/csv',
  })
  if (!parsed.ok) throw new Error(parsed.message.en)
  return importValues(parsed.table, resolver)
}

/** The stored triples, for compact assertions. */
export const values = (report: ImportReport) =>
  report.accepted.map((row) => `${row.unit_id} ${row.period} ${row.element_id}=${row.value}`)
