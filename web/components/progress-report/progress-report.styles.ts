import { css } from 'lit'
import { lightStyles } from '../task-table/task-light.ts'

export default [
  lightStyles,
  css`
    :host { display: block; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); padding: 1rem 1.2rem; }
    h3 { margin: 0 0 0.6rem; font-size: 1.05rem; color: #1d3c6e; }
    p { margin: 0.2rem 0; line-height: 1.6; }
    .muted { color: #616e7c; font-size: 0.9rem; }
    ol { list-style: none; padding: 0; margin: 0.6rem 0; display: grid; gap: 0.5rem; }
    li { border-left: 3px solid #8aa4c8; padding: 0.2rem 0.6rem; }
    .percent { font-weight: 600; margin-right: 0.5rem; }
    form { display: grid; gap: 0.5rem; margin-top: 0.8rem; max-width: 36rem; }
    label { display: grid; gap: 0.2rem; font-size: 0.9rem; color: #3e4c59; }
    input, textarea { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; }
    input { width: 6rem; }
    button { justify-self: start; font: inherit; padding: 0.35rem 1rem; border-radius: 4px; border: 1px solid #1d3c6e; background: #1d3c6e; color: #fff; cursor: pointer; }
    button:disabled { opacity: 0.6; cursor: default; }
    button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #2e90fa; outline-offset: 2px; }
    .error { color: #b42318; }
    .notice { color: #05603a; }
    .clear { border-top: 1px solid #e4e7eb; padding-top: 0.6rem; }
  `,
]
