import { css } from 'lit'

export default css`
  :host { display: block; max-width: 72rem; }
  h2 { margin: 0 0 0.6rem; font-size: 1.25rem; }
  h2 small { font-size: 0.85rem; font-weight: normal; color: #616e7c; margin-left: 0.4rem; }
  h3 { font-size: 1.02rem; margin: 1.3rem 0 0.5rem; padding-bottom: 0.3rem; border-bottom: 2px solid #d9e2ec; }
  section { margin-bottom: 0.4rem; }
  .back { margin: 0 0 0.4rem; font-size: 0.9rem; }
  a { color: #1d3c6e; }
  .links a { font-weight: 600; }
  .note, .muted { color: #616e7c; font-size: 0.88rem; }
  .pick, .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.9rem; }
  input, select, button { font: inherit; }
  input:not([type]), select { padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; }
  button { padding: 0.35rem 0.85rem; border: 1px solid #9aa5b1; background: #fff; border-radius: 4px; cursor: pointer; }
  button.primary { background: #1d3c6e; color: #fff; border-color: #1d3c6e; margin-top: 0.5rem; }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  fieldset { border: 1px solid #d9dee5; border-radius: 6px; background: #fff; padding: 0.5rem 0.8rem; margin: 0; }
  legend { font-weight: 600; padding: 0 0.3rem; }
  .choice { display: flex; gap: 0.5rem; align-items: flex-start; padding: 0.35rem 0; }
  .choice input { margin-top: 0.3rem; }
  .consequence { color: #3e4c59; font-size: 0.9rem; }
  .result { margin: 0.6rem 0; }
  .result p { margin: 0.3rem 0; }
  .ok { color: #05603a; font-weight: 600; }
  .bad { color: #b42318; font-weight: 600; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  details { margin-top: 0.4rem; }
  summary { cursor: pointer; color: #1d3c6e; }
  table { width: 100%; border-collapse: collapse; background: #fff; font-size: 0.86rem; margin-top: 0.4rem; }
  caption { text-align: left; font-weight: 600; padding: 0.3rem 0; color: #3e4c59; }
  th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
  thead th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
  tbody th { font-weight: normal; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .report .reason { color: #7a271a; }
  code { font-size: 0.82rem; color: #52606d; }
`
