/**
 * @module Reads the import graph of the source: every relative `import … from '…'`,
 * `export … from '…'`, `import '…'` and `import('…')` of every `.ts` file under the given
 * folders, resolved to the file it loads, and whether it is erased at runtime (`import type`,
 * `export type`, a type-position `import('…').X`). TypeScript's own parser reads the files, so a
 * specifier inside a string, a comment or a template is never taken for an import.
 * Shared by `scripts/import-graph.ts` (prints the graph) and `test/architecture.test.ts`
 * (asserts its shape).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** One import of one file by another, as paths relative to the repository root (`/`-separated). */
export interface ImportEdge {
  from: string
  to: string
  /** Erased at runtime: `import type`, `export type`, or `import('…')` in a type position. */
  typeOnly: boolean
}

/** The folders whose source makes up the application (tests under test/ are not part of it). */
export const SOURCE_ROOTS = ['server', 'domain', 'web', 'schemas'] as const

/** Test files import what they test; they are not part of the architecture the graph shows. */
const isSource = (file: string) =>
  file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts')

/** Every source `.ts` file under `roots`, relative to `repo`. */
export function sourceFiles(repo: string, roots: readonly string[] = SOURCE_ROOTS): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (isSource(name)) files.push(toPosix(relative(repo, path)))
    }
  }
  for (const root of roots) if (existsSync(join(repo, root))) walk(join(repo, root))
  return files
}

/** The specifiers one file's text imports, with whether each is erased at runtime. */
export function importSpecifiers(
  fileName: string,
  text: string,
): Array<{ specifier: string; typeOnly: boolean }> {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  )
  const found: Array<{ specifier: string; typeOnly: boolean }> = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly === true,
      })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly })
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true })
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments
      if (argument && ts.isStringLiteralLike(argument))
        found.push({ specifier: argument.text, typeOnly: false })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * The import graph of the files under `roots`: one edge per relative import that resolves to a
 * file of the repository. Package imports (`hono`, `node:fs`) are not edges.
 */
export function readImports(repo: string, roots: readonly string[] = SOURCE_ROOTS): ImportEdge[] {
  const edges: ImportEdge[] = []
  for (const file of sourceFiles(repo, roots)) {
    const text = readFileSync(join(repo, file), 'utf8')
    for (const { specifier, typeOnly } of importSpecifiers(file, text)) {
      if (!specifier.startsWith('.')) continue
      const target = resolveSpecifier(repo, file, specifier)
      if (target) edges.push({ from: file, to: target, typeOnly })
    }
  }
  return edges
}

/** The repository file a relative specifier loads, or undefined when none does. */
function resolveSpecifier(repo: string, from: string, specifier: string): string | undefined {
  const base = resolve(repo, dirname(from), specifier)
  // `./x.js` naming `./x.ts` is how older checkouts of this repository wrote their imports.
  const typescript = base.endsWith('.js') ? [`${base.slice(0, -3)}.ts`] : []
  for (const candidate of [base, ...typescript, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile())
      return toPosix(relative(repo, candidate))
  }
  return undefined
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
