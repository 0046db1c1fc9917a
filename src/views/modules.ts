// The loaded modules when the session ends (/proc/modules: refcount, users, state, taint
// letters) and the kernel's taint mask (/proc/sys/kernel/tainted).

import type { Pane } from "./pane";
import { h, onNextFrame, replaceChildren } from "./dom";
import { selectLoadedModules, type PlaygroundStore } from "../store";

/** The set bits of a taint mask, as /proc/sys/kernel/tainted's bit numbers. */
export function taintBits(mask: number): number[] {
  const bits: number[] = [];
  for (let b = 0; b < 32; b++) if (mask & (1 << b)) bits.push(b);
  return bits;
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const root = h("div", { class: "modules-pane" });
  container.append(root);

  function render(): void {
    const s = store.getState();
    const r = s.result;
    if (!r) return replaceChildren(root);
    const mods = selectLoadedModules(s);
    const taint = r.taintFinal;
    const letters = r.taintFlags.join("");
    replaceChildren(
      root,
      h(
        "div",
        { class: `taint ${taint ? "tainted" : "clean"}` },
        h("span", { class: "taint-label" }, "/proc/sys/kernel/tainted"),
        h("code", { class: "taint-value" }, String(taint)),
        taint
          ? h("span", { class: "muted" }, `bits ${taintBits(taint).join(", ")}${letters ? ` · flags ${letters}` : ""}`)
          : h("span", { class: "muted" }, "the kernel is not tainted"),
      ),
      mods.length === 0
        ? h("p", { class: "muted" }, "No module is loaded when the session ends.")
        : h(
            "table",
            { class: "modules" },
            h("caption", null, "/proc/modules at the end of the session"),
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                h("th", { scope: "col" }, "Module"),
                h("th", { scope: "col" }, "Refcount"),
                h("th", { scope: "col" }, "Used by"),
                h("th", { scope: "col" }, "State"),
                h("th", { scope: "col" }, "Taints"),
              ),
            ),
            h(
              "tbody",
              null,
              ...mods.map((m) =>
                h(
                  "tr",
                  null,
                  h("th", { scope: "row" }, h("code", null, m.name)),
                  h("td", null, String(m.refcount)),
                  h("td", null, m.users.length ? m.users.join(", ") : "—"),
                  h("td", null, m.state),
                  h("td", null, m.taints ? h("span", { class: "letters" }, m.taints) : "—"),
                ),
              ),
            ),
          ),
    );
  }
  render();
  const unsub = store.subscribe((s) => s.result, onNextFrame(render));
  return () => {
    unsub();
    root.remove();
  };
}

export const modulesPane: Pane = {
  id: "modules",
  title: "Modules",
  mount,
  badge: (s) => (s.result?.loaded.length ? { count: s.result.loaded.length, tone: "" } : null),
};
