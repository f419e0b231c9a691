import { css } from 'lit'

export default css`
  :host { display: block; }
  h4 { margin: 0.9rem 0 0.3rem; font-size: 0.95rem; color: #1d3c6e; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { padding: 0.3rem 0.5rem; border-bottom: 1px solid #eef1f5; font-size: 0.88rem; }
  .mark { display: inline-block; width: 3.2rem; font-weight: 600; }
  .added .mark { color: #1a7f37; }
  .removed .mark { color: #b42318; }
  .changed .mark { color: #9a6700; }
  .id { font-family: ui-monospace, monospace; color: #56606d; font-size: 0.8rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.7rem; margin: 0.3rem 0 0 3.2rem; }
  dt { font-family: ui-monospace, monospace; color: #52606d; }
  dd { margin: 0; }
  del { background: #fde8e7; text-decoration: line-through; padding: 0 0.2rem; }
  ins { background: #e6f4ea; text-decoration: none; padding: 0 0.2rem; }
  .none { color: #56606d; }
`
