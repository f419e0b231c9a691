import { css } from 'lit'
import shared from '../assessment-format/assessment-styles.ts'

export default [
  shared,
  css`
    section { scroll-margin-top: 1rem; }
    details { margin: 0.4rem 0 0.8rem; }
    summary { cursor: pointer; color: #1d3c6e; }
    form.actions { margin-top: 0.8rem; }
  `,
]
