import { css } from 'lit'

export default css`
  :host { display: block; }
  h2 { margin: 0 0 0.6rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border-bottom: 1px solid #d9dee5; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; font-size: 0.88rem; }
  td.actions { white-space: nowrap; }
  .inactive { color: #56606d; }
  form { display: grid; gap: 0.5rem; max-width: 40rem; background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
  fieldset { border: 1px solid #d9dee5; border-radius: 4px; display: flex; flex-wrap: wrap; gap: 0.6rem; }
  label { display: grid; gap: 0.25rem; font-size: 0.88rem; }
  fieldset label { display: flex; gap: 0.25rem; align-items: center; }
  input, textarea { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  textarea { font-family: ui-monospace, monospace; font-size: 0.8rem; min-height: 3rem; }
  .hint { color: #56606d; font-size: 0.8rem; }
  details.panel { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; margin-bottom: 0.8rem; }
  details.panel > summary { cursor: pointer; padding: 0.6rem 1rem; font-weight: 600; color: #1d3c6e; }
  details.panel[open] > summary { border-bottom: 1px solid #d9dee5; }
  details.panel > form { border: 0; margin: 0; }
  details.panel > ls-user-import { padding: 0.4rem 1rem 0.8rem; }
  fieldset.units { display: grid; gap: 0.4rem; }
  fieldset.units > label { display: grid; }
  fieldset.units textarea { width: 100%; box-sizing: border-box; }
  details.policy-units summary { cursor: pointer; color: #1d3c6e; font-size: 0.88rem; }
  details.policy-units small { color: #56606d; margin-left: 0.3rem; }
  .choices { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; padding: 0.3rem 0 0.2rem 0.6rem; }
  .choices label { display: flex; gap: 0.25rem; align-items: center; }
  span.unit + span.unit::before { content: '、'; }
  form.filter { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; align-items: center; max-width: none; padding: 0.5rem 0.8rem; }
  form.filter input[type='search'] { flex: 1 1 12rem; min-width: 0; }
  form.filter select[name='unit'] { max-width: 16rem; }
  select { font: inherit; padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; max-width: 100%; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .field-error { color: #b42318; font-size: 0.8rem; }
  .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
  button { font: inherit; padding: 0.3rem 0.7rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button.danger { border-color: #b42318; color: #b42318; }
  button:disabled { opacity: 0.6; cursor: progress; }
  [role='alert'] { color: #b42318; margin: 0; white-space: pre-line; }
  dialog { position: fixed; inset: 0; margin: auto; height: fit-content; z-index: 10; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25); max-width: min(28rem, 90vw); border: 1px solid #d9dee5; border-radius: 6px; }
  .secret { font-family: ui-monospace, monospace; font-size: 1.1rem; background: #f3f5f8; padding: 0.4rem 0.6rem; user-select: all; }
  .warn { color: #9a6700; }
  /* On a phone each account is a card: the header row goes, each cell is labelled by itself. */
  @media (max-width: 600px) {
    thead { display: none; }
    table, tbody, tr, td { display: block; width: auto; }
    tr { border: 1px solid #d9dee5; border-radius: 6px; margin-bottom: 0.6rem; padding: 0.3rem; }
    td { border: 0; padding: 0.2rem 0.4rem; }
    td[data-label]::before { content: attr(data-label) '：'; color: #56606d; }
    td.actions { white-space: normal; }
    form.filter select { flex: 1 1 40%; min-width: 0; }
    form.filter select[name='unit'] { flex-basis: 100%; max-width: 100%; }
    form { padding: 0.6rem; }
  }
`
