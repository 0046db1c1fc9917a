// A real .ko as the simulated kernel sees it: the file as read (source/ko.ts), its signature
// and ELF checks for the release (elfcheck.ts), and the loader's KoImage made of it.

import { MAX_FILE_BYTES, MAX_WORKSPACE_BYTES, Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { Export, KoImage } from "../model";
import { ElfBytes, EM_X86_64, readElf } from "../source/elf";
import { KoFile, READ_ALL, readKo } from "../source/ko";
import { Rules } from "../kernel/versions";
import { structModuleSize } from "../kernel/defaults";
import { checkElf, NativeElf, splitSignature } from "./elfcheck";

/** The module name kmod derives from a path: the file name up to its first '.', '-' as '_'. */
export function moduleNameOfFile(path: string): string {
  const slash = path.lastIndexOf("/");
  let base = slash >= 0 ? path.substring(slash + 1) : path;
  const dot = base.indexOf(".");
  if (dot >= 0) base = base.substring(0, dot);
  return base.replaceAll("-", "_");
}

/** The kernel's view: module_sig_check() and the ELF checks of release `r`, filled into `k`. */
export function checkKoFile(k: KoFile, b: ElfBytes, r: Rules, native: NativeElf): void {
  const sig = splitSignature(b);
  k.signed = sig.signed;
  k.sigErrno = sig.errno;
  if (sig.errno != 0) return;
  const fc = checkElf(b, sig.len, native, r, structModuleSize(r));
  k.formatErrno = fc.errno;
  for (let i = 0; i < fc.lines.length; i++) {
    k.formatLevels.push(fc.lines[i].level);
    k.formatTexts.push(fc.lines[i].text);
  }
  if (k.name.length == 0) k.name = fc.name;
}

/** The loader's image of a real .ko named `file`. */
export function koImageOf(k: KoFile, file: string): KoImage {
  const ko = new KoImage(k.name.length > 0 ? k.name : moduleNameOfFile(file), file);
  const m = k.modinfo;
  ko.license = m.get("license");
  ko.intree = m.has("intree");
  ko.signed = k.signed;
  ko.importNs = m.all("import_ns");
  const deps = m.get("depends");
  if (deps != null && (deps as string).length > 0) ko.depends = (deps as string).split(",");
  const softdep = m.get("softdep");
  if (softdep != null) ko.softdep = softdep as string;
  ko.hasInit = k.hasInit;
  ko.hasExit = k.hasExit;
  ko.undefined = k.undefined;
  for (let i = 0; i < k.versionNames.length; i++) {
    if (!ko.versions.has(k.versionNames[i])) ko.versions.set(k.versionNames[i], <u32>k.versionCrcs[i]);
  }
  const where = new Span(file, 0, 0, 0, 0);
  for (let i = 0; i < k.exports.length; i++) {
    const x = k.exports[i];
    const e = new Export(x.symbol, ko.name, x.gpl, x.ns);
    e.crc = x.crc;
    e.hasCrc = x.hasCrc;
    e.ownerPath = file;
    e.span = where;
    ko.exports.push(e);
  }
  ko.path = file;
  ko.real = k;
  return ko;
}

/** The simulated kernels are Debian's amd64 ones: 64-bit little-endian, EM_X86_64. */
export const AMD64 = new NativeElf(true, false, EM_X86_64);

/** Compression formats a module may come in (the host decompresses them before a run). */
function compression(b: Uint8Array): string {
  if (b.length >= 6 && b[0] == 0xfd && b[1] == 0x37 && b[2] == 0x7a && b[3] == 0x58 && b[4] == 0x5a && b[5] == 0) return "xz";
  if (b.length >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) return "zstd";
  if (b.length >= 2 && b[0] == 0x1f && b[1] == 0x8b) return "gzip";
  return "";
}

/** The finding for a compressed module the host refused to decompress past a stated limit
 *  (`why` is "file-limit:FORMAT" or "workspace-limit:FORMAT"), or null for other reasons:
 *  like any file over a limit, it is ignored. */
export function overLimitFinding(file: string, why: string): Finding | null {
  if (why.startsWith("file-limit:")) {
    return new Finding(
      Stage.Read,
      Severity.Error,
      Msg.READ_TOO_LARGE,
      file +
        ": decompresses to more than " +
        (MAX_FILE_BYTES >> 20).toString() +
        " MiB (" +
        MAX_FILE_BYTES.toString() +
        " bytes), the most ksymns reads in one file; the file is ignored",
      Span.at(file, 1),
    );
  }
  if (why.startsWith("workspace-limit:")) {
    return new Finding(
      Stage.Read,
      Severity.Error,
      Msg.READ_TOO_LARGE,
      file +
        ": decompressed, it would take the workspace past " +
        (MAX_WORKSPACE_BYTES >> 20).toString() +
        " MiB (" +
        MAX_WORKSPACE_BYTES.toString() +
        " bytes), the most ksymns accepts; the file is ignored",
      Span.at(file, 1),
    );
  }
  return null;
}

/** A workspace's .ko file read for release `r`: the loader's image, with what could not be
 *  read reported as findings (the loader itself says why the kernel would refuse it).
 *  `undecoded` is the host's "invalid:FORMAT" when it could not decompress the file. */
export function readWorkspaceKo(file: string, data: Uint8Array, r: Rules, findings: Finding[], undecoded: string = ""): KoImage {
  const b = new ElfBytes(data, data.length);
  const k = readKo(readElf(b), READ_ALL);
  checkKoFile(k, b, r, AMD64);
  const at = new Span(file, 0, 0, 0, 0);
  const packed = compression(data);
  if (packed.length > 0 && undecoded.startsWith("invalid:")) {
    findings.push(
      new Finding(
        Stage.Read,
        Severity.Warning,
        Msg.READ_KO,
        "not a valid " + packed + " stream (truncated or corrupt), so it was not decompressed; the kernel sees the compressed bytes as they are",
        at,
      ),
    );
  } else if (packed.length > 0) {
    findings.push(
      new Finding(Stage.Read, Severity.Warning, Msg.READ_KO, packed + "-compressed data the host did not decompress; the kernel sees it as it is", at),
    );
  } else if (k.error.length > 0) {
    findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_KO, "not a kernel module: " + k.error, at));
  }
  for (let i = 0; i < k.problems.length; i++) {
    findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_KO, k.problems[i], at));
  }
  return koImageOf(k, file);
}
