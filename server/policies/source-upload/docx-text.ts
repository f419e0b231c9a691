/**
 * @module The text of a .docx, as the docx worker reads it: each part held to its declared size,
 * then mammoth's raw text (paragraphs separated by a blank line; headings, lists and table cells
 * as paragraphs). Runs in a worker process (`docx-worker.ts`); the server checks the zip's
 * directory before it sends the bytes here.
 */
import mammoth from 'mammoth'
import { checkDocxDirectory, unreadable, verifyDocxEntries } from './inspect-docx.ts'
import type { DocxFailure } from './inspect-docx.ts'

/** The text, or why there is none. */
export type DocxText = { ok: true; text: string } | DocxFailure

/** Reads the text of a .docx whose directory passed {@link checkDocxDirectory}. */
export async function extractDocxText(bytes: Uint8Array): Promise<DocxText> {
  const directory = checkDocxDirectory(bytes)
  if (!directory.ok) return directory
  const problem = verifyDocxEntries(bytes, directory.entries)
  if (problem) return problem
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const result = await mammoth.extractRawText({ buffer })
    return { ok: true, text: result.value }
  } catch {
    return unreadable()
  }
}
