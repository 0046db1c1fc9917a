/* linux/version.h (include/generated/uapi/linux/version.h, written by the kernel's Makefile)
 * for the simulated release: Debian 5.10.223 has "#define LINUX_VERSION_CODE 330463" and no
 * LINUX_VERSION_MAJOR; Debian 6.1.190, 6.12.113, 7.2.12 and 7.3.4 add LINUX_VERSION_MAJOR,
 * _PATCHLEVEL and _SUBLEVEL (mainline 5.11, "kbuild: add LINUX_VERSION_MAJOR...", inferred).
 * KERNEL_VERSION clamps the sublevel to 255 as every Debian release here does. */
#include <ksymns/release.h>
#define LINUX_VERSION_CODE ((__KSYMNS_VERSION << 16) + (__KSYMNS_PATCHLEVEL << 8) + (__KSYMNS_SUBLEVEL > 255 ? 255 : __KSYMNS_SUBLEVEL))
#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#if __KSYMNS_RELEASE >= 511
#define LINUX_VERSION_MAJOR __KSYMNS_VERSION
#define LINUX_VERSION_PATCHLEVEL __KSYMNS_PATCHLEVEL
#define LINUX_VERSION_SUBLEVEL __KSYMNS_SUBLEVEL
#endif
