// The editor's questions about the base kernel, answered from Debian 6.12's real table.

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
    expect(engine.symbolInfo("usb_stor_suspend")).toMatchObject({ owner: "usb_storage", ownerPath: "drivers/usb/storage/usb-storage", ns: "USB_STORAGE", gpl: true });
    expect(engine.symbolInfo("no_such_symbol_anywhere")).toBeNull();
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
