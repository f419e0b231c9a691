import { css } from 'lit'
import shared from '../assessment-format/assessment-styles.js'

export default [
  shared,
  css`
    .counts { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; }
    .counts > div { background: #f5f7fa; border-radius: 6px; padding: 0.4rem 0.9rem; min-width: 6rem; }
    .counts dt { font-size: 0.82rem; color: #616e7c; }
    .counts dd { margin: 0.2rem 0 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    section .head { justify-content: space-between; }
    section .head h3 { margin: 0; }
  `,
]
