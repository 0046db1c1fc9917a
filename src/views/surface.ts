// The export surface, as the namespace series argued from it: for each built-in kernel profile,
// its exported symbols in all, GPL-only, in a namespace, restricted to named modules, from
// vmlinux and from modules, as a small chart across the kernels, with the namespaces that grew
// most. Every figure is the engine's count of the profile (Engine.exportSurface); each opens the
// atlas filtered to it. The series' own figures stand beside them.

import { h, replaceChildren } from "./dom";
import type { PlaygroundStore } from "../store";
import type { ExportSurface } from "../engine";
import { BUILTIN_PROFILES } from "../../wasm/shared/debian";
import { releaseName } from "../../wasm/shared/releases";
import { SERIES_FIGURES, SERIES_LINK, SERIES_QUOTE } from "../../wasm/shared/series";

/** The kernels the chart compares: every built-in profile, oldest first. */
export const SURFACE_KERNELS = BUILTIN_PROFILES.map((p) => releaseName(p.release));

/** What a figure opens in the atlas: a kernel, and the filter that shows its part (all when ""). */
export type AtlasRequest = (kernel: string, filter: string) => void;

interface Row {
  key: keyof Omit<ExportSurface, "namespaces">;
  label: string;
  help: string;
  /** The atlas filter that shows this part of the surface ("" shows every namespace). */
  filter: string;
}

const ROWS: Row[] = [
  { key: "total", label: "Exported symbols", help: "every row of the kernel's Module.symvers", filter: "" },
  { key: "gpl", label: "GPL-only", help: "EXPORT_SYMBOL_GPL: usable only by GPL-compatible modules", filter: "" },
  { key: "namespaced", label: "In a namespace", help: "usable only by modules that import the namespace", filter: "" },
  { key: "moduleOnly", label: "For named modules only", help: "EXPORT_SYMBOL_FOR_MODULES: a module: namespace no other module may import", filter: "module:" },
  { key: "vmlinux", label: "From vmlinux", help: "exported by the kernel image itself", filter: "vmlinux" },
  { key: "modules", label: "From modules", help: "exported by loadable modules", filter: "" },
];

/** How many of the namespaces that grew most are listed. */
const GROWN = 8;

/** Mounts the view in `container`; figures call `openAtlas`. Returns the dispose function. */
export function mountSurface(container: HTMLElement, store: PlaygroundStore, openAtlas: AtlasRequest): () => void {
  const surfaces = new Map<string, ExportSurface | Error>();
  const root = h("div", { class: "surface", "aria-live": "polite" });
  container.append(root);
  let disposed = false;

  const fmt = (n: number) => n.toLocaleString("en");
  const figure = (kernel: string, value: number, max: number, filter: string, title: string) =>
    h(
      "button",
      {
        type: "button",
        class: "surface-figure",
        title: `${title} — open the atlas of Debian ${kernel}${filter ? ` filtered to “${filter}”` : ""}`,
        dataset: { kernel, filter },
        on: { click: () => openAtlas(kernel, filter) },
      },
      h("span", { class: "surface-bar", style: `width: ${max ? Math.max(2, Math.round((100 * value) / max)) : 0}%` }),
      h("span", { class: "surface-value" }, fmt(value)),
    );

  function render(): void {
    const ready = SURFACE_KERNELS.map((k) => surfaces.get(k)).filter((x): x is ExportSurface => !!x && !(x instanceof Error));
    const failed = SURFACE_KERNELS.filter((k) => surfaces.get(k) instanceof Error);
    const head = h("tr", null, h("th", { scope: "col" }, ""), ...SURFACE_KERNELS.map((k) => h("th", { scope: "col" }, `Debian ${k}`)));
    const cell = (k: string, row: Row) => {
      const s = surfaces.get(k);
      if (!s) return h("td", { class: "surface-pending" }, h("span", { class: "busy" }, "counting…"));
      if (s instanceof Error) return h("td", { class: "surface-error" }, s.message);
      const max = Math.max(...ready.map((x) => x[row.key]));
      return h("td", null, figure(k, s[row.key], max, row.filter, `${row.label} in Debian ${k}: ${fmt(s[row.key])}`));
    };
    const table = h(
      "table",
      { class: "surface-table" },
      h("caption", null, "Each figure is the engine's count of the kernel's own Module.symvers; click one to see it in the atlas."),
      h("thead", null, head),
      h(
        "tbody",
        null,
        ...ROWS.map((row) =>
          h(
            "tr",
            { dataset: { row: row.key } },
            h("th", { scope: "row", title: row.help }, row.label, h("span", { class: "surface-help" }, row.help)),
            ...SURFACE_KERNELS.map((k) => cell(k, row)),
          ),
        ),
      ),
    );

    // the namespaces that grew most from the oldest kernel to the newest
    let grown: HTMLElement | null = null;
    const first = surfaces.get(SURFACE_KERNELS[0]);
    const last = surfaces.get(SURFACE_KERNELS[SURFACE_KERNELS.length - 1]);
    if (first && last && !(first instanceof Error) && !(last instanceof Error)) {
      const names = Object.keys(last.namespaces)
        .map((ns) => ({ ns, growth: last.namespaces[ns] - (first.namespaces[ns] ?? 0) }))
        .sort((a, b) => b.growth - a.growth || a.ns.localeCompare(b.ns))
        .slice(0, GROWN);
      const max = Math.max(1, ...names.map((n) => last.namespaces[n.ns]));
      grown = h(
        "table",
        { class: "surface-table surface-grown" },
        h(
          "caption",
          null,
          `The namespaces that grew most from Debian ${SURFACE_KERNELS[0]} to Debian ${SURFACE_KERNELS[SURFACE_KERNELS.length - 1]} (exports in each)`,
        ),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, "Namespace"),
            ...SURFACE_KERNELS.map((k) => h("th", { scope: "col" }, `Debian ${k}`)),
            h("th", { scope: "col" }, "Growth"),
          ),
        ),
        h(
          "tbody",
          null,
          ...names.map(({ ns, growth }) =>
            h(
              "tr",
              { dataset: { ns } },
              h("th", { scope: "row" }, h("code", null, ns)),
              ...SURFACE_KERNELS.map((k) => {
                const s = surfaces.get(k);
                const n = s && !(s instanceof Error) ? (s.namespaces[ns] ?? 0) : 0;
                return h("td", null, n ? figure(k, n, max, ns, `${ns} in Debian ${k}: ${fmt(n)} exports`) : h("span", { class: "muted" }, "—"));
              }),
              h("td", { class: "surface-growth" }, `+${fmt(growth)}`),
            ),
          ),
        ),
      );
    }

    const series = h(
      "aside",
      { class: "surface-series" },
      h("p", null, "The namespace series opened with the same argument: ", h("q", null, SERIES_QUOTE)),
      h(
        "ul",
        null,
        ...SERIES_FIGURES.map((f) => h("li", null, h("strong", null, fmt(f.exports)), ` exported symbols in ${f.release} (cover letter ${f.letter})`)),
      ),
      h(
        "p",
        { class: "muted" },
        "The series counted a whole kernel tree; the figures above are Debian's amd64 builds, which leave some drivers out and build others into vmlinux.",
      ),
      h("a", { class: "cite-link", href: SERIES_LINK, target: "_blank", rel: "noopener noreferrer" }, SERIES_LINK),
    );
    replaceChildren(root, table, failed.length ? h("p", { class: "muted" }, `Could not count ${failed.join(", ")}.`) : null, grown, series);
  }

  function load(): void {
    const side = store.getState().side;
    if (!side) return replaceChildren(root, h("p", { class: "muted" }, "The engine that reads other kernels is not available."));
    for (const k of SURFACE_KERNELS) {
      if (surfaces.has(k)) continue;
      side.surfaceOf(k).then(
        (s) => {
          surfaces.set(k, s ?? new Error(`no export table for ${k}`));
          if (!disposed) render();
        },
        (e: unknown) => {
          surfaces.set(k, e instanceof Error ? e : new Error(String(e)));
          if (!disposed) render();
        },
      );
    }
    render();
  }
  load();
  return () => {
    disposed = true;
    root.remove();
  };
}
