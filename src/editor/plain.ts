// The plain editor for narrow screens (Monaco is poor on phones): a textarea for the open
// file, line numbers beside it marking the lines the engine's findings are on, and those
// findings listed under it.

import type { PlaygroundStore } from "../store";
import { selectActiveFile, selectFindings } from "../store";
import { h, replaceChildren } from "../views/dom";

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Offset of 1-based line/col in `text`. */
function offsetOf(text: string, line: number, col: number): number {
  let off = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf("\n", off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(text.length, off + col - 1);
}

/** Mounts the textarea editor; returns its dispose function. */
export function mountPlainEditor(container: HTMLElement, store: PlaygroundStore): () => void {
  const area = h("textarea", {
    class: "plain-editor",
    spellcheck: false,
    autocapitalize: "off",
    autocomplete: "off",
    wrap: "off",
    "aria-label": "Workspace file editor (plain)",
  });
  // one number a line (lines do not wrap, so they stay beside their text), scrolled with the text
  const gutter = h("div", { class: "plain-gutter", "aria-hidden": "true" });
  const problems = h("ul", { class: "plain-problems", "aria-label": "Problems in this file" });
  container.append(h("div", { class: "plain-body" }, gutter, area), problems);
  area.addEventListener("scroll", () => (gutter.scrollTop = area.scrollTop));
  area.addEventListener("input", () => {
    const name = store.getState().activeFile;
    if (name) store.getState().setFile(name, area.value);
  });

  function show(): void {
    const f = selectActiveFile(store.getState());
    const text = typeof f?.content === "string" ? f.content : "";
    area.readOnly = !f || typeof f.content !== "string";
    if (area.value !== text) area.value = text;
    const name = f?.name;
    const mine = selectFindings(store.getState()).filter((x) => x.file === name);
    const worst = new Map<number, { severity: string; text: string[] }>();
    for (const x of mine) {
      for (let l = x.line; l <= Math.max(x.line, x.endLine); l++) {
        const at = worst.get(l) ?? { severity: x.severity, text: [] };
        if (RANK[x.severity] < RANK[at.severity]) at.severity = x.severity;
        at.text.push(x.text);
        worst.set(l, at);
      }
    }
    const lines = text.split("\n").length;
    replaceChildren(
      gutter,
      ...Array.from({ length: lines }, (_, i) => {
        const mark = worst.get(i + 1);
        return h("div", { class: mark ? `gline sev-${mark.severity}` : "gline", title: mark?.text.join("\n") }, String(i + 1));
      }),
    );
    gutter.scrollTop = area.scrollTop;
    replaceChildren(
      problems,
      ...mine.map((x) =>
        h(
          "li",
          { class: `sev-${x.severity}` },
          h("button", { type: "button", on: { click: () => store.getState().revealRange(x) } }, h("span", { class: "loc" }, `${x.line}:${x.col}`), " ", x.text),
        ),
      ),
    );
  }

  const unsubs = [
    store.subscribe((s) => [s.activeFile, s.files, s.result] as const, show, { equalityFn: (a, b) => a.every((x, i) => x === b[i]) }),
    store.subscribe(
      (s) => s.reveal,
      (r) => {
        if (!r || r.file !== store.getState().activeFile) return;
        show();
        area.focus();
        area.setSelectionRange(offsetOf(area.value, r.line, r.col), offsetOf(area.value, r.endLine, r.endCol));
      },
    ),
  ];
  show();
  return () => {
    unsubs.forEach((u) => u());
    container.replaceChildren();
  };
}
