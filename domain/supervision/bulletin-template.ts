/**
 * @module The 情况通报 template: the title, opening and closing texts of a period's bulletin, with
 * `{placeholder}`s filled from the period's figures. A policy may write its own under
 * `supervision.bulletin`; {@link DEFAULT_BULLETIN} is used for any text it leaves out.
 */

/** The placeholders a bulletin text may use, with what each is replaced by. */
export const BULLETIN_PLACEHOLDERS = {
  plan: { zh: '计划名称', en: 'the plan’s name' },
  policy: { zh: '政策文件标题', en: 'the policy document’s title' },
  office: { zh: '发文单位（计划的办公室）', en: 'the issuing office (the plan’s office)' },
  from: { zh: '通报期起日', en: 'the first day of the period' },
  to: { zh: '通报期止日', en: 'the last day of the period' },
  total: { zh: '期内到期任务数', en: 'tasks due in the period' },
  done: { zh: '已办结数', en: 'done' },
  onTime: { zh: '按时办结数', en: 'done on time' },
  late: { zh: '逾期办结数', en: 'done late' },
  overdue: { zh: '逾期未办结数', en: 'overdue, not done' },
  red: { zh: '红灯数', en: 'red lights' },
  yellow: { zh: '黄灯数', en: 'yellow lights' },
  onTimeRate: { zh: '按时办结率（%）', en: 'on-time rate (%)' },
} as const

export type BulletinPlaceholder = keyof typeof BULLETIN_PLACEHOLDERS

/** The three texts of a bulletin. */
export interface BulletinTemplate {
  title: string
  opening: string
  closing: string
}

export const DEFAULT_BULLETIN: BulletinTemplate = {
  title: '关于{plan}落实情况的通报',
  opening:
    '{from}至{to}，{plan}期内到期任务{total}项，已办结{done}项（按时{onTime}项、逾期{late}项），逾期未办结{overdue}项；当前红灯{red}项、黄灯{yellow}项，按时办结率{onTimeRate}%。现将有关情况通报如下。',
  closing:
    '请各责任单位对照通报的逾期任务，逐项明确整改措施和完成时限，于收到通报后5个工作日内将落实情况书面报送{office}。',
}

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The placeholder names a text uses that are not known ({@link BULLETIN_PLACEHOLDERS}). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((name) => !Object.hasOwn(BULLETIN_PLACEHOLDERS, name))
}

/** The text with each known placeholder replaced by its value (unknown ones are left as written). */
export function fillPlaceholders(
  text: string,
  values: Record<BulletinPlaceholder, string | number>,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name as BulletinPlaceholder]) : whole,
  )
}
