// Every preset, in the order the page and `ksymns presets` show them: the 2019 series
// first, then the 2025 answer, then the other cases. Each folder holds preset.json.

import type { PresetEntry } from "./types";

function entry(slug: string, kernel: string, title: string): PresetEntry {
  return { slug, title, folder: `src/presets/${slug}`, kernel };
}

/** The presets; titles equal their preset.json (a test keeps them so). */
export const PRESETS: readonly PresetEntry[] = [
  entry("usb-storage-namespace", "5.10", "usb-storage's symbols move into USB_STORAGE; the ums-* drivers import it"),
  entry("usb-storage-nsdeps", "6.1", "Before make nsdeps: ums-* drivers without MODULE_IMPORT_NS(USB_STORAGE)"),
  entry("kvm-namespace-2019", "5.10", "A KVM namespace for the preempt notifiers: an out-of-tree module just imports it"),
  entry("kvm-for-modules-6.16", "6.16", 'EXPORT_SYMBOL_GPL_FOR_MODULES(sym, "kvm,kvm-*"): the out-of-tree module is refused'),
  entry("module-ns-explicit-import-6.17", "6.17", 'MODULE_IMPORT_NS("module:kvm") is refused by modpost'),
  entry("kvm-for-modules-debian-6.12", "6.12", "Debian's 6.12 has the _FOR_MODULES macro but not the loader's support"),
  entry("usb-common-default-ns", "6.12", "DEFAULT_SYMBOL_NAMESPACE from a Makefile: usb-common into USB_COMMON"),
  entry("kvmfr-dma-buf-6.12", "6.12", "MODULE_IMPORT_NS(DMA_BUF) on 6.12: the identifier form builds"),
  entry("kvmfr-dma-buf-6.13", "6.13", "The same MODULE_IMPORT_NS(DMA_BUF) on 6.13: namespaces are string literals now"),
  entry("allow-missing-ns-imports", "6.14", "CONFIG_MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS: warnings instead of refusal"),
  entry("zfs-gpl-only-fpu", "6.1", "A CDDL module and the GPL-only kernel_fpu_begin()"),
  entry("proprietary-shim-taint", "6.1", "A GPL shim around a proprietary module: refused, or the taint is inherited"),
  entry("dvb-usb-crc-mismatch", "6.12", "A driver package built against the old dvb-usb: disagrees about version of symbol"),
  entry("serial-8250-rsa", "6.17", "8250's RSA helpers exported to 8250_base only, to fix a modular build"),
  entry("kasan-test-nofault", "6.17", "copy_to_kernel_nofault() for kasan_test only, away from exploit code"),
  entry("ums-karma-debian-6.12", "6.12", "A ums-karma built against Debian 6.12's real usb-storage"),
];

/** The preset of a slug, or undefined. */
export function findPreset(slug: string): PresetEntry | undefined {
  return PRESETS.find((p) => p.slug === slug);
}
