/**
 * @module The `structure` section: the document's own parts (二、主要任务, 三、保障措施 …) named
 * with their headings, so that progress grouped by part (domain/supervision/document-parts.ts)
 * shows each part's title beside its clause number.
 */
import { noteSchema, textSchema } from './common.schema.ts'

export const structureSchema = {
  type: 'object',
  description: '文件结构：各部分的标题 / The document’s own structure: its parts’ headings',
  required: ['parts'],
  additionalProperties: false,
  properties: {
    parts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['clause', 'title'],
        additionalProperties: false,
        properties: {
          clause: {
            ...textSchema,
            description:
              '部分的编号，与任务出处条款的首段一致，如 二、 或 附件 / The part’s number, as the duties’ source clauses begin, e.g. 二、',
          },
          title: {
            ...textSchema,
            description: '文件中的标题，如 主要任务 / The heading in the document',
          },
          note: noteSchema,
        },
      },
    },
  },
} as const
