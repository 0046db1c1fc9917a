// The editor's questions about the base kernel, answered from Debian 6.12's real table.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.useProfileFor("6.12");
});

describe("kernel profile queries", () => {
  it("tells who exports a symbol, its namespace and whether it is GPL-only", () => {
    expect(engine.symbolInfo("usb_stor_suspend")).toMatchObject({
      owner: "usb_storage",
      ownerPath: "drivers/usb/storage/usb-storage",
      ns: "USB_STORAGE",
      gpl: true,
    });
    expect(engine.symbolInfo("no_such_symbol_anywhere")).toBeNull();
  });

  it("shows the rows of the real Module.symvers around a symbol's row, as the file has them", () => {
    const e = engine.symbolInfo("usb_stor_suspend")!;
    const part = engine.profileLines(e.row - 2, 5);
    expect(part.profile).toMatch(/^debian-6\.12\./);
    expect(part.from).toBe(e.row - 2);
    expect(part.lines).toHaveLength(5);
    expect(part.lines[2].split("\t")).toEqual([e.crc, "usb_stor_suspend", "drivers/usb/storage/usb-storage", "EXPORT_SYMBOL_GPL", "USB_STORAGE"]);
    const end = engine.profileLines(part.total - 1, 10);
    expect(end.lines).toHaveLength(2);
    expect(end.lines.every((l) => l.split("\t").length >= 4)).toBe(true);
  });

  it("lists the base kernel's in-tree modules modprobe can load, by name prefix, without its built-in ones", () => {
    const ums = engine.installedModules("ums_", 100);
    expect(ums).toContain("ums_karma");
    expect(ums.every((n) => n.startsWith("ums_"))).toBe(true);
    expect([...ums].sort()).toEqual(ums);
    expect(engine.installedModules("", 5)).toHaveLength(5);
    // zbud is built into Debian's 6.12 (modules.builtin): modprobe has nothing to load
    expect(engine.installedModules("zbud", 10)).toEqual([]);
  });

  it("completes symbol names by prefix, optionally within a namespace", () => {
    const all = engine.completeSymbols("usb_stor_", { limit: 100 });
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((e) => e.symbol.startsWith("usb_stor_"))).toBe(true);
    const inNs = engine.completeSymbols("dma_buf_", { ns: "DMA_BUF", limit: 5 });
    expect(inNs).toHaveLength(5);
    expect(inNs.every((e) => e.ns === "DMA_BUF")).toBe(true);
  });

  it("lists the real namespaces with their exporters", () => {
    const list = engine.namespaces();
    expect(list.length).toBeGreaterThan(100);
    expect(list.find((n) => n.ns === "USB_STORAGE")?.owners).toEqual(["usb_storage"]);
    expect(engine.namespaceExports("USB_STORAGE").every((e) => e.ns === "USB_STORAGE")).toBe(true);
  });
});

describe("the export surface of each built-in kernel", () => {
  /** The same figures counted straight from the table's lines (symbol, owner, export type, namespace). */
  function countTable(file: string) {
    const rows = gunzipSync(readFileSync(join(import.meta.dirname, "../../public/kernels", file)))
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\t"));
    const ns = rows.map((r) => r[4] ?? "");
    return {
      total: rows.length,
      gpl: rows.filter((r) => r[3].includes("_GPL")).length,
      namespaced: ns.filter((n) => n && !n.startsWith("module:")).length,
      moduleOnly: ns.filter((n) => n.startsWith("module:")).length,
      vmlinux: rows.filter((r) => r[2] === "vmlinux").length,
    };
  }

  it("counts every export, GPL-only, namespaced, module:-restricted, vmlinux and modules as the table has them", async () => {
    const tables = readdirSync(join(import.meta.dirname, "../../public/kernels")).filter((f) => f.endsWith(".Module.symvers.gz"));
    expect(tables).toHaveLength(4);
    const other = await createNodeEngine();
    for (const file of tables) {
      const profile = file.replace(".Module.symvers.gz", "");
      const release = other.kernels().find((k) => other.plan({}, { kernel: k }).profile === profile)!;
      await other.useProfileFor(release);
      const s = other.exportSurface()!;
      const want = countTable(file);
      expect({ total: s.total, gpl: s.gpl, namespaced: s.namespaced, moduleOnly: s.moduleOnly, vmlinux: s.vmlinux }, profile).toEqual(want);
      expect(s.modules).toBe(s.total - s.vmlinux);
      expect(Object.values(s.namespaces).reduce((a, b) => a + b, 0)).toBe(s.namespaced);
    }
  });
});
