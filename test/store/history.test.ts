// The history of replaced workspaces: newest first, identical file sets once, bounded, making
// room when storage is full and saying so when it cannot, and the old set-aside slot moved in.

import { describe, expect, it } from "vitest";
import { memoryStorage } from "./support";
import {
  HISTORY_LIMIT,
  defaultSnapshot,
  loadHistory,
  loadSaved,
  loadSavedTitle,
  pushHistory,
  removeHistory,
  saveWorkspace,
  setAside,
  snapshotToJson,
  takeUnreportedSetAside,
  type KeyValueStorage,
  type Snapshot,
} from "../../src/store";

function work(text: string): Snapshot {
  const s = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === "user.c" ? { ...f, content: text } : f));
  return s;
}

const userC = (s: Snapshot) => s.files.find((f) => f.name === "user.c")?.content;

/** A storage holding at most `limit` characters in all, refusing more as browsers do. */
function smallStorage(limit: number): KeyValueStorage & { map: Map<string, string> } {
  const inner = memoryStorage();
  const used = (except: string) => [...inner.map].reduce((n, [k, v]) => n + (k === except ? 0 : k.length + v.length), 0);
  return {
    ...inner,
    setItem(k, v) {
      if (used(k) + k.length + v.length > limit) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      inner.setItem(k, v);
    },
  };
}

/** A storage that refuses every write (private mode, disabled storage). */
function refusingStorage(name = "QuotaExceededError"): KeyValueStorage & { map: Map<string, string> } {
  const inner = memoryStorage();
  return {
    ...inner,
    setItem() {
      throw new DOMException("refused", name);
    },
  };
}

describe("the history of replaced workspaces", () => {
  it("keeps pushed workspaces newest first, with title, time, file count and size", () => {
    const storage = memoryStorage();
    const first = pushHistory(storage, work("// one\n"), "Shared link", 1000);
    const second = pushHistory(storage, work("// two\n"), "Example: x", 2000);
    expect(first.ok && second.ok).toBe(true);
    const entries = loadHistory(storage);
    expect(entries.map((e) => [e.title, e.at, userC(e.snapshot)])).toEqual([
      ["Example: x", 2000, "// two\n"],
      ["Shared link", 1000, "// one\n"],
    ]);
    expect(entries[0].snapshot.files.length).toBe(4);
    expect(entries[0].size).toBe(work("// two\n").files.reduce((n, f) => n + new TextEncoder().encode(f.content as string).length, 0));
    expect(entries[0].snapshot).toEqual(work("// two\n"));
  });

  it("keeps an identical set of files once, moved to the top under its first title", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "first name", 1);
    pushHistory(storage, work("// b\n"), "b", 2);
    const reordered = work("// a\n");
    reordered.files.reverse();
    pushHistory(storage, reordered, "user.c", 3);
    const entries = loadHistory(storage);
    expect(entries.map((e) => [e.title, e.at])).toEqual([
      ["first name", 3],
      ["b", 2],
    ]);
  });

  it(`keeps the ${HISTORY_LIMIT} most recent`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) pushHistory(storage, work(`// ${i}\n`), `w${i}`, i);
    const entries = loadHistory(storage);
    expect(entries.length).toBe(HISTORY_LIMIT);
    expect(entries[0].title).toBe(`w${HISTORY_LIMIT + 4}`);
    expect(entries.at(-1)!.title).toBe("w5");
  });

  it("drops the oldest entries when storage is full, and reports how many", () => {
    const one = JSON.stringify(snapshotToJson(work("// 0\n"))).length;
    const storage = smallStorage(Math.floor(one * 3.5));
    for (let i = 0; i < 3; i++) expect(pushHistory(storage, work(`// ${i}\n`), `w${i}`, i).ok).toBe(true);
    const pushed = pushHistory(storage, work("// 3\n"), "w3", 3);
    expect(pushed).toMatchObject({ ok: true, dropped: 1 });
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["w3", "w2", "w1"]);
  });

  it("says storage is full when even the new entry alone does not fit, and keeps what it had", () => {
    const one = JSON.stringify(snapshotToJson(work("// 0\n"))).length;
    const storage = smallStorage(one * 2);
    pushHistory(storage, work("// small\n"), "small", 1);
    const big = work("x".repeat(one * 3));
    expect(pushHistory(storage, big, "big", 2)).toEqual({ ok: false, problem: "full" });
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["small"]);
  });

  it("tells full storage from unavailable storage", () => {
    expect(pushHistory(refusingStorage(), work("// a\n"), "a")).toEqual({ ok: false, problem: "full" });
    expect(pushHistory(refusingStorage("SecurityError"), work("// a\n"), "a")).toEqual({ ok: false, problem: "unavailable" });
  });

  it("names set-aside work (the saved workspace) by the title saved with it", () => {
    const storage = memoryStorage();
    saveWorkspace(storage, work("// edited example\n"), "Example: a story");
    expect(loadSavedTitle(storage)).toBe("Example: a story");
    expect(setAside(storage, loadSaved(storage)!)).toBe(true);
    expect(loadHistory(storage)[0].title).toBe("Example: a story");
  });

  it("remembers a set-aside that storage refused, for the page to report once", () => {
    expect(setAside(refusingStorage(), work("// lost?\n"))).toBe(false);
    const refused = takeUnreportedSetAside();
    expect(refused?.problem).toBe("full");
    expect(userC(refused!.snapshot)).toBe("// lost?\n");
    expect(takeUnreportedSetAside()).toBeNull();
  });

  it("saves the open workspace before old history: the oldest entries make room", () => {
    const one = JSON.stringify(snapshotToJson(work("// 0\n"))).length;
    const storage = smallStorage(Math.floor(one * 3.5));
    for (let i = 0; i < 3; i++) pushHistory(storage, work(`// ${i}\n`), `w${i}`, i);
    expect(saveWorkspace(storage, work("// now\n"))).toEqual({ saved: true, dropped: 1 });
    expect(userC(loadSaved(storage)!)).toBe("// now\n");
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["w2", "w1"]);
  });

  it("deletes one entry", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "a");
    const b = pushHistory(storage, work("// b\n"), "b");
    expect(b.ok && removeHistory(storage, b.id)).toBe(true);
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["a"]);
  });

  it("skips a damaged entry and keeps the others", () => {
    const storage = memoryStorage();
    pushHistory(storage, work("// a\n"), "a");
    const raw = JSON.parse(storage.getItem("ksymns:history:v1")!);
    raw.push({ id: "x", title: "broken", at: 0, size: 0, s: { f: "nope" } });
    storage.setItem("ksymns:history:v1", JSON.stringify(raw));
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["a"]);
    storage.setItem("ksymns:history:v1", "{not json");
    expect(loadHistory(storage)).toEqual([]);
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
