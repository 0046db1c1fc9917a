// The C reader on real driver code: uses come from code only — never from comments,
// strings, character literals, preprocessor lines or `#if 0` blocks.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, ModelModule } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const DRIVER = `// SPDX-License-Identifier: GPL-2.0+
/*
 * Driver for a toy USB mass storage device: calls usb_stor_resume() in this comment only.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include "usb.h"
#define DRV_NAME "toy-karma"
#define TOY_CALL(x) usb_stor_reset_resume(x)   /* a macro body is not a use */

#if 0
static int dead(void) { return usb_stor_post_reset(0); }
#endif

struct toy_data {
	int (*probe)(struct usb_interface *intf);
	char name[16];
};

static const char banner[] = "usb_stor_disconnect is only text";
static const char quote = '"';

static int toy_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct us_data *us;
	int result = usb_stor_probe1(&us, intf, id, NULL, NULL); /* usb_stor_host_template_init */
	if (result)
		return result;
	us->extra = kzalloc(sizeof(struct toy_data), GFP_NOIO);
	return usb_stor_probe2(us);
}

static struct usb_driver toy_driver = {
	.name =		DRV_NAME,
	.probe =	toy_probe,
	.disconnect =	usb_stor_disconnect,
	.suspend =	usb_stor_suspend,
};

module_usb_stor_driver(toy_driver, toy_host_template, DRV_NAME);

MODULE_DESCRIPTION("toy driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(USB_STORAGE);
`;

function moduleOf(files: Record<string, string>, name: string): ModelModule {
  const res = engine.runLoaded(files, { kernel: "6.12", relaxed: true });
  const m = res.model.modules.find((x) => x.name === name);
  if (!m) throw new Error(`no module ${name}`);
  return m;
}

describe("the C reader", () => {
  beforeAll(async () => {
    await engine.useProfileFor("6.12");
  });

  it("finds the exported symbols a real driver uses, and nothing from comments, strings or dead code", () => {
    const uses = moduleOf({ "toy-karma.c": DRIVER }, "toy_karma")
      .uses.filter((u) => u.file)
      .map((u) => u.symbol)
      .sort();
    expect(uses).toEqual(["usb_stor_disconnect", "usb_stor_probe1", "usb_stor_probe2", "usb_stor_suspend"]);
  });

  it("names the module after its file with '-' as '_' and reads its license and imports", () => {
    const m = moduleOf({ "toy-karma.c": DRIVER }, "toy_karma");
    expect(m.license).toBe("GPL");
    expect(m.imports.map((i) => i.ns)).toEqual(["USB_STORAGE"]);
    expect(m.importInsertLine).toBe(m.imports[0].line);
  });

  it("counts a declared but undefined function as a use even when nobody exports it", () => {
    const m = moduleOf({ "u.c": 'int toy_missing(void);\nstatic int f(void) { return toy_missing(); }\nmodule_init(f);\nMODULE_LICENSE("GPL");\n' }, "u");
    expect(m.uses.filter((u) => u.file).map((u) => u.symbol)).toEqual(["toy_missing"]);
    expect(m.uses[0]).toMatchObject({ file: "u.c", line: 2 });
  });

  it("reports an unbalanced brace at its line instead of failing", () => {
    const res = engine.runLoaded({ "b.c": 'static int f(void)\n{\n  return 0;\n}\n}\nMODULE_LICENSE("GPL");\n' }, {});
    const f = res.findings.find((x) => x.id === "READ_UNBALANCED");
    expect(f).toMatchObject({ file: "b.c", line: 5, severity: "warning" });
  });
});

describe("an #error reached through a name a missing kernel header defines", () => {
  const guarded = (includes: string) =>
    `#include <linux/module.h>\n${includes}#if (PAGE_SIZE < 4096)\n#error "needs at least a PAGE_SIZE of 4096"\n#endif\nMODULE_LICENSE("GPL");\n`;

  it("is a note, not gcc's error, when the header the name most likely comes from is not carried", async () => {
    const r = await engine.run({ "acct.c": guarded("#include <linux/mm.h>\n") }, { kernel: "6.12" });
    expect(r.build.modules[0].produced).toBe(true);
    const note = r.findings.find((f) => f.text.startsWith('#error "needs at least a PAGE_SIZE of 4096" is reached because'));
    expect([note?.severity, note?.line]).toEqual(["info", 4]);
    expect(r.findings.filter((f) => f.stage === "compile")).toEqual([]);
  });

  it("stays gcc's error when every header is there: the name is then really undefined", async () => {
    const r = await engine.run({ "acct.c": guarded("") }, { kernel: "6.12" });
    expect(r.build.modules[0].produced).toBe(false);
    expect(r.findings.map((f) => f.text)).toContain('error: #error "needs at least a PAGE_SIZE of 4096"');
  });
});

describe("a module-info macro of a header ksymns does not carry", () => {
  const ipset = (includes: string) => `#include <linux/module.h>\n${includes}MODULE_LICENSE("GPL");\nIP_SET_MODULE_DESC("bitmap:ip", 0, 3);\n`;

  it("turns 7.3's missing MODULE_DESCRIPTION() warning into a note naming the macro that may give it", async () => {
    const r = await engine.run({ "ip_set_x.c": ipset("#include <linux/netfilter/ipset/ip_set.h>\n") }, { kernel: "7.3" });
    expect(r.findings.filter((f) => f.stage === "modpost")).toEqual([]);
    const note = r.findings.find((f) => f.text.startsWith("no MODULE_DESCRIPTION() was found, but IP_SET_MODULE_DESC()"));
    expect(note?.severity).toBe("info");
  });

  it("leaves modpost's warning when every header was found (the name is then no macro at all)", async () => {
    const r = await engine.run({ "ip_set_x.c": ipset("") }, { kernel: "7.3" });
    expect(r.findings.map((f) => f.text)).toContain("WARNING: modpost: ip_set_x.ko: missing MODULE_DESCRIPTION()");
  });
});
