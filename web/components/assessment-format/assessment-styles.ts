/**
 * @module The look the three assessment pages share: panels, tables, the grade badges (one
 * colour per tone), buttons, inline errors, and the print rules (no buttons, no shadows).
 */
import { css } from 'lit'

export default css`
  :host { display: block; }
  a { color: #1d3c6e; }
  .crumbs { margin: 0 0 0.6rem; font-size: 0.88rem; color: #616e7c; }
  .crumbs ol { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; margin: 0; padding: 0; }
  .crumbs li + li::before { content: '›'; margin-right: 0.3rem; color: #9aa5b1; }
  .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.8rem; }
  h2 { margin: 0; font-size: 1.3rem; }
  h3 { margin: 0 0 0.6rem; font-size: 1.05rem; color: #1d3c6e; }
  h4 { margin: 0.8rem 0 0.4rem; font-size: 0.95rem; }
  section { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); padding: 1rem 1.2rem; margin-bottom: 1rem; }
  .facts { display: grid; grid-template-columns: auto 1fr; gap: 0.35rem 0.8rem; margin: 0 0 0.6rem; }
  .facts dt { color: #52606d; font-size: 0.9rem; }
  .facts dd { margin: 0; }
  .muted { color: #616e7c; font-size: 0.88rem; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  caption { text-align: left; font-weight: 600; padding: 0.3rem 0; color: #3e4c59; }
  th, td { text-align: left; padding: 0.4rem 0.55rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
  thead th { background: #f5f7fa; white-space: nowrap; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .missing { color: #b42318; font-weight: 600; }
  .badge { display: inline-block; font-size: 0.82rem; padding: 0.1rem 0.55rem; border-radius: 999px; background: #e4ecfb; color: #1d3c6e; white-space: nowrap; }
  .grade { font-weight: 600; }
  .tone-top { background: #d1fadf; color: #05603a; }
  .tone-high { background: #d1e9ff; color: #1849a9; }
  .tone-low { background: #fef0c7; color: #93370d; }
  .tone-bottom { background: #fee4e2; color: #b42318; }
  .tone-none { background: #f2f4f7; color: #475467; }
  .veto { display: inline-block; font-size: 0.82rem; padding: 0.1rem 0.5rem; border-radius: 4px; background: #b42318; color: #fff; white-space: nowrap; }
  .status-published { background: #e3f5e8; color: #1e6b35; }
  .status-reviewed { background: #fff1d6; color: #8a4b00; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; margin: 0.5rem 0; }
  .error ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
  .notice { color: #1e6b35; background: #e3f5e8; padding: 0.5rem 0.8rem; border-radius: 4px; margin: 0.5rem 0; }
  .actions { display: flex; flex-wrap: wrap; align-items: end; gap: 0.6rem; }
  label { display: grid; gap: 0.25rem; font-size: 0.9rem; }
  input, textarea { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  input[type='number'] { width: 6.5rem; }
  textarea { min-width: 18rem; resize: vertical; }
  button, a.button { font: inherit; cursor: pointer; padding: 0.4rem 0.9rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; text-decoration: none; display: inline-block; }
  button.primary { background: #1d3c6e; color: #fff; }
  button:disabled { opacity: 0.55; cursor: progress; }
  :is(button, a, input, textarea):focus-visible { outline: 2px solid #2f6fde; outline-offset: 2px; }
  @media print {
    .no-print, button, a.button { display: none !important; }
    section { box-shadow: none; border: 1px solid #d9e2ec; break-inside: avoid-page; padding: 0.5rem 0.8rem; }
    a { color: inherit; text-decoration: none; }
    .badge, .veto { border: 1px solid currentColor; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`
