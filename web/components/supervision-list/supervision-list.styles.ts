import { css } from 'lit'

export default css`
  :host { display: block; }
  .groups { display: flex; flex-direction: column; gap: 0.5rem; }
  .unit { background: #fff; border: 1px solid #e4e7ec; border-radius: 6px; padding: 0.35rem 0.6rem; }
  h4 { margin: 0 0 0.2rem; font-size: 0.92rem; color: #1f2933; }
  h4 small { color: #52606d; font-weight: normal; }
  ul { list-style: none; margin: 0; padding: 0; }
  .task { padding: 0.3rem 0; border-top: 1px solid #f0f2f5; }
  .task:first-child { border-top: none; }
  .line { display: flex; align-items: baseline; gap: 0.4rem; flex-wrap: wrap; min-width: 0; }
  .title { color: #1849a9; overflow-wrap: anywhere; font-size: 0.88rem; }
  .meta { font-size: 0.8rem; margin-top: 0.15rem; }
  .days { font-weight: 600; color: #52606d; }
  .days.late { color: #b42318; }
  .muted { color: #52606d; }
  .actions { margin-left: auto; display: inline-flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
  .badge { font-size: 0.72rem; border-radius: 3px; padding: 0 0.3rem; border: 1px solid; white-space: nowrap; }
  .esc-3 { color: #fff; background: #d92d20; border-color: #d92d20; }
  .esc-4 { color: #fff; background: #7a271a; border-color: #7a271a; }
  button, .notice { font: inherit; font-size: 0.8rem; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.1rem 0.5rem; color: #1f2933; text-decoration: none; min-height: 1.6rem; display: inline-flex; align-items: center; }
  .urge { border-color: #d92d20; color: #b42318; }
  button.primary { background: #1849a9; color: #fff; border-color: #1849a9; }
  button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .urge-form { display: grid; gap: 0.3rem; margin-top: 0.3rem; font-size: 0.85rem; }
  textarea { font: inherit; width: 100%; box-sizing: border-box; }
  .buttons { display: flex; gap: 0.4rem; }
  .ok { color: #05603a; margin: 0.2rem 0 0; font-size: 0.8rem; }
  .error { color: #b42318; margin: 0.2rem 0 0; font-size: 0.8rem; }
  @media (max-width: 600px) {
    button, .notice { min-height: 44px; padding: 0 0.8rem; }
    .actions { margin-left: 0; }
  }
`
