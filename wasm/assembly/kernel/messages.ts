// Every text the kernel, modpost, the compiler and kmod/busybox print, by message id and
// release. Sources: scripts/mod/modpost.c, kernel/module/{main,version,signing}.c, kmod's
// tools/{insmod,rmmod,modprobe}.c, busybox modutils; checked against real Debian kernels.

import { Rules } from "./versions";

/** modpost's "[<M>/<mod>.ko]" module path, which lost the folder in 6.13. */
function modpostKo(r: Rules, mod: string): string {
  return r.modpostRelativePaths ? mod + ".ko" : "<M>/" + mod + ".ko";
}
function modpostObj(r: Rules, mod: string): string {
  return r.modpostRelativePaths ? mod + ".o" : "<M>/" + mod + ".o";
}

export function modpostUndefined(r: Rules, mod: string, sym: string, warn: bool): string {
  const lvl = warn ? "WARNING" : "ERROR";
  if (r.modpostModPrefix) return lvl + ": modpost: " + mod + ".ko: symbol '" + sym + "' undefined!";
  return lvl + ': modpost: "' + sym + '" [' + modpostKo(r, mod) + "] undefined!";
}

export function modpostNsNotImported(r: Rules, mod: string, sym: string, ns: string, warn: bool): string {
  const lvl = warn ? "WARNING" : "ERROR";
  if (r.modpostModPrefix) return lvl + ": modpost: " + mod + ".ko: module uses symbol '" + sym + "' from namespace '" + ns + "', but does not import it.";
  return lvl + ": modpost: module " + mod + " uses symbol " + sym + " from namespace " + ns + ", but does not import it.";
}

export function modpostGplOnly(r: Rules, mod: string, sym: string): string {
  if (r.modpostModPrefix) return "ERROR: modpost: " + mod + ".ko: GPL-incompatible module uses GPL-only symbol '" + sym + "'";
  return (r.gplOnlyIsFatal ? "FATAL" : "ERROR") + ": modpost: GPL-incompatible module " + mod + ".ko uses GPL-only symbol '" + sym + "'";
}

export function modpostNoLicense(r: Rules, mod: string): string {
  if (r.modpostModPrefix) return "ERROR: modpost: " + mod + ".ko: missing MODULE_LICENSE()";
  return (r.missingLicenseIsError ? "ERROR" : "WARNING") + ": modpost: missing MODULE_LICENSE() in " + modpostObj(r, mod);
}

export function modpostImportModuleNs(r: Rules, mod: string, ns: string): string {
  if (r.modpostModPrefix) return "ERROR: modpost: " + mod + ".ko: explicitly importing namespace '" + ns + "' is not allowed.";
  return "ERROR: modpost: " + mod + ': explicitly importing namespace "' + ns + '" is not allowed.';
}

export function modpostNoDescription(r: Rules, mod: string): string {
  if (r.modpostModPrefix) return "WARNING: modpost: " + mod + ".ko: missing MODULE_DESCRIPTION()";
  return "WARNING: modpost: missing MODULE_DESCRIPTION() in " + modpostObj(r, mod);
}

export function modpostNoVmlinux(): string {
  return "WARNING: modpost: Symbol info of vmlinux is missing. Unresolved symbol check will be entirely skipped.";
}

export function modpostExportedTwice(r: Rules, mod: string, sym: string, prev: string): string {
  if (r.modpostModPrefix) return "ERROR: modpost: " + mod + ".ko: symbol '" + sym + "' exported twice. Previous export was in " + prev;
  return (r.exportedTwiceIsError ? "ERROR" : "WARNING") + ": modpost: " + mod + ": '" + sym + "' exported twice. Previous export was in " + prev;
}

// ---- compiler and assembler (gcc / gas) ----

export function asJunk(first: string): string {
  return "Error: junk at end of line, first unrecognized character is `" + first + "'";
}
export function ccExpectedParenBefore(what: string): string {
  return "error: expected ')' before " + what;
}
export function ccImportIdentifier(ns: string): string {
  return "error: expected ',' or ';' before '" + ns + "'";
}
export function ccUndeclared(ns: string, suggestion: string = ""): string {
  return "error: '" + ns + "' undeclared here (not in a function)" + didYouMean(suggestion);
}
export function ccUndeclaredInFunction(name: string, suggestion: string): string {
  return "error: '" + name + "' undeclared (first use in this function)" + didYouMean(suggestion);
}
/** c-typeck.cc build_component_ref: a member the record does not have. */
export function ccNoMember(type: string, member: string, suggestion: string): string {
  return "error: " + type + " has no member named '" + member + "'" + didYouMean(suggestion);
}
/** c-typeck.cc c_incomplete_type_error: a member of a struct the headers only declare. */
export function ccUndefinedType(type: string): string {
  return "error: invalid use of undefined type " + type;
}
/** c-decl.cc start_function, with kbuild's -Wmissing-prototypes (6.8+). */
export function ccNoPrototype(fn: string): string {
  return "warning: no previous prototype for '" + fn + "' [-Wmissing-prototypes]";
}
/** c-typeck.cc: an initializer's value with no member left for it (a warning). */
export function ccExcessElements(kind: string): string {
  return "warning: excess elements in " + kind + " initializer";
}
export function ccNearInitialization(object: string): string {
  return "note: (near initialization for '" + object + "')";
}
/** kbuild's -Werror=return-type of gcc's warning for a function that runs off its end. */
export const CC_NO_RETURN = "error: control reaches end of non-void function [-Werror=return-type]";
export const CC_UNDECLARED_ONCE = "note: each undeclared identifier is reported only once for each function it appears in";
/** gcc 14 makes it an error of its own; before, kbuild's -Werror= does. */
export function ccImplicitDeclaration(name: string, suggestion: string, ownError: bool): string {
  return (
    "error: implicit declaration of function '" +
    name +
    "'" +
    didYouMean(suggestion) +
    (ownError ? " [-Wimplicit-function-declaration]" : " [-Werror=implicit-function-declaration]")
  );
}
function didYouMean(suggestion: string): string {
  return suggestion.length > 0 ? "; did you mean '" + suggestion + "'?" : "";
}
export function ccInFunction(fn: string): string {
  return "In function '" + fn + "':";
}
export const CC_AT_TOP_LEVEL = "At top level:";
export function ccIncludeHeader(header: string, name: string): string {
  return "note: include '" + header + "' or provide a declaration of '" + name + "'";
}
export function ccBuiltinMismatch(name: string): string {
  return "warning: incompatible implicit declaration of built-in function '" + name + "' [-Wbuiltin-declaration-mismatch]";
}
export const CC_WARNINGS_AS_ERRORS = "cc1: some warnings being treated as errors";
export function ccStaticAssert(): string {
  return "error: expression in static assertion is not an integer";
}
export function asAlreadyDefined(sym: string): string {
  return "Error: symbol `" + sym + "' is already defined";
}

// ---- the loader (kernel log) ----

export function sigUnsigned(mod: string): string {
  return mod + ": module verification failed: signature and/or required key missing - tainting kernel";
}
export function sigRejected(): string {
  return "Loading of unsigned module is rejected";
}
export function outOfTree(mod: string): string {
  return mod + ": loading out-of-tree module taints kernel.";
}
export function licenseTaint(mod: string, lic: string): string {
  return mod + ": module license '" + lic + "' taints kernel.";
}
export function lockdepOff(): string {
  return "Disabling lock debugging due to kernel taint";
}
export function licenseTaintShort(mod: string): string {
  return mod + ": module license taints kernel.";
}
export function importModuleNs(mod: string, ns: string): string {
  return mod + ": module tries to import module namespace: " + ns;
}
export function duplicateExport(mod: string, sym: string, owner: string): string {
  return mod + ": exports duplicate symbol " + sym + " (owned by " + owner + ")";
}
export function unknownSymbol(mod: string, sym: string, err: i32): string {
  return mod + ": Unknown symbol " + sym + " (err " + err.toString() + ")";
}
export function crcMismatch(mod: string, sym: string): string {
  return mod + ": disagrees about version of symbol " + sym;
}
export function noCrc(mod: string, sym: string): string {
  return mod + ": no symbol version for " + sym;
}
export function nsNotImported(mod: string, sym: string, ns: string): string {
  return mod + ": module uses symbol (" + sym + ") from namespace " + ns + ", but does not import it.";
}
export function gplFromProprietary(r: Rules, mod: string, sym: string, owner: string): string {
  if (!r.proprietaryNamesSymbol) return mod + ": module using GPL-only symbols uses symbols from proprietary module " + owner + ".";
  return mod + ": module using GPL-only symbols uses symbols " + sym + " from proprietary module " + owner + ".";
}
export function inheritTaint(r: Rules, mod: string, sym: string, owner: string): string {
  if (!r.proprietaryNamesSymbol) return mod + ": module uses symbols from proprietary module " + owner + ", inheriting taint.";
  return mod + ": module uses symbols " + sym + " from proprietary module " + owner + ", inheriting taint.";
}

// ---- user space ----

export const ENOENT: i32 = 2;
export const ENOEXEC: i32 = 8;
export const EEXIST: i32 = 17;
export const EINVAL: i32 = 22;
export const EPERM: i32 = 1;
export const EKEYREJECTED: i32 = 129;
export const EAGAIN: i32 = 11;
export const EBUSY: i32 = 16;

export function strerror(errno: i32): string {
  if (errno == EPERM) return "Operation not permitted";
  if (errno == ENOENT) return "No such file or directory";
  if (errno == ENOEXEC) return "Exec format error";
  if (errno == EEXIST) return "File exists";
  if (errno == EINVAL) return "Invalid argument";
  if (errno == EKEYREJECTED) return "Key was rejected by service";
  if (errno == EAGAIN) return "Resource temporarily unavailable";
  if (errno == EBUSY) return "Device or resource busy";
  if (errno == EBADMSG) return "Bad message";
  return "Unknown error " + errno.toString();
}

/** kmod's mod_strerror(): the texts insmod and modprobe print for init_module's errno. */
export function kmodModError(errno: i32): string {
  if (errno == ENOEXEC) return "Invalid module format";
  if (errno == ENOENT) return "Unknown symbol in module";
  if (errno == EINVAL) return "Invalid parameters";
  return strerror(errno);
}

export function insmodInsertError(file: string, errno: i32): string {
  return "insmod: ERROR: could not insert module " + file + ": " + kmodModError(errno);
}
export function insmodLoadError(file: string, errno: i32): string {
  return "insmod: ERROR: could not load module " + file + ": " + strerror(errno);
}
export function busyboxInsertError(file: string, errno: i32): string {
  return "insmod: can't insert '" + file + "': " + busyboxError(errno);
}
/** busybox's moderror(): its own text for ENOEXEC and ENOENT, strerror() otherwise. */
function busyboxError(errno: i32): string {
  if (errno == ENOEXEC) return "invalid module format";
  if (errno == ENOENT) return "unknown symbol in module, or unknown parameter";
  return strerror(errno);
}
/** busybox's insmod when the file cannot be read: bb_init_module() returns -errno, which
 *  moderror() prints with strerror() [real: busybox 1.30 and 1.35, 5.10 … 7.3]. */
export function busyboxReadError(file: string, errno: i32): string {
  return "insmod: can't insert '" + file + "': " + strerror(errno);
}
export function busyboxRmmodError(mod: string, errno: i32): string {
  return "rmmod: can't unload module '" + mod + "': " + strerror(errno);
}
export function rmmodBusy(mod: string): string {
  return "rmmod: ERROR: could not remove module " + mod + ": " + strerror(EBUSY);
}
export function rmmodInUse(mod: string, users: string): string {
  return users.length > 0 ? "rmmod: ERROR: Module " + mod + " is in use by: " + users : "rmmod: ERROR: Module " + mod + " is in use";
}
/** mod_sysfs_init(): /sys/module/<name> exists for a built-in module. */
export function builtinNameTaken(mod: string): string {
  return mod + ": module is already loaded";
}
export function rmmodBuiltin(mod: string): string {
  return "rmmod: ERROR: Module " + mod + " is builtin.";
}
export function modprobeRemoveBuiltin(mod: string): string {
  return "modprobe: FATAL: Module " + mod + " is builtin.";
}
/** kmod 30's rmmod on a /sys/module entry that is no modules.builtin entry (printk; every
 *  built-in module on Debian 7.x): its error names its own source line, and it goes on to
 *  rmmodNoUnloading(). */
export function rmmodNoHolders(mod: string): string {
  return "rmmod: ERROR: ../libkmod/libkmod-module.c:1998 kmod_module_get_holders() could not open '/sys/module/" + mod + "/holders': No such file or directory";
}
export function rmmodNoUnloading(): string {
  return "rmmod: ERROR: Module unloading is not supported";
}
export function rmmodNotLoaded(mod: string): string {
  return "rmmod: ERROR: Module " + mod + " is not currently loaded";
}
export function modprobeInsertError(mod: string, errno: i32): string {
  if (errno == ENOENT) return "modprobe: ERROR: could not insert '" + mod + "': Unknown symbol in module, or unknown parameter (see dmesg)";
  return "modprobe: ERROR: could not insert '" + mod + "': " + kmodModError(errno);
}
export function modprobeNotFound(mod: string, release: string): string {
  return "modprobe: FATAL: Module " + mod + " not found in directory /lib/modules/" + release;
}
export function modprobeInUse(mod: string): string {
  return "modprobe: FATAL: Module " + mod + " is in use.";
}
export function modprobeNotInKernel(mod: string): string {
  return "modprobe: FATAL: Module " + mod + " is not in kernel.";
}
export function modprobeRemoveNotFound(mod: string): string {
  return "modprobe: FATAL: Module " + mod + " not found.";
}
export function shellNotFound(cmd: string): string {
  return "sh: " + cmd + ": not found";
}

// kmod's modinfo (tools/modinfo.c, kmod 28 and 30): its lines and errors

/** modinfo_alias_do(): an argument that is no module file and names no module. */
export function modinfoNotFound(name: string): string {
  return "modinfo: ERROR: Module " + name + " not found.";
}
/** One line of the full listing: printf("%s:%-*s%s", key, 15 - strlen(key), "", value), where
 *  a negative width pads as much, on the left-justified side. */
export function modinfoLine(key: string, value: string): string {
  const w = 15 - key.length;
  return key + ":" + " ".repeat(w < 0 ? -w : w) + value;
}
/** The filename: and parm: lines: printf("%-16s...", "filename:"). */
export function modinfoLabel(label: string): string {
  return label.length >= 16 ? label : label + " ".repeat(16 - label.length);
}
/** A parameter: name:description (type), either part possibly missing; a type alone is
 *  "name: (type)" for -F parm and "name:type" in the full listing. */
export function modinfoParm(name: string, desc: string | null, type: string | null, listing: bool): string {
  if (desc == null) return listing ? name + ":" + (type as string) : name + ": (" + (type as string) + ")";
  return type == null ? name + ":" + (desc as string) : name + ":" + (desc as string) + " (" + (type as string) + ")";
}

// ---- the loader's first checks of a .ko (kernel/module/main.c: elf_validity_check,
// ---- setup_load_info, check_modinfo; kernel/module/version.c; texts as the real
// ---- Debian kernels 5.10 … 7.3 carry them in their printk formats) ----

export const EBADMSG: i32 = 74;

export function elfInvalidStructures(): string {
  return "Module has invalid ELF structures";
}
export function elfHeaderLen(len: i32): string {
  return "Invalid ELF header len " + len.toString();
}
export function elfHeaderMagic(): string {
  return "Invalid ELF header magic: != " + String.fromCharCode(0x7f) + "ELF";
}
export function elfHeaderType(t: u32): string {
  return "Invalid ELF header type: " + t.toString() + " != 1";
}
export function elfArchitecture(m: u32): string {
  return "Invalid architecture in ELF header: " + m.toString();
}
export function elfSectionHeaderSize(): string {
  return "Invalid ELF section header size";
}
export function elfSectionHeaderOverflow(): string {
  return "Invalid ELF section header overflow";
}
export function elfSection0(type: i32): string {
  return "ELF Spec violation: section 0 type(" + type.toString() + ")!=SH_NULL or non-zero len or addr";
}
export function elfSectionInModule(i: i32, type: u32): string {
  return "Invalid ELF section in module (section " + i.toString() + " type " + type.toString() + ")";
}
export function elfSectionNameIndex(idx: i32, shnum: i32): string {
  return "Invalid ELF section name index: " + idx.toString() + " || e_shstrndx (" + idx.toString() + ") >= e_shnum (" + shnum.toString() + ")";
}
export function elfSectionHdr(type: u32): string {
  return "Invalid ELF section hdr(type " + type.toString() + ")";
}
export function elfSectionNameTableType(type: u32): string {
  return "Invalid ELF section name table type: " + type.toString();
}
export function elfEmptySectionNames(): string {
  return "empty section name table";
}
export function elfSectionNamesNotNul(): string {
  return "ELF Spec violation: section name table isn't null terminated";
}
export function elfSectionName(i: i32, type: u32): string {
  return "Invalid ELF section name in module (section " + i.toString() + " type " + type.toString() + ")";
}
export function elfOneModinfo(): string {
  return "Only one .modinfo section must exist.";
}
export function elfThisModuleCount(mod: string): string {
  return "module " + mod + ": Exactly one .gnu.linkonce.this_module section must exist.";
}
export function elfThisModuleNoBits(mod: string): string {
  return "module " + mod + ": .gnu.linkonce.this_module section must have a size set";
}
export function elfThisModuleNoAlloc(mod: string): string {
  return "module " + mod + ": .gnu.linkonce.this_module must occupy memory during process execution";
}
export function elfThisModuleSize(mod: string): string {
  return "module " + mod + ": .gnu.linkonce.this_module section size must match the kernel's built struct module size at run time";
}
export function noSymbols(mod: string): string {
  return mod + ": module has no symbols (stripped?)";
}
export function noModuleInObject(mod: string): string {
  return mod + ": No module found in object";
}
export function elfShLink(link: i32, shnum: i32): string {
  return "Invalid ELF sh_link!=SHN_UNDEF(" + link.toString() + ") or (sh_link(" + link.toString() + ") >= hdr->e_shnum(" + shnum.toString() + ")";
}
export function elfSymbolStringTableType(type: u32): string {
  return "Invalid ELF symbol string table type: " + type.toString();
}
export function elfExtVersionsPresence(): string {
  return "extended version crc+name presence does not match";
}
export function elfExtVersionsCount(): string {
  return "more extended version crcs than names";
}
export function elfEmptySymbolStrings(): string {
  return "empty symbol string table";
}
export function elfSymbolStringsLeadingNul(): string {
  return "symbol string table missing leading NUL";
}
export function elfSymbolStringsNotNul(): string {
  return "symbol string table isn't NUL terminated";
}
export function elfSymbolNameBounds(): string {
  return "symbol name out of bounds in string table";
}
export function vermagicMismatch(mod: string, modMagic: string, kernelMagic: string): string {
  return mod + ": version magic '" + modMagic + "' should be '" + kernelMagic + "'";
}
/** try_to_force_load() with CONFIG_MODULE_FORCE_LOAD (Debian): `reason` is "bad vermagic" or a symbol. */
export function forcedLoad(mod: string, reason: string): string {
  return mod + ": " + reason + ": kernel tainted.";
}
export function noRetpoline(mod: string): string {
  return mod + ": loading module not compiled with retpoline compiler.";
}
export function stagingModule(mod: string): string {
  return mod + ": module is from the staging directory, the quality is unknown, you have been warned.";
}
export function noExtCrc(mod: string, sym: string): string {
  return mod + ": no extended symbol version for " + sym;
}

// ---- kmod's depmod (tools/depmod.c, kmod 30) ----

export function depmodNoSymbols(path: string, errno: i32): string {
  return "depmod: ERROR: failed to load symbols from " + path + ": " + strerror(errno);
}
export function depmodCycles(count: i32): string {
  return "depmod: ERROR: Found " + count.toString() + " modules in dependency cycles!";
}
export function depmodNoOrder(dir: string): string {
  return "depmod: WARNING: could not open modules.order at " + dir + ": No such file or directory";
}
