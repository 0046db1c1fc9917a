// Module sources that exercise the prelude, shared by the offline gcc test and the corpus test
// that compiles the same sources against the real Debian headers.

/** A module_*_driver use: the header, the declarations it needs, the invocation. */
export interface HelperCase {
  helper: string;
  header: string;
  decls: string;
  use: string;
  since?: number;
  until?: number;
}

const ext = (st: string, name = "drv") => `extern struct ${st} ${name};`;

/** Every module_*_driver helper the prelude has, used once each. */
export const HELPER_CASES: HelperCase[] = [
  { helper: "module_usb_driver", header: "linux/usb.h", decls: ext("usb_driver"), use: "module_usb_driver(drv);" },
  { helper: "module_pci_driver", header: "linux/pci.h", decls: ext("pci_driver"), use: "module_pci_driver(drv);" },
  { helper: "module_platform_driver", header: "linux/platform_device.h", decls: ext("platform_driver"), use: "module_platform_driver(drv);" },
  {
    helper: "module_platform_driver_probe",
    header: "linux/platform_device.h",
    decls: ext("platform_driver") + " static int pr(struct platform_device *d) { return 0; }",
    use: "module_platform_driver_probe(drv, pr);",
  },
  { helper: "builtin_platform_driver", header: "linux/platform_device.h", decls: ext("platform_driver"), use: "builtin_platform_driver(drv);" },
  { helper: "module_i2c_driver", header: "linux/i2c.h", decls: ext("i2c_driver"), use: "module_i2c_driver(drv);" },
  { helper: "module_spi_driver", header: "linux/spi/spi.h", decls: ext("spi_driver"), use: "module_spi_driver(drv);" },
  { helper: "module_spi_mem_driver", header: "linux/spi/spi-mem.h", decls: ext("spi_mem_driver"), use: "module_spi_mem_driver(drv);" },
  { helper: "module_hid_driver", header: "linux/hid.h", decls: ext("hid_driver"), use: "module_hid_driver(drv);" },
  { helper: "module_serio_driver", header: "linux/serio.h", decls: ext("serio_driver"), use: "module_serio_driver(drv);" },
  { helper: "module_gameport_driver", header: "linux/gameport.h", decls: ext("gameport_driver"), use: "module_gameport_driver(drv);" },
  { helper: "module_virtio_driver", header: "linux/virtio.h", decls: ext("virtio_driver"), use: "module_virtio_driver(drv);" },
  { helper: "mdio_module_driver", header: "linux/mdio.h", decls: ext("mdio_driver"), use: "mdio_module_driver(drv);" },
  { helper: "module_phy_driver", header: "linux/phy.h", decls: "extern struct phy_driver drvs[2];", use: "module_phy_driver(drvs);" },
  { helper: "module_auxiliary_driver", header: "linux/auxiliary_bus.h", decls: ext("auxiliary_driver"), use: "module_auxiliary_driver(drv);", since: 601 },
  { helper: "module_amba_driver", header: "linux/amba/bus.h", decls: ext("amba_driver"), use: "module_amba_driver(drv);" },
  { helper: "module_acpi_driver", header: "acpi/acpi_bus.h", decls: ext("acpi_driver"), use: "module_acpi_driver(drv);", until: 702 },
  { helper: "module_sdio_driver", header: "linux/mmc/sdio_func.h", decls: ext("sdio_driver"), use: "module_sdio_driver(drv);" },
  {
    helper: "module_usb_serial_driver",
    header: "linux/usb/serial.h",
    decls: "extern struct usb_serial_driver *const drivers[]; extern const struct usb_device_id ids[];",
    use: "module_usb_serial_driver(drivers, ids);",
  },
  { helper: "module_usb_composite_driver", header: "linux/usb/composite.h", decls: ext("usb_composite_driver"), use: "module_usb_composite_driver(drv);" },
  { helper: "module_pnp_driver", header: "linux/pnp.h", decls: ext("pnp_driver"), use: "module_pnp_driver(drv);" },
  { helper: "module_wmi_driver", header: "linux/wmi.h", decls: ext("wmi_driver"), use: "module_wmi_driver(drv);" },
  { helper: "module_serdev_device_driver", header: "linux/serdev.h", decls: ext("serdev_device_driver"), use: "module_serdev_device_driver(drv);" },
  { helper: "module_rpmsg_driver", header: "linux/rpmsg.h", decls: ext("rpmsg_driver"), use: "module_rpmsg_driver(drv);" },
  { helper: "module_mei_cl_driver", header: "linux/mei_cl_bus.h", decls: ext("mei_cl_driver"), use: "module_mei_cl_driver(drv);" },
  { helper: "module_mhi_driver", header: "linux/mhi.h", decls: ext("mhi_driver"), use: "module_mhi_driver(drv);" },
  { helper: "module_vdpa_driver", header: "linux/vdpa.h", decls: ext("vdpa_driver"), use: "module_vdpa_driver(drv);" },
  { helper: "module_isa_driver", header: "linux/isa.h", decls: ext("isa_driver"), use: "module_isa_driver(drv, 2);" },
  { helper: "module_hda_codec_driver", header: "sound/hda_codec.h", decls: ext("hda_codec_driver"), use: "module_hda_codec_driver(drv);" },
  { helper: "module_pcmcia_driver", header: "pcmcia/ds.h", decls: ext("pcmcia_driver"), use: "module_pcmcia_driver(drv);" },
  {
    helper: "module_i3c_i2c_driver",
    header: "linux/i3c/device.h",
    decls: ext("i3c_driver") + " " + ext("i2c_driver", "drv2"),
    use: "module_i3c_i2c_driver(drv, &drv2);",
    since: 612,
  },
  {
    helper: "module_comedi_pci_driver",
    header: "linux/comedi/comedi_pci.h",
    decls: ext("comedi_driver") + " " + ext("pci_driver", "pdrv"),
    use: "module_comedi_pci_driver(drv, pdrv);",
    since: 601,
  },
  { helper: "module_nd_driver", header: "linux/nd.h", decls: ext("nd_device_driver"), use: "module_nd_driver(drv);" },
  { helper: "module_sdw_driver", header: "linux/soundwire/sdw_type.h", decls: ext("sdw_driver"), use: "module_sdw_driver(drv);" },
  { helper: "module_typec_altmode_driver", header: "linux/usb/typec_altmode.h", decls: ext("typec_altmode_driver"), use: "module_typec_altmode_driver(drv);" },
  { helper: "module_tee_client_driver", header: "linux/tee_drv.h", decls: ext("tee_client_driver"), use: "module_tee_client_driver(drv);", since: 702 },
];

/** A module with printing, a parameter and exports; `ns` places a DEFAULT_SYMBOL_NAMESPACE. */
export function printingModule(nsPlace: "none" | "before" | "after", nsText: string): string {
  const ns = `#define DEFAULT_SYMBOL_NAMESPACE ${nsText}\n`;
  return [
    nsPlace === "before" ? ns : "",
    "#include <linux/module.h>",
    "#include <linux/device.h>",
    nsPlace === "after" ? ns : "",
    "static int val;",
    "module_param(val, int, 0644);",
    'MODULE_PARM_DESC(val, "a value");',
    'void hello(struct device *d) { pr_info("hi %d\\n", val); pr_debug("dbg\\n"); dev_err(d, "e\\n"); dev_dbg(d, "d\\n"); }',
    "int exported_fn(void) { return 1; }",
    "EXPORT_SYMBOL_GPL(exported_fn);",
    'MODULE_LICENSE("GPL");',
    'MODULE_DESCRIPTION("probe");',
    "",
  ].join("\n");
}

/** Completes the structs the prelude leaves incomplete, so gcc can compile its output. */
export const STRUCT_COMPLETIONS = [
  "struct device_driver { int x; };",
  ...["spi_driver", "spmi_driver", "serdev_device_driver", "sunxi_rsb_driver", "nd_device_driver", "moxtet_driver", "siox_driver"].map(
    (s) => `struct ${s} { struct device_driver driver; struct device_driver drv; };`,
  ),
  "struct phy_driver { int x; };",
  "struct usb_device_id { int x; };",
  "struct isa_driver { struct device_driver driver; };",
].join("\n");

/** gcc's definitions of the reader's markers, to compile prelude output as C. */
export const MARKER_DEFINES = [
  "-D__ksymns_module_init(fn)=int init_module(void) __attribute__((alias(#fn)))",
  "-D__ksymns_module_exit(fn)=void cleanup_module(void) __attribute__((alias(#fn)))",
  "-D__ksymns_export(m,s)=static void *__ksymns_ref_##s __attribute__((used)) = (void *)&s",
  "-D__ksymns_export_default(m,s,ns)=static void *__ksymns_ref_##s __attribute__((used)) = (void *)&s",
  "-D__ksymns_export_ns(m,s,ns)=static void *__ksymns_ref_##s __attribute__((used)) = (void *)&s",
  "-D__ksymns_license(l)=extern int __ksymns_unused_decl",
  "-D__ksymns_modinfo(t,v)=extern int __ksymns_unused_decl",
  "-D__ksymns_import_ns(ns)=extern int __ksymns_unused_decl",
];
