// Regenerates wasm/assembly/cpp/gcc.ts: what gcc predefines, and answers to __has_attribute
// and __has_builtin, for kbuild's compiler flags against Debian 6.12's headers (gcc 12.2
// of Debian bookworm for x86_64). Run with `npx tsx test/support/gcc-table.ts` on a Debian
// host with gcc-12; it fetches the headers like the preprocessor corpus does.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fetchKernelHeaders } from "../corpus/kernel-headers";
import { renderGccTable } from "./gcc-table-text";

const k = fetchKernelHeaders([], (s) => process.stderr.write(s + "\n"));
// the flags that decide what gcc predefines (not the include paths, -D, -include or warnings)
const codegen: string[] = [];
for (let i = 0; i < k.flags.length; i++) {
  const f = k.flags[i];
  if (f === "-include" || f === "-I" || f === "-isystem") {
    i++;
    continue;
  }
  if (/^-(I|D|U|W|g|nostdinc|fmacro-prefix-map)/.test(f)) continue;
  codegen.push(f);
}
const gcc = (args: string[], input: string): string => execFileSync(k.cc, [...codegen, ...args], { input, encoding: "utf8" });
const predefined = gcc(["-dM", "-E", "-x", "c", "-"], "").split("\n").filter(Boolean).sort().join("\n") + "\n";
const version = gcc(["-dumpfullversion"], "").trim();

// every name the kernel's headers probe, and those gcc's manual lists
const probed = { attribute: new Set<string>(), builtin: new Set<string>() };
function scan(dir: string): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) scan(p);
    else if (p.endsWith(".h")) {
      for (const m of readFileSync(p, "utf8").matchAll(/__has_(attribute|builtin)\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/g))
        probed[m[1] as "attribute" | "builtin"].add(m[2].replace(/^__(.*)__$/, "$1"));
    }
  }
}
scan(join(k.common, "include"));
scan(join(k.common, "arch/x86/include"));
const manual =
  "access alias aligned alloc_align alloc_size always_inline artificial assume assume_aligned cleanup cold common const constructor copy counted_by deprecated designated_init destructor error externally_visible fallthrough flatten format format_arg gnu_inline hot ifunc indirect_branch leaf malloc mode no_caller_saved_registers no_instrument_function no_profile_instrument_function no_reorder no_sanitize no_sanitize_address no_sanitize_coverage no_sanitize_thread no_sanitize_undefined no_split_stack no_stack_protector noclone nocommon noinit noinline noipa nonnull nonstring noplt noreturn nothrow optimize packed patchable_function_entry persistent pure retain returns_nonnull returns_twice scalar_storage_order section sentinel simd target target_clones tls_model transparent_union unavailable uninitialized unused used vector_size visibility warn_if_not_aligned warn_unused_result warning weak weakref zero_call_used_regs".split(
    " ",
  );
for (const a of manual) probed.attribute.add(a);
for (const b of "__builtin_expect __builtin_constant_p __builtin_choose_expr __builtin_types_compatible_p __builtin_offsetof __builtin_unreachable __builtin_trap __builtin_object_size __builtin_dynamic_object_size __builtin_memcpy __builtin_memset __builtin_strlen __builtin_clz __builtin_ctz __builtin_ffs __builtin_popcount __builtin_parity __builtin_bswap16 __builtin_bswap32 __builtin_bswap64 __builtin_add_overflow __builtin_sub_overflow __builtin_mul_overflow __builtin_assume_aligned __builtin_prefetch __builtin_return_address __builtin_frame_address __builtin_classify_type __builtin_has_attribute __builtin_counted_by_ref __builtin_is_constant_evaluated __builtin_speculation_safe_value __builtin_thread_pointer __builtin_isdigit".split(
  " ",
))
  probed.builtin.add(b);
function answers(kind: "attribute" | "builtin"): string {
  const names = [...probed[kind]].filter((n) => n.length > 1).sort();
  const out = gcc(["-E", "-P", "-x", "c", "-"], names.map((n) => `${n} __has_${kind}(${n})\n`).join(""))
    .split("\n")
    .filter(Boolean);
  return out
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w.length === 2 && w[1] !== "0")
    .map((w) => `${w[0]}=${w[1]}`)
    .join(" ");
}
const attributes = answers("attribute");
const builtins = answers("builtin");
// the standard attributes C23 names, as __has_c_attribute answers for them
const cAttributes = gcc(
  ["-E", "-P", "-x", "c", "-"],
  ["deprecated", "fallthrough", "maybe_unused", "nodiscard", "noreturn", "_Noreturn", "unsequenced", "reproducible"]
    .map((n) => `${n} __has_c_attribute(${n})\n`)
    .join(""),
)
  .split("\n")
  .filter(Boolean)
  .map((l) => l.trim().split(/\s+/))
  .filter((w) => w.length === 2 && w[1] !== "0")
  .map((w) => `${w[0]}=${w[1]}`)
  .join(" ");

writeFileSync(
  new URL("../../wasm/assembly/cpp/gcc.ts", import.meta.url),
  renderGccTable({ version, kernel: k.version, flags: codegen.join(" "), predefined, attributes, builtins, cAttributes }),
);
process.stderr.write(
  `wrote wasm/assembly/cpp/gcc.ts: ${predefined.split("\n").length - 1} macros, ${attributes.split(" ").length} attributes, ${builtins.split(" ").length} builtins\n`,
);
