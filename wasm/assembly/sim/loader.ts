// The loader: load_module() of kernel/module/main.c for one `.ko` — signature, modinfo
// taints, module: namespace imports (6.16), duplicate exports, then every undefined symbol
// through resolve_symbol(): GPL-only, proprietary owners, CRCs (version.c), namespaces.

import { Msg } from "../../shared/codes";
import { KoImage } from "../model";
import { KoFile } from "../source/ko";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { isGplCompatible, moduleNamespaceAllows, MODULE_NS_PREFIX } from "./namespaces";
import { LoadedModule, Session, TAINT_CRAP, TAINT_FORCED, TAINT_OOT, TAINT_PROPRIETARY, TAINT_UNSIGNED } from "./session";

export class LoaderConfig {
  modversions: bool = true;
  sig: bool = true;
  sigForce: bool = false;
  allowMissingNsImports: bool = false;
  /** The kernel's vermagic, checked against a real .ko's. */
  vermagic: string = "";
  /** CONFIG_MITIGATION_RETPOLINE: modules without retpoline=Y are warned about. */
  retpoline: bool = true;
}

/** What one load attempt did: 0 or a positive errno, and for each failing symbol its message. */
export class LoadOutcome {
  errno: i32 = 0;
  /** Symbols that failed, with the finding id that explains each. */
  failed: string[] = [];
  failedIds: Msg[] = [];
}

function fail(o: LoadOutcome, errno: i32): LoadOutcome {
  o.errno = errno;
  return o;
}

/** Runs load_module() for `ko` against the session; on success the module is Live. */
export function loadModule(s: Session, ko: KoImage, r: Rules, cfg: LoaderConfig): LoadOutcome {
  const o = new LoadOutcome();
  const mod = new LoadedModule(ko);
  const name = ko.name;

  // module_sig_check(): a malformed signature block fails the load before anything is said
  const real = ko.real;
  if (cfg.sig && real != null && (real as KoFile).sigErrno != 0) return fail(o, (real as KoFile).sigErrno);
  if (cfg.sig && !ko.signed && cfg.sigForce) {
    s.print(5, T.sigRejected(), Msg.LOAD_SIG_REJECTED);
    return fail(o, T.EKEYREJECTED);
  }
  // a real .ko: the ELF checks, module_layout's version and the vermagic
  if (real != null) {
    const ferr = checkFile(s, ko, real as KoFile, mod, r, cfg);
    if (ferr != 0) return fail(o, ferr);
  }
  // check_modinfo(): out-of-tree and license taints, printed the first time in the boot
  if (!ko.intree) {
    if ((s.taint & TAINT_OOT) == 0) s.print(4, T.outOfTree(name), Msg.LOAD_OUT_OF_TREE);
    mod.taints |= TAINT_OOT;
    s.addTaint(TAINT_OOT, false);
  }
  if (real != null) {
    // check_modinfo_retpoline(), and the staging taint
    const mi = (real as KoFile).modinfo;
    if (cfg.retpoline && !mi.has("retpoline")) s.print(4, T.noRetpoline(name), Msg.LOAD_NO_RETPOLINE);
    if (mi.has("staging")) {
      mod.taints |= TAINT_CRAP;
      s.addTaint(TAINT_CRAP, false);
      s.print(4, T.stagingModule(name), Msg.LOAD_STAGING);
    }
  }
  const hadProprietary = (s.taint & TAINT_PROPRIETARY) != 0;
  const license = ko.license == null ? "unspecified" : (ko.license as string);
  if (!isGplCompatible(license)) {
    if (!hadProprietary) s.print(4, T.licenseTaint(name, license), Msg.LOAD_LICENSE_TAINT);
    mod.taints |= TAINT_PROPRIETARY;
    s.addTaint(TAINT_PROPRIETARY, true);
  }
  // unsigned module: taint E, notice once per boot
  if (cfg.sig && !ko.signed) {
    if (!s.sigNoticeShown) {
      s.sigNoticeShown = true;
      s.print(5, T.sigUnsigned(name), Msg.LOAD_SIG_UNSIGNED);
    }
    mod.taints |= TAINT_UNSIGNED;
    s.addTaint(TAINT_UNSIGNED, false);
  }
  // names the kernel taints whatever their license claims (module_augment_kernel_taints)
  if (name == "ndiswrapper") s.addTaint(TAINT_PROPRIETARY, true);
  if (name == "driverloader" || name == "lve") {
    mod.taints |= TAINT_PROPRIETARY;
    s.addTaint(TAINT_PROPRIETARY, true);
  }
  if (r.licenseTaintShortLine && !hadProprietary && (s.taint & TAINT_PROPRIETARY) != 0) {
    s.print(4, T.licenseTaintShort(name), Msg.LOAD_LICENSE_TAINT_SHORT);
  }
  // add_unformed_module(): one module of a name
  if (s.find(name) != null) return fail(o, T.EEXIST);

  // 6.16: no explicit import of a module: namespace
  if (r.moduleNamespaces) {
    for (let i = 0; i < ko.importNs.length; i++) {
      if (ko.importNs[i].startsWith(MODULE_NS_PREFIX)) {
        s.print(3, T.importModuleNs(name, ko.importNs[i]), Msg.LOAD_IMPORT_MODULE_NS, "", ko.importNs[i]);
        return fail(o, T.EPERM);
      }
    }
  }
  // verify_exported_symbols()
  for (let i = 0; i < ko.exports.length; i++) {
    const e = ko.exports[i];
    if (s.symbols.has(e.symbol)) {
      const owner = s.symbols.get(e.symbol).owner;
      s.print(3, T.duplicateExport(name, e.symbol, owner == "vmlinux" ? "kernel" : owner), Msg.LOAD_DUPLICATE_EXPORT, e.symbol);
      return fail(o, T.ENOEXEC);
    }
  }
  // simplify_symbols(): every undefined symbol; the last error is returned
  let usingGplOnly = false;
  let err = 0;
  const owners: string[] = [];
  for (let i = 0; i < ko.undefined.length; i++) {
    const sym = ko.undefined[i];
    const gplOk = (mod.taints & TAINT_PROPRIETARY) == 0;
    let symErr = 0;
    let id: Msg = Msg.LOAD_UNKNOWN_SYMBOL;
    if (!s.symbols.has(sym) || (s.symbols.get(sym).gpl && !gplOk)) {
      // a weak reference, or x86's unreferenced _GLOBAL_OFFSET_TABLE_, may stay unresolved
      if (real != null && ((real as KoFile).weak.has(sym) || ignoreUndefined(real as KoFile, sym))) continue;
      symErr = T.ENOENT;
    } else {
      const e = s.symbols.get(sym);
      if (e.gpl) usingGplOnly = true;
      const owner: LoadedModule | null = e.owner == "vmlinux" ? null : s.find(e.owner);
      // inherit_taint()
      if (owner != null && ((owner as LoadedModule).taints & TAINT_PROPRIETARY) != 0 && r.proprietaryOwnerChecks) {
        if (usingGplOnly) {
          s.print(3, T.gplFromProprietary(r, name, sym, e.owner), Msg.LOAD_GPL_FROM_PROPRIETARY, sym);
          symErr = T.ENOENT;
          id = Msg.LOAD_GPL_FROM_PROPRIETARY;
        } else if ((mod.taints & TAINT_PROPRIETARY) == 0) {
          s.print(4, T.inheritTaint(r, name, sym, e.owner), Msg.LOAD_INHERIT_TAINT, sym);
          mod.taints |= TAINT_PROPRIETARY;
          s.addTaint(TAINT_PROPRIETARY, true);
        }
      }
      // check_version()
      if (symErr == 0 && cfg.modversions && e.hasCrc && real != null) {
        const vid = checkFileVersion(s, ko, real as KoFile, mod, sym, e.crc, r);
        if (vid >= 0) {
          symErr = T.EINVAL;
          id = <Msg>vid;
        }
      } else if (symErr == 0 && cfg.modversions && e.hasCrc) {
        if (!ko.versions.has(sym)) {
          // a failure on every kernel the lab boots (5.10 on), not the old "warn once, let it go"
          s.print(4, T.noCrc(name, sym), Msg.LOAD_NO_CRC, sym);
          symErr = T.EINVAL;
          id = Msg.LOAD_NO_CRC;
        } else if (ko.versions.get(sym) != e.crc) {
          s.print(4, T.crcMismatch(name, sym), Msg.LOAD_CRC_MISMATCH, sym);
          symErr = T.EINVAL;
          id = Msg.LOAD_CRC_MISMATCH;
        }
      }
      // verify_namespace_is_imported()
      if (symErr == 0 && e.ns.length > 0 && !(r.moduleNamespaces && moduleNamespaceAllows(e.ns, name, true)) && !ko.importNs.includes(e.ns)) {
        s.print(cfg.allowMissingNsImports ? 4 : 3, T.nsNotImported(name, sym, e.ns), Msg.LOAD_NS_NOT_IMPORTED, sym, e.ns);
        if (!cfg.allowMissingNsImports) {
          symErr = T.EINVAL;
          id = Msg.LOAD_NS_NOT_IMPORTED;
        }
      }
      if (symErr == 0 && owner != null && !owners.includes(e.owner)) owners.push(e.owner);
    }
    if (symErr != 0) {
      s.print(4, T.unknownSymbol(name, sym, -symErr), Msg.LOAD_UNKNOWN_SYMBOL, sym);
      err = symErr;
      o.failed.push(sym);
      o.failedIds.push(id);
    }
  }
  if (err != 0) return fail(o, err);
  // mod_sysfs_init(): a built-in module (or built-in code) with parameters holds the name
  if (s.sysfsBuiltins.has(name)) {
    s.print(3, T.builtinNameTaken(name), Msg.LOAD_BUILTIN_NAME);
    return fail(o, T.EINVAL);
  }
  // modules of the base kernel come without a symbol table: their references follow depends=
  if (ko.undefined.length == 0) {
    for (let i = 0; i < ko.depends.length; i++) if (s.find(ko.depends[i]) != null && !owners.includes(ko.depends[i])) owners.push(ko.depends[i]);
  }

  // the module is Live: references, exports
  for (let i = 0; i < owners.length; i++) {
    const owner = s.find(owners[i]) as LoadedModule;
    owner.refcount++;
    owner.users.unshift(name);
    mod.uses.push(owners[i]);
  }
  for (let i = 0; i < ko.exports.length; i++) s.loaded.set(ko.exports[i].symbol, ko.exports[i]);
  s.modules.unshift(mod);
  return o;
}

/** The checks load_module() makes of a real file before its modinfo taints: the ELF
 *  structure (elfcheck.ts, done when the file was read), check_modstruct_version() and
 *  check_modinfo()'s vermagic. Returns 0 or the errno. */
function checkFile(s: Session, ko: KoImage, k: KoFile, mod: LoadedModule, r: Rules, cfg: LoaderConfig): i32 {
  if (k.formatErrno != 0) {
    for (let i = 0; i < k.formatTexts.length; i++) s.print(k.formatLevels[i], k.formatTexts[i], Msg.LOAD_INVALID_MODULE);
    return k.formatErrno;
  }
  if (cfg.modversions) {
    const layout = s.symbols.find("module_layout");
    if (layout != null && layout.owner == "vmlinux" && layout.hasCrc) {
      if (checkFileVersion(s, ko, k, mod, "module_layout", layout.crc, r) >= 0) return T.ENOEXEC;
    }
  }
  const magic = k.modinfo.get("vermagic");
  if (magic == null) forceLoad(s, mod, ko.name, "bad vermagic");
  else if (!sameMagic(magic as string, cfg.vermagic, k.hasVersions)) {
    s.print(3, T.vermagicMismatch(ko.name, magic as string, cfg.vermagic), Msg.LOAD_VERMAGIC);
    return T.ENOEXEC;
  }
  return 0;
}

/** same_magic(): with CRCs only what follows the release has to agree. */
function sameMagic(a: string, b: string, hasCrcs: bool): bool {
  if (hasCrcs) {
    const i = a.indexOf(" "),
      j = b.indexOf(" ");
    return (i < 0 ? "" : a.substring(i)) == (j < 0 ? "" : b.substring(j));
  }
  return a == b;
}

/** try_to_force_load() with CONFIG_MODULE_FORCE_LOAD (Debian's): taint F and go on. */
function forceLoad(s: Session, mod: LoadedModule, name: string, reason: string): void {
  if ((s.taint & TAINT_FORCED) == 0) s.print(4, T.forcedLoad(name, reason), Msg.LOAD_FORCED);
  mod.taints |= TAINT_FORCED;
  s.addTaint(TAINT_FORCED, true);
}

/** ignore_undef_symbol(): x86's assembler may leave an unreferenced _GLOBAL_OFFSET_TABLE_. */
function ignoreUndefined(k: KoFile, sym: string): bool {
  return (k.machine == 3 || k.machine == 62) && sym == "_GLOBAL_OFFSET_TABLE_";
}

/** check_version() of kernel/module/version.c for a real file: the extended table when the
 *  release reads it and the file has one (6.14), else __versions; no __versions at all is a
 *  forced load. Returns -1 when the symbol may be used, else the finding id. */
function checkFileVersion(s: Session, ko: KoImage, k: KoFile, mod: LoadedModule, sym: string, crc: u32, r: Rules): i32 {
  const name = ko.name;
  if (r.extendedModversions && k.extNames.length > 0) {
    for (let i = 0; i < k.extNames.length; i++) {
      if (k.extNames[i] != sym) continue;
      if (k.extCrcs[i] == crc) return -1;
      s.print(4, T.crcMismatch(name, sym), Msg.LOAD_CRC_MISMATCH, sym);
      return Msg.LOAD_CRC_MISMATCH;
    }
    if (!s.noExtCrcShown) {
      s.noExtCrcShown = true;
      s.print(4, T.noExtCrc(name, sym), Msg.LOAD_NO_EXT_CRC, sym);
    }
    return -1;
  }
  if (!k.hasVersions) {
    forceLoad(s, mod, name, sym);
    return -1;
  }
  for (let i = 0; i < k.versionNames.length; i++) {
    if (k.versionNames[i] != sym) continue;
    if (k.versionCrcs[i] == <u64>crc) return -1;
    s.print(4, T.crcMismatch(name, sym), Msg.LOAD_CRC_MISMATCH, sym);
    return Msg.LOAD_CRC_MISMATCH;
  }
  s.print(4, T.noCrc(name, sym), Msg.LOAD_NO_CRC, sym);
  return Msg.LOAD_NO_CRC;
}

/** A module taken as loaded without the loader's checks: its exports join the kernel's. */
export function markLive(s: Session, ko: KoImage): void {
  for (let i = 0; i < ko.exports.length; i++) s.loaded.set(ko.exports[i].symbol, ko.exports[i]);
  s.modules.unshift(new LoadedModule(ko));
}

/** delete_module(): 0, or EBUSY-like errno when in use or without an exit function. */
export function unloadModule(s: Session, m: LoadedModule): void {
  for (let i = 0; i < m.uses.length; i++) {
    const owner = s.find(m.uses[i]);
    if (owner == null) continue;
    const o = owner as LoadedModule;
    o.refcount--;
    const idx = o.users.indexOf(m.name);
    if (idx >= 0) o.users.splice(idx, 1);
  }
  for (let i = 0; i < m.ko.exports.length; i++) {
    const e = m.ko.exports[i];
    if (s.loaded.has(e.symbol) && s.loaded.get(e.symbol) === e) s.loaded.delete(e.symbol);
  }
  const idx = s.modules.indexOf(m);
  if (idx >= 0) s.modules.splice(idx, 1);
}
