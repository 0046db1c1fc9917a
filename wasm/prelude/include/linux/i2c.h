/* linux/i2c.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_I2C=y in every Debian amd64 kernel. */
#ifndef __KSYMNS_LINUX_I2C_H
#define __KSYMNS_LINUX_I2C_H
#include <ksymns/release.h>
#include <linux/device.h>

struct i2c_driver;
extern int i2c_register_driver(struct module *, struct i2c_driver *);
extern void i2c_del_driver(struct i2c_driver *driver);
#define i2c_add_driver(driver) i2c_register_driver(THIS_MODULE, driver)
#define module_i2c_driver(__i2c_driver) module_driver(__i2c_driver, i2c_add_driver, i2c_del_driver)
#define builtin_i2c_driver(__i2c_driver) builtin_driver(__i2c_driver, i2c_add_driver)

#endif
