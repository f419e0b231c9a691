import { css } from 'lit'

export default css`
  :host { display: block; }
  .pick { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.6rem; }
  select { font: inherit; padding: 0.3rem; max-width: 100%; }
  .which { color: #52606d; font-size: 0.85rem; }
  .frame { border: 1px dashed #9aa5b1; border-radius: 6px; padding: 0.8rem; background: #fff; }
  details { margin-top: 0.6rem; }
  summary { cursor: pointer; color: #1d3c6e; }
  pre { max-height: 22rem; overflow: auto; background: #f3f5f8; padding: 0.6rem; font-size: 0.8rem; border-radius: 4px; }
`
