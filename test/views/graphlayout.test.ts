// Laying out the graph: dagre's positions, columns for any size, and the layouter that runs
// dagre in a worker under a time budget, lays a graph out once, and keeps one layout waiting.

import { afterEach, describe, expect, it, vi } from "vitest";
import { columnLayout, computeLayout, createLayouter, type Layout, type LayoutInput, type LayoutWorker } from "../../src/views/graphlayout";

const chain = (n: number): LayoutInput => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 80, height: 28, column: i % 3 })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` })),
});

/** A worker that lays out when told to (`answer`), and records what happened to it. */
function fakeWorker(log: string[]): LayoutWorker & { answer(): void } {
  let input: LayoutInput | null = null;
  const w = {
    onmessage: null as LayoutWorker["onmessage"],
    onerror: null as LayoutWorker["onerror"],
    postMessage(data: LayoutInput) {
      input = data;
      log.push(`post ${data.nodes.length}`);
    },
    terminate: () => log.push("terminate"),
    answer() {
      w.onmessage?.({ data: computeLayout(input!) } as MessageEvent<Layout>);
    },
  };
  return w;
}

afterEach(() => vi.useRealTimers());

describe("the graph layout", () => {
  it("places every node and routes every edge", () => {
    const layout = computeLayout(chain(6));
    expect(Object.keys(layout.nodes)).toHaveLength(6);
    expect(layout.edges.every((pts) => pts.length >= 2)).toBe(true);
    expect(layout.nodes.n1.x).toBeGreaterThan(layout.nodes.n0.x);
  });

  it("lays out any size in columns, by kind", () => {
    const layout = columnLayout(chain(5000));
    expect(Object.keys(layout.nodes)).toHaveLength(5000);
    expect(layout.nodes.n0.x).toBeLessThan(layout.nodes.n1.x);
    expect(layout.nodes.n0.x).toBe(layout.nodes.n3.x);
    expect(layout.edges[0]).toHaveLength(2);
  });
});

describe("the layouter", () => {
  it("stops a layout past its budget, says so, and starts a fresh worker for the next", async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const layouter = createLayouter(() => (workers.push(fakeWorker(log)), workers.at(-1)!), 1000);
    const slow = layouter.layout(chain(40));
    vi.advanceTimersByTime(1001);
    expect(await slow).toEqual({ kind: "over-budget" });
    expect(log).toEqual(["post 40", "terminate"]);
    // the same graph is not tried again; another one gets a new worker
    expect(await layouter.layout(chain(40))).toEqual({ kind: "over-budget" });
    const next = layouter.layout(chain(4));
    workers[1].answer();
    expect((await next).kind).toBe("laid-out");
    expect(workers).toHaveLength(2);
  });

  it("lays a graph out once, and keeps only the latest request waiting behind a running one", async () => {
    const log: string[] = [];
    const worker = fakeWorker(log);
    const layouter = createLayouter(() => worker, 1000);
    const first = layouter.layout(chain(3));
    const second = layouter.layout(chain(4));
    const third = layouter.layout(chain(5));
    expect(await second).toEqual({ kind: "superseded" });
    worker.answer();
    expect((await first).kind).toBe("laid-out");
    worker.answer();
    expect((await third).kind).toBe("laid-out");
    expect(await layouter.layout(chain(5))).toEqual(await third);
    expect(log).toEqual(["post 3", "post 5"]);
    layouter.dispose();
  });
});
