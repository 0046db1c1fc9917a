// Explanation cards: every message id the engine can produce has one, with every field.

import { describe, expect, it } from "vitest";
import { Msg, MSG_NAMES } from "../../wasm/shared/codes";
import { CARDS, cardFor } from "../../src/explain";

const FIELDS = ["title", "rule", "where", "since", "before", "fix", "docs"] as const;

describe("message ids", () => {
  it("have their name in MSG_NAMES at their own number, for every Msg", () => {
    const names = Object.keys(Msg).filter((k) => Number.isNaN(Number(k)) && k !== "COUNT");
    expect(MSG_NAMES.length).toBe(Msg.COUNT);
    for (const name of names) expect(MSG_NAMES[Msg[name as keyof typeof Msg]], name).toBe(name);
  });
});

describe("explanation cards", () => {
  it("exist for every message id of wasm/shared/codes.ts", () => {
    const missing = MSG_NAMES.filter((id) => cardFor(id) === null);
    expect(missing).toEqual([]);
  });

  it("exist only for message ids the engine has", () => {
    expect(Object.keys(CARDS).filter((id) => !MSG_NAMES.includes(id))).toEqual([]);
  });

  for (const id of MSG_NAMES) {
    it(`${id} says what, where, since when, what before, how to fix, and where to read more`, () => {
      const card = cardFor(id)!;
      expect(card, id).not.toBeNull();
      for (const f of FIELDS) expect(card[f].trim().length, `${id}.${f}`).toBeGreaterThan(3);
      expect(card.docs).toMatch(/^https:\/\/\S+$/);
      expect(card.quickFix === null || card.quickFix.length > 0).toBe(true);
    });
  }

  it("point kernel findings at the kernel's code or documentation", () => {
    for (const id of MSG_NAMES.filter((i) => /^(MODPOST|LOAD)_/.test(i) && !/^LOAD_(NOT_BUILT|NOT_LOADED|MODULE_NOT_FOUND)$/.test(i))) {
      expect(CARDS[id as keyof typeof CARDS].where, id).toMatch(/modpost|kernel\/|loader|kmod/);
    }
  });

  it("name the quick fix for the findings the editor can fix", () => {
    for (const id of [
      "MODPOST_NS_NOT_IMPORTED",
      "LOAD_NS_NOT_IMPORTED",
      "CC_IMPORT_IDENTIFIER",
      "CC_NS_IDENTIFIER",
      "CC_NS_QUOTED_TWICE",
      "CC_DEFAULT_NS_FORM",
      "CC_UNDECLARED",
      "CC_NO_MEMBER",
      "MODPOST_GPL_ONLY",
      "MODPOST_NO_LICENSE",
      "MODPOST_NO_DESCRIPTION",
    ]) {
      expect(cardFor(id)?.quickFix, id).toBeTruthy();
    }
  });

  it("have no card for an id the engine never produces", () => {
    expect(cardFor("INTERNAL_ERROR")).toBeNull();
    expect(cardFor("COUNT")).toBeNull();
  });
});
