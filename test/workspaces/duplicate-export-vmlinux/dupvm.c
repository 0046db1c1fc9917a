#include <linux/module.h>
#include <linux/init.h>

int input_event(void);
int input_event(void)
{
	return 0;
}
EXPORT_SYMBOL(input_event);

static int __init dupvm_init(void)
{
	pr_info("dupvm: loaded\n");
	return 0;
}

static void __exit dupvm_exit(void)
{
	pr_info("dupvm: unloaded\n");
}

module_init(dupvm_init);
module_exit(dupvm_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module dupvm");
