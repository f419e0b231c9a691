/**
 * Bulk accounts through POST /api/users/import over the real app and database: the template
 * downloads and imports back, an .xlsx of 20 rows creates 20 accounts that log in with their
 * one-time passwords and must change them, a dry run writes nothing, one bad row creates nothing
 * and is named by row and column, usernames repeated in the file or already taken are row errors,
 * hostile cells stay text, and a zip bomb is refused before it is unpacked.
 */
import ExcelJS from 'exceljs'
import {
  buildZip,
  emptyRows,
  part,
  sharedStringsXml,
  workbookParts,
} from '../helpers/hostile-xlsx.ts'
import { publishBundled } from '../helpers/make-db.ts'
import { logIn, loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADER = ['姓名', '用户名', '单位', '角色', '手机']

interface Issue {
  pointer: string
  message: { zh: string; en: string }
}
interface Report {
  dryRun: boolean
  rows: Array<{
    row: number
    username: string
    displayName: string
    units: string[]
    roles: string[]
    ok: boolean
    issues: Issue[]
  }>
  created: Array<{
    user: { id: string; username: string; displayName: string; roles: string[]; units: unknown[] }
    initialPassword: string
  }>
}
interface ErrorBody {
  error: {
    code: string
    message: { zh: string; en: string }
    issues?: Array<Issue & { row?: number; column?: string }>
    rows?: Report['rows']
  }
}

let t: TestApp
let admin: Client
let policyId: string

beforeEach(async () => {
  t = await makeTestApp()
  admin = await loginAs(t, 'root', { roles: ['admin'] })
  const versionId = await publishBundled(t, t.clock, 'pingnan')
  ;({ policy_id: policyId } = await t.db
    .selectFrom('policy_version')
    .select('policy_id')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow())
})
afterEach(async () => {
  await t.db.destroy()
})

async function xlsxOf(rows: unknown[][], base?: ArrayBuffer): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  if (base) await workbook.xlsx.load(base)
  const sheet = workbook.worksheets[0] ?? workbook.addWorksheet('用户')
  if (!base) sheet.addRow(HEADER)
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const csvOf = (rows: string[][]) =>
  new TextEncoder().encode(
    [HEADER, ...rows]
      .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
      .join('\n'),
  )

const upload = (bytes: Uint8Array, query = '', type = XLSX, client = admin) =>
  client.raw(`/api/users/import${query}`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-filename': encodeURIComponent(type === XLSX ? '用户.xlsx' : '用户.csv'),
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  })

const userCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const auditCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const twenty = () =>
  Array.from({ length: 20 }, (_, i) => [
    `用户${i + 1}`,
    `user${String(i + 1).padStart(2, '0')}`,
    i % 2 === 0 ? '县政府办' : `${policyId}/county-finance-bureau`,
    i % 3 === 0 ? '部门、审核' : 'department',
    `1380000${String(i).padStart(4, '0')}`,
  ])

describe('GET /api/users/import/template', () => {
  it('is an .xlsx of the five columns and a hint row, all plain text, that imports back once filled', async () => {
    const response = await admin.get('/api/users/import/template')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(XLSX)
    const bytes = await response.arrayBuffer()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes)
    const sheet = workbook.worksheets[0]!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER)
    expect(sheet.rowCount).toBe(2)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String)
        expect(cell.formula).toBeUndefined()
      }),
    )
    const filled = await xlsxOf([['张三', 'zhang.san', '县政府办', '部门', '13800000000']], bytes)
    const imported = await upload(filled)
    expect(imported.status, await imported.clone().text()).toBe(200)
    const report = (await imported.json()) as Report
    expect(report.rows).toEqual([
      {
        row: 3,
        username: 'zhang.san',
        displayName: '张三',
        units: ['县政府办'],
        roles: ['部门'],
        ok: true,
        issues: [],
      },
    ])
    expect(report.created.map((entry) => entry.user.username)).toEqual(['zhang.san'])
  })

  it('is for administrators only', async () => {
    const author = await loginAs(t, 'writer', { roles: ['author'] })
    expect((await author.get('/api/users/import/template')).status).toBe(403)
    expect((await upload(csvOf([]), '', 'text/csv', author)).status).toBe(403)
  })
})

describe('POST /api/users/import', () => {
  it('creates 20 accounts from an .xlsx, each logging in with its one-time password and made to change it', async () => {
    const bytes = await xlsxOf(twenty())
    const response = await upload(bytes)
    expect(response.status, await response.clone().text()).toBe(200)
    const report = (await response.json()) as Report
    expect(report.dryRun).toBe(false)
    expect(report.rows).toHaveLength(20)
    expect(report.rows.every((row) => row.ok)).toBe(true)
    expect(report.created).toHaveLength(20)
    expect(report.created[0]!.user).toMatchObject({
      username: 'user01',
      displayName: '用户1',
      roles: ['department', 'reviewer'],
      units: [{ policyId, unitId: 'county-government-office' }],
    })
    expect(report.created[1]!.user.units).toEqual([{ policyId, unitId: 'county-finance-bureau' }])
    expect(new Set(report.created.map((entry) => entry.initialPassword)).size).toBe(20)
    for (const { user, initialPassword } of report.created) {
      const session = await logIn(t, user.username, initialPassword)
      const me = (await (await session.get('/api/auth/me')).json()) as {
        user: { mustChangePassword: boolean }
      }
      expect(me.user.mustChangePassword).toBe(true)
      expect((await session.get('/api/tasks')).status).toBe(403)
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'payload'])
      .where('action', 'in', ['user.import', 'user.create'])
      .execute()
    expect(audit.filter((entry) => entry.action === 'user.create')).toHaveLength(20)
    const imported = audit.find((entry) => entry.action === 'user.import')!
    const { createHash } = await import('node:crypto')
    expect(JSON.parse(imported.payload)).toMatchObject({
      created: 20,
      rows: 20,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
    const all = JSON.stringify(audit)
    for (const { initialPassword } of report.created) expect(all).not.toContain(initialPassword)
    expect(all).not.toMatch(/scrypt/)
  })

  it('writes nothing on a dry run, and reports every row', async () => {
    const [users, entries] = [await userCount(), await auditCount()]
    const response = await upload(await xlsxOf(twenty()), '?dryRun=true')
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report).toMatchObject({ dryRun: true, created: [] })
    expect(report.rows).toHaveLength(20)
    expect([await userCount(), await auditCount()]).toEqual([users, entries])
  })

  it('takes the roles as 用户管理 names them too', async () => {
    const response = await upload(
      csvOf([
        ['甲', 'role.one', '县政府办', '责任单位', ''],
        ['乙', 'role.two', '', '政策配置、审核', ''],
        ['丙', 'role.three', '', '系统管理员', ''],
      ]),
      '?dryRun=true',
      'text/csv',
    )
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report.rows.map((row) => [row.ok, row.issues])).toEqual([
      [true, []],
      [true, []],
      [true, []],
    ])
  })

  it('creates nothing when one row is bad, and names its row and column', async () => {
    const rows = twenty()
    rows[2]![3] = '局长'
    const users = await userCount()
    const response = await upload(await xlsxOf(rows))
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as ErrorBody
    expect(error.code).toBe('import-rejected')
    expect(error.issues!.map((issue) => [issue.pointer, issue.row, issue.column])).toEqual([
      ['/rows/4/角色', 4, '角色'],
    ])
    expect(error.issues![0]!.message.zh).toContain('局长')
    expect(error.rows!.filter((row) => !row.ok).map((row) => row.row)).toEqual([4])
    expect(await userCount()).toBe(users)
  })

  it('makes a username repeated in the file or already taken a row error', async () => {
    await loginAs(t, 'taken.one', { roles: ['department'] })
    const response = await upload(
      csvOf([
        ['甲', 'same.name', '', '部门', ''],
        ['乙', 'same.name', '', '部门', ''],
        ['丙', 'taken.one', '', '部门', ''],
        ['', 'Bad Name', '没有的单位', '', 'abc'],
      ]),
      '?dryRun=true',
      'text/csv',
    )
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report.rows.map((row) => [row.row, row.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ])
    expect(report.rows[1]!.issues[0]).toMatchObject({ pointer: '/rows/3/用户名' })
    expect(report.rows[1]!.issues[0]!.message.zh).toContain('第 2 行重复')
    expect(report.rows[2]!.issues[0]!.message.zh).toContain('已被使用')
    expect(report.rows[3]!.issues.map((issue) => issue.pointer)).toEqual([
      '/rows/5/姓名',
      '/rows/5/用户名',
      '/rows/5/角色',
      '/rows/5/单位',
      '/rows/5/手机',
    ])
  })

  it('asks for policyId/unitId when a unit name or id is shared by two policies', async () => {
    await publishBundled(t, t.clock, 'meishan')
    const response = await upload(
      csvOf([
        ['甲', 'shared.one', 'city-health-commission', '部门', ''],
        ['乙', 'shared.two', `${policyId}/city-health-commission、市卫健委`, 'leader,reviewer', ''],
      ]),
      '?dryRun=true',
      'text/csv',
    )
    const report = (await response.json()) as Report
    expect(report.rows.map((row) => row.ok)).toEqual([false, true])
    expect(report.rows[0]!.issues[0]!.pointer).toBe('/rows/2/单位')
    expect(report.rows[0]!.issues[0]!.message.zh).toContain('政策id/单位id')
  })

  it('refuses a file without the header columns as a whole (422 at /file)', async () => {
    const response = await upload(
      new TextEncoder().encode('name,login\n甲,someone\n'),
      '?dryRun=true',
      'text/csv',
    )
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as ErrorBody
    expect(error.code).toBe('import-rejected')
    expect(error.issues![0]!.pointer).toBe('/file')
    expect(error.message.zh).toContain('用户名')
  })

  it('stores hostile cells as their text', async () => {
    const formula = '=HYPERLINK("http://evil.example","点我")'
    const script = '<script>alert(1)</script>'
    const response = await upload(
      csvOf([
        [formula, 'hostile.one', '', '部门', ''],
        [script, 'hostile.two', '', '部门', ''],
      ]),
      '',
      'text/csv',
    )
    expect(response.status, await response.clone().text()).toBe(200)
    const report = (await response.json()) as Report
    expect(report.created.map((entry) => entry.user.displayName)).toEqual([formula, script])
    const stored = await t.db
      .selectFrom('app_user')
      .select('display_name')
      .where('username', 'in', ['hostile.one', 'hostile.two'])
      .orderBy('username')
      .execute()
    expect(stored.map((row) => row.display_name)).toEqual([formula, script])
    // The same text in an .xlsx text cell is text too.
    const fromXlsx = await upload(await xlsxOf([[formula, 'hostile.three', '', '部门', '']]))
    expect(fromXlsx.status).toBe(200)
    const created = ((await fromXlsx.json()) as Report).created
    expect(created.map((entry) => entry.user.displayName)).toEqual([formula])
  })

  it('refuses an Idempotency-Key: the answer holds one-time passwords', async () => {
    const response = await admin.raw('/api/users/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'idempotency-key': 'k-1' },
      body: csvOf([['甲', 'someone', '', '部门', '']]),
    })
    expect(response.status).toBe(400)
    expect(await userCount()).toBe(1)
  })

  it('refuses a zip bomb from its zip directory, before unpacking', async () => {
    const bomb = buildZip([
      ...workbookParts(),
      part('xl/sharedStrings.xml', sharedStringsXml(HEADER)),
      await emptyRows(30_000_000),
    ])
    const response = await upload(bomb)
    expect(response.status).toBe(413)
    const { error } = (await response.json()) as ErrorBody
    expect(error.code).toBe('payload-too-large')
    expect(error.issues![0]).toMatchObject({ pointer: '/file' })
    expect(await userCount()).toBe(1)
  })
})
