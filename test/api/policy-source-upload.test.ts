/**
 * A version's source document through the API: stored normalized with its sha256, part of the
 * version's identity, downloaded as text under a safe file name; uploaded as .txt, .md or a real
 * .docx and read as text, with oversized files and zip bombs refused before anything is stored.
 */
import { createHash } from 'node:crypto'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { buildZip, deflateRepeated, part } from '../helpers/hostile-xlsx.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, lineOf, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

interface Issue {
  code: string
  pointer: string
  line?: number
  message: { zh: string; en: string }
}
interface Upload {
  fileName: string
  format: string
  bytes: number
  characters: number
  sourceHash: string
  text: string
}

/** A .docx written by the docx package: one paragraph per line of `text`. */
async function wordDocument(text: string): Promise<Buffer> {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => new Paragraph({ children: [new TextRun(line)] }))
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }))
}

/** The parts a minimal .docx needs besides its document. */
function docxShell() {
  const rels = 'http://schemas.openxmlformats.org/package/2006/relationships'
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    part(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rels}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
  ]
}

/** A document.xml of `bytes` repeated letters, deflated as a stream (never in memory whole). */
function hugeDocument(bytes: number, declare?: number) {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  return deflateRepeated(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body><w:p><w:r><w:t>`,
    'a',
    bytes,
    '</w:t></w:r></w:p></w:body></w:document>',
  ).then((document) => ({ ...document, ...(declare === undefined ? {} : { declare }) }))
}

describe('a version’s source document', () => {
  let t: TestApp
  let author: Client

  beforeAll(async () => {
    t = await makeTestApp()
    author = await loginAs(t, 'author', { roles: ['author'] })
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  const upload = (body: Uint8Array | string, name: string, type = 'application/octet-stream') =>
    author.raw('/api/policies/source-text', {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(name) },
      // A copy on its own ArrayBuffer: what fetch takes as a body.
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })
  const versions = () => t.db.selectFrom('policy_version').selectAll().execute()

  describe('POST /api/policies/source-text', () => {
    it('reads a UTF-8 text file without its BOM and CRLF line endings, with its sha256', async () => {
      const file = Buffer.from(`\uFEFF${MINIMAL_SOURCE.replace(/\n/g, '\r\n')}`, 'utf8')
      const response = await upload(file, '示范县方案.txt', 'text/plain')
      expect(response.status).toBe(200)
      const body = (await response.json()) as Upload
      expect(body).toEqual({
        fileName: '示范县方案.txt',
        format: 'text',
        bytes: file.length,
        characters: [...MINIMAL_SOURCE].length,
        sourceHash: sha256(MINIMAL_SOURCE),
        text: MINIMAL_SOURCE,
      })
    })

    it('refuses a file that is not UTF-8 (GBK) with a 422 saying to save it as UTF-8', async () => {
      // 「示范县」 in GBK.
      const response = await upload(Buffer.from([0xca, 0xbe, 0xb7, 0xb6, 0xcf, 0xd8]), '方案.txt')
      expect(response.status).toBe(422)
      const { error } = (await response.json()) as { error: { code: string; issues: Issue[] } }
      expect(error.code).toBe('import-rejected')
      expect(error.issues).toEqual([
        expect.objectContaining({ pointer: '/file', code: 'not-utf8' }),
      ])
      expect(error.issues[0]!.message.zh).toContain('另存为 UTF-8')
    })

    it('refuses a type it cannot read (.doc) with a 415 naming the accepted ones', async () => {
      const response = await upload(Buffer.from('binary'), '方案.doc')
      expect(response.status).toBe(415)
      const { error } = (await response.json()) as { error: { message: { zh: string } } }
      expect(error.message.zh).toContain('.docx')
    })

    it('converts a real .docx to its text, whose quotes then check and publish', async () => {
      const file = await wordDocument(MINIMAL_SOURCE)
      const response = await upload(file, '示范县医改实施方案.docx', DOCX)
      expect(response.status, await response.clone().text()).toBe(200)
      const body = (await response.json()) as Upload
      expect(body.format).toBe('docx')
      expect(body.bytes).toBe(file.length)
      expect(body.text).toContain('县医改办牵头组织调查研究,拟订实施方案。')
      expect(body.sourceHash).toBe(sha256(body.text))
      const checked = await author.post('/api/policies/validate', {
        yaml: MINIMAL_POLICY,
        sourceText: body.text,
      })
      expect(await checked.json()).toEqual({ ok: true, issues: [] })
      const published = await author.post('/api/policies', {
        yaml: withReplaced('version: 1.0.0', 'version: 9.0.0'),
        sourceText: body.text,
      })
      expect(published.status).toBe(201)
      expect((await published.json()).version.sourceHash).toBe(body.sourceHash)
      await t.db.deleteFrom('policy_version').execute()
    })

    it('refuses an upload over 8 MB with a 413 before reading it', async () => {
      const response = await upload(Buffer.alloc(8 * 2 ** 20 + 1, 0x61), '方案.docx', DOCX)
      expect(response.status).toBe(413)
      expect((await response.json()).error.code).toBe('payload-too-large')
    })

    it('refuses a .docx that unpacks to 200 MB (a zip bomb) with a 413 and stores nothing', async () => {
      const bomb = buildZip([...docxShell(), await hugeDocument(200 * 2 ** 20)])
      expect(bomb.length).toBeLessThan(2 * 2 ** 20)
      const response = await upload(bomb, '方案.docx', DOCX)
      expect(response.status).toBe(413)
      const { error } = (await response.json()) as { error: { code: string; issues: Issue[] } }
      expect(error.code).toBe('payload-too-large')
      expect(error.issues[0]).toMatchObject({ pointer: '/file', code: 'too-large' })
      expect(error.issues[0]!.message.zh).toContain('word/document.xml')
      expect(await versions()).toEqual([])
    })

    it('refuses a .docx whose document understates its unpacked size with a 422 and stores nothing', async () => {
      const liar = buildZip([...docxShell(), await hugeDocument(20 * 2 ** 20, 4096)])
      const response = await upload(liar, '方案.docx', DOCX)
      expect(response.status).toBe(422)
      const { error } = (await response.json()) as { error: { code: string; issues: Issue[] } }
      expect(error.code).toBe('import-rejected')
      expect(error.issues[0]!.message.zh).toContain('与其声明的大小')
      expect(await versions()).toEqual([])
    })

    it('refuses a file named .docx that is not a Word document with a 422', async () => {
      const response = await upload(Buffer.from(MINIMAL_SOURCE), '方案.docx', DOCX)
      expect(response.status).toBe(422)
      expect((await response.json()).error.issues[0].message.zh).toContain('.docx')
    })

    it('is for authors only', async () => {
      const department = await loginAs(t, 'dept', { roles: ['department'] })
      const response = await department.raw('/api/policies/source-text', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
        body: MINIMAL_SOURCE,
      })
      expect(response.status).toBe(403)
    })
  })

  describe('publishing with the source', () => {
    it('stores the normalized source with its sha256 and lists the hash with the version', async () => {
      const crlf = `\uFEFF${MINIMAL_SOURCE.replace(/\n/g, '\r\n')}`
      const published = await author.post('/api/policies', {
        yaml: MINIMAL_POLICY,
        sourceText: crlf,
      })
      expect(published.status).toBe(201)
      expect((await published.json()).version.sourceHash).toBe(sha256(MINIMAL_SOURCE))
      const [row] = await versions()
      expect(row!.source_text).toBe(MINIMAL_SOURCE)
      expect(row!.source_hash).toBe(sha256(MINIMAL_SOURCE))
      const listed = await (await author.get('/api/policies/demo-county-plan/versions')).json()
      expect(listed.versions[0].sourceHash).toBe(sha256(MINIMAL_SOURCE))
    })

    it('answers the stored version for the same YAML with the same source, however its lines end', async () => {
      const again = await author.post('/api/policies', {
        yaml: MINIMAL_POLICY,
        sourceText: MINIMAL_SOURCE,
      })
      expect(again.status).toBe(200)
      expect((await again.json()).created).toBe(false)
    })

    it('refuses the same YAML with another source with a 409 that says to raise the version', async () => {
      const response = await author.post('/api/policies', {
        yaml: MINIMAL_POLICY,
        sourceText: `${MINIMAL_SOURCE}四、附则\n本方案自印发之日起施行。\n`,
      })
      expect(response.status).toBe(409)
      const { error } = (await response.json()) as {
        error: { code: string; message: { zh: string; en: string } }
      }
      expect(error.code).toBe('conflict')
      expect(error.message.zh).toMatch(
        /^demo-county-plan 的 1\.0\.0 版已发布，配置相同但政策原文不同/,
      )
      expect(error.message.zh).toContain('metadata.version')
      expect(error.message.en).toContain('different source document')
      expect(await versions()).toHaveLength(1)
    })

    it('refuses the same YAML without a source as a 409 too', async () => {
      const response = await author.post('/api/policies', { yaml: MINIMAL_POLICY })
      expect(response.status).toBe(409)
      expect((await response.json()).error.message.zh).toContain('本次：无原文')
    })

    it('refuses a new version that quotes without a source, pointing at /sourceText', async () => {
      const response = await author.post('/api/policies', {
        yaml: withReplaced('version: 1.0.0', 'version: 1.1.0'),
      })
      expect(response.status).toBe(422)
      const { error } = (await response.json()) as { error: { issues: Issue[] } }
      expect(error.issues[0]).toMatchObject({ code: 'source-file-missing', pointer: '/sourceText' })
      expect(await versions()).toHaveLength(1)
    })

    it('checks the quotes against the source sent, at the quote’s YAML line', async () => {
      const response = await author.post('/api/policies', {
        yaml: withReplaced('version: 1.0.0', 'version: 1.1.0'),
        sourceText: MINIMAL_SOURCE.replace('统筹落实补助资金', '统筹安排补助资金'),
      })
      expect(response.status).toBe(422)
      const { error } = (await response.json()) as { error: { issues: Issue[] } }
      const issue = error.issues.find((i) => i.code === 'quote-not-found')!
      expect(issue.pointer).toBe('/responsibilities/2/source/quote')
      expect(issue.line).toBe(lineOf(MINIMAL_POLICY, 'quote: 统筹落实补助资金'))
    })
  })

  describe('GET /api/policies/:policyId/versions/:version/source', () => {
    it('downloads the stored text as UTF-8 with a file name from the policy id, RFC 5987 for Chinese', async () => {
      const response = await author.get('/api/policies/demo-county-plan/versions/1.0.0/source')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="demo-county-plan-1.0.0-source.txt"; filename*=UTF-8''demo-county-plan-1.0.0-${encodeURIComponent('原文')}.txt`,
      )
      const text = await response.text()
      expect(text).toBe(MINIMAL_SOURCE)
      expect(sha256(text)).toBe(response.headers.get('x-source-sha256'))
    })

    it('answers a hostile policy id or version with a JSON 404 and no header of its making', async () => {
      for (const [id, version] of [
        ['demo"\r\nSet-Cookie: a=b', '1.0.0'],
        ['demo-county-plan', '1.0.0"; filename="evil.exe'],
        ['../../etc/passwd', '1.0.0'],
      ] as const) {
        const response = await author.get(
          `/api/policies/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}/source`,
        )
        expect(response.status).toBe(404)
        expect(response.headers.get('content-type')).toContain('application/json')
        expect(response.headers.get('content-disposition')).toBeNull()
        expect(response.headers.get('set-cookie')).toBeNull()
      }
    })
  })
})
