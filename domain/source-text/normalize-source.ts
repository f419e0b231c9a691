/**
 * @module The one spelling of a source document that is checked, stored and hashed: without a
 * byte order mark, with `\n` line endings. The same document saved on Windows (CRLF, a BOM) and
 * on a Mac is one document, with one `sourceHash`; the text a version's download gives is this
 * text, so its sha256 is the version's `sourceHash`.
 */

/**
 * The normalized text: a leading U+FEFF removed, CRLF and lone CR turned into LF. Nothing else
 * changes — quotes are matched against the words as written.
 * @example normalizeSourceText('\uFEFF第一条\r\n') // '第一条\n'
 */
export function normalizeSourceText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}
