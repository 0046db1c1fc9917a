/* sound/seq_device.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_SOUND_SEQ_DEVICE_H
#define __KSYMNS_SOUND_SEQ_DEVICE_H
#include <ksymns/release.h>
#include <linux/device.h>

struct snd_seq_driver;
extern int __snd_seq_driver_register(struct snd_seq_driver *, struct module *);
#define snd_seq_driver_register(drv) __snd_seq_driver_register(drv, THIS_MODULE)
extern void snd_seq_driver_unregister(struct snd_seq_driver *);
#define module_snd_seq_driver(drv) module_driver(drv, snd_seq_driver_register, snd_seq_driver_unregister)

#endif
