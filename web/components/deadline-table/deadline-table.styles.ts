import { css } from 'lit'

export default css`
  :host { display: block; }
  h3 { font-size: 0.95rem; margin: 1rem 0 0.3rem; color: #1d3c6e; }
  h3:first-child { margin-top: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 0.88rem; background: #fff; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eef1f5; vertical-align: top; }
  th { background: #f3f5f8; font-weight: 600; }
  td.phrase { white-space: nowrap; }
  .within { display: block; color: #56606d; font-size: 0.8rem; }
  .date { font-family: ui-monospace, monospace; }
  .muted { color: #56606d; }
  .bad { color: #b42318; }
  button.link { all: unset; cursor: pointer; color: #1d3c6e; text-decoration: underline; text-underline-offset: 2px; }
  button.link:focus-visible { outline: 2px solid #2f6fd6; }
  details summary { cursor: pointer; }
  ol.periods { margin: 0.3rem 0 0; padding-left: 1.6rem; columns: 15rem; }
  ol.periods li { break-inside: avoid; white-space: nowrap; }
`
