/* sound/hda_codec.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_SOUND_HDA_CODEC_H
#define __KSYMNS_SOUND_HDA_CODEC_H
#include <ksymns/release.h>
#include <linux/device.h>

struct hda_codec_driver;
int __hda_codec_driver_register(struct hda_codec_driver *drv, const char *name, struct module *owner);
#define hda_codec_driver_register(drv) __hda_codec_driver_register(drv, KBUILD_MODNAME, THIS_MODULE)
void hda_codec_driver_unregister(struct hda_codec_driver *drv);
#define module_hda_codec_driver(drv) module_driver(drv, hda_codec_driver_register, hda_codec_driver_unregister)

#endif
