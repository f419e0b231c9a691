import { css } from 'lit'

export default css`
  :host { display: block; }
  figure { margin: 0; }
  figcaption { font-weight: 600; margin-bottom: 0.4rem; }
  .canvas { overflow-x: auto; border: 1px solid #d9dee5; border-radius: 6px; background: #fbfcfe; }
  svg { display: block; width: 100%; height: auto; font-family: inherit; }
  .node rect { fill: #eef3fb; stroke: #1d3c6e; stroke-width: 1.2; }
  .node.initial rect { stroke-width: 2.6; }
  .node.final rect.outer { fill: none; }
  .node .title { font-size: 13px; fill: #1f2933; font-weight: 600; }
  .node .subtitle { font-size: 11px; fill: #52606d; }
  .edge path { fill: none; stroke: #52606d; stroke-width: 1.3; }
  .edge.back path { stroke: #b54708; stroke-dasharray: 5 3; }
  .edge text { font-size: 11px; fill: #1f2933; paint-order: stroke; stroke: #fbfcfe; stroke-width: 4px; }
  .start { fill: #1d3c6e; }
  details { margin-top: 0.5rem; font-size: 0.88rem; }
  summary { cursor: pointer; color: #1d3c6e; }
  table { border-collapse: collapse; margin-top: 0.4rem; }
  th, td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid #eef1f5; vertical-align: top; }
  code { font-size: 0.8rem; color: #52606d; }
  .note { color: #52606d; font-size: 0.85rem; margin: 0.3rem 0 0; }
`
