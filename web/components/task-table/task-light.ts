/**
 * @module 三色预警 as every task list and page shows it: a coloured dot with the colour's name
 * beside it, so the status reads without colour (and in a screen reader) too.
 */
import { css, html } from 'lit'
import type { TaskSummary } from '../../api-types.ts'
import { tOf } from '../../i18n.ts'

export type TaskLight = TaskSummary['light']

/** The lights in rising urgency, for filters and counts. */
export const LIGHT_ORDER: readonly TaskLight[] = ['green', 'blue', 'yellow', 'red']

/** The colour's name in the current locale: 绿灯, 蓝灯, 黄灯, 红灯. */
export function lightLabel(light: TaskLight): string {
  return tOf('light_', light)
}

/** The dot and its label. */
export function renderLight(light: TaskLight) {
  return html`<span class="light light-${light}" data-light=${light}><span class="dot" aria-hidden="true"></span>${lightLabel(light)}</span>`
}

/** A count of tasks of one colour: the dot and the number, the colour's name for screen readers. */
export function renderLightCount(light: TaskLight, count: number) {
  return html`<span class="light light-${light}" data-light=${light} title=${lightLabel(light)}><span class="dot" aria-hidden="true"></span><span class="visually-hidden">${lightLabel(light)}</span>${count}</span>`
}

/** Styles of {@link renderLight}, for the components that show it. */
export const lightStyles = css`
  .light { display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; font-size: 0.8rem; margin: 0 0.35rem 0.15rem 0; }
  .light .dot { width: 0.7rem; height: 0.7rem; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.25); flex: none; }
  .light-green .dot { background: #12b76a; }
  .light-blue .dot { background: #2e90fa; }
  .light-yellow .dot { background: #fdb022; }
  .light-red .dot { background: #d92d20; }
  .light-red { color: #912018; font-weight: 600; }
  .light .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
