/* linux/platform_device.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * __platform_driver_register and __platform_driver_probe gained a KBUILD_MODNAME argument by 7.2 (Debian 6.12.113: two arguments, 7.2.12: three; boundary inferred as 7.0); the symbols are the same. */
#ifndef __KSYMNS_LINUX_PLATFORM_DEVICE_H
#define __KSYMNS_LINUX_PLATFORM_DEVICE_H
#include <ksymns/release.h>
#include <linux/device.h>

struct platform_driver;
#if __KSYMNS_RELEASE >= 700
extern int __platform_driver_register(struct platform_driver *, struct module *, const char *mod_name);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE, KBUILD_MODNAME)
extern int __platform_driver_probe(struct platform_driver *driver, int (*probe)(void *), struct module *module, const char *mod_name);
#define platform_driver_probe(drv, probe) __platform_driver_probe(drv, probe, THIS_MODULE, KBUILD_MODNAME)
#else
extern int __platform_driver_register(struct platform_driver *, struct module *);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
extern int __platform_driver_probe(struct platform_driver *driver, int (*probe)(void *), struct module *module);
#define platform_driver_probe(drv, probe) __platform_driver_probe(drv, probe, THIS_MODULE)
#endif
extern void platform_driver_unregister(struct platform_driver *);
#define module_platform_driver(__platform_driver) module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
#define builtin_platform_driver(__platform_driver) builtin_driver(__platform_driver, platform_driver_register)
#define module_platform_driver_probe(__platform_driver, __platform_probe) \
static int __init __platform_driver##_init(void) \
{ \
	return platform_driver_probe(&(__platform_driver), __platform_probe); \
} \
module_init(__platform_driver##_init); \
static void __exit __platform_driver##_exit(void) \
{ \
	platform_driver_unregister(&(__platform_driver)); \
} \
module_exit(__platform_driver##_exit);
#define builtin_platform_driver_probe(__platform_driver, __platform_probe) \
static int __init __platform_driver##_init(void) \
{ \
	return platform_driver_probe(&(__platform_driver), __platform_probe); \
} \
device_initcall(__platform_driver##_init);

#endif
