/**
 * The office's documents on PostgreSQL: the ledger (with a finished task's 办结日期), its .xlsx,
 * a task's 督办单 with its 催办 and the period's 情况通报 are built from the same queries as on
 * SQLite.
 */
import ExcelJS from 'exceljs'
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { HOSTILE_TITLE, startOfficePlan } from '../helpers/office-documents.ts'
import type { OfficePlan } from '../helpers/office-documents.ts'
import type { Bulletin, Ledger, SupervisionNotice } from '../../schemas/api/responses.schema.ts'

describe('the office’s documents on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let t: TestApp
  let plan: OfficePlan

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_documents')
    t = postgresTestApp(pg, 'documents', '2018-04-02T09:00:00+08:00')
    plan = await startOfficePlan(t)
  }, 120_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('builds the ledger with the overdue task and the day the finished one was done', async () => {
    const ledger = (await (
      await plan.office.get(`/api/plans/${plan.planId}/ledger`)
    ).json()) as Ledger
    const rows = ledger.groups.flatMap((group) => group.rows)
    expect(rows.find((row) => row.taskId === plan.hostileId)).toMatchObject({
      title: HOSTILE_TITLE,
      light: 'red',
      daysOverdue: 22,
    })
    expect(rows.find((row) => row.taskId === plan.fundingId)?.doneOn).toBe('2018-05-02')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      await (await plan.office.get(`/api/plans/${plan.planId}/ledger.xlsx`)).arrayBuffer(),
    )
    expect(workbook.worksheets[0]!.rowCount).toBe(3 + ledger.groups.length + ledger.total)
  })

  it('builds the 督办单 with its 催办 and the bulletin of a period', async () => {
    const notice = (await (
      await plan.office.get(`/api/plans/${plan.planId}/tasks/${plan.hostileId}/supervision-notice`)
    ).json()) as SupervisionNotice
    expect(notice.urgings.map((urging) => urging.kind)).toContain('催办')
    const bulletin = (await (
      await plan.office.get(`/api/plans/${plan.planId}/bulletin?from=2018-04-01&to=2018-04-30`)
    ).json()) as Bulletin
    expect(bulletin.overdue.map((row) => row.taskId)).toContain(plan.hostileId)
  })
})
