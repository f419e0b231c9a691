import { css } from 'lit'

export default css`
  :host { display: block; }
  .total { display: flex; align-items: center; gap: 0.8rem; margin-bottom: 0.6rem; }
  progress { width: 16rem; height: 0.9rem; accent-color: #1a7f37; }
  .filter { margin-left: auto; font-size: 0.88rem; }
  ol { list-style: none; margin: 0; padding: 0; max-height: 26rem; overflow: auto; border: 1px solid #d9dee5; border-radius: 6px; background: #fff; }
  li { display: grid; grid-template-columns: 1.4rem 7rem 1fr; gap: 0.5rem; padding: 0.3rem 0.6rem; border-bottom: 1px solid #eef1f5; font-size: 0.88rem; }
  .yes { color: #1a7f37; }
  .no { color: #b42318; }
  .label { font-family: ui-monospace, monospace; }
  .muted { color: #56606d; }
`
