import { css } from 'lit'

export default css`
  :host { display: block; }
  .banner { margin: 0.4rem 0 0.8rem; padding: 0.55rem 0.9rem; border-radius: 6px; border: 1px solid; }
  .banner.suspended { background: #fffaeb; border-color: #fec84b; color: #7a2e0e; }
  .banner.closed { background: #fef3f2; border-color: #fda29b; color: #7a271a; }
  .banner.archived { background: #f2f4f7; border-color: #d0d5dd; color: #344054; }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.4rem 0; }
  .status { font-size: 0.85rem; color: #52606d; }
  .status strong { color: #1f2933; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.7rem; }
  button.primary { background: #175cd3; border-color: #175cd3; color: #fff; }
  button.danger { background: #b42318; border-color: #b42318; color: #fff; }
  button:disabled { cursor: not-allowed; opacity: 0.55; }
  button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  dialog { border: 1px solid #c5cdd8; border-radius: 8px; padding: 1rem 1.2rem; width: min(40rem, 94vw); max-height: 90vh; }
  dialog::backdrop { background: rgb(31 41 51 / 35%); }
  dialog form { display: grid; gap: 0.5rem; }
  dialog h3 { margin: 0; }
  dialog p { margin: 0; }
  textarea { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  .check { display: flex; gap: 0.4rem; align-items: flex-start; }
  .open-tasks { max-height: 40vh; overflow: auto; border: 1px solid #e4e7eb; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
  th, td { text-align: left; padding: 0.25rem 0.45rem; border-bottom: 1px solid #eef1f4; }
  th { background: #f5f7fa; position: sticky; top: 0; }
  .warn { color: #93370d; }
  .field-error { color: #b42318; min-height: 1em; }
  .dialog-actions { display: flex; justify-content: flex-end; gap: 0.6rem; margin-top: 0.3rem; }
  .error { color: #b42318; background: #fef3f2; padding: 0.4rem 0.7rem; border-radius: 4px; }
  .done { color: #05603a; background: #ecfdf3; padding: 0.4rem 0.7rem; border-radius: 4px; }
  .muted { color: #616e7c; }
`
