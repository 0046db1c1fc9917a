/* kunit/visibility.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * EXPORT_SYMBOL_IF_KUNIT exports into EXPORTED_FOR_KUNIT_TESTING when CONFIG_KUNIT is enabled (Debian 6.1.190 on). */
#ifndef __KSYMNS_KUNIT_VISIBILITY_H
#define __KSYMNS_KUNIT_VISIBILITY_H
#include <ksymns/release.h>
#include <linux/module.h>

#if __KSYMNS_RELEASE >= 601
#if IS_ENABLED(CONFIG_KUNIT)
#define VISIBLE_IF_KUNIT
#if __KSYMNS_RELEASE >= 613
#define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_NS(symbol, "EXPORTED_FOR_KUNIT_TESTING")
#else
#define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#endif
#else
#define VISIBLE_IF_KUNIT static
#define EXPORT_SYMBOL_IF_KUNIT(symbol)
#endif
#endif

#endif
