// The kernel pane: release, base export table, the CONFIG_ switches that matter, and
// "build anyway". Release and switches are written into .config by the store's actions; the
// values shown are the engine's effective ones (result.kernel).

import type { Pane } from "./pane";
import { h } from "./dom";
import { selectBaseKernel, selectConfigValue, selectKernelVersion, type PlaygroundStore } from "../store";

/** The switches shown, with the short label each gets. */
export const CONFIG_SWITCHES: { key: string; label: string; help: string }[] = [
  { key: "CONFIG_MODVERSIONS", label: "MODVERSIONS", help: "CONFIG_MODVERSIONS: symbol CRCs are checked at load" },
  { key: "CONFIG_MODULE_SIG", label: "MODULE_SIG", help: "CONFIG_MODULE_SIG: module signatures are checked (unsigned modules taint)" },
  { key: "CONFIG_MODULE_SIG_FORCE", label: "SIG_FORCE", help: "CONFIG_MODULE_SIG_FORCE: unsigned modules are refused" },
  {
    key: "CONFIG_MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS",
    label: "ALLOW_MISSING_NS",
    help: "CONFIG_MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS: a missing import is only a warning",
  },
];

function toggle(label: string, help: string, onClick: () => void): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: "switch", role: "switch", "aria-checked": "false", title: help, on: { click: onClick } },
    h("span", { class: "knob", "aria-hidden": "true" }),
    h("span", { class: "switch-label" }, label),
  );
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const version = h("select", { id: "kernel-version", "aria-label": "Kernel release", on: { change: () => store.getState().setKernel(version.value) } });
  const base = h(
    "select",
    { id: "kernel-base", "aria-label": "Base kernel export table", on: { change: () => store.getState().setProfile(base.value === "debian") } },
    h("option", { value: "debian" }, "Debian kernel exports"),
    h("option", { value: "none" }, "No base kernel"),
  );
  const release = h("span", { class: "release", title: "The kernel release the engine simulates" });
  const switches = CONFIG_SWITCHES.map((c) => {
    const b = toggle(c.label, c.help, () => store.getState().setConfig(c.key, b.getAttribute("aria-checked") !== "true"));
    b.dataset.config = c.key;
    return b;
  });
  const relaxed = toggle(
    "build anyway",
    "When make refuses, build the .ko anyway (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1, as the kernel lab does) so the loader's verdict shows",
    () => store.getState().setRelaxed(!store.getState().relaxed),
  );
  relaxed.id = "relaxed";
  container.append(
    h(
      "div",
      { class: "kernel-pane" },
      h("label", { class: "field" }, h("span", { class: "field-label" }, "Linux"), version, release),
      h("label", { class: "field" }, h("span", { class: "field-label" }, "against"), base),
      h("div", { class: "switches", role: "group", "aria-label": "Kernel configuration" }, ...switches),
      h("div", { class: "switches", role: "group", "aria-label": "Build" }, relaxed),
    ),
  );

  function render(): void {
    const s = store.getState();
    const v = selectKernelVersion(s);
    const known = s.kernels.length ? s.kernels : [v];
    if (version.options.length !== known.length || version.options[0]?.value !== known[0]) {
      version.replaceChildren(...known.map((k) => h("option", { value: k }, k)));
    }
    version.value = v;
    version.disabled = s.engine !== "ready";
    base.value = s.profile ? "debian" : "none";
    // which real table stands for this release (the engine's choice, and whether it is another
    // release's table read back through the namespace history), named as everywhere on the page
    const k = s.result?.kernel;
    const table = selectBaseKernel(s);
    base.options[0].textContent = table ? `Debian ${table} exports${k?.approximated_from ? ` (read as ${k.version})` : ""}` : "Debian kernel exports";
    base.title = k?.approximated_from
      ? `No built-in table of ${k.version}: ${k.approximated_from}'s is read as ${k.version}, with the namespaces that came, went or moved in between corrected`
      : "The real export table the build and the loader resolve symbols against";
    release.textContent = k?.release ?? "";
    for (const b of switches) {
      const value = selectConfigValue(b.dataset.config!)(s);
      b.setAttribute("aria-checked", String(value === "y"));
      b.disabled = value === undefined;
    }
    relaxed.setAttribute("aria-checked", String(s.relaxed));
  }
  render();
  const unsub = store.subscribe((s) => [s.kernels, s.result, s.profile, s.relaxed, s.engine] as const, render, {
    equalityFn: (a, b) => a.every((x, i) => x === b[i]),
  });
  return () => {
    unsub();
    container.replaceChildren();
  };
}

export const settingsPane: Pane = { id: "settings", title: "Kernel", mount };
