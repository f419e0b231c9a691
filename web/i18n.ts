/**
 * @module Chinese first, English by a switch. Components call `t('key')`; the locale lives in
 * localStorage and a `ls-locale-change` event on window re-renders whoever listens.
 */
import type { LocalizedText } from '../schemas/api/error.schema.ts'

export type Locale = 'zh' | 'en'

const KEY = 'luoshi.locale'

let current: Locale = (globalThis.localStorage?.getItem(KEY) as Locale | null) ?? 'zh'

export function locale(): Locale {
  return current
}

export function setLocale(next: Locale): void {
  current = next
  globalThis.localStorage?.setItem(KEY, next)
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en'
  window.dispatchEvent(new CustomEvent('ls-locale-change', { detail: { locale: next } }))
}

/** Picks the text of the current locale from a `{ zh, en }` pair (server messages use this shape). */
export function pick(text: LocalizedText | undefined | null): string {
  if (!text) return ''
  return current === 'zh' ? text.zh : text.en
}

/** `{n, plural, one {# task} other {# tasks}}`: the choice, then its branches. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g

/**
 * Replaces `{name}` placeholders in a translated message, and picks plural forms by the
 * language's rules (`Intl.PluralRules`): `{n, plural, =0 {no tasks} one {# task} other {# tasks}}`,
 * `#` standing for the number. Chinese needs no plural, so its texts use plain placeholders.
 * @example fill('{n, plural, one {# task} other {# tasks}}', { n: 1 }) // '1 task'
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  const plurals = new Intl.PluralRules(current === 'zh' ? 'zh-CN' : 'en')
  return text
    .replace(PLURAL, (whole, name: string, branches: string) => {
      if (!(name in params)) return whole
      const n = Number(params[name])
      const forms = new Map([...branches.matchAll(BRANCH)].map(([, key, body]) => [key!, body!]))
      const form = forms.get(`=${n}`) ?? forms.get(plurals.select(n)) ?? forms.get('other') ?? ''
      return form.replace(/#/g, formatNumber(n))
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!) : whole,
    )
}

/** A number as the locale writes it, with thousands separators: 12,345.5 (both locales). */
export function formatNumber(value: number, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits,
  }).format(value)
}

/** Numbers in messages get separators; years (four digits, no fraction) and text stay as they are. */
function formatParam(value: string | number): string {
  if (typeof value !== 'number' || (Number.isInteger(value) && Math.abs(value) < 10000))
    return String(value)
  return formatNumber(value)
}

/**
 * An instant in China time, where every plan runs (not the browser's time zone), in the current
 * locale: 2021年12月20日 09:00 / 20 Dec 2021, 09:00. Empty for no instant.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(current === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

/**
 * A component's own message table as a lookup: `const text = messageTable({ title: { zh, en } })`,
 * then `text('title', { n: 3 })` — the current locale's text with its placeholders filled. The
 * lookup takes only the table's own keys, so a misspelt or removed key fails the typecheck.
 */
export function messageTable<T extends Record<string, LocalizedText>>(table: T) {
  return (key: Extract<keyof T, string>, params: Record<string, string | number> = {}): string =>
    fill(pick(table[key]), params)
}

const MESSAGES = {
  appName: { zh: '落实', en: 'luoshi' },
  inbox: { zh: '我的任务', en: 'My tasks' },
  nav_assessments: { zh: '考核', en: 'Assessments' },
  notifications: { zh: '通知', en: 'Notifications' },
  unreadSuffix: { zh: ' 条未读', en: ' unread' },
  dashboard: { zh: '领导看板', en: 'Dashboard' },
  authoring: { zh: '政策配置', en: 'Policy authoring' },
  users: { zh: '用户管理', en: 'Accounts' },
  regions: { zh: '地区管理', en: 'Regions' },
  channels: { zh: '通知渠道', en: 'Channels' },
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出', en: 'Log out' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  language: { zh: 'English', en: '中文' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '找不到该页面', en: 'Page not found' },
  dueOn: { zh: '截止', en: 'Due' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  escalated: { zh: '已督办', en: 'Escalated' },
  state_assigned: { zh: '待办', en: 'Assigned' },
  state_in_progress: { zh: '办理中', en: 'In progress' },
  state_submitted: { zh: '待审核', en: 'Submitted' },
  state_returned: { zh: '已退回', en: 'Returned' },
  state_approved: { zh: '已通过', en: 'Approved' },
  state_done: { zh: '已完成', en: 'Done' },
  state_withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  state_closed: { zh: '未完成关闭', en: 'Closed undone' },
  event_START: { zh: '开始办理', en: 'Start' },
  event_SAVE: { zh: '保存草稿', en: 'Save draft' },
  event_SUBMIT: { zh: '提交', en: 'Submit' },
  event_RESUBMIT: { zh: '重新提交', en: 'Resubmit' },
  event_APPROVE: { zh: '审核通过', en: 'Approve' },
  event_RETURN: { zh: '退回', en: 'Return' },
  event_COMPLETE: { zh: '完成本步', en: 'Complete step' },
  reason: { zh: '退回理由', en: 'Reason for return' },
  source: { zh: '政策依据', en: 'Source clause' },
  history: { zh: '办理记录', en: 'History' },
  contributions: { zh: '配合单位报送', en: 'Contributions' },
  noTasks: { zh: '暂无任务', en: 'No tasks' },
  all: { zh: '全部', en: 'All' },
  // Inbox, task tables, dashboard (ls-inbox, ls-task-table, ls-dashboard, ls-phase-gates, ls-unit-progress)
  role_lead: { zh: '牵头', en: 'Lead' },
  role_support: { zh: '配合', en: 'Support' },
  role_applicant: { zh: '申报', en: 'Applicant' },
  escalation_1: { zh: '提醒', en: 'Reminded' },
  escalation_2: { zh: '催办', en: 'Urged' },
  escalation_3: { zh: '督办', en: 'Supervised' },
  escalation_4: { zh: '通报', en: 'Circulated' },
  escalationLevel: { zh: '催办级别', en: 'Escalation' },
  light_green: { zh: '绿灯', en: 'Green: on track' },
  light_blue: { zh: '蓝灯', en: 'Blue: due soon' },
  light_yellow: { zh: '黄灯', en: 'Yellow: behind' },
  light_red: { zh: '红灯', en: 'Red: overdue' },
  filter_light: { zh: '三色预警', en: 'Status colour' },
  progress_title: { zh: '周期反馈', en: 'Progress reports' },
  progress_every_week: { zh: '每周报送进度', en: 'Progress reported weekly' },
  progress_every_month: { zh: '每月报送进度', en: 'Progress reported monthly' },
  progress_every_quarter: { zh: '每季度报送进度', en: 'Progress reported quarterly' },
  progress_nextDue: { zh: '下次报送截止：{date}', en: 'Next report due: {date}' },
  progress_expected: { zh: '序时进度：{percent}%', en: 'Expected by now: {percent}%' },
  progress_none: { zh: '尚未报送进度', en: 'No progress reported yet' },
  progress_percent: { zh: '完成百分比', en: 'Percent complete' },
  progress_text: { zh: '进展情况', en: 'What has been done' },
  progress_submit: { zh: '报送进度', en: 'Report progress' },
  progress_sent: { zh: '进度已报送', en: 'Progress reported' },
  progress_period: { zh: '所报周期截至 {date}', en: 'For the period to {date}' },
  progress_invalid: {
    zh: '请填写 0–100 的完成百分比和进展情况',
    en: 'Give a percent from 0 to 100 and what has been done',
  },
  light_clear: { zh: '解除红灯', en: 'Clear the red light' },
  light_clearReason: { zh: '解除理由', en: 'Why it is cleared' },
  light_cleared: { zh: '红灯已解除', en: 'Red light cleared' },
  light_clearedBy: { zh: '已解除红灯：{reason}', en: 'Red light cleared: {reason}' },
  period_once: { zh: '一次性', en: 'One-off' },
  procedureStep: { zh: '流程步骤', en: 'Step' },
  noDeadline: { zh: '未规定时限', en: 'No deadline' },
  retry: { zh: '重试', en: 'Retry' },
  close: { zh: '关闭', en: 'Close' },
  cancel: { zh: '取消', en: 'Cancel' },
  inbox_summary: { zh: '任务概况', en: 'Summary' },
  inbox_mine: { zh: '我的任务', en: 'My tasks' },
  inbox_review: { zh: '待审核', en: 'To review' },
  inbox_tabs: { zh: '任务分类', en: 'Task lists' },
  inbox_search: { zh: '搜索', en: 'Search' },
  inbox_searchHint: { zh: '任务名称、单位或条款', en: 'Title, unit or clause' },
  inbox_dueSoon: { zh: '临期', en: 'Due soon' },
  inbox_showAll: { zh: '显示全部', en: 'Show all' },
  inbox_cardHint: { zh: '点击数字按此筛选', en: 'Click a figure to filter by it' },
  dueSoon: { zh: '临期', en: 'Due soon' },
  filter_dueSoonOnly: { zh: '只看临期', en: 'Due soon only' },
  batch_choose: { zh: '选择', en: 'Choose' },
  batch_chooseAll: { zh: '选择全部待审核任务', en: 'Choose every task to review' },
  batch_approve: {
    zh: '批量通过（{n}）',
    en: 'Approve {n, plural, one {# report} other {# reports}}',
  },
  batch_confirmTitle: {
    zh: '确认通过以下 {n} 项报送？',
    en: 'Approve {n, plural, one {this report} other {these # reports}}?',
  },
  batch_comment: { zh: '审核意见（可选，附于每项）', en: 'Comment (optional, added to each)' },
  batch_confirm: { zh: '确认通过', en: 'Approve' },
  batch_cancel: { zh: '取消', en: 'Cancel' },
  batch_done: {
    zh: '已通过 {approved} 项。',
    en: '{approved, plural, one {# report} other {# reports}} approved.',
  },
  batch_failed: {
    zh: '{failed} 项未通过（未作任何更改）：',
    en: '{failed, plural, one {# was} other {# were}} not approved (nothing of {failed, plural, one {it} other {them}} changed):',
  },
  inbox_total: { zh: '任务总数', en: 'Tasks' },
  inbox_overdue: { zh: '已逾期', en: 'Overdue' },
  inbox_escalated: { zh: '督办及通报', en: 'Supervised or circulated' },
  inbox_filters: { zh: '筛选', en: 'Filters' },
  inbox_truncated: {
    zh: '显示前 {shown} 条，共 {total} 条',
    en: 'Showing the first {shown} of {total}',
  },
  filter_plan: { zh: '计划', en: 'Plan' },
  filter_phase: { zh: '阶段', en: 'Phase' },
  filter_state: { zh: '状态', en: 'State' },
  filter_period: { zh: '周期', en: 'Period' },
  filter_open: { zh: '未完成', en: 'Not finished' },
  filter_reviewing: { zh: '我审核的', en: 'Tasks I review' },
  filter_overdueOnly: { zh: '仅看逾期', en: 'Overdue only' },
  col_title: { zh: '任务', en: 'Task' },
  col_assignee: { zh: '承办单位', en: 'Assignee' },
  col_role: { zh: '职责', en: 'Role' },
  col_period: { zh: '周期', en: 'Period' },
  col_phase: { zh: '阶段', en: 'Phase' },
  col_state: { zh: '状态', en: 'State' },
  col_due: { zh: '截止时间', en: 'Due' },
  col_flags: { zh: '提示', en: 'Flags' },
  col_unit: { zh: '单位', en: 'Unit' },
  col_total: { zh: '任务数', en: 'Tasks' },
  col_approved: { zh: '已完成', en: 'Approved' },
  col_overdue: { zh: '逾期', en: 'Overdue' },
  col_rate: { zh: '完成率', en: 'Completion' },
  taskTable_caption: { zh: '任务（按截止时间排序）', en: 'Tasks, by deadline' },
  dash_plan: { zh: '计划', en: 'Plan' },
  dash_noPlans: { zh: '暂无可查看的计划', en: 'No plans to show' },
  dash_today: { zh: '今日', en: 'Today' },
  dash_summary: { zh: '总体情况', en: 'Overview' },
  dash_phases: { zh: '阶段进度与关口', en: 'Phases and gates' },
  dash_timeline: { zh: '阶段时间轴', en: 'Phase timeline' },
  dash_window: { zh: '时间窗口', en: 'Window' },
  dash_gate: { zh: '关口条件', en: 'Gate' },
  dash_action: { zh: '操作', en: 'Action' },
  phase_pending: { zh: '未开始', en: 'Not started' },
  phase_open: { zh: '进行中', en: 'Open' },
  phase_closed: { zh: '已关闭', en: 'Closed' },
  phase_late: { zh: '逾期未关闭', en: 'Late' },
  gate_holds: { zh: '已满足', en: 'Met' },
  gate_window: { zh: '时间窗口未结束', en: 'Window not ended' },
  gate_openTasks: { zh: '未完成任务 {n} 项', en: '{n, plural, one {# task} other {# tasks}} open' },
  gate_signOff: { zh: '待「{body}」签认', en: 'Awaits sign-off by {body}' },
  gate_signedOff: { zh: '「{body}」已签认', en: 'Signed off by {body}' },
  gate_milestones: { zh: '里程碑未到：{list}', en: 'Milestones pending: {list}' },
  signOff: { zh: '签认', en: 'Sign off' },
  signOffNote: { zh: '签认意见（可选）', en: 'Note (optional)' },
  signOffConfirm: { zh: '确认签认', en: 'Confirm sign-off' },
  signOffClosed: { zh: '已签认，阶段已关闭', en: 'Signed off; the phase is closed' },
  signOffRecorded: { zh: '已签认', en: 'Signed off' },
  dash_units: { zh: '各单位完成情况', en: 'Progress by unit' },
  dash_unitsChart: {
    zh: '逾期最多的 {n} 个单位',
    en: 'The {n, plural, one {unit} other {# units}} with the most overdue tasks',
  },
  dash_unitsChartAll: {
    zh: '有逾期任务的 {n} 个单位',
    en: 'The {n, plural, one {unit} other {# units}} with overdue tasks',
  },
  dash_unitsChartNone: { zh: '各单位均无逾期任务', en: 'No unit has overdue tasks' },
  dash_openNotDue: { zh: '未到期', en: 'Not yet due' },
  dash_searchUnit: { zh: '查找单位', en: 'Find a unit' },
  dash_unitHint: { zh: '点击单位查看其任务', en: 'Choose a unit to see its tasks' },
  pagePrev: { zh: '上一页', en: 'Previous' },
  pageNext: { zh: '下一页', en: 'Next' },
  pageOf: { zh: '第 {page} / {pages} 页，共 {n} 个', en: 'Page {page} of {pages}, {n} in all' },
  dash_escalations: { zh: '督办与通报', en: 'Supervised and circulated' },
  dash_escalationsUnavailable: {
    zh: '督办、通报清单暂不可用',
    en: 'The lists are not available yet',
  },
  dash_upcoming: { zh: '近 14 天截止', en: 'Due in the next 14 days' },
  dash_unitTasks: { zh: '「{unit}」的任务', en: 'Tasks of {unit}' },
  dash_totalTasks: { zh: '任务总数', en: 'Tasks' },
  dash_approvedTasks: { zh: '已完成', en: 'Approved' },
  dash_overdueTasks: { zh: '已逾期', en: 'Overdue' },
  dash_unassigned: { zh: '无人承办的工作', en: 'Work nobody holds' },
  dash_unassignedGroups: {
    zh: '{n} 个组织没有成员单位，其承担的工作没有生成任务',
    en: '{n, plural, one {# group has} other {# groups have}} no member units, so their work has no tasks',
  },
  dash_unassignedDuties: {
    zh: '{n} 项职责没有承办单位',
    en: '{n, plural, one {# duty has} other {# duties have}} no assignee',
  },
  dash_unassignedLeads: { zh: '牵头：{owners}', en: 'led by {owners}' },
  dash_unassignedFix: {
    zh: '处理办法：计划办公室可用「设置成员」为这些组织指定成员单位（可选配置中的单位或新增单位），新成员的任务随即生成；也可在配置的 organizations.groups 中写明 members 并发布新版本。',
    en: 'To fix: the plan’s office can name these groups’ member units with “Set members” (units of the config or new units), and their tasks are made at once; or list the members under organizations.groups in the config and publish a new version.',
  },
  dash_setMembers: { zh: '设置成员', en: 'Set members' },
  life_actions: { zh: '计划状态', en: 'Plan status' },
  life_suspend: { zh: '暂停', en: 'Suspend' },
  life_resume: { zh: '恢复', en: 'Resume' },
  life_close: { zh: '关闭', en: 'Close' },
  life_archive: { zh: '归档', en: 'Archive' },
  life_cancel: { zh: '取消', en: 'Cancel' },
  life_reason: { zh: '原因', en: 'Reason' },
  life_reasonRequired: { zh: '请填写原因', en: 'Give a reason' },
  life_suspendTitle: { zh: '暂停计划', en: 'Suspend the plan' },
  life_suspendExplain: {
    zh: '暂停后，提醒、催办、督办、通报一律不再发出，各单位不能办理任务（仍可查看），直到恢复。截止日期不变。',
    en: 'While suspended, no reminder or escalation goes out and no task can be acted on (reading goes on), until it is resumed. Deadlines stay as they are.',
  },
  life_resumeTitle: { zh: '恢复计划', en: 'Resume the plan' },
  life_resumeExplain: {
    zh: '暂停期间到期的提醒、催办、督办、通报默认取消（记入审计日志），之后的催办照常；阶段与周期按期开启。截止日期不变。',
    en: 'Reminders and escalations that fell due while suspended are cancelled by default (recorded in the audit log); later ones go on; phases and periods open as scheduled. Deadlines stay as they are.',
  },
  life_fireMissed: {
    zh: '暂停期间到期的提醒与督办现在各发出一次',
    en: 'Send the reminders and escalations that fell due meanwhile now, once each',
  },
  life_closeTitle: { zh: '关闭计划', en: 'Close the plan' },
  life_closeExplain: {
    zh: '关闭后，下列未完成的任务将标为「未完成关闭」，计入未完成；所有定时提醒取消，任务不再办理。',
    en: 'Closing marks each open task below “closed undone”, counted as not done; every timer is cancelled and no task is acted on any more.',
  },
  life_closeOpen: { zh: '未完成的任务（{n}）', en: 'Open tasks ({n})' },
  life_closeNone: { zh: '没有未完成的任务。', en: 'No task is open.' },
  life_notEnded: {
    zh: '有效期至 {date}，尚未届满。',
    en: 'The plan is effective until {date}; the period has not ended.',
  },
  life_noEnd: { zh: '政策未规定有效期截止日。', en: 'The policy states no end of its period.' },
  life_force: {
    zh: '强制提前关闭（须说明原因）',
    en: 'Force an early close (give the reason)',
  },
  life_forceOnlyAdmin: {
    zh: '只有系统管理员或地区管理员可以提前关闭。',
    en: 'Only a system or region administrator may close it early.',
  },
  life_archiveTitle: { zh: '归档计划', en: 'Archive the plan' },
  life_archiveExplain: {
    zh: '归档后计划只读：任务、指标值、考核与成员均不能再修改；默认列表中不再显示。',
    en: 'Once archived the plan is read-only: tasks, indicator values, assessments and members can no longer change; the default list leaves it out.',
  },
  life_bannerSuspended: {
    zh: '本计划已于 {at} 暂停：{reason}。任务暂不能办理，仍可查看。',
    en: 'This plan was suspended on {at}: {reason}. Tasks cannot be acted on until it resumes; reading goes on.',
  },
  life_bannerClosed: {
    zh: '本计划已于 {at} 关闭：{reason}。未完成的任务标为「未完成关闭」。',
    en: 'This plan was closed on {at}: {reason}. Tasks left open are marked closed undone.',
  },
  life_bannerArchived: {
    zh: '本计划已于 {at} 归档，只读。',
    en: 'This plan was archived on {at} and is read-only.',
  },
  life_done_suspend: { zh: '计划已暂停。', en: 'The plan is suspended.' },
  life_done_resume: {
    zh: '计划已恢复：现在发出 {fired} 个，取消 {cancelled} 个。',
    en: 'The plan is running again: {fired} fired now, {cancelled} cancelled.',
  },
  life_done_close: {
    zh: '计划已关闭，{n} 个任务标为未完成关闭。',
    en: 'The plan is closed; {n, plural, one {# task was} other {# tasks were}} closed undone.',
  },
  life_done_archive: { zh: '计划已归档。', en: 'The plan is archived.' },
  plan_status_running: { zh: '运行中', en: 'Running' },
  plan_status_suspended: { zh: '已暂停', en: 'Suspended' },
  plan_status_closed: { zh: '已关闭', en: 'Closed' },
  plan_status_archived: { zh: '已归档', en: 'Archived' },
  mig_open: { zh: '修订计划', en: 'Revise plan' },
  mig_title: {
    zh: '修订计划：从 {version} 版迁移到更新的版本',
    en: 'Revise the plan: move it from version {version} to a newer one',
  },
  mig_none: {
    zh: '本政策没有比 {version} 更新的已发布版本。',
    en: 'This policy has no published version newer than {version}.',
  },
  mig_version: { zh: '目标版本', en: 'Version to move to' },
  mig_note: { zh: '变更说明', en: 'Change note' },
  mig_renames: { zh: '改了标识的元素（可选）', en: 'Elements whose id changed (optional)' },
  mig_renameKind: { zh: '类别', en: 'Kind' },
  mig_renameFrom: { zh: '原标识', en: 'Old id' },
  mig_renameTo: { zh: '新标识', en: 'New id' },
  mig_renameAdd: { zh: '添加改名', en: 'Add a rename' },
  mig_renameRemove: { zh: '删除', en: 'Remove' },
  mig_preview: { zh: '预览', en: 'Preview' },
  mig_apply: { zh: '应用修订', en: 'Apply' },
  mig_previewFirst: { zh: '请先预览', en: 'Preview first' },
  mig_byUnit: { zh: '按单位', en: 'By unit' },
  mig_byChange: { zh: '按变化', en: 'By change' },
  mig_unit: { zh: '单位', en: 'Unit' },
  mig_task: { zh: '任务', en: 'Task' },
  mig_period: { zh: '周期', en: 'Period' },
  mig_change: { zh: '变化', en: 'Change' },
  mig_due: { zh: '截止日', en: 'Deadline' },
  mig_why: { zh: '说明', en: 'Why' },
  mig_flagged: {
    zh: '已报送内容不符合新表单，保留原样并标注',
    en: 'The report fails the new form: kept as is, flagged',
  },
  mig_keptCount: {
    zh: '另有 {n} 项任务保持不变',
    en: '{n, plural, one {# more task stays} other {# more tasks stay}} as {n, plural, one {it is} other {they are}}',
  },
  mig_unmatched: { zh: '未能对应的元素', en: 'Elements left unmatched' },
  mig_unmatchedRemoved: { zh: '当前版本中', en: 'In the current version' },
  mig_unmatchedAdded: { zh: '新版本中', en: 'In the new version' },
  mig_schedules: {
    zh: '周期性职责自下一个未开始的周期起按新版本执行：',
    en: 'Recurring duties follow the new version from their next period:',
  },
  mig_applied: {
    zh: '已修订：计划现按 {version} 版运行。',
    en: 'Revised: the plan now runs on version {version}.',
  },
  mig_counts: {
    zh: '保持 {kept} · 改期 {deadline} · 表单变化 {form} · 撤回 {withdrawn} · 新建 {created}',
    en: 'kept {kept} · deadline {deadline} · form {form} · withdrawn {withdrawn} · new {created}',
  },
  migKind_kept: { zh: '保持不变', en: 'Kept' },
  migKind_renamed: { zh: '改编号', en: 'Renamed' },
  migKind_deadline: { zh: '截止日变化', en: 'Deadline changed' },
  migKind_form: { zh: '表单变化', en: 'Form changed' },
  migKind_removed: { zh: '已删除（撤回）', en: 'Removed (withdrawn)' },
  'migKind_unit-removed': { zh: '单位调出（撤回）', en: 'Unit removed (withdrawn)' },
  migKind_added: { zh: '新增', en: 'Added' },
  'migKind_unit-added': { zh: '单位调入（新建）', en: 'Unit added (new)' },
  migRename_responsibilities: { zh: '职责', en: 'Responsibility' },
  migRename_phases: { zh: '阶段', en: 'Phase' },
  migRename_indicators: { zh: '指标', en: 'Indicator' },
  migRename_assessmentItems: { zh: '考核项', en: 'Assessment item' },
  task_reportFlag: {
    zh: '计划修订为 {version} 版后，本任务已报送的内容不符合新表单（保留原报送，未作修改）：',
    en: 'Since the plan was revised to version {version}, this report fails the new form (kept as submitted, unchanged):',
  },
  event_REVISE: { zh: '计划修订', en: 'Plan revised' },
  mem_title: { zh: '「{group}」的成员', en: 'Members of {group}' },
  mem_configured: { zh: '配置中写明的成员：{units}', en: 'Named by the config: {units}' },
  mem_none: { zh: '尚无成员单位', en: 'No member units yet' },
  mem_configUnit: { zh: '配置中的单位', en: 'config unit' },
  mem_newUnit: { zh: '新增单位', en: 'new unit' },
  mem_remove: { zh: '移除', en: 'Remove' },
  mem_pick: { zh: '选择配置中的单位', en: 'Pick a unit of the config' },
  mem_add: { zh: '加入', en: 'Add' },
  mem_newId: { zh: '新单位标识（如 town-clinic）', en: 'New unit id (e.g. town-clinic)' },
  mem_newName: { zh: '新单位名称', en: 'New unit name' },
  mem_addNew: { zh: '新增单位', en: 'Add new unit' },
  mem_badId: {
    zh: '标识应为小写字母、数字和连字符，以字母开头',
    en: 'An id is lower-case letters, digits and hyphens, starting with a letter',
  },
  mem_preview: { zh: '预览变化', en: 'Preview' },
  mem_apply: { zh: '应用', en: 'Apply' },
  mem_previewFirst: { zh: '请先预览，再应用。', en: 'Preview first, then apply.' },
  mem_create: { zh: '将建立的任务', en: 'Tasks to make' },
  mem_withdraw: { zh: '将撤回的任务', en: 'Tasks to withdraw' },
  mem_created: { zh: '已建立的任务', en: 'Tasks made' },
  mem_withdrawn: { zh: '已撤回的任务', en: 'Tasks withdrawn' },
  mem_noChange: { zh: '不会建立或撤回任务。', en: 'No task is made or withdrawn.' },
  mem_timers: {
    zh: '另建提醒与督办计时 {n} 个',
    en: '{n, plural, one {# reminder or escalation timer} other {# reminder and escalation timers}}',
  },
  mem_applied: { zh: '成员已更新。', en: 'The members were changed.' },
  mem_readOnly: {
    zh: '只有本计划的办公室、系统管理员或地区管理员可以调整成员。',
    en: 'Only the plan’s office, an admin or a region admin may change the members.',
  },
  form_choose: { zh: '请选择', en: 'Choose…' },
  form_range: { zh: '范围', en: 'Range' },
  form_integer: { zh: '整数', en: 'Whole number' },
  form_row: { zh: '第 {n} 行', en: 'row {n}' },
  form_item: { zh: '第 {n} 项', en: 'item {n}' },
  form_actions: { zh: '操作', en: 'Actions' },
  form_remove: { zh: '删除', en: 'Remove' },
  form_removeRow: { zh: '删除第 {n} 行', en: 'Remove row {n}' },
  form_removeItem: { zh: '删除第 {n} 项', en: 'Remove item {n}' },
  form_addRow: { zh: '添加一行', en: 'Add a row' },
  form_addItem: { zh: '添加一项', en: 'Add an item' },
  form_none: { zh: '暂无', en: 'None yet' },
  form_upload: { zh: '上传文件', en: 'Upload files' },
  form_uploading: { zh: '正在上传…', en: 'Uploading…' },
  form_attachment: { zh: '附件 {n}', en: 'Attachment {n}' },
  form_acceptedFiles: {
    zh: '可上传 PDF、Word、Excel、PowerPoint、PNG、JPEG、TXT、CSV，每个不超过 8 MB',
    en: 'PDF, Word, Excel, PowerPoint, PNG, JPEG, TXT or CSV, up to 8 MB each',
  },
  form_requiredNote: { zh: '带 * 的为必填项', en: 'Fields marked * are required' },
  form_errorCount: {
    zh: '表单有 {n} 处需要修改',
    en: 'The form has {n, plural, one {# problem} other {# problems}} to fix',
  },
  task_back: { zh: '返回我的任务', en: 'Back to my tasks' },
  task_whatToDo: { zh: '工作内容', en: 'What to do' },
  task_deliverables: { zh: '交付成果', en: 'Deliverables' },
  task_note: { zh: '说明', en: 'Note' },
  task_share: { zh: '本单位分工', en: 'This unit’s share' },
  task_deadline: { zh: '完成时限', en: 'Deadline' },
  task_noDeadline: { zh: '文件未规定完成时限', en: 'The document sets no deadline' },
  task_duePhrase: { zh: '原文：{n}', en: 'In the document: {n}' },
  task_opensOn: { zh: '开始日期', en: 'Opens' },
  task_period: { zh: '周期', en: 'Period' },
  task_assignee: { zh: '承办单位', en: 'Assigned to' },
  task_reviewer: { zh: '审核单位', en: 'Reviewed by' },
  task_state: { zh: '状态', en: 'State' },
  task_role_lead: { zh: '牵头', en: 'Lead' },
  task_role_support: { zh: '配合', en: 'Supporting' },
  task_role_applicant: { zh: '申报', en: 'Applicant' },
  task_escalation: { zh: '督办第 {n} 级', en: 'Escalation level {n}' },
  task_returns: { zh: '已退回 {n} 次', en: 'Returned {n, plural, one {once} other {# times}}' },
  task_lastReason: { zh: '退回理由：{n}', en: 'Returned because: {n}' },
  task_withdrawReason: { zh: '撤回原因：{n}', en: 'Withdrawn because: {n}' },
  task_closeReason: { zh: '计划关闭，未完成：{n}', en: 'Closed undone with the plan: {n}' },
  task_changeNote: { zh: '（变更说明：{n}）', en: '(change note: {n})' },
  task_quote: { zh: '原文', en: 'Quote' },
  task_form: { zh: '填报内容', en: 'Report' },
  task_noData: { zh: '尚未填报', en: 'Nothing reported yet' },
  task_actions: { zh: '办理', en: 'Actions' },
  task_noActions: {
    zh: '当前没有需要你办理的操作',
    en: 'There is nothing for you to do on this task now',
  },
  task_comment: {
    zh: '审核意见（通过时可选，退回时必填）',
    en: 'Comment (optional to approve, required to return)',
  },
  task_approveComment: { zh: '审核意见（可选）', en: 'Comment (optional)' },
  task_reasonRequired: { zh: '退回时请填写理由', en: 'Give a reason for returning it' },
  task_formInvalid: {
    zh: '表单有误，请按提示修改后再提交',
    en: 'Fix the marked fields, then submit again',
  },
  task_sent: { zh: '已办理：{n}', en: 'Done: {n}' },
  task_waitingContributions: {
    zh: '还有 {n} 家配合单位的报送未通过审核，全部通过后才能提交',
    en: '{n, plural, one {# supporting unit still has} other {# supporting units still have}} to be approved before you can submit',
  },
  task_reload: { zh: '重新加载', en: 'Reload' },
  task_steps: { zh: '办理步骤', en: 'Steps' },
  task_stepCurrent: { zh: '当前步骤', en: 'current step' },
  task_stepDone: { zh: '已完成', en: 'done' },
  task_historyAt: { zh: '时间', en: 'When' },
  task_historyEvent: { zh: '事项', en: 'What' },
  task_historyActor: { zh: '办理人', en: 'By' },
  task_historyNote: { zh: '说明', en: 'Note' },
  task_noHistory: { zh: '暂无办理记录', en: 'Nothing has happened yet' },
  task_urgeReads: { zh: '催办已读回执', en: 'Who read the 催办' },
  task_urgeSent: { zh: '{at} 催办 {unit}', en: 'Urged {unit} at {at}' },
  task_urgeReadBy: { zh: '{name} 已读于 {at}', en: 'Read by {name} at {at}' },
  task_urgeUnread: { zh: '尚无人已读', en: 'Not read yet' },
  task_actorSystem: { zh: '系统', en: 'System' },
  task_showReport: { zh: '查看报送内容', en: 'Show the report' },
  event_REMIND: { zh: '到期提醒', en: 'Reminder' },
  event_EXTENSION_REQUESTED: { zh: '申请延期', en: 'Extension requested' },
  event_EXTENSION_APPROVED: { zh: '同意延期', en: 'Extension approved' },
  event_EXTENSION_REFUSED: { zh: '不同意延期', en: 'Extension refused' },
  event_URGE: { zh: '催办', en: 'Urged' },
  // Extension, close-out and 催办 (ls-task-followup)
  ext_title: { zh: '延期、销号与催办', en: 'Extension, close-out and urging' },
  ext_request: { zh: '申请延期', en: 'Ask for an extension' },
  ext_dueOn: { zh: '申请的新截止日', en: 'New due date' },
  ext_reason: { zh: '延期理由', en: 'Reason' },
  ext_percent: { zh: '已完成（%）', en: 'Done (%)' },
  ext_progress: { zh: '进展情况', en: 'Progress so far' },
  ext_send: { zh: '提交延期申请', en: 'Send the request' },
  ext_pending: {
    zh: '延期申请待审批：{from} 延至 {to}',
    en: 'Extension waiting for a decision: {from} to {to}',
  },
  ext_note: { zh: '审批意见', en: 'Note' },
  ext_approve: { zh: '同意延期', en: 'Approve the extension' },
  ext_refuse: { zh: '不同意', en: 'Refuse' },
  ext_status_approved: { zh: '已同意', en: 'Approved' },
  ext_status_refused: { zh: '未同意', en: 'Refused' },
  ext_moved: { zh: '原截止日 {from}，经批准延至 {to}', en: 'Due {from}, extended to {to}' },
  closeOut_done: { zh: '已销号（{at}，{by}）', en: 'Closed out ({at}, {by})' },
  closeOut_evidence: {
    zh: '销号须附佐证材料：报送中至少一个附件',
    en: 'Close-out needs evidence: at least one attachment in the report',
  },
  urge_message: { zh: '催办内容', en: 'Message' },
  urge_send: { zh: '催办', en: 'Urge' },
  event_OVERDUE: { zh: '逾期', en: 'Overdue' },
  event_ESCALATE: { zh: '升级督办', en: 'Escalated' },
  event_CONTRIBUTION_ACCEPTED: { zh: '配合单位报送已通过', en: 'Contribution approved' },
  event_CONTRIBUTION_ADDED: { zh: '新增配合单位', en: 'Contribution added' },
  event_CONTRIBUTION_WITHDRAWN: { zh: '配合任务已撤回', en: 'Contribution withdrawn' },
  event_WITHDRAW: { zh: '撤回任务', en: 'Withdrawn' },
  event_CLOSE: { zh: '计划关闭，任务未完成', en: 'Closed with the plan, undone' },
  // Policy authoring (ls-policy-editor, ls-yaml-editor, ls-issue-list, previews, versions)
  peTitle: { zh: '政策配置编辑', en: 'Policy config editor' },
  pePolicy: { zh: '政策', en: 'Policy' },
  peNewPolicy: { zh: '＋ 新建政策配置', en: '+ New policy config' },
  peUnpublished: { zh: '未发布', en: 'not published' },
  peBasedOn: { zh: '基于已发布版本 v{version}', en: 'Based on published v{version}' },
  peSaveDraft: { zh: '保存草稿', en: 'Save draft' },
  peDiscardDraft: { zh: '丢弃草稿', en: 'Discard draft' },
  peDraftAt: { zh: '草稿已自动保存 {time}', en: 'Draft saved {time}' },
  peDraftSaved: { zh: '草稿已保存在本浏览器中。', en: 'The draft is saved in this browser.' },
  peDraftFailed: {
    zh: '草稿未能保存：浏览器存储不可用或已满。',
    en: 'The draft could not be saved: browser storage is unavailable or full.',
  },
  peDraftResumed: {
    zh: '已恢复本地草稿（保存于 {time}）。',
    en: 'Resumed the local draft saved {time}.',
  },
  peDraftExists: {
    zh: '该政策另有本地草稿（保存于 {time}）。',
    en: 'A local draft of this policy exists (saved {time}).',
  },
  peResumeDraft: { zh: '恢复草稿', en: 'Resume the draft' },
  peDraftDiscarded: { zh: '已丢弃本地草稿。', en: 'The local draft was discarded.' },
  peNoChanges: {
    zh: '与已发布版本相同，无需保存草稿。',
    en: 'Same as the published version; nothing to save.',
  },
  peNewStarted: {
    zh: '已从模板新建，请按原文填写。',
    en: 'Started from the template; fill it in from the document.',
  },
  peLoaded: { zh: '已载入 {policy} v{version}。', en: 'Opened {policy} v{version}.' },
  pePublish: { zh: '发布', en: 'Publish' },
  pePublishing: { zh: '发布中…', en: 'Publishing…' },
  pePublishTitle: { zh: '发布 {policy} v{version}？', en: 'Publish {policy} v{version}?' },
  pePublishExplain: {
    zh: '发布后此版本不可再修改，可从它启动计划；运行中的计划仍按各自的版本执行。',
    en: 'A published version cannot be changed and plans can start from it; running plans keep their own version.',
  },
  peNote: { zh: '变更说明', en: 'Change note' },
  peNoteHint: {
    zh: '本版改了什么、为什么改；随版本保存，显示在版本列表中。',
    en: 'What changed and why; stored with the version and shown in the version list.',
  },
  peNoteRequired: { zh: '请填写变更说明', en: 'Write a change note' },
  peConfirmPublish: { zh: '确认发布', en: 'Publish now' },
  pePublishWithErrors: {
    zh: '配置仍有错误，服务器将拒绝发布并标出问题。',
    en: 'The config still has errors; the server will refuse it and mark them.',
  },
  pePublishTestsFailing: {
    zh: '考核测试未全部通过，不能发布。',
    en: 'Policy tests are failing; fix them before publishing.',
  },
  pePublished: { zh: '已发布 {policy} v{version}。', en: 'Published {policy} v{version}.' },
  peSameText: {
    zh: '内容与已发布的 {policy} v{version} 完全相同，未新建版本。',
    en: 'Identical to published {policy} v{version}; no new version was made.',
  },
  pePublishIssues: {
    zh: '共 {n} 个问题，已在编辑器中标出。',
    en: '{n, plural, one {# issue} other {# issues}}, marked in the editor.',
  },
  peStartPlanNow: { zh: '从此版本启动计划', en: 'Start a plan from this version' },
  peYamlTitle: { zh: '配置（YAML）', en: 'Config (YAML)' },
  peYamlLabel: { zh: '政策配置 YAML 编辑区', en: 'Policy config YAML editor' },
  peEditorLoading: { zh: '编辑器加载中…', en: 'Loading the editor…' },
  peEditorFailed: {
    zh: '编辑器加载失败，请刷新页面重试。',
    en: 'The editor failed to load; reload the page.',
  },
  peEditorHint: {
    zh: 'Ctrl-Space 补全 · Esc 后按 Tab 离开编辑区',
    en: 'Ctrl-Space completes · Esc then Tab leaves the editor',
  },
  peSourceTitle: { zh: '政策原文', en: 'Source document' },
  peSourcePlaceholder: {
    zh: '粘贴政策原文（简体中文纯文本），用于核对引文和条款。',
    en: 'Paste the policy text (plain simplified Chinese) to check quotes and clauses.',
  },
  peSourceNote: {
    zh: '引文须与原文逐字一致（忽略空白）。',
    en: 'Quotes must occur verbatim in this text (whitespace ignored).',
  },
  peSourceEmpty: {
    zh: '未提供原文：暂不核对引文；配置中有引文时须附原文才能发布。',
    en: 'No source text: quotes are not checked here; a config that quotes is published only with its source.',
  },
  peOpenYaml: { zh: '打开 YAML 文件', en: 'Open a YAML file' },
  peYamlOpened: {
    zh: '已打开文件 {file}，尚未发布。',
    en: 'Opened {file}; not published yet.',
  },
  peYamlNotUtf8: {
    zh: '文件 {file} 不是 UTF-8 编码：请在编辑器中另存为 UTF-8 后再打开。',
    en: '{file} is not UTF-8: save it as UTF-8 in your editor, and open it again.',
  },
  peUploadSource: { zh: '上传原文文件', en: 'Upload the source document' },
  peUploadSourceHint: {
    zh: '.txt、.md（UTF-8）或 Word .docx',
    en: '.txt, .md (UTF-8) or Word .docx',
  },
  peSourceReading: { zh: '正在读取 {file}…', en: 'Reading {file}…' },
  peSourceLoaded: {
    zh: '已载入原文 {file}，将据此核对引文并随版本发布。',
    en: 'Loaded the source {file}; the quotes are checked against it, and it is published with the version.',
  },
  peSourceFile: { zh: '原文文件', en: 'Source file' },
  peSourceChars: { zh: '{n} 字', en: '{n, plural, one {# character} other {# characters}}' },
  peSourceHash: { zh: '原文 sha256', en: 'Source sha256' },
  peSourceDownload: { zh: '下载原文', en: 'Download the source' },
  peVersionNoSource: { zh: '无原文', en: 'No source' },
  peIssues: { zh: '问题', en: 'Issues' },
  peChecking: { zh: '校验中…', en: 'Checking…' },
  peNoIssues: { zh: '未发现问题', en: 'No problems found' },
  peIssueCount: {
    zh: '{errors} 个错误，{warnings} 个警告',
    en: '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}',
  },
  peError: { zh: '错误', en: 'Error' },
  peWarning: { zh: '警告', en: 'Warning' },
  peLine: { zh: '行', en: 'Line' },
  pePreviews: { zh: '生成效果预览', en: 'What the config produces' },
  peTab_deadlines: { zh: '时限解析', en: 'Deadlines' },
  peTab_workflow: { zh: '流程图', en: 'Workflow' },
  peTab_forms: { zh: '填报表单', en: 'Forms' },
  peTab_coverage: { zh: '条款覆盖', en: 'Clause coverage' },
  peStale: {
    zh: '配置当前有错误，以下为最近一次通过校验的结果。',
    en: 'The config has errors now; this shows the last version that validated.',
  },
  peNoPreview: {
    zh: '配置通过校验后在此显示预览。',
    en: 'Previews appear once the config validates.',
  },
  peSection_phase: { zh: '阶段窗口', en: 'Phase windows' },
  peSection_milestone: { zh: '里程碑', en: 'Milestones' },
  peSection_duty: { zh: '工作任务', en: 'Responsibilities' },
  peSection_step: { zh: '程序步骤', en: 'Procedure steps' },
  peSection_assessment: { zh: '考核', en: 'Assessments' },
  peItem: { zh: '项目', en: 'Item' },
  pePhrase: { zh: '原文时限', en: 'As written' },
  peResolved: { zh: '解析结果', en: 'Resolved' },
  peWithin: { zh: '范围', en: 'within' },
  peDueOn: { zh: '截止', en: 'due' },
  peRelative: { zh: '自分派起 {amount} {unit}', en: '{amount} {unit} after assignment' },
  peRelativeExample: { zh: '例：{from} 分派 → {due} 截止', en: 'e.g. assigned {from} → due {due}' },
  'peUnit_working-day': { zh: '个工作日', en: 'working days' },
  peUnit_day: { zh: '天', en: 'days' },
  peUnit_month: { zh: '个月', en: 'months' },
  pePeriods: {
    zh: '{from} 至 {to} 共 {count} 期',
    en: '{count, plural, one {# period} other {# periods}} from {from} to {to}',
  },
  peUnspecified: { zh: '未规定', en: 'Not specified' },
  peNoDeadlines: { zh: '配置中没有时限。', en: 'The config has no deadlines.' },
  peTaskLifecycle: {
    zh: '任务生命周期（每项工作任务）',
    en: 'Task lifecycle (every responsibility)',
  },
  peProcedure: { zh: '程序', en: 'Procedure' },
  peDone: { zh: '办结', en: 'Done' },
  peStepKind_submit: { zh: '报送', en: 'submit' },
  peStepKind_review: { zh: '审核', en: 'review' },
  peStepKind_decide: { zh: '决定', en: 'decide' },
  peStepKind_implement: { zh: '实施', en: 'implement' },
  peDiagramSummary: {
    zh: '{states} 个状态，{transitions} 条转换',
    en: '{states, plural, one {# state} other {# states}}, {transitions, plural, one {# transition} other {# transitions}}',
  },
  peTransitions: { zh: '转换明细', en: 'Transitions' },
  peFromState: { zh: '当前状态', en: 'From' },
  peEvent: { zh: '操作', en: 'Event' },
  peCondition: { zh: '条件', en: 'Condition' },
  peToState: { zh: '进入状态', en: 'To' },
  peAnd: { zh: '且', en: ' and ' },
  peGuard_contributionsComplete: { zh: '配合单位均已报送通过', en: 'all contributions accepted' },
  peGuard_reviewed: { zh: '有审核单位', en: 'a reviewer is set' },
  peGuard_hasReason: { zh: '写明退回理由', en: 'a reason is given' },
  peRootEvents: {
    zh: '任何状态下均处理：定时器事件不改变状态；WITHDRAW（系统撤回任务）转入「已撤回」；CLOSE（计划关闭时系统关闭未完成的任务）转入「未完成关闭」',
    en: 'Handled in every state: timer events keep the state; WITHDRAW (the system withdraws the task) ends it in withdrawn; CLOSE (the system, when the plan is closed) ends it in closed undone',
  },
  peFormFor: { zh: '查看表单', en: 'Form for' },
  peFormNamed: { zh: '使用配置中的表单 {id}', en: 'Uses form {id} from the config' },
  peFormDefault: {
    zh: '未指定表单，使用自动生成的报送表',
    en: 'No form named; the generated report form',
  },
  peFormCount: {
    zh: '{total} 项中 {custom} 项使用自定义表单',
    en: '{custom} of {total} use a form of their own',
  },
  peNoForms: { zh: '没有需要填报的任务。', en: 'Nothing to report on.' },
  peCoverage: { zh: '条款覆盖率', en: 'Clause coverage' },
  peCoverageTotal: {
    zh: '已引用 {covered} / {total} 条（{percent}%）',
    en: '{covered} of {total} clauses cited ({percent}%)',
  },
  peOnlyMissing: { zh: '只看未引用的条款', en: 'Only clauses not cited' },
  peCovered: { zh: '已引用', en: 'cited' },
  peNotCovered: { zh: '未引用', en: 'not cited' },
  peNoSource: { zh: '请先在右侧粘贴政策原文。', en: 'Paste the source document first.' },
  peNoClauses: {
    zh: '原文中没有识别到编号条款。',
    en: 'No numbered clauses were found in the source.',
  },
  peVersions: { zh: '版本、差异与启动计划', en: 'Versions, diff and plan start' },
  peVersionsOf: { zh: '{policy} 的已发布版本', en: 'Published versions of {policy}' },
  peNoPolicyId: {
    zh: '在 metadata.id 中写明政策标识后显示版本。',
    en: 'Versions show once metadata.id names the policy.',
  },
  peNotPublished: { zh: '该政策尚未发布。', en: 'This policy has not been published yet.' },
  peVersion: { zh: '版本', en: 'Version' },
  peTitleCol: { zh: '标题', en: 'Title' },
  pePublishedAt: { zh: '发布时间', en: 'Published' },
  peActions: { zh: '操作', en: 'Actions' },
  peOpenVersion: { zh: '在编辑器中打开', en: 'Open in editor' },
  peStartPlan: { zh: '启动计划', en: 'Start a plan' },
  peStarting: { zh: '启动中…', en: 'Starting…' },
  peCompare: { zh: '版本差异', en: 'Compare versions' },
  peOneVersion: {
    zh: '只有一个版本，暂无可比较的差异。',
    en: 'Only one version so far; nothing to compare.',
  },
  peFrom: { zh: '从', en: 'From' },
  peTo: { zh: '到', en: 'To' },
  peShowDiff: { zh: '比较', en: 'Compare' },
  peDiffBetween: { zh: 'v{from} → v{to} 的变化：', en: 'Changes from v{from} to v{to}:' },
  peDiffNone: { zh: '无变化', en: 'No changes' },
  peDiff_deadlines: { zh: '时限', en: 'Deadlines' },
  peDiff_responsibilities: { zh: '工作任务', en: 'Responsibilities' },
  peDiff_phases: { zh: '阶段', en: 'Phases' },
  peDiff_indicators: { zh: '指标', en: 'Indicators' },
  peDiff_scoring: { zh: '考核评分', en: 'Scoring' },
  peDeadline: { zh: '时限', en: 'deadline' },
  peAdded: { zh: '新增', en: 'added' },
  peRemoved: { zh: '删除', en: 'removed' },
  peChanged: { zh: '修改', en: 'changed' },
  peStartPlanFor: { zh: '启动计划：{policy} v{version}', en: 'Start a plan: {policy} v{version}' },
  pePlanName: { zh: '计划名称（可选）', en: 'Plan name (optional)' },
  pePlanNameHint: { zh: '默认使用政策标题', en: 'Defaults to the policy title' },
  peGroupMembers: { zh: '「{group}」的成员', en: 'Members of {group}' },
  peGroupMembersHint: {
    zh: '文件未列成员名单：勾选配置中的单位；配置中没有的新单位写在下面的 JSON 中，与勾选的合并。',
    en: 'The document names no members: tick units of the config; new units go in the JSON below, joined with the ticks.',
  },
  peMembers: { zh: '成员单位（可选，JSON）', en: 'Members (optional, JSON)' },
  peMembersHint: {
    zh: '文件未列成员名单的组织：{ "组织标识": [{ "id": "…", "name": "…" }] }，也可粘贴 plan-start.json。',
    en: 'For groups the document leaves open: { "groupId": [{ "id": "…", "name": "…" }] }, or paste a plan-start.json.',
  },
  task_role_sub: { zh: '分解', en: 'Sub-task' },
  task_splitNote: {
    zh: '分解为 {n} 个子任务',
    en: 'Split into {n, plural, one {# sub-task} other {# sub-tasks}}',
  },
  task_transferReason: { zh: '转办理由：{n}', en: 'Transferred because: {n}' },
  event_SPLIT: { zh: '分解任务', en: 'Split into sub-tasks' },
  event_TRANSFER: { zh: '转办', en: 'Transferred' },
  split_title: { zh: '子任务', en: 'Sub-tasks' },
  split_done: { zh: '已完成 {done}/{total}', en: '{done} of {total} done' },
  split_asked: { zh: '上级要求', en: 'Asked of this unit' },
  split_share: { zh: '分担份额', en: 'Share' },
  split_open: { zh: '分解任务', en: 'Split into sub-tasks' },
  split_unit: { zh: '下级单位', en: 'Unit below' },
  split_newUnit: { zh: '新增下级单位…', en: 'A new unit below…' },
  split_newName: { zh: '新单位名称', en: 'New unit’s name' },
  split_newId: { zh: '新单位标识', en: 'New unit’s id' },
  split_dueOn: { zh: '截止日期', en: 'Deadline' },
  split_instruction: { zh: '任务要求', en: 'What to do' },
  split_addRow: { zh: '添加一行', en: 'Add a row' },
  split_removeRow: { zh: '删除此行', en: 'Remove this row' },
  split_preview: { zh: '预览', en: 'Preview' },
  split_confirm: { zh: '确认分解', en: 'Split' },
  split_cancel: { zh: '取消', en: 'Cancel' },
  split_previewed: {
    zh: '将生成 {n} 个子任务（尚未保存）：',
    en: '{n, plural, one {# sub-task} other {# sub-tasks}} would be made (nothing saved yet):',
  },
  split_firstReminder: { zh: '首次提醒', en: 'first reminder' },
  split_made: {
    zh: '已分解为 {n} 个子任务。',
    en: 'Split into {n, plural, one {# sub-task} other {# sub-tasks}}.',
  },
  split_notAfter: { zh: '不晚于 {date}', en: 'on or before {date}' },
  split_mustSubmitAfter: {
    zh: '所有子任务审核通过后，才能提交本任务的汇总报告。',
    en: 'This task’s report can be submitted once every sub-task is approved.',
  },
  transfer_title: { zh: '转办', en: 'Transfer' },
  transfer_to: { zh: '转至单位', en: 'Transfer to' },
  transfer_reason: { zh: '转办理由', en: 'Reason' },
  transfer_submit: { zh: '确认转办', en: 'Transfer' },
  transfer_choose: { zh: '请选择单位', en: 'Choose a unit' },
  transfer_done: { zh: '已转办至{unit}。', en: 'Transferred to {unit}.' },
  peMembersInvalid: { zh: '成员单位不是有效的 JSON。', en: 'Members is not valid JSON.' },
  pePlanStarted: {
    zh: '计划已启动，生成 {tasks} 项任务。',
    en: 'The plan started with {tasks, plural, one {# task} other {# tasks}}.',
  },
  peOpenPlan: { zh: '打开计划看板', en: 'Open the plan' },
  peUnassigned: {
    zh: '以下组织没有成员单位，其任务未分派',
    en: 'These groups have no members, so their duties are unassigned',
  },
} as const

/** A key of the shared message table; `t()` takes nothing else, so a typo fails the typecheck. */
export type MessageKey = keyof typeof MESSAGES

/**
 * Every leading part of a key up to an underscore: `task_role_lead` gives `task_` and
 * `task_role_`. A family is named this way when the rest of the key comes from data.
 */
type KeyPrefix<TKey extends string> = TKey extends `${infer THead}_${infer TTail}`
  ? `${THead}_` | `${THead}_${KeyPrefix<TTail>}`
  : never

/** The first part of a family of keys whose last part is a value from data, e.g. `state_`. */
export type MessageFamily = KeyPrefix<MessageKey>

/**
 * The message for a key in the current locale. A key the table lacks (only reachable past the
 * type, e.g. from plain JavaScript) shows as itself.
 */
export function t(key: MessageKey): string {
  return lookup(key)
}

/**
 * The message for a key built from a family and a value the server sends — `state_` and a task
 * state, `event_` and an event type — which the type cannot list. The family is checked; a value
 * without a message falls back to the whole key, as the page shows an unknown state as it is.
 * @example tOf('state_', task.state) // 待审核 for `submitted`
 */
export function tOf(family: MessageFamily, value: string | number): string {
  return lookup(`${family}${value}`)
}

function lookup(key: string): string {
  const entry = (MESSAGES as Record<string, LocalizedText | undefined>)[key]
  return entry ? pick(entry) : key
}
