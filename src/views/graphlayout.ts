// Laying out the namespace graph: dagre in a worker of its own, under a time budget, so that
// no graph can freeze the page. Past the budget the worker is stopped and the graph is laid out
// in columns by kind (instant, if less readable). A graph laid out once is not laid out again
// while only its colours change, and a layout asked for while another runs replaces any other
// waiting one.

import dagre from "@dagrejs/dagre";

/** What dagre needs: node boxes and edges by node id. */
export interface LayoutInput {
  nodes: { id: string; width: number; height: number; column: number }[];
  edges: { from: string; to: string }[];
}

/** Node centres and sizes by id, and each edge's points (in the input's edge order). */
export interface Layout {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number; width: number; height: number }>;
  edges: { x: number; y: number }[][];
}

/** How long a layout may take before the graph is drawn in columns instead. */
export const LAYOUT_BUDGET_MS = 10_000;

/** dagre's layout (left to right). */
export function computeLayout(input: LayoutInput): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  input.edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
  dagre.layout(g);
  const nodes: Layout["nodes"] = Object.create(null);
  for (const n of input.nodes) {
    const p = g.node(n.id);
    nodes[n.id] = { x: p.x, y: p.y, width: p.width, height: p.height };
  }
  const edges = input.edges.map((e, i) =>
    (g.edge({ v: e.from, w: e.to, name: String(i) })?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
  );
  const { width = 0, height = 0 } = g.graph();
  return { width, height, nodes, edges };
}

/** Columns by kind, nodes stacked in input order, straight edges: linear time for any size. */
export function columnLayout(input: LayoutInput): Layout {
  const GAP_X = 90;
  const GAP_Y = 12;
  const columns = [...new Set(input.nodes.map((n) => n.column))].sort((a, b) => a - b);
  const widths = columns.map((c) => Math.max(...input.nodes.filter((n) => n.column === c).map((n) => n.width)));
  const nodes: Layout["nodes"] = Object.create(null);
  let x = 16;
  let height = 0;
  columns.forEach((c, i) => {
    let y = 16;
    for (const n of input.nodes.filter((m) => m.column === c)) {
      nodes[n.id] = { x: x + widths[i] / 2, y: y + n.height / 2, width: n.width, height: n.height };
      y += n.height + GAP_Y;
    }
    height = Math.max(height, y + 4);
    x += widths[i] + GAP_X;
  });
  const edges = input.edges.map((e) => {
    const a = nodes[e.from];
    const b = nodes[e.to];
    return a && b
      ? [
          { x: a.x + a.width / 2, y: a.y },
          { x: b.x - b.width / 2, y: b.y },
        ]
      : [];
  });
  return { width: x - GAP_X + 16, height, nodes, edges };
}

/** What came of asking for a layout. */
export type LayoutOutcome = { kind: "laid-out"; layout: Layout } | { kind: "over-budget" } | { kind: "superseded" };

/** The part of a Worker the layouter uses (tests pass a fake). */
export type LayoutWorker = Pick<Worker, "postMessage" | "terminate"> & {
  onmessage: ((e: MessageEvent<Layout>) => void) | null;
  onerror: ((e: unknown) => void) | null;
};

function keyOf(input: LayoutInput): string {
  return JSON.stringify(input);
}

/** A layouter over workers from `start`, each layout allowed `budgetMs`. */
export function createLayouter(
  start: () => LayoutWorker,
  budgetMs = LAYOUT_BUDGET_MS,
): { layout(input: LayoutInput): Promise<LayoutOutcome>; dispose(): void } {
  type Job = { input: LayoutInput; key: string; resolve: (o: LayoutOutcome) => void };
  let worker: LayoutWorker | null = null;
  let running: Job | null = null;
  let waiting: Job | null = null;
  let last: { key: string; outcome: LayoutOutcome } | null = null;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const run = (job: Job) => {
    running = job;
    const w = (worker ??= start());
    const finish = (outcome: LayoutOutcome) => {
      clearTimeout(timer);
      w.onmessage = w.onerror = null;
      last = { key: job.key, outcome };
      running = null;
      job.resolve(outcome);
      const next = waiting;
      waiting = null;
      if (next) run(next);
    };
    // dagre cannot be interrupted: past the budget its worker goes, and the next gets a fresh one
    const timer = setTimeout(() => (stop(), finish({ kind: "over-budget" })), budgetMs);
    w.onmessage = (e) => finish({ kind: "laid-out", layout: e.data });
    w.onerror = () => (stop(), finish({ kind: "over-budget" }));
    w.postMessage(job.input);
  };

  return {
    layout(input) {
      const key = keyOf(input);
      if (last?.key === key) return Promise.resolve(last.outcome);
      return new Promise((resolve) => {
        const job = { input, key, resolve };
        if (!running) return run(job);
        waiting?.resolve({ kind: "superseded" });
        waiting = job;
      });
    },
    dispose() {
      stop();
      waiting?.resolve({ kind: "superseded" });
      waiting = null;
    },
  };
}
