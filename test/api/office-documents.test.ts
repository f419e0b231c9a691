/**
 * The office's documents, generated and opened: the ledger (.xlsx read back with exceljs), the
 * 督办单 and the 情况通报 (.docx unzipped, their document.xml read), each with a task whose title
 * is hostile text; and each read scoped as the plan is.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { makeTestApp, loginAs } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import {
  HOSTILE_TITLE as HOSTILE,
  startOfficePlan,
  URGE_MESSAGE,
} from '../helpers/office-documents.ts'
import type { Bulletin, Ledger, SupervisionNotice } from '../../schemas/api/responses.schema.ts'
import { loadCurrentUser } from '../../server/auth/users.ts'
import { buildLedger } from '../../server/documents/ledger.ts'
import { AppError } from '../../server/errors.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'

/** The text of a .docx's body: every `<w:t>` run, unescaped by the XML reader. */
async function docxText(bytes: ArrayBuffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
  return { xml, text }
}

describe('the office’s documents of a plan', () => {
  let t: TestApp
  let planId: string
  let office: Client
  let finance: Client
  let hostileId: string
  let fundingId: string

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId, hostileId, fundingId, office, finance } = await startOfficePlan(t))
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it('lists every task once, grouped by phase, supporting units in the lead’s row, with the badge’s light and level and the day it was done', async () => {
    const ledger = (await (await office.get(`/api/plans/${planId}/ledger`)).json()) as Ledger
    const rows = ledger.groups.flatMap((group) => group.rows)
    expect(rows.map((row) => row.index)).toEqual(rows.map((_, index) => index + 1))
    expect(ledger.groups.map((group) => group.name)).toContain('制定方案')
    const hostile = rows.find((row) => row.taskId === hostileId)!
    expect(hostile).toMatchObject({
      title: HOSTILE,
      clause: '三、(一)',
      lead: { id: 'reform-office', name: '县医改办' },
      support: [{ id: 'health-bureau', name: '县卫健局' }],
      light: 'red',
      overdue: true,
      daysOverdue: 22,
    })
    expect(rows.some((row) => row.lead.id === 'health-bureau' && row.title === HOSTILE)).toBe(false)
    const task = (await (await office.get(`/api/tasks/${hostileId}`)).json()) as {
      light: string
      escalation: number
    }
    expect(hostile.light).toBe(task.light)
    expect(hostile.escalation).toBe(task.escalation)
    expect(hostile.escalation).toBeGreaterThan(0)
    expect(rows.find((row) => row.taskId === fundingId)).toMatchObject({
      doneOn: '2018-05-02',
      stateName: '已办结',
      light: 'green',
    })
  })

  it('filters the ledger as the task list filters, and groups it by part on request', async () => {
    const red = (await (
      await office.get(`/api/plans/${planId}/ledger?light=red&group=part`)
    ).json()) as Ledger
    const rows = red.groups.flatMap((group) => group.rows)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.light === 'red')).toBe(true)
    expect(red.groups.map((group) => group.key)).toContain('三、')
    const bad = await office.get(`/api/plans/${planId}/ledger?light=purple`)
    expect(bad.status).toBe(400)
    expect(
      ((await bad.json()) as { error: { message: { zh: string } } }).error.message.zh,
    ).toContain('light')
  })

  it('asks for a filter rather than list more tasks than one ledger holds', async () => {
    const { id } = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'office')
      .executeTakeFirstOrThrow()
    const user = (await loadCurrentUser(t.db, id))!
    const context = await loadPlanContext(t.db, planId)
    const read = (max: number, assignee?: string) =>
      buildLedger(
        t.db,
        context,
        user,
        '2018-05-02',
        { groupBy: 'phase', ...(assignee ? { assignee } : {}) },
        max,
      )
    const refused = await read(1).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(400)
    expect((refused as AppError).text.zh).toContain('筛选')
    expect((await read(1, 'finance-bureau')).total).toBe(1)
  })

  it('writes the ledger as an A4 landscape workbook, header repeated, hostile titles as plain text', async () => {
    const response = await office.get(`/api/plans/${planId}/ledger.xlsx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('.xlsx')
    const ledger = (await (await office.get(`/api/plans/${planId}/ledger`)).json()) as Ledger
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(sheet.pageSetup.paperSize).toBe(9)
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '任务',
      '条款',
      '牵头单位',
      '配合单位',
      '时限',
      '进展',
      '状态',
      '灯色',
      '督办级别',
      '办结日期',
    ])
    // Each group is a header row, then its rows.
    expect(sheet.getRow(4).getCell(1).value).toBe(
      `${ledger.groups[0]!.name}（${ledger.groups[0]!.rows.length} 项）`,
    )
    expect(sheet.rowCount).toBe(3 + ledger.groups.length + ledger.total)
    let hostile: ExcelJS.Row | undefined
    sheet.eachRow((row) => {
      if (row.getCell(2).value === HOSTILE) hostile = row
    })
    expect(hostile).toBeDefined()
    const title = hostile!.getCell(2)
    expect(title.type).toBe(ExcelJS.ValueType.String)
    expect(title.formula).toBeUndefined()
    expect(hostile!.getCell(5).value).toBe('县卫健局')
    expect(hostile!.getCell(9).value).toBe('红灯')
  })

  it('writes the 督办单 with the task, its escalation and its 催办, hostile text escaped', async () => {
    const notice = (await (
      await office.get(`/api/plans/${planId}/tasks/${hostileId}/supervision-notice`)
    ).json()) as SupervisionNotice
    expect(notice.task).toMatchObject({ title: HOSTILE, daysOverdue: 22, light: 'red' })
    expect(notice.urgings.map((urging) => urging.kind)).toContain('催办')
    const response = await office.get(
      `/api/plans/${planId}/tasks/${hostileId}/supervision-notice.docx`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    const { xml, text } = await docxText(await response.arrayBuffer())
    expect(xml).not.toContain('<w:t>&amp; 方案')
    expect(xml).toContain('&lt;w:t&gt;&amp;amp; 方案')
    expect(text).toContain(HOSTILE)
    expect(text).toContain('督 办 单')
    expect(text).toContain('县医改办')
    expect(text).toContain('县卫健局')
    expect(text).toContain('逾期天数：22 天')
    expect(text).toContain(`督办级别：${notice.task.escalationName}`)
    expect(text).toContain(URGE_MESSAGE)
    expect(text).toContain(notice.replyBy)
  })

  it('writes the 情况通报 of a period from the config’s template: counts, ranking, overdue list; by default from the policy’s effective date to today', async () => {
    const query = 'from=2018-04-01&to=2018-04-30'
    const bulletin = (await (
      await office.get(`/api/plans/${planId}/bulletin?${query}`)
    ).json()) as Bulletin
    expect(bulletin.title).toBe(`${bulletin.plan.name}督办情况通报（2018-04-01至2018-04-30）`)
    expect(bulletin.closing).toBe('请于5个工作日内报送领导小组。')
    expect(bulletin.opening).toContain(`逾期未办结${bulletin.counts.overdue}项`)
    expect(bulletin.counts.overdue).toBeGreaterThan(0)
    expect(bulletin.overdue.map((row) => row.taskId)).toContain(hostileId)
    expect(bulletin.ranking[0]!.red).toBeGreaterThan(0)
    const response = await office.get(`/api/plans/${planId}/bulletin.docx?${query}`)
    expect(response.status).toBe(200)
    const { text } = await docxText(await response.arrayBuffer())
    expect(text).toContain(bulletin.title)
    expect(text).toContain('各单位落实情况（晾晒）')
    expect(text).toContain(HOSTILE)
    expect(text).toContain(bulletin.ranking[0]!.unit.name)
    const whole = (await (await office.get(`/api/plans/${planId}/bulletin`)).json()) as Bulletin
    expect([whole.from, whole.to]).toEqual(['2018-04-01', '2018-05-02'])
    const reversed = await office.get(`/api/plans/${planId}/bulletin?from=2018-05-01&to=2018-04-01`)
    expect(reversed.status).toBe(400)
  })

  it('gives a unit only its own tasks, and no 督办单 of another unit’s task', async () => {
    const ledger = (await (await finance.get(`/api/plans/${planId}/ledger`)).json()) as Ledger
    const rows = ledger.groups.flatMap((group) => group.rows)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.lead.id === 'finance-bureau')).toBe(true)
    const other = await finance.get(
      `/api/plans/${planId}/tasks/${hostileId}/supervision-notice.docx`,
    )
    expect(other.status).toBe(404)
  })

  it('answers a reader outside the plan’s policy as for a missing plan', async () => {
    const outsider = await loginAs(t, 'outsider', {
      units: [{ policyId: 'another-policy', unitId: 'someone' }],
    })
    for (const path of ['ledger', 'ledger.xlsx', 'bulletin', 'bulletin.docx'])
      expect((await outsider.get(`/api/plans/${planId}/${path}`)).status).toBe(404)
    expect(
      (await outsider.get(`/api/plans/${planId}/tasks/${hostileId}/supervision-notice`)).status,
    ).toBe(404)
  })
})
