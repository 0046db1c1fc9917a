#include <linux/module.h>
#include <linux/init.h>

int toy_a1(void);
int toy_a2(void);
int toy_a3(void);

static noinline int m1_helper(void)
{
	return toy_a1() + toy_a2();
}

static int __init m1_init(void)
{
	pr_info("m1: %d\n", m1_helper() + toy_a3());
	return 0;
}

module_init(m1_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy m1");
