// Markers derived from the engine's findings: one marker owner per stage group (build: read,
// compile, modpost; load: the loader), each marker with the kernel's exact text, the finding
// id as its code and the related location (e.g. the exporting line) as related information,
// after the inline functions of a header that made the use, as gcc's "In function" lines do.

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { Finding, Range } from "../engine";
import { markerGroupOf, selectFindings, type PlaygroundStore } from "../store";
import { uriOf, type ModelSync } from "./models";

const SOURCE: Record<Finding["stage"], string> = { read: "ksymns", compile: "compiler", modpost: "modpost", load: "kernel", internal: "ksymns" };

function markerOf(monaco: Monaco, f: Finding): M.editor.IMarkerData {
  const severity = f.severity === "error" ? monaco.MarkerSeverity.Error : f.severity === "warning" ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
  const line = Math.max(1, f.line);
  const marker: M.editor.IMarkerData = {
    severity,
    message: f.text,
    code: f.id,
    source: SOURCE[f.stage],
    startLineNumber: line,
    startColumn: Math.max(1, f.col),
    endLineNumber: Math.max(line, f.endLine),
    // a finding on a whole line (col 1 to 1) is marked to the line's end
    endColumn: f.endLine === f.line && f.endCol <= f.col ? 1e6 : Math.max(1, f.endCol),
  };
  const related: M.editor.IRelatedInformation[] = (f.through ?? []).map((step) => relatedAt(monaco, step, `reached through ${step.name}`));
  if (f.related) related.push(relatedAt(monaco, f.related, f.related.note));
  if (related.length) marker.relatedInformation = related;
  return marker;
}

function relatedAt(monaco: Monaco, r: Range, message: string): M.editor.IRelatedInformation {
  return {
    resource: uriOf(monaco, r.file),
    message,
    startLineNumber: Math.max(1, r.line),
    startColumn: Math.max(1, r.col),
    endLineNumber: Math.max(1, r.endLine),
    endColumn: Math.max(1, r.endCol),
  };
}

/** Sets every model's markers from the store's result whenever it changes. */
export function syncMarkers(monaco: Monaco, store: PlaygroundStore, models: ModelSync, onApplied?: () => void): () => void {
  function apply(): void {
    const findings = selectFindings(store.getState());
    const byFile = new Map<string, { build: M.editor.IMarkerData[]; load: M.editor.IMarkerData[] }>();
    for (const f of findings) {
      if (!f.file) continue;
      let slot = byFile.get(f.file);
      if (!slot) byFile.set(f.file, (slot = { build: [], load: [] }));
      slot[markerGroupOf(f)].push(markerOf(monaco, f));
    }
    for (const file of store.getState().files) {
      const model = models.get(file.name);
      if (!model) continue;
      const slot = byFile.get(file.name);
      monaco.editor.setModelMarkers(model, "build", slot?.build ?? []);
      monaco.editor.setModelMarkers(model, "load", slot?.load ?? []);
    }
    onApplied?.();
  }
  apply();
  // every change of the files is followed by a result, so the result alone drives markers
  return store.subscribe((s) => s.result, apply);
}
