// The namespace graph's nodes and edges: modules, namespaces and symbols of a run's model,
// and export, import and use edges whose verdict comes from the engine's findings on the
// same line (never recomputed here). The atlas is the same shape for a whole kernel profile.

import type { Finding, KernelNamespace, Range, RunResult } from "../engine";

export type Verdict = "allowed" | "refused" | "warning";

export interface GraphNode {
  id: string;
  kind: "module" | "namespace" | "symbol" | "kernel";
  label: string;
  /** A second line (owner, export count). */
  sub?: string;
  /** Where the node is written in the workspace. */
  range?: Range;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: "export" | "import" | "use" | "member";
  verdict: Verdict;
  /** The findings that gave the verdict. */
  why: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function rangeOf(r: Partial<Range>): Range | undefined {
  return r.file && r.line ? { file: r.file, line: r.line, col: r.col ?? 1, endLine: r.endLine ?? r.line, endCol: r.endCol ?? r.col ?? 1 } : undefined;
}

/** The verdict of the findings that `match`: any error refuses, any warning warns. */
function verdictOf(findings: readonly Finding[], match: (f: Finding) => boolean): { verdict: Verdict; why: string[] } {
  const hit = findings.filter((f) => f.severity !== "info" && match(f));
  return { verdict: hit.some((f) => f.severity === "error") ? "refused" : hit.length ? "warning" : "allowed", why: hit.map((f) => f.text) };
}

/** The findings that are not info, by `file:line`, so that an edge's verdict costs a lookup, not a scan. */
function byLine(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const key = `${f.file}:${f.line}`;
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

const EMPTY: Finding[] = [];
const atLineOf = (index: Map<string, Finding[]>, r: Partial<Range>) => (r.file ? (index.get(`${r.file}:${r.line}`) ?? EMPTY) : EMPTY);
const atLine = (r: Partial<Range>) => (f: Finding) => !!r.file && f.file === r.file && f.line === r.line;
function mentions(module: string, symbol: string): (f: Finding) => boolean {
  const word = new RegExp(`\\b${symbol.replace(/\W/g, "\\$&")}\\b`);
  return (f) => (f.module === module || f.text.includes(module)) && word.test(f.text);
}

/** The workspace's graph. `owners` says where symbols the workspace does not export come from (profile lookups). */
export function workspaceGraph(result: RunResult, owners: Map<string, { owner: string; ns: string }> = new Map()): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const f = result.findings;
  const lines = byLine(f);
  const problems = f.filter((x) => x.severity !== "info");
  const add = (n: GraphNode) => {
    const old = nodes.get(n.id);
    if (!old) nodes.set(n.id, n);
    else if (!old.range && n.range) old.range = n.range;
    return n.id;
  };
  const nsNode = (ns: string, range?: Range) => add({ id: `ns:${ns}`, kind: "namespace", label: ns, range });
  for (const m of result.model.modules) {
    const mid = add({
      id: `mod:${m.name}`,
      kind: "module",
      label: m.name,
      sub: m.builtin ? "built-in" : m.file,
      range: { file: m.file, line: 1, col: 1, endLine: 1, endCol: 1 },
    });
    for (const e of m.exports) {
      const sid = add({ id: `sym:${e.symbol}`, kind: "symbol", label: e.symbol, sub: e.gpl ? "GPL" : undefined, range: rangeOf(e) });
      edges.push({ from: mid, to: sid, kind: "export", ...verdictOf(atLineOf(lines, e), () => true) });
      if (e.ns) edges.push({ from: sid, to: nsNode(e.ns, rangeOf(e)), kind: "member", verdict: "allowed", why: [] });
    }
    for (const i of m.imports) edges.push({ from: mid, to: nsNode(i.ns, rangeOf(i)), kind: "import", ...verdictOf(atLineOf(lines, i), () => true) });
  }
  const exported = new Set(result.model.modules.flatMap((m) => m.exports.map((e) => e.symbol)));
  for (const m of result.model.modules) {
    const seen = new Set<string>();
    for (const u of m.uses) {
      if (seen.has(u.symbol)) continue;
      seen.add(u.symbol);
      const o = owners.get(u.symbol);
      if (!exported.has(u.symbol) && !o) continue;
      const sid = add({ id: `sym:${u.symbol}`, kind: "symbol", label: u.symbol, sub: o ? o.owner : undefined, range: rangeOf(u) });
      if (o && !exported.has(u.symbol)) {
        if (o.ns) edges.push({ from: sid, to: nsNode(o.ns), kind: "member", verdict: "allowed", why: [] });
      }
      const at = atLine(u);
      const named = mentions(m.name, u.symbol);
      const v = verdictOf(problems, (x) => at(x) || named(x));
      edges.push({ from: `mod:${m.name}`, to: sid, kind: "use", ...v });
    }
  }
  const unique = new Map(edges.map((e) => [`${e.from}>${e.to}>${e.kind}`, e]));
  return { nodes: [...nodes.values()], edges: [...unique.values()] };
}

/** Above this many importing modules of the kernel, a namespace gets one node that counts them
 *  (PWM has 200 on Debian 6.12) unless the filter names one. */
const IMPORTERS_DRAWN = 6;

/** How many namespaces the atlas opens on, without a filter: the most imported ones. */
export const ATLAS_OVERVIEW = 12;

/** The namespaces an unfiltered atlas draws when `limit` is given: those the workspace imports,
 *  then the most imported by the kernel's own modules (more exports first among equals). */
export function overviewNamespaces(namespaces: KernelNamespace[], result: RunResult | null, limit: number): Set<string> {
  const own = new Set((result?.model.modules ?? []).flatMap((m) => m.imports.map((i) => i.ns)));
  const ranked = [...namespaces].sort((a, b) => (b.importers?.length ?? 0) - (a.importers?.length ?? 0) || b.exports - a.exports || a.ns.localeCompare(b.ns));
  const picked = new Set(namespaces.filter((n) => own.has(n.ns)).map((n) => n.ns));
  for (const n of ranked) {
    if (picked.size >= Math.max(limit, own.size)) break;
    picked.add(n.ns);
  }
  return picked;
}

/** A kernel profile's namespaces with the modules exporting into them, the kernel's own
 *  modules importing them and the workspace's modules importing them; `filter` keeps
 *  namespaces or modules whose name contains it; without one, `limit` keeps the overview
 *  (overviewNamespaces) rather than every namespace. */
export function atlasGraph(namespaces: KernelNamespace[], result: RunResult | null, filter = "", limit = 0): Graph {
  const q = filter.trim().toLowerCase();
  const overview = !q && limit > 0 && namespaces.length > limit ? overviewNamespaces(namespaces, result, limit) : null;
  const matches = (name: string) => name.toLowerCase().includes(q);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const importers = new Map<string, { module: string; file: string; range?: Range; v: ReturnType<typeof verdictOf> }[]>();
  for (const m of result?.model.modules ?? [])
    for (const i of m.imports) {
      const list = importers.get(i.ns) ?? [];
      list.push({ module: m.name, file: m.file, range: rangeOf(i), v: verdictOf(result!.findings, atLine(i)) });
      importers.set(i.ns, list);
    }
  for (const n of namespaces) {
    const imp = importers.get(n.ns) ?? [];
    const kernelImporters = n.importers ?? [];
    const hit = overview
      ? overview.has(n.ns)
      : !q || matches(n.ns) || n.owners.some(matches) || kernelImporters.some(matches) || imp.some((i) => matches(i.module));
    if (!hit) continue;
    const nid = `ns:${n.ns}`;
    nodes.set(nid, { id: nid, kind: "namespace", label: n.ns, sub: `${n.exports} export${n.exports === 1 ? "" : "s"}`, range: imp[0]?.range });
    for (const o of n.owners) {
      const oid = `kmod:${o}`;
      if (!nodes.has(oid)) nodes.set(oid, { id: oid, kind: "kernel", label: o });
      edges.push({ from: oid, to: nid, kind: "export", verdict: "allowed", why: [] });
    }
    const named = q ? kernelImporters.filter(matches) : [];
    const drawn = kernelImporters.length <= IMPORTERS_DRAWN ? kernelImporters : named;
    for (const k of drawn) {
      const kid = `kmod:${k}`;
      if (!nodes.has(kid)) nodes.set(kid, { id: kid, kind: "kernel", label: k });
      edges.push({ from: nid, to: kid, kind: "import", verdict: "allowed", why: [] });
    }
    const rest = kernelImporters.filter((k) => !drawn.includes(k));
    if (rest.length > 0) {
      const cid = `kimp:${n.ns}`;
      const shown = rest.slice(0, 3).join(", ") + (rest.length > 3 ? ", …" : "");
      nodes.set(cid, { id: cid, kind: "kernel", label: `${rest.length} ${drawn.length ? "more " : ""}importing modules`, sub: shown });
      edges.push({ from: nid, to: cid, kind: "import", verdict: "allowed", why: [] });
    }
    for (const i of imp) {
      const mid = `mod:${i.module}`;
      if (!nodes.has(mid))
        nodes.set(mid, { id: mid, kind: "module", label: i.module, sub: i.file, range: { file: i.file, line: 1, col: 1, endLine: 1, endCol: 1 } });
      edges.push({ from: nid, to: mid, kind: "import", verdict: i.v.verdict, why: i.v.why });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** How much of a workspace the pane lays out. dagre's time grows much faster than the graph
 *  (measured on one core: 150 nodes and 266 edges 1.3 s, 300 and 686 4 s, 450 and 1,106 20 s),
 *  so past these a workspace graph shows a part of itself. */
export const GRAPH_LIMITS = { nodes: 150, edges: 300 } as const;

/** A graph with how many of the workspace's modules it shows. */
export interface BoundedGraph extends Graph {
  modules: { shown: number; total: number };
}

/** The part of a workspace graph to draw: all of it when it fits `limits` and nothing is
 *  filtered; else the modules `filter` names (by their name, or a symbol or namespace they
 *  touch), those with refused or warned edges first, each with its edges and what they reach,
 *  as many as fit. */
export function boundGraph(g: Graph, limits: { nodes: number; edges: number } = GRAPH_LIMITS, filter = ""): BoundedGraph {
  const modules = g.nodes.filter((n) => n.kind === "module");
  const q = filter.trim().toLowerCase();
  if (!q && g.nodes.length <= limits.nodes && g.edges.length <= limits.edges) return { ...g, modules: { shown: modules.length, total: modules.length } };
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const from = new Map<string, GraphEdge[]>();
  for (const e of g.edges) from.set(e.from, [...(from.get(e.from) ?? []), e]);
  /** A module's edges, and the member edges of the symbols it reaches. */
  const partOf = (m: GraphNode): GraphEdge[] => {
    const own = from.get(m.id) ?? [];
    return [...own, ...own.flatMap((e) => (byId.get(e.to)?.kind === "symbol" ? (from.get(e.to) ?? []).filter((x) => x.kind === "member") : []))];
  };
  const matches = (m: GraphNode) => !q || m.label.toLowerCase().includes(q) || partOf(m).some((e) => byId.get(e.to)!.label.toLowerCase().includes(q));
  const rank = (m: GraphNode) => {
    const own = from.get(m.id) ?? [];
    return own.some((e) => e.verdict === "refused") ? 0 : own.some((e) => e.verdict === "warning") ? 1 : 2;
  };
  const candidates = modules.filter(matches).sort((a, b) => rank(a) - rank(b));
  const nodes = new Set<string>();
  const edges = new Set<GraphEdge>();
  let shown = 0;
  for (const m of candidates) {
    const part = partOf(m).filter((e) => !edges.has(e));
    const fresh = new Set([m.id, ...part.flatMap((e) => [e.from, e.to])].filter((id) => !nodes.has(id)));
    if (nodes.size + fresh.size > limits.nodes || edges.size + part.length > limits.edges) continue;
    for (const id of fresh) nodes.add(id);
    for (const e of part) edges.add(e);
    shown++;
  }
  return { nodes: g.nodes.filter((n) => nodes.has(n.id)), edges: g.edges.filter((e) => edges.has(e)), modules: { shown, total: modules.length } };
}
