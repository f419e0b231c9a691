import { css } from 'lit'

export default css`
  :host { display: block; }
  .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.6rem 1.2rem; margin-bottom: 0.8rem; }
  h2 { margin: 0; font-size: 1.25rem; }
  h3 { font-size: 1.05rem; margin: 1.6rem 0 0.6rem; padding-bottom: 0.3rem; border-bottom: 2px solid #d9e2ec; }
  h4 { margin: 0; font-size: 0.95rem; }
  .today { color: #616e7c; font-size: 0.9rem; }
  .picker { margin-left: auto; font-size: 0.85rem; display: flex; gap: 0.4rem; align-items: center; }
  select { font: inherit; padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; max-width: 24rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .stats { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; }
  .stats > div { background: #fff; border-radius: 6px; padding: 0.5rem 1rem; min-width: 7rem; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); }
  .stats dt { font-size: 0.8rem; color: #616e7c; }
  .stats dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
  .stats small { font-size: 0.85rem; color: #05603a; margin-left: 0.3rem; }
  .stats .alarm dd { color: #b42318; }
  .drill { scroll-margin-top: 1rem; margin-top: 1rem; background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.6rem 0.8rem; }
  .drill-head { display: flex; align-items: center; justify-content: space-between; }
  h4:focus { outline: none; }
  h4:focus-visible { outline: 2px solid #2e90fa; }
  ls-task-table { margin-bottom: 0.8rem; }
  .unassigned { background: #fffaeb; border: 1px solid #fec84b; border-left: 4px solid #dc6803; border-radius: 6px; padding: 0.2rem 1rem 0.6rem; margin-top: 1rem; }
  .unassigned h3 { color: #93370d; border-bottom-color: #fedf89; }
  .unassigned ul { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; }
  .unassigned summary { cursor: pointer; margin: 0.3rem 0; }
  .unassigned .fix { font-size: 0.9rem; }
  .unassigned .set-members { margin-left: 0.6rem; font-size: 0.85rem; }
  .muted { color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  button:focus-visible, select:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
`
