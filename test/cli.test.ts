/** The `luoshi` command, run as a user runs it: a child process with real files. */
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { MINIMAL_POLICY, MINIMAL_SOURCE, lineOf, withReplaced } from './helpers/minimal-policy.ts'

const run = promisify(execFile)

async function luoshi(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/luoshi.js', ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function writePolicy(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'luoshi-cli-'))
  writeFileSync(join(folder, 'source.txt'), MINIMAL_SOURCE)
  writeFileSync(join(folder, 'plan.yaml'), text)
  return join(folder, 'plan.yaml')
}

describe('luoshi validate', () => {
  it('exits 0 and says so for a valid config', async () => {
    const result = await luoshi('validate', writePolicy(MINIMAL_POLICY))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('0 error(s), 0 warning(s) in 1 file(s)')
  })

  it('prints every error with file:line:col, code, pointer and both languages, and exits 1', async () => {
    let text = withReplaced('lead: [finance-bureau]', 'lead: [finance-bureu]')
    text = withReplaced('weight: 60', 'weight: 50', text)
    const file = writePolicy(text)
    const result = await luoshi('validate', file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`plan.yaml:${lineOf(text, 'lead: [finance-bureu]')}:`)
    expect(result.stdout).toContain('error  unknown-reference  /responsibilities/2/lead/0')
    expect(result.stdout).toContain('是否想写「finance-bureau」')
    expect(result.stdout).toContain('Did you mean "finance-bureau"?')
    expect(result.stdout).toContain('weights-mismatch')
    expect(result.stdout).toContain('2 error(s)')
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/) // never a stack trace
  })

  it('reports a YAML syntax error the same way', async () => {
    const text = withReplaced('  version: 1.0.0\n', '  version: [1.0.0\n')
    const result = await luoshi('validate', writePolicy(text))
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/plan\.yaml:\d+:\d+ {2}error {2}yaml-syntax/)
  })

  it('reports a missing file as an issue, not a crash', async () => {
    const result = await luoshi('validate', '/nonexistent/plan.yaml')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('无法读取配置文件')
  })

  it('prints JSON with --json', async () => {
    const result = await luoshi(
      'validate',
      writePolicy(withReplaced('weight: 60', 'weight: 50')),
      '--json',
    )
    const [report] = JSON.parse(result.stdout) as Array<{
      ok: boolean
      issues: Array<{ code: string; line: number }>
    }>
    expect(report!.ok).toBe(false)
    expect(report!.issues.map((issue) => issue.code)).toEqual(['weights-mismatch'])
  })
})

describe('luoshi explain', () => {
  it('summarises units, phases with resolved dates, duties per unit, indicators, assessments and coverage', async () => {
    const result = await luoshi('explain', writePolicy(MINIMAL_POLICY))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      '制定方案  [drafting]  2018年4月上旬 → 2018-04-01 至 2018-04-10',
    )
    expect(result.stdout).toContain(
      '每个季度最后一个月上旬 → 2 期 2018-Q3: 2018-09-01~2018-09-10, 2018-Q4: 2018-12-01~2018-12-10',
    )
    expect(result.stdout).toContain('[牵头] 统筹落实补助资金  时限未规定（文件未规定完成时限）')
    expect(result.stdout).toContain('县域内就诊率 (%) ↑  2020 >= 90')
    expect(result.stdout).toContain('等次 合格: ≥60 <90')
    expect(result.stdout).toMatch(/条款覆盖 Clause coverage: \d+\/\d+/)
  })

  it('exits 1 with the issues when the config is broken', async () => {
    const result = await luoshi('explain', writePolicy(withReplaced('weight: 60', 'weight: 50')))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('weights-mismatch')
  })
})

describe('luoshi test', () => {
  const MEISHAN = 'policies/meishan/medical-community-insurance-2020.yaml'

  /** A copy of the Meishan config (with its source document) edited by `edit`. */
  function editedMeishan(edit: (text: string) => string): { file: string; text: string } {
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-cli-'))
    writeFileSync(join(folder, 'source.txt'), readFileSync('policies/meishan/source.txt'))
    const text = edit(readFileSync(MEISHAN, 'utf8'))
    writeFileSync(join(folder, 'meishan.yaml'), text)
    return { file: join(folder, 'meishan.yaml'), text }
  }

  it('runs the Meishan policy tests, each with its line, and exits 0', async () => {
    const result = await luoshi('test', MEISHAN)
    expect(result.code).toBe(0)
    expect(result.stdout.match(/^✓ /gm)).toHaveLength(9)
    expect(result.stdout).toContain(
      `✓ ${MEISHAN}:${lineOf(readFileSync(MEISHAN, 'utf8'), '- name: 2021 年各项恰好达标（优秀）')}  reform-assessment`,
    )
    expect(result.stdout).toContain('(72 分 良好)')
    expect(result.stdout).toContain('✓ 8/8 个用例通过 / 8 of 8 policy test(s) passed in 1 file(s)')
  })

  it('prints ✗ at the line of a case that fails, with what came out and why, and exits 1', async () => {
    const { file, text } = editedMeishan((yaml) =>
      withReplaced('          total: 72\n', '          total: 73\n', yaml),
    )
    const result = await luoshi('test', file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `✗ ${relative(process.cwd(), file)}:${lineOf(text, '- name: 2021 年扣分封顶与 DRG 加分（良好）')}  reform-assessment`,
    )
    expect(result.stdout).toContain('总分应为 73，实为 72')
    expect(result.stdout).toContain('The total should be 73, is 72')
    expect(result.stdout).toContain('✗ 7/8 个用例通过')
  })

  it('prints JSON with --json', async () => {
    const result = await luoshi('test', MEISHAN, '--json')
    expect(result.code).toBe(0)
    const [report] = JSON.parse(result.stdout) as Array<{
      ok: boolean
      tests: Array<{
        passed: boolean
        line: number
        pointer: string
        total: string | null
        grade: string | null
      }>
    }>
    expect(report!.ok).toBe(true)
    expect(report!.tests).toHaveLength(8)
    expect(report!.tests.every((test) => test.passed && test.line > 0)).toBe(true)
    expect(report!.tests[1]).toMatchObject({
      pointer: '/assessments/0/tests/1',
      total: '72',
      grade: 'good',
    })
  })

  it('exits 1 with the issues when the config is invalid', async () => {
    const result = await luoshi('test', writePolicy(withReplaced('weight: 60', 'weight: 50')))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('weights-mismatch')
    expect(result.stdout).toContain('1 error(s)')
  })
})

describe('the luoshi command in node_modules/.bin (postinstall: scripts/link-bin.mjs)', () => {
  const LINK_BIN = resolve('scripts/link-bin.mjs')

  /**
   * A package root as `npm ci` leaves it before postinstall: package.json, bin/luoshi.js (a link
   * to the real one, so its imports resolve in this checkout) and a node_modules folder.
   */
  function freshInstall(): string {
    const root = mkdtempSync(join(tmpdir(), 'luoshi-install-'))
    copyFileSync('package.json', join(root, 'package.json'))
    mkdirSync(join(root, 'bin'))
    symlinkSync(resolve('bin/luoshi.js'), join(root, 'bin', 'luoshi.js'))
    mkdirSync(join(root, 'node_modules'))
    return root
  }

  const linkBin = async (root: string) => run(process.execPath, [LINK_BIN, root])

  it('runs after every npm install and npm ci', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>
      bin: Record<string, string>
    }
    expect(pkg.scripts.postinstall).toBe('node scripts/link-bin.mjs')
    expect(pkg.bin.luoshi).toBe('bin/luoshi.js')
  })

  it('links node_modules/.bin/luoshi to bin/luoshi.js, idempotently, and the link runs `luoshi --help`', async () => {
    const root = freshInstall()
    await linkBin(root)
    const second = await linkBin(root)
    expect(second.stdout).toBe('') // already linked: nothing to do
    const link = join(root, 'node_modules', '.bin', 'luoshi')
    expect(readlinkSync(link)).toBe(join('..', '..', 'bin', 'luoshi.js'))
    const { stdout } = await run(link, ['--help'], {
      env: {
        ...process.env,
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      },
    })
    expect(stdout).toContain('luoshi validate <file.yaml…>')
  })

  it('replaces a stale entry rather than writing through it', async () => {
    const root = freshInstall()
    mkdirSync(join(root, 'node_modules', '.bin'))
    const shared = join(root, 'shared-file')
    writeFileSync(shared, 'another checkout')
    // npm's own links may be hard links shared between checkouts: writing into one would change both.
    symlinkSync(shared, join(root, 'node_modules', '.bin', 'luoshi'))
    await linkBin(root)
    expect(readFileSync(shared, 'utf8')).toBe('another checkout')
    expect(readlinkSync(join(root, 'node_modules', '.bin', 'luoshi'))).toBe(
      join('..', '..', 'bin', 'luoshi.js'),
    )
  })

  it('never fails the install: a problem is a warning and exit code 0', async () => {
    const root = freshInstall()
    writeFileSync(join(root, 'node_modules', '.bin'), 'not a folder')
    const result = await linkBin(root)
    expect(result.stderr).toContain('link-bin: could not link')
    expect(lstatSync(join(root, 'node_modules', '.bin')).isFile()).toBe(true)
  })

  it('does nothing where it is installed as a dependency', async () => {
    const project = mkdtempSync(join(tmpdir(), 'luoshi-consumer-'))
    const root = join(project, 'node_modules', 'luoshi')
    mkdirSync(join(root, 'node_modules'), { recursive: true })
    copyFileSync('package.json', join(root, 'package.json'))
    const result = await linkBin(root)
    expect(result.stdout + result.stderr).toBe('')
    expect(() => lstatSync(join(root, 'node_modules', '.bin'))).toThrow()
  })
})
