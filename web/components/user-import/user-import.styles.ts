import { css } from 'lit'

export default css`
  :host { display: block; }
    h4 { margin: 0.8rem 0 0.3rem; font-size: 0.92rem; }
  p { margin: 0.3rem 0; }
  a { color: #1d3c6e; font-weight: 600; }
  .note { color: #616e7c; font-size: 0.85rem; }
  .pick, .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.8rem; }
  label { font-size: 0.88rem; }
  input, button { font: inherit; }
  button { padding: 0.3rem 0.75rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .ok { color: #05603a; font-weight: 600; }
  .bad { color: #b42318; font-weight: 600; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  .warn { color: #7a2e0e; background: #fffaeb; border: 1px solid #fec84b; padding: 0.5rem 0.8rem; border-radius: 4px; font-weight: 600; }
  table { width: 100%; border-collapse: collapse; font-size: 0.85rem; margin-top: 0.4rem; }
  th, td { padding: 0.3rem 0.45rem; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
  thead th { background: #eef2f7; white-space: nowrap; }
  tr.row-bad td { background: #fef3f2; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  td.status { white-space: nowrap; }
  ul.issues { margin: 0; padding-left: 1.1rem; color: #7a271a; }
  .created { border: 2px solid #fec84b; border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.4rem 0 0.8rem; }
  .created h4 { margin-top: 0; }
  .secret { font-family: ui-monospace, monospace; font-size: 0.95rem; background: #f3f5f8; padding: 0.1rem 0.35rem; user-select: all; word-break: break-all; }
  /* On a phone each row is a card whose cells name their column. */
  @media (max-width: 600px) {
    thead { display: none; }
    table, tbody, tr, td { display: block; width: auto; }
    tr { border: 1px solid #d9dee5; border-radius: 6px; margin-bottom: 0.5rem; padding: 0.25rem; }
    td { border: 0; padding: 0.15rem 0.35rem; }
    td.num { text-align: left; }
    td[data-label]::before { content: attr(data-label) '：'; color: #56606d; }
  }
`
