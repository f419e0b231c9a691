import { css } from 'lit'
import { lightStyles } from '../task-table/task-light.ts'

export default [
  lightStyles,
  css`
  :host { display: block; }
  .title { margin: 0 0 0.8rem; font-size: 1.25rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .counts ul { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0 0 1rem; padding: 0; list-style: none; }
  .counts ul > li { background: #fff; border-radius: 6px; min-width: 6rem; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); }
  .counts ul > li.static { padding: 0.5rem 0.9rem; }
  .counts ul > li > button { display: block; width: 100%; text-align: left; border: 2px solid transparent; border-radius: 6px; background: none; padding: 0.4rem 0.8rem; min-height: 2.75rem; }
  .counts ul > li > button:hover { background: #f5f8ff; }
  .counts ul > li > button[aria-pressed='true'] { border-color: #1d3c6e; background: #eef2f7; }
  .counts .amber .n { color: #b54708; }
  .tabs { display: flex; gap: 0.2rem; border-bottom: 1px solid #cbd2d9; margin-bottom: 0.8rem; }
  .tabs a { padding: 0.5rem 1rem; min-height: 2.75rem; box-sizing: border-box; display: inline-flex; align-items: center; gap: 0.35rem; color: #3e4c59; text-decoration: none; border-bottom: 3px solid transparent; }
  .tabs a[aria-current='page'] { color: #1d3c6e; font-weight: 600; border-bottom-color: #1d3c6e; }
  .tabs a:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .tabs .count { background: #fef0c7; color: #7a2e0e; border-radius: 999px; padding: 0 0.5rem; font-size: 0.8rem; font-weight: 600; }
  .filters label.search input { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; width: 16rem; max-width: 100%; }
  .counts .label { display: block; font-size: 0.8rem; color: #616e7c; }
  .counts .n { display: block; margin: 0; font-size: 1.4rem; font-weight: 600; }
  .counts .alarm .n { color: #b42318; }
  .filters { display: flex; flex-wrap: wrap; align-items: end; gap: 0.6rem 1rem; margin-bottom: 0.6rem; }
  .filters label { display: grid; gap: 0.2rem; font-size: 0.85rem; color: #3e4c59; }
  .filters label.toggle { display: flex; align-items: center; gap: 0.35rem; padding-bottom: 0.35rem; }
  select { font: inherit; padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; max-width: 18rem; }
  input[type='checkbox'] { width: 1rem; height: 1rem; }
  select:focus-visible, input:focus-visible, button:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .status { min-height: 1.3rem; font-size: 0.85rem; color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; margin-bottom: 0.6rem; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  ls-task-table[aria-busy='true'] { opacity: 0.6; }
  .lights { display: flex; flex-wrap: wrap; gap: 0 0.6rem; border: 1px solid #cbd2d9; border-radius: 4px; padding: 0.1rem 0.6rem; margin: 0; }
  .lights legend { font-size: 0.85rem; color: #3e4c59; padding: 0 0.2rem; }
  .counts .by-light .label .light { margin: 0; }
  /* A phone: the counts three to a row, the filters one to a line, each control a finger high. */
  @media (max-width: 600px) {
    .counts ul { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.4rem; }
    .counts ul > li { min-width: 0; }
    .counts ul > li.static, .counts ul > li > button { padding: 0.4rem 0.6rem; }
    .counts .n { font-size: 1.2rem; }
    .filters { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4rem 0.6rem; }
    .filters > label:first-child, .filters .lights { grid-column: 1 / -1; }
    select { max-width: none; width: 100%; }
    label.toggle, .lights label { min-height: 44px; display: flex; align-items: center; }
  }
`,
]
