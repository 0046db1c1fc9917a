/* linux/scmi_protocol.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SCMI_PROTOCOL_H
#define __KSYMNS_LINUX_SCMI_PROTOCOL_H
#include <ksymns/release.h>
#include <linux/device.h>

struct scmi_driver;
int scmi_driver_register(struct scmi_driver *driver, struct module *owner, const char *mod_name);
void scmi_driver_unregister(struct scmi_driver *driver);
#define scmi_register(driver) scmi_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
#define scmi_unregister(driver) scmi_driver_unregister(driver)
#define module_scmi_driver(__scmi_driver) module_driver(__scmi_driver, scmi_register, scmi_unregister)

#endif
