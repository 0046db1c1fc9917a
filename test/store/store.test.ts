// The store: files, kernel settings written into .config, the runner, persistence.

import { describe, expect, it } from "vitest";
import { memoryStorage } from "./support";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { localClient, switchingClient, type EngineClient } from "../../src/engine/worker";
import {
  clearSaved,
  connectEngine,
  createKeeper,
  createPlaygroundStore,
  defaultSnapshot,
  loadSaved,
  selectCounts,
  selectFileNames,
  selectKernelVersion,
  selectLoadedModules,
  selectSnapshot,
  selectWorkKind,
  selectWorkTitle,
  type PlaygroundStore,
} from "../../src/store";
import type { RunResult } from "../../src/engine";

const enginePromise = createNodeEngine();

function untilResult(store: PlaygroundStore, accept: (r: RunResult) => boolean = () => true): Promise<RunResult> {
  return new Promise((resolve) => {
    const check = () => {
      const { result, running } = store.getState();
      if (result && !running && accept(result)) {
        unsub();
        resolve(result);
      }
    };
    const unsub = store.subscribe(check);
    check();
  });
}

const text = (store: PlaygroundStore, name: string) => store.getState().files.find((f) => f.name === name)?.content;

describe("the files slice", () => {
  it("opens the first file of a loaded workspace unless the snapshot names one", () => {
    const store = createPlaygroundStore({ ...defaultSnapshot(), view: {} });
    expect(store.getState().activeFile).toBe("exporter.c");
    store.getState().loadSnapshot({ ...defaultSnapshot(), view: { file: "load" } });
    expect(store.getState().activeFile).toBe("load");
  });

  it("adds a module from a template that names its init function after the file", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const name = store.getState().addModule();
    expect(name).toBe("mymod.c");
    expect(store.getState().activeFile).toBe("mymod.c");
    expect(text(store, "mymod.c")).toContain("module_init(mymod_init);");
    expect(text(store, "mymod.c")).toContain('MODULE_LICENSE("GPL");');
    expect(store.getState().addModule()).toBe("mymod2.c");
  });

  it("adds a new module's insmod to load, so that it is loaded like the others", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const before = text(store, "load");
    store.getState().addModule();
    expect(text(store, "load")).toBe(`${before}insmod mymod.ko\n`);
    store.getState().deleteFile("load");
    store.getState().addModule();
    expect(store.getState().files.some((f) => f.name === "load")).toBe(false);
  });

  it("refuses a duplicate, empty or escaping file name with a reason", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    expect(store.getState().addFile("user.c")).toMatch(/already a file called user.c/);
    expect(store.getState().addFile(" ")).toMatch(/needs a name/);
    expect(store.getState().renameFile("user.c", "../user.c")).toMatch(/relative to the workspace/);
    expect(store.getState().renameFile("user.c", "/user.c")).toMatch(/relative to the workspace/);
    expect(store.getState().renameFile("user.c", "sub\\user.c")).toMatch(/separated by \//);
    expect(selectFileNames(store.getState())).toEqual(["exporter.c", "user.c", "load", ".config"]);
  });

  it("takes files in subfolders, as a module folder with obj-m += sub/ has them", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    expect(store.getState().renameFile("user.c", "sub/user.c")).toBeNull();
    expect(selectFileNames(store.getState())).toContain("sub/user.c");
  });

  it("renames a file in place and keeps it open", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().openFile("user.c");
    expect(store.getState().renameFile("user.c", "consumer.c")).toBeNull();
    expect(selectFileNames(store.getState())).toEqual(["exporter.c", "consumer.c", "load", ".config"]);
    expect(store.getState().activeFile).toBe("consumer.c");
  });

  it("opens the neighbouring tab when the open file is deleted", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().openFile("user.c");
    store.getState().deleteFile("user.c");
    expect(store.getState().activeFile).toBe("load");
  });

  it("reorders tabs", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().moveFile(".config", 0);
    expect(selectFileNames(store.getState())[0]).toBe(".config");
    store.getState().moveFile(".config", 99);
    expect(selectFileNames(store.getState()).at(-1)).toBe(".config");
  });

  it("keeps the file list identical when a write changes nothing", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const before = store.getState().files;
    store.getState().setFile("load", text(store, "load") as string);
    expect(store.getState().files).toBe(before);
  });

  it("keeps binary files as bytes", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().mergeFiles([{ name: "real.ko", content: new Uint8Array([0x7f, 0x45, 0x4c, 0x46]) }]);
    expect(text(store, "real.ko")).toBeInstanceOf(Uint8Array);
  });
});

describe("the kernel settings", () => {
  it("write the chosen release into the .config header", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().setKernel("6.13");
    expect(text(store, ".config")).toContain("# Linux/x86 6.13.0 Kernel Configuration");
    expect((text(store, ".config") as string).match(/Kernel Configuration/g)).toHaveLength(1);
  });

  it("write CONFIG_ switches in kconfig's spelling, replacing the old line", () => {
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().setConfig("CONFIG_MODULE_SIG_FORCE", true);
    expect(text(store, ".config")).toMatch(/^CONFIG_MODULE_SIG_FORCE=y$/m);
    expect(text(store, ".config")).not.toContain("# CONFIG_MODULE_SIG_FORCE is not set");
    store.getState().setConfig("CONFIG_MODVERSIONS", false);
    expect(text(store, ".config")).toMatch(/^# CONFIG_MODVERSIONS is not set$/m);
  });

  it("create a .config when the workspace has none", () => {
    const store = createPlaygroundStore({ ...defaultSnapshot(), files: defaultSnapshot().files.filter((f) => f.name !== ".config") });
    store.getState().setKernel("5.10");
    expect(text(store, ".config")).toContain("# Linux/x86 5.10.0 Kernel Configuration");
  });
});

describe("the runner", () => {
  it("runs the workspace and reports the missing import with the kernel's text", async () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const stop = connectEngine(store, localClient(await enginePromise));
    const result = await untilResult(store);
    expect(result.findings.map((f) => f.text)).toContain("ERROR: modpost: module user uses symbol toy_get from namespace TOY_NS, but does not import it.");
    expect(selectCounts(store.getState()).error).toBeGreaterThan(0);
    expect(store.getState().kernels[0]).toBe("7.3");
    stop();
  });

  it("re-runs on every edit and on a kernel switch, reading the release from .config", async () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const stop = connectEngine(store, localClient(await enginePromise));
    await untilResult(store);
    expect(selectKernelVersion(store.getState())).toBe("6.12");
    expect(store.getState().namespaceForm).toBe("identifier");
    store.getState().setKernel("6.13");
    await untilResult(store, (r) => r.kernel.version === "6.13");
    expect(store.getState().namespaceForm).toBe("string");
    stop();
  });

  it("coalesces a burst of edits into runs that end on the latest files", async () => {
    const engine = await enginePromise;
    let runs = 0;
    const counting: EngineClient = { ...localClient(engine), run: (f, o) => (runs++, engine.run(f, o)) };
    const store = createPlaygroundStore(defaultSnapshot());
    const stop = connectEngine(store, counting);
    await untilResult(store);
    runs = 0;
    const user = text(store, "user.c") as string;
    for (let i = 0; i < 20; i++) store.getState().setFile("user.c", user + `// ${i}\n`);
    await untilResult(store, (r) => r !== null);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().resultFiles).toBe(store.getState().files);
    expect(runs).toBeLessThan(20);
    stop();
  });

  it("shows a preview first and starts the run with the table only when afterPreview lets it, on the files of that moment", async () => {
    const engine = await enginePromise;
    const full: string[] = [];
    const client: EngineClient = {
      ...localClient(engine),
      run: (f, o) => (o?.profile !== "core" && full.push(f["user.c"] as string), engine.run(f, o)),
    };
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const store = createPlaygroundStore(defaultSnapshot());
    const stop = connectEngine(store, client, {
      preview: (files, options) => client.run(files, { ...options, profile: "core" }),
      afterPreview: () => held,
    });
    await new Promise<void>((resolve) => {
      const unsub = store.subscribe((s) => s.result !== null && (unsub(), resolve()));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().result?.kernel.profile).toBe(false);
    expect(full).toEqual([]);
    const edited = (text(store, "user.c") as string) + "// edited while held\n";
    store.getState().setFile("user.c", edited);
    release();
    const result = await untilResult(store, (r) => r.kernel.profile === true);
    expect(full).toEqual([edited]);
    expect(store.getState().resultFiles).toBe(store.getState().files);
    expect(result.kernel.profile).toBe(true);
    stop();
  });

  it("lists the modules still loaded with their taint letters", async () => {
    const store = createPlaygroundStore(defaultSnapshot());
    const stop = connectEngine(store, localClient(await enginePromise));
    await untilResult(store);
    expect(selectLoadedModules(store.getState())).toEqual([{ name: "exporter", refcount: 0, users: [], state: "Live", taints: "OE", intree: false }]);
    stop();
  });

  it("sends large workspaces to the second engine and small ones to the first", async () => {
    const engine = await enginePromise;
    const used: string[] = [];
    const tag = (name: string): EngineClient => ({ ...localClient(engine), run: (f, o) => (used.push(name), engine.run(f, o)) });
    const client = switchingClient(tag("page"), () => tag("worker"), 1000);
    await client.run({ "a.c": "int x;\n" });
    await client.run({ "a.c": "int x;\n", "Module.symvers": "x".repeat(2000) });
    expect(used).toEqual(["page", "worker"]);
  });
});

describe("local persistence", () => {
  it("restores exactly what was saved", () => {
    const storage = memoryStorage();
    const store = createPlaygroundStore(defaultSnapshot());
    store.getState().setFile("user.c", "// mine\n");
    store.getState().setRelaxed(false);
    createKeeper(storage).save({ snapshot: selectSnapshot(store.getState()), kind: "own", title: "user.c" });
    const again = createPlaygroundStore(loadSaved(storage)!);
    expect(selectSnapshot(again.getState())).toEqual(selectSnapshot(store.getState()));
  });

  it("ranks the open files by where they came from until they are edited", () => {
    const store = createPlaygroundStore(defaultSnapshot(), { kind: "link", title: "Shared link" });
    expect([selectWorkKind(store.getState()), selectWorkTitle(store.getState())]).toEqual(["link", "Shared link"]);
    store.getState().setKernel("6.13");
    expect([selectWorkKind(store.getState()), selectWorkTitle(store.getState())]).toEqual(["own", "Shared link"]);
    store.getState().loadSnapshot(defaultSnapshot());
    expect([selectWorkKind(store.getState()), selectWorkTitle(store.getState())]).toEqual(["own", "exporter.c"]);
    store.getState().markOrigin("pristine", null);
    expect(selectWorkKind(store.getState())).toBe("pristine");
  });

  it("treats unreadable saved data as no saved data", () => {
    const storage = memoryStorage();
    storage.setItem("ksymns:workspace:v1", "{not json");
    expect(loadSaved(storage)).toBeNull();
    clearSaved(storage);
    expect(storage.map.size).toBe(0);
  });
});
