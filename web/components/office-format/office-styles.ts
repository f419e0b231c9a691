/**
 * @module The look the office's document pages share, on screen and on paper: A4 landscape, no
 * navigation or buttons when printed, the table header repeated on every printed page
 * (`display: table-header-group`), rows kept whole across pages, light colours printed.
 */
import { css } from 'lit'

export default css`
  :host { display: block; }
  a { color: #1d3c6e; }
  .crumbs { margin: 0 0 0.6rem; font-size: 0.88rem; color: #616e7c; }
  .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.8rem; }
  h2 { margin: 0; font-size: 1.3rem; }
  h3 { margin: 1rem 0 0.5rem; font-size: 1.05rem; color: #1d3c6e; }
  .tools { margin-left: auto; display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .button, button { display: inline-flex; align-items: center; min-height: 2.2rem; padding: 0 0.9rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; font: inherit; text-decoration: none; cursor: pointer; }
  .button.primary { background: #1d3c6e; color: #fff; }
  form.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 0.8rem; }
  form.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: #3e4c59; gap: 0.2rem; }
  form.filters label.check { flex-direction: row; align-items: center; gap: 0.3rem; }
  select, input { font: inherit; min-height: 2rem; }
  .muted { color: #52606d; font-size: 0.88rem; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.88rem; background: #fff; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border: 1px solid #d9e2ec; vertical-align: top; }
  thead th { background: #eef2f7; white-space: nowrap; }
  thead { display: table-header-group; }
  tr.group th { background: #f5f7fa; font-weight: 600; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .light { display: inline-block; padding: 0 0.45rem; border-radius: 999px; white-space: nowrap; }
  .light-green { background: #d1fadf; color: #05603a; }
  .light-blue { background: #d1e9ff; color: #1849a9; }
  .light-yellow { background: #fef0c7; color: #7a2e0e; }
  .light-red { background: #fee4e2; color: #b42318; }
  .late { color: #b42318; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  .paper { background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
  .paper h2 { text-align: center; font-size: 1.5rem; letter-spacing: 0.2em; }
  .paper .sub { text-align: center; color: #3e4c59; margin: 0.4rem 0 1rem; }
  .paper p.body { text-indent: 2em; line-height: 1.8; }
  .paper .sign { text-align: right; margin-top: 1.5rem; line-height: 1.8; }
  dl.facts { display: grid; grid-template-columns: 7rem 1fr; gap: 0.35rem 0.8rem; margin: 0; }
  dl.facts dt { font-weight: 600; color: #3e4c59; }
  dl.facts dd { margin: 0; }
  @media print {
    .crumbs, .tools, form.filters { display: none; }
    .table-wrap { overflow: visible; }
    .paper { box-shadow: none; padding: 0; }
    table { font-size: 9pt; }
    tr { break-inside: avoid; }
    * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`
