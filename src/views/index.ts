export { PANES, RESULT_TABS } from "./registry";
export type { Pane } from "./pane";
export { resolveTheme } from "./theme";
export { deleteWithUndo } from "./files";
export { CONFIG_SWITCHES } from "./kernel";
export { h, icon, replaceChildren } from "./dom";
