/**
 * @module The optional `supervision` section: how the office's documents read. `bulletin` gives
 * the title, opening and closing of the 情况通报, with `{placeholder}`s the period's figures fill
 * (domain/supervision/bulletin-template.ts lists them); a text left out is the default's.
 */

const templateText = (description: string) =>
  ({ type: 'string', minLength: 1, maxLength: 2000, description }) as const

export const supervisionSchema = {
  type: 'object',
  additionalProperties: false,
  description: '督办文书 / The office’s documents',
  properties: {
    bulletin: {
      type: 'object',
      additionalProperties: false,
      description:
        '情况通报的模板，可用 {plan}、{from}、{to}、{done} 等占位符 / The bulletin’s template, with placeholders',
      properties: {
        title: templateText('标题 / Title'),
        opening: templateText('开头（通报概况）/ Opening paragraph'),
        closing: templateText('结尾（工作要求）/ Closing paragraph'),
      },
    },
  },
} as const
