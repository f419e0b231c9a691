import { css } from 'lit'

export default css`
  :host { display: block; }
  h2 { margin: 0 0 0.6rem; font-size: 1.3rem; }
  h3 { font-size: 1rem; margin: 0 0 0.4rem; color: #1f2933; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.7rem; background: #fff; border: 1px solid #d9dee5; border-radius: 6px; }
  .toolbar select { max-width: min(28rem, 100%); min-width: 0; }
  .spacer { flex: 1; }
  .version, .saved { color: #52606d; font-size: 0.85rem; }
  select, button, textarea { font: inherit; }
  select { padding: 0.3rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  button { padding: 0.35rem 0.85rem; border: 1px solid #9aa5b1; background: #fff; border-radius: 4px; cursor: pointer; }
  button.primary { background: #1d3c6e; color: #fff; border-color: #1d3c6e; }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, select:focus-visible, textarea:focus-visible { outline: 2px solid #2f6fd6; outline-offset: 1px; }
  button.link { all: unset; cursor: pointer; color: #1d3c6e; text-decoration: underline; margin-left: 0.6rem; }
  .blocked { margin: 0.3rem 0 0; color: #b42318; font-size: 0.85rem; text-align: right; }
  .status { min-height: 1.4rem; margin: 0.5rem 0; font-size: 0.92rem; }
  .status.ok { color: #1a7f37; }
  .status.error { color: #b42318; }
  .status.info { color: #1d3c6e; }
  .workspace { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; }
  .issues, .tests, .previews { grid-column: 1 / -1; }
  h3 .count { margin-left: 0.4rem; font-weight: normal; color: #52606d; font-size: 0.9rem; }
  ls-yaml-editor { height: 64vh; }
  textarea.source { box-sizing: border-box; width: 100%; height: 64vh; resize: vertical; padding: 0.6rem; border: 1px solid #c5cdd8; border-radius: 6px; font-size: 0.85rem; line-height: 1.6; }
  .note { margin: 0.3rem 0 0; font-size: 0.8rem; color: #56606d; }
  .file-button { display: inline-block; padding: 0.35rem 0.85rem; border: 1px solid #9aa5b1; background: #fff; border-radius: 4px; cursor: pointer; font-size: 0.92rem; }
  .file-button:focus-within { outline: 2px solid #2f6fd6; outline-offset: 1px; }
  .file-input { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .source-upload { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-top: 0.5rem; }
  .source-upload .note { margin: 0; }
  .source-file { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.6rem; margin: 0.5rem 0 0; font-size: 0.82rem; color: #3e4c59; }
  .source-file dt { color: #56606d; }
  .source-file dd { margin: 0; min-width: 0; }
  code.hash { font-size: 0.78rem; word-break: break-all; }
  .previews { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 0.8rem 1rem; }
  dialog { border: 1px solid #c5cdd8; border-radius: 8px; padding: 1rem 1.2rem; width: min(34rem, 92vw); }
  dialog::backdrop { background: rgb(31 41 51 / 35%); }
  dialog form { display: grid; gap: 0.4rem; }
  dialog p { margin: 0; }
  dialog textarea { box-sizing: border-box; width: 100%; padding: 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  .field-error { color: #b42318; font-size: 0.85rem; min-height: 1.1rem; }
  .dialog-actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.4rem; }
  #versions { margin-top: 1.2rem; background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 0.8rem 1rem; }
  @media (max-width: 900px) {
    .workspace { grid-template-columns: 1fr; }
    ls-yaml-editor, textarea.source { height: 50vh; }
  }
`
