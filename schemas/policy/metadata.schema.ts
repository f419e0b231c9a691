/** @module The `metadata` section: which document this config carries out, and its version. */
import { dateSchema, idSchema, noteSchema, textSchema } from './common.schema.ts'

export const REGION_LEVELS = [
  'province',
  'municipality',
  'prefecture',
  'county',
  'district',
] as const

/**
 * Where the document stands: `issued` (正式印发, the default), or a draft named in its title —
 * `draft-for-comment` (征求意见稿), `draft-for-review` (送审稿). A draft's plan is named with its
 * status everywhere (domain/compiler/policy-names.ts `policyTitle`).
 */
export const DOCUMENT_STATUSES = ['issued', 'draft-for-comment', 'draft-for-review'] as const

export const metadataSchema = {
  type: 'object',
  description: '政策元数据 / Policy metadata',
  required: ['id', 'title', 'region', 'issuingBodies', 'issueDate', 'effective', 'version'],
  additionalProperties: false,
  properties: {
    id: { ...idSchema, description: '政策标识，跨版本不变 / Policy id, stable across versions' },
    title: { ...textSchema, description: '文件标题 / Document title' },
    region: {
      type: 'object',
      required: ['name', 'level'],
      additionalProperties: false,
      properties: {
        name: { ...textSchema, description: '地区名称，如 平南县 / Region name' },
        level: {
          enum: REGION_LEVELS,
          description: '行政层级：省/直辖市/地级市/县/区 / Administrative level',
        },
        parent: { ...textSchema, description: '上级地区，如 贵港市 / Parent region' },
        code: {
          type: 'string',
          pattern: '^[0-9]{6}$',
          description: '行政区划代码 / Division code',
        },
      },
    },
    status: {
      enum: DOCUMENT_STATUSES,
      description:
        '文件状态：issued 正式印发（缺省），draft-for-comment 征求意见稿，draft-for-review 送审稿；草稿的名称处处带状态 / Document status; a draft is named with it everywhere',
    },
    documentNumber: {
      ...textSchema,
      description: '文号，如 渝卫函〔2024〕285号；文件无文号时省略并在 note 说明 / Document number',
    },
    issuingBodies: {
      type: 'array',
      items: textSchema,
      minItems: 1,
      description: '发文机关 / Issuing bodies',
    },
    issueDate: { ...dateSchema, description: '成文日期 / Issue date' },
    effective: {
      type: 'object',
      required: ['from'],
      additionalProperties: false,
      description: '有效期：起始日期，及截止日期或年数 / Effective period',
      properties: {
        from: dateSchema,
        to: dateSchema,
        years: { type: 'integer', minimum: 1, maximum: 20, description: '试行年数 / Trial years' },
        phrase: { ...textSchema, description: '文件原话，如「试行3年」/ The phrase used' },
        note: noteSchema,
      },
    },
    version: {
      type: 'string',
      pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$',
      description: '配置版本（语义化版本），如 1.0.0 / Semantic version of this config',
    },
    sourceDocument: {
      ...textSchema,
      description:
        '来源文件，相对本配置的路径，默认 source.txt / Source text path (default source.txt)',
    },
    summary: { ...textSchema, description: '摘要 / Summary' },
    note: noteSchema,
  },
} as const
