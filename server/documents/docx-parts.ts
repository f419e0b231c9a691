/**
 * @module The pieces the office's .docx documents are made of (the `docx` package): a centred
 * title, body paragraphs, a bordered table with a repeated header row, and the A4 section.
 * `docx` writes each text as an escaped `<w:t>` run, so a task named `<w:t>` or `&` stays text.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const HEADING_FONT = {
  eastAsia: '方正小标宋简体',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
}

/** The document's title: centred, large. */
export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, bold: true, size: 36, font: HEADING_FONT })],
  })

/** A centred line under the title (number, date). */
export const subtitle = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, size: 24, font: FONT })],
  })

/** A heading inside the document (一、…). */
export const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: FONT })],
  })

/** A body paragraph, first line indented two characters. */
export const body = (text: string, options: { right?: boolean } = {}) =>
  new Paragraph({
    ...(options.right ? { alignment: AlignmentType.RIGHT } : { indent: { firstLine: 560 } }),
    spacing: { after: 120, line: 400 },
    children: [new TextRun({ text, size: 28, font: FONT })],
  })

/** `label：value` as one paragraph, the label bold. */
export const field = (label: string, value: string) =>
  new Paragraph({
    spacing: { after: 80 },
    children: [
      new TextRun({ text: `${label}：`, bold: true, size: 26, font: FONT }),
      new TextRun({ text: value, size: 26, font: FONT }),
    ],
  })

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21, font: FONT })] })],
  })

/** A full-width table: the header row repeated on each page, then one row per item. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  })
}

/** The .docx bytes of one A4 section (`landscape` for wide tables). */
export async function docxBytes(
  children: Array<Paragraph | Table>,
  options: { title: string; landscape?: boolean },
): Promise<Buffer> {
  const document = new Document({
    creator: 'luoshi',
    title: options.title,
    sections: [
      {
        properties: {
          page: {
            size: {
              width: 11906,
              height: 16838,
              orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: 1440, bottom: 1440, left: 1304, right: 1304 },
          },
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}

/** A file name without characters a file system refuses. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\r\n]+/g, '_')
