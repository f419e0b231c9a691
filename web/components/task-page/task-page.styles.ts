import { css } from 'lit'
import { lightStyles } from '../task-table/task-light.ts'

export default [
  lightStyles,
  css`
  :host { display: block; }
  a { color: #1d3c6e; }
  .back { margin: 0 0 0.6rem; }
  /* The published result a 整改 task answers: set off so it reads as the evidence. */
  .note { border-left: 3px solid #8aa4c8; background: #f5f8fc; padding: 0.4rem 0.7rem; margin: 0.5rem 0; }
  .report-flag { border-left: 3px solid #b42318; background: #fef3f2; color: #7a271a; padding: 0.4rem 0.7rem; margin: 0.5rem 0; }
  .finding { border-left: 3px solid #c9a227; background: #fffaf0; padding: 0.4rem 0.7rem; margin: 0.5rem 0; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1rem; margin-bottom: 0.8rem; }
  h2 { margin: 0; font-size: 1.35rem; }
  h3 { margin: 0 0 0.6rem; font-size: 1.05rem; color: #1d3c6e; }
  h4 { margin: 0.8rem 0 0.3rem; font-size: 0.95rem; }
  .badges { display: flex; flex-wrap: wrap; gap: 0.4rem; }
  .badge { display: inline-block; font-size: 0.8rem; padding: 0.1rem 0.5rem; border-radius: 999px; background: #e4ecfb; color: #1d3c6e; white-space: nowrap; }
  .badge.overdue { background: #fde8e6; color: #a11b0f; }
  .badge.escalated { background: #fff1d6; color: #8a4b00; }
  .badge.state-approved, .badge.state-done { background: #e3f5e8; color: #1e6b35; }
  .badge.state-closed { background: #fef3f2; color: #912018; }
  .badge.state-returned { background: #fde8e6; color: #a11b0f; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 1.2rem; align-items: start; }
  @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside { order: -1; } }
  .main { display: grid; gap: 1rem; min-width: 0; }
  section, aside > * { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); padding: 1rem 1.2rem; }
  aside { display: grid; gap: 1rem; }
  /* The transfer panel draws its own card. */
  aside > ls-task-transfer { padding: 0; background: none; box-shadow: none; }
  section p { margin: 0; line-height: 1.7; }
  .facts { display: grid; grid-template-columns: auto 1fr; gap: 0.5rem 0.8rem; margin: 0; }
  .facts dt { color: #52606d; font-size: 0.9rem; }
  .facts dd { margin: 0; }
  .muted { color: #616e7c; font-size: 0.88rem; }
  .clause { font-weight: 600; }
  blockquote { margin: 0.5rem 0 0; padding: 0.5rem 0.8rem; border-left: 4px solid #9fb3d9; background: #f5f7fa; line-height: 1.7; }
  .banner { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; padding: 0.7rem 1rem; margin-bottom: 0.8rem; border-radius: 6px; background: #fff4f2; border: 1px solid #f3b8b3; color: #8a1c12; }
  .banner.conflict { background: #fff8e6; border-color: #f0c36d; color: #6b4200; }
  .notice { padding: 0.6rem 1rem; margin: 0 0 0.8rem; border-radius: 6px; background: #e3f5e8; color: #1e6b35; }
  .returned { padding: 0.6rem 1rem; margin: 0 0 0.8rem; border-radius: 6px; background: #fde8e6; color: #8a1c12; }
  .actions .buttons { display: flex; flex-wrap: wrap; gap: 0.6rem; }
  .review { display: grid; gap: 0.4rem; margin-top: 0.6rem; }
  .review label { font-weight: 600; font-size: 0.95rem; }
  textarea { font: inherit; padding: 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; resize: vertical; }
  textarea[aria-invalid='true'] { border-color: #b42318; }
  .error { color: #b42318; font-size: 0.85rem; }
  button { font: inherit; cursor: pointer; padding: 0.45rem 1rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button:disabled { opacity: 0.55; cursor: progress; }
  :is(button, a, textarea, [tabindex]):focus-visible { outline: 2px solid #2f6fde; outline-offset: 2px; }
  .steps { margin: 0; padding-left: 1.4rem; display: grid; gap: 0.4rem; }
  .steps li.current { font-weight: 600; }
  .steps li .badge, .steps li .muted { margin-left: 0.5rem; }
  .contributions { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.8rem; }
  .contributions li { border-top: 1px solid #e4e7eb; padding-top: 0.6rem; }
  .contributions .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  details { margin-top: 0.4rem; }
  summary { cursor: pointer; color: #1d3c6e; }
  details ls-json-form { margin-top: 0.6rem; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
  thead th { background: #f5f7fa; }
  td.actor { max-width: 12rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  /* A phone: the history one card an entry (each value under its column's name); controls a finger high. */
  @media (max-width: 600px) {
    table, tbody, tr, td { display: block; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    tr { display: grid; grid-template-columns: 1fr 1fr; gap: 0.1rem 0.6rem; padding: 0.4rem 0; border-bottom: 1px solid #e4e7eb; }
    td { border: 0; padding: 0.15rem 0; }
    td.history-note { grid-column: 1 / -1; }
    td.actor { max-width: none; }
    td[data-label]::before { content: attr(data-label); display: block; font-size: 0.75rem; color: #52606d; }
  }
`,
]
