// The files slice: the workspace's files in tab order. The editor writes here; everything
// else (models, the engine run, the share link) is derived from it.

import type { StateCreator } from "zustand/vanilla";
import type { PlaygroundState } from "./store";
import { freshName, templateFor } from "./templates";
import type { Snapshot, WorkspaceFile } from "./snapshot";
import type { WorkKind } from "./history";
import { requestedKernel } from "../engine";
import { toWorkspaceFiles } from "./snapshot";

/** What the open files are for History: `kind` holds while `files` is still the open list (an
 *  edit makes them the user's own work), `title` names them. */
export interface Origin {
  kind: WorkKind;
  title: string | null;
  files: WorkspaceFile[];
}

export interface FilesSlice {
  files: WorkspaceFile[];
  origin: Origin;
  /** Writes one file's contents (creates it at the end when missing). */
  setFile(name: string, content: string | Uint8Array): void;
  /** Adds a file (a template when no contents are given) and opens it; returns a problem text or null. */
  addFile(name: string, content?: string | Uint8Array): string | null;
  /** Adds a new module with a fresh name and opens it, and an insmod of it to `load` when there
   *  is one (without it every module is loaded anyway); returns its name. */
  addModule(): string;
  /** Renames a file; returns a problem text or null. */
  renameFile(from: string, to: string): string | null;
  deleteFile(name: string): void;
  /** Moves a file to tab position `to`. */
  moveFile(name: string, to: number): void;
  /** Adds or replaces files (opened from disk), keeping the others. */
  mergeFiles(files: WorkspaceFile[]): void;
  /** Replaces the whole workspace, kernel choices and view; `origin` says what it is (the
   *  user's own work when not given). */
  loadSnapshot(s: Snapshot, origin?: { kind: WorkKind; title: string | null }): void;
  /** Says what the open files are, until they are edited (an example as shipped, a link). */
  markOrigin(kind: WorkKind, title: string | null): void;
}

/** Why `name` cannot be a new file name among `taken`, or null when it can. */
export function fileNameProblem(name: string, taken: readonly string[]): string | null {
  if (name.trim() === "") return "A file needs a name.";
  if (name !== name.trim()) return "File names cannot start or end with spaces.";
  if (name.includes("\\")) return "Folders are separated by /, not \\.";
  if (name.startsWith("/") || name.endsWith("/") || name.split("/").some((part) => part === "" || part === "." || part === ".."))
    return "A file path is relative to the workspace: folder/name.c, without /, . or .. parts.";
  if (taken.includes(name)) return `There is already a file called ${name}.`;
  return null;
}

export const createFilesSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], FilesSlice> = (set, get) => ({
  files: [],
  origin: { kind: "own", title: null, files: [] },
  setFile(name, content) {
    const files = get().files;
    const i = files.findIndex((f) => f.name === name);
    if (i >= 0 && files[i].content === content) return;
    const next = i >= 0 ? files.map((f, j) => (j === i ? { name, content } : f)) : [...files, { name, content }];
    set({ files: next });
  },
  addFile(name, content) {
    const problem = fileNameProblem(
      name,
      get().files.map((f) => f.name),
    );
    if (problem) return problem;
    const text = content ?? templateFor(name, requestedKernel(toWorkspaceFiles(get().files)));
    set({ files: [...get().files, { name, content: text }], activeFile: name });
    return null;
  },
  addModule() {
    const name = freshName(
      "mymod",
      ".c",
      get().files.map((f) => f.name),
    );
    get().addFile(name);
    const load = get().files.find((f) => f.name === "load");
    if (typeof load?.content === "string") {
      const text = load.content;
      get().setFile("load", `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}insmod ${name.replace(/\.c$/, ".ko")}\n`);
    }
    return name;
  },
  renameFile(from, to) {
    if (from === to) return null;
    const problem = fileNameProblem(
      to,
      get()
        .files.map((f) => f.name)
        .filter((n) => n !== from),
    );
    if (problem) return problem;
    set((s) => ({
      files: s.files.map((f) => (f.name === from ? { name: to, content: f.content } : f)),
      activeFile: s.activeFile === from ? to : s.activeFile,
    }));
    return null;
  },
  deleteFile(name) {
    set((s) => {
      const i = s.files.findIndex((f) => f.name === name);
      if (i < 0) return {};
      const files = s.files.filter((f) => f.name !== name);
      const activeFile = s.activeFile === name ? (files[Math.min(i, files.length - 1)]?.name ?? null) : s.activeFile;
      return { files, activeFile };
    });
  },
  moveFile(name, to) {
    set((s) => {
      const i = s.files.findIndex((f) => f.name === name);
      if (i < 0) return {};
      const files = s.files.filter((f) => f.name !== name);
      files.splice(Math.max(0, Math.min(to, files.length)), 0, s.files[i]);
      return { files };
    });
  },
  mergeFiles(incoming) {
    set((s) => {
      const byName = new Map(incoming.map((f) => [f.name, f]));
      const files = s.files.map((f) => byName.get(f.name) ?? f);
      for (const f of incoming) if (!s.files.some((g) => g.name === f.name)) files.push(f);
      return { files, activeFile: incoming[0]?.name ?? s.activeFile };
    });
  },
  loadSnapshot(snap, origin = { kind: "own", title: null }) {
    const names = snap.files.map((f) => f.name);
    const activeFile = snap.view.file && names.includes(snap.view.file) ? snap.view.file : (names[0] ?? null);
    set({
      files: snap.files,
      origin: { ...origin, files: snap.files },
      profile: snap.profile,
      relaxed: snap.relaxed,
      activeFile,
      ...(snap.view.tab ? { tab: snap.view.tab } : {}),
      expect: snap.expect ?? [],
      preset: null,
      story: null,
    });
  },
  markOrigin(kind, title) {
    set({ origin: { kind, title, files: get().files } });
  },
});
