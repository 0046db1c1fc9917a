// When each namespace of the real kernels took effect, and which exports changed namespace:
// the corrections that let one real export table stand for the releases between profiles.
// The rows come from the Debian tables 5.10, 6.1, 6.12, 7.2, 7.3 and the sources of every
// series between them; nshistory.md gives each row's evidence and commit.

import { Export } from "../model";
import { ExportLookup } from "../sim/symtab";
import { HISTORY_BYTES, HISTORY_LENGTH } from "./nshistorydata";
import { JsonWriter } from "../util/json";
import { releaseName } from "./versions";

/** One namespace's lifetime on mainline, plus the stable series that got it by backport. */
export class NamespaceSpan {
  /** Last series that has it; 0 while it exists. */
  last: i32 = 0;
  /** Series that got it through a stable update before `first`. */
  backports: i32[] = [];
  constructor(
    public name: string,
    public first: i32,
  ) {}

  /** Whether the namespace is in effect on the `v` series. */
  inEffect(v: i32): bool {
    if (this.last != 0 && v > this.last) return false;
    return v >= this.first || this.backports.includes(v);
  }
}

/** Exports that left namespace `from` for namespace `to` ("" for none) in release `at`. */
export class NamespaceMove {
  backports: i32[] = [];
  constructor(
    public at: i32,
    public from: string,
    public to: string,
  ) {}

  /** Whether the move had happened on the `v` series. */
  done(v: i32): bool {
    return v >= this.at || this.backports.includes(v);
  }
}

class History {
  spans: Map<string, NamespaceSpan> = new Map();
  names: string[] = [];
  moves: Map<string, NamespaceMove[]> = new Map();
  moveCount: i32 = 0;
}

let parsed: History | null = null;

// The table, one record a line (nshistory.txt, embedded as nshistorydata.ts):
//   N <namespace> <first> [b<series>]... [e<last>]   first release, stable backports, last series
//   M <release> <from|-> <to|-> <symbol>...          exports that changed namespace in <release>
function history(): History {
  if (parsed != null) return parsed as History;
  const h = new History();
  const lines = String.UTF8.decodeUnsafe(HISTORY_BYTES, <usize>HISTORY_LENGTH).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i].split(" ");
    if (f.length < 3) continue;
    if (f[0] == "N") {
      const s = new NamespaceSpan(f[1], I32.parseInt(f[2]));
      for (let k = 3; k < f.length; k++) {
        const v = I32.parseInt(f[k].substring(1));
        if (f[k].startsWith("b")) s.backports.push(v);
        else if (f[k].startsWith("e")) s.last = v;
      }
      h.spans.set(s.name, s);
      h.names.push(s.name);
    } else if (f[0] == "M" && f.length >= 5) {
      const m = new NamespaceMove(I32.parseInt(f[1]), f[2] == "-" ? "" : f[2], f[3] == "-" ? "" : f[3]);
      // a move that created its namespace reached the same stable series as the namespace
      if (h.spans.has(m.to) && h.spans.get(m.to).first == m.at) m.backports = h.spans.get(m.to).backports;
      for (let k = 4; k < f.length; k++) {
        if (!h.moves.has(f[k])) h.moves.set(f[k], []);
        h.moves.get(f[k]).push(m);
        h.moveCount++;
      }
    }
  }
  parsed = h;
  return h;
}

/** The history of namespace `ns`, or null when the table does not know it. */
export function namespaceSpan(ns: string): NamespaceSpan | null {
  const h = history();
  return h.spans.has(ns) ? h.spans.get(ns) : null;
}

/** Every namespace the table knows, in table order. */
export function historyNamespaces(): string[] {
  return history().names;
}

/** The namespace that the export `sym`, in namespace `ns` in the table of release `from`,
 *  has on release `target`; null when it was not exported there. Namespaces the table does
 *  not know are kept as they are. */
export function namespaceOn(sym: string, ns: string, from: i32, target: i32): string | null {
  if (from == target) return ns;
  const h = history();
  let cur = ns;
  let moved = false;
  if (h.moves.has(sym)) {
    const list = h.moves.get(sym); // oldest first
    if (target < from) {
      for (let i = list.length - 1; i >= 0; i--) {
        const m = list[i];
        if (m.done(from) && !m.done(target) && cur == m.to) {
          cur = m.from;
          moved = true;
        }
      }
    } else {
      for (let i = 0; i < list.length; i++) {
        const m = list[i];
        if (!m.done(from) && m.done(target) && cur == m.from) {
          cur = m.to;
          moved = true;
        }
      }
    }
  }
  if (cur.length == 0 || !h.spans.has(cur)) return cur;
  const span = h.spans.get(cur);
  if (span.inEffect(target)) return cur;
  // the namespace is not there yet (or any more); an export the table saw moving in is kept
  // by the moves above, so this one came with the namespace's own code
  return moved || !span.inEffect(from) ? cur : null;
}

export { profileReleaseFor } from "../../shared/debian";

/** The export `e` with namespace `ns` (the table's Export objects are shared: never changed). */
export function withNamespace(e: Export, ns: string): Export {
  const c = new Export(e.symbol, e.owner, e.gpl, ns);
  c.ownerPath = e.ownerPath;
  c.crc = e.crc;
  c.hasCrc = e.hasCrc;
  c.row = e.row;
  c.rowFile = e.rowFile;
  c.macro = e.macro;
  c.written = e.written;
  return c;
}

/** A real table of release `from` as it would read on release `target`: each export's
 *  namespace set back or forward by the history, exports that did not exist yet left out.
 *  Answers from the base lookup are corrected once and kept. */
export class ReleaseExports extends ExportLookup {
  private made: Map<string, Export | null> = new Map();
  constructor(
    public base: ExportLookup,
    public from: i32,
    public target: i32,
  ) {
    super();
  }

  find(sym: string): Export | null {
    const e = this.base.find(sym);
    if (e == null || this.from == this.target) return e;
    if (this.made.has(sym)) return this.made.get(sym);
    const x = e as Export;
    const ns = namespaceOn(sym, x.ns, this.from, this.target);
    const out: Export | null = ns == null ? null : ns == x.ns ? x : withNamespace(x, ns as string);
    this.made.set(sym, out);
    return out;
  }
}

/** The table's namespaces as JSON: name, first release, last series ("" while it exists) and
 *  the series that got it by stable backport. */
export function historyJson(): string {
  const h = history();
  const w = new JsonWriter();
  w.beginArray();
  for (let i = 0; i < h.names.length; i++) {
    const s = h.spans.get(h.names[i]);
    w.beginObject();
    w.keyStr("ns", s.name);
    w.keyStr("first", releaseName(s.first));
    w.keyStr("last", s.last == 0 ? "" : releaseName(s.last));
    w.key("backports");
    w.beginArray();
    for (let k = 0; k < s.backports.length; k++) w.str(releaseName(s.backports[k]));
    w.endArray();
    w.endObject();
  }
  w.endArray();
  return w.toString();
}
