import { css } from 'lit'

export default css`
  :host { display: block; }
  .summary { margin: 0 0 0.4rem; font-weight: 600; }
  .summary.ok { color: #1a7f37; }
  .summary.bad { color: #b42318; }
  ol { list-style: none; margin: 0; padding: 0; max-height: 16rem; overflow: auto; border: 1px solid #d9dee5; border-radius: 6px; background: #fff; }
  li + li { border-top: 1px solid #eef1f5; }
  button { all: unset; box-sizing: border-box; display: grid; grid-template-columns: 4.5rem 5.5rem 1fr; gap: 0.2rem 0.6rem; width: 100%; padding: 0.45rem 0.7rem; cursor: pointer; font-size: 0.88rem; }
  button:hover { background: #f3f7ff; }
  button:focus-visible { outline: 2px solid #2f6fd6; outline-offset: -2px; }
  .severity { font-weight: 600; }
  .error .severity { color: #b42318; }
  .warning .severity { color: #9a6700; }
  .where { font-family: ui-monospace, monospace; color: #52606d; }
  .text { display: grid; gap: 0.1rem; }
  .en { color: #52606d; }
  .meta { font-family: ui-monospace, monospace; font-size: 0.78rem; color: #56606d; word-break: break-all; }
`
