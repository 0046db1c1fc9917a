// modpost's verdict on a module that is already built (scripts/mod/modpost.c read_symbols
// and check_exports, run over a real .ko's modinfo and symbol table as if it were being
// linked against the given export table): missing license, explicit `module:` imports,
// undefined symbols, namespaces not imported, GPL-only symbols. The loader's own verdict
// comes from loading it (loader.ts).

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { Export, KoImage } from "../model";
import { KoFile } from "../source/ko";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { isGplCompatible, moduleNamespaceAllows, MODULE_NS_PREFIX } from "./namespaces";
import { SymbolTable } from "./symtab";

/** modpost's findings about `ko` against `t`; undefined symbols are only checked when the
 *  table holds vmlinux's exports (as modpost skips them without vmlinux). */
export function checkBuiltKo(ko: KoImage, t: SymbolTable, hasVmlinux: bool, r: Rules, allowMissingNsImports: bool): Finding[] {
  const out: Finding[] = [];
  const at = new Span(ko.file, 0, 0, 0, 0);
  const mod = ko.name;
  if (ko.license == null) {
    out.push(
      new Finding(Stage.Modpost, r.missingLicenseIsError ? Severity.Error : Severity.Warning, Msg.MODPOST_NO_LICENSE, T.modpostNoLicense(r, mod), at, mod),
    );
  }
  if (r.moduleNamespaces) {
    for (let i = 0; i < ko.importNs.length; i++) {
      const ns = ko.importNs[i];
      if (ns.startsWith(MODULE_NS_PREFIX))
        out.push(new Finding(Stage.Modpost, Severity.Error, Msg.MODPOST_IMPORT_MODULE_NS, T.modpostImportModuleNs(r, mod, ns), at, mod));
    }
  }
  const gplOk = ko.license == null || isGplCompatible(ko.license as string);
  for (let i = 0; i < ko.undefined.length; i++) {
    const sym = ko.undefined[i];
    const e = t.find(sym);
    if (e == null) {
      if (hasVmlinux && !(ko.real != null && (ko.real as KoFile).weak.has(sym))) {
        out.push(new Finding(Stage.Modpost, Severity.Error, Msg.MODPOST_UNDEFINED, T.modpostUndefined(r, mod, sym, false), at, mod));
      }
      continue;
    }
    const x = e as Export;
    if (x.ns.length > 0 && !ko.importNs.includes(x.ns) && !(r.moduleNamespaces && moduleNamespaceAllows(x.ns, mod, false))) {
      const f = new Finding(
        Stage.Modpost,
        allowMissingNsImports ? Severity.Warning : Severity.Error,
        Msg.MODPOST_NS_NOT_IMPORTED,
        T.modpostNsNotImported(r, mod, sym, x.ns, allowMissingNsImports),
        at,
        mod,
      );
      f.about(sym, x.ns);
      if (!x.span.isNone()) f.withRelated(x.span, "exported here into namespace " + x.ns);
      out.push(f);
    }
    if (!gplOk && x.gpl) {
      const f = new Finding(Stage.Modpost, Severity.Error, Msg.MODPOST_GPL_ONLY, T.modpostGplOnly(r, mod, sym), at, mod);
      f.about(sym, x.ns);
      if (!x.span.isNone()) f.withRelated(x.span, "exported GPL-only here");
      out.push(f);
    }
  }
  return out;
}
