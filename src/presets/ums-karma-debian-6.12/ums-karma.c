// SPDX-License-Identifier: GPL-2.0+
/*
 * A toy ums-karma built against Debian's 6.12: it uses usb-storage's exports the way
 * drivers/usb/storage/karma.c does (probe through usb_stor_probe1/2, the bulk
 * transport, and usb-storage's power-management and disconnect callbacks).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/usb.h>

/* From drivers/usb/storage/usb.h and transport.h, which the headers package lacks. */
struct us_data;
struct us_unusual_dev;
struct scsi_cmnd;
struct scsi_host_template;
int usb_stor_probe1(struct us_data **pus, struct usb_interface *intf,
		    const struct usb_device_id *id,
		    const struct us_unusual_dev *unusual_dev,
		    const struct scsi_host_template *sht);
int usb_stor_probe2(struct us_data *us);
void usb_stor_disconnect(struct usb_interface *intf);
int usb_stor_suspend(struct usb_interface *iface, pm_message_t message);
int usb_stor_resume(struct usb_interface *iface);
int usb_stor_reset_resume(struct usb_interface *iface);
int usb_stor_pre_reset(struct usb_interface *iface);
int usb_stor_post_reset(struct usb_interface *iface);
int usb_stor_Bulk_transport(struct scsi_cmnd *srb, struct us_data *us);
int usb_stor_Bulk_reset(struct us_data *us);

static const struct usb_device_id karma_usb_ids[] = {
	{ USB_DEVICE(0x045a, 0x5210) },	/* Rio Karma */
	{ }
};
MODULE_DEVICE_TABLE(usb, karma_usb_ids);

static int rio_karma_transport(struct scsi_cmnd *srb, struct us_data *us)
{
	return usb_stor_Bulk_transport(srb, us);
}

static int karma_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct us_data *us;
	int result;

	result = usb_stor_probe1(&us, intf, id, NULL, NULL);
	if (result)
		return result;
	pr_info("ums-karma: transport %ps, reset %ps\n", rio_karma_transport, usb_stor_Bulk_reset);
	return usb_stor_probe2(us);
}

static struct usb_driver karma_driver = {
	.name =		"ums-karma",
	.probe =	karma_probe,
	.disconnect =	usb_stor_disconnect,
	.suspend =	usb_stor_suspend,
	.resume =	usb_stor_resume,
	.reset_resume =	usb_stor_reset_resume,
	.pre_reset =	usb_stor_pre_reset,
	.post_reset =	usb_stor_post_reset,
	.id_table =	karma_usb_ids,
	.soft_unbind =	1,
};

static int __init karma_init(void)
{
	return usb_register_driver(&karma_driver, THIS_MODULE, KBUILD_MODNAME);
}

static void __exit karma_exit(void)
{
	usb_deregister(&karma_driver);
}

module_init(karma_init);
module_exit(karma_exit);
MODULE_DESCRIPTION("Driver for Rio Karma (toy)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(USB_STORAGE);
