// Code actions: the quick fixes of fixes.ts offered on the markers they fix; Monaco applies
// each as one undoable edit.

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { PlaygroundStore } from "../store";
import { fixContextOf } from "./fixcontext";
import type { Finding } from "../engine";
import { quickFixesFor, type QuickFix } from "./fixes";
import { fileOfUri, uriOf } from "./models";
import { KMODC, KLOAD, KBUILD, KCONFIG, SYMVERS } from "./languages";

/** A quick fix as a Monaco workspace edit. */
export function workspaceEditOf(monaco: Monaco, fix: QuickFix): M.languages.WorkspaceEdit {
  return {
    edits: fix.edits.map((e) => ({
      resource: uriOf(monaco, e.file),
      versionId: undefined,
      textEdit: { range: new monaco.Range(e.line, e.col, e.endLine, e.endCol), text: e.text },
    })),
  };
}

/** Registers the quick-fix provider. */
export function registerQuickFixes(monaco: Monaco, store: PlaygroundStore): M.IDisposable {
  const provider: M.languages.CodeActionProvider = {
    provideCodeActions(model, _range, context) {
      const s = store.getState();
      const ctx = fixContextOf(s);
      if (!ctx) return { actions: [], dispose() {} };
      const file = fileOfUri(model.uri);
      const actions: M.languages.CodeAction[] = [];
      const seen = new Set<string>();
      for (const marker of context.markers) {
        const finding = ctx.result.findings.find(
          (f: Finding) => f.file === file && f.id === marker.code && f.text === marker.message && f.line === marker.startLineNumber,
        );
        if (!finding) continue;
        for (const fix of quickFixesFor(finding, ctx)) {
          if (seen.has(fix.title)) continue;
          seen.add(fix.title);
          actions.push({ title: fix.title, kind: "quickfix", diagnostics: [marker], isPreferred: fix.preferred, edit: workspaceEditOf(monaco, fix) });
        }
      }
      return { actions, dispose() {} };
    },
  };
  const disposables = [KMODC, KLOAD, KBUILD, KCONFIG, SYMVERS].map((id) =>
    monaco.languages.registerCodeActionProvider(id, provider, { providedCodeActionKinds: ["quickfix"] }),
  );
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
