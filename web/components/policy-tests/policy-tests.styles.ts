import { css } from 'lit'

export default css`
  :host { display: block; }
  .summary { margin: 0 0 0.4rem; font-weight: 600; }
  .summary.ok { color: #1a7f37; }
  .summary.bad { color: #b42318; }
  .stale { margin: 0 0 0.4rem; font-size: 0.85rem; color: #9a6700; }
  ol { list-style: none; margin: 0; padding: 0; max-height: 20rem; overflow: auto; border: 1px solid #d9dee5; border-radius: 6px; background: #fff; }
  ol > li + li { border-top: 1px solid #eef1f5; }
  button { all: unset; box-sizing: border-box; display: grid; grid-template-columns: 1.4rem minmax(0, 1fr) auto; gap: 0.2rem 0.6rem; align-items: baseline; width: 100%; padding: 0.45rem 0.7rem; cursor: pointer; font-size: 0.88rem; }
  button:hover { background: #f3f7ff; }
  button:focus-visible { outline: 2px solid #2f6fd6; outline-offset: -2px; }
  .mark { font-weight: 700; text-align: center; }
  .pass .mark { color: #1a7f37; }
  .fail .mark { color: #b42318; }
  .fail .name { font-weight: 600; }
  .assessment { font-family: ui-monospace, monospace; font-size: 0.8rem; color: #52606d; }
  .facts { color: #52606d; font-size: 0.82rem; white-space: nowrap; }
  .failures { margin: 0 0.7rem 0.5rem 2.7rem; padding: 0.35rem 0.6rem; list-style: disc inside; background: #fef3f2; border-radius: 4px; color: #7a271a; font-size: 0.84rem; }
  .failures li + li { margin-top: 0.2rem; }
`
