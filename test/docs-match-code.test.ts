/**
 * The README is part of the product: its API overview and its authoring guide must stay true at
 * every commit. These tests read the README and compare it with what the code actually serves
 * and accepts — a route added without its row, or a config field without its explanation, fails.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import policySchema from '../schemas/policy.schema.json' with { type: 'json' }
import { openApiDocument } from '../server/http/openapi.ts'
import { makeTestApp } from './helpers/test-app.ts'
import type { TestApp } from './helpers/test-app.ts'

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The text of one `## ` section of the README. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`)
  if (start < 0) throw new Error(`README has no section "## ${title}"`)
  const end = README.indexOf('\n## ', start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}

/** `/api/plans/:id/x` and `/api/plans/{planId}/x` both become `/api/plans/{}/x`. */
const normalize = (path: string) => path.replace(/:[A-Za-z]+/g, '{}').replace(/\{[^}]*\}/g, '{}')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** Every operation the OpenAPI description lists, as `METHOD /normalized/path`. */
function documentedOperations(): string[] {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${normalize(path)}`),
  )
}

/**
 * The routes the README's API table names. A cell holds `METHOD /path` tokens, and tokens that
 * continue the one before it (`…/versions/:version`, `…/runs/:year/review`) share its method
 * and take their prefix from the last full path that ends where the `…` picks up.
 */
function readmeRoutes(): Array<{ method: string; pattern: RegExp }> {
  const rows = section('API overview')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
  const routes: Array<{ method: string; pattern: RegExp }> = []
  for (const row of rows) {
    const cell = row.split(' | ')[0]!
    let method = ''
    for (const [, token] of cell.matchAll(/`([^`]+)`/g)) {
      const match = /^(?:(GET|POST|PUT|PATCH|DELETE) )?(…?\/[^\s?]*)/.exec(token!)
      if (!match) continue
      method = match[1] ?? method
      const path = normalize(match[2]!)
      const body = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\\?\}|\{\}/g, '\\{\\}')
      const pattern = path.startsWith('…')
        ? new RegExp(`^/api/.*${body.slice(1)}$`)
        : new RegExp(`^${body}$`)
      routes.push({ method, pattern })
    }
  }
  return routes
}

describe('the README and the OpenAPI description match the routes the app serves', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await makeTestApp()
  })
  afterAll(async () => {
    await t.db.destroy()
  })

  /** Every `/api` route of the real app, as `METHOD /normalized/path`. */
  const served = () => [
    ...new Set(
      t.app.routes
        .filter(
          (route) =>
            (METHODS as readonly string[]).includes(route.method) && !route.path.endsWith('*'),
        )
        .map((route) => `${route.method} ${normalize(route.path)}`),
    ),
  ]

  it('describes every route in OpenAPI, and every OpenAPI operation is served', () => {
    const documented = new Set(documentedOperations())
    expect(
      served().filter((route) => !documented.has(route)),
      'served but missing from server/http/openapi.ts',
    ).toEqual([])
    const serving = new Set(served())
    expect(
      [...documented].filter((operation) => !serving.has(operation)),
      'in OpenAPI but not served',
    ).toEqual([])
  })

  it('names every route in the README’s API overview', () => {
    const named = readmeRoutes()
    const missing = served().filter((route) => {
      const [method, path] = route.split(' ') as [string, string]
      return !named.some((entry) => entry.method === method && entry.pattern.test(path))
    })
    expect(missing, 'served but missing from the README’s API table').toEqual([])
  })
})

describe('the README’s authoring guide explains every config field', () => {
  /** Each property of the policy schema with the first path it was met at, following $refs. */
  function fields(): Map<string, string> {
    const defs = (policySchema as { $defs?: Record<string, unknown> }).$defs ?? {}
    const found = new Map<string, string>()
    const visited = new Set<string>()
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return
      const schema = node as Record<string, unknown>
      if (typeof schema.$ref === 'string') {
        const name = schema.$ref.split('/').pop()!
        if (visited.has(name)) return
        visited.add(name)
        return walk(defs[name], path)
      }
      for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
        (schema[key] as unknown[] | undefined)?.forEach((branch) => walk(branch, path))
      for (const key of ['then', 'else', 'items'] as const)
        walk(schema[key], key === 'items' ? `${path}/*` : path)
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        walk(schema.additionalProperties, `${path}/{}`)
      for (const [name, property] of Object.entries(
        (schema.properties as Record<string, unknown> | undefined) ?? {},
      )) {
        if (!found.has(name)) found.set(name, `${path}/${name}`)
        walk(property, `${path}/${name}`)
      }
    }
    walk(policySchema, '')
    return found
  }

  it('names each field in its code (a table row, a `{ … }` shape or a YAML example)', () => {
    const guide = section('Authoring guide')
    const code = [...guide.matchAll(/```[\s\S]*?```|`[^`]+`/g)].map((match) => match[0]).join('\n')
    const all = fields()
    expect(all.size).toBeGreaterThan(100)
    const missing = [...all]
      .filter(([name]) => !new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(code))
      .map(([, path]) => path)
    expect(missing, 'config fields the authoring guide never names').toEqual([])
  })
})

describe('the README explains every error code', () => {
  it('names each code the API can answer with in the API overview', async () => {
    const { ERROR_CODES } = await import('../server/errors.ts')
    const overview = section('API overview')
    expect(ERROR_CODES.filter((code) => !overview.includes(`\`${code}\``))).toEqual([])
  })

  it('names each config issue code in the authoring guide’s table of codes', async () => {
    const { ISSUE_CODES } = await import('../domain/compiler/config-issue.ts')
    const guide = section('Authoring guide')
    expect(
      ISSUE_CODES.filter(
        (code) => !guide.includes(`| \`${code}\``) && !guide.includes(` / \`${code}\``),
      ),
    ).toEqual([])
  })
})

describe('the README’s demo accounts are the accounts the seed creates', () => {
  interface Row {
    username: string
    who: string
    roles: string[]
  }

  /** The rows of the table under "Demo accounts (password `…` for all):". */
  function demoTable(): { password: string; rows: Row[] } {
    const quick = section('Quick start')
    const heading = /Demo accounts \(password `([^`]+)` for all\):\n\n/.exec(quick)
    if (!heading) throw new Error('README has no "Demo accounts (password `…` for all):" table')
    const after = quick.slice(heading.index + heading[0].length)
    const lines = after.slice(0, after.indexOf('\n\n')).split('\n').slice(2)
    const rows = lines.map((line) => {
      const [username = '', who = '', roles = ''] = line.replace(/^\| | \|$/g, '').split(' | ')
      return {
        username: username.replace(/`/g, ''),
        who,
        roles: roles
          .split(':')[0]!
          .split(',')
          .map((role) => role.trim()),
      }
    })
    return { password: heading[1]!, rows }
  }

  it('names only accounts that exist, each once, with its display name and roles', async () => {
    const { DEMO_PASSWORD, seedDemo } = await import('../server/bootstrap/seed-demo.ts')
    const t = await makeTestApp('2018-09-05T09:00:00+08:00')
    try {
      const accounts = await seedDemo(t, t.clock, 'policies')
      const byName = new Map(accounts.map((account) => [account.username, account]))
      const { password, rows } = demoTable()
      expect(password).toBe(DEMO_PASSWORD)
      expect(rows.length).toBeGreaterThan(0)
      const names = rows.map((row) => row.username)
      expect(
        names.filter((name, index) => names.indexOf(name) !== index),
        'listed twice',
      ).toEqual([])
      expect(
        names.filter((name) => !byName.has(name)),
        'listed but not created by the seed',
      ).toEqual([])
      for (const row of rows) {
        const account = byName.get(row.username)!
        expect(row.who, row.username).toBe(account.displayName)
        expect([...row.roles].sort(), row.username).toEqual([...account.roles].sort())
      }
    } finally {
      await t.db.destroy()
    }
  }, 60_000)
})

describe('the README’s quick start names the Node.js that runs luoshi', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { engines: { node: string } }
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')
  const quickStart = section('Quick start')

  it('states the Node.js that package.json’s engines accepts, and the one CI installs', () => {
    const lowest = /^>=(\d+\.\d+)$/.exec(manifest.engines.node)?.[1]
    expect(
      lowest,
      `engines.node is "${manifest.engines.node}"; the README states a lowest version`,
    ).toBeDefined()
    expect(quickStart).toContain(`${lowest} or later`)
    const installed = /npm install[^\n]*node@(\d+)/.exec(ci)?.[1]
    expect(
      installed,
      '.ci/run installs Node from the npm registry when the machine lacks it',
    ).toBeDefined()
    expect(quickStart).toContain(`Node.js ${installed}`)
    expect(quickStart).toContain(`node@${installed}`)
  })
})

describe('the docs name the settings the server reads', () => {
  /** Every `LUOSHI_…` variable named in server/ (tests aside). */
  function serverSettings(): string[] {
    const root = new URL('../server/', import.meta.url)
    const names = new Set<string>()
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
      const text = readFileSync(new URL(file, root), 'utf8')
      // Whole names only: `LUOSHI_S3_*` in a comment names a family, not a setting.
      for (const [name] of text.matchAll(/LUOSHI_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])/g)) names.add(name)
    }
    return [...names].sort()
  }

  it('names each in the README, by name or by its family (`LUOSHI_SMTP_*`)', () => {
    const families = [...README.matchAll(/`(LUOSHI_[A-Z0-9_]*_)\*`/g)].map((match) => match[1]!)
    const settings = serverSettings()
    expect(settings).toContain('LUOSHI_ATTACHMENTS')
    expect(
      settings.filter(
        (name) =>
          !README.includes(`\`${name}\``) &&
          !README.includes(`\`${name}=`) &&
          !families.some((family) => name.startsWith(family)),
      ),
    ).toEqual([])
  })

  it('lists every attachment store setting in docs/deployment.md and the README, each by name', () => {
    const deployment = readFileSync(new URL('../docs/deployment.md', import.meta.url), 'utf8')
    const store = serverSettings().filter(
      (name) => name === 'LUOSHI_ATTACHMENTS' || name.startsWith('LUOSHI_S3_'),
    )
    expect(store.length).toBeGreaterThan(5)
    expect(store.filter((name) => !deployment.includes(`\`${name}\``))).toEqual([])
    expect(store.filter((name) => !README.includes(`\`${name}\``))).toEqual([])
  })
})
