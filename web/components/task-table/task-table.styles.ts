import { css } from 'lit'
import { lightStyles } from './task-light.ts'

export default [
  lightStyles,
  css`
  /* The host is the container the narrow layout queries: an 800 px window keeps every column on screen. */
  :host { display: block; overflow-x: auto; container-type: inline-size; }
  /* min-content: never narrower than its columns (the host scrolls instead of clipping rows). */
  table { display: block; font-size: 0.9rem; min-width: min-content; }
  tbody { background: #fff; }
  thead, tbody { display: block; }
  tr { display: grid; grid-template-columns: var(--cols); border-bottom: 1px solid #e4e7eb; }
  @container (max-width: 62rem) {
    tr { grid-template-columns: var(--cols-narrow); }
    th, td { padding: 0.45rem 0.4rem; }
  }
  /* A phone: each task a card, its title on a line of its own, the other columns labelled below it. */
  @container (max-width: 36rem) {
    table { min-width: 0; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    tbody { background: transparent; }
    tbody tr { grid-template-columns: 1fr 1fr; gap: 0.1rem 0.8rem; background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; margin-bottom: 0.6rem; padding: 0.3rem 0.4rem; }
    tbody th[scope='row'], td.flags { grid-column: 1 / -1; }
    tbody th[scope='row'] { font-size: 1rem; font-weight: 600; }
    tbody th[scope='row'] a { display: flex; align-items: center; min-height: 44px; }
    td[data-label]::before { content: attr(data-label); display: block; font-size: 0.75rem; color: #52606d; }
    td.flags:empty { display: none; }
  }
  tbody tr { content-visibility: auto; contain-intrinsic-size: auto 3.2rem; }
  caption { display: block; text-align: left; font-weight: 600; padding: 0.4rem 0; color: #3e4c59; }
  th, td { display: block; padding: 0.45rem 0.6rem; text-align: left; min-width: 0; }
  thead tr { background: #eef2f7; }
  thead th { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  tbody th { font-weight: 400; }
  tbody tr:hover { background: #f5f8ff; }
  tr.finished { color: #616e7c; }
  tr.closed { color: #912018; }
  a { color: #1d3c6e; }
  a:focus-visible { outline: 2px solid #2e90fa; outline-offset: 2px; }
  th, td { overflow-wrap: anywhere; }
  .phrase { display: block; white-space: normal; font-size: 0.8rem; color: #616e7c; }
  .muted { color: #616e7c; }
  .state { white-space: nowrap; padding: 0.05rem 0.45rem; border-radius: 999px; background: #e4e7eb; font-size: 0.8rem; }
  .s-in_progress { background: #d1e9ff; color: #194185; }
  .s-submitted { background: #fef0c7; color: #7a2e0e; }
  .s-returned { background: #fee4e2; color: #912018; }
  .s-approved, .s-done { background: #d1fadf; color: #05603a; }
  .s-step { background: #ebe9fe; color: #3e1c96; }
  .badge { display: inline-block; margin: 0 0.25rem 0.15rem 0; padding: 0.05rem 0.4rem; border-radius: 4px; font-size: 0.78rem; border: 1px solid currentColor; }
  .badge.overdue { color: #b42318; background: #fef3f2; }
  /* 临期: amber, apart from the red of overdue and the blue dot of the light. */
  .badge.due-soon { color: #93370d; background: #fffaeb; border-color: #dc6803; }
  tr.due-soon { box-shadow: inset 3px 0 0 #f79009; }
  .choose { display: flex; align-items: center; justify-content: center; }
  .choose input { width: 1.1rem; height: 1.1rem; margin: 0; }
  .esc-1 { color: #475467; }
  .esc-2 { color: #b54708; }
  .esc-3 { color: #fff; background: #d92d20; border-color: #d92d20; }
  .esc-4 { color: #fff; background: #7a271a; border-color: #7a271a; }
  .empty { color: #616e7c; padding: 0.8rem 0; }
`,
]
