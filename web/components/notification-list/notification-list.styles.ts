import { css } from 'lit'

export default css`
  :host { display: block; }
  .bar { display: flex; align-items: center; gap: 1rem; margin-bottom: 0.8rem; }
  .bar h2 { margin: 0; font-size: 1.2rem; flex: 1; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { display: flex; gap: 0.8rem; align-items: baseline; padding: 0.6rem 0.4rem; border-bottom: 1px solid #e3e7ee; }
  li.unread { background: #f3f7ff; }
  li.unread .message { font-weight: 600; }
  .kind { flex: none; font-size: 0.8rem; padding: 0.05rem 0.45rem; border-radius: 3px; background: #e8edf5; color: #1d3c6e; }
  .kind.supervise, .kind.circulate { background: #fde8e8; color: #9b1c1c; }
  .kind.urge { background: #fff3d6; color: #8a5a00; }
  .body { flex: 1; min-width: 0; }
  .meta { color: #5b6475; font-size: 0.85rem; }
  button { font: inherit; cursor: pointer; border: 1px solid #b9c3d3; background: #fff; border-radius: 4px; padding: 0.15rem 0.6rem; }
  .pager { display: flex; gap: 0.6rem; margin-top: 0.8rem; align-items: center; }
  /* A phone: the kind above the message, the buttons a finger high. */
  @media (max-width: 600px) {
    li { flex-wrap: wrap; gap: 0.3rem 0.6rem; }
    .body { flex-basis: 100%; order: 1; }
    .bar { flex-wrap: wrap; gap: 0.5rem; }
  }
`
