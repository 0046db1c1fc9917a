// Which workspace the page opens with: link, saved work or example; never losing saved work.

import { describe, expect, it } from "vitest";
import { memoryStorage } from "./support";
import { chooseStart } from "../../src/app/start";
import { defaultSnapshot, encodeLink, loadHistory, loadSaved, saveCurrent, type Snapshot } from "../../src/store";


function withUser(text: string): Snapshot {
  const s = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === "user.c" ? { ...f, content: text } : f));
  return s;
}

describe("the opening workspace", () => {
  it("is the example on a first visit", () => {
    const start = chooseStart("", memoryStorage());
    expect(start.snapshot).toEqual(defaultSnapshot());
    expect(start.message).toBeUndefined();
  });

  it("is the saved work after a reload", () => {
    const storage = memoryStorage();
    saveCurrent(storage, withUser("// mine\n"));
    expect(chooseStart("", storage).snapshot.files.find((f) => f.name === "user.c")?.content).toBe("// mine\n");
  });

  it("is the link's workspace, with different saved work set aside rather than overwritten", () => {
    const storage = memoryStorage();
    saveCurrent(storage, withUser("// mine\n"));
    const start = chooseStart("#" + encodeLink(withUser("// shared\n")), storage);
    expect(start.snapshot.files.find((f) => f.name === "user.c")?.content).toBe("// shared\n");
    expect(start.message?.kind).toBe("set-aside");
    expect(loadHistory(storage)[0].snapshot.files.find((f) => f.name === "user.c")?.content).toBe("// mine\n");
  });

  it("opens a link silently when it holds exactly the saved work", () => {
    const storage = memoryStorage();
    saveCurrent(storage, withUser("// same\n"));
    const start = chooseStart("#" + encodeLink(withUser("// same\n")), storage);
    expect(start.message).toBeUndefined();
    expect(start.hadLink).toBe(true);
  });

  it("falls back to the saved work with a message when the link is broken, and keeps the saved work", () => {
    const storage = memoryStorage();
    saveCurrent(storage, withUser("// mine\n"));
    const link = encodeLink(withUser("// shared\n"));
    const start = chooseStart("#" + link.slice(0, -10), storage);
    expect(start.message?.kind).toBe("broken");
    expect(start.message?.text).toMatch(/incomplete or damaged.*Showing your saved work instead\./);
    expect(start.snapshot.files.find((f) => f.name === "user.c")?.content).toBe("// mine\n");
    expect(loadSaved(storage)?.files.find((f) => f.name === "user.c")?.content).toBe("// mine\n");
  });
});
