/** @module The small shapes the answers are built from: texts, instants, civil dates, ids with names, exact decimals, counts. */
export const text = { type: 'string' } as const
export const nullableText = { type: ['string', 'null'] } as const
export const instant = { type: 'string', format: 'date-time' } as const
export const civilDate = {
  type: 'string',
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
} as const
export const nullableDate = {
  type: ['string', 'null'],
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
} as const

export const idName = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: text, name: text },
} as const

export const decimalOrNull = {
  type: ['string', 'null'],
  description: '精确小数 / Exact decimal',
} as const

export const count = { type: 'integer', minimum: 0 } as const
