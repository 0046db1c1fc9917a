// Which rule applies when: every kernel release ksymns knows (5.4 … 7.3), keyed as
// major*100+minor, and the release that introduced each behaviour. Debian's 6.12 carries
// backports (string DEFAULT_SYMBOL_NAMESPACE, the _FOR_MODULES macro), and so does ours.

/** Every release the engine knows, oldest first. */
export function knownReleases(): i32[] {
  const out: i32[] = [];
  for (let m = 4; m <= 19; m++) out.push(500 + m);
  for (let m = 0; m <= 19; m++) out.push(600 + m);
  for (let m = 0; m <= 3; m++) out.push(700 + m);
  return out;
}

export const DEFAULT_RELEASE: i32 = 612;

/** "6.12", "6.12.113", "6.12.113+deb12-amd64", "v6.12" → 612; 0 when not a known release. */
export function parseRelease(text: string): i32 {
  let s = text.trim();
  if (s.startsWith("v")) s = s.substring(1);
  let major = 0, minor = 0, i = 0, digits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) { major = major * 10 + (s.charCodeAt(i) - 48); i++; digits++; if (digits > 3) return 0; }
  if (digits == 0 || i >= s.length || s.charCodeAt(i) != 46) return 0;
  i++; digits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) { minor = minor * 10 + (s.charCodeAt(i) - 48); i++; digits++; if (digits > 3) return 0; }
  if (digits == 0) return 0;
  const v = major * 100 + minor;
  return isKnown(v) ? v : 0;
}

export function isKnown(v: i32): bool {
  return (v >= 504 && v <= 519) || (v >= 600 && v <= 619) || (v >= 700 && v <= 703);
}

export function releaseName(v: i32): string {
  return (v / 100).toString() + "." + (v % 100).toString();
}

function isDigit(c: i32): bool { return c >= 48 && c <= 57; }

/** The behaviours that changed between releases. */
export class Rules {
  constructor(public v: i32) {}

  /** EXPORT_SYMBOL_NS*, MODULE_IMPORT_NS take a string literal (6.13 conversion). */
  get nsIsString(): bool { return this.v >= 613; }
  /** DEFAULT_SYMBOL_NAMESPACE is a string (Debian 6.12 backport; mainline 6.13). */
  get defaultNsIsString(): bool { return this.v >= 612; }
  /** EXPORT_SYMBOL_GPL_FOR_MODULES exists: 6.16, and Debian's 6.12 backport. */
  get hasGplForModules(): bool { return this.v == 612 || this.v == 616; }
  /** EXPORT_SYMBOL_FOR_MODULES exists (the 6.17 rename). */
  get hasForModules(): bool { return this.v >= 617; }
  /** Namespaced exports exist at all. */
  get hasNamespaces(): bool { return this.v >= 504; }
  /** The loader and modpost treat `module:` namespaces specially. */
  get moduleNamespaces(): bool { return this.v >= 616; }
  /** modpost runs in the external module's folder (6.13 "change working directory"). */
  get modpostRelativePaths(): bool { return this.v >= 613; }
  /** 7.3 rewrote modpost's messages as "<mod>.ko: ...". */
  get modpostModPrefix(): bool { return this.v >= 703; }
  /** A missing namespace import is a modpost error unless -N (Jessica Yu, for 5.7); a
   *  warning before. */
  get missingNsIsError(): bool { return this.v >= 507; }
  /** GPL-only use by a non-GPL module: FATAL up to 5.10, ERROR after. */
  get gplOnlyIsFatal(): bool { return this.v <= 510; }
  /** Missing MODULE_LICENSE(): WARNING up to 5.10, ERROR after. */
  get missingLicenseIsError(): bool { return this.v >= 511; }
  /** Missing MODULE_DESCRIPTION() is warned about. */
  get warnsMissingDescription(): bool { return this.v >= 616; }
  /** module_augment_kernel_taints() ends with "<mod>: module license taints kernel." the
   *  first time P is set (seen on 6.12, not on 6.1). The function came with "module: split
   *  taint adding with info checking" (Luis Chamberlain, posted 2023-03-19): absent from the
   *  6.3.8 source, present in 6.4.6; before, the license taint was set before the check. */
  get licenseTaintShortLine(): bool { return this.v >= 604; }
  /** modpost's "exported twice" against vmlinux is an error (a warning on 5.10). */
  get exportedTwiceIsError(): bool { return this.v >= 511; }
  /** The proprietary-owner refusal and the inherited-taint warning name the symbol: "module:
   *  show disallowed symbol name for inherit_taint()" (Lecopzer Chen, modules pull for 5.19);
   *  the 5.17-rc5 and 5.18.12 sources print the 5.9 wording, 5.19.0 the new one. */
  get proprietaryNamesSymbol(): bool { return this.v >= 519; }
  /** GPL-only symbols of a proprietary module are refused / taint inherited (5.9). */
  get proprietaryOwnerChecks(): bool { return this.v >= 509; }
  /** Debian's MODVERSIONS default for this release. */
  get debianModversions(): bool { return this.v <= 617; }
  // The order of a module's symbols (sim/symorder.ts) [real: test/workspaces/symtab-order,
  // objtool-order on 5.10 … 7.3; the boundaries between lab kernels are inferred]:
  /** Debian builds 6.1 and later with gcc 12+, which emits __exit functions after the rest. */
  get gccEmitsExitLast(): bool { return this.v >= 601; }
  /** objtool moves each object's first global symbol to the end (6.12 … 7.1, not 6.1 or 7.2). */
  get objtoolMovesFirstGlobal(): bool { return this.v >= 612 && this.v <= 701; }
  /** modpost keeps unresolved symbols and modules in file order ("modpost: traverse unresolved
   *  symbols in order", Masahiro Yamada, 5.19); before, newest first. */
  get modpostKeepsOrder(): bool { return this.v >= 519; }
  /** With MODVERSIONS kbuild re-linked each exporting object with `ld -r` to add its __crc_
   *  symbols, until "kbuild: link symbol CRCs at final link" (5.19). */
  get relinksExportingObjects(): bool { return this.v < 519; }
  /** gcc 14 (6.16+ builds) also reports the undeclared identifier of a bad import (6.19). */
  get importIdentifierExtraErrors(): bool { return this.v >= 619; }

  // The loader's ELF checks, as the real kernels' printk formats show them [real: strings
  // of the Debian images 5.10 … 7.3; the boundaries between them from the sources]:
  /** elf_validity_check() names each problem (5.10 only sums up, "invalid ELF structures"):
   *  commit 7fd982f394c4 "module: change to print useful messages from elf_validity_check()",
   *  mainline 5.16, backported to 5.15.y (absent from 5.15.16, present in 5.15.100). */
  get elfCheckMessages(): bool { return this.v >= 515; }
  get elfInvalidSummaryLine(): bool { return this.v < 515; }
  /** elf_validity_cache_copy(): section table, names, then .modinfo, this_module, symtab (6.12). */
  get elfCheckSplit(): bool { return this.v >= 612; }
  /** The name table and symbol string table must be SHT_STRTAB (Debian 6.12, and 7.3; not in
   *  the sources of 6.13.2, 6.14.0, 6.18.2 … 7.1.3). */
  get elfStringTableTypes(): bool { return this.v == 612 || this.v >= 703; }
  /** elf_validity_cache_strtab(): empty, unterminated or overrun symbol string tables (in the
   *  6.13.2 source, not in Debian's 6.12). */
  get symbolStringTableChecks(): bool { return this.v >= 613; }
  /** __version_ext_crcs/__version_ext_names (absent from the 6.13.2 source, in 6.14.0). */
  get extendedModversions(): bool { return this.v >= 614; }
}
