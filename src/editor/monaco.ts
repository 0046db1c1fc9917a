// Monaco, built from the editor core plus only the features the playground uses; its one
// worker comes through Vite's ?worker (no CDN, no eval: the page's CSP holds).

import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/suggest/register";
// the suggest widget's controller is not part of features/suggest (editor.main imports it last)
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/smartSelect/register";
// Ctrl+M (⌃⇧M on macOS): Tab moves focus instead of indenting, as in VS Code
import "monaco-editor/features/toggleTabFocusMode/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { registerLanguages } from "./languages";
import { defineThemes } from "./themes";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerLanguages(monaco);
defineThemes(monaco);

export { monaco };
export type Monaco = typeof monaco;
