#include <linux/module.h>
#include <linux/init.h>

int toy_alpha(void);
int toy_bravo(void);
int toy_charlie(void);
int toy_delta(void);
int toy_tie11(void);
int toy_tie50(void);
void toy_echo(void);
void toy_foxtrot(void);
void toy_golf(void);
void toy_hotel(void);

static int __init user_init(void)
{
	int r = toy_alpha();

	r += toy_bravo();
	r += toy_charlie();
	r += toy_delta();
	r += toy_tie11();
	r += toy_tie50();
	pr_info("user: %d\n", r);
	return 0;
}

static void __exit user_exit(void)
{
	toy_echo();
	toy_foxtrot();
	toy_golf();
	toy_hotel();
}

module_init(user_init);
module_exit(user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user");
