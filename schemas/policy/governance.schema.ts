/** @module The `governance` section: bodies, their powers and filing duties, and named rules. */
import {
  idSchema,
  memberSchema,
  noteSchema,
  refListSchema,
  refSchema,
  sourceSchema,
  textSchema,
} from './common.schema.ts'

export const BODY_KINDS = [
  'leadership-group',
  'management-committee',
  'council',
  'supervisory-board',
  'office',
  'working-group',
] as const

export const POWER_KINDS = [
  'decide',
  'sign-off',
  'supervise',
  'coordinate',
  'assess',
  'manage',
] as const

export const bodySchema = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '名称 / Name' },
    kind: { enum: BODY_KINDS, description: '机构类别 / Kind of body' },
    parent: { ...refSchema, description: '上级机构（如办公室所属领导小组）/ Parent body' },
    hostUnit: { ...refSchema, description: '设在哪个单位 / Unit that hosts it' },
    perGroup: {
      ...refListSchema,
      description: '每个所列组织各设一个（如每个医联体设理事会）/ One such body per listed group',
    },
    perMember: {
      ...refSchema,
      description:
        '所引单位集合的每个成员各设一个（如每个试点区设一个管委会）/ One such body per member of this unit set',
    },
    chair: memberSchema,
    deputies: { type: 'array', items: memberSchema },
    members: { type: 'array', items: memberSchema },
    composition: { ...textSchema, description: '组成方式（文件未列姓名时）/ How seats are filled' },
    establishment: {
      type: 'object',
      required: ['required'],
      additionalProperties: false,
      description: '是否必设，及可选设立的条件 / Whether it must be set up',
      properties: { required: { type: 'boolean' }, condition: textSchema },
    },
    powers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'text'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          kind: { enum: POWER_KINDS, description: '职权类别 / Kind of power' },
          text: textSchema,
          source: sourceSchema,
        },
      },
    },
    filings: {
      type: 'array',
      description: '备案义务 / Filing duties',
      items: {
        type: 'object',
        required: ['id', 'what', 'to'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          what: textSchema,
          to: { ...refListSchema, description: '报送备案的单位 / Filed with' },
          before: { ...textSchema, description: '在什么之前 / Before what' },
          source: sourceSchema,
        },
      },
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const provisionSetSchema = {
  type: 'object',
  required: ['id', 'name', 'items'],
  additionalProperties: false,
  description: '成组的制度规定，如「五变」「五不变」/ A named set of provisions',
  properties: {
    id: idSchema,
    name: textSchema,
    appliesTo: { ...refListSchema, description: '适用的组织 / Groups it applies to' },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'name', 'text'],
        additionalProperties: false,
        properties: { id: idSchema, name: textSchema, text: textSchema, source: sourceSchema },
      },
    },
    source: sourceSchema,
  },
} as const

export const governanceSchema = {
  type: 'object',
  description: '治理机构 / Governance',
  additionalProperties: false,
  properties: {
    bodies: { type: 'array', items: bodySchema },
    provisions: { type: 'array', items: provisionSetSchema },
  },
} as const
