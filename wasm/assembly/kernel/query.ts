// Questions the editor asks about the base kernel's export table: who exports a symbol,
// which symbols start with a prefix, which namespaces exist and what each holds.

import { JsonWriter } from "../util/json";
import { Symvers } from "../source/symvers";
import { Export } from "../model";
import { ExportLookup } from "../sim/symtab";
import { hex8 } from "../result";
import { MODULE_NS_PREFIX } from "../sim/namespaces";

function writeExport(w: JsonWriter, e: Export): void {
  w.beginObject();
  w.keyStr("symbol", e.symbol);
  w.keyStr("owner", e.owner);
  w.keyStr("ownerPath", e.ownerPath);
  w.keyStr("ns", e.ns);
  w.keyBool("gpl", e.gpl);
  w.keyStr("crc", e.hasCrc ? "0x" + hex8(e.crc) : "");
  w.keyInt("row", e.row);
  w.endObject();
}

/** The export of `sym` as JSON, or "null". */
export function symbolInfo(t: ExportLookup, sym: string): string {
  const e = t.find(sym);
  if (e == null) return "null";
  const w = new JsonWriter();
  writeExport(w, e as Export);
  return w.toString();
}

/** Up to `limit` exports whose symbol starts with `prefix` (and, if `ns` is set, in that namespace). */
export function completeSymbols(t: Symvers, prefix: string, ns: string, limit: i32): string {
  const w = new JsonWriter();
  w.beginArray();
  let n = 0;
  for (let i = 0; i < t.count && n < limit; i++) {
    if (!t.symbolStartsWith(i, prefix)) continue;
    const e = t.exportAt(i);
    if (ns.length > 0 && e.ns != ns) continue;
    if (t.rowOf(e.symbol) != i) continue; // a later duplicate
    writeExport(w, e);
    n++;
  }
  w.endArray();
  return w.toString();
}

/** Every namespace with its export count, exporting modules and the installed modules that
 *  import it (from the profile's module table), sorted by name. */
export function namespaces(t: Symvers, importers: Map<string, string[]>): string {
  const counts = new Map<string, i32>();
  const owners = new Map<string, string[]>();
  for (let i = 0; i < t.count; i++) {
    const ns = t.namespaceAt(i);
    if (ns.length == 0) continue;
    counts.set(ns, counts.has(ns) ? counts.get(ns) + 1 : 1);
    if (!owners.has(ns)) owners.set(ns, []);
    const list = owners.get(ns);
    const o = t.ownerOf(i);
    if (!list.includes(o)) list.push(o);
  }
  const names = counts.keys().sort();
  const w = new JsonWriter();
  w.beginArray();
  for (let i = 0; i < names.length; i++) {
    w.beginObject();
    w.keyStr("ns", names[i]);
    w.keyInt("exports", counts.get(names[i]));
    w.key("owners");
    w.beginArray();
    const list = owners.get(names[i]);
    for (let j = 0; j < list.length; j++) w.str(list[j]);
    w.endArray();
    w.key("importers");
    w.beginArray();
    if (importers.has(names[i])) {
      const users = importers.get(names[i]);
      for (let j = 0; j < users.length; j++) w.str(users[j]);
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  return w.toString();
}

/** The exports of one namespace. */
export function namespaceExports(t: Symvers, ns: string, limit: i32): string {
  const w = new JsonWriter();
  w.beginArray();
  let n = 0;
  for (let i = 0; i < t.count && n < limit; i++) {
    if (t.namespaceAt(i) != ns) continue;
    writeExport(w, t.exportAt(i));
    n++;
  }
  w.endArray();
  return w.toString();
}

/** The export surface of a table, as the namespace series argued from it: every export, the
 *  GPL-only ones, those in a namespace, those restricted to named modules (`module:`), those of
 *  vmlinux and of modules, and each namespace's count, as JSON. */
export function exportSurface(t: Symvers): string {
  let gpl = 0,
    namespaced = 0,
    moduleOnly = 0,
    vmlinux = 0;
  const counts = new Map<string, i32>();
  for (let i = 0; i < t.count; i++) {
    if (t.isGplAt(i)) gpl++;
    if (t.ownerOf(i) == "vmlinux") vmlinux++;
    const ns = t.namespaceAt(i);
    if (ns.length == 0) continue;
    if (ns.startsWith(MODULE_NS_PREFIX)) {
      moduleOnly++;
      continue;
    }
    namespaced++;
    counts.set(ns, counts.has(ns) ? counts.get(ns) + 1 : 1);
  }
  const w = new JsonWriter();
  w.beginObject();
  w.keyInt("total", t.count);
  w.keyInt("gpl", gpl);
  w.keyInt("namespaced", namespaced);
  w.keyInt("moduleOnly", moduleOnly);
  w.keyInt("vmlinux", vmlinux);
  w.keyInt("modules", t.count - vmlinux);
  w.key("namespaces");
  w.beginObject();
  const names = counts.keys().sort();
  for (let i = 0; i < names.length; i++) w.keyInt(names[i], counts.get(names[i]));
  w.endObject();
  w.endObject();
  return w.toString();
}
