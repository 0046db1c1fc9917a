// History of replaced workspaces: newest first, identical file sets once, bounded with links
// going first, the user's own work never deleted to make room, refusals said and never partial,
// and the old set-aside slot moved in.

import { describe, expect, it } from "vitest";
import { memoryStorage, quotaStorage, refusingStorage } from "./support";
import { HISTORY_LIMIT, STORAGE_CHARS, defaultSnapshot, loadHistory, pushHistory, removeHistory, snapshotToJson, type Snapshot } from "../../src/store";

function work(text: string): Snapshot {
  const s = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === "user.c" ? { ...f, content: text } : f));
  return s;
}

const userC = (s: Snapshot) => s.files.find((f) => f.name === "user.c")?.content;
/** Characters one history entry of `s` takes (about). */
const entryChars = (s: Snapshot) => JSON.stringify(snapshotToJson(s)).length + 120;
const HISTORY_KEY = "ksymns:history:v1";

describe("History", () => {
  it("keeps pushed workspaces newest first, with title, time, rank, file count and size", () => {
    const storage = memoryStorage();
    const first = pushHistory(storage, work("// one\n"), "Shared link", { kind: "link", at: 1000 });
    const second = pushHistory(storage, work("// two\n"), "Example: x", { at: 2000 });
    expect(first.ok && second.ok).toBe(true);
    const entries = loadHistory(storage);
    expect(entries.map((e) => [e.title, e.at, e.kind, userC(e.snapshot)])).toEqual([
      ["Example: x", 2000, "own", "// two\n"],
      ["Shared link", 1000, "link", "// one\n"],
    ]);
    expect(entries[0].snapshot.files.length).toBe(4);
    expect(entries[0].size).toBe(work("// two\n").files.reduce((n, f) => n + new TextEncoder().encode(f.content as string).length, 0));
    expect(entries[0].snapshot).toEqual(work("// two\n"));
  });

  it("keeps an identical set of files once, moved to the top under its first title and its higher rank", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "first name", { at: 1 });
    pushHistory(storage, work("// b\n"), "b", { at: 2 });
    const reordered = work("// a\n");
    reordered.files.reverse();
    pushHistory(storage, reordered, "Shared link", { kind: "link", at: 3 });
    expect(loadHistory(storage).map((e) => [e.title, e.at, e.kind])).toEqual([
      ["first name", 3, "own"],
      ["b", 2, "own"],
    ]);
  });

  it(`keeps the ${HISTORY_LIMIT} most recent of the user's own workspaces`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) pushHistory(storage, work(`// ${i}\n`), `w${i}`, { at: i });
    const entries = loadHistory(storage);
    expect(entries.length).toBe(HISTORY_LIMIT);
    expect(entries[0].title).toBe(`w${HISTORY_LIMIT + 4}`);
    expect(entries.at(-1)!.title).toBe("w5");
  });

  it("lets links opened one after another push out only other links, never the user's own work", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// my work\n"), "mine", { at: 0 });
    for (let i = 1; i <= HISTORY_LIMIT + 1; i++) pushHistory(storage, work(`// link ${i}\n`), "Shared link", { kind: "link", at: i });
    const entries = loadHistory(storage);
    expect(entries.length).toBe(HISTORY_LIMIT);
    expect(entries.filter((e) => e.kind === "own").map((e) => userC(e.snapshot))).toEqual(["// my work\n"]);
    expect(userC(entries[0].snapshot)).toBe(`// link ${HISTORY_LIMIT + 1}\n`);
  });

  it("makes room in full storage by deleting link-opened entries, oldest first, and reports how many", () => {
    const one = entryChars(work("// 0\n"));
    const storage = quotaStorage(Math.floor(one * 3.5));
    pushHistory(storage, work("// own\n"), "own", { at: 0 });
    pushHistory(storage, work("// link 1\n"), "l1", { kind: "link", at: 1 });
    pushHistory(storage, work("// link 2\n"), "l2", { kind: "link", at: 2 });
    const pushed = pushHistory(storage, work("// 3\n"), "w3", { at: 3 });
    expect(pushed).toMatchObject({ ok: true, dropped: 1 });
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["w3", "l2", "own"]);
  });

  it("never deletes the user's own work to make room: the push is refused and History stays as it was", () => {
    const one = entryChars(work("// 0\n"));
    const storage = quotaStorage(Math.floor(one * 3.5));
    for (let i = 0; i < 3; i++) expect(pushHistory(storage, work(`// ${i}\n`), `w${i}`, { at: i }).ok).toBe(true);
    const before = storage.getItem(HISTORY_KEY);
    expect(pushHistory(storage, work("// 3\n"), "w3", { at: 3 })).toEqual({ ok: false, problem: "full" });
    expect(storage.getItem(HISTORY_KEY)).toBe(before);
  });

  it("deletes no link either when deleting every one would not make room", () => {
    const one = entryChars(work("// 0\n"));
    const storage = quotaStorage(one * 3);
    pushHistory(storage, work("// own\n"), "own", { at: 0 });
    pushHistory(storage, work("// link\n"), "link", { kind: "link", at: 1 });
    const before = storage.getItem(HISTORY_KEY);
    expect(pushHistory(storage, work("x".repeat(one * 2)), "big", { at: 2 })).toEqual({ ok: false, problem: "full" });
    expect(storage.getItem(HISTORY_KEY)).toBe(before);
  });

  it("refuses a workspace larger than any browser stores without trying or deleting anything", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// link\n"), "link", { kind: "link", at: 1 });
    const writes = storage.writes;
    const huge = work("x".repeat(STORAGE_CHARS + 1));
    expect(pushHistory(storage, huge, "huge")).toEqual({ ok: false, problem: "too-large" });
    expect(storage.writes).toBe(writes);
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["link"]);
  });

  it("tells full storage from unavailable storage", () => {
    expect(pushHistory(refusingStorage(), work("// a\n"), "a")).toEqual({ ok: false, problem: "full" });
    expect(pushHistory(refusingStorage("SecurityError"), work("// a\n"), "a")).toEqual({ ok: false, problem: "unavailable" });
  });

  it("keeps one entry per other tab: a newer rescue of that tab's work replaces the older", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// mine\n"), "mine", { at: 0 });
    pushHistory(storage, work("// tab B, first\n"), "b (from another tab)", { fromTab: "B", at: 1 });
    pushHistory(storage, work("// tab B, later\n"), "b (from another tab)", { fromTab: "B", at: 2 });
    expect(loadHistory(storage).map((e) => userC(e.snapshot))).toEqual(["// tab B, later\n", "// mine\n"]);
    // a link the other tab had open never replaces that tab's own work
    pushHistory(storage, work("// tab B's link\n"), "Shared link (from another tab)", { fromTab: "B", kind: "link", at: 3 });
    expect(loadHistory(storage).map((e) => userC(e.snapshot))).toEqual(["// tab B's link\n", "// tab B, later\n", "// mine\n"]);
  });

  it("deletes entries", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "a");
    const b = pushHistory(storage, work("// b\n"), "b");
    expect(b.ok && removeHistory(storage, b.id)).toBe(true);
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["a"]);
  });

  it("skips a damaged entry and keeps the others", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "a");
    const raw = JSON.parse(storage.getItem(HISTORY_KEY)!);
    raw.push({ id: "x", title: "broken", at: 0, size: 0, s: { f: "nope" } });
    storage.setItem(HISTORY_KEY, JSON.stringify(raw));
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["a"]);
    storage.setItem(HISTORY_KEY, "{not json");
    expect(loadHistory(storage)).toEqual([]);
  });

  it("reads entries from before ranks existed as the user's own work", () => {
    const storage = memoryStorage();
    storage.setItem(HISTORY_KEY, JSON.stringify([{ id: "old", title: "old", at: 1, size: 1, s: snapshotToJson(work("// old\n")) }]));
    expect(loadHistory(storage)[0].kind).toBe("own");
  });

  it("moves the single set-aside slot of earlier versions into the history, once", () => {
    const storage = memoryStorage();
    storage.setItem("ksymns:set-aside:v1", JSON.stringify(snapshotToJson(work("// set aside long ago\n"))));
    pushHistory(storage, work("// newer\n"), "newer");
    const entries = loadHistory(storage);
    expect(entries.map((e) => userC(e.snapshot))).toEqual(["// newer\n", "// set aside long ago\n"]);
    expect(entries[1].title).toBe("Work set aside");
    expect(storage.getItem("ksymns:set-aside:v1")).toBeNull();
    expect(loadHistory(storage).length).toBe(2);
  });

  it("leaves the old slot in place when storage refuses to move it", () => {
    const storage = refusingStorage();
    const old = JSON.stringify(snapshotToJson(work("// set aside\n")));
    storage.map.set("ksymns:set-aside:v1", old);
    expect(loadHistory(storage)).toEqual([]);
    expect(storage.getItem("ksymns:set-aside:v1")).toBe(old);
  });
});
