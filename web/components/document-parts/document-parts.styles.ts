import { css } from 'lit'

export default css`
  :host { display: block; min-width: 0; }
  table { width: 100%; max-width: 48rem; border-collapse: collapse; background: #fff; font-size: 0.9rem; }
  caption { text-align: left; font-size: 0.75rem; color: #52606d; padding-bottom: 0.3rem; }
  th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #e4e7eb; text-align: left; }
  thead th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
  th[scope='row'] { font-weight: normal; white-space: nowrap; }
  td { overflow-wrap: anywhere; }
  .num { text-align: right; white-space: nowrap; }
  .muted { color: #616e7c; }
  @media (max-width: 600px) {
    table { display: block; overflow-x: auto; max-width: 100%; }
  }
`
