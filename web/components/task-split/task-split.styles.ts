import { css } from 'lit'

export default css`
  :host { display: block; }
  section { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); padding: 1rem 1.2rem; }
  h3 { margin: 0 0 0.6rem; font-size: 1.05rem; color: #1d3c6e; display: flex; gap: 0.8rem; align-items: baseline; }
  .count { font-size: 0.9rem; font-weight: normal; color: #1e6b35; }
  a { color: #1d3c6e; }
  p { margin: 0.3rem 0; line-height: 1.6; }
  .asked { border-left: 3px solid #8aa4c8; background: #f5f8fc; padding: 0.4rem 0.7rem; }
  .muted { color: #616e7c; font-size: 0.88rem; }
  .subs { list-style: none; margin: 0 0 0.6rem; padding: 0; display: grid; gap: 0.7rem; }
  .subs li { border-top: 1px solid #e4e7eb; padding-top: 0.6rem; }
  .line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .badge { display: inline-block; font-size: 0.8rem; padding: 0.1rem 0.5rem; border-radius: 999px; background: #e4ecfb; color: #1d3c6e; white-space: nowrap; }
  .badge.overdue { background: #fde8e6; color: #a11b0f; }
  .badge.escalated { background: #fff1d6; color: #8a4b00; }
  .badge.state-approved { background: #e3f5e8; color: #1e6b35; }
  .badge.state-returned { background: #fde8e6; color: #a11b0f; }
  details { margin-top: 0.3rem; }
  summary { cursor: pointer; color: #1d3c6e; }
  .split-form { display: grid; gap: 0.8rem; margin-top: 0.6rem; }
  fieldset.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.6rem; border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0; }
  legend { font-size: 0.85rem; color: #52606d; }
  .field { display: grid; gap: 0.25rem; font-size: 0.9rem; }
  .field span:first-child { color: #52606d; }
  input, select { font: inherit; padding: 0.35rem 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; min-width: 0; }
  [aria-invalid='true'] { border-color: #b42318; }
  .error { color: #b42318; font-size: 0.85rem; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.6rem; }
  button { font: inherit; cursor: pointer; padding: 0.45rem 1rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
  button.link { border: none; padding: 0; text-decoration: underline; align-self: end; justify-self: start; }
  button:disabled { opacity: 0.55; cursor: progress; }
  :is(button, a, input, select):focus-visible { outline: 2px solid #2f6fde; outline-offset: 2px; }
  .banner { padding: 0.6rem 0.9rem; border-radius: 6px; background: #fff4f2; border: 1px solid #f3b8b3; color: #8a1c12; }
  .preview { padding: 0.6rem 0.9rem; border-radius: 6px; background: #f5f8fc; }
  .preview ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
`
