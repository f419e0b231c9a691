/**
 * Indicator data through the real API over a real database file: CSV and .xlsx imports (all or
 * nothing, keeping the good rows, dry runs), a department limited to its own units, re-imports
 * overwriting, PUT with JSON pointers, reads, the Excel template round trip, and a 50,000-row file.
 *
 * A department uploading another unit's rows gets a per-row rejection (`not-your-unit`): with
 * all-or-nothing the import is a 422 naming those rows, with keep-good its own rows are written.
 */
import ExcelJS from 'exceljs'
import { createHash } from 'node:crypto'
import { XLSX_TYPE } from '../../server/indicators/import/parse-table.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'meishan-medical-community-insurance'
const MEDICAL_COMMUNITIES = [
  { id: 'dongpo-mc', name: '东坡区医共体' },
  { id: 'renshou-mc', name: '仁寿县医共体' },
]

type Json = Record<string, any>

async function json(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: (await response.json()) as Json }
}

describe('/api/plans/:id/indicator-values', () => {
  let t: TestApp
  let planId: string
  let author: Client
  let dongpo: Client
  let admin: Client
  let base: string

  const upload = (
    client: Client,
    body: string | Uint8Array<ArrayBuffer>,
    query = '',
    type = 'text/csv',
    name = '数据.csv',
  ) =>
    client.raw(`${base}/import${query}`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(name) },
      body,
    })
  const put = (client: Client, values: object[]) => client.put(base, { values })
  const stored = async (unit?: string) => {
    let query = t.db.selectFrom('indicator_value').selectAll().where('plan_id', '=', planId)
    if (unit) query = query.where('unit_id', '=', unit)
    return query.orderBy('unit_id').orderBy('period').orderBy('element_id').execute()
  }
  const clear = () => t.db.deleteFrom('indicator_value').execute()

  beforeAll(async () => {
    t = await makeTestApp('2022-01-10T09:00:00+08:00')
    ;({ planId } = await startBundledPlan(t, 'meishan', {
      'medical-communities': MEDICAL_COMMUNITIES,
    }))
    base = `/api/plans/${planId}/indicator-values`
    author = await loginAs(t, 'author', { roles: ['author'] })
    admin = await loginAs(t, 'admin', { roles: ['admin'] })
    dongpo = await loginAs(t, 'dongpo', { units: [{ policyId: POLICY, unitId: 'dongpo-mc' }] })
  })

  beforeEach(clear)

  describe('GET /inputs', () => {
    it('lists every enterable input with its type, unit, frequency, owners and indicators, and the units I may write', async () => {
      const { status, body } = await json(await dongpo.get(`${base}/inputs`))
      expect(status).toBe(200)
      const countyVisits = body.inputs.find((input: Json) => input.id === 'county_visits')
      expect(countyVisits).toMatchObject({
        name: '县域内就诊人次',
        valueType: 'count',
        unit: '人次',
        frequency: 'yearly',
        range: '≥ 0 的整数',
        owners: [{ id: 'medical-communities', name: '紧密型县域医共体' }],
      })
      expect(countyVisits.indicators).toContainEqual({
        id: 'county-visit-rate',
        name: '县域内就诊率',
      })
      expect(body.units).toEqual([{ id: 'dongpo-mc', name: '东坡区医共体' }])
      const all = (await json(await author.get(`${base}/inputs`))).body
      expect(all.units).toEqual(
        expect.arrayContaining([
          { id: 'region', name: '眉山市' },
          { id: 'renshou-mc', name: '仁寿县医共体' },
          { id: 'city-healthcare-security-bureau', name: '市医疗保障局' },
        ]),
      )
    })

    it('hides the plan from users outside it', async () => {
      const stranger = await loginAs(t, 'stranger', {
        units: [{ policyId: 'pingnan-medical-alliance', unitId: 'county-finance-bureau' }],
      })
      expect((await stranger.get(`${base}/inputs`)).status).toBe(404)
      expect((await upload(stranger, '单位,期间,county_visits\ndongpo-mc,2021,1\n')).status).toBe(
        404,
      )
    })
  })

  describe('POST /import (CSV)', () => {
    const file = [
      '单位,期间,县域内就诊人次（人次）,参保人员就诊总人次',
      'dongpo-mc,2021,90240,100000',
      '仁寿县医共体,2021,abc,100000',
      'renshou-mc,2020,120.5,100000',
    ].join('\n')

    it('writes nothing when any row is wrong (all-or-nothing), answering 422 with each problem at /rows/<row>/<column>', async () => {
      const { status, body } = await json(await upload(author, file))
      expect(status).toBe(422)
      expect(body.error.code).toBe('import-rejected')
      expect(body.error.message.zh).toContain('导入未执行：2 处问题')
      expect(body.error.issues).toEqual([
        expect.objectContaining({
          pointer: '/rows/3/C',
          row: 3,
          column: 'C',
          code: 'invalid-value',
        }),
        expect.objectContaining({
          pointer: '/rows/4/C',
          row: 4,
          column: 'C',
          code: 'invalid-value',
        }),
      ])
      expect(body.error.issues[0].message.zh).toBe(
        '第 3 行 C 列：县域内就诊人次（county_visits）应为数字，收到「abc」',
      )
      expect(body.error).toMatchObject({
        format: 'csv',
        layout: 'wide',
        rows: 3,
        accepted: 2,
        applied: 0,
      })
      expect(await stored()).toEqual([])
    })

    it('writes the good rows and lists what is wrong in the others with keep-good', async () => {
      const { status, body } = await json(await upload(author, file, '?mode=keep-good'))
      expect(status).toBe(200)
      expect(body).toMatchObject({
        format: 'csv',
        layout: 'wide',
        mode: 'keep-good',
        rows: 3,
        applied: 2,
        rejectedCount: 2,
      })
      expect(body.rejected.map((r: Json) => [r.row, r.column, r.input])).toEqual([
        [3, 'C', 'county_visits'],
        [4, 'C', 'county_visits'],
      ])
      expect(
        (await stored()).map(
          (row) => `${row.unit_id} ${row.period} ${row.element_id}=${row.value} ${row.source}`,
        ),
      ).toEqual([
        'dongpo-mc 2021 county_visits=90240 import',
        'dongpo-mc 2021 total_visits=100000 import',
      ])
    })

    it('checks without writing on a dry run', async () => {
      const { status, body } = await json(await upload(author, file, '?dryRun=true'))
      expect(status).toBe(200)
      expect(body).toMatchObject({ dryRun: true, accepted: 2, applied: 0, rejectedCount: 2 })
      expect(await stored()).toEqual([])
    })

    it('audits an import with its counts, file name and sha256', async () => {
      const text = '单位,期间,county_visits\ndongpo-mc,2021,1\n'
      expect((await upload(author, text, '', 'text/csv', '东坡2021.csv')).status).toBe(200)
      const { body } = await json(
        await admin.get('/api/audit?action=indicator-values.import&limit=1'),
      )
      expect(body.entries[0]).toMatchObject({
        entity: 'plan',
        entity_id: planId,
        payload: {
          fileName: '东坡2021.csv',
          sha256: createHash('sha256').update(text).digest('hex'),
          rows: 1,
          applied: 1,
          rejected: 0,
          units: 1,
          periods: ['2021'],
        },
      })
    })

    it('overwrites values on re-import', async () => {
      expect((await upload(author, '单位,期间,county_visits\ndongpo-mc,2021,100\n')).status).toBe(
        200,
      )
      expect(
        (await upload(author, '单位,期间,指标,数值\n东坡区医共体,2021,县域内就诊人次,200\n'))
          .status,
      ).toBe(200)
      expect((await stored()).map((row) => row.value)).toEqual(['200'])
    })

    it('lets a department write its own unit only: per-row rejections, 422 all-or-nothing, its rows with keep-good', async () => {
      const mixed = '单位,期间,county_visits\ndongpo-mc,2021,1\nrenshou-mc,2021,2\nregion,2021,3\n'
      const refused = await json(await upload(dongpo, mixed))
      expect(refused.status).toBe(422)
      expect(refused.body.error.issues.map((issue: Json) => [issue.pointer, issue.code])).toEqual([
        ['/rows/3/A', 'not-your-unit'],
        ['/rows/4/A', 'not-your-unit'],
      ])
      expect(await stored()).toEqual([])
      const kept = await json(await upload(dongpo, mixed, '?mode=keep-good'))
      expect(kept.body).toMatchObject({ applied: 1, rejectedCount: 2 })
      expect((await stored()).map((row) => row.unit_id)).toEqual(['dongpo-mc'])
    })

    it('says what is wrong with the file itself: empty, header only, unknown columns, wrong type, bad mode, too large', async () => {
      const empty = await json(await upload(author, ''))
      expect(empty.status).toBe(422)
      expect(empty.body.error.issues[0]).toMatchObject({ pointer: '/rows/1', code: 'empty-file' })
      const header = await json(
        await upload(author, '\uFEFF单位,期间,county_visits\n', '?mode=keep-good'),
      )
      expect(header.status).toBe(422)
      expect(header.body.error.issues[0].code).toBe('no-data')
      const unknown = await json(
        await upload(author, '单位,期间,县域内就诊人数\ndongpo-mc,2021,1\n', '?mode=keep-good'),
      )
      expect(unknown.status).toBe(422)
      expect(unknown.body.error.message.zh).toContain('是否为「县域内就诊人次」（county_visits）')
      expect((await upload(author, 'GIF89a', '', 'image/gif', 'x.gif')).status).toBe(415)
      expect((await upload(author, '单位,期间\n', '?mode=some')).status).toBe(400)
      const huge = await json(await upload(author, 'x'.repeat(9 * 1024 * 1024)))
      expect(huge.status).toBe(413)
      expect(huge.body.error.code).toBe('payload-too-large')
      const encoding = await json(await upload(author, Uint8Array.from([0x41, 0x0a, 0xff, 0xff])))
      expect(encoding.status).toBe(422)
      expect(encoding.body.error.issues[0]).toMatchObject({ pointer: '/file', code: 'encoding' })
      const quotes = await json(
        await upload(author, '单位,期间,county_visits\n"dongpo-mc,2021,1\n'),
      )
      expect(quotes.status).toBe(422)
      expect(quotes.body.error.issues[0]).toMatchObject({ pointer: '/file', code: 'unreadable' })
      expect(
        (await upload(author, 'PK\u0003\u0004 not a workbook', '', XLSX_TYPE, 'broken.xlsx'))
          .status,
      ).toBe(422)
      expect(await stored()).toEqual([])
    })
  })

  describe('POST /import (.xlsx)', () => {
    it('imports a real workbook: numbers, text, formula results; rejects a date in a value cell', async () => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('Sheet1')
      sheet.addRow([
        '单位',
        '期间',
        '县域内就诊人次（人次）',
        '参保人员就诊总人次（人次）',
        '已开展 DRG 收付费改革工作',
      ])
      sheet.addRow(['dongpo-mc', 2021, 90240, { formula: '90240/0.9024', result: 100000 }, '是'])
      sheet.addRow(['仁寿县医共体', '2021', '88000', 100000, false])
      const bytes = new Uint8Array(await book.xlsx.writeBuffer())
      const ok = await json(await upload(author, bytes, '', XLSX_TYPE, '填报.xlsx'))
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({ format: 'xlsx', layout: 'wide', rows: 2, applied: 6 })
      expect((await stored('dongpo-mc')).map((row) => `${row.element_id}=${row.value}`)).toEqual([
        'county_visits=90240',
        'drg_charge_reform_started=true',
        'total_visits=100000',
      ])

      sheet.addRow(['renshou-mc', '2020', new Date(Date.UTC(2020, 0, 1)), 1, null])
      const dated = await json(
        await upload(
          author,
          new Uint8Array(await book.xlsx.writeBuffer()),
          '',
          'application/octet-stream',
          '填报.xlsx',
        ),
      )
      expect(dated.status).toBe(422)
      expect(dated.body.error.issues).toEqual([
        expect.objectContaining({ pointer: '/rows/4/C', code: 'date-cell' }),
      ])
    })
  })

  describe('PUT', () => {
    it('stores a batch of values', async () => {
      const { status, body } = await json(
        await put(dongpo, [
          { element: 'county_visits', unit: 'dongpo-mc', period: '2021', value: 90240 },
          { element: '参保人员就诊总人次', unit: '东坡区医共体', period: 2021, value: '100000' },
        ]),
      )
      expect(status).toBe(200)
      expect(body).toEqual({ applied: 2, submittedTasks: 0 })
      expect((await stored()).map((row) => `${row.element_id}=${row.value} ${row.source}`)).toEqual(
        ['county_visits=90240 api', 'total_visits=100000 api'],
      )
      const { body: audit } = await json(
        await admin.get('/api/audit?action=indicator-values.put&limit=1'),
      )
      expect(audit.entries[0].payload).toMatchObject({ values: 2, units: 1, periods: ['2021'] })
    })

    it('stores nothing when any entry is wrong, pointing at each wrong field', async () => {
      const { status, body } = await json(
        await put(dongpo, [
          { element: 'county_visits', unit: 'dongpo-mc', period: '2021', value: 1 },
          { element: 'county_visits', unit: 'dongpo-mc', period: '2020', value: 3.5 },
          { element: 'county_visits', unit: 'renshou-mc', period: '2021', value: 1 },
          { element: 'county_visits', unit: 'dongpo-mc', period: '2021-03', value: 1 },
          { element: 'no_such_element', unit: 'dongpo-mc', period: '2021', value: 1 },
          { element: '县域内就诊人次', unit: 'dongpo-mc', period: '2021年', value: 2 },
        ]),
      )
      expect(status).toBe(422)
      expect(body.error.code).toBe('invalid-values')
      expect(body.error.issues.map((issue: Json) => [issue.pointer, issue.code])).toEqual([
        ['/values/1/value', 'invalid-value'],
        ['/values/2/unit', 'not-your-unit'],
        ['/values/3/period', 'period-too-fine'],
        ['/values/4/element', 'unknown-input'],
        ['/values/5', 'duplicate'],
      ])
      expect(await stored()).toEqual([])
    })

    it('refuses a body that breaks the schema with 400 and pointers', async () => {
      const { status, body } = await json(
        await put(dongpo, [{ element: 'county_visits', unit: 'dongpo-mc', period: '2021' }]),
      )
      expect(status).toBe(400)
      expect(body.error.code).toBe('invalid-body')
    })
  })

  describe('GET', () => {
    it('shows a department its own units only, and those who oversee every unit, with names and units of measure', async () => {
      await upload(
        author,
        '单位,期间,county_visits,total_visits\ndongpo-mc,2021,90240,100000\nrenshou-mc,2021,88000,100000\nregion,2020,1,2\n',
      )
      const mine = (await json(await dongpo.get(base))).body
      expect(mine.values.map((v: Json) => v.unit)).toEqual(['dongpo-mc', 'dongpo-mc'])
      expect(mine.values[0]).toMatchObject({
        element: 'county_visits',
        name: '县域内就诊人次',
        valueType: 'count',
        measure: '人次',
        unit: 'dongpo-mc',
        unitName: '东坡区医共体',
        period: '2021',
        value: '90240',
        source: 'import',
        enteredBy: { name: 'author' },
      })
      expect((await json(await dongpo.get(`${base}?unit=renshou-mc`))).body.values).toEqual([])
      const all = (await json(await author.get(base))).body
      expect(all.count).toBe(6)
      const filtered = (
        await json(
          await author.get(
            `${base}?period=2021&element=${encodeURIComponent('参保人员就诊总人次')}&unit=renshou-mc,dongpo-mc`,
          ),
        )
      ).body
      expect(filtered.values.map((v: Json) => `${v.unit} ${v.element}`)).toEqual([
        'dongpo-mc total_visits',
        'renshou-mc total_visits',
      ])
      expect((await json(await author.get(`${base}?unit=region`))).body.values[0]).toMatchObject({
        unitName: '眉山市',
        period: '2020',
      })
    })
  })

  describe('GET /template.xlsx', () => {
    it('gives a template that, filled in, imports as is', async () => {
      const response = await author.get(`${base}/template.xlsx?layout=wide&period=2021`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(XLSX_TYPE)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(
        Buffer.from(await response.arrayBuffer()) as unknown as Parameters<
          typeof book.xlsx.load
        >[0],
      )
      const sheet = book.worksheets[0]!
      const header = (sheet.getRow(1).values as unknown[]).slice(1)
      expect(header.slice(0, 4)).toEqual(['单位', '单位名称', '期间', '县域内就诊人次（人次）'])
      expect(header).toContain('县域内医疗总费用（本年）（元）')
      expect(String(sheet.getRow(1).getCell(4).note)).toContain('county_visits')
      const units = [] as string[]
      sheet.eachRow((row, number) => {
        if (number > 1) units.push(String(row.getCell(1).value))
      })
      expect(units).toEqual(expect.arrayContaining(['region', 'dongpo-mc', 'renshou-mc']))
      const guide = book.getWorksheet('说明')!
      const rows: string[][] = []
      guide.eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))),
      )
      expect(rows).toContainEqual([
        '县域内就诊人次',
        'county_visits',
        '计数',
        '人次',
        '≥ 0 的整数',
        '按年',
        '2021',
        '紧密型县域医共体',
        expect.stringContaining('县域内就诊率'),
      ])

      // Fill it as an office would: two units' counts; other rows left empty.
      const column = (id: string) => header.findIndex((text) => String(text).startsWith(id)) + 1
      sheet.eachRow((row, number) => {
        const unit = String(row.getCell(1).value)
        if (number === 1 || !['dongpo-mc', 'renshou-mc'].includes(unit)) return
        row.getCell(column('县域内就诊人次')).value = unit === 'dongpo-mc' ? 90240 : 88000
        row.getCell(column('参保人员就诊总人次')).value = 100000
      })
      const filled = new Uint8Array(await book.xlsx.writeBuffer())
      const { status, body } = await json(await upload(author, filled, '', XLSX_TYPE, '模板.xlsx'))
      // The answer names what it refused, should this ever be refused.
      expect(status, JSON.stringify(body).slice(0, 2000)).toBe(200)
      expect(body).toMatchObject({ layout: 'wide', applied: 4, rejectedCount: 0 })
      expect(
        (await stored()).map(
          (row) => `${row.unit_id} ${row.period} ${row.element_id}=${row.value}`,
        ),
      ).toEqual([
        'dongpo-mc 2021 county_visits=90240',
        'dongpo-mc 2021 total_visits=100000',
        'renshou-mc 2021 county_visits=88000',
        'renshou-mc 2021 total_visits=100000',
      ])
    })

    it('gives a department one row, its own unit; and a long layout on request', async () => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(
        Buffer.from(
          await (await dongpo.get(`${base}/template.xlsx`)).arrayBuffer(),
        ) as unknown as Parameters<typeof book.xlsx.load>[0],
      )
      expect(book.worksheets[0]!.actualRowCount).toBe(2)
      expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe('dongpo-mc')
      const long = new ExcelJS.Workbook()
      await long.xlsx.load(
        Buffer.from(
          await (await dongpo.get(`${base}/template.xlsx?layout=long`)).arrayBuffer(),
        ) as unknown as Parameters<typeof long.xlsx.load>[0],
      )
      expect((long.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
        '单位',
        '单位名称',
        '期间',
        '指标',
        '指标名称',
        '计量单位',
        '数值',
      ])
      expect((await dongpo.get(`${base}/template.xlsx?layout=tall`)).status).toBe(400)
    })
  })
})

describe('a 50,000-row import', () => {
  it('imports every row of a long CSV and reads them back', async () => {
    const t = await makeTestApp('2022-01-10T09:00:00+08:00')
    const communities = Array.from({ length: 250 }, (_, i) => ({
      id: `mc-${i}`,
      name: `第${i}医共体`,
    }))
    const { planId } = await startBundledPlan(t, 'meishan', { 'medical-communities': communities })
    const author = await loginAs(t, 'author', { roles: ['author'] })
    const inputs = (
      (await (await author.get(`/api/plans/${planId}/indicator-values/inputs`)).json()) as Json
    ).inputs
      .filter((input: Json) => input.valueType === 'count')
      .slice(0, 10)
    expect(inputs).toHaveLength(10)
    const lines = ['单位,期间,指标,数值']
    // Each numerator (an even position: county_visits …) stays under its denominator, as the rules require.
    for (const unit of communities)
      for (let year = 2011; year <= 2030; year++)
        inputs.forEach((input: Json, index: number) =>
          lines.push(`${unit.id},${year},${input.id},${year * 10 + index}`),
        )
    expect(lines.length - 1).toBe(50_000)
    const start = Date.now()
    const response = await author.raw(`/api/plans/${planId}/indicator-values/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: lines.join('\n'),
    })
    const elapsed = Date.now() - start
    const { status, body } = await json(response)
    expect(status).toBe(200)
    expect(body).toMatchObject({ layout: 'long', rows: 50_000, applied: 50_000, rejectedCount: 0 })
    const count = await t.db
      .selectFrom('indicator_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(50_000)
    const sample = await t.db
      .selectFrom('indicator_value')
      .select('value')
      .where('unit_id', '=', 'mc-249')
      .where('period', '=', '2030')
      .where('element_id', '=', inputs[9].id)
      .executeTakeFirstOrThrow()
    expect(sample.value).toBe(String(2030 * 10 + 9))
    expect(elapsed).toBeLessThan(15_000)
  }, 60_000)
})
