/**
 * @module The optional `calendar` section: official holidays and make-up working days (调休)
 * for years the bundled holiday data does not cover yet.
 */
import { dateSchema, noteSchema } from './common.schema.ts'

export const calendarSchema = {
  type: 'object',
  description: '工作日历补充（法定节假日与调休）/ Holiday data for years the package lacks',
  additionalProperties: false,
  properties: {
    years: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'holidays', 'workdays'],
        additionalProperties: false,
        properties: {
          year: { type: 'integer', minimum: 2000, maximum: 2100 },
          holidays: {
            type: 'array',
            items: dateSchema,
            uniqueItems: true,
            description: '放假日期（含周末调休后放假的日子）/ Days off',
          },
          workdays: {
            type: 'array',
            items: dateSchema,
            uniqueItems: true,
            description: '调休上班的周末日期 / Weekend days that are working days',
          },
          note: noteSchema,
        },
      },
    },
  },
} as const
