/** @module The 情况通报 as a .docx (see bulletin.ts for what it says). */
import type { Bulletin } from '../../schemas/api/responses.schema.ts'
import { body, docxBytes, heading, safeFileName, subtitle, table, title } from './docx-parts.ts'

/** `情况通报-<plan>-<from>至<to>.docx` */
export const bulletinFileName = (bulletin: Bulletin) =>
  safeFileName(`情况通报-${bulletin.plan.name}-${bulletin.from}至${bulletin.to}.docx`)

const percent = (value: number | null) => (value === null ? '—' : `${value}%`)

/** The bulletin's .docx bytes. */
export function bulletinDocx(bulletin: Bulletin): Promise<Buffer> {
  const { counts } = bulletin
  return docxBytes(
    [
      title(bulletin.title),
      subtitle(`${bulletin.office}\u3000\u3000${bulletin.issuedOn}`),
      body(bulletin.opening),
      heading('一、总体情况'),
      table(
        [
          '到期任务',
          '已办结',
          '按时办结',
          '逾期办结',
          '逾期未办结',
          '红灯',
          '黄灯',
          '蓝灯',
          '绿灯',
        ],
        [
          [
            counts.total,
            counts.done,
            counts.onTime,
            counts.late,
            counts.overdue,
            counts.byLight.red,
            counts.byLight.yellow,
            counts.byLight.blue,
            counts.byLight.green,
          ].map(String),
        ],
      ),
      heading('二、各单位落实情况（晾晒）'),
      bulletin.ranking.length
        ? table(
            ['名次', '单位', '任务数', '红灯', '黄灯', '已办结', '按时办结', '按时办结率'],
            bulletin.ranking.map((row, index) => [
              String(index + 1),
              row.unit.name,
              String(row.total),
              String(row.red),
              String(row.yellow),
              String(row.done),
              String(row.onTime),
              percent(row.onTimeRate),
            ]),
          )
        : body('期内无到期任务。'),
      heading('三、逾期未办结任务'),
      bulletin.overdue.length
        ? table(
            ['序号', '任务', '条款', '牵头单位', '时限', '逾期天数', '督办级别'],
            bulletin.overdue.map((row) => [
              String(row.index),
              row.title,
              row.clause ?? '',
              row.lead.name,
              row.dueOn ?? '',
              String(row.daysOverdue),
              row.escalationName ?? '',
            ]),
          )
        : body('期内无逾期未办结任务。'),
      heading('四、工作要求'),
      body(bulletin.closing),
      body(bulletin.office, { right: true }),
      body(bulletin.issuedOn, { right: true }),
    ],
    { title: bulletin.title },
  )
}
