/* linux/iio/sw_device.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_IIO_SW_DEVICE_H
#define __KSYMNS_LINUX_IIO_SW_DEVICE_H
#include <ksymns/release.h>
#include <linux/device.h>

struct iio_sw_device_type;
extern int iio_register_sw_device_type(struct iio_sw_device_type *);
extern void iio_unregister_sw_device_type(struct iio_sw_device_type *);
#define module_iio_sw_device_driver(__iio_sw_device_type) module_driver(__iio_sw_device_type, iio_register_sw_device_type, iio_unregister_sw_device_type)

#endif
