/**
 * @module The dashboard's three questions. The first two are drawn from `/progress` alone: what is
 * behind (the plan's share done, overdue work, tasks by 三色预警 colour and by 督办 level — the
 * same standing level the task badges show) and whose it is (the 晾晒 ranking of units by red,
 * yellow and on-time rate). The third, what to do, is `ls-supervision-list` given the 督办 lists.
 */
import { html, nothing } from 'lit'
import type { PlanEscalations, PlanProgress } from '../../api-types.ts'
import { locale, t } from '../../i18n.ts'
import { escalationLabel } from '../task-table/task-format.ts'
import { LIGHT_ORDER, lightLabel } from '../task-table/task-light.ts'
import { dashText } from './dashboard.text.ts'

type Unit = PlanProgress['units'][number]

/** Units the ranking shows on the first screen; the full table is further down. */
export const RANKED_UNITS = 8

const percentText = (value: number | null) => (value === null ? '—' : `${value}%`)

export function renderBehind(progress: PlanProgress) {
  const { summary, escalations } = progress
  const levels = [4, 3, 2, 1] as const
  const countOf = {
    4: escalations.circulate,
    3: escalations.supervise,
    2: escalations.urge,
    1: escalations.remind,
  }
  return html`<section class="question behind" part="summary" aria-labelledby="q-behind">
    <h3 id="q-behind">${dashText('behind')}</h3>
    <div class="kpi" data-figure="plan-percent">
      <strong>${summary.percent}%</strong>
      <span>${dashText('done', { approved: summary.approved, total: summary.total })}</span>
      <span class="meter" aria-hidden="true"><span style="width:${summary.percent}%"></span></span>
      <small class="muted">${dashText('doneHint')}</small>
    </div>
    <p class="overdue ${summary.overdue ? 'alarm' : ''}" data-figure="overdue">${dashText('overdue', { n: summary.overdue })}</p>
    ${
      // A closed plan's work left undone (未完成关闭), counted toward the total, never as done.
      summary.closed > 0
        ? html`<p class="overdue alarm" data-figure="closed">${t('state_closed')} ${summary.closed}</p>`
        : nothing
    }
    <h4>${dashText('lights')}</h4>
    <ul class="chips lights" aria-label=${dashText('lights')}>
      ${[...LIGHT_ORDER].reverse().map(
        (light) => html`<li class="chip light-${light}" data-light=${light}>
          <span class="dot" aria-hidden="true"></span><span class="name">${lightLabel(light)}</span><b>${summary.lights[light]}</b>
        </li>`,
      )}
    </ul>
    <h4>${dashText('escalations')}</h4>
    <p class="supervised" data-figure="supervised" title=${dashText('supervisedHint')}>
      ${dashText('supervised')} <b>${escalations.supervised}</b>
    </p>
    <ul class="chips levels" aria-label=${dashText('escalations')}>
      ${levels.map(
        (level) => html`<li class="chip esc-${level}" data-level=${level}>
          <span class="name">${escalationLabel(level)}</span><small>${dashText('levelOf', { n: level })}</small><b>${countOf[level]}</b>
        </li>`,
      )}
    </ul>
  </section>`
}

export function renderRanking(
  units: readonly Unit[],
  select: (unit: Unit) => void,
  selected: string,
) {
  const ranked = units
    .filter((unit) => unit.lights.red + unit.lights.yellow > 0)
    .slice(0, RANKED_UNITS)
  const shown = ranked.length ? ranked : units.slice(0, RANKED_UNITS)
  return html`<section class="question whose" aria-labelledby="q-whose">
    <h3 id="q-whose">${dashText('whose')}</h3>
    ${ranked.length === 0 ? html`<p class="muted">${dashText('noRed')}</p>` : nothing}
    <table class="ranking">
      <caption>${dashText('rankingCaption')}</caption>
      <thead><tr>
        <th scope="col" class="rank">#</th>
        <th scope="col">${dashText('col_unit')}</th>
        <th scope="col" class="num">${dashText('col_red')}</th>
        <th scope="col" class="num">${dashText('col_yellow')}</th>
        <th scope="col" class="num">${dashText('col_onTime')}</th>
        <th scope="col" class="num">${dashText('col_done')}</th>
      </tr></thead>
      <tbody>${shown.map(
        (
          unit,
          index,
        ) => html`<tr class=${unit.id === selected ? 'current' : ''} data-unit=${unit.id}>
          <td class="rank">${index + 1}</td>
          <th scope="row"><button type="button" class="link" @click=${() => select(unit)}>${unit.name}</button></th>
          <td class="num ${unit.lights.red ? 'red' : ''}">${unit.lights.red}</td>
          <td class="num ${unit.lights.yellow ? 'yellow' : ''}">${unit.lights.yellow}</td>
          <td class="num">${percentText(unit.onTimeRate)}</td>
          <td class="num">${unit.percent}%</td>
        </tr>`,
      )}</tbody>
    </table>
    ${units.length > shown.length ? html`<a class="more" href="#units-title" @click=${(event: Event) => jumpTo(event, 'units-title')}>${dashText('allUnits', { n: units.length })}</a>` : nothing}
  </section>`
}

/** The third question: the 督办 list by unit, with 催办 and the 督办单. */
export function renderTodo(progress: PlanProgress, lists: PlanEscalations | 'unavailable' | null) {
  return html`<section class="question todo" aria-labelledby="q-todo">
    <h3 id="q-todo">${dashText('todo')} <small>${dashText('supervised')} ${progress.escalations.supervised}</small></h3>
    ${lists === null ? html`<p class="muted">${t('loading')}</p>` : nothing}
    ${lists === 'unavailable' ? html`<p class="muted">${dashText('supervisionUnavailable')}</p>` : nothing}
    ${
      lists && lists !== 'unavailable'
        ? html`<ls-supervision-list plan-id=${progress.plan.id} today=${progress.today}
            .tasks=${[...lists.circulate, ...lists.supervise]} .urgeable=${lists.urgeable}></ls-supervision-list>`
        : nothing
    }
  </section>`
}

/** Scrolls to a heading in the same shadow root (hash links cannot reach into it). */
export function jumpTo(event: Event, id: string): void {
  event.preventDefault()
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot
  const target = root.getElementById(id)
  target?.scrollIntoView({ block: 'start' })
  target?.focus({ preventScroll: true })
}

export const paren = (text: string) => (locale() === 'zh' ? `（${text}）` : ` (${text})`)
