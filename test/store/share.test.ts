// The share-link codec: what a link holds, and how a broken link is reported; file names
// that are object members stay files.

import { describe, expect, it } from "vitest";
import { deflateSync, strFromU8, strToU8, unzipSync } from "fflate";
import { decodeLink, encodeLink, isLinkHash, LinkError, toWorkspaceFiles, type Snapshot } from "../../src/store";
import { defaultSnapshot } from "../../src/store";
import { applyEdits } from "../../src/editor/fixes";
import { zipWorkspace } from "../../src/app/archive";

const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0x80]);

function sample(): Snapshot {
  const s = defaultSnapshot();
  s.files.push({ name: "real.ko", content: elf });
  s.relaxed = false;
  s.view = { file: "user.c", tab: "kernel" };
  return s;
}

describe("the share link", () => {
  it("round-trips files, binary files, kernel choices and view unchanged", () => {
    const s = sample();
    const back = decodeLink(encodeLink(s));
    expect(back).toEqual(s);
    expect(back.files.find((f) => f.name === "real.ko")?.content).toBeInstanceOf(Uint8Array);
  });

  it("keeps the file order", () => {
    const s = sample();
    s.files.reverse();
    expect(decodeLink(encodeLink(s)).files.map((f) => f.name)).toEqual(s.files.map((f) => f.name));
  });

  it("is URL-safe and starts with its format version", () => {
    const link = encodeLink(sample());
    expect(link).toMatch(/^v1\/[A-Za-z0-9_-]+$/);
    expect(isLinkHash("#" + link)).toBe(true);
    expect(isLinkHash("#section")).toBe(false);
  });

  it("opens with or without the leading #", () => {
    const link = encodeLink(sample());
    expect(decodeLink("#" + link)).toEqual(decodeLink(link));
  });

  it("is shorter than the text it holds, even after base64", () => {
    const s = defaultSnapshot();
    const text = s.files.map((f) => f.content as string).join("");
    expect(encodeLink(s).length).toBeLessThan(text.length);
  });

  it("reports a truncated link as incomplete rather than opening part of a workspace", () => {
    const link = encodeLink(sample());
    for (const cut of [link.length - 1, link.length - 7, Math.floor(link.length / 2), 4]) {
      expect(() => decodeLink(link.slice(0, cut))).toThrow(LinkError);
    }
    expect(() => decodeLink(link.slice(0, Math.floor(link.length / 2)))).toThrow(/incomplete|damaged/);
  });

  it("reports a link without data as incomplete", () => {
    expect(() => decodeLink("#v1/")).toThrow(/incomplete/);
  });

  it("reports characters that base64url never contains as damage", () => {
    expect(() => decodeLink("#v1/abc$%^")).toThrow(LinkError);
  });

  it("names a link from a newer format instead of misreading it", () => {
    expect(() => decodeLink("#v9/AAAA")).toThrow(/newer ksymns.*v9/);
  });

  it("rejects well-compressed data that is not a workspace", () => {
    const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify({ hello: 1 })))).toString("base64url");
    expect(() => decodeLink(`v1/${b64}`)).toThrow(/no workspace files/);
    const dup = Buffer.from(
      deflateSync(
        strToU8(
          JSON.stringify({
            f: [
              ["a.c", ""],
              ["a.c", ""],
            ],
            p: 1,
            r: 1,
          }),
        ),
      ),
    ).toString("base64url");
    expect(() => decodeLink(`v1/${dup}`)).toThrow(/appears twice/);
  });

  it("decodes the v1 links of earlier builds (format stability)", () => {
    // made by this build's encodeLink for { "a.c": "int x;\n" }, profile off, relaxed on; must open forever
    const frozen = "v1/q1ZKU7KKjlZK1EtW0lHKzCtRqLCOyVOKjdVRKlCyMtBRKlKyMqwFAA";
    const s = decodeLink(frozen);
    expect(s.files).toEqual([{ name: "a.c", content: "int x;\n" }]);
    expect(s.profile).toBe(false);
    expect(s.relaxed).toBe(true);
  });
});

describe("a crafted link", () => {
  it("that would inflate past the workspace limit is refused with a message, not unpacked", async () => {
    const { deflateSync } = await import("fflate");
    const { decodeLink, LinkError, MAX_LINK_BYTES } = await import("../../src/store/share");
    const bomb = deflateSync(new Uint8Array(MAX_LINK_BYTES + 1024), { level: 9 });
    const b64 = Buffer.from(bomb).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(() => decodeLink(`#v1/${b64}`)).toThrow(LinkError);
    expect(() => decodeLink(`#v1/${b64}`)).toThrow(/more than 32 MiB/);
  });
});

describe("files named like object members", () => {
  it("are files like any other in the engine's input, a link, a fix and a .zip", () => {
    const names = ["__proto__", "toString", "constructor", "hasOwnProperty"];
    const snap = defaultSnapshot();
    snap.files.push(...names.map((name) => ({ name, content: `// ${name}\n` })));
    const input = toWorkspaceFiles(snap.files);
    expect(Object.getPrototypeOf(input)).toBeNull();
    for (const n of names) expect(input[n]).toBe(`// ${n}\n`);
    expect(Object.keys(input)).toHaveLength(snap.files.length);

    expect(decodeLink(encodeLink(snap)).files.map((f) => f.name)).toEqual(snap.files.map((f) => f.name));

    const fixed = applyEdits(input, [{ file: "__proto__", line: 1, col: 1, endLine: 1, endCol: 1, text: "// fixed\n" }]);
    expect(Object.entries(fixed)).toEqual([["__proto__", "// fixed\n// __proto__\n"]]);
    expect(Object.keys(applyEdits(input, [{ file: "valueOf", line: 1, col: 1, endLine: 1, endCol: 1, text: "x" }]))).toEqual([]);

    const inZip: string[] = [];
    const zipped = unzipSync(zipWorkspace(snap.files), { filter: (f) => (inZip.push(f.name), true) });
    expect(inZip).toEqual(snap.files.map((f) => f.name));
    expect(strFromU8(zipped.toString as unknown as Uint8Array)).toBe("// toString\n");
  });
});
