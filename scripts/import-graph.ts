/**
 * Prints the folder-level import graph of server/, domain/, web/ and schemas/: each folder that
 * imports another, how many imports, the pairs importing each other both ways, and any import
 * cycle between files. `test/architecture.test.ts` asserts the same graph's shape.
 *
 *   node scripts/import-graph.ts          (Node 22.18+; on Node 20: npx tsx scripts/import-graph.ts)
 *   node scripts/import-graph.ts --files  (also list every file-level edge between folders)
 */
import { fileURLToPath } from 'node:url'
import { fileCycles, folderEdges, folderOf, formatFolderGraph } from './import-graph/folder-graph.ts'
import { readImports } from './import-graph/read-imports.ts'

const repo = fileURLToPath(new URL('..', import.meta.url))
const edges = readImports(repo)
const lines = [formatFolderGraph(folderEdges(edges))]
const cycles = fileCycles(edges)
lines.push(`file cycles (${cycles.length})${cycles.length ? ':' : ': none'}`, ...cycles.map((cycle) => `  ${cycle.join(' → ')}`))
if (process.argv.includes('--files')) {
  lines.push('', 'file edges between folders:')
  for (const edge of edges) {
    if (folderOf(edge.from) !== folderOf(edge.to)) lines.push(`  ${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`)
  }
}
console.log(lines.join('\n'))
