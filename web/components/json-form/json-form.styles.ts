import { css } from 'lit'
import { touchTargets } from '../../touch-targets.ts'

export default css`
  :host { display: block; }
  form { display: grid; gap: 1rem; }
  .note { margin: 0; font-size: 0.85rem; color: #52606d; }
  .field { display: grid; gap: 0.3rem; }
  .field.checkbox { grid-template-columns: auto 1fr; align-items: start; column-gap: 0.5rem; }
  .field.checkbox input { margin-top: 0.25rem; }
  .field.checkbox .hint, .field.checkbox .error { grid-column: 2; }
  label, legend { font-weight: 600; font-size: 0.95rem; }
  .required { color: #b42318; margin-left: 0.2em; }
  input, select, textarea { font: inherit; padding: 0.45rem 0.55rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: inherit; }
  input[type='checkbox'] { width: 1.1rem; height: 1.1rem; padding: 0; }
  textarea { resize: vertical; min-height: 6rem; width: 100%; box-sizing: border-box; }
  .text input, .date input, select { max-width: 36rem; }
  .text input { width: 100%; box-sizing: border-box; }
  /* The control (input and its unit), not the field: a decimal field is also class "number" and
     must stack label, input and hint like every other field. */
  span.number { display: inline-flex; align-items: center; gap: 0.4rem; }
  span.number input { width: 10rem; }
  .unit { color: #52606d; }
  .grouped { color: #52606d; font-variant-numeric: tabular-nums; }
  :is(input, select, textarea):focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
  [aria-invalid='true']:is(input, select, textarea) { border-color: #b42318; background: #fff7f6; }
  :is(input, select, textarea):disabled { background: #f1f3f5; color: #323f4b; }
  .hint { font-size: 0.85rem; color: #52606d; }
  .error { font-size: 0.85rem; color: #b42318; }
  .summary { border: 1px solid #f3b8b3; background: #fff4f2; color: #8a1c12; border-radius: 6px; padding: 0.6rem 0.8rem; }
  .summary ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
  fieldset.group { border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.6rem 0.9rem 0.9rem; margin: 0; display: grid; gap: 0.6rem; min-width: 0; }
  fieldset.group[aria-invalid='true'] { border-color: #f3b8b3; }
  legend { padding: 0 0.3rem; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
  th, td { border-bottom: 1px solid #e4e7eb; padding: 0.35rem 0.4rem; text-align: left; vertical-align: top; }
  thead th { background: #f5f7fa; font-weight: 600; }
  td input:not([type='checkbox']), td select, td textarea { width: 100%; box-sizing: border-box; min-width: 6rem; }
  td span.number input { width: 7rem; min-width: 0; }
  .list, .files { margin: 0; padding-left: 1.4rem; display: grid; gap: 0.4rem; }
  .list li input { width: min(30rem, 80%); }
  .files li a { color: #1d3c6e; }
  .choices { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
  .choice { display: inline-flex; align-items: center; gap: 0.35rem; }
  .choice label { font-weight: 400; }
  .upload { display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
  .upload input.file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
  .upload label.button { font-weight: 400; cursor: pointer; border: 1px solid #1d3c6e; color: #1d3c6e; background: #fff; border-radius: 4px; padding: 0.25rem 0.8rem; }
  .upload input.file:focus-visible + label.button { outline: 2px solid #2f6fde; outline-offset: 1px; }
  .upload input.file:disabled + label.button { opacity: 0.5; cursor: progress; }
  .empty { margin: 0; color: #616e7c; font-size: 0.9rem; }
  button { font: inherit; cursor: pointer; border-radius: 4px; padding: 0.25rem 0.7rem; }
  button.add { justify-self: start; border: 1px dashed #1d3c6e; background: #fff; color: #1d3c6e; }
  button.remove { border: 1px solid #c5ccd3; background: #fff; color: #8a1c12; margin-left: 0.4rem; }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  ${touchTargets}
`
