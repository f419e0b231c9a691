/** Publishing versions: validation with lines, immutability, content hashes, the semantic diff. */
import { readFileSync } from 'node:fs'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const yaml = readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8')
const sourceText = readFileSync('policies/meishan/source.txt', 'utf8')

describe('POST /api/policies', () => {
  let t: TestApp
  let author: Client

  beforeAll(async () => {
    t = await makeTestApp('2020-08-01T09:00:00+08:00')
    author = await loginAs(t, 'author', { roles: ['author'] })
  })

  it('validates a draft and lists every issue with its line', async () => {
    const broken = yaml.replace('weight: 20', 'weight: 25')
    const body = await (
      await author.post('/api/policies/validate', { yaml: broken, sourceText })
    ).json()
    expect(body.ok).toBe(false)
    expect(body.issues[0]).toMatchObject({
      code: 'weights-mismatch',
      pointer: '/assessments/0/totalScore',
    })
    expect(body.issues[0].line).toBeGreaterThan(1)
  })

  it('refuses to publish an invalid config (422, with the issues) and stores nothing', async () => {
    const response = await author.post('/api/policies', {
      yaml: yaml.replace('weight: 20', 'weight: 25'),
      sourceText,
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.code).toBe('invalid-config')
    expect(await t.db.selectFrom('policy_version').selectAll().execute()).toEqual([])
  })

  it('refuses to publish a config whose policy tests fail, naming each at its line', async () => {
    const broken = yaml.replace('          total: 99.5\n', '          total: 98.5\n')
    expect(broken).not.toBe(yaml)
    const response = await author.post('/api/policies', { yaml: broken, sourceText })
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as {
      error: {
        code: string
        message: { zh: string }
        issues: Array<{ code: string; pointer: string; line: number; message: { zh: string } }>
      }
    }
    expect(error.code).toBe('invalid-config')
    expect(error.message.zh).toBe('1 项考核测试未通过，未发布。')
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'policy-test-failed', pointer: '/assessments/0/tests/0' }),
    ])
    expect(broken.split('\n')[error.issues[0]!.line - 1]).toContain('2021 年各项恰好达标（优秀）')
    expect(error.issues[0]!.message.zh).toContain('总分应为 98.5，实为 99.5')
    expect(await t.db.selectFrom('policy_version').selectAll().execute()).toEqual([])
  })

  it('publishes a version once: the same text again returns it, a different text under its number is refused', async () => {
    const first = await author.post('/api/policies', { yaml, sourceText })
    expect(first.status).toBe(201)
    const again = await author.post('/api/policies', { yaml, sourceText })
    expect(again.status).toBe(200)
    expect((await again.json()).created).toBe(false)
    const edited = yaml.replace(
      'title: 关于推进紧密型县域医共体医疗保障管理改革的工作方案',
      'title: 关于推进紧密型县域医共体医疗保障管理改革的工作方案（修订）',
    )
    const clash = await author.post('/api/policies', { yaml: edited, sourceText })
    expect(clash.status).toBe(409)
  })

  it('diffs two versions by what changes for a running plan', async () => {
    // 4 points per step instead of 3 — and the policy test it moves, updated with it (a version
    // whose tests fail is not published).
    const revised = yaml
      .replace(/^ {2}version: 1\.1\.0$/m, '  version: 1.2.0')
      .replace(
        '            step: 1\n            points: 3\n',
        '            step: 1\n            points: 4\n',
      )
      .replace(
        '            county-visit-rate: 4\n            cost-control: 6\n',
        '            county-visit-rate: 2\n            cost-control: 6\n',
      )
      .replace(
        '          total: 60\n          grade: pass\n',
        '          total: 58\n          grade: fail\n',
      )
      // The cases of a started step: 0.01 and 0.5 short now cost 4 points each.
      .replace(
        '            county-visit-rate: 7\n            cost-control: 9\n',
        '            county-visit-rate: 6\n            cost-control: 9\n',
      )
      .replace('          total: 102\n', '          total: 101\n')
      .replace(
        '            county-visit-rate: 7\n            day-surgery: 9\n',
        '            county-visit-rate: 6\n            day-surgery: 9\n',
      )
      .replace('          total: 95.5\n', '          total: 94.5\n')
    const published = await author.post('/api/policies', { yaml: revised, sourceText })
    expect(published.status, await published.clone().text()).toBe(201)
    const diff = await (
      await author.get('/api/policies/meishan-medical-community-insurance/diff?from=1.1.0&to=1.2.0')
    ).json()
    expect(diff.from).toBe('1.1.0')
    expect(diff.to).toBe('1.2.0')
    expect(diff.responsibilities).toEqual({ added: [], removed: [], changed: [] })
    const [change] = diff.scoring.changed
    expect(change.name).toBe('县域内就诊率')
    expect(change.fields[0].field).toBe('measures')
    expect(change.fields[0].from[0].points).toBe(3)
    expect(change.fields[0].to[0].points).toBe(4)
    const versions = await (
      await author.get('/api/policies/meishan-medical-community-insurance/versions')
    ).json()
    expect(versions.versions.map((v: { version: string }) => v.version)).toEqual(['1.2.0', '1.1.0'])
  })

  it('keeps the change note given when publishing with the version, and lists it', async () => {
    const revised = yaml
      .replace(/^ {2}version: 1\.1\.0$/m, '  version: 1.3.0')
      .replace(
        'title: 关于推进紧密型县域医共体医疗保障管理改革的工作方案',
        'title: 关于推进紧密型县域医共体医疗保障管理改革的工作方案（第三版）',
      )
    const tooLong = await author.post('/api/policies', {
      yaml: revised,
      sourceText,
      note: 'x'.repeat(2001),
    })
    expect(tooLong.status).toBe(400)
    expect(
      (await tooLong.json()).error.issues.map((issue: { pointer: string }) => issue.pointer),
    ).toEqual(['/note'])
    const published = await author.post('/api/policies', {
      yaml: revised,
      sourceText,
      note: '  标题加注第三版，供核对  ',
    })
    expect(published.status, await published.clone().text()).toBe(201)
    expect((await published.json()).version.note).toBe('标题加注第三版，供核对')
    const { versions } = await (
      await author.get('/api/policies/meishan-medical-community-insurance/versions')
    ).json()
    expect(
      versions.map((v: { version: string; note: string | null }) => [v.version, v.note]),
    ).toEqual([
      ['1.3.0', '标题加注第三版，供核对'],
      ['1.2.0', null],
      ['1.1.0', null],
    ])
    const one = await (
      await author.get('/api/policies/meishan-medical-community-insurance/versions/1.3.0')
    ).json()
    expect(one.note).toBe('标题加注第三版，供核对')
  })

  it('lets only authors publish', async () => {
    const department = await loginAs(t, 'dept', { roles: ['department'] })
    expect((await department.post('/api/policies', { yaml, sourceText })).status).toBe(403)
  })

  it('serves an OpenAPI description built from the same schemas', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(
      doc.paths['/api/tasks/{id}/events'].post.requestBody.content['application/json'].schema
        .properties.type.enum,
    ).toContain('RESUBMIT')
    expect(doc.components.schemas.PolicyConfig.properties.assessments).toBeDefined()
  })
})
