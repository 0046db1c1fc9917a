import { describe, expect, it } from "vitest";
import { parseEngineAnswer, parseEngineCall } from "../../src/embed/enginecall";

const call = (over: Record<string, unknown>) => ({
  ksymns: 1,
  type: "engine-call",
  id: 1,
  call: "run",
  args: [{ "a.c": "int x;\n" }, { relaxed: true }],
  ...over,
});

describe("the engine frame's calls", () => {
  it("takes a run of text or byte files, and the client's queries", () => {
    expect(parseEngineCall(call({}))).not.toBeNull();
    expect(parseEngineCall(call({ args: [{ "m.ko": new Uint8Array([0x7f, 0x45]) }] }))).not.toBeNull();
    expect(parseEngineCall(call({ call: "kernels", args: [] }))).not.toBeNull();
  });

  it("ignores another version, an unknown call, a bad id and files that are not files", () => {
    expect(parseEngineCall(call({ ksymns: 2 }))).toBeNull();
    expect(parseEngineCall(call({ call: "dispose" }))).toBeNull();
    expect(parseEngineCall(call({ call: "constructor" }))).toBeNull();
    expect(parseEngineCall(call({ id: "1" }))).toBeNull();
    expect(parseEngineCall(call({ args: "run" }))).toBeNull();
    expect(parseEngineCall(call({ args: [{ "a.c": 42 }] }))).toBeNull();
    expect(parseEngineCall(call({ args: [["a.c"]] }))).toBeNull();
    expect(parseEngineCall(call({ args: [{ "a.c": "" }, "relaxed"] }))).toBeNull();
    expect(parseEngineCall(null)).toBeNull();
  });

  it("reads the frame's answers and nothing else", () => {
    expect(parseEngineAnswer({ ksymns: 1, type: "engine-ready" })).not.toBeNull();
    expect(parseEngineAnswer({ ksymns: 1, type: "engine-reply", id: 3, value: [] })).not.toBeNull();
    expect(parseEngineAnswer({ ksymns: 1, type: "engine-reply", id: "3" })).toBeNull();
    expect(parseEngineAnswer({ ksymns: 1, type: "result" })).toBeNull();
  });
});
