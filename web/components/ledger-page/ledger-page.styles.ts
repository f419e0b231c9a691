import { css } from 'lit'
import shared from '../office-format/office-styles.ts'

export default [
  shared,
  css`
    td:nth-child(2) { min-width: 14rem; }
    td:nth-child(7) { min-width: 10rem; }
  `,
]
