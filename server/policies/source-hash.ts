/** @module The fingerprint of a version's source document: sha256 of its normalized text. */
import { createHash } from 'node:crypto'
import { normalizeSourceText } from '../../domain/source-text/normalize-source.ts'

/**
 * The sha256 (hex) of the source text as stored: normalized first, so a BOM or CRLF line endings
 * do not make a second identity for one document.
 */
export function sourceHash(text: string): string {
  return createHash('sha256').update(normalizeSourceText(text), 'utf8').digest('hex')
}
