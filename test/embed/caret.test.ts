// The light code's caret: the keys a reader types before the editor is ready, applied to the
// text as the editor would apply them.

import { describe, expect, it } from "vitest";
import { caretOf, endOf, offsetOf, typeAt, typedKey } from "../../src/embed/caret";

const TEXT = "int a;\n\tint b;\n";

describe("the light code's caret", () => {
  it("finds a line and column in the text, clamped to the line and to the text", () => {
    expect(offsetOf(TEXT, { line: 2, col: 2 })).toBe(8);
    expect(offsetOf(TEXT, { line: 1, col: 99 })).toBe(6);
    expect(offsetOf(TEXT, { line: 9, col: 1 })).toBe(TEXT.length);
    expect(caretOf(TEXT, 8)).toEqual({ line: 2, col: 2 });
    expect(endOf(TEXT)).toEqual({ line: 2, col: 8 });
  });
  it("types keys in order at the caret, Enter as a new line and Backspace as a deletion", () => {
    let state = { text: TEXT, caret: { line: 2, col: 2 } };
    for (const key of ["X", "Y", "back", "\n", "Z"] as const) state = typeAt(state.text, state.caret, key);
    expect(state).toEqual({ text: "int a;\n\tX\nZint b;\n", caret: { line: 3, col: 2 } });
    expect(typeAt(TEXT, { line: 1, col: 1 }, "back")).toEqual({ text: TEXT, caret: { line: 1, col: 1 } });
  });
  it("replaces a selection (either way round) with what is typed, and deletes it with Backspace", () => {
    expect(typeAt(TEXT, { line: 2, col: 5 }, "char", { line: 2, col: 2 })).toEqual({ text: "int a;\n\tchar b;\n", caret: { line: 2, col: 6 } });
    expect(typeAt(TEXT, { line: 1, col: 4 }, "back", { line: 2, col: 5 })).toEqual({ text: "int b;\n", caret: { line: 1, col: 4 } });
    expect(typeAt(TEXT, { line: 1, col: 2 }, "X", { line: 1, col: 2 })).toEqual({ text: "iXnt a;\n\tint b;\n", caret: { line: 1, col: 3 } });
  });
  it("reads what a key types: characters, Enter, Tab and Backspace, never shortcuts or arrows", () => {
    const key = (k: string, mod: Partial<KeyboardEvent> = {}) => typedKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mod });
    expect([key("a"), key("Enter"), key("Tab"), key("Backspace"), key(" ")]).toEqual(["a", "\n", "\t", "back", " "]);
    expect([key("ArrowLeft"), key("c", { ctrlKey: true }), key("v", { metaKey: true }), key("Shift")]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
