// The part of GNU make a module's Kbuild or Makefile needs (make 4.3, as kbuild runs it for
// `make M=DIR`): logical lines, comments, conditionals, the five assignment flavours, variable
// and function expansion. Rules and their recipes are read past; `$(shell …)` is not run.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { splitLines } from "./text";
import { normalizePath } from "../cpp/include";
import { KernelConfig } from "./config";

/** One assignment to a variable, as written (for spans: which line put a word in it). */
export class Assignment {
  constructor(
    public text: string,
    public line: i32,
    public target: string,
  ) {}
}

/** A variable: its value (raw for recursive ones, expanded for simple ones) and its assignments. */
export class MakeVar {
  assignments: Assignment[] = [];
  constructor(
    public value: string,
    public recursive: bool,
  ) {}
}

/** Where make looks for files `$(wildcard)` and `include` name: the workspace. */
export abstract class MakeFiles {
  /** The text of a workspace file, or null. */
  abstract read(path: string): string | null;
  /** Workspace paths matching a glob of one `*` per segment at most (`sub/*.c`). */
  abstract glob(pattern: string): string[];
}

/** Limits that keep a hostile Makefile from running away. */
const MAX_DEPTH = 64;
const MAX_VALUE = 1 << 20;
const MAX_INCLUDES = 16;

/** A Makefile read by make: the variables it leaves, and what make would have said. */
export class Make {
  private vars: Map<string, MakeVar> = new Map();
  /** The .config's options, as variables the first time each is read (kbuild includes
   *  include/config/auto.conf; a profile has 11,000 of them, a Makefile reads a few). */
  options: KernelConfig | null = null;
  findings: Finding[] = [];
  /** make stopped ($(error ...), or a syntax error): nothing is built. */
  stopped: bool = false;
  private depth: i32 = 0;
  private expanding: Set<string> = new Set();
  private file: string = "";
  private line: i32 = 0;
  private includes: i32 = 0;

  constructor(public files: MakeFiles) {}

  /** Sets a variable as the command line or the environment would (simple, not overridable by +=). */
  define(name: string, value: string): void {
    this.vars.set(name, new MakeVar(value, false));
  }

  /** The variable `name`, or null when it is undefined. */
  find(name: string): MakeVar | null {
    if (this.vars.has(name)) return this.vars.get(name);
    if (this.options == null || !name.startsWith("CONFIG_")) return null;
    const value = (this.options as KernelConfig).get(name);
    if (value == "n") return null;
    const v = new MakeVar(value, false);
    this.vars.set(name, v);
    return v;
  }

  /** The expanded value of `name` ("" when undefined). */
  get(name: string): string {
    const found = this.find(name);
    if (found == null) return "";
    const v = found as MakeVar;
    if (!v.recursive) return v.value;
    if (this.expanding.has(name)) {
      this.finding(Severity.Error, "*** Recursive variable '" + name + "' references itself (eventually).  Stop.");
      return "";
    }
    this.expanding.add(name);
    const out = this.expand(v.value);
    this.expanding.delete(name);
    return out;
  }

  /** The line of the assignment that put `word` into `name`, or 0. */
  lineOf(name: string, word: string): i32 {
    const v = this.find(name);
    if (v == null) return 0;
    const a = (v as MakeVar).assignments;
    for (let i = 0; i < a.length; i++) {
      const ws = splitWords(this.expand(a[i].text));
      if (ws.includes(word)) return a[i].line;
    }
    return a.length > 0 ? a[0].line : 0;
  }

  private finding(sev: Severity, text: string): void {
    this.findings.push(new Finding(Stage.Read, sev, Msg.READ_KBUILD_LINE, text, Span.at(this.file, this.line)));
    if (text.endsWith(".  Stop.")) this.stopped = true;
  }

  /** Reads `text` (the file `file`) as make reads a makefile. */
  read(file: string, text: string): void {
    const saveFile = this.file,
      saveLine = this.line;
    this.file = file;
    const raw = splitLines(text);
    // each condition level: is this branch live, has a branch of it been taken, is the level itself live
    const live: bool[] = [];
    const taken: bool[] = [];
    let inRule = false;
    let inDefine = 0;
    let i = 0;
    while (i < raw.length && !this.stopped) {
      const first = i + 1;
      let l = raw[i++];
      const recipe = l.startsWith("\t") && inRule;
      while (l.endsWith("\\") && !endsInEscapedBackslash(l) && i < raw.length) {
        l = l.substring(0, l.length - 1).trimEnd() + " " + raw[i++].trimStart();
      }
      this.line = first;
      if (recipe) continue;
      const on = live.length == 0 || live[live.length - 1];
      if (inDefine > 0) {
        const w = firstWord(l.trim());
        if (w == "endef") inDefine--;
        else if (w == "define") inDefine++;
        continue;
      }
      const body = stripComment(l).trim();
      if (body.length == 0) continue;
      const word = firstWord(body);
      if (word == "ifeq" || word == "ifneq" || word == "ifdef" || word == "ifndef") {
        const c = on && this.condition(word, body.substring(word.length).trim());
        live.push(c);
        taken.push(c || !on);
        // a conditional inside a rule's recipe keeps the rule going (GNU make: only a rule
        // or a variable definition ends it)
        continue;
      }
      if (word == "else") {
        if (live.length == 0) {
          this.finding(Severity.Error, "*** extraneous 'else'.  Stop.");
          continue;
        }
        const outer = live.length < 2 || live[live.length - 2];
        const rest = body.substring(4).trim();
        let c = false;
        if (!taken[taken.length - 1] && outer) {
          const w2 = firstWord(rest);
          c = rest.length == 0 ? true : this.condition(w2, rest.substring(w2.length).trim());
        }
        live[live.length - 1] = c;
        if (c) taken[taken.length - 1] = true;
        continue;
      }
      if (word == "endif") {
        if (live.length == 0) this.finding(Severity.Error, "*** extraneous 'endif'.  Stop.");
        else {
          live.pop();
          taken.pop();
        }
        continue;
      }
      if (!on) continue;
      if (word == "define") {
        inDefine = 1;
        continue;
      }
      if (word == "include" || word == "-include" || word == "sinclude") {
        this.include(word, body.substring(word.length).trim());
        continue;
      }
      if (word == "export" || word == "unexport" || word == "override" || word == "private") {
        const rest = body.substring(word.length).trim();
        if (findAssignment(rest) >= 0) this.assign(rest);
        continue;
      }
      if (word == "vpath") continue;
      if (findAssignment(body) >= 0) {
        this.assign(body);
        inRule = false;
        continue;
      }
      if (ruleColon(body) >= 0) {
        inRule = true;
        continue;
      }
      // a line of function calls alone ($(error ...), $(info ...), $(eval ...)): expanded for its effect
      if (this.expand(body).trim().length > 0) this.finding(Severity.Error, "*** missing separator.  Stop.");
    }
    if (live.length > 0 && !this.stopped) this.finding(Severity.Error, "*** missing 'endif'.  Stop.");
    this.file = saveFile;
    this.line = saveLine;
  }

  private include(word: string, names: string): void {
    const list = splitWords(this.expand(names));
    for (let i = 0; i < list.length; i++) {
      list[i] = normalizePath(list[i]); // $(src)/Makefile is ./Makefile at the top
      const text = this.files.read(list[i]);
      if (text == null || this.includes >= MAX_INCLUDES) {
        if (word == "include") this.finding(Severity.Info, list[i] + ": not in the workspace; make would read it, ksymns goes on without it");
        continue;
      }
      this.includes++;
      this.read(list[i], text as string);
    }
  }

  private condition(kind: string, args: string): bool {
    if (kind == "ifdef" || kind == "ifndef") {
      const name = this.expand(args).trim();
      const defined = this.find(name) != null && this.get(name).length > 0;
      return kind == "ifdef" ? defined : !defined;
    }
    if (kind != "ifeq" && kind != "ifneq") {
      this.finding(Severity.Error, "*** invalid syntax in conditional.  Stop.");
      return false;
    }
    const s = args.trim();
    let pair: string[];
    if (s.startsWith("(") && s.endsWith(")")) {
      const comma = topLevelComma(s, 1, s.length - 1);
      pair = comma < 0 ? [] : [this.expand(s.substring(1, comma)).trim(), this.expand(s.substring(comma + 1, s.length - 1)).trim()];
    } else {
      pair = quotedPair(s);
      if (pair.length == 2) pair = [this.expand(pair[0]), this.expand(pair[1])];
    }
    if (pair.length != 2) {
      this.finding(Severity.Error, "*** invalid syntax in conditional.  Stop.");
      return false;
    }
    return kind == "ifeq" ? pair[0] == pair[1] : pair[0] != pair[1];
  }

  private assign(body: string): void {
    const at = findAssignment(body);
    let opLen = 1;
    let op = "=";
    for (let k = 0; k < OPS.length; k++)
      if (body.substr(at, OPS[k].length) == OPS[k]) {
        op = OPS[k];
        opLen = op.length;
        break;
      }
    const target = body.substring(0, at).trim();
    const name = this.expand(target).trim();
    const value = body.substring(at + opLen).trimStart();
    if (name.length == 0) {
      this.finding(Severity.Error, "*** empty variable name.  Stop.");
      return;
    }
    const found = this.find(name);
    if (op == "?=" && found != null) return;
    if (op == "+=" && found != null) {
      const v = found as MakeVar;
      const add = v.recursive ? value : this.expand(value);
      v.value = v.value.length == 0 ? add : v.value + " " + add;
      if (v.value.length > MAX_VALUE) {
        v.value = v.value.substring(0, MAX_VALUE);
        this.finding(Severity.Warning, name + ": value longer than ksymns reads; cut");
      }
      v.assignments.push(new Assignment(value, this.line, target));
      return;
    }
    const simple = op == ":=" || op == "::=";
    const v = new MakeVar(simple ? this.expand(value) : value, !simple);
    if (op == "!=") {
      v.value = "";
      v.recursive = false;
      this.finding(Severity.Info, name + " != runs a shell command; ksymns takes it as empty");
    }
    v.assignments.push(new Assignment(value, this.line, target));
    this.vars.set(name, v);
  }

  /** `text` with every variable reference and function call expanded. */
  expand(text: string): string {
    if (text.indexOf("$") < 0) return text;
    if (this.depth >= MAX_DEPTH) {
      this.finding(Severity.Error, "*** expansion nested too deeply.  Stop.");
      return "";
    }
    this.depth++;
    const out: string[] = [];
    let n = 0;
    let i = 0;
    while (i < text.length) {
      const d = text.indexOf("$", i);
      if (d < 0 || d + 1 >= text.length) {
        out.push(text.substring(i));
        break;
      }
      out.push(text.substring(i, d));
      const c = text.charCodeAt(d + 1);
      if (c == 36) {
        out.push("$");
        i = d + 2;
        continue;
      }
      if (c == 40 || c == 123) {
        const close = matchingClose(text, d + 1);
        if (close < 0) {
          this.finding(Severity.Error, "*** unterminated variable reference.  Stop.");
          break;
        }
        out.push(this.reference(text.substring(d + 2, close)));
        i = close + 1;
      } else {
        out.push(this.get(text.charAt(d + 1)));
        i = d + 2;
      }
      n += out[out.length - 1].length;
      if (n > MAX_VALUE) {
        this.finding(Severity.Warning, "expansion longer than ksymns reads; cut");
        break;
      }
    }
    this.depth--;
    return out.join("");
  }

  /** What `$(inner)` expands to: a function call, a substitution reference or a variable. */
  private reference(inner: string): string {
    let sp = 0;
    while (sp < inner.length && !isSpace(inner.charCodeAt(sp)) && inner.charCodeAt(sp) != 44) sp++;
    const fn = inner.substring(0, sp);
    if (sp < inner.length && isSpace(inner.charCodeAt(sp)) && FUNCTIONS.includes(fn)) return this.call(fn, inner.substring(sp + 1));
    const colon = topLevelChar(inner, 58);
    if (colon > 0 && inner.indexOf("=", colon) > colon) {
      const eq = inner.indexOf("=", colon);
      const value = this.get(this.expand(inner.substring(0, colon)));
      const from = this.expand(inner.substring(colon + 1, eq)),
        to = this.expand(inner.substring(eq + 1));
      const pf = from.indexOf("%") >= 0 ? from : "%" + from,
        pt = to.indexOf("%") >= 0 ? to : "%" + to;
      return mapWords(splitWords(value), pf, pt).join(" ");
    }
    return this.get(this.expand(inner));
  }

  private call(fn: string, rawArgs: string): string {
    // foreach, if, and, or expand their arguments lazily
    const args = splitArgs(rawArgs, fn == "foreach" || fn == "call" ? 64 : ARITY.has(fn) ? ARITY.get(fn) : 64);
    if (fn == "if") {
      const c = this.expand(args[0]).trim();
      return c.length > 0 ? (args.length > 1 ? this.expand(args[1]) : "") : args.length > 2 ? this.expand(args[2]) : "";
    }
    if (fn == "or") {
      for (let i = 0; i < args.length; i++) {
        const v = this.expand(args[i]).trim();
        if (v.length > 0) return v;
      }
      return "";
    }
    if (fn == "and") {
      let v = "";
      for (let i = 0; i < args.length; i++) {
        v = this.expand(args[i]).trim();
        if (v.length == 0) return "";
      }
      return v;
    }
    if (fn == "foreach") {
      if (args.length < 3) return "";
      const name = this.expand(args[0]).trim();
      const list = splitWords(this.expand(args[1]));
      const had = this.find(name);
      const out: string[] = [];
      for (let i = 0; i < list.length; i++) {
        this.vars.set(name, new MakeVar(list[i], false));
        out.push(this.expand(args[2]));
      }
      if (had != null) this.vars.set(name, had as MakeVar);
      else this.vars.delete(name);
      return out.join(" ");
    }
    if (fn == "call") {
      const name = this.expand(args[0]).trim();
      const saved: Array<MakeVar | null> = [];
      for (let i = 0; i < args.length; i++) {
        const k = i.toString();
        saved.push(this.find(k));
        this.vars.set(k, new MakeVar(i == 0 ? name : this.expand(args[i]), false));
      }
      const called = this.find(name);
      const v = called != null ? (called as MakeVar).value : "";
      const out = this.expand(v);
      for (let i = 0; i < args.length; i++) {
        const s = saved[i];
        if (s != null) this.vars.set(i.toString(), s as MakeVar);
        else this.vars.delete(i.toString());
      }
      return out;
    }
    const a: string[] = [];
    for (let i = 0; i < args.length; i++) a.push(this.expand(args[i]));
    const a0 = a.length > 0 ? a[0] : "",
      a1 = a.length > 1 ? a[1] : "",
      a2 = a.length > 2 ? a[2] : "";
    if (fn == "subst") return a2.replaceAll(a0, a1);
    if (fn == "patsubst") return mapWords(splitWords(a2), a0.trim(), a1.trim()).join(" ");
    if (fn == "strip") return splitWords(a0).join(" ");
    if (fn == "findstring") return a1.indexOf(a0) >= 0 ? a0 : "";
    if (fn == "filter" || fn == "filter-out") {
      const pats = splitWords(a0),
        out: string[] = [];
      const ws = splitWords(a1);
      for (let i = 0; i < ws.length; i++) {
        let m = false;
        for (let j = 0; j < pats.length; j++)
          if (matchPattern(pats[j], ws[i]) != null) {
            m = true;
            break;
          }
        if (m == (fn == "filter")) out.push(ws[i]);
      }
      return out.join(" ");
    }
    if (fn == "sort") {
      const ws = splitWords(a0);
      ws.sort();
      const out: string[] = [];
      for (let i = 0; i < ws.length; i++) if (i == 0 || ws[i] != ws[i - 1]) out.push(ws[i]);
      return out.join(" ");
    }
    if (fn == "words") return splitWords(a0).length.toString();
    if (fn == "word") {
      const k = I32.parseInt(a0.trim());
      const ws = splitWords(a1);
      return k >= 1 && k <= ws.length ? ws[k - 1] : "";
    }
    if (fn == "wordlist") {
      const s = I32.parseInt(a0.trim()),
        e = I32.parseInt(a1.trim());
      const ws = splitWords(a2);
      const out: string[] = [];
      for (let k = s; k <= e && k <= ws.length; k++) if (k >= 1) out.push(ws[k - 1]);
      return out.join(" ");
    }
    if (fn == "firstword") {
      const ws = splitWords(a0);
      return ws.length > 0 ? ws[0] : "";
    }
    if (fn == "lastword") {
      const ws = splitWords(a0);
      return ws.length > 0 ? ws[ws.length - 1] : "";
    }
    if (fn == "dir" || fn == "notdir" || fn == "suffix" || fn == "basename" || fn == "realpath" || fn == "abspath") {
      const ws = splitWords(a0),
        out: string[] = [];
      for (let i = 0; i < ws.length; i++) out.push(pathPart(fn, ws[i]));
      return out.join(" ");
    }
    if (fn == "addprefix" || fn == "addsuffix") {
      const ws = splitWords(a1),
        out: string[] = [];
      for (let i = 0; i < ws.length; i++) out.push(fn == "addprefix" ? a0.trim() + ws[i] : ws[i] + a0.trim());
      return out.join(" ");
    }
    if (fn == "join") {
      const x = splitWords(a0),
        y = splitWords(a1);
      const out: string[] = [];
      for (let i = 0; i < x.length || i < y.length; i++) out.push((i < x.length ? x[i] : "") + (i < y.length ? y[i] : ""));
      return out.join(" ");
    }
    if (fn == "wildcard") {
      const ws = splitWords(a0),
        out: string[] = [];
      for (let i = 0; i < ws.length; i++) {
        const m = this.files.glob(normalizePath(ws[i]));
        for (let j = 0; j < m.length; j++) out.push(m[j]);
      }
      return out.join(" ");
    }
    if (fn == "value") {
      const v = this.find(a0.trim());
      return v != null ? (v as MakeVar).value : "";
    }
    if (fn == "origin") return this.find(a0.trim()) != null ? "file" : "undefined";
    if (fn == "shell") {
      this.finding(Severity.Info, "$(shell " + a0 + ") is not run; ksymns takes it as empty");
      return "";
    }
    if (fn == "error") {
      this.finding(Severity.Error, "*** " + a0 + ".  Stop.");
      return "";
    }
    if (fn == "warning") {
      this.finding(Severity.Warning, a0);
      return "";
    }
    if (fn == "info") return "";
    if (fn == "eval") {
      this.finding(Severity.Info, "$(eval ...) is not evaluated by ksymns");
      return "";
    }
    return "";
  }
}

const OPS: string[] = ["::=", ":=", "+=", "?=", "!=", "="];
const FUNCTIONS: string[] = [
  "subst",
  "patsubst",
  "strip",
  "findstring",
  "filter",
  "filter-out",
  "sort",
  "word",
  "words",
  "wordlist",
  "firstword",
  "lastword",
  "dir",
  "notdir",
  "suffix",
  "basename",
  "addsuffix",
  "addprefix",
  "join",
  "wildcard",
  "realpath",
  "abspath",
  "if",
  "or",
  "and",
  "foreach",
  "call",
  "value",
  "origin",
  "shell",
  "error",
  "warning",
  "info",
  "eval",
];
const ARITY = new Map<string, i32>();
ARITY.set("subst", 3);
ARITY.set("patsubst", 3);
ARITY.set("filter", 2);
ARITY.set("filter-out", 2);
ARITY.set("findstring", 2);
ARITY.set("word", 2);
ARITY.set("wordlist", 3);
ARITY.set("addprefix", 2);
ARITY.set("addsuffix", 2);
ARITY.set("join", 2);
ARITY.set("if", 3);
ARITY.set("strip", 1);
ARITY.set("sort", 1);
ARITY.set("words", 1);
ARITY.set("firstword", 1);
ARITY.set("lastword", 1);
ARITY.set("dir", 1);
ARITY.set("notdir", 1);
ARITY.set("suffix", 1);
ARITY.set("basename", 1);
ARITY.set("wildcard", 1);
ARITY.set("realpath", 1);
ARITY.set("abspath", 1);
ARITY.set("value", 1);
ARITY.set("origin", 1);
ARITY.set("shell", 1);
ARITY.set("error", 1);
ARITY.set("warning", 1);
ARITY.set("info", 1);
ARITY.set("eval", 1);

function isSpace(c: i32): bool {
  return c == 32 || c == 9;
}

function firstWord(s: string): string {
  let i = 0;
  while (i < s.length && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) != 40) i++;
  return s.substring(0, i);
}

/** Whitespace-separated words. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const space = c == 32 || c == 9 || c == 10 || c == 13;
    if (space) {
      if (start >= 0) {
        out.push(s.substring(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return out;
}

function endsInEscapedBackslash(l: string): bool {
  let n = 0;
  for (let i = l.length - 1; i >= 0 && l.charCodeAt(i) == 92; i--) n++;
  return n % 2 == 0;
}

/** The line without its comment: make's `#` starts one anywhere, unless escaped or inside `$(...)`. */
function stripComment(l: string): string {
  let depth = 0;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c == 92) {
      i++;
      continue;
    }
    if (c == 36 && i + 1 < l.length && (l.charCodeAt(i + 1) == 40 || l.charCodeAt(i + 1) == 123)) {
      depth++;
      i++;
      continue;
    }
    if ((c == 41 || c == 125) && depth > 0) {
      depth--;
      continue;
    }
    if (c == 35 && depth == 0) return l.substring(0, i);
  }
  return l;
}

/** Index of `close` matching the opener at `open` ('(' or '{'), counting nested ones; -1 if none. */
function matchingClose(s: string, open: i32): i32 {
  const o = s.charCodeAt(open),
    c = o == 40 ? 41 : 125;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k == o) depth++;
    else if (k == c) {
      depth--;
      if (depth == 0) return i;
    }
  }
  return -1;
}

/** Index of the first `ch` outside nested parentheses/braces, or -1. */
function topLevelChar(s: string, ch: i32): i32 {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 40 || c == 123) depth++;
    else if (c == 41 || c == 125) depth--;
    else if (c == ch && depth == 0) return i;
  }
  return -1;
}

function topLevelComma(s: string, from: i32, to: i32): i32 {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c == 40 || c == 123) depth++;
    else if (c == 41 || c == 125) depth--;
    else if (c == 44 && depth == 0) return i;
  }
  return -1;
}

/** A function's arguments: split at top-level commas, the last taking the rest (make's rule). */
function splitArgs(s: string, max: i32): string[] {
  const out: string[] = [];
  let depth = 0,
    start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 40 || c == 123) depth++;
    else if (c == 41 || c == 125) depth--;
    else if (c == 44 && depth == 0 && out.length < max - 1) {
      out.push(s.substring(start, i));
      start = i + 1;
    }
  }
  out.push(s.substring(start));
  return out;
}

/** `"a" "b"` / `'a' 'b'` of ifeq's second form. */
function quotedPair(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c != 34 && c != 39) return [];
    const j = s.indexOf(String.fromCharCode(c), i + 1);
    if (j < 0) return [];
    out.push(s.substring(i + 1, j));
    i = j + 1;
  }
  return out;
}

/** Where the assignment operator of `s` starts (outside `$(...)`), or -1. */
function findAssignment(s: string): i32 {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 36 && i + 1 < s.length && (s.charCodeAt(i + 1) == 40 || s.charCodeAt(i + 1) == 123)) {
      depth++;
      i++;
      continue;
    }
    if ((c == 41 || c == 125) && depth > 0) {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (c == 61) {
      if (i > 0) {
        const p = s.charCodeAt(i - 1);
        if (p == 58) return i >= 2 && s.charCodeAt(i - 2) == 58 ? i - 2 : i - 1;
        if (p == 43 || p == 63 || p == 33) return i - 1;
      }
      return i;
    }
    // a rule's colon comes first: `a: b = c` is a target-specific variable, not ours
    if (c == 58 && !(i + 1 < s.length && (s.charCodeAt(i + 1) == 61 || s.charCodeAt(i + 1) == 58))) return -1;
  }
  return -1;
}

function ruleColon(s: string): i32 {
  return topLevelChar(s, 58);
}

/** The stem `%` matched in `word` by `pattern`, or null. */
function matchPattern(pattern: string, word: string): string | null {
  const p = pattern.indexOf("%");
  if (p < 0) return pattern == word ? "" : null;
  const pre = pattern.substring(0, p),
    post = pattern.substring(p + 1);
  if (word.length < pre.length + post.length || !word.startsWith(pre) || !word.endsWith(post)) return null;
  return word.substring(pre.length, word.length - post.length);
}

function mapWords(ws: string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const stem = matchPattern(from, ws[i]);
    out.push(stem == null ? ws[i] : to.indexOf("%") >= 0 ? to.replace("%", stem as string) : to);
  }
  return out;
}

function pathPart(fn: string, w: string): string {
  const slash = w.lastIndexOf("/");
  if (fn == "dir") return slash >= 0 ? w.substring(0, slash + 1) : "./";
  if (fn == "notdir") return slash >= 0 ? w.substring(slash + 1) : w;
  const dot = w.lastIndexOf(".");
  if (fn == "suffix") return dot > slash ? w.substring(dot) : "";
  if (fn == "basename") return dot > slash ? w.substring(0, dot) : w;
  return normalizePath(w);
}

/** `a/./b/../c` → `a/c`; a leading `./` dropped: how the workspace names files. */
export function normalizePath(p: string): string {
  const parts = p.split("/");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    if (s.length == 0 || s == ".") continue;
    if (s == ".." && out.length > 0 && out[out.length - 1] != "..") {
      out.pop();
      continue;
    }
    out.push(s);
  }
  return out.join("/");
}
