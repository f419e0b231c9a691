import { css } from 'lit'
import shared from '../assessment-format/assessment-styles.ts'

export default [
  shared,
  css`
    section { scroll-margin-top: 1rem; }
    details { margin: 0.4rem 0 0.8rem; }
    summary { cursor: pointer; color: #1d3c6e; }
    form.actions { margin-top: 0.8rem; }
    /* A phone: a card per year, each time under its label, none left empty. */
    @media (max-width: 600px) {
      table.runs, table.runs caption, table.runs tbody, table.runs tr, table.runs th, table.runs td { display: block; }
      table.runs thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.runs tbody tr { border-bottom: 1px solid #e4e7eb; padding: 0.3rem 0; }
      table.runs th, table.runs td { border-bottom: none; padding: 0.15rem 0; }
      table.runs th a { display: inline-flex; align-items: center; min-height: 44px; }
      table.runs td[data-label]::before { content: attr(data-label) '：'; color: #52606d; font-size: 0.85rem; }
      table.runs td[data-label]:empty { display: none; }
    }
  `,
]
