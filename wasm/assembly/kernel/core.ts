// The few exports of vmlinux that every module reaches without naming them: the symbols gcc
// emits by itself for kbuild's flags (source/c/compiler.ts) and the printk that the prelude's
// pr_*() and dev_*() macros call. A run without a base kernel's table still resolves these,
// as no kernel lacks them: "no base kernel" then means no *other* export is known.

import { Export } from "../model";
import { FENTRY, indirectThunks, RETURN_THUNK, STACK_CHK_FAIL, STACK_GUARD } from "../source/c/compiler";
import { Rules } from "./versions";

/** vmlinux's core exports on release `r` (printk became a macro over _printk in 5.15). */
export function coreExports(r: Rules): Map<string, Export> {
  const out = new Map<string, Export>();
  const names = [FENTRY, RETURN_THUNK, STACK_CHK_FAIL, r.v >= 515 ? "_printk" : "printk"].concat(indirectThunks());
  // the stack protector's canary symbol of SMP x86-64 kernels since 6.14 (compiler.ts)
  if (r.v >= 614) names.push(STACK_GUARD);
  for (let i = 0; i < names.length; i++) {
    const e = new Export(names[i], "vmlinux", false, "");
    e.ownerPath = "vmlinux";
    // no real CRC is known: one derived from the name keeps build and loader consistent
    e.crc = nameCrc(names[i]);
    e.hasCrc = true;
    out.set(names[i], e);
  }
  return out;
}

/** FNV-1a of the name. */
function nameCrc(s: string): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= <u32>s.charCodeAt(i);
    h *= 0x01000193;
  }
  return h;
}
