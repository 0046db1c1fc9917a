// The base kernel's Module.symvers, opened read-only at one row: where a finding's "exported
// here" points when the export is the kernel's own (a profile row, not a workspace file).

import { h, replaceChildren } from "./dom";
import { selectBaseKernel, type PlaygroundStore } from "../store";

/** Rows shown above and below the one asked for. */
const AROUND = 12;

/** Opens the base kernel's export table at `line` in a dialog; resolves once it shows. The
 *  dialog goes into the element marked `data-dialog-host` around `near` (an embed drawn in a
 *  shadow root, whose styles stay there), else into the page's body. */
export async function openBaseTable(store: PlaygroundStore, line: number, near?: Element): Promise<HTMLDialogElement | null> {
  const s = store.getState();
  if (!s.queries) return null;
  const kernel = selectBaseKernel(s);
  const rows = h("tbody");
  const close = h("button", { type: "submit", class: "btn" }, "Close");
  const dialog = h(
    "dialog",
    { class: "dialog base-table", "aria-labelledby": "base-table-title" },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: "base-table-title" }, `Module.symvers of ${kernel}`),
      h(
        "p",
        { class: "muted" },
        `The base kernel's export table as Debian ships it, read-only: CRC, symbol, module, export macro and namespace, line ${line} marked.`,
      ),
      h("div", { class: "base-table-rows" }, h("table", { class: "symvers-rows" }, rows)),
      h("div", { class: "dialog-buttons" }, close),
    ),
  );
  const part = await s.queries.profileLines(Math.max(1, line - AROUND), 2 * AROUND + 1);
  replaceChildren(
    rows,
    ...part.lines.map((text, i) => {
      const n = part.from + i;
      const here = n === line;
      return h(
        "tr",
        { class: here ? "current" : undefined, "aria-current": here ? "true" : undefined, dataset: { line: String(n) } },
        h("th", { scope: "row" }, String(n)),
        ...text.split("\t").map((cell) => h("td", null, cell)),
      );
    }),
  );
  dialog.addEventListener("close", () => dialog.remove());
  (near?.closest("[data-dialog-host]") ?? document.body).append(dialog);
  dialog.showModal();
  rows.querySelector("tr.current")?.scrollIntoView({ block: "center" });
  close.focus();
  return dialog;
}
