// Phase 4 of a run: the export tables modpost builds against — the workspace's .ko files'
// exports (as KBUILD_EXTRA_SYMBOLS would give them), over the tables Kbuild's
// KBUILD_EXTRA_SYMBOLS names, over a pasted Module.symvers, over the base kernel's table: a
// pasted row, vmlinux's included, is what modpost sees of its symbol; the base kernel's
// table answers for the symbols it does not list.

import { Export, KoImage } from "../model";
import { Profile } from "../kernel/profile";
import { coreExports } from "../kernel/core";
import { Rules } from "../kernel/versions";
import { readSymvers, Symvers } from "../source/symvers";
import { ExportLookup, SymbolTable } from "../sim/symtab";
import { findRepeatedExports, RepeatedExport } from "../sim/dumpcheck";
import { BuildUnit } from "../sim/build";
import { WorkspaceFile } from "../workspace";
import { Finding, Span } from "../diagnostics";
import { Msg, Severity, Stage } from "../../shared/codes";

/** What the build is checked against. */
export class Tables {
  /** Every export modpost can resolve against, highest priority first. */
  base: SymbolTable = new SymbolTable();
  /** Whether vmlinux's exports are known (else modpost warns and skips undefined checks). */
  hasVmlinux: bool = false;
  /** Module.symvers rows for symbols the workspace's own modules export: the table the users
   *  were built against wins over the fresh export (a separate, earlier build). */
  pinned: Map<string, Export> = new Map();
  /** Names of the workspace's modules (built and .ko files). */
  ownNames: Set<string> = new Set();
  /** The pasted Module.symvers, if any. */
  symvers: Symvers | null = null;
  /** Other builds' tables named by KBUILD_EXTRA_SYMBOLS, in order. */
  extra: Symvers[] = [];
  /** vmlinux's core exports (kernel/core.ts), when no table gives vmlinux's. */
  core: Map<string, Export> | null = null;
  /** The base kernel, when the run uses one. */
  profile: Profile | null = null;
  /** Rows modpost reads as a second export of their symbol ("exported twice"). */
  repeated: RepeatedExport[] = [];
  findings: Finding[] = [];
}

// the pasted table is kept while its text stays the same
const symversCache = new Map<string, Symvers>();

function cachedSymvers(f: WorkspaceFile): Symvers {
  const text = f.name + "\u0000" + f.text();
  if (symversCache.has(text)) return symversCache.get(text);
  if (symversCache.size > 4) symversCache.clear();
  const s = readSymvers(f.name, f.bytes);
  symversCache.set(text, s);
  return s;
}

/** Rows of `sv` for symbols the workspace's own modules export: what their users were built against. */
function pin(t: Tables, sv: Symvers): void {
  for (let i = 0; i < sv.count; i++) {
    if (!t.ownNames.has(sv.ownerOf(i))) continue;
    const e = sv.exportAt(i);
    if (!t.pinned.has(e.symbol)) t.pinned.set(e.symbol, e);
  }
}

/** The tables for a build of `units` beside the workspace's `kos`; `extraFiles` are the
 *  KBUILD_EXTRA_SYMBOLS tables (null where the workspace lacks the file `extraNames` names);
 *  `coreVmlinux`: with no table of vmlinux, vmlinux is still there with its core exports. */
export function layerTables(
  units: BuildUnit[],
  kos: KoImage[],
  symversFile: WorkspaceFile | null,
  extraNames: string[],
  extraFiles: Array<WorkspaceFile | null>,
  profile: Profile | null,
  r: Rules,
  coreVmlinux: bool,
): Tables {
  const t = new Tables();
  t.profile = profile;
  for (let i = 0; i < extraFiles.length; i++) {
    const f = extraFiles[i];
    if (f == null) {
      t.findings.push(
        new Finding(
          Stage.Read,
          Severity.Warning,
          Msg.READ_KBUILD_NO_SOURCE,
          "KBUILD_EXTRA_SYMBOLS names " + extraNames[i] + ", which is not in the workspace; the exports it lists are unknown to this build",
          Span.none(),
        ),
      );
      continue;
    }
    const sv = cachedSymvers(f as WorkspaceFile);
    t.extra.push(sv);
    for (let j = 0; j < sv.findings.length; j++) t.findings.push(sv.findings[j]);
  }
  if (symversFile != null) {
    const sv = cachedSymvers(symversFile as WorkspaceFile);
    t.symvers = sv;
    for (let i = 0; i < sv.findings.length; i++) t.findings.push(sv.findings[i]);
  }
  for (let u = 0; u < units.length; u++) t.ownNames.add(units[u].src.name);
  const koExports = new Map<string, Export>();
  for (let i = 0; i < kos.length; i++) {
    const ko = kos[i];
    t.ownNames.add(ko.name);
    for (let j = 0; j < ko.exports.length; j++) if (!koExports.has(ko.exports[j].symbol)) koExports.set(ko.exports[j].symbol, ko.exports[j]);
  }
  t.base.under(koExports);
  for (let i = 0; i < t.extra.length; i++) {
    t.base.underLookup(t.extra[i]);
    pin(t, t.extra[i]);
  }
  if (t.symvers != null) {
    const sv = t.symvers as Symvers;
    t.base.underLookup(sv);
    t.hasVmlinux = sv.hasVmlinux;
    pin(t, sv);
  }
  // a pasted table with vmlinux rows stands for the kernel's own: no other is read before it
  const kernel: ExportLookup | null = profile != null && !t.hasVmlinux ? (profile as Profile).vmlinux : null;
  if (profile != null) {
    t.base.underLookup((profile as Profile).exports);
    t.hasVmlinux = t.hasVmlinux || (profile as Profile).symvers.hasVmlinux;
  }
  if (!t.hasVmlinux) {
    // no table knows vmlinux: its core exports are still there (modpost still warns, unless
    // the host said vmlinux is there and only its table is not)
    t.core = coreExports(r);
    t.base.under(t.core as Map<string, Export>);
    t.hasVmlinux = coreVmlinux;
  }
  t.repeated = repeatedExports(kernel, t.symvers, t.extra);
  return t;
}

// the rows found exported twice are kept while the tables stay the same objects (held here,
// so that no other object can take their address)
let lastRepeated: RepeatedExport[] = [];
let lastTables: Symvers[] = [];
let lastKernel: ExportLookup | null = null;

function sameObject<T>(a: T, b: T): bool {
  return changetype<usize>(a) == changetype<usize>(b);
}

/** modpost's reading order: the kernel's vmlinux exports, the pasted table, then each
 *  KBUILD_EXTRA_SYMBOLS table. */
function repeatedExports(kernel: ExportLookup | null, symvers: Symvers | null, extra: Symvers[]): RepeatedExport[] {
  const tables: Symvers[] = [];
  if (symvers != null) tables.push(symvers as Symvers);
  for (let i = 0; i < extra.length; i++) tables.push(extra[i]);
  let same = sameObject(kernel, lastKernel) && tables.length == lastTables.length;
  for (let i = 0; same && i < tables.length; i++) same = sameObject(tables[i], lastTables[i]);
  if (!same) {
    lastRepeated = tables.length == 0 ? [] : findRepeatedExports(kernel, tables);
    lastTables = tables;
    lastKernel = kernel;
  }
  return lastRepeated;
}
