// The compare slice and its runner: the releases compared, results written as they come,
// and a rerun only when what the comparison depends on changes.

import { describe, expect, it } from "vitest";
import { connectCompare, createPlaygroundStore, defaultSnapshot, selectComparedKernels, type PlaygroundStore } from "../../src/store";
import type { RunOptions, RunResult, WorkspaceFiles } from "../../src/engine";

const KERNELS = ["7.3", "6.16", "6.13", "6.12", "6.1", "5.10"];

/** A store whose side engine answers each run with a result naming the kernel it ran on. */
function storeWithSide(): { store: PlaygroundStore; runs: string[] } {
  const runs: string[] = [];
  const store = createPlaygroundStore(defaultSnapshot());
  const fake = {
    run: async (_files: WorkspaceFiles, o: RunOptions) => {
      runs.push(o.kernel ?? "");
      return { kernel: { version: o.kernel, release: `${o.kernel}.0` } } as unknown as RunResult;
    },
    namespacesOf: async () => [],
    surfaceOf: async () => null,
  };
  store.setState({ side: fake, engine: "ready", kernels: KERNELS });
  return { store, runs };
}

const now = { setTimeout: ((fn: () => void) => (fn(), 0)) as unknown as typeof setTimeout, clearTimeout: (() => {}) as typeof clearTimeout };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the comparison", () => {
  it("compares the default releases and the newest, plus every release an expectation names", () => {
    const { store } = storeWithSide();
    expect(selectComparedKernels(store.getState())).toEqual(["5.10", "6.12", "6.13", "6.16", "7.3"]);
    store.getState().addExpectation({ kernel: "6.1", at: "build", ok: true });
    expect(selectComparedKernels(store.getState())).toContain("6.1");
  });

  it("runs each release once it is shown, and writes each result as it comes", async () => {
    const { store, runs } = storeWithSide();
    const stop = connectCompare(store, now);
    expect(runs).toEqual([]);
    store.getState().setTab("compare");
    await settle();
    expect(runs).toEqual(["5.10", "6.12", "6.13", "6.16", "7.3"]);
    expect(Object.keys(store.getState().compareRuns).sort()).toEqual(["5.10", "6.12", "6.13", "6.16", "7.3"]);
    stop();
  });

  it("keeps its results when the tab is left and runs again only when the files change", async () => {
    const { store, runs } = storeWithSide();
    const stop = connectCompare(store, now);
    store.getState().setTab("compare");
    await settle();
    store.getState().setTab("problems");
    store.getState().setTab("compare");
    await settle();
    expect(runs.length).toBe(5);
    store.getState().setFile("user.c", "/* edited */\n");
    await settle();
    expect(runs.length).toBe(10);
    stop();
  });

  it("leaves a release out when the user removes it", async () => {
    const { store, runs } = storeWithSide();
    const stop = connectCompare(store, now);
    store.getState().setCompared("6.13", false);
    store.getState().setTab("compare");
    await settle();
    expect(runs).toEqual(["5.10", "6.12", "6.16", "7.3"]);
    stop();
  });
});
