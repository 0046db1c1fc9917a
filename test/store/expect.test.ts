// Expectations in share links: they travel with the workspace, old links without them still
// open, and a run is judged against them on the engine's outcome.

import { describe, expect, it } from "vitest";
import { decodeLink, defaultSnapshot, encodeLink, meetsExpectation, LinkError, type Snapshot } from "../../src/store";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { readPreset } from "../../src/presets/node";

describe("expectations in a share link", () => {
  it("round-trip with the workspace", () => {
    const s: Snapshot = {
      ...defaultSnapshot(),
      expect: [
        { kernel: "6.12", at: 1, exit: 1, text: "Invalid parameters" },
        { kernel: "6.13", at: "build", ok: false },
      ],
    };
    expect(decodeLink(encodeLink(s)).expect).toEqual(s.expect);
  });

  it("are absent from links made without them, which open as before", () => {
    const s = defaultSnapshot();
    const back = decodeLink(encodeLink(s));
    expect(back.expect).toBeUndefined();
    expect(back.files).toEqual(s.files);
  });

  it("make a link damaged when one names no kernel", () => {
    const s: Snapshot = { ...defaultSnapshot(), expect: [{ kernel: "newest", at: "build", ok: true }] };
    expect(() => decodeLink(encodeLink(s))).toThrow(LinkError);
  });

  it("pass or fail on the engine's outcome for the kernel they name", async () => {
    const engine = await createNodeEngine();
    const { files } = await readPreset("kvmfr-dma-buf-6.13");
    const on613 = await engine.run(files, { kernel: "6.13" });
    const on612 = await engine.run(files, { kernel: "6.12" });
    const fails = { kernel: "6.13", at: "build" as const, ok: false, text: "expected ',' or ';' before 'DMA_BUF'" };
    expect(meetsExpectation(on613, fails)).toBe(true);
    expect(meetsExpectation(on612, fails)).toBe(false);
    expect(meetsExpectation(on613, { kernel: "6.13", at: 0, exit: 1, text: "No such file or directory" })).toBe(true);
    expect(meetsExpectation(on613, { kernel: "6.13", at: 0, exit: 0 })).toBe(false);
  });
});
