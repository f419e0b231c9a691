/**
 * @module The read-only parts of a task's page: the facts (who, when, the deadline's own words),
 * the source clause and quote, the steps of a procedure, the supporting units' contributions and
 * the history.
 */
import { html, nothing } from 'lit'
import { PROCEDURE_DONE, stepState } from '../../../domain/workflow/state-names.ts'
import type { TaskDetail } from '../../api-types.ts'
import { fill, formatInstant, locale, t, tOf } from '../../i18n.ts'
import type { MessageKey } from '../../i18n.ts'
import { renderLight } from '../task-table/task-light.ts'

type Procedure = NonNullable<TaskDetail['procedure']>

/** `t()` with `{n}` filled, plural forms chosen by it (`{n, plural, one {…} other {…}}`). */
export function tn(key: MessageKey, n: number | string): string {
  return fill(t(key), { n })
}

/** The state in words: a procedure's state is the name of its current step. */
export function stateLabel(task: Pick<TaskDetail, 'state' | 'procedure'>): string {
  const step = task.procedure?.steps.find((candidate) => stepState(candidate.id) === task.state)
  return step ? step.name : tOf('state_', task.state)
}

/** An instant in China time, where every plan runs. */
const when = (at: string): string => formatInstant(at)

/** State, overdue and escalation badges of a task or contribution. */
export function renderBadges(
  task: Pick<TaskDetail, 'state' | 'procedure' | 'overdue' | 'escalation' | 'light'>,
) {
  return html`${renderLight(task.light)}<span class="badge state state-${task.state.replace(/[^a-z_-]/gi, '-')}">${stateLabel(task)}</span>
    ${task.overdue ? html`<span class="badge overdue">${t('overdue')}</span>` : nothing}
    ${
      // The standing level, named as the dashboard counts it: 通报（督办第 4 级）.
      task.escalation > 0
        ? html`<span class="badge escalated" data-escalation=${task.escalation}>${tOf('escalation_', Math.min(task.escalation, 4))}（${tn('task_escalation', task.escalation)}）</span>`
        : nothing
    }`
}

/**
 * A task without a deadline: in Chinese the config's own words for it (文件未规定完成时限) once,
 * in English the message with those words beneath, unless they are the message itself.
 */
function noDeadline(unspecified: string | null) {
  if (!unspecified) return t('task_noDeadline')
  if (locale() === 'zh') return unspecified
  return html`${t('task_noDeadline')}
    <div class="muted" lang="zh-CN">${unspecified}</div>`
}

/** Who does it, since when, by when — with the phrase of the document the deadline came from. */
export function renderFacts(task: TaskDetail) {
  return html`<dl class="facts">
    <dt>${t('task_assignee')}</dt>
    <dd>${task.assignee.name} <span class="muted">（${tOf('task_role_', task.role)}）</span></dd>
    <dt>${t('task_deadline')}</dt>
    <dd>
      ${task.dueOn ? html`<time datetime=${task.dueOn}>${task.dueOn}</time>` : noDeadline(task.dueUnspecified)}
      ${task.duePhrase ? html`<div class="muted">${tn('task_duePhrase', `「${task.duePhrase}」`)}</div>` : nothing}
    </dd>
    ${task.opensOn ? html`<dt>${t('task_opensOn')}</dt><dd><time datetime=${task.opensOn}>${task.opensOn}</time></dd>` : nothing}
    ${task.period !== 'once' ? html`<dt>${t('task_period')}</dt><dd>${task.period}</dd>` : nothing}
  </dl>`
}

/** The clause of the policy document the task comes from, and its sentence, verbatim. */
export function renderSource(task: TaskDetail) {
  if (!task.source) return nothing
  return html`<section class="source" aria-labelledby="source-title">
    <h3 id="source-title">${t('source')}</h3>
    <p class="clause">${task.source.clause}</p>
    <blockquote lang="zh-CN">${task.source.quote}</blockquote>
  </section>`
}

/** The steps of a procedure, the current one marked. */
export function renderSteps(procedure: Procedure, state: string) {
  const current = procedure.steps.findIndex((step) => stepState(step.id) === state)
  const reached = state === PROCEDURE_DONE ? procedure.steps.length : current
  return html`<section aria-labelledby="steps-title">
    <h3 id="steps-title">${t('task_steps')}</h3>
    <ol class="steps">
      ${procedure.steps.map(
        (
          step,
          index,
        ) => html`<li class=${index === current ? 'current' : index < reached ? 'done' : ''} aria-current=${index === current ? 'step' : 'false'}>
          <span>${step.name}</span>
          ${index === current ? html`<span class="badge state">${t('task_stepCurrent')}</span>` : nothing}
          ${index < reached ? html`<span class="muted">✓ ${t('task_stepDone')}</span>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`
}

/** What each supporting unit reported on a lead task, with its state. */
export function renderContributions(task: TaskDetail) {
  if (task.contributions.length === 0) return nothing
  return html`<section aria-labelledby="contributions-title">
    <h3 id="contributions-title">${t('contributions')}</h3>
    <ul class="contributions">
      ${task.contributions.map(
        (contribution) => html`<li>
          <div class="row"><a href=${`#/tasks/${encodeURIComponent(contribution.id)}`}><strong>${contribution.assignee.name}</strong></a> ${renderBadges({ ...contribution, procedure: null })}
            ${contribution.dueOn ? html`<span class="muted">${t('dueOn')} ${contribution.dueOn}</span>` : nothing}</div>
          ${
            contribution.data
              ? html`<details><summary>${t('task_showReport')}</summary>
                <ls-json-form disabled .schema=${task.form} .value=${contribution.data}></ls-json-form></details>`
              : html`<p class="muted">${t('task_noData')}</p>`
          }
        </li>`,
      )}
    </ul>
  </section>`
}

type HistoryEntry = TaskDetail['history'][number]

function note(entry: HistoryEntry): string {
  const payload = (entry.payload ?? {}) as {
    reason?: unknown
    comment?: unknown
    level?: unknown
    note?: unknown
    subTasks?: unknown
  }
  // A 延期 says which dates and why; a 催办 its message.
  if (entry.type.startsWith('EXTENSION_')) {
    const p = entry.payload as {
      dueFrom?: unknown
      dueTo?: unknown
      reason?: unknown
      note?: unknown
    }
    return [`${String(p.dueFrom ?? '')} → ${String(p.dueTo ?? '')}`, p.reason, p.note]
      .filter((part) => typeof part === 'string' && part)
      .join(' ')
  }
  if (entry.type === 'URGE') {
    const p = entry.payload as { message?: unknown }
    return typeof p.message === 'string' ? p.message : ''
  }
  // A revision of the plan says what changed and why, and the version's change note.
  if (entry.type === 'REVISE')
    return [
      typeof payload.reason === 'string' ? payload.reason : '',
      typeof payload.note === 'string' && payload.note ? tn('task_changeNote', payload.note) : '',
    ]
      .filter(Boolean)
      .join(' ')
  if (entry.type === 'SPLIT' && Array.isArray(payload.subTasks))
    return tn('task_splitNote', payload.subTasks.length)
  if (typeof payload.reason === 'string')
    return tn(
      entry.type === 'WITHDRAW'
        ? 'task_withdrawReason'
        : entry.type === 'TRANSFER'
          ? 'task_transferReason'
          : entry.type === 'CLOSE'
            ? 'task_closeReason'
            : 'task_lastReason',
      payload.reason,
    )
  if (typeof payload.comment === 'string') return payload.comment
  if (typeof payload.level === 'number') return tn('task_escalation', payload.level)
  return ''
}

function actor(entry: HistoryEntry & { actorName?: string }): string {
  // The platform's own steps (timers, escalation) are named in the reader's language.
  if (entry.actor === 'system') return t('task_actorSystem')
  return entry.actorName || entry.actor
}

/** Everything that happened to the task, oldest first. */
export function renderHistory(task: TaskDetail) {
  return html`<section aria-labelledby="history-title">
    <h3 id="history-title">${t('history')}</h3>
    ${
      task.history.length === 0
        ? html`<p class="muted">${t('task_noHistory')}</p>`
        : html`<div class="table-wrap"><table class="history">
          <thead><tr><th scope="col">${t('task_historyAt')}</th><th scope="col">${t('task_historyEvent')}</th><th scope="col">${t('task_historyActor')}</th><th scope="col">${t('task_historyNote')}</th></tr></thead>
          <tbody>
            ${task.history.map(
              (entry) => html`<tr>
                <td data-label=${t('task_historyAt')}><time datetime=${entry.at}>${when(entry.at)}</time></td>
                <td data-label=${t('task_historyEvent')}>${tOf('event_', entry.type)}</td>
                <td class="actor" data-label=${t('task_historyActor')} title=${entry.actor}>${actor(entry)}</td>
                <td class="history-note" data-label=${t('task_historyNote')}>${note(entry)}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`
    }
    ${renderUrgeReads(task)}
  </section>`
}

/** Who of the unit read each 催办 and when, for whoever sent it (the read receipts). */
function renderUrgeReads(task: TaskDetail) {
  const receipts = task.urgeReads ?? []
  if (receipts.length === 0) return nothing
  return html`<h4>${t('task_urgeReads')}</h4>
    <ul class="urge-reads">
      ${receipts.map(
        (receipt) => html`<li>
          ${fill(t('task_urgeSent'), { at: when(receipt.at), unit: receipt.recipient === task.assignee.id ? task.assignee.name : receipt.recipient })}：
          ${
            receipt.reads.length === 0
              ? html`<span class="muted">${t('task_urgeUnread')}</span>`
              : receipt.reads
                  .map((read) =>
                    fill(t('task_urgeReadBy'), { name: read.name, at: when(read.readAt) }),
                  )
                  .join('；')
          }
        </li>`,
      )}
    </ul>`
}
