/* linux/dev_printk.h (Debian 5.10.223 … 7.3.4; in device.h before 5.9): dev_err … dev_info
 * call the exported _dev_err … _dev_info; dev_printk is a function up to 5.14 and a macro
 * over _dev_printk from 5.15 (printk indexing); dev_dbg goes through dynamic debug. */
#ifndef _DEVICE_PRINTK_H_
#define _DEVICE_PRINTK_H_
#include <ksymns/release.h>
#include <linux/compiler.h>
#include <linux/printk.h>

struct device;

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#if __KSYMNS_RELEASE >= 515
__printf(3, 4) __cold void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#else
__printf(3, 4) __cold void dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
#endif
__printf(2, 3) __cold void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_info(const struct device *dev, const char *fmt, ...);

#define dev_no_printk(level, dev, fmt, ...) ({ 0; })

#define dev_emerg(dev, fmt, ...)	_dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		_dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)	_dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		_dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		_dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	_dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		_dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)

#if defined(CONFIG_DYNAMIC_DEBUG) || (defined(CONFIG_DYNAMIC_DEBUG_CORE) && defined(DYNAMIC_DEBUG_MODULE))
#define dev_dbg(dev, fmt, ...)		dynamic_dev_dbg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#elif defined(DEBUG)
#define dev_dbg(dev, fmt, ...)		dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)		dev_no_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#endif

#if __KSYMNS_RELEASE >= 509
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
#endif

#endif
