// The result as one JSON document (format RESULT_FORMAT): findings, build, commands and
// modules_at_end in the kernel lab's shape, the model, and the transcript text.

import { MSG_NAMES, RESULT_FORMAT, SEVERITY_NAMES, STAGE_NAMES } from "../shared/codes";
import { Finding, InlineStep, Span } from "./diagnostics";
import { JsonWriter } from "./util/json";
import { RunResult } from "./run";
import { releaseName, Rules } from "./kernel/versions";
import { renderTranscript } from "./transcript";
import { KoImage } from "./model";
import { Session } from "./sim/session";
import { KoFile } from "./source/ko";
import { profileUname } from "../shared/debian";
import { neededHeaders, packProfileFor, packUnitsRead, unitsDeferred } from "./source/headerpack";
import { PreprocessedView } from "./source/c/index";

export const ENGINE_VERSION = "0.1.0";

function writeSpan(w: JsonWriter, s: Span): void {
  w.keyStr("file", s.file);
  w.keyInt("line", s.line);
  w.keyInt("col", s.col);
  w.keyInt("endLine", s.endLine);
  w.keyInt("endCol", s.endCol);
}

function writeFinding(w: JsonWriter, f: Finding): void {
  w.beginObject();
  w.keyStr("id", MSG_NAMES[f.id]);
  w.keyStr("stage", STAGE_NAMES[f.stage]);
  w.keyStr("severity", SEVERITY_NAMES[f.severity]);
  w.keyStr("text", f.text);
  w.keyStr("module", f.module);
  if (f.symbol.length > 0) w.keyStr("symbol", f.symbol);
  if (f.ns.length > 0) w.keyStr("ns", f.ns);
  writeSpan(w, f.span);
  if (f.through.length > 0) writeThrough(w, f.through);
  if (f.related != null) {
    w.key("related");
    w.beginObject();
    writeSpan(w, f.related as Span);
    w.keyStr("note", f.relatedNote);
    w.endObject();
  }
  w.endObject();
}

/** The inline functions a use is reached through, outermost first, each where it is defined. */
function writeThrough(w: JsonWriter, steps: InlineStep[]): void {
  w.key("through");
  w.beginArray();
  for (let i = 0; i < steps.length; i++) {
    w.beginObject();
    w.keyStr("name", steps[i].name);
    writeSpan(w, steps[i].span);
    w.endObject();
  }
  w.endArray();
}

function writeStrings(w: JsonWriter, k: string, list: string[]): void {
  w.key(k);
  w.beginArray();
  for (let i = 0; i < list.length; i++) w.str(list[i]);
  w.endArray();
}

function writeModel(w: JsonWriter, res: RunResult): void {
  w.beginObject();
  w.key("modules");
  w.beginArray();
  for (let u = 0; u < res.units.length; u++) {
    const src = res.units[u].src;
    const ko: KoImage | null = u < res.build.kos.length ? res.build.kos[u] : null;
    w.beginObject();
    w.keyStr("name", src.name);
    w.keyStr("file", src.file);
    w.keyBool("builtin", res.units[u].builtin);
    w.key("license");
    if (src.license == null) w.nul();
    else w.str(src.license as string);
    w.keyBool("intree", src.intree);
    w.key("licenseRange");
    if (src.licenseSpan.isNone()) w.nul();
    else {
      w.beginObject();
      writeSpan(w, src.licenseSpan);
      w.endObject();
    }
    w.key("imports");
    w.beginArray();
    for (let i = 0; i < src.imports.length; i++) {
      w.beginObject();
      w.keyStr("ns", src.imports[i].arg.value);
      w.keyStr("written", src.imports[i].arg.text);
      writeSpan(w, src.imports[i].span);
      w.endObject();
    }
    w.endArray();
    w.key("exports");
    w.beginArray();
    if (ko != null) {
      const k = ko as KoImage;
      for (let i = 0; i < k.exports.length; i++) {
        const e = k.exports[i];
        w.beginObject();
        w.keyStr("symbol", e.symbol);
        w.keyStr("ns", e.ns);
        w.keyBool("gpl", e.gpl);
        w.keyStr("macro", e.macro);
        w.keyStr("written", e.written);
        w.keyStr("crc", e.hasCrc ? "0x" + hex8(e.crc) : "");
        writeSpan(w, e.span);
        w.endObject();
      }
    }
    w.endArray();
    w.key("uses");
    w.beginArray();
    if (ko != null) {
      const k = ko as KoImage;
      for (let i = 0; i < k.undefinedBySource.length; i++) {
        const sym = k.undefinedBySource[i];
        w.beginObject();
        w.keyStr("symbol", sym);
        if (k.useSpans.has(sym)) writeSpan(w, k.useSpans.get(sym));
        if (k.useThrough.has(sym)) {
          const steps = k.useThrough.get(sym);
          w.keyStr("via", steps[0].name);
          writeThrough(w, steps);
        }
        if (res.core.has(sym)) w.keyBool("core", true);
        w.endObject();
      }
    }
    w.endArray();
    writeStrings(w, "headerCalls", ko != null ? (ko as KoImage).headerCalls : []);
    w.keyInt("importInsertLine", src.importInsertLine);
    w.endObject();
  }
  for (let i = 0; i < res.kos.length; i++) writeKoModule(w, res.kos[i]);
  w.endArray();
  w.endObject();
}

/** A real .ko of the workspace: what modinfo(8) shows, its exports and uses, its ELF facts. */
export function writeKoModule(w: JsonWriter, ko: KoImage): void {
  const k = ko.real as KoFile;
  const where = new Span(ko.file, 0, 0, 0, 0);
  w.beginObject();
  w.keyStr("name", ko.name);
  w.keyStr("file", ko.file);
  w.keyBool("builtin", false);
  w.key("license");
  if (ko.license == null) w.nul();
  else w.str(ko.license as string);
  w.keyBool("intree", ko.intree);
  w.key("imports");
  w.beginArray();
  for (let i = 0; i < ko.importNs.length; i++) {
    w.beginObject();
    w.keyStr("ns", ko.importNs[i]);
    w.keyStr("written", ko.importNs[i]);
    writeSpan(w, where);
    w.endObject();
  }
  w.endArray();
  w.key("exports");
  w.beginArray();
  for (let i = 0; i < ko.exports.length; i++) {
    const e = ko.exports[i];
    w.beginObject();
    w.keyStr("symbol", e.symbol);
    w.keyStr("ns", e.ns);
    w.keyBool("gpl", e.gpl);
    w.keyStr("macro", "");
    w.keyStr("crc", e.hasCrc ? "0x" + hex8(e.crc) : "");
    writeSpan(w, where);
    w.endObject();
  }
  w.endArray();
  w.key("uses");
  w.beginArray();
  for (let i = 0; i < ko.undefined.length; i++) {
    w.beginObject();
    w.keyStr("symbol", ko.undefined[i]);
    w.endObject();
  }
  w.endArray();
  writeStrings(w, "headerCalls", []);
  w.keyInt("importInsertLine", 0);
  // modinfo(8)'s fields, each key with its values in file order
  w.key("modinfo");
  w.beginObject();
  const m = k.modinfo;
  const seen = new Set<string>();
  for (let i = 0; i < m.keys.length; i++) {
    const key = m.keys[i];
    if (seen.has(key)) continue;
    seen.add(key);
    writeStrings(w, key, m.all(key));
  }
  w.endObject();
  w.key("ko");
  w.beginObject();
  w.keyBool("readable", k.error.length == 0);
  w.keyStr("error", k.error);
  w.keyInt("class", k.is64 ? 64 : 32);
  w.keyStr("byteOrder", k.big ? "big" : "little");
  w.keyInt("machine", k.machine);
  w.keyBool("signed", k.signed);
  w.keyBool("wellFormed", k.formatErrno == 0 && k.sigErrno == 0);
  writeStrings(w, "formatErrors", k.formatTexts);
  writeStrings(w, "problems", k.problems);
  w.keyInt("versions", k.versionNames.length + k.extNames.length);
  w.endObject();
  w.endObject();
}

export function hex8(v: u32): string {
  const h = "0123456789abcdef";
  let s = "";
  for (let i = 7; i >= 0; i--) s += h.charAt((v >> (i * 4)) & 15);
  return s;
}

/** Which header pack the run's C files were read with, and the pack files it needed that the
 *  host has not supplied yet (those files were read with the prelude meanwhile). */
function writeHeaderUse(w: JsonWriter, release: i32): void {
  w.key("headers");
  w.beginObject();
  w.keyStr("pack", packProfileFor(release));
  w.keyInt("units", packUnitsRead());
  writeStrings(w, "needed", neededHeaders());
  w.keyInt("deferred", unitsDeferred());
  w.endObject();
}

/** The result as JSON, in UTF-8. */
export function serializeResult(res: RunResult): ArrayBuffer {
  const w = new JsonWriter();
  w.beginObject();
  w.keyInt("format", RESULT_FORMAT);
  w.keyStr("engine", ENGINE_VERSION);
  w.key("kernel");
  w.beginObject();
  w.keyStr("version", releaseName(res.release));
  w.keyStr("release", res.releaseText);
  w.keyBool("relaxed", res.relaxed);
  w.keyBool("profile", res.profileUsed);
  w.keyStr("profileName", res.profileName);
  w.keyStr("profileRelease", profileUname(res.profileName));
  w.keyInt("profileExports", res.profileExports);
  // the profile is another release's table, read as this one (kernel/nshistory.ts)
  w.keyStr("approximated_from", res.approximatedFrom == 0 ? "" : releaseName(res.approximatedFrom));
  w.keyBool("needsTable", res.needsTable);
  w.keyBool("namesConfig", res.namesConfig);
  // how this release wants namespaces written, for quick fixes and completion
  const r = new Rules(res.release);
  w.key("syntax");
  w.beginObject();
  w.keyStr("namespace", r.nsIsString ? "string" : "identifier");
  w.keyStr("defaultNamespace", r.defaultNsIsString ? "string" : "identifier");
  w.keyStr("forModulesMacro", r.hasForModules ? "EXPORT_SYMBOL_FOR_MODULES" : r.hasGplForModules ? "EXPORT_SYMBOL_GPL_FOR_MODULES" : "");
  w.keyBool("moduleNamespaces", r.moduleNamespaces);
  w.endObject();
  writeHeaderUse(w, res.release);
  w.key("config");
  w.beginObject();
  const keys = res.configShown;
  for (let i = 0; i < keys.length; i++) w.keyStr(keys[i], res.config.get(keys[i]));
  w.endObject();
  w.endObject();

  w.key("findings");
  w.beginArray();
  for (let i = 0; i < res.findings.length; i++) writeFinding(w, res.findings[i]);
  w.endArray();

  w.key("build");
  w.beginObject();
  w.keyBool("ok", !res.build.compileFailed && !res.build.modpostFailed);
  writeStrings(w, "log", res.build.log);
  w.key("modules");
  w.beginArray();
  for (let u = 0; u < res.units.length; u++) {
    w.beginObject();
    w.keyStr("name", res.units[u].src.name);
    w.keyStr("file", res.units[u].src.file);
    w.keyStr("ko", res.units[u].builtin ? "" : res.units[u].object + ".ko");
    w.keyBool("builtin", res.units[u].builtin);
    w.keyBool("produced", u < res.build.produced.length && res.build.produced[u]);
    w.key("missingNamespaces");
    w.beginArray();
    if (u < res.build.missingNs.length) for (let i = 0; i < res.build.missingNs[u].length; i++) w.str(res.build.missingNs[u][i]);
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.endObject();

  w.keyInt("taint_at_boot", res.taintAtBoot);
  w.key("commands");
  w.beginArray();
  for (let i = 0; i < res.commands.length; i++) {
    const c = res.commands[i];
    w.beginObject();
    w.keyStr("cmd", c.cmd.text);
    w.keyInt("exit", c.exit);
    writeStrings(w, "stdout", c.stdout);
    writeStrings(w, "stderr", c.stderr);
    w.key("kernel");
    w.beginArray();
    for (let j = 0; j < c.kernel.length; j++) {
      const l = c.kernel[j];
      w.beginObject();
      w.keyInt("level", l.level);
      w.keyStr("text", l.text);
      if (l.id >= 0) w.keyStr("id", MSG_NAMES[l.id]);
      w.endObject();
    }
    w.endArray();
    w.keyInt("taint", c.taint);
    w.keyInt("line", c.cmd.span.line);
    w.endObject();
  }
  w.endArray();
  writeStrings(w, "modules_at_end", res.modulesAtEnd);
  w.key("loaded");
  w.beginArray();
  for (let i = 0; i < res.loadedAtEnd.length; i++) {
    const m = res.loadedAtEnd[i];
    w.beginObject();
    w.keyStr("name", m.name);
    w.keyInt("refcount", m.refcount);
    writeStrings(w, "users", m.users);
    w.keyStr("state", "Live");
    w.keyStr("taints", Session.taintLetters(m.taints));
    w.keyBool("intree", m.ko.intree);
    w.endObject();
  }
  w.endArray();
  const t = res.commands.length > 0 ? res.commands[res.commands.length - 1].taint : res.taintAtBoot;
  w.keyInt("taintFinal", t);
  // the letters of the taint flags ksymns models, in Documentation/admin-guide/tainted-kernels.rst order
  w.key("taintFlags");
  w.beginArray();
  const letters = Session.taintLetters(t);
  for (let i = 0; i < letters.length; i++) w.str(letters.charAt(i));
  w.endArray();
  w.key("model");
  writeModel(w, res);
  w.key("sources");
  writeSources(w, res);
  w.keyStr("transcript", renderTranscript(res));
  w.endObject();
  return w.toBytes();
}

/** What the preprocessor saw of each compiled workspace file: lines its conditionals left
 *  out, and macro invocations with their expansion and definition (for the editor). */
function writeSources(w: JsonWriter, res: RunResult): void {
  w.beginArray();
  const seen = new Set<string>();
  for (let u = 0; u < res.units.length; u++) {
    const parts = res.units[u].parts;
    for (let p = 0; p < parts.length; p++) {
      const v = parts[p].preprocessed;
      if (v == null || seen.has(parts[p].file)) continue;
      seen.add(parts[p].file);
      const view = v as PreprocessedView;
      w.beginObject();
      w.keyStr("file", parts[p].file);
      w.key("inactive");
      w.beginArray();
      for (let i = 0; i < view.inactive.length; i++) {
        const s = view.inactive[i];
        w.beginObject();
        w.keyStr("file", s.file);
        w.keyInt("line", s.line);
        w.keyInt("endLine", s.endLine);
        w.endObject();
      }
      w.endArray();
      w.key("macros");
      w.beginArray();
      for (let i = 0; i < view.macros.length; i++) {
        const m = view.macros[i];
        w.beginObject();
        w.keyStr("macro", m.macro);
        w.keyStr("file", m.span.file);
        w.keyInt("line", m.span.line);
        w.keyInt("col", m.span.col);
        w.keyInt("endLine", m.span.endLine);
        w.keyInt("endCol", m.span.endCol);
        w.keyStr("expansion", m.expansion);
        w.keyStr("defFile", m.defFile);
        w.keyInt("defLine", m.defLine);
        w.endObject();
      }
      w.endArray();
      w.endObject();
    }
  }
  w.endArray();
}
