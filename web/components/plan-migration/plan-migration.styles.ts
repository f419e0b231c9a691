import { css } from 'lit'

export default css`
  :host { display: block; margin: 0.6rem 0; }
  .panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.6rem 0.9rem; margin-top: 0.4rem; }
  h4 { margin: 0 0 0.4rem; font-size: 0.95rem; }
  h5 { margin: 0.6rem 0 0.2rem; font-size: 0.9rem; }
  label { display: flex; flex-direction: column; font-size: 0.8rem; color: #52606d; gap: 0.15rem; }
  input, select { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  button.primary { background: #175cd3; border-color: #175cd3; color: #fff; }
  button[aria-pressed='true'] { background: #e0eaff; border-color: #175cd3; }
  button:disabled { cursor: not-allowed; opacity: 0.55; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .row { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: end; margin: 0.4rem 0; }
  .note { color: #334e68; background: #f0f4f8; border-radius: 4px; padding: 0.3rem 0.6rem; margin: 0.3rem 0; }
  .actions { display: flex; gap: 0.6rem; margin-top: 0.6rem; }
  .muted { color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.4rem 0.7rem; border-radius: 4px; }
  .done { color: #05603a; background: #ecfdf3; padding: 0.4rem 0.7rem; border-radius: 4px; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; margin: 0.4rem 0; padding: 0; list-style: none; }
  .counts li { background: #f0f4f8; border-radius: 3px; padding: 0 0.4rem; }
  .views { display: flex; gap: 0.4rem; margin: 0.4rem 0; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
  th, td { text-align: left; border-bottom: 1px solid #e4e7eb; padding: 0.25rem 0.4rem; vertical-align: top; }
  th.group { background: #f5f7fa; font-weight: 600; }
  .kind { white-space: nowrap; }
  .kind-removed, .kind-unit-removed { color: #93370d; }
  .kind-added, .kind-unit-added { color: #05603a; }
  .kind-deadline, .kind-form { color: #b54708; }
  .flag { color: #b42318; }
  .unmatched ul { margin: 0.2rem 0 0.4rem; padding-left: 1.2rem; }
`
