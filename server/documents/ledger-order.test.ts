import { sortForLedger } from './ledger-order.ts'
import type { OrderRow } from './ledger-order.ts'

function row(
  id: string,
  due_on: string | null,
  source_id: string,
  period: string,
  assignee: string,
) {
  return { id, due_on, source_id, period, assignee } as OrderRow
}

describe('sortForLedger', () => {
  it('orders rows as comparing each column with localeCompare would, full ties kept in place', () => {
    const sources = ['duty-b', 'Duty-a', 'duty_a', 'duty-a', 'dutyA', 'é-duty', 'e-duty', '10', '9']
    const units = ['unit-B', 'unit-a', 'Unit-a', 'unit_a']
    const dues = ['2019-03-01', '2019-01-10', null, '2019-01-02']
    const rows: OrderRow[] = []
    let n = 0
    for (const due of dues)
      for (const source of sources)
        for (const unit of units)
          rows.push(row(`t${n++}`, due, source, n % 3 ? 'once' : '2019-Q1', unit))
    rows.push(row('tie-1', '2019-01-02', 'duty-a', 'once', 'unit-a'))
    const reversed = [...rows].reverse()
    const expected = [...reversed].sort(
      (a, b) =>
        (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') ||
        a.source_id.localeCompare(b.source_id) ||
        a.period.localeCompare(b.period) ||
        a.assignee.localeCompare(b.assignee),
    )
    expect(sortForLedger(reversed).map((r) => r.id)).toEqual(expected.map((r) => r.id))
  })
})
