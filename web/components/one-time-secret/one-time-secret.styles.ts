import { css } from 'lit'

export default css`
  dialog { position: fixed; inset: 0; margin: auto; height: fit-content; z-index: 10; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25); max-width: min(28rem, 90vw); border: 1px solid #d9dee5; border-radius: 6px; }
  .secret { font-family: ui-monospace, monospace; font-size: 1.1rem; background: #f3f5f8; padding: 0.4rem 0.6rem; user-select: all; overflow-wrap: anywhere; }
  .warn { color: #9a6700; }
  .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
  button { font: inherit; padding: 0.3rem 0.7rem; border-radius: 4px; cursor: pointer; border: 1px solid #1d3c6e; background: #fff; color: #1d3c6e; }
  button.primary { background: #1d3c6e; color: #fff; }
`
