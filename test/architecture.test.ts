/**
 * The shape of the import graph of server/, domain/, web/ and schemas/, read from the source
 * (scripts/import-graph/read-imports.ts; `node scripts/import-graph.ts` prints it). A failure
 * prints the folder graph, so the edge to remove is in the message.
 */
import { fileURLToPath } from 'node:url'
import {
  fileCycles,
  folderEdges,
  folderOf,
  formatFolderGraph,
  twoWayPairs,
} from '../scripts/import-graph/folder-graph.ts'
import { importSpecifiers, readImports } from '../scripts/import-graph/read-imports.ts'
import type { ImportEdge } from '../scripts/import-graph/read-imports.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))

/**
 * Feature folders of server/ allowed to import each other both ways, each with its reason. Every
 * other pair imports one way only (a pair listed here that no longer needs it fails the test, so
 * the list only shrinks).
 */
const TWO_WAY_ALLOWED: Record<string, string> = {
  // http/ holds the middleware every route mounts, and authenticate.ts reads sessions and users
  // from auth/; auth's own routes (login, logout) mount that middleware like any other route.
  'server/auth↔server/http':
    'the authentication middleware reads auth/ sessions; auth routes use the middleware',
  // Migrations are frozen once merged. 2026_12_06_1000_create_attachment_ref backfills references
  // by reading each version's forms through the application's model, which needs db/'s types.
  'server/attachments↔server/db': 'a merged migration backfills through attachment-fields.ts',
  'server/db↔server/plan-model': 'a merged migration backfills through the plan model',
}

describe('the import graph', () => {
  const edges = readImports(REPO)
  const folders = folderEdges(edges)
  const graph = () => `\n${formatFolderGraph(folders)}\n`

  it('is read from the source', () => {
    // A graph that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(500)
    expect(edges).toContainEqual({
      from: 'server/app.ts',
      to: 'server/tasks/routes.ts',
      typeOnly: false,
    })
  })

  it('has no import cycle between files', () => {
    const cycles = fileCycles(edges)
    expect(
      cycles.map((cycle) => cycle.join(' → ')),
      graph(),
    ).toEqual([])
  })

  it('has no two feature folders of server/ importing each other both ways, but the allowed', () => {
    const features = folders.filter((edge) => isFeature(edge.from) && isFeature(edge.to))
    expect(twoWayPairs(features), graph()).toEqual(Object.keys(TWO_WAY_ALLOWED).sort())
  })

  it('has no two folders of domain/ importing each other both ways', () => {
    const domain = folders.filter(
      (edge) => edge.from.startsWith('domain/') && edge.to.startsWith('domain/'),
    )
    expect(twoWayPairs(domain), graph()).toEqual([])
  })

  it('keeps domain/ free of server/ and web/ (it runs on both sides)', () => {
    const leaks = edges.filter(
      (edge) => edge.from.startsWith('domain/') && /^(server|web)\//.test(edge.to),
    )
    expect(leaks.map(describeEdge), graph()).toEqual([])
  })

  it('lets web/ import server/ only as types (nothing of the server is bundled)', () => {
    const leaks = edges.filter(
      (edge) => edge.from.startsWith('web/') && edge.to.startsWith('server/') && !edge.typeOnly,
    )
    expect(leaks.map(describeEdge), graph()).toEqual([])
  })
})

describe('the import reader', () => {
  it('reads every form of import, and only imports', () => {
    const text = [
      `import { a } from './a.ts'`,
      `import type { B } from './b.ts'`,
      `import './c.ts'`,
      `export { d } from './d.ts'`,
      `export type { E } from './e.ts'`,
      `const f = await import('./f.ts')`,
      `let g: import('./g.ts').G`,
      `// import { h } from './h.ts'`,
      "const i = `import { i } from './i.ts'`",
      `import { type J } from './j.ts'`,
    ].join('\n')
    expect(importSpecifiers('x.ts', text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './d.ts', typeOnly: false },
      { specifier: './e.ts', typeOnly: true },
      { specifier: './f.ts', typeOnly: false },
      { specifier: './g.ts', typeOnly: true },
      // Inline `type` keeps the import (verbatimModuleSyntax): it loads the module.
      { specifier: './j.ts', typeOnly: false },
    ])
  })

  it('finds a cycle and a two-way pair when there is one', () => {
    const looped: ImportEdge[] = [
      { from: 'server/a/x.ts', to: 'server/b/y.ts', typeOnly: false },
      { from: 'server/b/y.ts', to: 'server/b/z.ts', typeOnly: false },
      { from: 'server/b/z.ts', to: 'server/a/x.ts', typeOnly: true },
    ]
    expect(fileCycles(looped)).toEqual([
      ['server/a/x.ts', 'server/b/y.ts', 'server/b/z.ts', 'server/a/x.ts'],
    ])
    expect(twoWayPairs(folderEdges(looped))).toEqual(['server/a↔server/b'])
  })
})

/** A folder under server/ (server/tasks), not the root with app.ts, errors.ts and ids.ts. */
function isFeature(folder: string): boolean {
  return folder.startsWith('server/')
}

function describeEdge(edge: ImportEdge): string {
  return `${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''} [${folderOf(edge.from)} → ${folderOf(edge.to)}]`
}
