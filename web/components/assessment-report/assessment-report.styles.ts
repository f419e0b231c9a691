import { css } from 'lit'
import shared from '../assessment-format/assessment-styles.ts'

export default [
  shared,
  css`
    .tools { margin-left: auto; display: flex; gap: 0.5rem; }
    .stats { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0 0 0.6rem; }
    .stats > div { background: #f5f7fa; border-radius: 6px; padding: 0.4rem 0.9rem; min-width: 7rem; }
    .stats dt { font-size: 0.82rem; color: #616e7c; }
    .stats dd { margin: 0.2rem 0 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .stats dd.missing { font-size: 1rem; }
    .stats small { display: block; font-size: 0.78rem; font-weight: 400; color: #616e7c; }
    .effects, .tasks { margin: 0.3rem 0; padding-left: 1.2rem; line-height: 1.7; }
    .tasks li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
    table.items > tbody > tr > th { min-width: 9rem; }
    .explanation p { margin: 0 0 0.3rem; line-height: 1.6; }
    .explanation .cap { color: #93370d; font-weight: 600; }
    table.measures { margin-top: 0.3rem; font-size: 0.82rem; background: #f9fafb; }
    table.measures th, table.measures td { padding: 0.2rem 0.4rem; }
    td.met { color: #05603a; }
    tfoot th, tfoot td { font-weight: 600; border-top: 2px solid #d9e2ec; }
    tr.current { background: #eaf2ff; }
    .chart { width: 100%; height: 220px; margin-bottom: 0.6rem; }
    @media print {
      .tools { display: none; }
      .table-wrap { overflow: visible; }
      tr { break-inside: avoid; }
    }
  `,
]
