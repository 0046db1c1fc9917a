// The graph layout's worker: dagre off the page's thread (see ./graphlayout).

import { computeLayout, type LayoutInput } from "./graphlayout";

self.onmessage = (e: MessageEvent<LayoutInput>) => self.postMessage(computeLayout(e.data));
