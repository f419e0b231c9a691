import { css } from 'lit'

export default css`
  :host { display: block; }
  h2 { margin: 0 0 0.6rem; }
  p.hint { color: #56606d; font-size: 0.85rem; margin: 0 0 0.6rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border-bottom: 1px solid #d9dee5; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; font-size: 0.88rem; }
  td.actions { white-space: nowrap; }
  input, select { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; box-sizing: border-box; width: 100%; min-width: 0; }
  label.region { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 0.8rem; font-size: 0.88rem; }
  label.region select { width: auto; }
  .field-error { display: block; color: #b42318; font-size: 0.8rem; white-space: pre-line; }
  .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-top: 0.8rem; }
  button { font: inherit; padding: 0.3rem 0.7rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button.danger { border-color: #b42318; color: #b42318; }
  button:disabled { opacity: 0.6; cursor: progress; }
  [role='alert'] { color: #b42318; margin: 0.4rem 0; white-space: pre-line; }
  [role='status'] { color: #1f7a3a; margin: 0.4rem 0; }
  /* On a phone each channel is a card: the header row goes, each cell is labelled by itself. */
  @media (max-width: 600px) {
    thead { display: none; }
    table, tbody, tr, td { display: block; width: auto; }
    tr { border: 1px solid #d9dee5; border-radius: 6px; margin-bottom: 0.6rem; padding: 0.3rem; }
    td { border: 0; padding: 0.2rem 0.4rem; }
    td[data-label]::before { content: attr(data-label); display: block; color: #56606d; font-size: 0.8rem; }
    td.actions { white-space: normal; }
  }
`
