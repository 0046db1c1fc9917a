/* linux/device.h essentials (Debian 5.10.223 … 7.3.4): brings dev_printk.h and
 * device/driver.h as the real one does. */
#ifndef _DEVICE_H_
#define _DEVICE_H_
#include <linux/kernel.h>
#include <linux/dev_printk.h>
#include <linux/device/driver.h>

struct device;
extern int __must_check device_register(struct device *dev);
extern void device_unregister(struct device *dev);
extern void put_device(struct device *dev);
extern struct device *get_device(struct device *dev);

#endif
