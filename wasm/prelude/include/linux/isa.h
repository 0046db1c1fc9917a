/* linux/isa.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_ISA_BUS_API is unset in Debian 5.10.223 (inline stubs, no references) and set in 7.3.4; module_isa_driver split into _init/_exit and gained _with_irq after 5.10 (Debian 6.1.190 has them). */
#ifndef __KSYMNS_LINUX_ISA_H
#define __KSYMNS_LINUX_ISA_H
#include <ksymns/release.h>
#include <linux/device.h>

struct isa_driver;
#ifdef CONFIG_ISA_BUS_API
int isa_register_driver(struct isa_driver *, unsigned int);
void isa_unregister_driver(struct isa_driver *);
#else
static inline int isa_register_driver(struct isa_driver *d, unsigned int i) { return -19; }
static inline void isa_unregister_driver(struct isa_driver *d) { }
#endif
#define module_isa_driver_init(__isa_driver, __num_isa_dev) \
static int __init __isa_driver##_init(void) \
{ \
	return isa_register_driver(&(__isa_driver), __num_isa_dev); \
} \
module_init(__isa_driver##_init)
#define module_isa_driver_exit(__isa_driver) \
static void __exit __isa_driver##_exit(void) \
{ \
	isa_unregister_driver(&(__isa_driver)); \
} \
module_exit(__isa_driver##_exit)
#define module_isa_driver(__isa_driver, __num_isa_dev) \
module_isa_driver_init(__isa_driver, __num_isa_dev); \
module_isa_driver_exit(__isa_driver)
#if __KSYMNS_RELEASE >= 601
#define module_isa_driver_with_irq_init(__isa_driver, __num_isa_dev, __num_irq) \
static int __init __isa_driver##_init(void) \
{ \
	if (__num_irq != __num_isa_dev) { \
		pr_err("%s: Number of irq (%u) does not match number of base (%u)\n", \
		       __isa_driver.driver.name, __num_irq, __num_isa_dev); \
		return -22; \
	} \
	return isa_register_driver(&(__isa_driver), __num_isa_dev); \
} \
module_init(__isa_driver##_init)
#define module_isa_driver_with_irq(__isa_driver, __num_isa_dev, __num_irq) \
module_isa_driver_with_irq_init(__isa_driver, __num_isa_dev, __num_irq); \
module_isa_driver_exit(__isa_driver)
#endif

#endif
