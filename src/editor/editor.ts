// The Monaco editor for the playground: shows the open file's model, writes edits to the
// store (through models.ts), shows the engine's findings as markers, and offers hovers,
// completion and quick fixes. It never runs the engine itself.

import type * as M from "monaco-editor/editor/editor.api";
import { monaco } from "./monaco";
import type { PlaygroundStore } from "../store";
import { syncModels } from "./models";
import { syncMarkers } from "./markers";
import { registerHovers } from "./hovers";
import { showPreprocessed } from "./preprocessed";
import { registerCompletion } from "./completion";
import { registerQuickFixes } from "./actions";
import { connectLeaveKeys } from "./keyboard";
import { DARK, LIGHT } from "./themes";

export interface EditorHooks {
  /** A keystroke or paste changed a model (before the store is written). */
  onUserEdit?(): void;
  /** Markers now show the latest result. */
  onMarkersApplied?(): void;
  /** Whether the page is dark now (the store's theme may say "system"). */
  isDark(): boolean;
}

/** Mounts Monaco in `container`; returns the function that disposes it. */
export function mountMonacoEditor(container: HTMLElement, store: PlaygroundStore, hooks: EditorHooks): () => void {
  monaco.editor.setTheme(hooks.isDark() ? DARK : LIGHT);
  const editor = monaco.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13.5,
    lineHeight: 21,
    fontFamily: 'ui-monospace, "JetBrains Mono", "Cascadia Code", "Fira Code", Menlo, Consolas, "DejaVu Sans Mono", monospace',
    scrollBeyondLastLine: false,
    renderLineHighlight: "line",
    padding: { top: 10, bottom: 10 },
    fixedOverflowWidgets: true,
    tabSize: 8,
    insertSpaces: false,
    detectIndentation: false,
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
    hover: { delay: 250 },
    quickSuggestions: { other: true, comments: false, strings: true },
    wordBasedSuggestions: "off",
    ariaLabel: "Workspace file editor",
    scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  });
  const models = syncModels(monaco, store, hooks.onUserEdit);
  const viewStates = new Map<string, M.editor.ICodeEditorViewState | null>();
  let shown: string | null = null;

  function show(): void {
    const name = store.getState().activeFile;
    const model = name ? models.get(name) : undefined;
    if (shown === name && editor.getModel() === (model ?? null)) return;
    if (shown) viewStates.set(shown, editor.saveViewState());
    editor.setModel(model ?? null);
    shown = name;
    if (model && name) {
      const state = viewStates.get(name);
      if (state) editor.restoreViewState(state);
    }
  }

  function reveal(): void {
    const r = store.getState().reveal;
    if (!r) return;
    show();
    const range = new monaco.Range(Math.max(1, r.line), Math.max(1, r.col), Math.max(1, r.endLine), Math.max(1, r.endCol));
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range);
    editor.focus();
  }

  const subscriptions = [
    store.subscribe((s) => [s.activeFile, s.files] as const, show, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }),
    store.subscribe((s) => s.reveal, reveal),
    syncMarkers(monaco, store, models, hooks.onMarkersApplied),
    showPreprocessed(monaco, store, editor),
  ];
  const disposables: M.IDisposable[] = [
    registerHovers(monaco, store),
    registerCompletion(monaco, store),
    registerQuickFixes(monaco, store),
    monaco.editor.registerCommand("ksymns.reveal", (_accessor, range) => store.getState().revealRange(range)),
    connectLeaveKeys(editor, container),
  ];
  const themeQuery = matchMedia("(prefers-color-scheme: dark)");
  const retheme = () => monaco.editor.setTheme(hooks.isDark() ? DARK : LIGHT);
  themeQuery.addEventListener("change", retheme);
  subscriptions.push(store.subscribe((s) => s.theme, retheme));
  // hosts that size themselves to the code (the embed) listen for the height it needs
  const reportSize = () =>
    container.dispatchEvent(
      new CustomEvent("editorcontentsize", { bubbles: true, detail: editor.getContentHeight() + editor.getLayoutInfo().horizontalScrollbarHeight }),
    );
  disposables.push(editor.onDidContentSizeChange(reportSize));
  show();
  reportSize();
  // a reveal asked for before the editor existed (the embed's first click loads Monaco) is applied now
  if (store.getState().reveal) reveal();

  return () => {
    themeQuery.removeEventListener("change", retheme);
    for (const u of subscriptions) u();
    for (const d of disposables) d.dispose();
    editor.dispose();
    models.dispose();
  };
}
