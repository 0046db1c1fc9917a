// Monaco models derived from the store's files: one model per text file, created, updated
// and disposed to follow the store. Store-side changes reach a model as one undoable edit
// (so a quick fix or a kernel switch applied elsewhere is undone with Ctrl+Z like typing).

import type { Monaco } from "./monaco";
import type * as M from "monaco-editor/editor/editor.api";
import type { PlaygroundStore } from "../store";
import { languageFor } from "./languages";

/** The model URI of workspace file `name`. */
export function uriOf(monaco: Monaco, name: string): M.Uri {
  return monaco.Uri.from({ scheme: "ksymns", path: "/" + name });
}

/** The workspace file name of a model URI. */
export function fileOfUri(uri: M.Uri): string {
  return uri.path.slice(1);
}

/** Replaces `model`'s text with `text` through one edit covering only what differs. */
function applyText(monaco: Monaco, model: M.editor.ITextModel, text: string): void {
  const old = model.getValue();
  if (old === text) return;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(old.length - end);
  model.pushStackElement();
  model.pushEditOperations(
    [],
    [{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: text.slice(start, text.length - end) }],
    () => null,
  );
  model.pushStackElement();
}

export interface ModelSync {
  get(name: string): M.editor.ITextModel | undefined;
  dispose(): void;
}

/** Keeps one model per text file in step with the store; edits in a model are written back to the store. */
export function syncModels(monaco: Monaco, store: PlaygroundStore, onUserEdit?: () => void): ModelSync {
  const models = new Map<string, M.editor.ITextModel>();
  const listeners = new Map<string, M.IDisposable>();
  let writing = false;

  function update(): void {
    const files = store.getState().files;
    const live = new Set<string>();
    for (const f of files) {
      if (typeof f.content !== "string") continue;
      live.add(f.name);
      let model = models.get(f.name);
      if (!model) {
        model = monaco.editor.createModel(f.content, languageFor(f.name), uriOf(monaco, f.name));
        model.setEOL(monaco.editor.EndOfLineSequence.LF);
        const m = model;
        const name = f.name;
        listeners.set(
          name,
          m.onDidChangeContent(() => {
            if (writing) return;
            onUserEdit?.();
            store.getState().setFile(name, m.getValue());
          }),
        );
        models.set(f.name, model);
      } else if (model.getValue() !== f.content) {
        writing = true;
        try {
          applyText(monaco, model, f.content);
        } finally {
          writing = false;
        }
      }
    }
    for (const [name, model] of models) {
      if (live.has(name)) continue;
      listeners.get(name)?.dispose();
      listeners.delete(name);
      model.dispose();
      models.delete(name);
    }
  }

  update();
  const unsubscribe = store.subscribe((s) => s.files, update);
  return {
    get: (name) => models.get(name),
    dispose() {
      unsubscribe();
      for (const l of listeners.values()) l.dispose();
      for (const m of models.values()) m.dispose();
      models.clear();
    },
  };
}
