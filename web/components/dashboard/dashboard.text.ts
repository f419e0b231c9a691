/** @module The dashboard's own texts (the three questions, the 督办 list, the ranking). */
import { messageTable } from '../../i18n.ts'

export const dashText = messageTable({
  behind: { zh: '一、落后多少', en: '1. What is behind' },
  whose: { zh: '二、落在谁家', en: '2. Whose it is' },
  todo: { zh: '三、该做什么', en: '3. What to do' },
  done: { zh: '完成 {approved}/{total}', en: '{approved} of {total} done' },
  doneHint: {
    zh: '按每项职责的任务计，与各阶段同一口径',
    en: 'Counts each duty’s task once, as the phases do',
  },
  overdue: { zh: '已逾期 {n}', en: '{n} overdue' },
  lights: { zh: '三色预警', en: 'Status colours' },
  escalations: { zh: '督办级别', en: 'Escalation' },
  supervised: { zh: '督办中', en: 'Under 督办' },
  supervisedHint: {
    zh: '督办第 3 级（督办）与第 4 级（通报），未办结的任务；与任务上的徽标同一口径',
    en: 'Open tasks at level 3 (督办) or 4 (通报), as their badges show',
  },
  levelOf: { zh: '第 {n} 级', en: 'level {n}' },
  rankingCaption: {
    zh: '晾晒排名：红灯、黄灯多者在前，同数时按时完成率低者在前',
    en: 'Ranking: most red, then most yellow, then lowest on-time rate first',
  },
  col_unit: { zh: '单位', en: 'Unit' },
  col_red: { zh: '红灯', en: 'Red' },
  col_yellow: { zh: '黄灯', en: 'Yellow' },
  col_onTime: { zh: '按时率', en: 'On time' },
  col_done: { zh: '完成率', en: 'Done' },
  allUnits: { zh: '全部 {n} 个单位 ↓', en: '{n, plural, one {The # unit} other {All # units}} ↓' },
  noRed: { zh: '没有红灯、黄灯的单位', en: 'No unit has red or yellow tasks' },
  noSupervision: { zh: '没有督办中的任务', en: 'No task is under 督办' },
  supervisionUnavailable: { zh: '督办清单暂不可用', en: 'The 督办 list is unavailable' },
  daysOverdue: { zh: '逾期 {n} 天', en: '{n, plural, one {# day} other {# days}} overdue' },
  notOverdue: { zh: '未逾期', en: 'Not overdue' },
  dueOn: { zh: '时限 {date}', en: 'due {date}' },
  urge: { zh: '催办', en: 'Urge' },
  urgeSend: { zh: '发送催办', en: 'Send' },
  urgeDefault: {
    zh: '该任务已列入督办，请抓紧办理并及时报送进展。',
    en: 'This task is under 督办: please act on it and report progress promptly.',
  },
  urged: { zh: '已催办', en: 'Urged' },
  notice: { zh: '督办单', en: 'Notice' },
  noticeDocx: { zh: '督办单（Word）', en: 'Notice (Word)' },
  tasksOf: { zh: '{n} 项', en: '{n, plural, one {# task} other {# tasks}}' },
  cancel: { zh: '取消', en: 'Cancel' },
  moreBelow: {
    zh: '各阶段、各单位明细与指标见下方',
    en: 'Phases, every unit and indicators below',
  },
  parts: { zh: '按文件结构', en: 'By the document’s parts' },
  unphased: {
    zh: '不分阶段的任务 {approved}/{total}（{percent}%）',
    en: 'Tasks of no phase {approved}/{total} ({percent}%)',
  },
})
