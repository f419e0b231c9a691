import { css } from 'lit'
import shared from '../office-format/office-styles.ts'

export default [shared, css`.paper h2 { letter-spacing: 0; }`]
