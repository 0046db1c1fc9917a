#include <linux/module.h>
#include <linux/init.h>

void toy_b1(void);
int toy_b2(void);
int toy_b3(void);

static void __exit m2_exit(void)
{
	toy_b1();
}

static int __init m2_init(void)
{
	int r = toy_b2();

	r += toy_b3();
	pr_info("m2: %d\n", r);
	return 0;
}

module_init(m2_init);
module_exit(m2_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy m2");
