export { PANES, RESULT_TABS, VERDICT_TABS } from "./registry";
export type { PaneId } from "./registry";
export type { Pane } from "./pane";
export { resolveTheme } from "./theme";
export { h, icon, markScrollable, replaceChildren } from "./dom";
export { editorShown } from "./editor";
