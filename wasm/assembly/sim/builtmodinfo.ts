// The .modinfo section make writes into a module it builds (M=), in section order: the
// objects in link order — each object's strings in reverse order of definition, as gcc 10,
// 12 and 14 emit them — then the .mod.o modpost generates, then (6.12 on) .module-common.o.
// [real: .modinfo of Debian's 5.10, 6.1 and 7.3 modules and of 6.12 external builds]

import { KoImage } from "../model";
import { Span } from "../diagnostics";
import { Rules } from "../kernel/versions";
import { ModInfo } from "../source/modinfo";
import { ModuleSource } from "../source/toyc";
import { BuildUnit } from "./build";

/** A built module's .modinfo, and the tags whose values ksymns does not keep. */
export class BuiltModinfo {
  info: ModInfo = new ModInfo();
  /** Tags the sources set whose values the C reader does not keep (MODULE_DESCRIPTION's). */
  unknown: string[] = [];
}

class Entry {
  constructor(
    public key: string,
    public value: string,
    public at: Span,
  ) {}
}

function before(a: Span, b: Span): bool {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/** One object's strings that ksymns knows the value and place of, last defined first. */
function objectStrings(src: ModuleSource, imports: Map<Span, string>): Entry[] {
  const list: Entry[] = [];
  if (src.license != null) list.push(new Entry("license", src.license as string, src.licenseSpan));
  for (let i = 0; i < src.softdeps.length; i++) list.push(new Entry("softdep", src.softdeps[i], src.softdepSpans[i]));
  for (let i = 0; i < src.imports.length; i++) {
    const span = src.imports[i].span;
    if (imports.has(span)) list.push(new Entry("import_ns", imports.get(span), span));
  }
  list.sort((a: Entry, b: Entry): i32 => (before(a.at, b.at) ? 1 : before(b.at, a.at) ? -1 : 0));
  // MODULE_INFO(intree, "Y") has no place recorded: last of the object's strings
  if (src.intree) list.push(new Entry("intree", "Y", Span.none()));
  return list;
}

/** The .modinfo of `ko`, built from `unit` for a kernel with `vermagic`. Debian's amd64
 *  kernels all have CONFIG_(MITIGATION_)RETPOLINE, so modpost adds retpoline=Y. */
export function composeModinfo(unit: BuildUnit, ko: KoImage, r: Rules, vermagic: string): BuiltModinfo {
  const out = new BuiltModinfo();
  // the import values as the compiler wrote them, by the statement they came from
  const imports = new Map<Span, string>();
  if (ko.importNs.length == unit.src.imports.length) {
    for (let i = 0; i < ko.importNs.length; i++) imports.set(unit.src.imports[i].span, ko.importNs[i]);
  }
  let described = false;
  for (let p = 0; p < unit.parts.length; p++) {
    const part = unit.parts[p];
    described = described || part.hasDescription;
    const strings = objectStrings(part, imports);
    for (let i = 0; i < strings.length; i++) add(out.info, strings[i].key, strings[i].value);
  }
  if (described) out.unknown.push("description");
  // the .mod.c: depends= last, name= first (6.12 on, with vermagic and retpoline elsewhere)
  add(out.info, "depends", ko.depends.join(","));
  if (r.modinfoCommonObject) {
    add(out.info, "name", ko.name);
    add(out.info, "retpoline", "Y");
  } else {
    add(out.info, "retpoline", "Y");
    add(out.info, "name", ko.name);
  }
  add(out.info, "vermagic", vermagic);
  return out;
}

function add(m: ModInfo, key: string, value: string): void {
  m.keys.push(key);
  m.values.push(value);
}
