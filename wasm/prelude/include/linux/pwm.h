/* linux/pwm.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * MODULE_IMPORT_NS(PWM) from 6.11 (aeb9cedc87a2 "pwm: Make use of a symbol namespace for the core"; Debian 6.12.113 identifier, 7.2.12 and 7.3.4 "PWM"; not in 6.1.190). */
#ifndef __KSYMNS_LINUX_PWM_H
#define __KSYMNS_LINUX_PWM_H
#include <ksymns/release.h>
#include <linux/module.h>

#if __KSYMNS_RELEASE >= 613
MODULE_IMPORT_NS("PWM");
#elif __KSYMNS_RELEASE >= 611
MODULE_IMPORT_NS(PWM);
#endif

#endif
