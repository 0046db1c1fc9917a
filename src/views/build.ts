// The build log: what make and modpost printed, line by line (each opens what it is about),
// and which .ko files were produced.

import type { Pane } from "./pane";
import { h, icon, onNextFrame, replaceChildren } from "./dom";
import type { PlaygroundStore } from "../store";

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const root = h("div", { class: "log build-log", role: "log", "aria-label": "Build log" });
  container.append(root);

  function render(): void {
    const r = store.getState().result;
    if (!r) return replaceChildren(root);
    const lineFinding = (text: string) => r.findings.find((f) => f.stage !== "load" && f.text === text);
    replaceChildren(
      root,
      h(
        "p",
        { class: "log-head" },
        `make M=$PWD modules — Linux ${r.kernel.release}${r.kernel.relaxed ? " — built anyway (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1)" : ""}`,
      ),
      r.build.log.length === 0 ? h("p", { class: "muted" }, "modpost printed nothing.") : null,
      ...r.build.log.map((line) => {
        const f = lineFinding(line);
        const sev = /^(ERROR|FATAL|error|Error)/.test(line) ? "error" : /^WARNING/.test(line) ? "warning" : "info";
        return h(
          "button",
          { type: "button", class: `bline sev-${sev}`, disabled: !(f && f.file), on: { click: () => f && store.getState().revealRange(f) } },
          line,
        );
      }),
      h(
        "ul",
        { class: "products", "aria-label": "Modules built" },
        ...r.build.modules.map((m) =>
          h(
            "li",
            { class: m.produced ? "ok" : "bad" },
            icon(m.produced ? "ok" : "error"),
            h("code", null, m.builtin ? `${m.name} (built-in)` : m.ko),
            m.produced ? " built" : " not built",
            m.missingNamespaces.length ? h("span", { class: "muted" }, ` — needs ${m.missingNamespaces.join(", ")} (make nsdeps would import)`) : null,
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

export const buildPane: Pane = { id: "build", title: "Build log", mount };
