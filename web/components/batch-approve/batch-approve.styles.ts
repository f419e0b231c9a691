import { css } from 'lit'

export default css`
  :host { display: block; margin: 0.4rem 0; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.35rem 0.8rem; min-height: 2.25rem; }
  button.primary { background: #1d3c6e; border-color: #1d3c6e; color: #fff; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, textarea:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  dialog { border: none; border-radius: 8px; padding: 1.2rem; max-width: min(36rem, 92vw); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.2); }
  dialog h3 { margin: 0 0 0.6rem; font-size: 1.05rem; }
  .chosen { max-height: 14rem; overflow: auto; margin: 0 0 0.8rem; padding-left: 1.2rem; }
  .muted { color: #616e7c; }
  label { display: grid; gap: 0.3rem; font-size: 0.9rem; color: #3e4c59; }
  textarea { font: inherit; padding: 0.4rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  .actions { display: flex; justify-content: flex-end; gap: 0.6rem; margin-top: 0.9rem; }
  .error { color: #b42318; }
  .result { margin-top: 0.5rem; padding: 0.5rem 0.8rem; background: #ecfdf3; border-radius: 4px; color: #05603a; }
  .result p { margin: 0.2rem 0; }
  .result .failed { color: #912018; }
  .result ul { margin: 0.2rem 0; padding-left: 1.2rem; color: #3e4c59; }
`
