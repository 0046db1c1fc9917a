// The namespace graph: the workspace's modules, namespaces and symbols (or, as the namespace
// atlas, every namespace of a real Debian kernel with its exporting modules), laid out by
// dagre in a worker under a time budget (./graphlayout) and drawn as SVG through DOM calls. A
// large workspace shows a part of itself, those with problems first. Edge colours are the
// engine's verdicts; a click on a node opens the file at the line that writes it. Beside the
// atlas, the export surface of every built-in kernel (./surface) opens the atlas at a figure.

import { BUILTIN_PROFILES } from "../../wasm/shared/debian";
import { DEFAULT_RELEASE, releaseName } from "../../wasm/shared/releases";
import type { Pane } from "./pane";
import { counted, h, onNextFrame, replaceChildren } from "./dom";
import type { PlaygroundState, PlaygroundStore } from "../store";
import type { KernelExport, KernelNamespace } from "../engine";
import { ATLAS_OVERVIEW, atlasGraph, boundGraph, workspaceGraph, type Graph, type GraphNode } from "./graphmodel";
import { mountSurface } from "./surface";
import { LAYOUT_BUDGET_MS, columnLayout, createLayouter, type Layout, type LayoutInput, type LayoutWorker } from "./graphlayout";

const SVG = "http://www.w3.org/2000/svg";
/** The atlas draws every built-in profile; it opens on the default release's. */
const ATLAS_KERNELS = BUILTIN_PROFILES.map((p) => releaseName(p.release));
const ATLAS_DEFAULT = ATLAS_KERNELS.includes(releaseName(DEFAULT_RELEASE)) ? releaseName(DEFAULT_RELEASE) : ATLAS_KERNELS[0];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

const EDGE_LABEL: Record<string, string> = { export: "exports", import: "imports", use: "uses" };
const KIND_LABEL: Record<GraphNode["kind"], string> = { module: "module", namespace: "namespace", symbol: "symbol", kernel: "kernel module" };

const COLUMN: Record<GraphNode["kind"], number> = { kernel: 0, module: 1, symbol: 2, namespace: 3 };

/** What the layout needs of `g`: a box per node (sized to its label) and the edges. */
export function layoutInputOf(g: Graph): LayoutInput {
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      width: Math.max(n.label.length, (n.sub?.length ?? 0) * 0.85) * 7.4 + 28,
      height: n.sub ? 40 : 28,
      column: COLUMN[n.kind],
    })),
    edges: g.edges.map((e) => ({ from: e.from, to: e.to })),
  };
}

/** Draws `g` as laid out by `layout` into a fresh <svg>; `onPick` gets the clicked node. */
export function drawGraph(g: Graph, layout: Layout, onPick: (n: GraphNode) => void): SVGSVGElement {
  const { width, height } = layout;
  const root = svg("svg", {
    class: "graph-svg",
    viewBox: `0 0 ${Math.max(width, 1)} ${Math.max(height, 1)}`,
    role: "img",
    "aria-label": `Graph of ${g.nodes.length} nodes and ${g.edges.length} edges`,
  });
  const defs = svg("defs");
  for (const v of ["allowed", "refused", "warning", "member"])
    defs.append(
      svg(
        "marker",
        { id: `arrow-${v}`, viewBox: "0 0 8 8", refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
        svg("path", { d: "M0 0 8 4 0 8z", class: `arrow-${v}` }),
      ),
    );
  const edgeLayer = svg("g", { class: "edges" });
  g.edges.forEach((e, i) => {
    const pts = layout.edges[i] ?? [];
    if (!pts.length) return;
    let d = `M${pts[0].x},${pts[0].y}`;
    for (let k = 1; k < pts.length; k++) d += ` L${pts[k].x},${pts[k].y}`;
    const cls = e.kind === "member" ? "member" : e.verdict;
    const path = svg("path", {
      d,
      class: `gedge kind-${e.kind} v-${cls}`,
      "marker-end": `url(#arrow-${cls})`,
      "data-from": e.from,
      "data-to": e.to,
      "data-verdict": e.verdict,
    });
    path.append(svg("title", {}, `${e.kind}${e.kind === "member" ? "" : ` · ${e.verdict}`}${e.why.length ? `\n${e.why.join("\n")}` : ""}`));
    edgeLayer.append(path);
    if (e.kind !== "member" && g.nodes.length <= 60) {
      const mid = pts[Math.floor(pts.length / 2)];
      edgeLayer.append(svg("text", { x: mid.x, y: mid.y - 5, class: `elabel v-${cls}` }, EDGE_LABEL[e.kind]));
    }
  });
  const nodeLayer = svg("g", { class: "nodes" });
  for (const n of g.nodes) {
    const p = layout.nodes[n.id];
    if (!p) continue;
    const w = p.width;
    const hgt = p.height;
    const node = svg("g", {
      class: `gnode kind-${n.kind}${n.range ? " linked" : ""}`,
      transform: `translate(${p.x - w / 2},${p.y - hgt / 2})`,
      tabindex: n.range ? 0 : -1,
      role: n.range ? "button" : "img",
      "data-id": n.id,
      "aria-label": `${KIND_LABEL[n.kind]} ${n.label}${n.range ? `, ${n.range.file} line ${n.range.line}` : ""}`,
    });
    node.append(svg("rect", { width: w, height: hgt, rx: n.kind === "namespace" ? hgt / 2 : 6 }));
    node.append(svg("text", { x: w / 2, y: n.sub ? 17 : 18, class: "glabel" }, n.label));
    if (n.sub) node.append(svg("text", { x: w / 2, y: 32, class: "gsub" }, n.sub));
    node.append(svg("title", {}, `${KIND_LABEL[n.kind]} ${n.label}${n.range ? `\n${n.range.file}:${n.range.line} — click to open` : ""}`));
    node.addEventListener("click", () => onPick(n));
    node.addEventListener("keydown", (ev) => (ev.key === "Enter" || ev.key === " ") && (ev.preventDefault(), onPick(n)));
    nodeLayer.append(node);
  }
  root.append(defs, edgeLayer, nodeLayer);
  return root;
}

/** Wheel to zoom, drag to pan, by moving the viewBox; a small graph is never blown up past 1.6×,
 *  and a large one opens readable at its top. Returns "fit", which shows the whole graph. */
function panZoom(el: SVGSVGElement, box: { width: number; height: number }): () => void {
  const base = el.viewBox.baseVal;
  const full = { x: base.x, y: base.y, w: base.width, h: base.height };
  const minW = box.width / 1.6;
  const minH = box.height / 1.6;
  if (box.width > 0 && full.w < minW && full.h < minH) {
    full.x -= (minW - full.w) / 2;
    full.y -= (minH - full.h) / 2;
    full.w = minW;
    full.h = minH;
    el.setAttribute("viewBox", `${full.x} ${full.y} ${full.w} ${full.h}`);
  }
  // a graph that would show at less than half size opens on its top at a readable scale (Fit shows it all)
  const scale = Math.min(box.width / full.w, box.height / full.h);
  if (box.width > 0 && scale < 0.5) {
    const w = box.width / 0.8;
    const hh = box.height / 0.8;
    el.setAttribute("viewBox", `${full.w < w ? full.x - (w - full.w) / 2 : full.x} ${full.y} ${w} ${hh}`);
  }
  el.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const k = Math.exp(e.deltaY * 0.0015);
      const vb = el.viewBox.baseVal;
      const fx = (e.clientX - r.left) / r.width;
      const fy = (e.clientY - r.top) / r.height;
      const w = Math.min(full.w * 4, Math.max(40, vb.width * k));
      const hh = (w / vb.width) * vb.height;
      el.setAttribute("viewBox", `${vb.x + (vb.width - w) * fx} ${vb.y + (vb.height - hh) * fy} ${w} ${hh}`);
    },
    { passive: false },
  );
  el.addEventListener("pointerdown", (e) => {
    if ((e.target as Element).closest(".gnode")) return;
    const start = { x: e.clientX, y: e.clientY, vx: el.viewBox.baseVal.x, vy: el.viewBox.baseVal.y };
    el.setPointerCapture(e.pointerId);
    el.classList.add("panning");
    const move = (ev: PointerEvent) => {
      const vb = el.viewBox.baseVal;
      const r = el.getBoundingClientRect();
      const s = Math.max(vb.width / r.width, vb.height / r.height);
      el.setAttribute("viewBox", `${start.vx - (ev.clientX - start.x) * s} ${start.vy - (ev.clientY - start.y) * s} ${vb.width} ${vb.height}`);
    };
    const up = () => (el.removeEventListener("pointermove", move), el.removeEventListener("pointerup", up), el.classList.remove("panning"));
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
  });
  return () => el.setAttribute("viewBox", `${full.x} ${full.y} ${full.w} ${full.h}`);
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  let mode: "workspace" | "atlas" | "surface" = "workspace";
  let atlasKernel = ATLAS_DEFAULT;
  const atlas = new Map<string, KernelNamespace[] | Error>();
  const loading = new Set<string>();
  const owners = new Map<string, { owner: string; ns: string }>();
  let fit: () => void = () => undefined;

  const MODE_LABEL = { workspace: "This workspace", atlas: "Namespace atlas", surface: "Export surface" } as const;
  const modeButtons = (["workspace", "atlas", "surface"] as const).map((m) =>
    h(
      "button",
      { type: "button", class: "seg", dataset: { mode: m }, "aria-pressed": String(m === mode), on: { click: () => ((mode = m), render()) } },
      MODE_LABEL[m],
    ),
  );
  const kernelSel = h(
    "select",
    { class: "atlas-kernel", "aria-label": "Kernel profile", on: { change: () => ((atlasKernel = kernelSel.value), render()) } },
    ...ATLAS_KERNELS.map((k) => h("option", { value: k }, `Debian ${k}`)),
  );
  const filter = h("input", { type: "search", class: "graph-filter", placeholder: "Filter modules, symbols or namespaces", "aria-label": "Filter the graph" });
  let filterTimer = 0;
  filter.addEventListener("input", () => (clearTimeout(filterTimer), (filterTimer = window.setTimeout(render, 200))));
  const fitButton = h("button", { type: "button", class: "link-button", title: "Show the whole graph", on: { click: () => fit() } }, "Fit");
  const info = h("p", { class: "graph-info", role: "status" });
  /** What is drawn, when it is not everything (a large workspace, a layout past its budget). */
  let showAll = false;
  const showAllButton = h("button", { type: "button", class: "link-button show-all", on: { click: () => ((showAll = true), render()) } }, "Show all");
  const note = h("p", { class: "graph-note", role: "status", hidden: true });
  const canvas = h("div", { class: "graph-canvas" });
  // the export surface across the built-in kernels (./surface), mounted when first shown
  const surfaceBox = h("div", { class: "surface-box", hidden: true });
  let disposeSurface: (() => void) | null = null;
  const openAtlas = (kernel: string, text: string) => {
    mode = "atlas";
    atlasKernel = kernelSel.value = kernel;
    filter.value = text;
    showAll = text === "";
    render();
  };
  const legend = h(
    "div",
    { class: "graph-legend" },
    h("span", { class: "lg v-allowed" }, "allowed"),
    h("span", { class: "lg v-warning" }, "warning"),
    h("span", { class: "lg v-refused" }, "refused"),
    h("span", { class: "lg-node kind-module" }, "module"),
    h("span", { class: "lg-node kind-symbol" }, "symbol"),
    h("span", { class: "lg-node kind-namespace" }, "namespace"),
  );
  const atlasTools = h("span", { class: "atlas-tools" }, kernelSel);
  const root = h(
    "div",
    { class: "graph-pane" },
    h("div", { class: "graph-bar" }, h("span", { class: "segs", role: "group", "aria-label": "What to draw" }, ...modeButtons), atlasTools, filter, fitButton),
    legend,
    note,
    canvas,
    surfaceBox,
    info,
  );
  container.append(root);

  const pick = (n: GraphNode) => {
    if (n.range) {
      store.getState().revealRange(n.range);
      info.textContent = `${n.label}: ${n.range.file}:${n.range.line}`;
      return;
    }
    if (n.kind === "namespace" || n.kind === "kernel") {
      const ns = n.kind === "namespace" ? n.label : null;
      info.textContent = ns ? `${ns}: loading its exports…` : `${n.label} exports into the namespaces it points to (a module of the Debian kernel).`;
      if (ns)
        void store
          .getState()
          .queries?.namespaceExports(ns, 12)
          .then(
            (xs: KernelExport[]) => (info.textContent = `${ns}: ${xs.map((x) => x.symbol).join(", ")}${xs.length === 12 ? ", …" : ""}`),
            () => undefined,
          );
    }
  };

  // dagre runs in a worker of its own: no graph can hold the page's thread
  const layouter = createLayouter(() => new Worker(new URL("./graphlayout.worker.ts", import.meta.url), { type: "module" }) as unknown as LayoutWorker);
  let shown = 0;
  /** Says what is drawn when it is not everything; the atlas's overview offers to show all. */
  const tell = (text: string, offerAll = false) => {
    replaceChildren(note, text, offerAll ? " " : null, offerAll ? showAllButton : null);
    note.hidden = !text;
  };

  /** Lays `g` out off the page's thread and draws it, unless a later call came first. */
  function show(g: Graph, empty: string, what = "", offerAll = false): void {
    const mine = ++shown;
    if (!g.nodes.length) {
      tell(what, offerAll);
      replaceChildren(canvas, h("p", { class: "muted graph-empty" }, empty));
      canvas.removeAttribute("aria-busy");
      fit = () => undefined;
      return;
    }
    const input = layoutInputOf(g);
    canvas.setAttribute("aria-busy", "true");
    if (!canvas.querySelector("svg")) replaceChildren(canvas, h("p", { class: "muted graph-empty" }, `Arranging ${g.nodes.length} nodes…`));
    void layouter.layout(input).then((outcome) => {
      if (mine !== shown || outcome.kind === "superseded") return;
      const slow = outcome.kind === "over-budget";
      tell(
        [what, slow ? `Arranging this graph took more than ${LAYOUT_BUDGET_MS / 1000} s, so it is shown in columns.` : ""].filter(Boolean).join(" "),
        offerAll,
      );
      const el = drawGraph(g, slow ? columnLayout(input) : outcome.layout, pick);
      canvas.dataset.layout = slow ? "columns" : "dagre";
      canvas.removeAttribute("aria-busy");
      replaceChildren(canvas, el);
      fit = panZoom(el, { width: canvas.clientWidth, height: canvas.clientHeight });
    });
  }

  let lookupFor: unknown = null;
  function lookupOwners(s: PlaygroundState): void {
    const r = s.result;
    if (!r || !s.queries || lookupFor === r) return;
    lookupFor = r;
    const wanted = [...new Set(r.model.modules.flatMap((m) => m.uses.map((u) => u.symbol)))].filter((x) => !owners.has(x));
    if (!wanted.length) return;
    void Promise.all(
      wanted.map((sym) =>
        s.queries!.symbolInfo(sym).then(
          (x) => x && owners.set(sym, { owner: x.owner, ns: x.ns }),
          () => undefined,
        ),
      ),
    ).then(() => mode === "workspace" && store.getState().result === r && render());
  }

  function render(): void {
    const s = store.getState();
    for (const b of modeButtons) b.setAttribute("aria-pressed", String(b.dataset.mode === mode));
    atlasTools.hidden = mode !== "atlas";
    const surface = mode === "surface";
    surfaceBox.hidden = !surface;
    for (const el of [legend, canvas, info, filter, fitButton]) el.hidden = surface;
    if (surface) {
      note.hidden = true;
      disposeSurface ??= mountSurface(surfaceBox, store, openAtlas);
      return;
    }
    if (mode === "workspace") {
      if (!s.result) return show({ nodes: [], edges: [] }, "Waiting for the first run…");
      lookupOwners(s);
      const g = boundGraph(workspaceGraph(s.result, owners), undefined, filter.value);
      info.textContent ||= "Click a module, symbol or namespace to open the line that writes it. Wheel to zoom, drag to move.";
      const { shown: some, total } = g.modules;
      const part =
        some < total
          ? `This workspace is large: showing ${some} of ${total} modules${filter.value ? ` matching “${filter.value}”` : ", those with problems first"}. ${filter.value ? "Change" : "Type in"} the filter to choose others.`
          : "";
      return show(g, filter.value ? `No module, symbol or namespace matches “${filter.value}”.` : "The workspace has no modules yet.", part);
    }
    const data = atlas.get(atlasKernel);
    if (!data) {
      show({ nodes: [], edges: [] }, `Loading every namespace of Debian ${atlasKernel}…`);
      const side = s.side;
      const k = atlasKernel;
      if (!side || loading.has(k)) return;
      loading.add(k);
      side.namespacesOf(k).then(
        (ns) => (atlas.set(k, ns), render()),
        (e: unknown) => (atlas.set(k, e instanceof Error ? e : new Error(String(e))), render()),
      );
      return;
    }
    if (data instanceof Error) return show({ nodes: [], edges: [] }, `The profile could not be read: ${data.message}`);
    const g = atlasGraph(data, s.result, filter.value, showAll ? 0 : ATLAS_OVERVIEW);
    const nsCount = g.nodes.filter((n) => n.kind === "namespace").length;
    const modules = g.nodes.filter((n) => n.kind !== "namespace" && !n.id.startsWith("kimp:")).length;
    info.textContent = `Debian ${atlasKernel}: ${nsCount} of ${counted(data.length, "namespace")}, ${counted(modules, "module")} drawn${filter.value ? ` matching “${filter.value}”` : ""}. Exporters point at a namespace; it points at its importers.`;
    // without a filter the atlas opens on the namespaces most imported (and the workspace's own)
    const overview = !filter.value && !showAll && nsCount < data.length;
    show(
      g,
      `No namespace or module matches “${filter.value}”.`,
      overview
        ? `Showing the ${nsCount} namespaces most imported by Debian ${atlasKernel}'s modules (and those this workspace imports), of ${data.length}. Type in the filter to find others, or`
        : "",
      overview,
    );
  }
  render();
  // at the next frame: the tab's panel is shown by then, and the canvas has its size
  const renderSoon = onNextFrame(() => store.getState().tab === "graph" && render());
  const unsub = store.subscribe((s) => [s.result, s.tab] as const, renderSoon, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
  return () => {
    disposeSurface?.();
    unsub();
    clearTimeout(filterTimer);
    layouter.dispose();
    root.remove();
  };
}

export const graphPane: Pane = { id: "graph", title: "Graph", mount };
