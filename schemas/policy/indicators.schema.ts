/**
 * @module The `dataElements` and `indicators` sections: what units report, and the measures
 * computed from it with their targets.
 */
import {
  dueSchema,
  expressionSchema,
  idSchema,
  noteSchema,
  ownersSchema,
  sourceSchema,
  textSchema,
  unspecifiedSchema,
} from './common.schema.ts'

export const VALUE_TYPES = [
  'percentage',
  'permille',
  'ratio',
  'count',
  'amount',
  'days',
  'number',
  'boolean',
] as const
export const DIRECTIONS = ['higher-is-better', 'lower-is-better', 'none'] as const
export const FREQUENCIES = ['monthly', 'quarterly', 'yearly', 'once'] as const
export const COMPARATORS = ['>=', '>', '<=', '<', '='] as const
export const ROLLUP_METHODS = ['sum', 'mean', 'weighted-mean', 'min', 'max', 'none'] as const

/** Data element ids appear inside formulas, so they are snake_case identifiers. */
export const dataElementIdSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]*$',
  maxLength: 64,
  description:
    '数据元素标识（用于公式，只含小写字母、数字、下划线）/ snake_case id usable in formulas',
} as const

export const dataElementSchema = {
  type: 'object',
  required: ['id', 'name', 'valueType'],
  additionalProperties: false,
  properties: {
    id: dataElementIdSchema,
    name: textSchema,
    valueType: { enum: VALUE_TYPES, description: '取值类型 / Value type' },
    unit: { ...textSchema, description: '计量单位，如 人次 / Unit of measure' },
    description: textSchema,
    source: sourceSchema,
  },
} as const

export const targetSchema = {
  type: 'object',
  required: ['op'],
  additionalProperties: false,
  description: '目标：年份、比较符，及目标值或较基线的增量 / A target for a year',
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    op: { enum: COMPARATORS, description: '比较符 / Comparator' },
    value: { type: 'number', description: '目标值 / Target value' },
    delta: { type: 'number', description: '较基线的变化量 / Change against the baseline' },
    phrase: { ...textSchema, description: '文件原话，如「力争达90%以上」/ The phrase used' },
    upTo: {
      type: 'number',
      description: '区间上限：「2—3个」写 op ">="、value 2、upTo 3 / Upper end of a range target',
    },
    tolerance: {
      type: 'number',
      exclusiveMinimum: 0,
      description:
        '「左右」的允许偏差：「30%左右（±2）」写 op "="、value 30、tolerance 2 / Allowed deviation of an approximate target',
    },
    relativeTo: {
      ...idSchema,
      description:
        '与另一指标同年的值比较：「医保基金支出增速不高于经济增长」写 op "<="、relativeTo 经济增长指标 / Compare with another indicator’s value',
    },
    each: {
      type: 'boolean',
      description:
        '每个成员都须达到（如「每个卫生院不少于3人」）：组织和地区取成员中最差的值 / Every member must meet it; a group shows its worst member',
    },
    source: sourceSchema,
  },
} as const

/**
 * What the office inferred rather than read in the document: for each of `definition`,
 * `formula` and `direction`, why it was written so (通行口径, 名称所示). A field the document
 * does not give is either left out or named here, so readers see the inference as one.
 */
export const inferredSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description:
    '文件未写、由编写单位推断的字段及理由 / Fields the office inferred, with the reason for each',
  properties: {
    definition: { ...textSchema, description: '口径为推断的理由 / Why the definition is inferred' },
    formula: { ...textSchema, description: '公式为推断的理由 / Why the formula is inferred' },
    direction: { ...textSchema, description: '方向为推断的理由 / Why the direction is inferred' },
  },
} as const

export const indicatorSchema = {
  type: 'object',
  required: ['id', 'name', 'valueType', 'frequency', 'owner'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '指标名称 / Indicator name' },
    category: { ...textSchema, description: '指标分组，如 基层首诊机制 / Group' },
    valueType: { enum: VALUE_TYPES, description: '取值类型 / Value type' },
    unit: { ...textSchema, description: '计量单位，如 %、天、个 / Unit of measure' },
    direction: { enum: DIRECTIONS, description: '方向：越高越好/越低越好 / Direction' },
    definition: { ...textSchema, description: '口径定义 / Definition' },
    formula: {
      ...expressionSchema,
      description: '计算公式，引用 dataElements，如 primary_visits / total_visits * 100 / Formula',
    },
    dataSource: { ...textSchema, description: '数据来源 / Data source' },
    frequency: {
      description:
        '报送频次；文件未规定时写 {unspecified: …}，不生成定期填报任务 / Reporting frequency, or unspecified (no periodic entry task)',
      oneOf: [{ enum: FREQUENCIES }, unspecifiedSchema],
    },
    owner: { ...ownersSchema, description: '填报单位 / Who reports it' },
    inferred: inferredSchema,
    entryDue: {
      ...dueSchema,
      description:
        '填报时限，如 次年1月、每月上旬；缺省取 indicatorEntry.due（次月上旬/次季度首月/次年1月）/ When each period is reported; defaults to indicatorEntry.due',
    },
    baseline: {
      type: 'object',
      required: ['label'],
      additionalProperties: false,
      description:
        '基线：delta 目标以它为起点。写 value 为固定值；只写 year 则取本指标该年度的填报数据（同一单位），该年无数据时显示「缺基线值」/ The baseline of delta targets: a fixed value, or the indicator’s own value in `year` from the data',
      properties: {
        label: { ...textSchema, description: '基线说明，如「试点前」/ Baseline label' },
        year: {
          type: 'integer',
          minimum: 2000,
          maximum: 2100,
          description:
            '基线年度，如 2019（试点前）；不写 value 时基线取该年度的数据 / Baseline year; without value, its data is the baseline',
        },
        value: { type: 'number', description: '固定的基线值 / A fixed baseline value' },
        note: noteSchema,
        source: sourceSchema,
      },
    },
    targets: { type: 'array', items: targetSchema },
    rollup: {
      type: 'object',
      required: ['method'],
      additionalProperties: false,
      description: '由成员汇总到组织和地区的方法 / How member values roll up',
      properties: {
        method: {
          enum: ROLLUP_METHODS,
          description:
            'sum 求和、mean 平均、weighted-mean 加权平均、min 取最小、max 取最大、none 不汇总 / How to combine members',
        },
        weight: { ...dataElementIdSchema, description: '加权平均的权重数据元素 / Weight element' },
      },
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const RULE_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const
export const RULE_SEVERITIES = ['error', 'warning'] as const

/**
 * A validation rule over data elements, as DHIS2 writes them: a left side, an operator and a
 * right side, each side an expression in the formula language (`county_visits`,
 * `day_surgery_cases * 2`). A value that makes the rule false is refused (`error`) or accepted
 * with the message shown (`warning`). Both sides are taken for one unit and one period; a rule
 * with a side that cannot be computed yet (an input not entered) is not checked.
 */
export const validationRuleSchema = {
  type: 'object',
  required: ['id', 'left', 'operator', 'right', 'message'],
  additionalProperties: false,
  description: '数据校验规则：左式 比较符 右式，如 县域内就诊人次 ≤ 就诊总人次 / A validation rule',
  properties: {
    id: idSchema,
    left: {
      ...expressionSchema,
      description: '左式：数据元素的表达式，如 county_visits / Left side',
    },
    operator: { enum: RULE_OPERATORS, description: '比较符：== != < <= > >= / Operator' },
    right: {
      ...expressionSchema,
      description: '右式：数据元素的表达式或数字，如 total_visits / Right side',
    },
    message: {
      type: 'object',
      required: ['zh', 'en'],
      additionalProperties: false,
      description: '违反规则时的提示（中文、英文）/ What a violation says, in Chinese and English',
      properties: {
        zh: { ...textSchema, description: '中文提示 / Chinese message' },
        en: { ...textSchema, description: '英文提示 / English message' },
      },
    },
    severity: {
      enum: RULE_SEVERITIES,
      description:
        '严重程度：error 拒收（缺省），warning 提示但接收 / error refuses (default); warning accepts with the message',
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const parameterSchema = {
  type: 'object',
  required: ['id', 'name', 'dimensions', 'values'],
  additionalProperties: false,
  description: '政策参数表，如按参保类型和医院级别的报销比例 / A table of policy parameters',
  properties: {
    id: idSchema,
    name: textSchema,
    unit: textSchema,
    dimensions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'name', 'values'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          name: textSchema,
          values: { type: 'array', items: textSchema, minItems: 1, uniqueItems: true },
        },
      },
    },
    values: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['at', 'value'],
        additionalProperties: false,
        properties: {
          at: {
            type: 'object',
            additionalProperties: textSchema,
            description: '各维度的取值，如 {insurance: 职工医保, tier: 一级} / Coordinates',
          },
          value: { type: 'number' },
          source: sourceSchema,
        },
      },
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

const entryDuePhrase = (description: string) =>
  ({ type: 'string', minLength: 1, maxLength: 200, description }) as const

/**
 * The optional `indicatorEntry` section: when a period's figures are due by default, for the
 * indicators without their own `entryDue`. A period's figures exist only once it has ended, so
 * each default falls after its period.
 */
export const indicatorEntrySchema = {
  type: 'object',
  additionalProperties: false,
  description: '指标数据填报的缺省设置 / Defaults for indicator data entry',
  properties: {
    due: {
      type: 'object',
      additionalProperties: false,
      description:
        '各频次的缺省填报时限（期满后填报）/ Default deadline per frequency, after the period ends',
      properties: {
        monthly: entryDuePhrase('月度数据，缺省 次月上旬（次月10日前）/ Monthly; default 次月上旬'),
        quarterly: entryDuePhrase(
          '季度数据，缺省 次季度首月（下季度第一个月底前）/ Quarterly; default 次季度首月',
        ),
        yearly: entryDuePhrase('年度数据，缺省 次年1月（次年1月31日前）/ Yearly; default 次年1月'),
      },
    },
  },
} as const
