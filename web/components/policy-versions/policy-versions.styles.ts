import { css } from 'lit'

export default css`
  :host { display: block; }
  table { width: 100%; border-collapse: collapse; font-size: 0.88rem; background: #fff; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eef1f5; }
  th { background: #f3f5f8; }
  tr[aria-current='true'] td { background: #f3f7ff; }
  .hash { font-family: ui-monospace, monospace; color: #56606d; font-size: 0.78rem; }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; }
  button, select { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.6rem; border-radius: 4px; border: 1px solid #9aa5b1; background: #fff; cursor: pointer; }
  button.primary { background: #1d3c6e; color: #fff; border-color: #1d3c6e; }
  button:focus-visible, select:focus-visible { outline: 2px solid #2f6fd6; outline-offset: 1px; }
  .diff-controls { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin: 1rem 0 0.5rem; }
  h3 { font-size: 1rem; margin: 1.1rem 0 0.4rem; }
  ls-plan-starter { margin-top: 0.8rem; }
  [role='alert'] { color: #b42318; }
  .muted { color: #56606d; }
  td.source { white-space: nowrap; }
  td.source a { margin-left: 0.3rem; color: #1d3c6e; }
  td.note { max-width: 24rem; white-space: pre-wrap; }
`
