/**
 * @module The CodeMirror 6 view behind `ls-yaml-editor`: YAML highlighting, undo, search,
 * completion from the policy schema, and diagnostics pushed in from the validator. Loaded with
 * `import()` when the editor first renders, so CodeMirror stays out of the initial bundle.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete'
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { yaml } from '@codemirror/lang-yaml'
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language'
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint'
import type { Diagnostic } from '@codemirror/lint'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { Compartment, EditorSelection, EditorState } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view'
import { policySchema } from '../../../schemas/policy/index.ts'
import type { ApiIssue } from '../../api.ts'
import { suggest } from './schema-completion.ts'
import type { SchemaSuggestion } from './schema-completion.ts'
import { cursorContext } from './yaml-path.ts'

/** The handle `ls-yaml-editor` keeps on its view. */
export interface YamlView {
  text(): string
  setText(text: string): void
  setIssues(issues: readonly ApiIssue[]): void
  setLabel(label: string): void
  /** Puts the cursor at a 1-based line and column, scrolls there and focuses the editor. */
  reveal(line: number, col?: number): void
  destroy(): void
}

export interface YamlViewOptions {
  text: string
  label: string
  /** Id of an element (in the same root) that explains the keys. */
  describedBy?: string
  onChange: (text: string) => void
}

/** Plain scalars may not start with these; such enum values (`>=`) are quoted. */
const needsQuotes = (value: string) => /^[-?:,[\]{}#&*!|>'"%@`]|: | #/.test(value) || value === ''

function toCompletion(suggestion: SchemaSuggestion, flow: boolean): Completion {
  const { label, description } = suggestion
  if (suggestion.kind === 'value') {
    return {
      label,
      type: 'enum',
      ...(description ? { info: description } : {}),
      apply: needsQuotes(label) ? `'${label}'` : label,
    }
  }
  return {
    label,
    type: 'property',
    boost: suggestion.required ? 1 : 0,
    ...(suggestion.required ? { detail: '必填 required' } : {}),
    ...(description ? { info: description } : {}),
    apply: (view, _completion, from, to) => {
      const line = view.state.doc.lineAt(from)
      const indent = ' '.repeat(from - line.from + 2)
      const text =
        flow || !suggestion.block
          ? `${label}: `
          : suggestion.block === 'array'
            ? `${label}:\n${indent}- `
            : `${label}:\n${indent}`
      view.dispatch({
        changes: { from, to, insert: text },
        selection: EditorSelection.cursor(from + text.length),
        userEvent: 'input.complete',
      })
    },
  }
}

/** Completion source: keys and enum values of the policy schema at the cursor. */
function policyCompletion(context: CompletionContext): CompletionResult | null {
  const { doc } = context.state
  const line = doc.lineAt(context.pos)
  const cursor = cursorContext(
    (index) => (index < doc.lines ? doc.line(index + 1).text : undefined),
    line.number - 1,
    context.pos - line.from,
  )
  if (!cursor) return null
  if (!context.explicit && cursor.prefix === '' && cursor.mode === 'key') return null
  const options = suggest(policySchema as unknown as Record<string, unknown>, cursor).map((s) =>
    toCompletion(s, cursor.flow ?? false),
  )
  if (options.length === 0) return null
  return { from: line.from + cursor.from, options, validFor: /^[\w$-]*$/ }
}

function toDiagnostic(state: EditorState, issue: ApiIssue): Diagnostic {
  const line = state.doc.line(Math.min(Math.max(issue.line ?? 1, 1), state.doc.lines))
  const from = Math.min(line.from + Math.max((issue.col ?? 1) - 1, 0), line.to)
  return {
    from,
    to: from < line.to ? line.to : from,
    severity: issue.severity === 'warning' ? 'warning' : 'error',
    message: `${issue.message.zh}\n${issue.message.en}`,
    source: `${issue.code ?? 'issue'} ${issue.pointer || '/'}`,
  }
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#fff' },
  '.cm-scroller': {
    fontFamily: "'Noto Sans Mono CJK SC', 'Noto Sans Mono', ui-monospace, monospace",
    lineHeight: '1.55',
  },
  '.cm-content': { caretColor: '#1d3c6e' },
  '&.cm-focused': { outline: '2px solid #2f6fd6', outlineOffset: '-2px' },
  '.cm-gutters': { backgroundColor: '#f3f5f8', borderRight: '1px solid #d9dee5', color: '#56606d' },
  '.cm-tooltip-lint, .cm-diagnostic': { whiteSpace: 'pre-wrap', maxWidth: '38rem' },
  '.cm-diagnosticSource': { fontFamily: 'ui-monospace, monospace', opacity: '0.75' },
})

/**
 * Creates the view inside `parent` (which may sit in a shadow root). `setText` starts a new
 * editor state — new document, empty undo history — so Ctrl+Z never brings back the text of the
 * policy, version or draft opened before.
 */
export function createYamlView(parent: HTMLElement, options: YamlViewOptions): YamlView {
  const label = new Compartment()
  let currentLabel = options.label
  const contentLabel = (text: string) =>
    EditorView.contentAttributes.of({
      // An explicit tab stop: keyboard and screen-reader users reach the editable text (and so
      // the scrolling region around it) by Tab, whatever the browser makes of contenteditable.
      tabindex: '0',
      'aria-label': text,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
    })
  const createState = (doc: string) =>
    EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        foldGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        autocompletion({ override: [policyCompletion], icons: false }),
        EditorState.tabSize.of(2),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        label.of(contentLabel(currentLabel)),
        theme,
        // setText replaces the state without a transaction, so only the user's edits land here.
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString())
        }),
      ],
    })
  const view = new EditorView({ parent, state: createState(options.text) })
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.setState(createState(text))
    },
    setIssues(issues) {
      view.dispatch(
        setDiagnostics(
          view.state,
          issues.map((issue) => toDiagnostic(view.state, issue)),
        ),
      )
    },
    setLabel(text) {
      currentLabel = text
      view.dispatch({ effects: label.reconfigure(contentLabel(text)) })
    },
    reveal(line, col = 1) {
      const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines))
      const at = Math.min(target.from + Math.max(col - 1, 0), target.to)
      view.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: 'center' }),
      })
      view.focus()
    },
    destroy: () => view.destroy(),
  }
}
