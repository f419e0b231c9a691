import { css } from 'lit'

export default css`
  :host { display: block; }
  .chart { width: 100%; background: #fff; border-radius: 6px; }
  .message { min-height: 1.2rem; font-size: 0.85rem; color: #05603a; margin: 0.3rem 0; }
  table { width: 100%; border-collapse: collapse; background: #fff; font-size: 0.9rem; }
  caption { text-align: left; font-weight: 600; padding: 0.4rem 0; color: #3e4c59; }
  th, td { padding: 0.45rem 0.6rem; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
  thead th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
  tbody th { font-weight: 500; }
  .nowrap { white-space: nowrap; }
  .late { color: #b42318; font-weight: 600; }
  .ok { color: #05603a; }
  .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 0.4rem; vertical-align: -0.05rem; }
  .meter { display: block; width: 6rem; height: 0.35rem; background: #e4e7eb; border-radius: 3px; margin-top: 0.25rem; overflow: hidden; }
  .meter span { display: block; height: 100%; background: #12b76a; }
  ul.gate { margin: 0; padding-left: 1.1rem; }
  .sign-off { display: grid; gap: 0.3rem; min-width: 14rem; }
  .sign-off label { font-size: 0.85rem; }
  textarea { font: inherit; padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  .buttons { display: flex; gap: 0.4rem; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.25rem 0.7rem; white-space: nowrap; }
  button.primary, td > button { background: #1d3c6e; color: #fff; border-color: #1d3c6e; }
  button[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
  .message:focus { outline: none; }
  button:focus-visible, textarea:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .error { color: #b42318; margin: 0; font-size: 0.85rem; }
  /* A small tablet: the table scrolls within its own box, the page never runs off the side. */
  @media (max-width: 700px) {
    table { display: block; overflow-x: auto; max-width: 100%; }
  }
  /* A phone: a card per phase, each figure under its label. */
  @media (max-width: 600px) {
    table, caption, tbody, tr, th, td { display: block; }
    table { overflow-x: visible; background: none; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    tbody tr { background: #fff; border-radius: 6px; margin-bottom: 0.5rem; padding: 0.3rem 0; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); }
    th, td { border-bottom: none; padding: 0.2rem 0.7rem; }
    tbody th { font-weight: 600; }
    .nowrap { white-space: normal; }
    td[data-label]::before { content: attr(data-label); display: block; font-size: 0.75rem; font-weight: 400; color: #52606d; }
    td:empty { display: none; }
    .sign-off { min-width: 0; }
    button { min-height: 44px; }
  }
`
