import { css } from 'lit'

export default css`
  :host { display: block; min-height: 100vh; }
  header { display: flex; align-items: center; gap: 1.5rem; padding: 0.6rem 1.2rem; background: #1d3c6e; color: #fff; }
  header h1 { font-size: 1.15rem; margin: 0; letter-spacing: 0.1em; }
  nav { display: flex; gap: 1rem; flex: 1; }
  nav a { color: #dbe7ff; text-decoration: none; padding: 0.25rem 0.4rem; border-radius: 4px; }
  nav a[aria-current='page'] { background: rgba(255, 255, 255, 0.18); color: #fff; }
  .user { display: flex; align-items: center; gap: 0.75rem; font-size: 0.9rem; }
  .bell { color: #dbe7ff; text-decoration: none; padding: 0.25rem 0.4rem; border-radius: 4px; position: relative; }
  .bell[aria-current='page'] { background: rgba(255, 255, 255, 0.18); color: #fff; }
  .badge { display: inline-block; min-width: 1.2em; margin-left: 0.3rem; padding: 0 0.35em; border-radius: 0.6em; background: #e02424; color: #fff; font-size: 0.75rem; line-height: 1.2rem; text-align: center; font-weight: 600; }
  button { font: inherit; cursor: pointer; border: 1px solid rgba(255, 255, 255, 0.5); background: transparent; color: #fff; border-radius: 4px; padding: 0.2rem 0.6rem; }
  main { padding: 1.2rem; max-width: 1200px; margin: 0 auto; }
  /* On a phone the name and the user stay on the first line; the pages wrap onto the next. */
  @media (max-width: 600px) {
    header { flex-wrap: wrap; gap: 0.4rem 0.8rem; padding: 0.5rem 0.8rem; }
    header h1 { flex: 1; }
    nav { order: 1; flex-basis: 100%; flex-wrap: wrap; gap: 0.3rem 0.6rem; }
    nav a, .user span { white-space: nowrap; }
    main { padding: 0.8rem; }
  }
  @media print { header { display: none; } main { padding: 0; max-width: none; } }
`
