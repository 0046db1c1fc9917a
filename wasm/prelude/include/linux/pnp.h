/* linux/pnp.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_PNP=y in Debian. */
#ifndef __KSYMNS_LINUX_PNP_H
#define __KSYMNS_LINUX_PNP_H
#include <ksymns/release.h>
#include <linux/device.h>

struct pnp_driver;
extern int pnp_register_driver(struct pnp_driver *);
extern void pnp_unregister_driver(struct pnp_driver *);
#define module_pnp_driver(__pnp_driver) module_driver(__pnp_driver, pnp_register_driver, pnp_unregister_driver)

#endif
