import { css } from 'lit'
import { lightStyles } from '../task-table/task-light.ts'

export default [
  lightStyles,
  css`
  :host { display: block; }
  .chart-title { margin: 0 0 0.3rem; font-size: 0.85rem; color: #616e7c; }
  .chart { width: 100%; background: #fff; border-radius: 6px; }
  .tools { margin: 0.6rem 0 0.3rem; font-size: 0.85rem; }
  input[type='search'] { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  table { width: 100%; border-collapse: collapse; background: #fff; font-size: 0.9rem; }
  caption { text-align: left; font-weight: 600; padding: 0.4rem 0; color: #3e4c59; }
  th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid #e4e7eb; text-align: left; }
  thead th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .late { color: #b42318; font-weight: 600; }
  tr.current { background: #eaf2ff; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  button:disabled { opacity: 0.5; cursor: default; }
  button.link { border: 0; background: none; padding: 0; color: #1d3c6e; text-decoration: underline; text-align: left; }
  button:focus-visible, input:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .pager { display: flex; align-items: center; gap: 0.8rem; margin-top: 0.5rem; font-size: 0.85rem; }
  .empty { color: #616e7c; }
  td.lights { white-space: nowrap; }
  /* A small tablet: the table scrolls within its own box, the page never runs off the side. */
  @media (max-width: 700px) {
    table { display: block; overflow-x: auto; max-width: 100%; }
  }
  /* A phone: a card per unit, its name on top and its figures under their labels. */
  @media (max-width: 600px) {
    table, caption, tbody, th, td { display: block; }
    table { overflow-x: visible; background: none; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    tbody tr { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; background: #fff; border-radius: 6px; margin-bottom: 0.4rem; padding: 0.3rem 0.7rem; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); }
    tbody tr.current { background: #eaf2ff; }
    th, td { border-bottom: none; padding: 0; }
    tbody th { flex-basis: 100%; }
    td[data-label]::before { content: attr(data-label) ' '; font-size: 0.8rem; font-weight: 400; color: #52606d; }
    td.lights { flex-basis: 100%; white-space: normal; }
    button.link { min-height: 44px; }
    .pager button, input[type='search'] { min-height: 44px; }
  }
`,
]
