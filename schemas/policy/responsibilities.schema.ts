/**
 * @module The `responsibilities` section: the measures, who leads and who supports them, what
 * they deliver, and when.
 */
import {
  dueSchema,
  idSchema,
  noteSchema,
  ownersSchema,
  refListSchema,
  refSchema,
  sourceSchema,
  textSchema,
  windowSchema,
} from './common.schema.ts'
import { PROGRESS_PERIODS } from './escalation.schema.ts'

export const DELIVERABLE_KINDS = [
  'document',
  'report',
  'data',
  'system',
  'event',
  'filing',
] as const

/** Events a conditional duty (`startsWhen`) can start on. */
export const DUTY_START_EVENTS = ['procedure-step', 'assessment-published'] as const

export const responsibilitySchema = {
  type: 'object',
  required: ['id', 'title', 'lead', 'due', 'source'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    title: { ...textSchema, description: '任务名称 / Measure title' },
    description: { ...textSchema, description: '要做什么 / What is to be done' },
    category: { ...textSchema, description: '分类，如 保障措施 / Category' },
    lead: { ...ownersSchema, description: '牵头单位（单位或组织；组织表示其每个成员）/ Lead' },
    support: { ...refListSchema, description: '配合单位 / Supporting units' },
    supervisors: {
      ...refListSchema,
      description:
        '督促/指导单位：看得到本任务各单位的进展，不承担、不报送 / Who supervises or guides: sees the tasks, reports nothing',
    },
    shares: {
      type: 'array',
      minItems: 2,
      description:
        '分别负责：每家牵头单位各自的分工（如「县人民医院配合市人民医院、县中医院配合市中医医院」），与几家共同牵头不同 / Each lead’s own share',
      items: {
        type: 'object',
        required: ['unit', 'part'],
        additionalProperties: false,
        properties: {
          unit: { ...refSchema, description: '牵头单位（须列在 lead 中）/ A lead unit' },
          part: {
            ...textSchema,
            description: '该单位负责的部分 / What this unit is responsible for',
          },
          group: {
            ...refSchema,
            description: '该部分所建的组织（可选）/ The group this share builds',
          },
          source: sourceSchema,
        },
      },
    },
    indicators: {
      ...refListSchema,
      description:
        '本任务负责实现其目标的指标（如 三二医联体数）/ Indicators whose targets this duty delivers',
    },
    deliverables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: textSchema,
          kind: { enum: DELIVERABLE_KINDS },
          to: { ...refSchema, description: '报送对象 / Delivered to' },
        },
      },
    },
    form: { ...refSchema, description: '报送表单（forms 中的标识；缺省自动生成）/ Report form id' },
    phase: { ...refSchema, description: '所属阶段 / Phase' },
    due: {
      ...dueSchema,
      description:
        '时限或周期，如 2019年1月15日前、每个季度最后一个月上旬 / Deadline or recurrence',
    },
    within: {
      ...windowSchema,
      description: '周期性任务的起止范围，缺省为所属阶段或有效期 / Window for a recurrence',
    },
    review: {
      type: 'object',
      required: ['by'],
      additionalProperties: false,
      description: '由谁审核 / Who reviews the report',
      properties: { by: refSchema },
    },
    closeOut: {
      type: 'object',
      required: ['evidence'],
      additionalProperties: false,
      description: '办结销号：审核通过即销号 / Close-out: the approval closes the task out',
      properties: {
        evidence: {
          enum: ['required', 'optional'],
          description:
            'required：报送须附至少一个附件方可审核通过 / required: approval needs an attachment in the report',
        },
      },
    },
    startsWhen: {
      type: 'object',
      required: ['event'],
      additionalProperties: false,
      description:
        '条件任务：某事发生后才开始（之前不派任务、不设计时器）；事件发生时为仍未到期的期次派任务 / A duty that starts when an event happens',
      properties: {
        event: {
          enum: DUTY_START_EVENTS,
          description:
            'procedure-step：程序的某一步办结（如 启动实施）；assessment-published：某项考核的结果公布 / The event',
        },
        procedure: { ...refSchema, description: '程序标识（procedure-step）/ The procedure' },
        step: { ...idSchema, description: '该程序中的步骤标识（procedure-step）/ Its step' },
        assessment: {
          ...refSchema,
          description: '考核标识（assessment-published）/ The assessment',
        },
        note: noteSchema,
        source: sourceSchema,
      },
    },
    optional: {
      type: 'object',
      required: ['condition'],
      additionalProperties: false,
      description:
        '可选任务（文件写「可」「条件成熟的……可」）：不自动派任务，由办公室认定条件成熟后启用 / An optional duty: no task until the office activates it',
      properties: {
        condition: {
          ...textSchema,
          description:
            '启用的条件，按原文，如「条件成熟的区可成立监事会」/ The condition, as written',
        },
        note: noteSchema,
      },
    },
    progressReports: {
      enum: [...PROGRESS_PERIODS, 'none'],
      description:
        '周期反馈：week 每周、month 每月、quarter 每季度、none 不要求（缺省按 escalation.progressReports）/ How often its tasks report progress',
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const PROCEDURE_STEP_KINDS = ['submit', 'review', 'decide', 'implement'] as const

export const procedureSchema = {
  type: 'object',
  required: ['id', 'name', 'steps', 'source'],
  additionalProperties: false,
  description: '多方参与的程序，如申报—评估—启动 / A multi-actor procedure',
  properties: {
    id: idSchema,
    name: textSchema,
    applicant: { ...refSchema, description: '申请方（单位或组织）/ Who applies' },
    form: { ...refSchema, description: '申报材料表单（forms 中的标识）/ Application form id' },
    conditions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'text'],
        additionalProperties: false,
        properties: { id: idSchema, text: textSchema, source: sourceSchema },
      },
    },
    materials: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: idSchema, name: textSchema, source: sourceSchema },
      },
    },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'name', 'kind', 'actor'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          name: textSchema,
          kind: { enum: PROCEDURE_STEP_KINDS, description: '步骤类别 / Kind of step' },
          actor: { ...ownersSchema, description: '执行方 / Who acts' },
          with: { ...refListSchema, description: '会同单位 / Acting together with' },
          due: dueSchema,
          outcome: { ...textSchema, description: '结果，如 满足条件的启动实施 / Result' },
          source: sourceSchema,
        },
      },
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const
