// `ksymns check` as CI runs it, on modules made in memory (test/support/ko-fixture.ts): many
// kernels in one run and the matrix, CRC drift against a later point release, the import fix
// in every checked kernel's syntax, and each format read back by what CI would use — SARIF
// validated against the OASIS 2.1.0 schema (test/support/sarif-schema-2.1.0.json), JUnit
// parsed as XML, GitHub workflow commands matched against the runner's grammar.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { makeKo, type Fixture } from "../support/ko-fixture";
import { ksymnsIn } from "../support/cli";

const LAYOUT = { name: "module_layout", crc: 0x1111 };
const VMLINUX = ["0x00001111\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\t", "0x00002222\t_printk\tvmlinux\tEXPORT_SYMBOL\t"];
const MAGIC = "vermagic=6.12.0 SMP preempt mod_unload modversions ";

function ko(name: string, f: Fixture): Uint8Array {
  return makeKo({ ...f, modinfo: ["license=GPL", `name=${name}`, "retpoline=Y", MAGIC, ...(f.modinfo ?? [])] });
}

/** A kernel as a headers tree: Module.symvers with beta_fn (CRC `crc`) and a .config of `release`. */
function kernelDir(root: string, name: string, release: string, crc: number): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Module.symvers"),
    [...VMLINUX, `0x${crc.toString(16).padStart(8, "0")}\tbeta_fn\tdrivers/beta/beta\tEXPORT_SYMBOL_GPL\tBETA_NS`, ""].join("\n"),
  );
  writeFileSync(join(dir, ".config"), `# Linux/x86 ${release} Kernel Configuration\nCONFIG_MODVERSIONS=y\n`);
  return `${name}/Module.symvers`;
}

let dir = "";
const SRC = [
  "#include <linux/module.h>",
  "",
  "static int __init f_init(void)",
  "{",
  "\treturn beta_fn();",
  "}",
  "module_init(f_init);",
  'MODULE_LICENSE("GPL");',
  "",
].join("\n");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ksymns-formats-"));
  kernelDir(dir, "k612", "6.12.0", 0xb1);
  kernelDir(dir, "k612-later", "6.12.0", 0xb2);
  kernelDir(dir, "k613", "6.13.0", 0xb1);
  writeFileSync(join(dir, "good.ko"), ko("good", { uses: ["_printk"], versions: [{ name: "_printk", crc: 0x2222 }, LAYOUT] }));
  writeFileSync(join(dir, "forgot-ns.ko"), ko("forgot_ns", { uses: ["beta_fn"], versions: [{ name: "beta_fn", crc: 0xb1 }, LAYOUT] }));
  writeFileSync(
    join(dir, "imports.ko"),
    ko("imports", { uses: ["beta_fn"], versions: [{ name: "beta_fn", crc: 0xb1 }, LAYOUT], modinfo: ["import_ns=BETA_NS"] }),
  );
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/forgot-ns.c"), SRC);
});

const check = (...args: string[]) => ksymnsIn({ cwd: dir }, "check", ...args);

describe("ksymns check on many kernels", () => {
  it("checks each module on each kernel and ends the text with the module × kernel matrix", async () => {
    const r = await check("--symvers", "k612/Module.symvers", "--symvers", "k613/Module.symvers", "good.ko", "forgot-ns.ko");
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toContain("good.ko: good on k612/Module.symvers: 6.12 (6.12.118+deb12-amd64): loads");
    expect(lines).toContain("forgot-ns.ko: forgot_ns on k613/Module.symvers: 6.13 (6.13.0-amd64): would not load");
    expect(lines.slice(-3)).toEqual([
      "module        k612/Module.symvers               k613/Module.symvers",
      "good.ko       loads                             loads",
      "forgot-ns.ko  no: LOAD_NS_NOT_IMPORTED BETA_NS  no: LOAD_NS_NOT_IMPORTED BETA_NS",
    ]);
  });

  it("reports CRC drift against a later point release's table as the loader does", async () => {
    const r = await check("--symvers", "k612/Module.symvers", "--symvers", "k612-later/Module.symvers", "imports.ko");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("imports.ko: imports on k612/Module.symvers: 6.12 (6.12.118+deb12-amd64): loads");
    expect(r.stdout).toContain("  <4>imports: disagrees about version of symbol beta_fn");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("imports.ko  loads                no: LOAD_CRC_MISMATCH beta_fn");
  });

  it("prints the import to add in each kernel's syntax: a LINUX_VERSION_CODE block across 6.13", async () => {
    const both = await check("--symvers", "k612/Module.symvers", "--symvers", "k613/Module.symvers", "forgot-ns.ko");
    expect(both.stdout).toContain(
      [
        "  forgot-ns.ko (forgot_ns), missing on k612/Module.symvers, k613/Module.symvers (with #include <linux/version.h>):",
        "    #if LINUX_VERSION_CODE >= KERNEL_VERSION(6,13,0)",
        '    MODULE_IMPORT_NS("BETA_NS");',
        "    #else",
        "    MODULE_IMPORT_NS(BETA_NS);",
        "    #endif",
      ].join("\n"),
    );
    const old = await check("--symvers", "k612/Module.symvers", "forgot-ns.ko");
    expect(old.stdout).toContain("  forgot-ns.ko (forgot_ns), missing on k612/Module.symvers:\n    MODULE_IMPORT_NS(BETA_NS);\n");
    const json = JSON.parse((await check("--symvers", "k613/Module.symvers", "--format", "json", "forgot-ns.ko")).stdout);
    expect(json.fixes).toEqual([
      { file: "forgot-ns.ko", module: "forgot_ns", ns: "BETA_NS", missingOn: ["k613/Module.symvers"], lines: ['MODULE_IMPORT_NS("BETA_NS");'] },
    ]);
  });

  it("takes the built-in Debian kernels by name, or all of them", async () => {
    const all = await check("--kernel", "all", "--format", "json", "good.ko");
    expect(JSON.parse(all.stdout).kernels.map((k: { label: string }) => k.label)).toEqual(["debian-5.10", "debian-6.1", "debian-6.12", "debian-7.3"]);
    const some = await check("--kernel", "debian-6.1,debian-7.3", "--kernel", "debian-6.12", "--format", "json", "good.ko");
    const res = JSON.parse(some.stdout);
    expect(res.kernels.map((k: { label: string; profile: string }) => [k.label, k.profile])).toEqual([
      ["debian-6.1", "debian-6.1.0-57-amd64"],
      ["debian-7.3", "debian-7.3.4+deb13-amd64"],
      ["debian-6.12", "debian-6.12.118+deb12-amd64"],
    ]);
    expect(res.modules[0].results).toHaveLength(3);
  });

  it("exits 2 naming the problem for an unknown kernel, format or option", async () => {
    const k = await check("--kernel", "debian-4.19", "good.ko");
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('--kernel "debian-4.19": not a kernel ksymns knows (built-in: debian-5.10, debian-6.1, debian-6.12, debian-7.3, all;');
    expect((await check("--kernel", "all", "--format", "xml", "good.ko")).stderr).toContain("--format takes text, json, github, sarif, junit");
    expect((await check("good.ko")).code).toBe(2);
    expect((await check("--kernel", "all")).stderr).toContain("which modules?");
  });
});

describe("ksymns check --format", () => {
  it("sarif: validates against the SARIF 2.1.0 schema, one rule per message id, a location for every result", async () => {
    const r = await check("--symvers", "k612/Module.symvers", "--symvers", "k613/Module.symvers", "--format", "sarif", "good.ko", "forgot-ns.ko");
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL("../support/sarif-schema-2.1.0.json", import.meta.url), "utf8")));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("LOAD_NS_NOT_IMPORTED");
    const ns = run.tool.driver.rules.find((x: { id: string }) => x.id === "LOAD_NS_NOT_IMPORTED");
    expect(ns.helpUri).toMatch(/^https:\/\/docs\.kernel\.org\/core-api\/symbol-namespaces\.html/);
    expect(ns.help.text).toContain("Fix: ");
    for (const res of run.results) {
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^(good|forgot-ns)\.ko$/);
    }
    const missing = run.results.filter((x: { ruleId: string }) => x.ruleId === "LOAD_NS_NOT_IMPORTED");
    expect(missing).toHaveLength(1);
    expect(missing[0].properties.kernels).toEqual(["k612/Module.symvers", "k613/Module.symvers"]);
  });

  it("sarif with --source-root: the result points at the line of the C source that uses the symbol", async () => {
    const r = await check("--symvers", "k613/Module.symvers", "--format", "sarif", "--source-root", "src", "forgot-ns.ko");
    const results = JSON.parse(r.stdout).runs[0].results;
    const ns = results.find((x: { ruleId: string }) => x.ruleId === "LOAD_NS_NOT_IMPORTED");
    expect(ns.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "src/forgot-ns.c" },
      region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 16 },
    });
    const taint = results.find((x: { ruleId: string }) => x.ruleId === "LOAD_OUT_OF_TREE");
    expect(taint.locations[0].physicalLocation.artifactLocation.uri).toBe("src/forgot-ns.c");
  });

  it("junit: well-formed XML with one test case per module × kernel, failures for those that would not load", async () => {
    const r = await check("--symvers", "k612/Module.symvers", "--symvers", "k613/Module.symvers", "--format", "junit", "good.ko", "forgot-ns.ko");
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["testsuite", "testcase"].includes(name) }).parse(r.stdout);
    const suites = xml.testsuites.testsuite;
    expect(xml.testsuites["@_tests"]).toBe("4");
    expect(xml.testsuites["@_failures"]).toBe("2");
    expect(suites.map((s: { "@_name": string }) => s["@_name"])).toEqual(["k612/Module.symvers", "k613/Module.symvers"]);
    const cases = suites.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases).toHaveLength(4);
    const failed = cases.filter((c: { failure?: unknown }) => c.failure);
    expect(failed.map((c: { "@_name": string }) => c["@_name"])).toEqual(["forgot-ns.ko (forgot_ns)", "forgot-ns.ko (forgot_ns)"]);
    expect(failed[0].failure["@_type"]).toBe("LOAD_NS_NOT_IMPORTED");
    expect(failed[0].failure["#text"]).toContain("<3>forgot_ns: module uses symbol (beta_fn) from namespace BETA_NS, but does not import it.");
  });

  it("github: every line is a workflow command of the runner's grammar, properties and data escaped", async () => {
    const odd = "we,ird:name%.ko";
    writeFileSync(join(dir, odd), ko("weird", { uses: ["beta_fn"], versions: [{ name: "beta_fn", crc: 0xb1 }, LAYOUT], modinfo: ["description=two\nlines"] }));
    const r = await check("--symvers", "k613/Module.symvers", "--format", "github", "forgot-ns.ko", odd);
    expect(r.code).toBe(1);
    const PROP = "(?:file|line|endLine|col|endColumn|title)=[^,:\\r\\n]*";
    const grammar = new RegExp(`^::(error|warning|notice) ${PROP}(?:,${PROP})*::[^\\r\\n]*$`);
    const lines = r.stdout.trimEnd().split("\n");
    for (const l of lines) {
      expect(l).toMatch(grammar);
      expect(l.slice(l.lastIndexOf("::") + 2)).not.toMatch(/%(?!25|0D|0A)/);
    }
    expect(lines).toContain(
      "::error file=forgot-ns.ko,title=LOAD_NS_NOT_IMPORTED (k613/Module.symvers)::forgot_ns: module uses symbol (beta_fn) from namespace BETA_NS, but does not import it.",
    );
    expect(lines.some((l) => l.startsWith("::error file=we%2Cird%3Aname%25.ko,"))).toBe(true);
  });

  it("github with --source-root: annotations carry the source line and column", async () => {
    const r = await check("--symvers", "k613/Module.symvers", "--format", "github", "--source-root", "src", "forgot-ns.ko");
    expect(r.stdout).toContain("::error file=src/forgot-ns.c,line=5,endLine=5,col=9,endColumn=16,title=LOAD_NS_NOT_IMPORTED (k613/Module.symvers)::");
  });
});

describe("ksymns check keeps the terminal safe", () => {
  it("writes control characters from a module as escapes, so nothing colours the terminal or forges a line", async () => {
    writeFileSync(
      join(dir, "evil.ko"),
      makeKo({ uses: ["beta_fn"], versions: [LAYOUT], modinfo: ["license=Proprietary\u001b[2J\nforged: loads", "name=evil", MAGIC] }),
    );
    const r = await check("--symvers", "k612/Module.symvers", "evil.ko");
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain("module license 'Proprietary\\033[2J\\nforged: loads' taints kernel.");
    expect(r.stdout.split("\n").some((l) => l.startsWith("forged"))).toBe(false);
  });
});
