// Patches applied to the workspace: a real `git format-patch` series (test/store/patches/, made
// with git 2.39 from the default workspace) and bare unified diffs.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPatchText, defaultSnapshot, isPatchFile, type WorkspaceFile } from "../../src/store";

const SERIES = readFileSync(join(import.meta.dirname, "patches/import-and-author.mbox"), "utf8");
const text = (files: WorkspaceFile[], name: string) => files.find((f) => f.name === name)?.content;

describe("a patch applied to the workspace", () => {
  it("adds the files a format-patch series creates, patches those it changes, and lists the hunk that does not apply", () => {
    const before = defaultSnapshot().files;
    const out = applyPatchText(before, SERIES);
    expect(out.added).toEqual(["helper.c"]);
    expect(out.changed).toEqual(["user.c"]);
    expect(text(out.files, "helper.c")).toBe('#include <linux/module.h>\n\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("a helper");\n');
    expect(text(out.files, "user.c")).toBe(
      String(text(before, "user.c")).replace('MODULE_LICENSE("GPL");', 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);'),
    );
    // the second patch was written against an exporter.c whose description had changed
    expect(out.failed).toEqual([{ file: "exporter.c", hunk: "@@ -8,4 +8,5 @@", reason: expect.stringContaining("not in exporter.c") }]);
    expect(text(out.files, "exporter.c")).toBe(text(before, "exporter.c"));
    expect(out.files.map((f) => f.name)).toEqual([...before.map((f) => f.name), "helper.c"]);
  });

  it("takes the first mail's subject, author (RFC 2047 decoded), date and lore link as the story", () => {
    const { story } = applyPatchText(defaultSnapshot().files, SERIES);
    expect(story).toMatchObject({ subject: "user: import TOY_NS", author: "Dana Ölander <dana@example.org>" });
    expect(story!.message).toBe("modpost refuses user.ko: it uses toy_get from TOY_NS without importing it. Import it, as make nsdeps would.");
    expect(story!.link).toMatch(/^https:\/\/lore\.kernel\.org\/r\/942acd9664130631e7f8b40cdd87b2c6ac35af97\.\d+\.git\.dana@example\.org$/);
    expect(story!.date).toMatch(/^\w{3}, \d+ \w{3} \d{4} /);
  });

  it("applies a bare diff by file name, deletes and reports files the workspace lacks", () => {
    const files: WorkspaceFile[] = [
      { name: "drv.c", content: "a\nb\nc\n" },
      { name: "old.c", content: "x\n" },
    ];
    const diff = [
      "--- a/drivers/misc/drv.c",
      "+++ b/drivers/misc/drv.c",
      "@@ -1,3 +1,3 @@",
      " a",
      "-b",
      "+B",
      " c",
      "--- a/old.c",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-x",
      "--- a/gone.c",
      "+++ b/gone.c",
      "@@ -1 +1 @@",
      "-y",
      "+z",
      "",
    ].join("\n");
    const out = applyPatchText(files, diff);
    expect(out.story).toBeNull();
    expect(out.files).toEqual([{ name: "drv.c", content: "a\nB\nc\n" }]);
    expect(out.deleted).toEqual(["old.c"]);
    expect(out.failed).toEqual([{ file: "gone.c", hunk: "", reason: "gone.c is not in the workspace" }]);
  });

  it("says a text without any file change is not a patch", () => {
    expect(applyPatchText(defaultSnapshot().files, "Hello,\n\nthis is just a mail.\n").empty).toBe(true);
    expect(isPatchFile("0001-fix.patch")).toBe(true);
    expect(isPatchFile("series.mbox")).toBe(true);
    expect(isPatchFile("user.c")).toBe(false);
  });
});
