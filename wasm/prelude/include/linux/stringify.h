/* linux/stringify.h as in Debian 5.10.223 … 7.3.4 (6.12 adds the FILE_LINE helper). */
#ifndef __LINUX_STRINGIFY_H
#define __LINUX_STRINGIFY_H
#include <ksymns/release.h>

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#if __KSYMNS_RELEASE >= 612
#define FILE_LINE	__FILE__ ":" __stringify(__LINE__)
#endif

#endif
