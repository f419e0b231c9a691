/**
 * Building blocks shared by every section of the policy schema.
 *
 * They are plain `as const` objects spread into the sections rather than `$ref`s, so that
 * json-schema-to-ts derives exact types without a reference resolver, and Ajv reports errors at
 * the author's own JSON pointer.
 * @module
 */

/** A stable, URL-safe id: lower-case words joined by `-`, e.g. `county-health-bureau`. */
export const idSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  maxLength: 64,
  description:
    '稳定标识：小写字母、数字和连字符，如 county-health-bureau / Stable id in kebab-case',
} as const

/** A reference to an id declared elsewhere in the same config. */
export const refSchema = {
  ...idSchema,
  description: '引用本配置中已声明的标识 / Reference to a declared id',
} as const

/** A non-empty, duplicate-free list of references. */
export const refListSchema = {
  type: 'array',
  items: refSchema,
  minItems: 1,
  uniqueItems: true,
} as const

/** Plain text written by an author; never empty. */
export const textSchema = { type: 'string', minLength: 1 } as const

/** A civil date in Asia/Shanghai, written `2018-06-22`. */
export const dateSchema = {
  type: 'string',
  format: 'date',
  description: '日期（北京时间），如 2018-06-22 / Civil date in Asia/Shanghai',
} as const

/**
 * An explicit statement that the document does not say something (an owner, a deadline).
 * Writing it is required instead of leaving a field out, so a reader sees the gap was noticed.
 */
export const unspecifiedSchema = {
  type: 'object',
  required: ['unspecified'],
  additionalProperties: false,
  properties: {
    unspecified: {
      ...textSchema,
      description: '文件未作规定的说明，如「文件未规定完成时限」/ Why the document gives none',
    },
  },
} as const

const clauseSchema = {
  ...textSchema,
  description: '条款编号，如 四、(二) / Clause number, e.g. 四、(二)',
} as const
const quoteSchema = {
  type: 'string',
  minLength: 4,
  description: '原文引文，须与来源文件逐字一致（忽略空白）/ Verbatim quote from the source',
} as const

/**
 * Where in the source document an element comes from: its clause and the quoted sentence, and
 * (`also`) further quotes when the document states it in more than one place.
 */
export const sourceSchema = {
  type: 'object',
  required: ['clause', 'quote'],
  additionalProperties: false,
  description: '出处：条款编号与原文引文 / The clause and its verbatim quote',
  properties: {
    clause: clauseSchema,
    quote: quoteSchema,
    also: {
      type: 'array',
      minItems: 1,
      description:
        '同一要素在文件其他位置的引文（每条同样逐字核对）/ Further quotes of the same element elsewhere',
      items: {
        type: 'object',
        required: ['clause', 'quote'],
        additionalProperties: false,
        properties: { clause: clauseSchema, quote: quoteSchema },
      },
    },
  },
} as const

/** Free-form explanation an author adds for readers. */
export const noteSchema = { ...textSchema, description: '说明 / Note for readers' } as const

/**
 * When something is due: a phrase as the documents write it (`2018年4月上旬`,
 * `每个季度最后一个月上旬`, `10个工作日内`), a structured date or window, or an explicit
 * statement that the document sets none.
 */
export const dueSchema = {
  description:
    '时限：文件原话、结构化日期或窗口，或明确「未规定」/ Deadline phrase, date, window or unspecified',
  oneOf: [
    { ...textSchema, description: '时限短语，如 2018年4月上旬 / A deadline phrase' },
    {
      type: 'object',
      required: ['date'],
      additionalProperties: false,
      properties: { date: dateSchema },
    },
    {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: dateSchema, to: dateSchema },
    },
    unspecifiedSchema,
  ],
} as const

/** A window in time: a phrase (`2018年8—12月`) or explicit dates. */
export const windowSchema = {
  description: '时间窗口：短语或起止日期 / A window: phrase or from/to dates',
  oneOf: [
    textSchema,
    {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: dateSchema, to: dateSchema },
    },
  ],
} as const

/** Owners of a duty: declared unit, group or body ids, or an explicit statement of none. */
export const ownersSchema = {
  description: '责任单位：单位/组织/机构标识列表，或明确「未规定」/ Owner ids, or unspecified',
  oneOf: [refListSchema, unspecifiedSchema],
} as const

/** A person holding a seat on a governance body. */
export const memberSchema = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    name: { ...textSchema, description: '姓名 / Name' },
    title: { ...textSchema, description: '职务 / Position' },
    unit: { ...refSchema, description: "所在单位（或单位集合）/ The member's unit or unit set" },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

/** A boolean or numeric expression over data elements, e.g. `primary_visits / total_visits * 100`. */
export const expressionSchema = {
  ...textSchema,
  description: '表达式：数据元素标识与 + - * / ( ) 比较和 && || / Expression over data element ids',
} as const
