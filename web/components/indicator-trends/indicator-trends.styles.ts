import { css } from 'lit'

export default css`
  :host { display: block; }
  .tools { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.2rem; font-size: 0.85rem; margin-bottom: 0.4rem; }
  .tools label { display: flex; gap: 0.4rem; align-items: center; }
  select { font: inherit; padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; max-width: 22rem; }
  .legend { display: flex; gap: 0.8rem; color: #52606d; }
  .legend span { display: inline-flex; align-items: center; gap: 0.25rem; }
  .dot { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; }
  .dot.met { background: #12b76a; }
  .dot.not-met { background: #d92d20; }
  .dot.no-target { background: #2e90fa; }
  .dash { display: inline-block; width: 1.1rem; border-top: 2px dashed #9a6700; }
  .import { margin-left: auto; color: #1d3c6e; font-weight: 600; }
  .tally { margin: 0.2rem 0 0.4rem; font-size: 0.9rem; color: #3e4c59; }
  .tally[aria-busy='true'] { opacity: 0.6; }
  h4 { margin: 0.9rem 0 0.4rem; font-size: 0.95rem; color: #1f2933; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 0.7rem; }
  .card { background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08); padding: 0.6rem 0.7rem; min-width: 0; }
  .card header { display: flex; align-items: baseline; gap: 0.5rem; }
  h5 { margin: 0; font-size: 0.92rem; flex: 1; }
  .measure { font-weight: normal; color: #616e7c; }
  .badge { font-size: 0.75rem; padding: 0.05rem 0.45rem; border-radius: 999px; white-space: nowrap; background: #eef2f7; color: #3e4c59; }
  .badge.met { background: #ecfdf3; color: #05603a; }
  .badge.not-met { background: #fef3f2; color: #b42318; }
  .badge.invalid { background: #fffaeb; color: #b54708; }
  .badge.no-target { background: #eff8ff; color: #175cd3; }
  .direction { margin: 0.15rem 0 0; font-size: 0.78rem; color: #52606d; }
  .inferred { margin: 0.15rem 0 0; font-size: 0.75rem; color: #8a5a00; }
  .chart { width: 100%; height: 150px; }
  .empty { margin: 0.6rem 0; font-size: 0.85rem; color: #616e7c; }
  .figures { width: 100%; border-collapse: collapse; font-size: 0.78rem; margin-top: 0.3rem; display: block; overflow-x: auto; }
  /* Cells wrap (未达标（差距 0.6%）, Not reported) so the table fits its card instead of scrolling out of sight. */
  .figures th, .figures td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eef1f5; text-align: right; white-space: normal; font-variant-numeric: tabular-nums; }
  .figures thead th, .figures th[scope='row'] { white-space: nowrap; }
  .figures th[scope='row'] { text-align: left; font-weight: 600; color: #52606d; }
  .figures thead th { color: #52606d; font-weight: 600; }
  /* A roll-up from only some members: said under the figure, not hidden in a tooltip. */
  .figures .partial { display: block; font-size: 0.72rem; color: #8a4b00; }
  td.met { color: #05603a; }
  td.not-met { color: #b42318; font-weight: 600; }
  td.missing, td.error { color: #616e7c; }
  td.invalid { color: #b54708; font-weight: 600; text-decoration: line-through; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .muted { color: #616e7c; }
  .error { color: #b42318; background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
  select:focus-visible, a:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
  .yes-no { list-style: none; margin: 0.4rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
  .yes-no li { display: flex; flex-direction: column; align-items: center; gap: 0.15rem; min-width: 3.2rem; font-size: 0.8rem; }
  .yes-no .year { color: #52606d; }
  .yes-no .answer { border-radius: 4px; padding: 0.1rem 0.5rem; border: 1px solid; }
  .yes-no .yes { color: #05603a; background: #ecfdf3; border-color: #6ce9a6; }
  .yes-no .no { color: #b42318; background: #fef3f2; border-color: #fda29b; }
  .yes-no .missing { color: #52606d; background: #f2f4f7; border-color: #d0d5dd; font-weight: normal; }
  .yes-no small { color: #52606d; }
  .rest { margin-top: 0.8rem; }
  .rest > summary { cursor: pointer; color: #1849a9; padding: 0.3rem 0; }
`
