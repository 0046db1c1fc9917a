// SPDX-License-Identifier: GPL-2.0+
/*
 * A toy 8250 with the RSA helpers that "serial: 8250: move RSA functions to
 * 8250_rsa.c" put into it. 8250_base calls them, and with CONFIG_SERIAL_8250=m
 * that is a call across modules: they must be exported, but only to 8250_base.
 * Debian builds 8250 into vmlinux, and a module may not take the name of a built-in
 * one ("8250: module is already loaded"), hence toy8250 and toy8250_base.
 */
#include <linux/module.h>
#include <linux/init.h>

void rsa_enable(void *up);
void rsa_enable(void *up)
{
	pr_info("toy8250: RSA enabled\n");
}
EXPORT_SYMBOL_FOR_MODULES(rsa_enable, "toy8250_base");

void rsa_disable(void *up);
void rsa_disable(void *up)
{
	pr_info("toy8250: RSA disabled\n");
}
EXPORT_SYMBOL_FOR_MODULES(rsa_disable, "toy8250_base");

static int __init serial8250_init(void)
{
	pr_info("toy8250: loaded\n");
	return 0;
}

static void __exit serial8250_exit(void)
{
	pr_info("toy8250: unloaded\n");
}

module_init(serial8250_init);
module_exit(serial8250_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy generic 8250/16x50 serial driver");
