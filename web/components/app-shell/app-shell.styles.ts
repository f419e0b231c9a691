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
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  button { font: inherit; cursor: pointer; border: 1px solid rgba(255, 255, 255, 0.5); background: transparent; color: #fff; border-radius: 4px; padding: 0.2rem 0.6rem; }
  main { padding: 1.2rem; max-width: 1200px; margin: 0 auto; }
  /* On a phone the name, the bell and the buttons keep one line (the user's name shortened, in
     full in its title); the pages form a second line that scrolls sideways rather than wrapping a
     word a character at a time. Every control is at least 44 px high, a finger's width. */
  @media (max-width: 600px) {
    header { flex-wrap: wrap; gap: 0.2rem 0.5rem; padding: 0.3rem 0.6rem; }
    header h1 { white-space: nowrap; font-size: 1.05rem; }
    .user { flex: 1 1 0; min-width: 0; justify-content: flex-end; gap: 0.35rem; }
    .user span { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.85rem; }
    nav { order: 1; flex-basis: 100%; flex-wrap: nowrap; overflow-x: auto; gap: 0.2rem; scrollbar-width: none; }
    nav a, .bell, button { white-space: nowrap; flex-shrink: 0; display: inline-flex; align-items: center; }
    nav a, .bell { min-height: 44px; box-sizing: border-box; }
    button { padding: 0 0.55rem; }
    main { padding: 0.8rem 0.6rem; }
  }
  @media print { header { display: none; } main { padding: 0; max-width: none; } }
`
