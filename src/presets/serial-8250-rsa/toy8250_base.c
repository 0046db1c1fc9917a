// SPDX-License-Identifier: GPL-2.0+
/* A toy 8250_base (8250_port.c and friends): the one module the RSA helpers are exported to. */
#include <linux/module.h>
#include <linux/init.h>

void rsa_enable(void *up);
void rsa_disable(void *up);

static int port;

static int __init serial8250_base_init(void)
{
	rsa_enable(&port);
	return 0;
}

static void __exit serial8250_base_exit(void)
{
	rsa_disable(&port);
}

module_init(serial8250_base_init);
module_exit(serial8250_base_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy base 8250/16x50 serial core");
