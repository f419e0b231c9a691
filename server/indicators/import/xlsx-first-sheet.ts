/**
 * @module Which part of an .xlsx the spreadsheet reader (ExcelJS) reads as its first worksheet,
 * found the way the reader finds it, so that the rows counted before loading are the rows it then
 * reads: the `<sheet>` elements of `xl/workbook.xml` in order, each naming a relationship (`r:id`)
 * of `xl/_rels/workbook.xml.rels`, whose `Target` (leading blanks and `/xl/` taken off, put under
 * `xl/`) must be a worksheet part's name exactly; a sheet that names none (a chartsheet, a target
 * written another way) is passed over. The order of the tabs is the workbook's, not the order of
 * the parts in the zip nor their numbers.
 *
 * Tags are found with indexOf and read only up to their length limit: a hostile workbook of a
 * megabyte of unclosed `<sheet ` costs a scan, not a regular expression's backtracking.
 */

/** A worksheet part as the reader names it: any entry naming `xl/worksheets/sheet<n>.xml`. */
export const WORKSHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/

/** An entry's name as the reader keys it: one leading `/` taken off. */
export function partName(entryName: string): string {
  return entryName.startsWith('/') ? entryName.slice(1) : entryName
}

/** True for what may follow a tag's name: a blank, `>` or `/` (so `<sheet` is not `<sheets`). */
export function endsTagName(code: number | undefined): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3e ||
    code === 0x2f
  )
}

/** Longer tags are no workbook's: they are passed over unread. */
const MOST_TAG = 4096

/**
 * The part of the first worksheet the reader takes, or undefined when no `<sheet>` resolves to
 * one of `worksheets` (the reader then reads no sheet).
 */
export function firstSheetPart(
  workbookXml: string,
  relsXml: string,
  worksheets: ReadonlySet<string>,
): string | undefined {
  const targets = new Map<string, string>()
  for (const attributes of tagsNamed(relsXml, 'Relationship')) {
    const id = attributes.get('Id')
    const target = attributes.get('Target')
    if (id !== undefined && target !== undefined && !targets.has(id)) targets.set(id, target)
  }
  for (const attributes of tagsNamed(workbookXml, 'sheet')) {
    const target = targets.get(attributes.get('r:id') ?? '')
    if (target === undefined) continue
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`
    if (worksheets.has(part)) return part
  }
  return undefined
}

/** The attributes of each `<name …>` element of `xml`, in order. */
function* tagsNamed(xml: string, name: string): Generator<Map<string, string>> {
  const open = `<${name}`
  for (let at = xml.indexOf(open); at !== -1; at = xml.indexOf(open, at + open.length)) {
    if (!endsTagName(xml.charCodeAt(at + open.length))) continue
    const end = xml.indexOf('>', at)
    if (end === -1) return
    if (end - at > MOST_TAG) continue
    yield attributesOf(xml.slice(at + open.length, end))
  }
}

/** `name="value"` or `name='value'` pairs, read in one pass (no backtracking on odd text). */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
  let at = 0
  while (at < tag.length) {
    while (at < tag.length && isSpace(tag.charCodeAt(at))) at++
    const start = at
    while (at < tag.length && !isSpace(tag.charCodeAt(at)) && tag[at] !== '=' && tag[at] !== '/')
      at++
    const name = tag.slice(start, at)
    while (at < tag.length && isSpace(tag.charCodeAt(at))) at++
    if (name === '' || tag[at] !== '=') {
      at = Math.max(at, start + 1)
      continue
    }
    at++
    while (at < tag.length && isSpace(tag.charCodeAt(at))) at++
    const quote = tag[at]
    if (quote !== '"' && quote !== "'") continue
    const close = tag.indexOf(quote, at + 1)
    if (close === -1) break
    attributes.set(name, decodeXml(tag.slice(at + 1, close)))
    at = close + 1
  }
  return attributes
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? parseInt(entity.slice(2), 16)
        : parseInt(entity.slice(1), 10)
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
