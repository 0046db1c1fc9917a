// The verdict strip: the build's outcome, the load session's, and the kernel's taint, each
// a button that opens the pane with the details.

import type { Pane } from "./pane";
import { h, icon, onNextFrame, replaceChildren } from "./dom";
import { selectCounts, selectLoadedModules, type PlaygroundStore } from "../store";

function chip(kind: "ok" | "error" | "warning" | "info", label: string, value: string, detail: string, tab: string, store: PlaygroundStore): HTMLElement {
  return h(
    "button",
    { type: "button", class: `stat stat-${kind}`, dataset: { tab }, title: `${label}: ${value}, ${detail}`, on: { click: () => store.getState().setTab(tab) } },
    h("span", { class: "stat-label" }, icon(kind === "ok" ? "ok" : kind), label),
    h("span", { class: "stat-value" }, value),
    h("span", { class: "stat-detail" }, detail),
  );
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const root = h("div", { class: "summary-pane", role: "status", "aria-live": "polite" });
  container.append(root);

  function render(): void {
    const s = store.getState();
    if (s.engine === "failed") {
      replaceChildren(root, h("p", { class: "summary-message stat-error" }, icon("error"), `The engine could not start: ${s.engineError}`));
      return;
    }
    const r = s.result;
    if (!r) {
      replaceChildren(root, h("p", { class: "summary-message busy" }, "Starting the engine…"));
      return;
    }
    const built = r.build.modules.filter((m) => !m.builtin);
    const produced = built.filter((m) => m.produced).length;
    const c = selectCounts(s);
    const buildErrors = r.findings.filter((f) => f.severity === "error" && f.stage !== "load").length;
    const kos = `${produced} of ${built.length} .ko built`;
    const build =
      produced < built.length
        ? chip("error", "Build", "make failed", kos, "build", store)
        : buildErrors > 0
          ? chip("warning", "Build", "built anyway", `${kos} despite errors`, "build", store)
          : chip("ok", "Build", "clean", kos, "build", store);
    const failed = r.commands.filter((x) => x.exit !== 0).length;
    const commands = `${r.commands.length} command${r.commands.length === 1 ? "" : "s"}`;
    const load =
      r.commands.length === 0
        ? chip("info", "Load", "nothing run", "the load file is empty", "kernel", store)
        : failed
          ? chip("error", "Load", `${failed} failed`, `of ${commands}`, "kernel", store)
          : chip("ok", "Load", "all succeeded", commands, "kernel", store);
    const taint = r.taintFinal;
    const loaded = selectLoadedModules(s);
    const mods = chip(
      taint ? "warning" : "ok",
      "Kernel",
      taint ? "tainted" : "not tainted",
      `${taint ? `taint ${taint} · ` : ""}${loaded.length} module${loaded.length === 1 ? "" : "s"} loaded`,
      "modules",
      store,
    );
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
    const problems = chip(
      c.error ? "error" : c.warning ? "warning" : "ok",
      "Problems",
      plural(c.error, "error"),
      `${plural(c.warning, "warning")} · ${plural(c.info, "note")}`,
      "problems",
      store,
    );
    replaceChildren(root, problems, build, load, mods);
    root.classList.toggle("running", s.running);
  }
  render();
  const unsub = store.subscribe((s) => [s.result, s.engine] as const, onNextFrame(render), { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
  return () => {
    unsub();
    root.remove();
  };
}

export const summaryPane: Pane = { id: "summary", title: "Verdict", mount };
