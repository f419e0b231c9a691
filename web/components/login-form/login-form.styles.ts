import { css } from 'lit'

export default css`
  form { display: grid; gap: 0.8rem; max-width: 320px; margin: 3rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.1); }
  label { display: grid; gap: 0.3rem; font-size: 0.9rem; }
  input { font: inherit; padding: 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  button { font: inherit; padding: 0.5rem; background: #1d3c6e; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button.sso { background: #fff; color: #1d3c6e; border: 1px solid #1d3c6e; }
  .or { display: flex; align-items: center; gap: 0.5rem; color: #52606d; font-size: 0.85rem; }
  .or::before, .or::after { content: ''; flex: 1; border-top: 1px solid #d9e2ec; }
  [role='alert'] { color: #b42318; margin: 0; }
`
