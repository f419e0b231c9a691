/** @module The `organizations` section: units with stable ids and their groupings. */
import {
  idSchema,
  noteSchema,
  refListSchema,
  refSchema,
  sourceSchema,
  textSchema,
  unspecifiedSchema,
} from './common.schema.ts'

export const UNIT_KINDS = [
  'government',
  'party-committee',
  'department',
  'office',
  'insurance',
  'hospital',
  'primary-care',
  'public-health',
  'social-organization',
  'other',
] as const

export const GROUP_KINDS = [
  'medical-alliance',
  'county-medical-community',
  'specialty-alliance',
  'telemedicine-network',
  'urban-medical-group',
  'unit-set',
] as const

export const unitSchema = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '简称，如 县卫计局 / Short name' },
    fullName: { ...textSchema, description: '全称 / Full name' },
    kind: { enum: UNIT_KINDS, description: '单位类别 / Kind of unit' },
    parent: { ...refSchema, description: '上级或所属单位 / Parent unit' },
    external: {
      type: 'boolean',
      description:
        '本地区以外的单位（如市卫计委），只接收备案和报送，不分派任务 / Outside the region',
    },
    aliases: {
      type: 'array',
      items: textSchema,
      uniqueItems: true,
      description: '文件中的其他写法，如 卫计局 / Other names used in the text',
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const groupSchema = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '名称，如 县人民医院医共体 / Name' },
    kind: { enum: GROUP_KINDS, description: '组织形式 / Kind of grouping' },
    lead: {
      oneOf: [
        refSchema,
        {
          ...refListSchema,
          minItems: 2,
          description:
            '几家单位共同牵头（如「以县人民医院、县妇幼保健院牵头」）/ Several units leading jointly',
        },
        unspecifiedSchema,
      ],
      description:
        '牵头单位：一家、共同牵头的几家，或明确「未规定」/ Lead unit, joint leads, or unspecified',
    },
    members: { ...refListSchema, description: '成员单位 / Member units' },
    groups: {
      ...refListSchema,
      description:
        '由哪些组织组成（组织的组织，如 试点区 = 国家试点区 + 市级试点区）；成员为各组织成员之和 / Groups it is made of',
    },
    memberSelection: {
      ...textSchema,
      description: '文件未列名单时，成员如何确定 / How members are chosen when not named',
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const organizationsSchema = {
  type: 'object',
  description: '单位与组织 / Units and groupings',
  required: ['units'],
  additionalProperties: false,
  properties: {
    units: { type: 'array', items: unitSchema, minItems: 1 },
    groups: { type: 'array', items: groupSchema },
  },
} as const
