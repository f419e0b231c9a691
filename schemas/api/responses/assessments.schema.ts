/** @module Answers about scored assessments: computing, reviewing and publishing a year, the results and a unit's report. */
import type { FromSchema } from 'json-schema-to-ts'
import { localizedTextSchema } from '../error.schema.ts'
import { decimalOrNull, idName, instant, nullableDate, nullableText, text } from './primitives.ts'

const runStatusSchema = {
  type: 'object',
  required: ['year', 'status', 'version'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    status: { enum: ['computed', 'reviewed', 'published'] },
    version: { type: 'integer' },
  },
} as const

/** A computed (or recomputed) year: how many units were scored, and how many completely. */
export const computeResultSchema = {
  type: 'object',
  required: ['run', 'units', 'complete'],
  additionalProperties: false,
  properties: {
    run: runStatusSchema,
    units: { type: 'integer' },
    complete: { type: 'integer', description: '数据齐全的单位 / Units with complete data' },
  },
} as const

export const reviewResultSchema = {
  type: 'object',
  required: ['run'],
  additionalProperties: false,
  properties: { run: runStatusSchema },
} as const

export const publishRunResultSchema = {
  type: 'object',
  required: ['run', 'rectifications'],
  additionalProperties: false,
  properties: {
    run: runStatusSchema,
    rectifications: { type: 'integer', description: '建立的整改任务 / 整改 tasks created' },
  },
} as const

/** An assessment as the config defines it, with names resolved (items, grades and effects as configured). */
const assessmentSummarySchema = {
  type: 'object',
  required: [
    'id',
    'name',
    'totalScore',
    'maxScore',
    'assessor',
    'with',
    'due',
    'method',
    'items',
    'grades',
    'source',
  ],
  properties: {
    id: text,
    name: text,
    totalScore: { type: 'number' },
    maxScore: { type: ['number', 'null'] },
    assessor: { type: 'array', items: idName },
    with: { type: 'array', items: idName },
    due: nullableText,
    method: nullableText,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind', 'weight', 'points'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          kind: text,
          weight: { type: ['number', 'null'] },
          points: { type: ['number', 'null'] },
        },
      },
    },
    grades: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name'], properties: { id: text, name: text } },
    },
    source: { type: ['object', 'null'], description: '文件出处 / Where the document says it' },
  },
} as const

/** One year of an assessment: its status and when it was computed, reviewed and published. */
const runSummarySchema = {
  type: 'object',
  required: ['year', 'status', 'version', 'computedAt', 'reviewedAt', 'reviewNote', 'publishedAt'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    status: { enum: ['computed', 'reviewed', 'published'] },
    version: { type: 'integer' },
    computedAt: instant,
    reviewedAt: { type: ['string', 'null'], format: 'date-time' },
    reviewNote: nullableText,
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

/** What this user may do with an assessment. */
const maySchema = {
  type: 'object',
  required: ['compute', 'review', 'publish'],
  additionalProperties: false,
  properties: {
    compute: { type: 'boolean' },
    review: { type: 'boolean' },
    publish: { type: 'boolean' },
  },
} as const

/** One year's results: each unit the user may read, with its total, grade and failing items. */
export const runViewSchema = {
  type: 'object',
  required: ['assessment', 'run', 'results', 'counts', 'may'],
  additionalProperties: false,
  properties: {
    assessment: assessmentSummarySchema,
    run: runSummarySchema,
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'unit',
          'complete',
          'missing',
          'base',
          'bonus',
          'total',
          'grade',
          'vetoedBy',
          'effects',
          'failing',
        ],
        additionalProperties: false,
        properties: {
          unit: idName,
          complete: { type: 'boolean', description: '数据齐全 / Every item could be scored' },
          missing: { type: 'array', items: text, description: '缺少的数据项 / Inputs missing' },
          base: decimalOrNull,
          bonus: decimalOrNull,
          total: decimalOrNull,
          grade: { oneOf: [{ type: 'null' }, idName] },
          vetoedBy: nullableText,
          effects: { type: 'array', items: { type: 'object' } },
          failing: { type: 'array', items: text, description: '须整改的考核项 / Items to rectify' },
        },
      },
    },
    counts: {
      type: 'object',
      required: ['units', 'complete', 'grades'],
      additionalProperties: false,
      properties: {
        units: { type: 'integer' },
        complete: { type: 'integer' },
        grades: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    may: maySchema,
  },
} as const

/** One unit's report for a year: its score with every item's explanation, consequences, 整改 tasks, trend. */
export const unitReportSchema = {
  type: 'object',
  required: ['assessment', 'run', 'unit', 'score', 'consequences', 'rectifications', 'trend'],
  additionalProperties: false,
  properties: {
    assessment: assessmentSummarySchema,
    run: runSummarySchema,
    unit: idName,
    score: {
      type: 'object',
      description: '得分及每项说明 / The score with each item explained',
      required: [
        'unitId',
        'complete',
        'missing',
        'base',
        'bonus',
        'total',
        'grade',
        'vetoedBy',
        'effects',
        'items',
      ],
      properties: {
        unitId: text,
        complete: { type: 'boolean' },
        missing: { type: 'array', items: text },
        base: decimalOrNull,
        bonus: decimalOrNull,
        total: decimalOrNull,
        grade: { oneOf: [{ type: 'null' }, idName] },
        vetoedBy: nullableText,
        effects: { type: 'array', items: { type: 'object' } },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'explanation'],
            properties: { id: text, explanation: localizedTextSchema },
          },
        },
      },
    },
    consequences: {
      type: ['object', 'null'],
      description:
        '公布时记录的结果应用与整改任务 / Consequences and 整改 tasks recorded at publishing',
      required: ['grade', 'effects', 'vetoedBy', 'rectificationTasks', 'recordedAt'],
      properties: {
        grade: { oneOf: [{ type: 'null' }, idName] },
        effects: { type: 'array', items: { type: 'object' } },
        vetoedBy: nullableText,
        rectificationTasks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'item', 'dueOn'],
            additionalProperties: false,
            properties: { id: text, item: text, dueOn: nullableDate },
          },
        },
        recordedAt: instant,
      },
    },
    rectifications: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'item', 'state', 'dueOn'],
        additionalProperties: false,
        properties: { id: text, item: text, state: text, dueOn: nullableDate },
      },
    },
    trend: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'status', 'total', 'grade', 'vetoedBy'],
        additionalProperties: false,
        properties: {
          year: { type: 'integer' },
          status: { enum: ['computed', 'reviewed', 'published'] },
          total: decimalOrNull,
          grade: { oneOf: [{ type: 'null' }, idName] },
          vetoedBy: nullableText,
        },
      },
    },
  },
} as const

/** A plan's assessments, each with its years (runs) and what this user may do with it. */
export const assessmentListSchema = {
  type: 'object',
  required: ['assessments'],
  additionalProperties: false,
  properties: {
    assessments: {
      type: 'array',
      items: {
        ...assessmentSummarySchema,
        required: [...assessmentSummarySchema.required, 'subjects', 'runs', 'may'],
        properties: {
          ...assessmentSummarySchema.properties,
          subjects: { type: 'integer', description: '受考核单位数 / Units assessed' },
          runs: { type: 'array', items: runSummarySchema },
          may: maySchema,
        },
      },
    },
  },
} as const

export type ComputeResult = FromSchema<typeof computeResultSchema>
export type ReviewResult = FromSchema<typeof reviewResultSchema>
export type PublishRunResult = FromSchema<typeof publishRunResultSchema>
export type AssessmentList = FromSchema<typeof assessmentListSchema>
export type RunView = FromSchema<typeof runViewSchema>
export type UnitReport = FromSchema<typeof unitReportSchema>
