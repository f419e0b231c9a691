import { css } from 'lit'

export default css`
  :host { display: block; background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.6rem 0; }
  h4 { margin: 0 0 0.4rem; font-size: 0.95rem; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: 0.6rem; }
  ul { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; }
  li { margin: 0.15rem 0; }
  .members li { display: flex; gap: 0.6rem; align-items: center; }
  .tag { font-size: 0.75rem; color: #486581; background: #f0f4f8; border-radius: 3px; padding: 0 0.3rem; }
  .add { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: end; margin: 0.4rem 0; }
  label { display: flex; flex-direction: column; font-size: 0.8rem; color: #52606d; gap: 0.15rem; }
  input, select { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  button.primary { background: #175cd3; border-color: #175cd3; color: #fff; }
  button:disabled { cursor: not-allowed; opacity: 0.55; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .actions { display: flex; gap: 0.6rem; margin-top: 0.6rem; }
  .preview { border-top: 1px solid #d9e2ec; margin-top: 0.6rem; padding-top: 0.4rem; }
  .preview h5 { margin: 0.4rem 0 0.2rem; font-size: 0.9rem; }
  .withdraw { color: #93370d; }
  .muted { color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.4rem 0.7rem; border-radius: 4px; }
  .issues { margin: 0.2rem 0 0; }
  .done { color: #05603a; background: #ecfdf3; padding: 0.4rem 0.7rem; border-radius: 4px; }
`
