// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LsUserImport } from './user-import.component.ts'
import { passwordsCsv } from './passwords-csv.ts'
import './user-import.ts'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const row = (n: number, over: Record<string, unknown> = {}) => ({
  row: n,
  username: `user${n}`,
  displayName: `用户${n}`,
  units: ['县政府办'],
  roles: ['部门'],
  ok: true,
  issues: [],
  ...over,
})

const account = (n: number) => ({
  id: `u${n}`,
  username: `user${n}`,
  displayName: `用户${n}`,
  phone: null,
  email: null,
  roles: ['department'],
  regionId: null,
  units: [],
  active: true,
  mustChangePassword: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: null,
})

/** Answers the import requests in order, recording their paths; `/api/auth/me` gives a token. */
function server(...answers: Response[]) {
  const sent: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string | URL) => {
      if (String(path) === '/api/auth/me') return json({ csrfToken: 'csrf' })
      sent.push(String(path))
      return answers.shift() ?? json({})
    }),
  )
  return sent
}

async function mount() {
  const element: LsUserImport = document.createElement('ls-user-import')
  document.body.append(element)
  await element.updateComplete
  const root = element.shadowRoot!
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!
  Object.defineProperty(input, 'files', {
    value: [new File(['x'], '用户.xlsx')],
    configurable: true,
  })
  input.dispatchEvent(new Event('change'))
  await element.updateComplete
  return { element, root }
}

const button = (root: ShadowRoot, action: string) =>
  root.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-user-import', () => {
  it('links the template and shows the dry run row by row, with Import disabled while a row is bad', async () => {
    const sent = server(
      json({
        dryRun: true,
        rows: [
          row(3),
          row(4, {
            ok: false,
            units: ['不存在的单位'],
            issues: [
              {
                pointer: '/rows/4/单位',
                message: { zh: '没有名为「不存在的单位」的单位', en: 'x' },
              },
            ],
          }),
        ],
        created: [],
      }),
    )
    const { root } = await mount()
    expect(root.querySelector('a.template')!.getAttribute('href')).toBe(
      '/api/users/import/template',
    )
    expect(button(root, 'import').disabled).toBe(true)
    button(root, 'check').click()
    await vi.waitFor(() => expect(root.querySelector('tr[data-row="4"]')).not.toBeNull())
    expect(sent).toEqual(['/api/users/import?dryRun=true'])
    const bad = root.querySelector('tr[data-row="4"]')!.textContent
    expect(bad).toContain('用户4')
    expect(bad).toContain('user4')
    expect(bad).toContain('不存在的单位')
    expect(bad).toContain('部门')
    expect(bad).toContain('有问题')
    expect(bad).toContain('没有名为「不存在的单位」的单位')
    expect(root.querySelector('tr[data-row="3"]')!.textContent).toContain('可导入')
    expect(root.querySelector('[role=status]')!.textContent).toContain(
      '共 2 行：1 行可导入，1 行有问题',
    )
    expect(button(root, 'import').disabled).toBe(true)
  })

  it('imports after a clean dry run and shows each one-time password once, until closed', async () => {
    const sent = server(
      json({ dryRun: true, rows: [row(2), row(3)], created: [] }),
      json({
        dryRun: false,
        rows: [row(2), row(3)],
        created: [
          { user: account(2), initialPassword: 'Pw-two-xxxxxxxxxxxxxxxxx' },
          { user: account(3), initialPassword: '-Pw-three-xxxxxxxxxxxxxx' },
        ],
      }),
    )
    const { element, root } = await mount()
    const imported: unknown[] = []
    element.addEventListener('ls-users-imported', (event) => imported.push(event.detail.users))
    button(root, 'check').click()
    await vi.waitFor(() => expect(button(root, 'import').disabled).toBe(false))
    expect(button(root, 'import').textContent).toContain('导入 2 个用户')
    button(root, 'import').click()
    await vi.waitFor(() => expect(root.querySelectorAll('[data-secret]')).toHaveLength(2))
    expect(sent).toEqual(['/api/users/import?dryRun=true', '/api/users/import'])
    expect(root.querySelector('[part=created]')!.textContent).toContain('只显示这一次')
    expect(root.querySelector('tr[data-user=user3] [data-secret]')!.textContent).toBe(
      '-Pw-three-xxxxxxxxxxxxxx',
    )
    expect(imported).toEqual([[account(2), account(3)]])
    // The report is gone with the file: the same file cannot be imported twice by a click.
    expect(button(root, 'import').disabled).toBe(true)
    expect(root.querySelector('[part=created] .note')!.textContent).toContain("以 ' 开头")
    button(root, 'done').click()
    await vi.waitFor(() => expect(root.querySelector('[part=created]')).toBeNull())
    expect(root.textContent).not.toContain('Pw-two')
  })

  it('shows a refused import (422 import-rejected) by row', async () => {
    server(
      json({ dryRun: true, rows: [row(2)], created: [] }),
      json(
        {
          error: {
            code: 'import-rejected',
            message: { zh: '导入未执行：1 行有问题，未创建任何用户', en: 'x' },
            issues: [
              {
                pointer: '/rows/2/用户名',
                code: 'invalid-row',
                row: 2,
                column: '用户名',
                message: { zh: '用户名「user2」已被使用', en: 'x' },
              },
            ],
            dryRun: false,
            rows: [
              row(2, {
                ok: false,
                issues: [
                  {
                    pointer: '/rows/2/用户名',
                    message: { zh: '用户名「user2」已被使用', en: 'x' },
                  },
                ],
              }),
            ],
            created: [],
          },
        },
        422,
      ),
    )
    const { root } = await mount()
    button(root, 'check').click()
    await vi.waitFor(() => expect(button(root, 'import').disabled).toBe(false))
    button(root, 'import').click()
    await vi.waitFor(() => expect(root.querySelector('.refused')).not.toBeNull())
    const refused = root.querySelector('.refused')!.textContent
    expect(refused).toContain('导入未执行')
    expect(root.querySelector('.refused tr[data-row="2"]')!.textContent).toContain(
      '用户名「user2」已被使用',
    )
    expect(root.querySelector('[part=created]')).toBeNull()
  })

  it('shows a problem with the whole file from the dry run', async () => {
    server(
      json(
        {
          error: {
            code: 'import-rejected',
            message: { zh: '导入未执行：第 1 行应为表头，缺少列：用户名', en: 'x' },
            issues: [
              {
                pointer: '/file',
                code: 'bad-file',
                message: { zh: '第 1 行应为表头，缺少列：用户名', en: 'x' },
              },
            ],
            dryRun: true,
            rows: [],
            created: [],
          },
        },
        422,
      ),
    )
    const { root } = await mount()
    button(root, 'check').click()
    await vi.waitFor(() =>
      expect(root.querySelector('.refused li')?.textContent).toBe(
        '第 1 行应为表头，缺少列：用户名',
      ),
    )
    expect(button(root, 'import').disabled).toBe(true)
  })
})

describe('passwordsCsv', () => {
  it('quotes every cell and guards one a spreadsheet would take for a formula', () => {
    const { csv, guarded } = passwordsCsv([
      { user: { ...account(1), displayName: '=HYPERLINK("x")' }, initialPassword: 'Plain-pw' },
    ])
    expect(csv.startsWith('\uFEFF"姓名","用户名","一次性密码"\r\n')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""x"")","user1","Plain-pw"`)
    expect(guarded).toBe(false)
    expect(passwordsCsv([{ user: account(1), initialPassword: '-abc' }]).guarded).toBe(true)
  })
})
