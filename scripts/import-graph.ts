/**
 * Prints the folder-level import graph of server/, domain/, web/ and schemas/: each folder that
 * imports another, how many imports, the pairs importing each other both ways, and any import
 * cycle between files. `test/architecture.test.ts` asserts the same graph's shape.
 *
 *   node scripts/import-graph.ts                 (this checkout)
 *   node scripts/import-graph.ts --files         (also list every file-level edge between folders)
 *   node scripts/import-graph.ts --repo <folder> (another checkout, e.g. a `git worktree` of an
 *                                                 older commit, to compare the graph before a change)
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  fileCycles,
  folderEdges,
  folderOf,
  formatFolderGraph,
} from './import-graph/folder-graph.ts'
import { readImports } from './import-graph/read-imports.ts'

const repoArgument = process.argv.indexOf('--repo')
const repo =
  repoArgument > 0 && process.argv[repoArgument + 1]
    ? resolve(process.argv[repoArgument + 1]!)
    : fileURLToPath(new URL('..', import.meta.url))
const edges = readImports(repo)
const lines = [formatFolderGraph(folderEdges(edges))]
const cycles = fileCycles(edges)
lines.push(
  `file cycles (${cycles.length})${cycles.length ? ':' : ': none'}`,
  ...cycles.map((cycle) => `  ${cycle.join(' → ')}`),
)
if (process.argv.includes('--files')) {
  lines.push('', 'file edges between folders:')
  for (const edge of edges) {
    if (folderOf(edge.from) !== folderOf(edge.to))
      lines.push(`  ${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`)
  }
}
console.log(lines.join('\n'))
