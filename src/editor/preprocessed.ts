// What the preprocessor saw, in the editor: lines its #if/#ifdef left out are greyed, a
// macro invocation's hover shows what it expands to and where the macro is defined, and
// "Go to Definition" on it opens a workspace header's #define. All of it is the result's.

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { MacroUse } from "../engine";
import type { PlaygroundState, PlaygroundStore } from "../store";
import { fileOfUri, uriOf } from "./models";
import { KMODC } from "./languages";
import { HOVER_TRUST, code, md, plain } from "./markdown";

/** The invocation at a position of `file`, if any. */
function macroAt(s: PlaygroundState, file: string, line: number, col: number): MacroUse | undefined {
  for (const src of s.result?.sources ?? []) {
    for (const m of src.macros) {
      if (m.file !== file || line < m.line || line > m.endLine) continue;
      if ((line === m.line && col < m.col) || (line === m.endLine && col > m.endCol)) continue;
      return m;
    }
  }
  return undefined;
}

/** The expansion as a hover shows it: long ones cut (the engine keeps them whole). */
const MAX_SHOWN = 2000;

function hoverOf(m: MacroUse): string[] {
  const text = m.expansion.length > MAX_SHOWN ? `${m.expansion.slice(0, MAX_SHOWN)} …` : m.expansion;
  const where = m.defFile
    ? md`defined at ${plain(`${m.defFile}:${m.defLine}`)}`
    : md`
a built-in or command-line macro
      `;
  return [md`**macro** ${code(m.macro)} — ${where}`, "```c\n" + text.replace(/```/g, "`\u200b``") + "\n```"];
}

/** Greys inactive lines and registers macro hovers and definitions; returns a disposer. */
export function showPreprocessed(monaco: Monaco, store: PlaygroundStore, editor: M.editor.IStandaloneCodeEditor): () => void {
  const greyed = editor.createDecorationsCollection();
  const paint = () => {
    const model = editor.getModel();
    const s = store.getState();
    if (!model) return;
    const file = fileOfUri(model.uri);
    const ranges = (s.result?.sources ?? []).flatMap((src) => src.inactive.filter((r) => r.file === file));
    greyed.set(
      ranges.map((r) => ({
        range: new monaco.Range(r.line, 1, r.endLine, 1),
        options: {
          isWholeLine: true,
          inlineClassName: "ksymns-inactive",
          hoverMessage: { value: "Left out by the preprocessor for this kernel and configuration" },
        },
      })),
    );
  };
  const hover: M.languages.HoverProvider = {
    provideHover(model, position) {
      const m = macroAt(store.getState(), fileOfUri(model.uri), position.lineNumber, position.column);
      if (!m) return null;
      return {
        range: new monaco.Range(m.line, m.col, m.endLine, m.endCol),
        contents: hoverOf(m).map((value) => ({ value, isTrusted: HOVER_TRUST, supportHtml: false })),
      };
    },
  };
  const definition: M.languages.DefinitionProvider = {
    provideDefinition(model, position) {
      const s = store.getState();
      const m = macroAt(s, fileOfUri(model.uri), position.lineNumber, position.column);
      // only a workspace file can be opened; the kernel's headers are the engine's prelude
      if (!m || !m.defFile || !s.files.some((f) => f.name === m.defFile)) return null;
      return { uri: uriOf(monaco, m.defFile), range: new monaco.Range(m.defLine, 1, m.defLine, 1) };
    },
  };
  // a definition in another workspace file opens that file in this editor
  const opener = monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selection) {
      const file = fileOfUri(resource);
      if (!store.getState().files.some((f) => f.name === file)) return false;
      const line = selection && "startLineNumber" in selection ? selection.startLineNumber : 1;
      store.getState().revealRange({ file, line, col: 1, endLine: line, endCol: 1 });
      return true;
    },
  });
  const disposables = [
    monaco.languages.registerHoverProvider(KMODC, hover),
    monaco.languages.registerDefinitionProvider(KMODC, definition),
    editor.onDidChangeModel(paint),
    opener,
  ];
  const unsubscribe = store.subscribe((s) => s.result, paint);
  paint();
  return () => {
    unsubscribe();
    greyed.clear();
    for (const d of disposables) d.dispose();
  };
}
