// The plain editor for narrow screens (Monaco is poor on phones): a textarea for the open
// file, with the engine's findings for that file listed under it.

import type { PlaygroundStore } from "../store";
import { selectActiveFile, selectFindings } from "../store";
import { h, replaceChildren } from "../views/dom";

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
  const area = h("textarea", { class: "plain-editor", spellcheck: false, autocapitalize: "off", autocomplete: "off", "aria-label": "Workspace file editor (plain)" });
  const problems = h("ul", { class: "plain-problems", "aria-label": "Problems in this file" });
  container.append(area, problems);
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
    replaceChildren(
      problems,
      ...selectFindings(store.getState())
        .filter((x) => x.file === name)
        .map((x) =>
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
    area.remove();
    problems.remove();
  };
}
