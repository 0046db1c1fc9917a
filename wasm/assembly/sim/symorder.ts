// The order of a module's undefined symbols, which decides the order of modpost's and the
// loader's lines. Three programs set it [real: test/workspaces/symtab-order and
// objtool-order, recorded on the lab kernels]:
// - gas lists an object's globals in the order gcc's assembly first mentions them: functions
//   in source order (gcc 12+ puts __exit functions last), a call after its arguments, data
//   after all functions; objtool (6.12 … 7.1) then moves the first global to the end;
// - modpost reads that list (newest first before 5.19, when kbuild also re-linked every
//   exporting object with `ld -r` for its CRCs);
// - `ld -r` writes the .ko's globals by walking BFD's hash table bucket by bucket, newest
//   entry first within a bucket: that is what the loader and depmod walk.

import { AsmPart, AsmRef, ModuleSource } from "../source/toyc";
import { Rules } from "../kernel/versions";

/** Undefined symbols of the object file gcc and objtool make of `src`, in symbol-table order.
 *  `undefinedNames` are the file's undefined symbols in order of first use; `headerCalls` are
 *  calls taken to come from headers (globals too, but not ours to report). */
export function objectSymbolOrder(src: ModuleSource, undefinedNames: string[], headerCalls: string[], r: Rules): string[] {
  const undefinedSet = new Set<string>();
  for (let i = 0; i < undefinedNames.length; i++) undefinedSet.add(undefinedNames[i]);
  const headerSet = new Set<string>();
  for (let i = 0; i < headerCalls.length; i++) headerSet.add(headerCalls[i]);

  // what gcc emits by itself (__fentry__, return thunks) is not a global objtool moves
  const compilerSet = new Set<string>();
  for (let i = 0; i < src.refs.length; i++) if (src.refs[i].compiler) compilerSet.add(src.refs[i].name);

  const asm = inAssemblyOrder(src.asm, r);
  const out: string[] = [];
  const seen = new Set<string>();
  let firstGlobal = "";
  for (let i = 0; i < asm.length; i++) {
    const a = asm[i];
    const undef = undefinedSet.has(a.name);
    if (!(a.defines || undef || headerSet.has(a.name) || isPrintk(a.name))) continue;
    if (firstGlobal.length == 0 && !compilerSet.has(a.name)) firstGlobal = a.name;
    if (undef && !seen.has(a.name)) {
      seen.add(a.name);
      out.push(a.name);
    }
  }
  // names used only where the assembly order is unknown (e.g. an export of a declaration)
  for (let i = 0; i < undefinedNames.length; i++) if (!seen.has(undefinedNames[i])) out.push(undefinedNames[i]);
  // objtool's elf_create_symbol() frees a local slot by moving the first global to the end
  const first = out.indexOf(firstGlobal);
  if (r.objtoolMovesFirstGlobal && out.length > 1 && first >= 0 && allCompiler(out, first, compilerSet)) {
    out.splice(first, 1);
    out.push(firstGlobal);
  }
  return out;
}

/** Whether every name before `end` is one gcc emitted by itself. */
function allCompiler(names: string[], end: i32, compilerSet: Set<string>): bool {
  for (let i = 0; i < end; i++) if (!compilerSet.has(names[i])) return false;
  return true;
}

/** The order check_exports() reports a module's symbols in. */
export function modpostSymbolOrder(objectOrder: string[], r: Rules): string[] {
  return r.modpostKeepsOrder ? objectOrder : objectOrder.slice(0).reverse();
}

/** `objectOrder` as the linked .ko lists it: BFD's hash-table walk. */
export function linkedSymbolOrder(objectOrder: string[]): string[] {
  // one sortable key per symbol: its bucket, then the entry inserted last first
  const keys: u64[] = [];
  for (let i = 0; i < objectOrder.length; i++) {
    keys.push(((bfdHash(objectOrder[i]) % BFD_TABLE_SIZE) << 32) | (<u64>(u32.MAX_VALUE - <u32>i)));
  }
  keys.sort();
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) out.push(objectOrder[<i32>(u32.MAX_VALUE - <u32>keys[i])]);
  return out;
}

/** pr_*() and printk() expand to calls of the global _printk (or a dynamic-debug helper). */
function isPrintk(name: string): bool {
  return name == "printk" || (name.startsWith("pr_") && name != "pr_fmt" && name != "pr_devel");
}

/** `refs` sorted by where gcc's assembly output puts them (stable within a position). */
function inAssemblyOrder(refs: AsmRef[], r: Rules): AsmRef[] {
  const keys: u64[] = [];
  for (let i = 0; i < refs.length; i++) {
    const a = refs[i];
    let rank: u64 = 0;
    if (a.part == AsmPart.Data) rank = 2;
    else if (a.part == AsmPart.ExitFunction && r.gccEmitsExitLast) rank = 1;
    keys.push((rank << 60) | ((<u64>((<u32>a.at) & 0x3fffffff)) << 30) | (<u64>((<u32>i) & 0x3fffffff)));
  }
  keys.sort();
  const out: AsmRef[] = [];
  for (let i = 0; i < keys.length; i++) out.push(refs[<i32>(keys[i] & 0x3fffffff)]);
  return out;
}

/** bfd_hash_hash() of bfd/hash.c, computed in the 64-bit `unsigned long` of an amd64 host. */
function bfdHash(name: string): u64 {
  let hash: u64 = 0;
  const bytes = Uint8Array.wrap(String.UTF8.encode(name));
  for (let i = 0; i < bytes.length; i++) {
    const c = <u64>bytes[i];
    hash += c + (c << 17);
    hash ^= hash >> 2;
  }
  const len = <u64>bytes.length;
  hash += len + (len << 17);
  hash ^= hash >> 2;
  return hash;
}

/** bfd_default_hash_table_size: a toy module's few symbols never make the table grow. */
const BFD_TABLE_SIZE: u64 = 4051;
