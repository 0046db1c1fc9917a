// Named selectors: how views read the store. Derived values are memoised on the identity of
// what they derive from, so subscriptions with the default equality fire only on real change.

import type { LoadedModule, Finding, WorkspaceFiles } from "../engine";
import { requestedKernel } from "../engine";
import type { PlaygroundState } from "./store";
import { sameFiles, toWorkspaceFiles, type Snapshot, type WorkspaceFile } from "./snapshot";
import { fallbackTitle, type WorkKind } from "./history";

function memoOn<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = fn(key)));
    return v;
  };
}

const EMPTY: Finding[] = [];

const workspaceOf = memoOn((files: WorkspaceFile[]) => toWorkspaceFiles(files));
const namesOf = memoOn((files: WorkspaceFile[]) => files.map((f) => f.name));

/** The engine's input: file name → contents. */
export const selectWorkspace = (s: PlaygroundState): WorkspaceFiles => workspaceOf(s.files);

/** File names in tab order (a new array only when names or order change). */
export const selectFileNames = (s: PlaygroundState): string[] => namesOf(s.files);

export const selectActiveFile = (s: PlaygroundState): WorkspaceFile | undefined => s.files.find((f) => f.name === s.activeFile);

export const selectFindings = (s: PlaygroundState): Finding[] => s.result?.findings ?? EMPTY;

/** The findings of one stage group as the editor marks them: build (read, compile, modpost, internal) or load. */
export function markerGroupOf(f: Finding): "build" | "load" {
  return f.stage === "load" ? "load" : "build";
}

const countsOf = memoOn((findings: Finding[]) => {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
});

/** Finding counts by severity. */
export const selectCounts = (s: PlaygroundState): { error: number; warning: number; info: number } => countsOf(selectFindings(s));

/** The kernel release shown: the engine's, else what .config asks for. */
export const selectKernelVersion = (s: PlaygroundState): string => s.result?.kernel.version ?? requestedKernel(selectWorkspace(s));

/** The one name the page gives the base kernel whose export table the run used: its `uname -r`,
 *  as the engine reports it ("" without a base kernel). */
export const selectBaseKernel = (s: PlaygroundState): string => (s.result?.kernel.profile ? s.result.kernel.profileRelease : "");

/** Whether a location is a row of the base kernel's Module.symvers rather than a workspace file. */
export const selectIsBaseTable =
  (file: string) =>
  (s: PlaygroundState): boolean =>
    !!s.result?.kernel.profile && file === s.result.kernel.profileName && !s.files.some((f) => f.name === file);

/** The effective value of a CONFIG_ option, as the engine applied it ("y", "n" or undefined before the first run). */
export const selectConfigValue =
  (key: string) =>
  (s: PlaygroundState): string | undefined =>
    s.result?.kernel.config[key];

/** What a link or a reload restores. */
export const selectSnapshot = (s: PlaygroundState): Snapshot => ({
  files: s.files,
  profile: s.profile,
  relaxed: s.relaxed,
  view: { file: s.activeFile ?? undefined, tab: s.tab },
  ...(s.expect.length ? { expect: s.expect } : {}),
});

/** What the open files are worth keeping as: their origin's kind while they hold what it
 *  opened (an edit undone, or the editor writing back the same text, is no edit), then the user's own. */
export const selectWorkKind = (s: PlaygroundState): WorkKind => (s.files === s.origin.files || sameFiles(s.files, s.origin.files) ? s.origin.kind : "own");

/** What to call the open workspace in History: the example it came from, the name it was
 *  opened under (a link, a restored entry), else its first module. */
export function selectWorkTitle(s: PlaygroundState): string {
  if (s.preset) return `Example: ${s.preset.meta.title}`;
  return s.origin.title ?? fallbackTitle(s.files);
}

/** The modules loaded when the session ends. */
export const selectLoadedModules = (s: PlaygroundState): LoadedModule[] => s.result?.loaded ?? [];
