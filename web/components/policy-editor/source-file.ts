/**
 * @module Files from the author's disk: a YAML config read in the browser as strict UTF-8, and a
 * source document sent to `POST /api/policies/source-text`, which reads a .txt or .md as UTF-8
 * and converts a .docx to text, and answers the text with its size and sha256 — shown under the
 * source text while it is the file's.
 */
import { html, nothing } from 'lit'
import { call, client, uploadHeaders } from '../../api.ts'
import { fill, t } from '../../i18n.ts'
import type { SourceTextUpload } from '../../../schemas/api/responses.schema.ts'

/** What the editor shows of the source document it was given as a file. */
export type SourceFile = Omit<SourceTextUpload, 'text'>

/** The file types the source upload accepts, for the file picker. */
export const SOURCE_ACCEPT =
  '.txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * A YAML file's text: strict UTF-8, its BOM removed.
 * @returns undefined when the file is not UTF-8
 */
export async function readYamlFile(file: File): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
  } catch {
    return undefined
  }
}

/**
 * Reads a source document through the server.
 * @throws {ApiError} with the server's message (413, 415, 422 with an issue at `/file`)
 */
export async function uploadSourceFile(file: File): Promise<SourceTextUpload> {
  const headers = await uploadHeaders(file, file.type || 'application/octet-stream')
  return call(client.policies['source-text'].$post({}, { headers, init: { body: file } }), {
    zh: '原文文件读取失败',
    en: 'The source file could not be read',
  })
}

/** A size as people read it: `980 B`, `12.3 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The name, size, length and sha256 of the file the source text was read from. */
export function renderSourceFile(file: SourceFile | undefined) {
  if (!file) return nothing
  return html`<dl class="source-file" aria-label=${t('peSourceFile')}>
    <dt>${t('peSourceFile')}</dt><dd><strong>${file.fileName}</strong> · ${formatBytes(file.bytes)} · ${fill(t('peSourceChars'), { n: file.characters })}</dd>
    <dt>${t('peSourceHash')}</dt><dd><code class="hash">${file.sourceHash}</code></dd>
  </dl>`
}
