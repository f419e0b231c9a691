/**
 * @module The dashboard's 查看日期: a date from the plan's start to today whose end the progress
 * is read as of (`GET /api/plans/:id/progress?asOf=`), and, while a past day is shown, the banner
 * that says so with a way back to today.
 */
import { html, nothing } from 'lit'
import type { PlanProgress } from '../../api-types.ts'
import { messageTable } from '../../i18n.ts'

export const asOfText = messageTable({
  pick: { zh: '查看日期', en: 'View as of' },
  banner: {
    zh: '截至 {date} 的情况（历史回看）',
    en: 'As of {date} (looking back)',
  },
  back: { zh: '回到今天', en: 'Back to today' },
})

/** The civil date (Asia/Shanghai) of an instant. */
function civilDate(instant: string): string {
  return new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The date input: `today` is the real today, `asOf` the past day shown or ''. */
export function renderAsOfPicker(
  progress: PlanProgress,
  today: string,
  asOf: string,
  show: (date: string) => void,
) {
  const start = civilDate(progress.plan.startedAt)
  return html`<label class="as-of-pick">${asOfText('pick')}
    <input type="date" name="asOf" min=${start} max=${today} .value=${asOf || today}
      @change=${(event: Event) => {
        const value = (event.target as HTMLInputElement).value
        if (value && value >= start && value <= today) show(value === today ? '' : value)
      }} />
  </label>`
}

/** The banner while a past day is shown. */
export function renderAsOfBanner(asOf: string, show: (date: string) => void) {
  if (!asOf) return nothing
  return html`<p class="as-of" role="status">
    <strong>${asOfText('banner', { date: asOf })}</strong>
    <button type="button" class="as-of-back" @click=${() => show('')}>${asOfText('back')}</button>
  </p>`
}
