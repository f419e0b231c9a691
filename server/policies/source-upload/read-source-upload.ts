/**
 * @module An uploaded source document read as text, for `POST /api/policies/source-text`: a
 * `.txt` or `.md` file decoded as strict UTF-8 (a BOM removed), a `.docx` converted to text in a
 * docx worker (heap and time limits) after its zip directory passed `inspect-docx.ts`. The size
 * is checked before anything is decoded or unpacked; every refusal is a 4xx with an issue at
 * `/file` that says what to do: 413 for a file that is, unpacks or reads too large, 415 for a
 * type not accepted, 422 `import-rejected` for a file that cannot be read.
 */
import { normalizeSourceText } from '../../../domain/source-text/normalize-source.ts'
import { utf8Length } from '../../../domain/compiler/config-issue.ts'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import { AppError } from '../../errors.ts'
import { WorkerPool } from '../../workers/worker-pool.ts'
import type { JobOutcome } from '../../workers/worker-pool.ts'
import { sourceHash } from '../source-hash.ts'
import type { DocxText } from './docx-text.ts'
import { checkDocxDirectory } from './inspect-docx.ts'

const MiB = 2 ** 20

/** The largest source file accepted, in bytes (the request body's own limit). */
export const MAX_SOURCE_UPLOAD_BYTES = 8 * MiB

/**
 * The longest source text, in UTF-8 bytes: about 700,000 Chinese characters, some twenty times
 * the longest policy document bundled.
 */
export const MAX_SOURCE_TEXT_BYTES = 2 * MiB

/** The MIME type of a .docx. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The text read from an upload, with what the editor shows of it. */
export interface SourceUpload {
  fileName: string
  format: 'text' | 'docx'
  /** The uploaded file's size in bytes. */
  bytes: number
  /** Characters of the text. */
  characters: number
  /** sha256 of the normalized text: the `sourceHash` a version published with it gets. */
  sourceHash: string
  /** Normalized: no BOM, `\n` line endings. */
  text: string
}

let pool: WorkerPool<Uint8Array, DocxText> | undefined

function docxPool(): WorkerPool<Uint8Array, DocxText> {
  pool ??= new WorkerPool({
    entry: new URL('./docx-worker.ts', import.meta.url),
    size: 1,
    timeoutMs: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    idleMs: 60_000,
  })
  return pool
}

/**
 * Reads an uploaded source document.
 * @param hint the file's name (from `X-Filename`) and the request's content type
 * @throws AppError 413, 415 or 422 `import-rejected`, each with an issue at `/file`
 */
export async function readSourceUpload(
  bytes: Uint8Array,
  hint: { fileName: string; contentType: string | undefined },
): Promise<SourceUpload> {
  if (bytes.length > MAX_SOURCE_UPLOAD_BYTES) {
    throw refused('too-large', {
      zh: `文件超过 ${MAX_SOURCE_UPLOAD_BYTES / MiB} MB；请去掉文档中的图片后另存，或另存为纯文本（.txt）后上传`,
      en: `The file is over ${MAX_SOURCE_UPLOAD_BYTES / MiB} MB; remove the document's images, or save it as plain text (.txt), and upload that`,
    })
  }
  const format = formatOf(hint)
  const raw = format === 'docx' ? await docxText(bytes) : decodeText(bytes)
  const text = normalizeSourceText(raw)
  if (text.trim() === '') {
    throw refused('empty', {
      zh: '文件中没有文字：请上传政策原文（扫描件须先识别为文字）',
      en: 'The file holds no text: upload the policy text (a scan needs text recognition first)',
    })
  }
  const size = utf8Length(text)
  if (size > MAX_SOURCE_TEXT_BYTES) {
    throw refused('too-large', {
      zh: `原文文字有 ${(size / MiB).toFixed(1)} MB，超过上限 ${MAX_SOURCE_TEXT_BYTES / MiB} MB；请只上传该政策文件本身`,
      en: `The text is ${(size / MiB).toFixed(1)} MB, over the ${MAX_SOURCE_TEXT_BYTES / MiB} MB limit; upload the policy document alone`,
    })
  }
  return {
    fileName: hint.fileName,
    format,
    bytes: bytes.length,
    characters: [...text].length,
    sourceHash: sourceHash(text),
    text,
  }
}

/** The format by the file's extension, else by the content type; anything else is a 415. */
function formatOf(hint: { fileName: string; contentType: string | undefined }): 'text' | 'docx' {
  const extension = /\.([^./\\]+)$/.exec(hint.fileName)?.[1]?.toLowerCase()
  if (extension === 'docx') return 'docx'
  if (extension && ['txt', 'text', 'md', 'markdown'].includes(extension)) return 'text'
  const type = hint.contentType?.split(';')[0]?.trim().toLowerCase()
  if (!extension && type === DOCX_TYPE) return 'docx'
  if (!extension && (type === 'text/plain' || type === 'text/markdown')) return 'text'
  throw new AppError(415, 'bad-request', {
    zh: `不支持该文件类型${extension ? `（.${extension}）` : ''}：请上传 .txt、.md（UTF-8 纯文本）或 .docx；.doc、.wps、.pdf 请先在 Word 或 WPS 中另存为 .docx 或纯文本`,
    en: `This file type${extension ? ` (.${extension})` : ''} is not accepted: upload .txt or .md (plain UTF-8) or .docx; save a .doc, .wps or .pdf as .docx or plain text in Word or WPS first`,
  })
}

/** Strict UTF-8: a GBK or UTF-16 file is refused with what to do, never read as mojibake. */
function decodeText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refused('not-utf8', {
      zh: '文件是 UTF-16 编码：请在记事本或编辑器中另存为 UTF-8 后上传',
      en: 'The file is UTF-16: save it as UTF-8 in Notepad or your editor, and upload that',
    })
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw refused('not-text', {
      zh: '文件不是纯文本（像是 Word 文档或压缩包）：Word 文档请以 .docx 为扩展名上传',
      en: 'The file is not plain text (it looks like a Word document or a zip): upload a Word document with the .docx extension',
    })
  }
  let text: string
  try {
    // The decoder removes a UTF-8 BOM (ignoreBOM is false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refused('not-utf8', {
      zh: '文件不是 UTF-8 编码（可能是 GBK / GB18030）：请在记事本或编辑器中另存为 UTF-8 后上传',
      en: 'The file is not UTF-8 (GBK or GB18030, perhaps): save it as UTF-8 in Notepad or your editor, and upload that',
    })
  }
  if (text.includes('\u0000')) {
    throw refused('not-text', {
      zh: '文件含有 NUL 字符，不是纯文本：请上传 .txt、.md 或 .docx',
      en: 'The file contains NUL characters and is not plain text: upload .txt, .md or .docx',
    })
  }
  return text
}

/** The directory check here (cheap; the plainest bombs stop at it), the reading in the worker. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const directory = checkDocxDirectory(bytes)
  if (!directory.ok) throw refused(directory.reason, directory.message)
  const result = fromOutcome(await docxPool().run(bytes))
  if (!result.ok) throw refused(result.reason, result.message)
  return result.text
}

function fromOutcome(outcome: JobOutcome<DocxText>): DocxText {
  if (outcome.ok) return outcome.value
  if (outcome.reason === 'failed')
    console.error(JSON.stringify({ level: 'error', message: `docx worker: ${outcome.message}` }))
  if (outcome.reason === 'out-of-memory') {
    return {
      ok: false,
      reason: 'too-large',
      message: {
        zh: '读取该 .docx 所需的内存超过上限，已停止；请另存为纯文本（.txt）后上传',
        en: 'Reading this .docx needs more memory than allowed, and was stopped; save it as plain text (.txt) and upload that',
      },
    }
  }
  return {
    ok: false,
    reason: 'unreadable',
    message:
      outcome.reason === 'timeout'
        ? {
            zh: '读取该 .docx 超时，已停止；请另存为纯文本（.txt）后上传',
            en: 'Reading this .docx took too long, and was stopped; save it as plain text (.txt) and upload that',
          }
        : {
            zh: '无法读取该 .docx 文件（可能已损坏或加密）：请在 Word 或 WPS 中重新另存后上传',
            en: 'The .docx file cannot be read (damaged or encrypted?): save it again in Word or WPS, and upload that',
          },
  }
}

/** The refusal: 413 for a size, 422 `import-rejected` otherwise; nothing was stored. */
function refused(reason: string, message: LocalizedText): AppError {
  const issues = [{ pointer: '/file', code: reason, message }]
  const text = {
    zh: `原文文件未读取：${message.zh}`,
    en: `The source file was not read: ${message.en}`,
  }
  if (reason === 'too-large') return new AppError(413, 'payload-too-large', text, { issues })
  return new AppError(422, 'import-rejected', text, { issues })
}
