/* linux/i3c/device.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * ; module_i3c_i2c_driver passes the i2c driver on from 6.12 (Debian 6.1.190 drops it; boundary inferred). */
#ifndef __KSYMNS_LINUX_I3C_DEVICE_H
#define __KSYMNS_LINUX_I3C_DEVICE_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/i2c.h>

struct i3c_driver;
extern int i3c_driver_register_with_owner(struct i3c_driver *, struct module *);
#define i3c_driver_register(drv) i3c_driver_register_with_owner(drv, THIS_MODULE)
extern void i3c_driver_unregister(struct i3c_driver *);
#define module_i3c_driver(__drv) module_driver(__drv, i3c_driver_register, i3c_driver_unregister)

struct i2c_driver;
static inline int i3c_i2c_driver_register(struct i3c_driver *i3cdrv, struct i2c_driver *i2cdrv)
{
	int ret;

	ret = i2c_add_driver(i2cdrv);
	if (ret || !IS_ENABLED(CONFIG_I3C))
		return ret;
	ret = i3c_driver_register(i3cdrv);
	if (ret)
		i2c_del_driver(i2cdrv);
	return ret;
}
static inline void i3c_i2c_driver_unregister(struct i3c_driver *i3cdrv, struct i2c_driver *i2cdrv)
{
	if (IS_ENABLED(CONFIG_I3C))
		i3c_driver_unregister(i3cdrv);
	i2c_del_driver(i2cdrv);
}
#if __KSYMNS_RELEASE >= 612
#define module_i3c_i2c_driver(__i3cdrv, __i2cdrv) \
	module_driver(__i3cdrv, i3c_i2c_driver_register, i3c_i2c_driver_unregister, __i2cdrv)
#else
#define module_i3c_i2c_driver(__i3cdrv, __i2cdrv) \
	module_driver(__i3cdrv, i3c_i2c_driver_register, i3c_i2c_driver_unregister)
#endif

#endif
