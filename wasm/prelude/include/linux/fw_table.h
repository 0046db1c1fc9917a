/* linux/fw_table.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * EXPORT_SYMBOL_FWTBL_LIB exports into CXL (Debian 6.12.113 identifier, 7.2.12 string; not in 6.1.190; 6.8, inferred). */
#ifndef __KSYMNS_LINUX_FW_TABLE_H
#define __KSYMNS_LINUX_FW_TABLE_H
#include <ksymns/release.h>
#include <linux/module.h>

#if __KSYMNS_RELEASE >= 613
#define EXPORT_SYMBOL_FWTBL_LIB(x) EXPORT_SYMBOL_NS_GPL(x, "CXL")
#elif __KSYMNS_RELEASE >= 608
#define EXPORT_SYMBOL_FWTBL_LIB(x) EXPORT_SYMBOL_NS_GPL(x, CXL)
#endif

#endif
