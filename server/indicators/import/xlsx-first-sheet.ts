/**
 * @module Which part of an .xlsx holds its first worksheet: the first `<sheet>` of
 * `xl/workbook.xml` names a relationship, and `xl/_rels/workbook.xml.rels` names its part. The
 * order of the tabs is the workbook's, not the order of the parts in the zip nor their numbers:
 * a workbook whose tabs were moved keeps `sheet2.xml` as its first tab.
 */

/**
 * The zip path of the first worksheet, or undefined when the workbook or its relationships do not
 * say (the caller then takes the first worksheet part in the zip).
 */
export function firstSheetPart(workbookXml: string, relsXml: string): string | undefined {
  const sheets = workbookXml.indexOf('<sheets')
  if (sheets === -1) return undefined
  const sheet = /<sheet\b([^>]*)>/.exec(workbookXml.slice(sheets))?.[1]
  // The relationship attribute is `r:id` in every writer we know; any prefix bound to the
  // relationships namespace is taken alike.
  const id = sheet && /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(sheet)?.[1]
  if (!id) return undefined
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const attributes = match[1]!
    if (attributeOf(attributes, 'Id') !== id) continue
    const target = attributeOf(attributes, 'Target')
    return target === undefined ? undefined : resolvePart(decodeXml(target))
  }
  return undefined
}

function attributeOf(attributes: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1]
}

/** A target relative to `xl/` (`worksheets/sheet1.xml`) or absolute (`/xl/worksheets/…`). */
function resolvePart(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl']
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') parts.pop()
    else parts.push(segment)
  }
  return parts.join('/')
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
