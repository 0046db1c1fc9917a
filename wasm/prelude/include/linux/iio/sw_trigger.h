/* linux/iio/sw_trigger.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_IIO_SW_TRIGGER_H
#define __KSYMNS_LINUX_IIO_SW_TRIGGER_H
#include <ksymns/release.h>
#include <linux/device.h>

struct iio_sw_trigger_type;
extern int iio_register_sw_trigger_type(struct iio_sw_trigger_type *);
extern void iio_unregister_sw_trigger_type(struct iio_sw_trigger_type *);
#define module_iio_sw_trigger_driver(__iio_sw_trigger_type) module_driver(__iio_sw_trigger_type, iio_register_sw_trigger_type, iio_unregister_sw_trigger_type)

#endif
