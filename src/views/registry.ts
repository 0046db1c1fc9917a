// Every pane, by id. The playground page and the embed mount from this list.

import type { Pane } from "./pane";
import { settingsPane } from "./settings";
import { filesPane } from "./files";
import { editorPane } from "./editor";
import { summaryPane } from "./summary";
import { problemsPane } from "./problems";
import { kernelPane } from "./kernel";
import { buildPane } from "./build";
import { modulesPane } from "./modules";
import { storyPane } from "./story";
import { galleryPane } from "./gallery";
import { comparePane } from "./compare";
import { graphPane } from "./graph";

/** Every pane under its id. */
export const PANES = {
  settings: settingsPane,
  files: filesPane,
  editor: editorPane,
  summary: summaryPane,
  problems: problemsPane,
  kernel: kernelPane,
  build: buildPane,
  modules: modulesPane,
  story: storyPane,
  gallery: galleryPane,
  compare: comparePane,
  graph: graphPane,
} satisfies Record<string, Pane>;

export type PaneId = keyof typeof PANES;

/** The tabs about one run's verdict (what the embed shows), in order. */
export const VERDICT_TABS: Pane[] = [problemsPane, kernelPane, buildPane, modulesPane];

/** The result panes shown as tabs on the full page, in order. */
export const RESULT_TABS: Pane[] = [...VERDICT_TABS, comparePane, graphPane];
