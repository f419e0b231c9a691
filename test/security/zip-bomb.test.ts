/**
 * Zip bombs through `POST /api/plans/:id/indicator-values/import`. A 268 KB .xlsx with 30 million
 * empty rows took 94 s of CPU; ten 1 MB files with a 1 GB shared string killed the process. Now
 * the zip's directory is read before anything is unpacked, every entry is held to its declared
 * size, sheets to Excel's row limit, and the reading happens in a worker with a heap and a time
 * limit — one import per user at a time — while the server keeps answering everyone else.
 */
import { XLSX_LIMITS } from '../../server/indicators/import/inspect-xlsx.ts'
import { XLSX_TYPE } from '../../server/indicators/import/parse-table.ts'
import { createTablePool, readUpload } from '../../server/indicators/import/read-upload.ts'
import {
  buildZip,
  deflateRepeated,
  emptyRows,
  hugeSharedString,
  part,
  sharedStringsXml,
  sheetXml,
  workbookParts,
} from '../helpers/hostile-xlsx.ts'
import type { ZipPart } from '../helpers/hostile-xlsx.ts'
import { loginAs, makeTestApp, startMinimalPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { latenciesWhile } from '../helpers/latencies.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

interface ErrorBody {
  error: {
    code: string
    message: LocalizedText
    issues: Array<{ pointer: string; code: string; message: LocalizedText }>
  }
}

const GB = 2 ** 30
const HEADER = part(
  'xl/sharedStrings.xml',
  sharedStringsXml(['单位', '期间', 'county_visits', 'total_visits']),
)
const ONE_CELL_SHEET = part(
  'xl/worksheets/sheet1.xml',
  sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
)

/** A workbook of the standard parts plus these. */
const workbook = (...parts: ZipPart[]) => buildZip([...workbookParts(), ...parts])

/** A sheet of `n` empty rows numbered 1…n: packs about 7 to 1, so the ratio check passes it. */
function numberedRows(n: number): ZipPart {
  const rows: string[] = []
  for (let i = 1; i <= n; i++) rows.push(`<row r="${i}"/>`)
  return part('xl/worksheets/sheet1.xml', sheetXml(rows.join('')))
}

describe('POST /import with a hostile .xlsx', () => {
  let t: TestApp
  let base: string
  let author: Client
  let other: Client

  const upload = (client: Client, bytes: Uint8Array, type = XLSX_TYPE, name = 'bomb.xlsx') =>
    client.raw(`${base}/import`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': name },
      body: bytes as Uint8Array<ArrayBuffer>,
    })
  const refusal = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as ErrorBody,
  })

  beforeAll(async () => {
    t = await makeTestApp('2021-03-01T09:00:00+08:00')
    base = `/api/plans/${await startMinimalPlan(t)}/indicator-values`
    author = await loginAs(t, 'author', { roles: ['author'] })
    other = await loginAs(t, 'other-author', { roles: ['author'] })
  })

  it('imports a real workbook built by the same hand (so each refusal below is the check’s)', async () => {
    const sheet = part(
      'xl/worksheets/sheet1.xml',
      sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>health-bureau</t></is></c><c r="B2"><v>2020</v></c><c r="C2"><v>9</v></c><c r="D2"><v>10</v></c></row>',
        'A1:D2',
      ),
    )
    const response = await upload(author, workbook(HEADER, sheet))
    expect(await response.json()).toMatchObject({ format: 'xlsx', rows: 1, applied: 2 })
    expect(response.status).toBe(200)
  })

  it('answers a malformed X-Filename on an import with 400, as on any upload', async () => {
    const { status, body } = await refusal(
      await upload(author, new TextEncoder().encode('单位,期间\n'), 'text/csv', '%E4%B8'),
    )
    expect(status).toBe(400)
    expect(body.error.code).toBe('bad-request')
  })

  it('refuses 30 million empty rows in 264 KB with 413 from the zip directory, before unpacking', async () => {
    const bytes = workbook(HEADER, await emptyRows(30_000_000))
    expect(bytes.length).toBeLessThan(300 * 1024)
    const { status, body } = await refusal(await upload(author, bytes))
    expect(status).toBe(413)
    expect(body.error.code).toBe('payload-too-large')
    expect(body.error.issues).toEqual([
      expect.objectContaining({ pointer: '/file', code: 'too-large' }),
    ])
    expect(body.error.message.zh).toContain('「xl/worksheets/sheet1.xml」有 172 MB，超过上限 96 MB')
  })

  it('refuses the same rows when the zip understates their size: 422 once the unpacked bytes pass it', async () => {
    const { status, body } = await refusal(
      await upload(author, workbook(HEADER, await emptyRows(30_000_000, 1_000_000))),
    )
    expect(status).toBe(422)
    expect(body.error.code).toBe('import-rejected')
    expect(body.error.issues[0]).toMatchObject({ pointer: '/file', code: 'unreadable' })
    expect(body.error.message.zh).toContain('实际内容与其声明的大小（1.0 MB）不符')
  })

  it('refuses a 1 GB shared string, told (413) or understated (422)', async () => {
    const strings = await hugeSharedString(GB)
    expect(strings.data.length).toBeLessThan(1.1 * 2 ** 20)
    const told = await refusal(await upload(author, workbook(strings, ONE_CELL_SHEET)))
    expect(told.status).toBe(413)
    expect(told.body.error.message.en).toContain('"xl/sharedStrings.xml" is 1,024 MB')
    const understated = await refusal(
      await upload(author, workbook({ ...strings, declare: 80_000_000 }, ONE_CELL_SHEET)),
    )
    expect(understated.status).toBe(422)
    expect(understated.body.error.issues[0]!.code).toBe('unreadable')
  })

  it('answers ten users uploading 1 GB shared strings at once with 4xx each, and other users meanwhile', async () => {
    const strings = await hugeSharedString(GB)
    const files = [
      workbook(strings, ONE_CELL_SHEET),
      workbook({ ...strings, declare: 90_000_000 }, ONE_CELL_SHEET),
    ]
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) => loginAs(t, `importer-${i}`, { roles: ['author'] })),
    )
    const uploads = Promise.all(users.map((user, i) => upload(user, files[i % 2]!).then(refusal)))
    const latencies = await latenciesWhile(other, `${base}/inputs`, uploads)
    const results = await uploads
    expect(results.map((result) => result.status)).toEqual([
      413, 422, 413, 422, 413, 422, 413, 422, 413, 422,
    ])
    expect(Math.max(...latencies)).toBeLessThan(1000)
    // Still up, and still importing.
    expect(
      (
        await upload(
          other,
          Buffer.from('单位,期间,county_visits\nhealth-bureau,2019,1\n'),
          'text/csv',
          'a.csv',
        )
      ).status,
    ).toBe(200)
  })

  it('refuses a sheet that declares 30 million rows (422 too-many-rows)', async () => {
    const sheet = part(
      'xl/worksheets/sheet1.xml',
      sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', 'A1:C30000000'),
    )
    const { status, body } = await refusal(await upload(author, workbook(HEADER, sheet)))
    expect(status).toBe(422)
    expect(body.error.issues[0]).toMatchObject({ pointer: '/file', code: 'too-many-rows' })
    expect(body.error.message.zh).toContain(
      '声明的范围 A1:C30000000 超过 Excel 的上限 1,048,576 行',
    )
  })

  it('refuses a sheet with more rows than Excel allows, even empty and packed only 7 to 1', async () => {
    const { status, body } = await refusal(
      await upload(author, workbook(HEADER, numberedRows(XLSX_LIMITS.maxSheetRows + 1))),
    )
    expect(status).toBe(422)
    expect(body.error.issues[0]).toMatchObject({ pointer: '/file', code: 'too-many-rows' })
    expect(body.error.message.en).toContain('more than 1,048,576 rows (empty ones included)')
  })

  it('refuses a zip of more entries than a workbook has, and a compression ratio no sheet has (413)', async () => {
    const many = Array.from({ length: XLSX_LIMITS.maxEntries }, (_, i) =>
      part(`xl/media/${i}.xml`, '<x/>'),
    )
    const entries = await refusal(await upload(author, workbook(HEADER, ONE_CELL_SHEET, ...many)))
    expect(entries.status).toBe(413)
    expect(entries.body.error.message.zh).toContain('超过上限 1,000 个')
    const dense = await deflateRepeated(
      'xl/sharedStrings.xml',
      '<sst>',
      '0',
      50 * 2 ** 20,
      '</sst>',
    )
    const ratio = await refusal(await upload(author, workbook(dense, ONE_CELL_SHEET)))
    expect(ratio.status).toBe(413)
    expect(ratio.body.error.message.en).toContain('it looks like a zip bomb')
  })

  it('reads a heavy workbook in a worker: others are answered, the same user’s next import waits its turn (409)', async () => {
    // A million empty rows passes every check and takes the reader seconds.
    const heavy = upload(author, workbook(HEADER, numberedRows(1_000_000))).then(refusal)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const again = await refusal(
      await upload(
        author,
        Buffer.from('单位,期间,county_visits\nhealth-bureau,2019,1\n'),
        'text/csv',
        'a.csv',
      ),
    )
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      message: { zh: '你的上一个导入仍在进行中，请等它完成后再上传' },
    })
    const elsewhere = await upload(
      other,
      Buffer.from('单位,期间,county_visits\nhealth-bureau,2018,1\n'),
      'text/csv',
      'b.csv',
    )
    expect(elsewhere.status).toBe(200)
    const latencies = await latenciesWhile(other, `${base}/inputs`, heavy)
    expect(latencies.length).toBeGreaterThan(1)
    expect(Math.max(...latencies)).toBeLessThan(1000)
    const { status, body } = await heavy
    expect(status).toBe(422)
    expect(body.error.code).toBe('import-rejected')
    // The slot is free again.
    expect(
      (
        await upload(
          author,
          Buffer.from('单位,期间,county_visits\nhealth-bureau,2017,1\n'),
          'text/csv',
          'c.csv',
        )
      ).status,
    ).toBe(200)
  }, 60_000)

  it('checks a CSV’s size before parsing it (413)', async () => {
    const { status, body } = await refusal(
      await upload(author, Buffer.alloc(8 * 2 ** 20 + 1, 0x41), 'text/csv', 'big.csv'),
    )
    expect(status).toBe(413)
    expect(body.error.code).toBe('payload-too-large')
  })
})

describe('the table worker’s limits', () => {
  it('stops a worker that runs out of heap, and the server process lives on', async () => {
    const pool = createTablePool({
      timeoutMs: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    })
    const result = await readUpload(workbook(HEADER, numberedRows(1_000_000)), {}, 200_000, pool)
    expect(result).toMatchObject({ ok: false, reason: 'too-large' })
    if (!result.ok) expect(result.message.zh).toContain('所需的内存超过上限')
    await pool.close()
  }, 60_000)

  it('stops a worker that runs over its time', async () => {
    const pool = createTablePool({ timeoutMs: 1 })
    const result = await readUpload(workbook(HEADER, ONE_CELL_SHEET), {}, 200_000, pool)
    expect(result).toMatchObject({ ok: false, reason: 'too-slow' })
    await pool.close()
  })
})
