// modpost's read_dump() (scripts/mod/modpost.c, 5.10 … 7.3): every row of the Module.symvers
// tables it reads goes through sym_add_exported(), which calls a row "exported twice" when
// the symbol's latest export is vmlinux's or the same module's (an external build lets
// another module's stand) [real: test/workspaces/symvers-listed-twice, 5.10 … 7.3].

import { Export } from "../model";
import { Symvers } from "../source/symvers";
import { ExportLookup } from "./symtab";

/** A table row modpost takes for a second export of its symbol, and the export before it. */
export class RepeatedExport {
  constructor(
    public row: Export,
    public previous: Export,
  ) {}
}

/** Whether modpost refuses `row` after `previous`: the module column compares as written. */
function clashes(row: Export, previous: Export): bool {
  return previous.owner == "vmlinux" || previous.ownerPath == row.ownerPath;
}

/** The rows of `tables` (in the order modpost reads them, after `kernel`'s vmlinux exports
 *  when those come from elsewhere) that modpost calls exported twice, in reading order. */
export function findRepeatedExports(kernel: ExportLookup | null, tables: Symvers[]): RepeatedExport[] {
  const out: RepeatedExport[] = [];
  for (let k = 0; k < tables.length; k++) {
    const sv = tables[k];
    const mine: RepeatedExport[] = [];
    // each symbol's first row against the tables read before
    if (kernel != null || k > 0) {
      const repeat = new Set<i32>();
      for (let j = 0; j < sv.repeats.length; j++) repeat.add(sv.repeats[j]);
      for (let i = 0; i < sv.count; i++) {
        if (repeat.has(i)) continue;
        const e = sv.exportAt(i);
        const prev = latestBefore(kernel, tables, k, e.symbol);
        if (prev != null && clashes(e, prev as Export)) mine.push(new RepeatedExport(e, prev as Export));
      }
    }
    // later rows of a symbol against the row before them in the same table
    const latest = new Map<i32, i32>();
    for (let j = 0; j < sv.repeats.length; j++) {
      const i = sv.repeats[j];
      const first = sv.firstRows[j];
      const prev = latest.has(first) ? latest.get(first) : first;
      latest.set(first, i);
      const e = sv.exportAt(i);
      const p = sv.exportAt(prev);
      if (clashes(e, p)) mine.push(new RepeatedExport(e, p));
    }
    mine.sort((a: RepeatedExport, b: RepeatedExport): i32 => a.row.row - b.row.row);
    for (let i = 0; i < mine.length; i++) out.push(mine[i]);
  }
  return out;
}

/** The export of `sym` modpost holds before reading table `k`: the newest table's wins. */
function latestBefore(kernel: ExportLookup | null, tables: Symvers[], k: i32, sym: string): Export | null {
  for (let j = k - 1; j >= 0; j--) {
    const e = tables[j].find(sym);
    if (e != null) return e;
  }
  return kernel != null ? (kernel as ExportLookup).find(sym) : null;
}
