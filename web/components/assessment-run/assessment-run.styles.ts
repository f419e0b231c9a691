import { css } from 'lit'
import shared from '../assessment-format/assessment-styles.ts'

export default [
  shared,
  css`
    .counts { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; }
    .counts > div { background: #f5f7fa; border-radius: 6px; padding: 0.4rem 0.9rem; min-width: 6rem; }
    .counts dt { font-size: 0.82rem; color: #616e7c; }
    .counts dd { margin: 0.2rem 0 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    section .head { justify-content: space-between; }
    section .head h3 { margin: 0; }
    /* Unit names stay on one line (丹棱县医共体, not 丹棱县医 / 共体); the grade column wraps instead. */
    tbody th[scope='row'] { white-space: nowrap; }
    .error .summary { margin: 0; }
    td .note { display: block; font-size: 0.75rem; color: #616e7c; }
    .confirm { margin-top: 0.8rem; padding: 0.7rem 0.9rem; border: 1px solid #f4b740; border-left-width: 4px; border-radius: 4px; background: #fffaeb; }
    .confirm p { margin: 0 0 0.5rem; }
    button.danger { background: #b42318; border-color: #b42318; }
  `,
]
