/* linux/amba/bus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * amba_driver_register became a macro over __amba_driver_register in 6.10 ("amba: store owner from modules with amba_driver_register()"; Debian 6.1.190 function, 6.12.113 macro; boundary inferred). CONFIG_ARM_AMBA is unset on x86, where from 6.1 the real functions are inline stubs that reference nothing (5.10.223 declares them unconditionally). */
#ifndef __KSYMNS_LINUX_AMBA_BUS_H
#define __KSYMNS_LINUX_AMBA_BUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct amba_driver;
#if __KSYMNS_RELEASE >= 610
#ifdef CONFIG_ARM_AMBA
extern int __amba_driver_register(struct amba_driver *, struct module *);
#else
static inline int __amba_driver_register(struct amba_driver *drv, struct module *owner) { return -22; }
#endif
#define amba_driver_register(drv) __amba_driver_register(drv, THIS_MODULE)
#else
#if defined(CONFIG_ARM_AMBA) || __KSYMNS_RELEASE < 601
extern int amba_driver_register(struct amba_driver *);
#else
static inline int amba_driver_register(struct amba_driver *drv) { return -22; }
#endif
#endif
#if defined(CONFIG_ARM_AMBA) || __KSYMNS_RELEASE < 601
void amba_driver_unregister(struct amba_driver *);
#else
static inline void amba_driver_unregister(struct amba_driver *drv) { }
#endif
#define module_amba_driver(__amba_drv) module_driver(__amba_drv, amba_driver_register, amba_driver_unregister)
#define builtin_amba_driver(__amba_drv) builtin_driver(__amba_drv, amba_driver_register)

#endif
