/* linux/mc33xs2410.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * MODULE_IMPORT_NS("PWM_MC33XS2410") (6.17, inferred; in Debian 7.2.12 and 7.3.4). */
#ifndef __KSYMNS_LINUX_MC33XS2410_H
#define __KSYMNS_LINUX_MC33XS2410_H
#include <ksymns/release.h>
#include <linux/module.h>

#if __KSYMNS_RELEASE >= 617
MODULE_IMPORT_NS("PWM_MC33XS2410");
#endif

#endif
