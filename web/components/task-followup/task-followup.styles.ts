import { css } from 'lit'

export default css`
  :host { display: block; }
  section { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); padding: 1rem 1.2rem; display: grid; gap: 0.8rem; }
  h3 { margin: 0; font-size: 1.05rem; color: #1d3c6e; }
  h4 { margin: 0; font-size: 0.95rem; }
  p { margin: 0; line-height: 1.7; }
  form { display: grid; gap: 0.5rem; max-width: 36rem; }
  label { display: grid; gap: 0.2rem; font-size: 0.9rem; color: #3e4c59; }
  input, textarea { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; cursor: pointer; }
  button.primary { background: #1d3c6e; color: #fff; }
  button:disabled { opacity: 0.6; cursor: default; }
  .closed-out { border-left: 3px solid #1e6b35; background: #e3f5e8; color: #1e4d2b; padding: 0.4rem 0.7rem; }
  .pending { border-left: 3px solid #c9a227; background: #fffaf0; padding: 0.4rem 0.7rem; }
  .error { color: #a11b0f; }
  .muted { color: #52606d; font-size: 0.9rem; }
  ul { margin: 0; padding-left: 1.2rem; }
`
