// The site's security headers and service-worker build id: one policy for the pages' meta
// tags, the headers and the workers; which files may be framed; a build id that changes with
// any built file and only then.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NO_FRAMING, PAGE_POLICY, WORKER_POLICY, headersFor } from "../../src/site/policy";
import { SW_PLACEHOLDERS, buildId, fillServiceWorker } from "../../src/site/plugin";

const metaPolicy = (file: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(file, "utf8"))?.[1];

describe("the site's policy", () => {
  it("is the one every page carries in its meta tag, and the workers' too", () => {
    expect(metaPolicy("index.html")).toBe(PAGE_POLICY);
    expect(metaPolicy("embed.html")).toBe(PAGE_POLICY);
    expect(metaPolicy("engine.html")).toBe(PAGE_POLICY);
    expect(WORKER_POLICY).toBe(PAGE_POLICY);
    const directive = (name: string) => new RegExp(`(?:^|; )${name} ([^;]*)`).exec(PAGE_POLICY)?.[1].split(" ");
    expect(directive("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive("worker-src")).toEqual(["'self'"]);
    expect(directive("connect-src")).toEqual(["'self'"]);
  });

  it("forbids framing the playground and the docs, under any sub-path, and leaves embed.html and engine.html frameable", () => {
    for (const p of ["/", "/index.html", "/ksymns/", "/ksymns/index.html?x=1", "/docs/", "/ksymns/docs/index.html"]) {
      expect(headersFor(p)).toEqual({ "Content-Security-Policy": NO_FRAMING, "X-Frame-Options": "DENY" });
    }
    expect(headersFor("/ksymns/embed.html?file=user.c")).toEqual({});
    expect(headersFor("/ksymns/engine.html?origins=https://example.org")).toEqual({});
  });

  it("gives every script, and the dev server's worker sources, the workers' policy", () => {
    for (const p of ["/assets/worker-CPXlYDe1.js", "/sw.js", "/theme.js", "/src/engine/worker/worker.ts?worker_file&type=module"]) {
      expect(headersFor(p)).toEqual({ "Content-Security-Policy": WORKER_POLICY });
    }
    expect(headersFor("/kernels/debian-6.12.118+deb12-amd64.Module.symvers.gz")).toEqual({});
  });
});

describe("the service worker's build id", () => {
  it("changes with any built file, and only then, and is written into sw.js with the workers' policy", () => {
    const dir = mkdtempSync(join(tmpdir(), "ksymns-build-"));
    try {
      mkdirSync(join(dir, "assets"));
      writeFileSync(join(dir, "theme.js"), "a");
      writeFileSync(join(dir, "assets", "app-12345678.js"), "b");
      writeFileSync(join(dir, "sw.js"), readFileSync("public/sw.js"));
      const first = buildId(dir);
      expect(buildId(dir)).toBe(first);
      writeFileSync(join(dir, "theme.js"), "a, changed");
      const second = buildId(dir);
      expect(second).not.toBe(first);
      expect(fillServiceWorker(dir)).toBe(second);
      const sw = readFileSync(join(dir, "sw.js"), "utf8");
      expect(sw).toContain(`var BUILD = "${second}";`);
      expect(sw).toContain(`var WORKER_POLICY = "${WORKER_POLICY}";`);
      expect(sw).not.toContain(SW_PLACEHOLDERS.build);
      // sw.js itself is not part of the id
      expect(buildId(dir)).toBe(second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
