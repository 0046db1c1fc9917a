// The ui slice: what the user looks at (open file, result tab, a range to reveal, overlays,
// notices, theme, editor kind). Panes read it; none of it reaches the engine.

import type { StateCreator } from "zustand/vanilla";
import type { PlaygroundState } from "./store";
import type { Range } from "../engine";

export type Theme = "system" | "light" | "dark";
export type EditorKind = "monaco" | "plain";

/** A message bar above the workspace, with an optional action button. */
export interface Notice {
  kind: "info" | "error";
  text: string;
  action?: { label: string; run: () => void };
  /** A second, lesser way on (shown as a link). */
  more?: { label: string; run: () => void };
  /** A link to show in full, selected for copying by hand. */
  link?: string;
}

export interface UiSlice {
  activeFile: string | null;
  /** The result tab shown (problems, kernel, build, modules). */
  tab: string;
  /** The latest request to show a range in the editor; `seq` makes repeats distinct. */
  reveal: (Range & { seq: number }) | null;
  editorKind: EditorKind;
  theme: Theme;
  helpOpen: boolean;
  notice: Notice | null;
  openFile(name: string): void;
  /** Opens `range.file` and selects the range. */
  revealRange(range: Range): void;
  setTab(tab: string): void;
  setEditorKind(kind: EditorKind): void;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
}

export const createUiSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], UiSlice> = (set, get) => ({
  activeFile: null,
  tab: "problems",
  reveal: null,
  editorKind: "monaco",
  theme: "system",
  helpOpen: false,
  notice: null,
  openFile(name) {
    if (get().files.some((f) => f.name === name)) set({ activeFile: name });
  },
  revealRange(range) {
    if (!get().files.some((f) => f.name === range.file)) return;
    set({ activeFile: range.file, reveal: { ...range, seq: (get().reveal?.seq ?? 0) + 1 } });
  },
  setTab: (tab) => set({ tab }),
  setEditorKind: (editorKind) => set({ editorKind }),
  setTheme: (theme) => set({ theme }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
