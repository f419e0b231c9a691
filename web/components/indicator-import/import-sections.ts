/**
 * @module The import page's tables, as plain template functions: the catalogue of inputs, the
 * row-by-row report of a check or a refused import, and the values stored.
 */
import { html, nothing } from 'lit'
import type { IndicatorInputs, IndicatorValueList } from '../../api-types.ts'
import { formatInstant } from '../../i18n.ts'
import { groupDigits, importText } from './import-format.ts'
import type { ReportRow } from './import-format.ts'

/** Rows of the values table shown at most; the count says how many there are. */
export const SHOWN_VALUES = 300

/** The inputs a user can enter, in a disclosure (the template's 说明 sheet says the same). */
export function renderCatalogue(catalogue: IndicatorInputs) {
  const units = catalogue.units
    .slice(0, 8)
    .map((unit) => unit.name)
    .join('、')
  const more =
    catalogue.units.length > 8 ? ` ${importText('andMore', { n: catalogue.units.length - 8 })}` : ''
  return html`
    <p class="note">${importText('myUnits', { units: units + more })}</p>
    <details>
      <summary>${importText('catalogue', { n: catalogue.inputs.length })}</summary>
      <table>
        <thead><tr>
          <th scope="col">${importText('col_name')}</th><th scope="col">${importText('col_id')}</th><th scope="col">${importText('col_measure')}</th>
          <th scope="col">${importText('col_range')}</th><th scope="col">${importText('col_frequency')}</th><th scope="col">${importText('col_indicators')}</th>
        </tr></thead>
        <tbody>${catalogue.inputs.map(
          (input) => html`<tr>
          <th scope="row">${input.name}</th><td><code>${input.id}</code></td><td>${input.unit ?? '—'}</td><td>${input.range}</td>
          <td>${importText(`frequency_${input.frequency}`)}</td><td>${input.indicators.map((indicator) => indicator.name).join('、') || '—'}</td>
        </tr>`,
        )}</tbody>
      </table>
    </details>
  `
}

/** The rows refused by a check or an import: row, column, unit, period, input, reason. */
export function renderReport(rows: readonly ReportRow[], caption = importText('reportCaption')) {
  if (rows.length === 0) return nothing
  return html`<table class="report">
    <caption>${caption}</caption>
    <thead><tr>
      <th scope="col" class="num">${importText('col_row')}</th><th scope="col">${importText('col_column')}</th><th scope="col">${importText('col_unit')}</th>
      <th scope="col">${importText('col_period')}</th><th scope="col">${importText('col_input')}</th><th scope="col">${importText('col_reason')}</th>
    </tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr>
      <th scope="row" class="num">${row.row}</th><td>${row.column}</td><td>${row.unit}</td><td>${row.period}</td><td>${row.input}</td><td class="reason">${row.reason}</td>
    </tr>`,
    )}</tbody>
  </table>`
}

type StoredValue = IndicatorValueList['values'][number]

function valueText(value: StoredValue): string {
  if (value.valueType === 'boolean')
    return value.value === 'true'
      ? importText('yes')
      : value.value === 'false'
        ? importText('no')
        : value.value
  const number = groupDigits(value.value)
  return value.measure ? `${number} ${value.measure}` : number
}

/** The values stored for the chosen period (and unit). */
export function renderValues(list: IndicatorValueList) {
  if (list.values.length === 0) return html`<p class="muted">${importText('noValues')}</p>`
  const shown = list.values.slice(0, SHOWN_VALUES)
  return html`<table class="values">
    <caption>${shown.length < list.count ? importText('valuesShown', { n: list.count, shown: shown.length }) : importText('valuesCount', { n: list.count })}</caption>
    <thead><tr>
      <th scope="col">${importText('col_unit')}</th><th scope="col">${importText('col_period')}</th><th scope="col">${importText('col_input')}</th>
      <th scope="col" class="num">${importText('col_value')}</th><th scope="col">${importText('col_source')}</th>
      <th scope="col">${importText('col_enteredBy')}</th><th scope="col">${importText('col_enteredAt')}</th>
    </tr></thead>
    <tbody>${shown.map(
      (value) => html`<tr>
      <td>${value.unitName}</td><td>${value.period}</td><th scope="row" title=${value.element}>${value.name}</th>
      <td class="num">${valueText(value)}</td><td>${importText(`source_${value.source}`)}</td>
      <td>${value.enteredBy.name}</td><td><time datetime=${value.enteredAt}>${formatInstant(value.enteredAt)}</time></td>
    </tr>`,
    )}</tbody>
  </table>`
}
