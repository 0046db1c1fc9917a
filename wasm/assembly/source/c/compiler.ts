// Symbols gcc references by itself when it compiles a kernel module with kbuild's x86-64
// flags (scripts/Makefile.* and arch/x86/Makefile of 6.12): -pg -mfentry calls __fentry__
// at each traced function's entry, -mfunction-return=thunk-extern returns through
// __x86_return_thunk, -mindirect-branch=thunk-extern calls through __x86_indirect_thunk_<reg>,
// -fstack-protector-strong calls __stack_chk_fail (and, from 6.14, reads the canary through
// -mstack-protector-guard-symbol=__ref_stack_chk_guard), CONFIG_UBSAN's -fsanitize= calls
// the __ubsan_handle_* functions (ubsan.ts). Library calls that gcc makes of
// __builtin_mem* are decided where the call is read (expressions.ts).

import { KernelConfig } from "../config";

/** Which of those flags the kernel's build passes. */
export class CompilerModel {
  /** CONFIG_FUNCTION_TRACER with fentry (x86-64 always uses -mfentry with it). */
  fentry: bool = true;
  /** CONFIG_MITIGATION_RETHUNK (CONFIG_RETHUNK before 6.9). */
  returnThunk: bool = true;
  /** CONFIG_MITIGATION_RETPOLINE (CONFIG_RETPOLINE before 6.9). */
  indirectThunk: bool = true;
  /** CONFIG_STACKPROTECTOR_STRONG (or plain CONFIG_STACKPROTECTOR: arrays of 8+ chars only). */
  stackProtector: bool = true;
  /** The symbol a guarded function reads the canary through, or "" (%gs:40 before 6.14). */
  stackGuard: string = "";
  /** CONFIG_UBSAN_BOUNDS: -fsanitize=bounds-strict (or plain -fsanitize=bounds without
   *  CONFIG_UBSAN_BOUNDS_STRICT, which leaves arrays that end a record reached through a
   *  pointer unchecked), calling __ubsan_handle_out_of_bounds (ubsan.ts). */
  ubsanBounds: bool = false;
  ubsanBoundsStrict: bool = false;
  /** CONFIG_UBSAN_SHIFT (CONFIG_UBSAN_MISC in 5.10): -fsanitize=shift. */
  ubsanShift: bool = false;
  /** gcc 12 and older (Debian's builds before 6.16 use gcc 12 or 10): a member of an object
   *  an inline allocator that is not always_inline returns (kzalloc_noprof) has no
   *  whole-object size to fortify's __struct_size, only its own (__member_size); gcc 14
   *  knows both. Measured with fortify's memcpy into a flexible array of kzalloc's object. */
  lateAllocatorMembers: bool = false;
  /** -fstrict-flex-arrays=3 (the kernel's Makefile from 6.5, where the compiler has it: gcc
   *  13 and later, Debian's builds from 6.16): only an array declared `[]` may run past its
   *  bound; a fixed-size array that ends a record has its declared size. */
  strictFlexArrays: bool = false;

  /** Debian's amd64 kernels of 6.1 and later: all of them. */
  static debian(): CompilerModel {
    return new CompilerModel();
  }

  /** The flags a kernel configuration implies; `release`: version * 100 + patchlevel. */
  static fromConfig(c: KernelConfig, release: i32): CompilerModel {
    const m = new CompilerModel();
    m.fentry = c.isOn("FUNCTION_TRACER");
    m.returnThunk = c.isOn("MITIGATION_RETHUNK") || c.isOn("RETHUNK");
    m.indirectThunk = c.isOn("MITIGATION_RETPOLINE") || c.isOn("RETPOLINE");
    m.stackProtector = c.isOn("STACKPROTECTOR_STRONG");
    // arch/x86/Makefile since 6.14 ("x86/stackprotector/64: Convert to normal per-CPU
    // variable"): -mstack-protector-guard-symbol=__ref_stack_chk_guard on SMP kernels
    if (release >= 614 && c.isOn("STACKPROTECTOR") && c.isOn("SMP")) m.stackGuard = STACK_GUARD;
    // scripts/Makefile.lib: before 6.9 ("ubsan: Remove CONFIG_UBSAN_SANITIZE_ALL") only
    // with CONFIG_UBSAN_SANITIZE_ALL is every object instrumented; CONFIG_UBSAN_TRAP turns
    // the handler calls into traps
    const ubsan = c.isOn("UBSAN") && !c.isOn("UBSAN_TRAP") && (release >= 609 || c.isOn("UBSAN_SANITIZE_ALL"));
    m.ubsanBounds = ubsan && c.isOn("UBSAN_BOUNDS");
    m.ubsanBoundsStrict = m.ubsanBounds && c.isOn("UBSAN_BOUNDS_STRICT");
    m.ubsanShift = ubsan && (c.isOn("UBSAN_SHIFT") || c.isOn("UBSAN_MISC"));
    m.lateAllocatorMembers = release < 616;
    m.strictFlexArrays = release >= 616;
    return m;
  }
}

export const FENTRY = "__fentry__";
export const RETURN_THUNK = "__x86_return_thunk";
export const STACK_CHK_FAIL = "__stack_chk_fail";
export const STACK_GUARD = "__ref_stack_chk_guard";

const REGISTERS = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];

/** The thunk a call through a pointer held in register `reg` (x86 encoding: 0 rax, 1 rcx, ...)
 *  goes through; which register gcc takes is decided in thunks.ts. */
export function indirectThunk(reg: i32): string {
  return "__x86_indirect_thunk_" + REGISTERS[reg];
}

/** Every thunk vmlinux exports (arch/x86/lib/retpoline.S: one per register but %rsp). */
export function indirectThunks(): string[] {
  const out: string[] = [];
  for (let reg = 0; reg < REGISTERS.length; reg++) if (REGISTERS[reg] != "rsp") out.push(indirectThunk(reg));
  return out;
}
