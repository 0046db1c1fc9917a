// Monaco's core: the editor, its API and the five languages, with nothing more than a first
// paint and typing need; the heavier features (completion, hovers, quick fixes, find, folding, …)
// come later from ./features. Its one worker comes through Vite's ?worker (no CDN, no eval:
// the page's CSP holds).

import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/features/codicon/register";
// Ctrl+M (⌃⇧M on macOS): Tab moves focus instead of indenting, as in VS Code; small, and the
// way out of the editor must work from its first frame
import "monaco-editor/features/toggleTabFocusMode/register";
import { getEditorFeatures } from "monaco-editor/editor/common/editorFeatures";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { registerLanguages } from "./languages";
import { defineThemes } from "./themes";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerLanguages(monaco);
defineThemes(monaco);

let features: Promise<typeof import("./features")> | null = null;

/** Loads the editor features (./features) once and starts their services; resolves with their
 *  module. Called once an editor exists (Monaco starts its services with its first editor). */
export function loadFeatures(): Promise<typeof import("./features")> {
  // the services Monaco started with its first editor: those the features add start after them
  const started = getEditorFeatures().length;
  return (features ??= import("./features").then(
    (m) => (m.startFeatures(started), m),
    (err: unknown) => {
      features = null;
      throw err;
    },
  ));
}

export { monaco };
export type Monaco = typeof monaco;
