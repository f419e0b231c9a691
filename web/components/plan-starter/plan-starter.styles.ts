import { css } from 'lit'

export default css`
  :host { display: block; }
  form { display: grid; gap: 0.6rem; max-width: 40rem; background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 0.8rem 1rem; }
  h4 { margin: 0; }
  label { display: grid; gap: 0.25rem; font-size: 0.88rem; }
  input, textarea { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  textarea { font-family: ui-monospace, monospace; font-size: 0.8rem; min-height: 8rem; }
  .hint { color: #56606d; font-size: 0.8rem; }
  fieldset.group { border: 1px solid #d9dee5; border-radius: 4px; margin: 0; padding: 0.4rem 0.7rem 0.6rem; display: grid; gap: 0.4rem; }
  legend { font-size: 0.88rem; font-weight: 600; padding: 0 0.3rem; }
  .choices { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
  label.choice { display: flex; gap: 0.3rem; align-items: center; }
  .row { display: flex; gap: 0.5rem; align-items: center; }
  button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button.secondary { background: #fff; color: #1d3c6e; }
  button:disabled { opacity: 0.6; cursor: progress; }
  [role='alert'] { color: #b42318; margin: 0; }
  .done { color: #1a7f37; margin: 0; }
  .warn { color: #9a6700; margin: 0; }
`
