/**
 * @module The `assessments` section: scored evaluations — items with weights and scoring rules,
 * grade bands and what each grade brings.
 *
 * Item kinds:
 * - `deduct`: N points per step short of (or over) a target, capped (扣完为止); several measures
 *   make a composite item (Meishan's day surgery: kinds and cases).
 * - `proportional`: share × weight (e.g. satisfaction).
 * - `bonus`: points added when a condition holds, outside the weighted total.
 * - `veto`: 一票否决 — when its condition holds, the grade is forced.
 */
import {
  dueSchema,
  expressionSchema,
  idSchema,
  noteSchema,
  refListSchema,
  refSchema,
  sourceSchema,
  textSchema,
} from './common.schema.ts'
import { targetSchema } from './indicators.schema.ts'

export const ROUNDING_MODES = ['whole-steps', 'started-steps', 'proportional'] as const
/** What an assessment year without a target of its own does: see `yearsWithoutTargets`. */
export const YEAR_TREATMENTS = ['carry-forward', 'not-assessed'] as const
export const EFFECT_KINDS = [
  'budget-adjustment',
  'next-year-budget-adjustment',
  'support',
  'other',
] as const

const itemBase = {
  id: idSchema,
  name: { ...textSchema, description: '考核指标名称 / Item name' },
  note: noteSchema,
  source: sourceSchema,
} as const

export const deductMeasureSchema = {
  type: 'object',
  required: ['indicator', 'targets', 'step', 'points', 'rounding'],
  additionalProperties: false,
  properties: {
    name: textSchema,
    indicator: { ...refSchema, description: '考核的指标 / Indicator measured' },
    targets: { type: 'array', items: targetSchema, minItems: 1 },
    step: {
      type: 'number',
      exclusiveMinimum: 0,
      description: '每步的量，如 1 个百分点 / Step size',
    },
    points: { type: 'number', exclusiveMinimum: 0, description: '每步扣分 / Points per step' },
    rounding: {
      enum: ROUNDING_MODES,
      description:
        '不足一步怎么算：whole-steps 只计整步，started-steps 不足一步按一步，proportional 按比例 / Partial steps',
    },
  },
} as const

export const assessmentItemSchema = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['deduct', 'proportional', 'bonus', 'veto'] } },
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      required: ['id', 'name', 'kind', 'weight', 'measures'],
      additionalProperties: false,
      properties: {
        ...itemBase,
        kind: { const: 'deduct' },
        weight: { type: 'number', exclusiveMinimum: 0, description: '分值 / Weight' },
        measures: { type: 'array', items: deductMeasureSchema, minItems: 1 },
        cap: { type: 'number', exclusiveMinimum: 0, description: '扣分上限，缺省为分值 / Cap' },
      },
    },
    {
      type: 'object',
      required: ['id', 'name', 'kind', 'weight', 'indicator', 'full'],
      additionalProperties: false,
      properties: {
        ...itemBase,
        kind: { const: 'proportional' },
        weight: { type: 'number', exclusiveMinimum: 0 },
        indicator: refSchema,
        full: {
          type: 'number',
          exclusiveMinimum: 0,
          description: '满分对应的指标值，如 100% / Full value',
        },
      },
    },
    {
      type: 'object',
      required: ['id', 'name', 'kind', 'points', 'when'],
      additionalProperties: false,
      properties: {
        ...itemBase,
        kind: { const: 'bonus' },
        points: { type: 'number', exclusiveMinimum: 0, description: '加分 / Bonus points' },
        year: { type: 'integer', minimum: 2000, maximum: 2100, description: '适用年度 / Year' },
        when: { ...expressionSchema, description: '加分条件 / Condition' },
      },
    },
    {
      type: 'object',
      required: ['id', 'name', 'kind', 'when', 'grade'],
      additionalProperties: false,
      properties: {
        ...itemBase,
        kind: { const: 'veto' },
        when: { ...expressionSchema, description: '否决条件 / Veto condition' },
        grade: { ...refSchema, description: '触发后的等次 / Grade it forces' },
      },
    },
  ],
} as const

export const gradeSchema = {
  type: 'object',
  required: ['id', 'name', 'min'],
  additionalProperties: false,
  description:
    '等次：min 含，max 含或 below 不含 / Band: min inclusive, max inclusive or below exclusive',
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '等次名称，如 优秀 / Grade name' },
    min: { type: 'number', description: '下限（含）/ Lower bound, inclusive' },
    max: { type: 'number', description: '上限（含）/ Upper bound, inclusive' },
    below: { type: 'number', description: '上限（不含）/ Upper bound, exclusive' },
    effects: {
      type: 'array',
      description: '结果应用 / Consequences',
      items: {
        type: 'object',
        required: ['kind', 'text'],
        additionalProperties: false,
        properties: {
          kind: { enum: EFFECT_KINDS },
          percent: { type: 'number', description: '调整百分比，扣减为负 / Percent change' },
          base: { ...textSchema, description: '调整的基数 / What is adjusted' },
          text: textSchema,
          source: sourceSchema,
        },
      },
    },
    source: sourceSchema,
  },
} as const

/**
 * A policy test: given these values (indicator ids or data element ids), expect these item
 * scores, this total and this grade. `luoshi test` and the editor run them.
 */
export const policyTestSchema = {
  type: 'object',
  required: ['name', 'year', 'values', 'expect'],
  additionalProperties: false,
  properties: {
    name: { ...textSchema, description: '用例名称，说明它验证什么 / What the case checks' },
    year: {
      type: 'integer',
      minimum: 2000,
      maximum: 2100,
      description: '考核年度 / Assessment year',
    },
    values: {
      type: 'object',
      description:
        '指标或数据元素的取值；指标给值时不再按公式计算 / Values by indicator or data element id',
      additionalProperties: { type: ['number', 'boolean'] },
    },
    expect: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        items: {
          type: 'object',
          description:
            '各考核项得分（缺数据的项写 null）/ Item scores (null for an item that cannot be scored)',
          additionalProperties: { type: ['number', 'null'] },
        },
        total: {
          type: ['number', 'null'],
          description: '总分；数据不全时为 null / Total, null when incomplete',
        },
        grade: { ...refSchema, description: '等次 / Grade id' },
        vetoed: { type: 'boolean', description: '是否触发一票否决 / Whether a veto applies' },
      },
    },
    note: noteSchema,
  },
} as const

export const assessmentSchema = {
  type: 'object',
  required: ['id', 'name', 'subjects', 'assessor', 'due', 'totalScore', 'items', 'grades'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: textSchema,
    subjects: { ...refListSchema, description: '考核对象 / Who is assessed' },
    assessor: { ...refListSchema, description: '考核主体 / Who assesses' },
    with: { ...refListSchema, description: '会同单位 / Together with' },
    due: { ...dueSchema, description: '考核时间，如 每年年底 / When' },
    method: { ...textSchema, description: '考核方式 / Method' },
    totalScore: {
      type: 'number',
      exclusiveMinimum: 0,
      description: '基本分总分 / Total of weights',
    },
    maxScore: {
      type: 'number',
      exclusiveMinimum: 0,
      description: '含加分后的封顶分，文件未规定则省略 / Cap including bonuses',
    },
    bonusCap: {
      type: 'number',
      exclusiveMinimum: 0,
      description: '加分合计上限，文件未规定则省略 / Cap on the sum of bonus points',
    },
    items: { type: 'array', items: assessmentItemSchema, minItems: 1 },
    grades: { type: 'array', items: gradeSchema, minItems: 1 },
    rectification: {
      type: 'object',
      required: ['due'],
      additionalProperties: false,
      description: '未达标项的整改任务 / Rectification (整改) tasks for failing items',
      properties: {
        due: {
          ...dueSchema,
          description: '整改时限，如 30日内，自结果公布起 / Deadline after publishing',
        },
        inference: {
          ...textSchema,
          description:
            '文件未规定考核后整改、由配置方推断时，写明推断及其依据；source 引用推断所依据的条文 / When the document sets no rectification and the office infers it: the inference and its grounds',
        },
        note: noteSchema,
        source: sourceSchema,
      },
    },
    yearsWithoutTargets: {
      type: 'array',
      description:
        '考核年度中文件未给目标的年份怎么办（必须写明，不得默认）：carry-forward 沿用此前最近一年的目标，not-assessed 该年不考核 / Assessment years the document sets no targets for, and what they do',
      items: {
        type: 'object',
        required: ['year', 'treatment', 'note'],
        additionalProperties: false,
        properties: {
          year: { type: 'integer', minimum: 2000, maximum: 2100, description: '年度 / Year' },
          treatment: {
            enum: YEAR_TREATMENTS,
            description:
              'carry-forward 沿用此前最近一年的目标；not-assessed 该年不考核 / Carry the latest earlier target forward, or do not assess that year',
          },
          note: { ...noteSchema, description: '依据和理由 / Why, and on what grounds' },
          source: sourceSchema,
        },
      },
    },
    tests: { type: 'array', items: policyTestSchema, description: '政策测试用例 / Policy tests' },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const formSchema = {
  type: 'object',
  required: ['id', 'title', 'schema'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    title: textSchema,
    description: textSchema,
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'object' } },
      description: '表单的 JSON Schema（draft 2020-12 子集）/ JSON Schema of the form',
    },
  },
} as const
