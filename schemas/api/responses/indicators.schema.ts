/** @module Answers about indicator values: writes, stored values, what a user may enter, imports and series against targets. */
import type { FromSchema } from 'json-schema-to-ts'
import { issueSchema, localizedTextSchema } from '../error.schema.ts'
import { decimalOrNull, idName, instant, nullableText, text } from './primitives.ts'

/** What a PUT of indicator values did; warnings are values kept that a warning rule flags. */
export const indicatorValuesResultSchema = {
  type: 'object',
  required: ['applied', 'submittedTasks'],
  additionalProperties: false,
  properties: {
    applied: { type: 'integer', description: '写入的数值 / Values written' },
    submittedTasks: {
      type: 'integer',
      description: '因此提交的填报任务 / Entry tasks submitted by it',
    },
    corrected: { type: 'integer', description: '改正的已有数值 / Stored values corrected' },
    warnings: { type: 'array', items: issueSchema },
  },
} as const

/** Stored indicator values (at most 100,000; `truncated` says when there were more). */
export const indicatorValueListSchema = {
  type: 'object',
  required: ['count', 'truncated', 'values'],
  additionalProperties: false,
  properties: {
    count: { type: 'integer' },
    truncated: { type: 'boolean' },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'element',
          'name',
          'valueType',
          'measure',
          'unit',
          'unitName',
          'period',
          'value',
          'version',
          'source',
          'taskId',
          'enteredBy',
          'enteredAt',
        ],
        additionalProperties: false,
        properties: {
          element: { type: 'string', description: '数据项编号 / Input id' },
          name: text,
          valueType: nullableText,
          measure: { ...nullableText, description: '计量单位 / Unit of measure' },
          unit: { type: 'string', description: '单位编号，或 region / Unit id, or region' },
          unitName: text,
          period: text,
          value: { type: 'string', description: '精确小数以文本保存 / Exact decimal as text' },
          version: { type: 'integer' },
          source: { enum: ['form', 'import', 'api', 'demo'] },
          taskId: nullableText,
          enteredBy: {
            type: 'object',
            required: ['id', 'name'],
            additionalProperties: false,
            properties: { id: text, name: text },
          },
          enteredAt: instant,
        },
      },
    },
  },
} as const

/** What a user may enter: each input (data element, or indicator entered directly) and the units. */
export const indicatorInputsSchema = {
  type: 'object',
  required: ['inputs', 'units'],
  additionalProperties: false,
  properties: {
    inputs: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'name',
          'kind',
          'valueType',
          'unit',
          'range',
          'frequency',
          'owners',
          'indicators',
        ],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          kind: { enum: ['data-element', 'indicator'] },
          valueType: { type: 'string', description: '数值类型 / Value type' },
          unit: { ...nullableText, description: '计量单位 / Unit of measure' },
          range: { type: 'string', description: '可填范围 / The accepted range' },
          frequency: { enum: ['monthly', 'quarterly', 'yearly', 'once'] },
          owners: { type: 'array', items: idName },
          indicators: { type: 'array', items: idName },
        },
      },
    },
    units: {
      type: 'array',
      items: idName,
      description: '可填报的单位（含 region）/ Units the user may enter for (with region)',
    },
  },
} as const

/** One row (or cell) of an imported file that was refused, or kept with a warning. */
const rejectedEntrySchema = {
  type: 'object',
  required: ['row', 'code', 'message'],
  additionalProperties: false,
  properties: {
    row: { type: 'integer', minimum: 1, description: '文件中的行号 / Row of the file' },
    column: { type: 'string', description: '列（C）/ Column letter' },
    header: { type: 'string', description: '列标题 / The column header' },
    unit: text,
    period: text,
    input: text,
    code: text,
    message: localizedTextSchema,
    rule: issueSchema.properties.rule,
  },
} as const

/** The report of an import (or of its dry run): what was read, accepted, refused and written. */
export const importReportSchema = {
  type: 'object',
  required: [
    'format',
    'layout',
    'mode',
    'dryRun',
    'rows',
    'accepted',
    'rejectedCount',
    'rejected',
    'applied',
  ],
  additionalProperties: false,
  properties: {
    format: { enum: ['csv', 'xlsx'] },
    encoding: {
      enum: ['utf-8', 'gb18030', 'utf-16'],
      description: 'CSV 的编码 / The encoding a CSV was read in',
    },
    layout: { enum: ['wide', 'long', null] },
    mode: { enum: ['all-or-nothing', 'keep-good'] },
    dryRun: { type: 'boolean' },
    rows: { type: 'integer', description: '读到的数据行 / Data rows read' },
    accepted: { type: 'integer' },
    rejectedCount: { type: 'integer' },
    rejected: {
      type: 'array',
      items: rejectedEntrySchema,
      description: '至多 1000 条 / At most 1000 listed',
    },
    warnings: { type: 'array', items: rejectedEntrySchema },
    applied: {
      type: 'integer',
      description: '写入的数值（试运行为 0）/ Values written (0 on a dry run)',
    },
    submittedTasks: {
      type: 'integer',
      description: '因此提交的填报任务 / Entry tasks submitted by it',
    },
  },
} as const

const scopeKind = { enum: ['unit', 'group', 'region'] } as const

/** One year of an indicator against its target, for the scope asked for. */
const seriesPointSchema = {
  type: 'object',
  required: ['year', 'value', 'target', 'status', 'gap', 'reporting', 'partial', 'problem'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    value: decimalOrNull,
    target: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['op', 'value', 'year', 'phrase'],
          additionalProperties: false,
          properties: {
            op: text,
            value: text,
            year: { type: ['integer', 'null'] },
            phrase: nullableText,
            baseline: {
              ...nullableText,
              description:
                'delta 目标所加的基线值（取自基线年度的数据或配置）/ The baseline a delta target adds to',
            },
            each: {
              type: 'boolean',
              description: '每个成员都须达到；组织和地区显示最差成员的值 / Binds every member',
            },
            upTo: { ...text, description: '区间上限 / Upper end of a range' },
            tolerance: { ...text, description: '「左右」的允许偏差 / Allowed deviation' },
            relativeTo: { ...text, description: '与之比较的指标 / The indicator compared with' },
          },
        },
      ],
    },
    status: {
      enum: ['met', 'not-met', 'no-target', 'no-baseline', 'missing', 'error', 'invalid'],
      description:
        'no-baseline：目标较基线年度变化，但该年没有数值 / no-baseline: the baseline year has no value',
    },
    gap: {
      ...decimalOrNull,
      description: '与目标的差距，达标为 "0" / How far from the target; "0" when met',
    },
    reporting: { type: 'integer', description: '计入汇总的成员 / Members in the roll-up' },
    partial: { type: 'boolean', description: '仅部分成员有数 / Only some members reported' },
    problem: { oneOf: [{ type: 'null' }, localizedTextSchema] },
  },
} as const

/** Indicators against their targets by year, for a unit, a group or the region. */
export const indicatorSeriesSchema = {
  type: 'object',
  required: ['scope', 'scopes', 'years', 'indicators'],
  additionalProperties: false,
  properties: {
    scope: {
      type: 'object',
      required: ['id', 'name', 'kind', 'members'],
      additionalProperties: false,
      properties: { id: text, name: text, kind: scopeKind, members: { type: 'integer' } },
    },
    scopes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        additionalProperties: false,
        properties: { id: text, name: text, kind: scopeKind },
      },
    },
    years: { type: 'array', items: { type: 'integer' } },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'name',
          'category',
          'unit',
          'valueType',
          'direction',
          'frequency',
          'inferred',
          'rollup',
          'targets',
          'baseline',
          'series',
        ],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          category: nullableText,
          unit: nullableText,
          valueType: text,
          direction: text,
          frequency: {
            ...nullableText,
            description: '报送频次；文件未规定时为 null / null when unspecified',
          },
          inferred: {
            description:
              '编写单位推断的字段（口径、公式、方向）及理由，或 null / Inferred fields and why, or null',
          },
          rollup: { description: '汇总方式 / How members roll up' },
          targets: {
            type: 'array',
            items: { type: 'object', description: '配置中的目标 / Targets as configured' },
          },
          baseline: { description: '基线 / Baseline' },
          series: { type: 'array', items: seriesPointSchema },
        },
      },
    },
  },
} as const

export type IndicatorValuesResult = FromSchema<typeof indicatorValuesResultSchema>
export type IndicatorValueList = FromSchema<typeof indicatorValueListSchema>
export type IndicatorInputs = FromSchema<typeof indicatorInputsSchema>
export type IndicatorSeries = FromSchema<typeof indicatorSeriesSchema>
export type ImportReportView = FromSchema<typeof importReportSchema>
