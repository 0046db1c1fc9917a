// The saved workspace and what saving may cost History, with storage that fills up as
// Chromium's does (5 Mi characters): a huge link, a link that only fits by deleting entries,
// a run of links sent by another page, work History refused, and two tabs saving in turn.

import { describe, expect, it } from "vitest";
import { memoryStorage, quotaStorage, usedChars, type TestStorage } from "./support";
import { chooseStart } from "../../src/app/start";
import {
  HISTORY_LIMIT,
  STORAGE_CHARS,
  SAVED_KEY,
  createKeeper,
  decodeLink,
  defaultSnapshot,
  encodeLink,
  loadHistory,
  loadSaved,
  loadSavedWork,
  pushHistory,
  snapshotToJson,
  type Keeper,
  type Snapshot,
  type Work,
} from "../../src/store";

function withUser(text: string): Snapshot {
  const s = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === "user.c" ? { ...f, content: text } : f));
  return s;
}

const userC = (s: Snapshot | null | undefined) => s?.files.find((f) => f.name === "user.c")?.content as string | undefined;
const own = (text: string): Work => ({ snapshot: withUser(text), kind: "own", title: "user.c" });
const titles = (storage: TestStorage) => loadHistory(storage).map((e) => `${e.kind}:${userC(e.snapshot)?.trim()}`);
const HISTORY_KEY = "ksymns:history:v1";

/** Chars a workspace whose user.c holds `n` characters takes in a slot or entry (about). */
const charsOf = (n: number) => JSON.stringify(snapshotToJson(withUser("x".repeat(n)))).length;

describe("the saved workspace", () => {
  it("reopens exactly what was saved, with its rank and title", () => {
    const storage = memoryStorage();
    const keeper = createKeeper(storage);
    const s = withUser("// mine\n");
    s.relaxed = false;
    s.view = { file: "user.c", tab: "kernel" };
    expect(keeper.save({ snapshot: s, kind: "own", title: "user.c" })).toEqual({ ok: true, dropped: 0, rescued: null });
    expect(loadSavedWork(storage)).toMatchObject({ snapshot: s, kind: "own", title: "user.c", tab: keeper.tab });
  });

  it("reads a slot written by an earlier version as the user's own work, named by the old title key", () => {
    const storage = memoryStorage();
    storage.setItem(SAVED_KEY, JSON.stringify(snapshotToJson(withUser("// old\n"))));
    storage.setItem("ksymns:workspace-title:v1", "Example: old");
    expect(loadSavedWork(storage)).toMatchObject({ kind: "own", title: "Example: old" });
    storage.setItem(SAVED_KEY, "{not json");
    expect(loadSaved(storage)).toBeNull();
  });

  it("does not save a huge link (42 KB that unpacks to 31 MiB), deletes nothing, and keeps the work it replaced; trimming it later saves over nothing unkept", () => {
    const storage = quotaStorage(STORAGE_CHARS);
    const keeper0 = createKeeper(storage, "earlier");
    pushHistory(storage, withUser("// older own work\n"), "older", { at: 1 });
    pushHistory(storage, withUser("// an older link\n"), "Shared link", { kind: "link", at: 2 });
    keeper0.save(own("// mine\n"));

    const huge = withUser("// huge\n");
    for (let i = 0; i < 4; i++) huge.files.push({ name: `big${i}.c`, content: "x".repeat(7_900_000) });
    const hash = "#" + encodeLink(huge);
    expect(hash.length).toBeLessThan(64 * 1024);
    expect(decodeLink(hash).files.reduce((n, f) => n + f.content.length, 0)).toBeGreaterThan(30 * 1024 * 1024);

    const keeper = createKeeper(storage, "this tab");
    const start = chooseStart(hash, keeper);
    expect(start.message?.kind).toBe("kept");
    expect(titles(storage)).toEqual(["own:// mine", "link:// an older link", "own:// older own work"]);
    const history = storage.getItem(HISTORY_KEY);

    const saved = keeper.save({ snapshot: start.snapshot, kind: "link", title: "Shared link" });
    expect(saved).toEqual({ ok: false, problem: "too-large", blocked: false, rescued: null });
    expect(storage.getItem(HISTORY_KEY)).toBe(history);
    expect(userC(loadSaved(storage))).toBe("// mine\n");

    // the user trims the big files away: now their own, small work, saved over the slot whose work History holds
    const trimmed = { ...start.snapshot, files: start.snapshot.files.filter((f) => !f.name.startsWith("big")) };
    expect(keeper.save({ snapshot: trimmed, kind: "own", title: "Shared link" })).toEqual({ ok: true, dropped: 0, rescued: null });
    expect(userC(loadSaved(storage))).toBe("// huge\n");
    expect(titles(storage)).toEqual(["own:// mine", "link:// an older link", "own:// older own work"]);
  });

  it("does not let a link that fits only by deleting History entries cost any of them, while the user's own work may delete links", () => {
    const entry = charsOf(200_000);
    const storage = quotaStorage(Math.floor(entry * 4.6));
    const earlier = createKeeper(storage, "earlier");
    pushHistory(storage, withUser("o".repeat(200_000)), "own entry", { at: 1 });
    pushHistory(storage, withUser("l".repeat(200_000)), "Shared link", { kind: "link", at: 2 });
    earlier.save(own("m".repeat(200_000)));

    // a link the size of two entries: it fits only if History gives up both entries
    const keeper = createKeeper(storage, "this tab");
    const start = chooseStart("#" + encodeLink(withUser("s".repeat(400_000))), keeper);
    expect(start.keptId).toBeDefined();
    const history = storage.getItem(HISTORY_KEY);
    expect(keeper.save({ snapshot: start.snapshot, kind: "link", title: "Shared link" })).toEqual({
      ok: false,
      problem: "full",
      blocked: false,
      rescued: null,
    });
    expect(storage.getItem(HISTORY_KEY)).toBe(history);

    // edited, it is the user's own: the link-opened entry makes room, the own entries stay
    const edited = withUser("s".repeat(350_000));
    expect(keeper.save({ snapshot: edited, kind: "own", title: "Shared link" })).toEqual({ ok: true, dropped: 1, rescued: null });
    expect(loadHistory(storage).map((e) => e.kind)).toEqual(["own", "own"]);
    expect(usedChars(storage)).toBeLessThanOrEqual(Math.floor(entry * 4.6));
  });

  it("deletes nothing when deleting every link-opened entry would not make room for the user's own work", () => {
    const entry = charsOf(100_000);
    const storage = quotaStorage(entry * 4);
    const keeper = createKeeper(storage);
    pushHistory(storage, withUser("a".repeat(100_000)), "own", { at: 1 });
    pushHistory(storage, withUser("b".repeat(100_000)), "l1", { kind: "link", at: 2 });
    pushHistory(storage, withUser("c".repeat(100_000)), "l2", { kind: "link", at: 3 });
    const history = storage.getItem(HISTORY_KEY);
    expect(keeper.save(own("d".repeat(entry * 3)))).toMatchObject({ ok: false, problem: "full" });
    expect(storage.getItem(HISTORY_KEY)).toBe(history);
  });

  it("puts back the link-opened entries that still fit once the user's work is saved", () => {
    const entry = charsOf(100_000);
    const storage = quotaStorage(Math.floor(entry * 4.7));
    const keeper = createKeeper(storage);
    pushHistory(storage, withUser("a".repeat(100_000)), "l-old", { kind: "link", at: 1 });
    pushHistory(storage, withUser("b".repeat(100_000)), "l-mid", { kind: "link", at: 2 });
    pushHistory(storage, withUser("c".repeat(100_000)), "own", { at: 3 });
    expect(keeper.save(own("d".repeat(220_000)))).toEqual({ ok: true, dropped: 1, rescued: null });
    // the older link went; the newer came back
    expect(loadHistory(storage).map((e) => e.title)).toEqual(["own", "l-mid"]);
  });

  it("keeps the user's work when another page sends link after link", () => {
    const storage = quotaStorage(charsOf(100_000) * 12);
    createKeeper(storage, "the user's tab").save(own("// my work\n"));
    const keeper = createKeeper(storage, "opened by another page");
    const first = chooseStart("#" + encodeLink(withUser("// link 0\n" + "0".repeat(100_000))), keeper);
    let open: Work = { snapshot: first.snapshot, kind: "link", title: "Shared link" };
    keeper.save(open);
    for (let i = 1; i <= HISTORY_LIMIT + 1; i++) {
      // what the page does for each hash: keep the open workspace, open the link, save it
      keeper.keep(open);
      open = { snapshot: decodeLink(encodeLink(withUser(`// link ${i}\n${String(i % 10).repeat(100_000)}`))), kind: "link", title: "Shared link" };
      keeper.save(open);
    }
    const history = loadHistory(storage);
    expect(history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(history.filter((e) => e.kind === "own").map((e) => userC(e.snapshot))).toEqual(["// my work\n"]);
  });

  it("keeps work History refused in the slot, unsaved over, until History can take it", () => {
    const entry = charsOf(100_000);
    const storage = quotaStorage(Math.floor(entry * 3.3));
    const keeper = createKeeper(storage);
    pushHistory(storage, withUser("a".repeat(100_000)), "own 1", { at: 1 });
    expect(keeper.save(own("// my work\n" + "v".repeat(100_000))).ok).toBe(true);
    pushHistory(storage, withUser("b".repeat(100_000)), "own 2", { at: 2 });
    const mine = own("// my work, edited\n" + "w".repeat(100_000));
    // an example replaces it; History is full of the user's own work, so it refuses
    expect(keeper.keep(mine)).toEqual({ ok: false, problem: "full" });
    expect(userC(loadSaved(storage))?.slice(0, 30)).toBe("// my work, edited\nwwwwwwwwwww");
    const example: Work = { snapshot: defaultSnapshot(), kind: "pristine", title: "Example" };
    expect(keeper.save(example)).toMatchObject({ ok: false, blocked: true });
    expect(userC(loadSaved(storage))?.slice(0, 30)).toBe("// my work, edited\nwwwwwwwwwww");
    // the user deletes an entry: the next save keeps the work in History first
    keeper.remove(loadHistory(storage).find((e) => e.title === "own 2")!.id);
    const saved = keeper.save(example);
    expect(saved).toMatchObject({ ok: true, rescued: { kind: "own" } });
    expect(loadHistory(storage).map((e) => userC(e.snapshot)?.slice(0, 30))).toContain("// my work, edited\nwwwwwwwwwww");
    expect(userC(loadSaved(storage))).toBe(userC(defaultSnapshot()));
  });
});

describe("two tabs", () => {
  function openTab(storage: TestStorage, tab: string): Keeper {
    const keeper = createKeeper(storage, tab);
    chooseStart("", keeper);
    return keeper;
  }

  it("keep both tabs' work: what one tab saved goes to History before the other saves over it", () => {
    const storage = memoryStorage();
    createKeeper(storage, "yesterday").save(own("// base\n"));
    const a = openTab(storage, "A");
    const b = openTab(storage, "B");
    expect(a.save(own("// A, first edit\n")).ok).toBe(true);
    expect(b.slotChangedElsewhere()).toBe(true);
    // B never saw A's edit: saving B's keeps A's in History first
    expect(b.save(own("// B, first edit\n"))).toMatchObject({ ok: true, rescued: { title: "user.c (from another tab)" } });
    expect(titles(storage)).toEqual(["own:// A, first edit"]);
    expect(a.save(own("// A, second edit\n"))).toMatchObject({ ok: true, rescued: { kind: "own" } });
    expect(b.save(own("// B, second edit\n")).ok).toBe(true);
    // one entry per tab, the latest each saved before the other took the slot
    expect(titles(storage)).toEqual(["own:// A, second edit", "own:// B, first edit"]);
    expect(userC(loadSaved(storage))).toBe("// B, second edit\n");
  });

  it("keep nothing extra when the other tab saved the same files (a view change)", () => {
    const storage = memoryStorage();
    createKeeper(storage, "yesterday").save(own("// base\n"));
    const a = openTab(storage, "A");
    const b = openTab(storage, "B");
    const viewed = withUser("// base\n");
    viewed.view = { file: "user.c", tab: "kernel" };
    expect(b.save({ snapshot: viewed, kind: "own", title: "user.c" }).ok).toBe(true);
    expect(a.save(own("// A's edit\n"))).toEqual({ ok: true, dropped: 0, rescued: null });
    expect(loadHistory(storage)).toEqual([]);
  });
});
