import { css } from 'lit'

export default css`
  :host { display: block; min-width: 0; }
  .questions { display: grid; grid-template-columns: minmax(0, 0.9fr) minmax(0, 1.1fr) minmax(0, 1.4fr); gap: 0.8rem; align-items: start; margin-top: 0.6rem; }
  .question { background: #fff; border: 1px solid #e4e7ec; border-radius: 8px; padding: 0.5rem 0.8rem 0.7rem; min-width: 0; }
  .question h3 { margin: 0 0 0.5rem; font-size: 1rem; }
  .question h3 small { font-weight: normal; color: #b42318; margin-left: 0.4rem; }
  .question h4 { font-size: 0.82rem; color: #52606d; margin: 0.6rem 0 0.3rem; font-weight: 600; }
  /* The first screen is the three questions: the 督办 list fills it, loaded or not, so what lies
     below (and its charts) stays below the fold. */
  .todo { height: calc(100vh - 12rem); min-height: 16rem; overflow: auto; box-sizing: border-box; }
  .kpi { display: grid; grid-template-columns: auto 1fr; align-items: baseline; gap: 0 0.6rem; }
  .kpi strong { font-size: 2rem; line-height: 1.1; color: #1f2933; }
  .kpi .meter { grid-column: 1 / -1; height: 6px; background: #eef2f7; border-radius: 3px; overflow: hidden; margin: 0.3rem 0 0.1rem; }
  .kpi .meter span { display: block; height: 100%; background: #12b76a; }
  .kpi small { grid-column: 1 / -1; font-size: 0.72rem; }
  .overdue { margin: 0.4rem 0 0; font-weight: 600; }
  .overdue.alarm { color: #b42318; }
  .chips { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.3rem; }
  .chip { display: flex; align-items: center; gap: 0.35rem; border: 1px solid #e4e7ec; border-radius: 6px; padding: 0.2rem 0.5rem; font-size: 0.85rem; }
  .chip b { margin-left: auto; font-size: 1.1rem; }
  .chip small { color: #52606d; font-size: 0.72rem; }
  .chip .dot { width: 0.75rem; height: 0.75rem; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.25); flex: none; }
  .light-red .dot { background: #d92d20; }
  .light-yellow .dot { background: #fdb022; }
  .light-blue .dot { background: #2e90fa; }
  .light-green .dot { background: #12b76a; }
  .light-red b { color: #b42318; }
  .esc-4 { border-left: 4px solid #7a271a; }
  .esc-3 { border-left: 4px solid #d92d20; }
  .esc-2 { border-left: 4px solid #dc6803; }
  .esc-1 { border-left: 4px solid #98a2b3; }
  .supervised { margin: 0 0 0.3rem; font-size: 0.9rem; }
  .supervised b { font-size: 1.3rem; color: #b42318; }
  .ranking { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
  .ranking caption { text-align: left; font-size: 0.75rem; color: #52606d; padding-bottom: 0.3rem; }
  .ranking th, .ranking td { padding: 0.25rem 0.3rem; border-bottom: 1px solid #f0f2f5; text-align: left; }
  .ranking thead th { font-size: 0.75rem; color: #52606d; font-weight: 600; }
  .ranking .num { text-align: right; white-space: nowrap; }
  .ranking .rank { color: #52606d; width: 1.5rem; }
  .ranking td.red { color: #b42318; font-weight: 700; }
  .ranking td.yellow { color: #93370d; font-weight: 600; }
  .ranking tr.current { background: #eff8ff; }
  .ranking th[scope='row'] { font-weight: normal; overflow-wrap: anywhere; }
  .link { border: none; background: none; padding: 0; color: #1849a9; text-align: left; font: inherit; cursor: pointer; }
  .link:hover { text-decoration: underline; }
  .more, .below a { font-size: 0.85rem; color: #1849a9; }
  .below { margin: 0.5rem 0 0; }
  @media (max-width: 1000px) {
    .questions { grid-template-columns: minmax(0, 1fr); }
    .todo { height: auto; min-height: 0; }
    .head { flex-direction: column; align-items: stretch; }
    .picker { margin-left: 0; }
    select { max-width: 100%; min-width: 0; }
  }
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
  .as-of { background: #fffaeb; border: 1px solid #fec84b; color: #7a2e0e; border-radius: 4px; padding: 0.4rem 0.8rem; display: flex; gap: 0.8rem; align-items: center; }
  .as-of-pick { font-size: 0.9rem; color: #616e7c; }
  .muted { color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  button { font: inherit; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; }
  button:focus-visible, select:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
`
