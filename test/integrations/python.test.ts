// The Python side of the documentation integrations (integrations/sphinx): share links written
// in Python open in the playground with the same files; the MkDocs fence through
// Python-Markdown and pymdownx.superfences, and a real mkdocs build. Debian's packages:
// python3-pymdownx and mkdocs (.ci/run installs them).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeLink, toWorkspaceFiles } from "../../src/store";
import { pythonFor } from "../support/python";

const INSTALL = "apt-get install -y python3-pymdownx mkdocs";
const python = pythonFor("MkDocs and share-link tests", ["markdown", "pymdownx.superfences", "mkdocs"], INSTALL);
const env = { ...process.env, PYTHONPATH: resolve("integrations/sphinx") };
const out = mkdtempSync(join(tmpdir(), "ksymns-py-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs Python code that prints one JSON value. */
function py(code: string): unknown {
  return JSON.parse(execFileSync(python!, ["-c", code], { env, encoding: "utf8" }));
}

const USER =
  'int toy_get(void);\nstatic int __init user_init(void)\n{\n\treturn toy_get() == 42 ? 0 : -1;\n}\nMODULE_LICENSE("GPL"); /* é, ✓ and </script> */\n';

describe.skipIf(!python)("the Sphinx and MkDocs package's Python", () => {
  it("writes share links that the playground opens with the same files", () => {
    const link = py(`import json
from sphinxcontrib.ksymns.workspace import share_link
print(json.dumps(share_link([("user.c", ${JSON.stringify(USER)}), ("load", "insmod user.ko\\n")], "user.c")))`) as string;
    const snap = decodeLink(`#${link}`);
    expect(toWorkspaceFiles(snap.files)).toEqual({ "user.c": USER, load: "insmod user.ko\n" });
    expect(snap.view.file).toBe("user.c");
    expect(snap.profile && snap.relaxed).toBe(true);
  });

  it("turns a ksymns fence into the element through pymdownx.superfences, and stops on a wrong flag", () => {
    const render = (fence: string) =>
      spawnSync(
        python!,
        [
          "-c",
          `import json, sys, markdown
from sphinxcontrib.ksymns.superfences import fence_validator, formatter
md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {"preserve_tabs": True, "custom_fences": [{"name": "ksymns", "class": "ksymns", "validator": fence_validator, "format": formatter("https://example.org/ksymns/")}]}})
print(json.dumps(md.convert(sys.stdin.read())))`,
        ],
        { env, encoding: "utf8", input: fence },
      );
    const ok = render(`Text.\n\n\`\`\`ksymns file="user.c" readonly\n--- user.c\n${USER}--- load\ninsmod user.ko\n\`\`\`\n`);
    expect(ok.status, ok.stderr).toBe(0);
    const html = JSON.parse(ok.stdout) as string;
    expect(html).toMatch(/^<p>Text\.<\/p>\n<div class="ksymns">\n<ksymns-playground file="user\.c" readonly="1" files="v1\//);
    const link = /files="([^"]+)"/.exec(html)![1];
    expect(toWorkspaceFiles(decodeLink(link).files)).toEqual({ "user.c": USER, load: "insmod user.ko\n" });
    expect(html).toContain("&lt;/script&gt;");
    expect(html).toContain(`<a href="https://example.org/ksymns/index.html#${link}">Open in ksymns</a>`);
    const bad = render('```ksymns colour="red"\n--- a.c\nint x;\n```\n');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('ksymns fence: unknown ksymns flag "colour"');
    const unnamed = render("```ksymns\nint x;\n```\n");
    expect(unnamed.stderr).toContain('ksymns fence: a ksymns block starts with the line "--- NAME" naming its first file (line 1 of the block)');
  });

  it("builds a real MkDocs site whose page carries the element, its code and embed.js", () => {
    const site = join(out, "mkdocs");
    execFileSync(python!, ["-m", "mkdocs", "build", "-q", "-f", "test/sites/mkdocs/mkdocs.yml", "-d", site], {
      env: { ...env, KSYMNS_PLAYGROUND: "https://docs.example/ksymns/", KSYMNS_EMBED_JS: "https://docs.example/ksymns/embed.js" },
      stdio: "pipe",
    });
    const html = readFileSync(join(site, "index.html"), "utf8");
    const link = /<ksymns-playground[^>]* files="([^"]+)"/.exec(html)![1];
    expect(Object.keys(toWorkspaceFiles(decodeLink(link).files))).toEqual(["exporter.c", "user.c", "load"]);
    expect(html).toContain('<script src="https://docs.example/ksymns/embed.js"');
    expect(html).toContain("<figcaption>user.c</figcaption>");
  });
});
