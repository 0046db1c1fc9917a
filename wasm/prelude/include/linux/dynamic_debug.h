/* linux/dynamic_debug.h (Debian 5.10.223 … 7.3.4, CONFIG_DYNAMIC_DEBUG=y): each pr_debug and
 * dev_dbg owns a static struct _ddebug in __dyndbg and calls __dynamic_pr_debug /
 * __dynamic_dev_dbg when enabled; from 6.19 ("dynamic_debug: add support for print stack",
 * in Debian 7.2.12, boundary inferred) it also calls dump_stack(). */
#ifndef _DYNAMIC_DEBUG_H
#define _DYNAMIC_DEBUG_H
#include <ksymns/release.h>
#include <linux/compiler.h>

struct device;
struct net_device;
struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int flags:8;
};

__printf(2, 3) void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...);
__printf(3, 4) void __dynamic_dev_dbg(struct _ddebug *descriptor, const struct device *dev,
				      const char *fmt, ...);
__printf(3, 4) void __dynamic_netdev_dbg(struct _ddebug *descriptor, const struct net_device *dev,
					 const char *fmt, ...);

#define DEFINE_DYNAMIC_DEBUG_METADATA(name, fmt) \
	static struct _ddebug __aligned(8) __section("__dyndbg") name = { \
		.modname = KBUILD_MODNAME, .function = __func__, .filename = __FILE__, \
		.format = (fmt), .lineno = __LINE__, .flags = 0 }

#if __KSYMNS_RELEASE >= 619
#define __dynamic_func_call(id, fmt, func, ...) do { \
	DEFINE_DYNAMIC_DEBUG_METADATA(id, fmt); \
	if (unlikely(id.flags & 1)) { func(&id, ##__VA_ARGS__); \
		if (id.flags & (1 << 6)) dump_stack(); } \
} while (0)
#else
#define __dynamic_func_call(id, fmt, func, ...) do { \
	DEFINE_DYNAMIC_DEBUG_METADATA(id, fmt); \
	if (unlikely(id.flags & 1)) func(&id, ##__VA_ARGS__); \
} while (0)
#endif
#define _dynamic_func_call(fmt, func, ...) \
	__dynamic_func_call(__UNIQUE_ID(ddebug), fmt, func, ##__VA_ARGS__)

#define dynamic_pr_debug(fmt, ...) \
	_dynamic_func_call(fmt, __dynamic_pr_debug, pr_fmt(fmt), ##__VA_ARGS__)
#define dynamic_dev_dbg(dev, fmt, ...) \
	_dynamic_func_call(fmt, __dynamic_dev_dbg, dev, fmt, ##__VA_ARGS__)
#define dynamic_netdev_dbg(dev, fmt, ...) \
	_dynamic_func_call(fmt, __dynamic_netdev_dbg, dev, fmt, ##__VA_ARGS__)

#endif
