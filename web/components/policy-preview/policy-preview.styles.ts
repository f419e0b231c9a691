import { css } from 'lit'

export default css`
  :host { display: block; }
  [role='tablist'] { display: flex; gap: 0.25rem; border-bottom: 2px solid #d9dee5; flex-wrap: wrap; }
  [role='tab'] { font: inherit; border: 1px solid transparent; border-bottom: 0; background: none; padding: 0.45rem 0.9rem; cursor: pointer; border-radius: 6px 6px 0 0; color: #52606d; margin-bottom: -2px; }
  [role='tab'][aria-selected='true'] { background: #fff; border-color: #d9dee5; border-bottom: 2px solid #fff; color: #1d3c6e; font-weight: 600; }
  [role='tab']:focus-visible { outline: 2px solid #2f6fd6; outline-offset: -2px; }
  [role='tabpanel'] { padding: 0.9rem 0.2rem; }
  [role='tabpanel']:focus-visible { outline: 2px solid #2f6fd6; }
  .stale { background: #fff8e6; border: 1px solid #f0c36d; color: #7a4d00; padding: 0.4rem 0.7rem; border-radius: 4px; margin: 0.6rem 0 0; font-size: 0.88rem; }
  .empty { color: #56606d; }
  ls-workflow-diagram + ls-workflow-diagram { margin-top: 1.4rem; }
`
