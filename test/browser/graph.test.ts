// The Graph tab on a large workspace (the 250-module link that once froze the page for
// minutes): the layout runs in a worker while the page keeps answering, and the pane shows a
// bounded part of the graph and says so.

import { describe, expect, it } from "vitest";
import { encodeLink, type Snapshot } from "../../src/store";
import { GRAPH_LIMITS } from "../../src/views/graphmodel";
import { manyModules } from "../support/many-modules";
import { openPlayground, pageErrors, shot, useSite, type TestWindow } from "./support";

const site = useSite();

describe("the Graph tab on a 250-module workspace", () => {
  it("lays out off the page's thread and shows a bounded part, saying how much", async () => {
    const snap: Snapshot = {
      files: Object.entries(manyModules(250)).map(([name, content]) => ({ name, content })),
      profile: false,
      relaxed: true,
      view: { file: "m0.c", tab: "problems" },
    };
    const page = await openPlayground(site.browser, site.url, { hash: `#${encodeLink(snap)}` });
    await page.waitForFunction(() => ((window as unknown as TestWindow).ksymns.store.getState().result?.model.modules.length ?? 0) === 250, undefined, {
      timeout: 60_000,
    });
    const worker = page.waitForEvent("worker", { predicate: (w) => w.url().includes("graphlayout"), timeout: 30_000 });

    // from the click on, the page runs other tasks while the layout is pending: it sees the pane busy
    const first = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          (document.querySelector("#tab-graph") as HTMLElement).click();
          const look = () => {
            const canvas = document.querySelector(".graph-canvas");
            if (canvas?.getAttribute("aria-busy") === "true") return resolve("busy, page answering");
            if (canvas?.querySelector("svg")) return resolve("drawn");
            setTimeout(look, 0);
          };
          look();
        }),
    );
    expect(first).toBe("busy, page answering");
    await worker;
    await page.locator(".gnode").first().waitFor({ timeout: 60_000 });
    expect(await page.getAttribute(".graph-canvas", "data-layout")).toBe("dagre");
    const nodes = await page.locator(".gnode").count();
    expect(nodes).toBeGreaterThan(0);
    expect(nodes).toBeLessThanOrEqual(GRAPH_LIMITS.nodes);
    expect(await page.textContent(".graph-note")).toMatch(
      /^This workspace is large: showing \d+ of 250 modules, those with problems first\. Type in the filter to choose others\.$/,
    );
    await shot(page, "graph-large-workspace");

    // the filter picks a module problems alone did not show
    await page.fill(".graph-filter", "m7_f3");
    await page.waitForFunction(() => document.querySelector(".graph-note")?.textContent?.includes("matching"), undefined, { timeout: 30_000 });
    expect(await page.textContent(".graph-note")).toContain("showing 1 of 250 modules matching “m7_f3”");
    await page.waitForFunction(() => document.querySelectorAll(".gnode.kind-module").length === 1);
    expect(await page.locator('.gnode[data-id="mod:m7"]').count()).toBe(1);
    // Monaco warns of "potential listener LEAK" past 175 models on one language (one per file
    // here, within the 256-file limit); a warning of the editor's, not an error of the graph's
    expect(pageErrors(page).filter((e) => !e.includes("potential listener LEAK"))).toEqual([]);
    await page.context().close();
  });
});
