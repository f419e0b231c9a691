/**
 * @module Names for the statements a server sends over and over (prepared-query.ts), so that
 * PostgreSQL parses and plans each once per connection instead of on every run. An unnamed
 * statement is parsed, analysed and planned each time it is sent: for the dozen small statements
 * of an event that was most of the server's CPU per request. Only the fixed shapes of prepared
 * queries are named: a name lives as long as its connection, and a query whose text varies (`in`
 * a list) would leave a new one behind for every length.
 */

const names = new Map<string, string>()

/** Gives `sql` a name of its own (once; the same text keeps its name). */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `luoshi_${names.size + 1}`)
}

/** The name given to `sql`, or undefined for a statement sent unnamed. */
export function statementName(sql: string): string | undefined {
  return names.get(sql)
}
