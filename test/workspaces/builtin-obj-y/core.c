#include <linux/module.h>

int toy_core(void)
{
	return 7;
}
EXPORT_SYMBOL_NS_GPL(toy_core, TOY_CORE);
