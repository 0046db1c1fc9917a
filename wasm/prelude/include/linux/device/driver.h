/* linux/device/driver.h (Debian 5.10.223 … 7.3.4; in device.h before 5.7): module_driver()
 * and builtin_driver() exactly as the real ones, so the calls a module_*_driver helper makes
 * become the module's undefined symbols. */
#ifndef _DEVICE_DRIVER_H_
#define _DEVICE_DRIVER_H_
#include <linux/module.h>

struct device_driver;
extern int __must_check driver_register(struct device_driver *drv);
extern void driver_unregister(struct device_driver *drv);

#define module_driver(__driver, __register, __unregister, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
module_init(__driver##_init); \
static void __exit __driver##_exit(void) \
{ \
	__unregister(&(__driver) , ##__VA_ARGS__); \
} \
module_exit(__driver##_exit);

#define builtin_driver(__driver, __register, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
device_initcall(__driver##_init);

#endif
