/** @module Template pieces the assessment pages share: the trail (领导看板 › 考核 › 2021 年 › 东坡区医共体) and the grade badge. */
import { html } from 'lit'
import type { TemplateResult } from 'lit'
import { m } from './assessment-messages.ts'

export interface Crumb {
  label: string
  /** Omitted for the page itself. */
  href?: string
}

export function crumbs(items: readonly Crumb[]): TemplateResult {
  return html`<nav class="crumbs no-print" aria-label=${m('breadcrumb')}>
    <ol>
      ${items.map((item) => html`<li>${item.href ? html`<a href=${item.href}>${item.label}</a>` : html`<span aria-current="page">${item.label}</span>`}</li>`)}
    </ol>
  </nav>`
}

/** A grade as a coloured badge; no grade shows 未定. */
export function gradeBadge(tone: string, name: string | null | undefined): TemplateResult {
  return html`<span class="badge grade tone-${tone}">${name ?? m('noGrade')}</span>`
}
