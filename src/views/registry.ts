// Every pane, by id. The playground page and the (later) embed mode mount from this list.

import type { Pane } from "./pane";
import { kernelPane } from "./kernel";
import { filesPane } from "./files";
import { editorPane } from "./editor";
import { summaryPane } from "./summary";
import { problemsPane } from "./problems";
import { kernelLogPane } from "./kernellog";
import { buildLogPane } from "./buildlog";
import { modulesPane } from "./modules";
import { storyPane } from "./story";
import { galleryPane } from "./gallery";
import { comparePane } from "./compare";
import { graphPane } from "./graph";

export const PANES = {
  kernel: kernelPane,
  files: filesPane,
  editor: editorPane,
  summary: summaryPane,
  problems: problemsPane,
  kernelLog: kernelLogPane,
  buildLog: buildLogPane,
  modules: modulesPane,
  story: storyPane,
  gallery: galleryPane,
  compare: comparePane,
  graph: graphPane,
} satisfies Record<string, Pane>;

/** The result panes shown as tabs, in order. */
export const RESULT_TABS: Pane[] = [problemsPane, kernelLogPane, buildLogPane, modulesPane, comparePane, graphPane];
