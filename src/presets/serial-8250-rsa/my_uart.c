// SPDX-License-Identifier: GPL-2.0+
/* Any other module that would like the RSA helpers: "(And not to the whole world.)" */
#include <linux/module.h>
#include <linux/init.h>

void rsa_enable(void *up);

static int port;

static int __init my_uart_init(void)
{
	rsa_enable(&port);
	return 0;
}

static void __exit my_uart_exit(void)
{
	pr_info("my_uart: unloaded\n");
}

module_init(my_uart_init);
module_exit(my_uart_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy serial driver outside the 8250 family");
