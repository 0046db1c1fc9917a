// kmod's modinfo (tools/modinfo.c, kmod 28 and 30) on a module file of the load session: the
// .modinfo strings in section order (parameters gathered at the end, newest first), one field
// with -F, NUL-separated with -0; an argument that is no module file is looked up as a module
// name or alias. [real: Debian bookworm's /sbin/modinfo on Debian 6.12 modules]

import { Msg } from "../../shared/codes";
import { KoImage } from "../model";
import { KoFile } from "../source/ko";
import { ModInfo } from "../source/modinfo";
import * as T from "../kernel/messages";
import { LoadCommand } from "../source/loadscript";
import { CommandResult, Installed } from "./tools";

/** The folder the load script runs in: the kernel lab's guest runs it in /m, beside the .ko
 *  files, and kmod prints a module file's path made absolute. */
export const LOAD_DIR = "/m";

function baseName(path: string): string {
  const i = path.lastIndexOf("/");
  return i >= 0 ? path.substring(i + 1) : path;
}

/** The module file `arg` names in the session's folder, or null: kmod takes an argument for
 *  a file when it is a regular file whose name ends like a module's. */
function moduleFile(inst: Installed, arg: string): KoImage | null {
  if (!(arg.endsWith(".ko") || arg.endsWith(".ko.xz") || arg.endsWith(".ko.zst") || arg.endsWith(".ko.gz"))) return null;
  const keys = [arg, baseName(arg)];
  for (let i = 0; i < keys.length; i++) {
    if (inst.files.has(keys[i]) && inst.produced.has(keys[i])) return inst.files.get(keys[i]);
  }
  return null;
}

/** Runs `modinfo` for each argument of `c`. */
export function modinfo(inst: Installed, c: LoadCommand, res: CommandResult): void {
  for (let i = 0; i < c.args.length; i++) {
    const arg = c.args[i];
    const ko = moduleFile(inst, arg);
    if (ko != null) {
      printModule(c, res, arg.startsWith("/") ? arg : LOAD_DIR + "/" + arg, ko as KoImage);
      continue;
    }
    const name = baseName(arg).replaceAll("-", "_");
    res.exit = 1;
    res.module = name;
    if (inst.find(name) == null && !inst.builtin.has(name)) {
      res.stderr.push(T.modinfoNotFound(arg));
      res.failure = Msg.LOAD_MODULE_NOT_FOUND;
    } else {
      // a module of the installed tree: its .modinfo is not part of a base kernel's data
      res.stderr.push("ksymns: modinfo of an installed module (" + arg + ") is not simulated; give its .ko file");
      res.failure = Msg.LOAD_MODINFO_PARTIAL;
    }
  }
}

class Param {
  desc: string | null = null;
  type: string | null = null;
  constructor(public name: string) {}
}

function printModule(c: LoadCommand, res: CommandResult, path: string, ko: KoImage): void {
  const real = ko.real;
  const info = real != null ? (real as KoFile).modinfo : ko.modinfo != null ? (ko.modinfo as ModInfo) : new ModInfo();
  const sep = c.nul ? "\u0000" : "\n";
  const f = c.field;
  let out = "";
  res.module = ko.name;
  if (f == "filename") {
    emit(res, path + sep, c.nul);
    return;
  }
  if (f.length == 0) out += T.modinfoLabel("filename:") + path + sep;
  const params: Param[] = [];
  for (let i = 0; i < info.keys.length; i++) {
    const key = info.keys[i];
    const value = info.values[i];
    if (f.length > 0 && f != "parm") {
      if (key == f) out += value + sep;
      continue;
    }
    if (key == "parm" || key == "parmtype") {
      addParam(params, key, value);
      continue;
    }
    if (f.length > 0) continue;
    out += (c.nul ? key + "=" + value : T.modinfoLine(key, value)) + sep;
  }
  // the list is built by prepending: the last parameter named comes first
  for (let i = params.length - 1; i >= 0; i--) {
    const p = params[i];
    const text = T.modinfoParm(p.name, p.desc, p.type, f.length == 0);
    out += (f.length == 0 ? T.modinfoLabel("parm:") + text : text) + sep;
  }
  emit(res, out, c.nul);
  const unknown = real != null && (real as KoFile).signed ? ["the signature (sig_id, signer, sig_key, sig_hashalgo, signature)"] : ko.modinfoUnknown;
  for (let i = 0; i < unknown.length; i++) {
    if (f.length > 0 && f != unknown[i]) continue;
    res.notes.push("modinfo leaves out " + unknown[i] + " of " + ko.name + ": ksymns does not keep its value");
  }
}

function addParam(params: Param[], key: string, value: string): void {
  const colon = value.indexOf(":");
  if (colon < 0) return; // kmod: 'Found invalid "parm=...": missing ':''
  const name = value.substring(0, colon);
  let p: Param | null = null;
  for (let i = 0; i < params.length; i++)
    if (params[i].name == name) {
      p = params[i];
      break;
    }
  if (p == null) {
    p = new Param(name);
    params.push(p as Param);
  }
  if (key == "parm") (p as Param).desc = value.substring(colon + 1);
  else (p as Param).type = value.substring(colon + 1);
}

function emit(res: CommandResult, out: string, nul: bool): void {
  if (out.length == 0) return;
  if (nul) {
    res.stdout.push(out);
    return;
  }
  const lines = out.substring(0, out.length - 1).split("\n");
  for (let i = 0; i < lines.length; i++) res.stdout.push(lines[i]);
}
