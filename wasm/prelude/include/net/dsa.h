/* net/dsa.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_dsa_tag_driver(s): Debian 5.10.223 and 6.1.190, gone from 6.12.113 (6.7, inferred). */
#ifndef __KSYMNS_NET_DSA_H
#define __KSYMNS_NET_DSA_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE < 607
struct dsa_tag_driver;
void dsa_tag_drivers_register(struct dsa_tag_driver *dsa_tag_driver_array[], unsigned int count, struct module *owner);
void dsa_tag_drivers_unregister(struct dsa_tag_driver *dsa_tag_driver_array[], unsigned int count);
#define dsa_tag_driver_module_drivers(__dsa_tag_drivers_array, __count) \
static int __init dsa_tag_driver_module_init(void) \
{ \
	dsa_tag_drivers_register(__dsa_tag_drivers_array, __count, THIS_MODULE); \
	return 0; \
} \
module_init(dsa_tag_driver_module_init); \
static void __exit dsa_tag_driver_module_exit(void) \
{ \
	dsa_tag_drivers_unregister(__dsa_tag_drivers_array, __count); \
} \
module_exit(dsa_tag_driver_module_exit)
#define module_dsa_tag_drivers(__ops_array) dsa_tag_driver_module_drivers(__ops_array, ARRAY_SIZE(__ops_array))
#endif

#endif
