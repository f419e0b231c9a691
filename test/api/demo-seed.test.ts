/** `npm start`'s demo: loads once, and a second start on the same data adds nothing. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../server/bootstrap/seed-demo.js'
import { makeTestApp } from '../helpers/test-app.js'

describe('the demo seed', () => {
  it('publishes the bundled policies, starts a plan per region, creates accounts, and is idempotent', async () => {
    const t = await makeTestApp('2018-09-05T09:00:00+08:00')
    const accounts = await seedDemo(t.db, t.clock, 'policies')
    expect(accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', 'author', 'pingnan.county-finance-bureau', 'meishan.dongpo-healthcare-security-bureau']))
    const count = async () => ({
      plans: (await t.db.selectFrom('plan').select('id').execute()).length,
      versions: (await t.db.selectFrom('policy_version').select('id').execute()).length,
      users: (await t.db.selectFrom('app_user').select('id').execute()).length,
      tasks: (await t.db.selectFrom('task').select('id').execute()).length,
    })
    const first = await count()
    expect(first.plans).toBe(3)
    expect(first.versions).toBe(3)
    await seedDemo(t.db, t.clock, 'policies')
    expect(await count()).toEqual(first)
  }, 60_000)

  it('keeps the published version when a bundled file changed without a new version number', async () => {
    const t = await makeTestApp('2018-09-05T09:00:00+08:00')
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-policies-'))
    cpSync('policies/pingnan', join(folder, 'pingnan'), { recursive: true })
    await seedDemo(t.db, t.clock, folder)
    const file = join(folder, 'pingnan', 'medical-alliance-2018.yaml')
    const original = readFileSync(file, 'utf8')
    const edited = original.replace('summary: >-', 'summary: >-\n    （修订）')
    expect(edited).not.toBe(original)
    writeFileSync(file, edited)
    await expect(seedDemo(t.db, t.clock, folder)).resolves.toBeDefined()
    expect((await t.db.selectFrom('policy_version').select('id').execute()).length).toBe(1)
  }, 60_000)
})
