// Checking a whole kernel tree: each module loaded the way `modprobe` would load it on a
// freshly booted kernel of that release (the modules modules.dep names for it first, taken
// as loaded even when they would fail themselves, so each problem is reported once, by the
// module that has it), and what the loader then says about it in the kernel's words.

import { Msg } from "../../shared/codes";
import { KoImage } from "../model";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { Symvers } from "../source/symvers";
import { SymbolTable } from "./symtab";
import { Depmod, DepModule } from "./depmod";
import { koImageOf } from "./koimage";
import { LoaderConfig, loadModule, markLive } from "./loader";
import { Session } from "./session";

/** The loader's messages that say a module would not load, or loads with a problem of its
 *  own (license, CRC, namespace, structure); not the taint notices every module may cause. */
function isProblem(id: i32): bool {
  return (
    id == Msg.LOAD_INVALID_MODULE ||
    id == Msg.LOAD_VERMAGIC ||
    id == Msg.LOAD_IMPORT_MODULE_NS ||
    id == Msg.LOAD_DUPLICATE_EXPORT ||
    id == Msg.LOAD_UNKNOWN_SYMBOL ||
    id == Msg.LOAD_CRC_MISMATCH ||
    id == Msg.LOAD_NO_CRC ||
    id == Msg.LOAD_NS_NOT_IMPORTED ||
    id == Msg.LOAD_GPL_FROM_PROPRIETARY ||
    id == Msg.LOAD_INHERIT_TAINT ||
    id == Msg.LOAD_LICENSE_TAINT ||
    id == Msg.LOAD_SIG_REJECTED ||
    id == Msg.LOAD_FORCED ||
    id == Msg.LOAD_NO_EXT_CRC ||
    id == Msg.LOAD_NO_RETPOLINE
  );
}

/** The vermagic most in-tree modules carry: the kernel's own. */
export function treeVermagic(d: Depmod): string {
  const counts = new Map<string, i32>();
  let best = "",
    bestCount = 0;
  for (let i = 0; i < d.modules.length; i++) {
    const m = d.modules[i].file.modinfo;
    if (!m.has("intree")) continue;
    const v = m.get("vermagic");
    if (v == null) continue;
    const s = v as string;
    const c = (counts.has(s) ? counts.get(s) : 0) + 1;
    counts.set(s, c);
    if (c > bestCount) {
      bestCount = c;
      best = s;
    }
  }
  return best;
}

/** One line of the report: the module's path and a kernel (or kmod) line about it. */
export class TreeProblem {
  constructor(
    public path: string,
    public module: string,
    public level: i32,
    public text: string,
    public id: i32,
  ) {}
}

/** Every problem of every module of `d` (finished) against vmlinux's exports. */
export function checkTree(d: Depmod, vmlinux: Symvers | null, r: Rules, cfg: LoaderConfig): TreeProblem[] {
  const out: TreeProblem[] = [];
  const images = new Map<DepModule, KoImage>();
  for (let i = 0; i < d.modules.length; i++) {
    const m = d.modules[i];
    images.set(m, koImageOf(m.file, m.relpath));
  }
  const kernel = new SymbolTable();
  if (vmlinux != null) kernel.underLookup((vmlinux as Symvers).vmlinux);
  for (let i = 0; i < d.modules.length; i++) {
    const m = d.modules[i];
    const s = new Session(kernel);
    const deps = d.allDependencies(m);
    for (let j = deps.length - 1; j >= 0; j--) {
      const dep = images.get(deps[j]);
      if (s.find(dep.name) != null) continue;
      if (loadModule(s, dep, r, cfg).errno != 0) markLive(s, dep);
    }
    const from = s.log.length;
    const ko = images.get(m);
    const o = loadModule(s, ko, r, cfg);
    let said = false;
    for (let j = from; j < s.log.length; j++) {
      const l = s.log[j];
      if (!isProblem(l.id)) continue;
      out.push(new TreeProblem(m.relpath, ko.name, l.level, l.text, l.id));
      said = true;
    }
    if (o.errno != 0 && !said)
      out.push(
        new TreeProblem(
          m.relpath,
          ko.name,
          3,
          T.modprobeInsertError(ko.name, o.errno),
          o.errno == T.EBADMSG ? Msg.LOAD_BAD_SIGNATURE : Msg.LOAD_INVALID_MODULE,
        ),
      );
  }
  return out;
}
