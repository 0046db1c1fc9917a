// The context quick fixes are computed in, taken from the store.

import { selectWorkspace, toWorkspaceFiles, type PlaygroundState } from "../store";
import type { FixContext } from "./fixes";

/** The result and the very files it was computed from (its ranges refer to those), or null before the first run. */
export function fixContextOf(s: PlaygroundState): FixContext | null {
  if (!s.result) return null;
  return { result: s.result, files: s.resultFiles ? toWorkspaceFiles(s.resultFiles) : selectWorkspace(s), form: s.namespaceForm };
}
