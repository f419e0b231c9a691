/** @module The 督办单 as a .docx (see supervision-notice.ts for what it says). */
import type { SupervisionNotice } from '../../schemas/api/responses.schema.ts'
import {
  body,
  docxBytes,
  field,
  heading,
  safeFileName,
  subtitle,
  table,
  title,
} from './docx-parts.ts'

const when = (instant: string) => instant.replace('T', ' ').slice(0, 16)

/** `督办单-<task>-<date>.docx` */
export const noticeFileName = (notice: SupervisionNotice) =>
  safeFileName(`督办单-${notice.task.title}-${notice.issuedOn}.docx`)

/** The notice's .docx bytes. */
export function noticeDocx(notice: SupervisionNotice): Promise<Buffer> {
  const { task } = notice
  const due = task.dueOn
    ? `${task.dueOn}${task.duePhrase ? `（${task.duePhrase}）` : ''}`
    : '未规定'
  return docxBytes(
    [
      title('督 办 单'),
      subtitle(`${notice.number}\u3000\u3000${notice.office}\u3000\u3000${notice.issuedOn}`),
      field('政策文件', notice.policyTitle),
      field('计划', notice.plan.name),
      field('督办事项', task.title),
      field('条款', task.clause ?? '—'),
      ...(notice.quote ? [field('文件原文', notice.quote)] : []),
      field('牵头单位', task.lead.name),
      field('配合单位', task.support.map((unit) => unit.name).join('、') || '—'),
      field('完成时限', due),
      field('逾期天数', task.overdue ? `${task.daysOverdue} 天` : '未逾期'),
      field('当前状态', `${task.stateName}（${task.lightName}）`),
      field('督办级别', task.escalationName ?? '—'),
      field('最近进展', task.progress ?? '未报告'),
      ...(notice.deliverables.length ? [field('交付物', notice.deliverables.join('、'))] : []),
      heading('办理要求'),
      body(notice.requirement),
      field('反馈时限', notice.replyBy),
      heading('催办记录'),
      notice.urgings.length
        ? table(
            ['时间', '方式', '发出', '内容'],
            notice.urgings.map((urging) => [
              when(urging.at),
              urging.kind,
              urging.by,
              urging.message ?? '',
            ]),
          )
        : body('暂无催办记录。'),
      body(notice.office, { right: true }),
      body(notice.issuedOn, { right: true }),
    ],
    { title: `督办单 ${notice.number}` },
  )
}
