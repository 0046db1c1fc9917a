// Which workspace the page opens with: link, saved work or example; never losing saved work.

import { describe, expect, it } from "vitest";
import { memoryStorage } from "./support";
import { chooseStart } from "../../src/app/start";
import { createKeeper, defaultSnapshot, encodeLink, loadHistory, loadSaved, type KeyValueStorage, type Snapshot } from "../../src/store";

function withUser(text: string): Snapshot {
  const s = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === "user.c" ? { ...f, content: text } : f));
  return s;
}

const userC = (s: Snapshot | null | undefined) => s?.files.find((f) => f.name === "user.c")?.content;

function saveOwn(storage: KeyValueStorage, text: string): void {
  expect(createKeeper(storage, "earlier").save({ snapshot: withUser(text), kind: "own", title: "user.c" }).ok).toBe(true);
}

describe("the opening workspace", () => {
  it("is the example on a first visit", () => {
    const start = chooseStart("", createKeeper(memoryStorage()));
    expect(start.snapshot).toEqual(defaultSnapshot());
    expect(start.origin.kind).toBe("pristine");
    expect(start.message).toBeUndefined();
  });

  it("is the saved work after a reload, as the user's own", () => {
    const storage = memoryStorage();
    saveOwn(storage, "// mine\n");
    const start = chooseStart("", createKeeper(storage));
    expect(userC(start.snapshot)).toBe("// mine\n");
    expect(start.origin).toEqual({ kind: "own", title: "user.c" });
  });

  it("is the link's workspace, with different saved work kept in History rather than overwritten", () => {
    const storage = memoryStorage();
    saveOwn(storage, "// mine\n");
    const start = chooseStart("#" + encodeLink(withUser("// shared\n")), createKeeper(storage));
    expect(userC(start.snapshot)).toBe("// shared\n");
    expect(start.origin).toEqual({ kind: "link", title: "Shared link" });
    expect(start.message).toEqual({ kind: "kept", text: "You opened a shared workspace. Your own work was kept in History." });
    const [kept] = loadHistory(storage);
    expect([userC(kept.snapshot), kept.kind, kept.id]).toEqual(["// mine\n", "own", start.keptId]);
  });

  it("opens a link silently when it holds exactly the saved work, which stays the user's own", () => {
    const storage = memoryStorage();
    saveOwn(storage, "// same\n");
    const start = chooseStart("#" + encodeLink(withUser("// same\n")), createKeeper(storage));
    expect(start.message).toBeUndefined();
    expect(start.origin.kind).toBe("own");
    expect(start.hadLink).toBe(true);
  });

  it("falls back to the saved work with a message when the link is broken, and keeps the saved work", () => {
    const storage = memoryStorage();
    saveOwn(storage, "// mine\n");
    const link = encodeLink(withUser("// shared\n"));
    const start = chooseStart("#" + link.slice(0, -10), createKeeper(storage));
    expect(start.message?.kind).toBe("broken");
    expect(start.message?.text).toMatch(/incomplete or damaged.*Showing your saved work instead\./);
    expect(userC(start.snapshot)).toBe("// mine\n");
    expect(userC(loadSaved(storage))).toBe("// mine\n");
  });

  it("leaves saved work that History refused in its slot: the link's workspace is not saved over it", () => {
    const storage = memoryStorage();
    saveOwn(storage, "// mine\n");
    storage.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    const keeper = createKeeper(storage);
    const start = chooseStart("#" + encodeLink(withUser("// shared\n")), keeper);
    expect(start.refused).toMatchObject({ problem: "full" });
    expect(userC(start.refused!.work.snapshot)).toBe("// mine\n");
    const saved = keeper.save({ snapshot: start.snapshot, kind: "link", title: "Shared link" });
    expect(saved).toMatchObject({ ok: false, blocked: true });
    expect(userC(loadSaved(storage))).toBe("// mine\n");
  });
});
