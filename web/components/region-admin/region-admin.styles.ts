import { css } from 'lit'

export default css`
  :host { display: block; }
  h2 { margin: 0 0 0.6rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border-bottom: 1px solid #d9dee5; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; font-size: 0.88rem; }
  td.actions { white-space: nowrap; }
  .inactive { color: #56606d; }
  select { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  form { display: grid; gap: 0.5rem; max-width: 40rem; background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
  label { display: grid; gap: 0.25rem; font-size: 0.88rem; }
  .hint { color: #56606d; font-size: 0.8rem; }
  .field-error { color: #b42318; font-size: 0.8rem; }
  .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
  button { font: inherit; padding: 0.3rem 0.7rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button.danger { border-color: #b42318; color: #b42318; }
  button:disabled { opacity: 0.6; cursor: progress; }
  [role='alert'] { color: #b42318; margin: 0; white-space: pre-line; }
  /* On a phone each region is a card: the header row goes, each cell is labelled by itself. */
  @media (max-width: 600px) {
    thead { display: none; }
    table, tbody, tr, td { display: block; width: auto; }
    tr { border: 1px solid #d9dee5; border-radius: 6px; margin-bottom: 0.6rem; padding: 0.3rem; }
    td { border: 0; padding: 0.2rem 0.4rem; }
    td[data-label]::before { content: attr(data-label) '：'; color: #56606d; }
    td.actions { white-space: normal; }
  }
`
