// SPDX-License-Identifier: GPL-2.0-only
/*
 * An out-of-tree driver wants anon_inode_make_secure_inode(), which the kernel exports
 * for kvm only (EXPORT_SYMBOL_FOR_MODULES(anon_inode_make_secure_inode, "kvm") in
 * fs/anon_inodes.c), and tries the 2019 trick: import the namespace by hand.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/anon_inodes.h>

static struct inode *vbox_secure_inode(struct super_block *sb)
{
	return anon_inode_make_secure_inode(sb, "[vboxdrv]", NULL);
}

static int __init vboxdrv_init(void)
{
	pr_info("vboxdrv: %ps\n", vbox_secure_inode);
	return 0;
}

static void __exit vboxdrv_exit(void)
{
	pr_info("vboxdrv: unloaded\n");
}

module_init(vboxdrv_init);
module_exit(vboxdrv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy out-of-tree hypervisor driver");
MODULE_IMPORT_NS("module:kvm");
