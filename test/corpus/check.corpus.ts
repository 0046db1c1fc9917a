// `ksymns check` on real modules of a whole Debian kernel (6.12, from `ksymns corpus`): on its
// own kernel's table a module loads; on a table whose module_layout CRC moved (another point
// release) the loader refuses it for CRC drift, as it would; every format reads back as CI reads it.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { corpusRelease, defaultCorpusDir, fetchCorpus } from "../../src/cli/corpus";
import { CLI } from "../support/cli";

const MODULES = ["kernel/drivers/usb/storage/ums-karma.ko.xz", "kernel/drivers/usb/storage/ums-cypress.ko.xz", "kernel/fs/fat/vfat.ko.xz"];
let folder = "";
let paths: string[] = [];

function check(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, "check", ...args], { cwd: folder, encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  folder = fetchCorpus("6.12", defaultCorpusDir(), (s) => process.stderr.write(s + "\n"));
  paths = MODULES.map((m) => join("lib/modules", corpusRelease(folder), m));
});

describe("ksymns check on Debian 6.12's own modules", () => {
  it("loads each on its own kernel's Module.symvers and .config", () => {
    const r = check("--symvers", "Module.symvers", "--config", "config", ...paths);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.includes(" on 6.12 "))).toHaveLength(MODULES.length);
  });

  it("reports CRC drift against another point release's table, as the loader does", () => {
    // a point release whose module_layout changed: the same table with that one CRC moved
    const table = readFileSync(join(folder, "Module.symvers"), "utf8");
    const own = /^(0x[0-9a-f]{8})\tmodule_layout\t/m.exec(table)?.[1] ?? "";
    expect(own).toMatch(/^0x[0-9a-f]{8}$/);
    const other = join(mkdtempSync(join(tmpdir(), "ksymns-drift-")), "Module.symvers");
    writeFileSync(other, table.replace(`${own}\tmodule_layout\t`, `0x${(Number(own) ^ 1).toString(16).padStart(8, "0")}\tmodule_layout\t`));
    const r = check("--symvers", other, "--config", "config", paths[0]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("<4>ums_karma: disagrees about version of symbol module_layout");
  });

  it("writes SARIF that validates, JUnit that parses with one case per module × kernel, and workflow commands", () => {
    const kernels = ["--kernel", "debian-6.12,debian-7.3", "--symvers", "Module.symvers"];
    const sarif = JSON.parse(check(...kernels, "--format", "sarif", ...paths).stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL("../support/sarif-schema-2.1.0.json", import.meta.url), "utf8")));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const junit = check(...kernels, "--format", "junit", ...paths).stdout;
    expect(XMLValidator.validate(junit)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ["testsuite", "testcase"].includes(n) }).parse(junit);
    expect(xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase)).toHaveLength(3 * MODULES.length);
    const github = check(...kernels, "--format", "github", ...paths)
      .stdout.trimEnd()
      .split("\n");
    const PROP = "(?:file|line|endLine|col|endColumn|title)=[^,:\\r\\n]*";
    for (const l of github) expect(l).toMatch(new RegExp(`^::(error|warning|notice) ${PROP}(?:,${PROP})*::[^\\r\\n]*$`));
    expect(github.some((l) => l.includes("disagrees about version of symbol module_layout"))).toBe(true);
  });
});

describe("ksymns symvers", () => {
  it("fetches the newest 6.12's Module.symvers and .config from Debian's archive, by series and by package version", () => {
    const cache = mkdtempSync(join(tmpdir(), "ksymns-symvers-"));
    const run = (what: string): string => execFileSync(process.execPath, [CLI, "symvers", what, cache], { encoding: "utf8" }).trim();
    const path = run("debian-6.12");
    const release = corpusRelease(folder);
    expect(path).toBe(join(cache, release, "Module.symvers"));
    expect(readFileSync(path, "utf8")).toBe(readFileSync(join(folder, "Module.symvers"), "utf8"));
    expect(existsSync(join(cache, release, ".config"))).toBe(true);
    const version = readFileSync(join(cache, release, "package"), "utf8")
      .trim()
      .split(" ")[1];
    expect(run(version)).toBe(path);
    expect(run(release)).toBe(path);
  });
});
