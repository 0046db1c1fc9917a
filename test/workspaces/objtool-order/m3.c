#include <linux/module.h>
#include <linux/init.h>

int toy_c1(void);
int toy_c2(void);
int toy_c3(void);

int m3_get(void);
int m3_get(void)
{
	return toy_c1();
}
EXPORT_SYMBOL_GPL(m3_get);

static int __init m3_init(void)
{
	int r = toy_c2();

	r += toy_c3();
	pr_info("m3: %d\n", r);
	return 0;
}

module_init(m3_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy m3");
