import { css } from 'lit'

export default css`
  :host { display: block; position: relative; min-height: 12rem; border: 1px solid #c5cdd8; border-radius: 6px; overflow: hidden; background: #fff; }
  .host { height: 100%; }
  .loading { padding: 1rem; color: #52606d; }
  .hint { position: absolute; right: 0.5rem; bottom: 0.3rem; font-size: 0.75rem; color: #56606d; background: rgba(255, 255, 255, 0.9); padding: 0 0.3rem; pointer-events: none; }
`
