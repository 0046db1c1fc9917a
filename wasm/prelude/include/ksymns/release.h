/* The release the engine simulates, from the numbers it predefines for every run:
 * __KSYMNS_VERSION, __KSYMNS_PATCHLEVEL, __KSYMNS_SUBLEVEL (6, 12, 113 for Debian's 6.12.113).
 * Prelude headers test __KSYMNS_RELEASE (major*100+minor, the engine's release key, as in
 * wasm/assembly/kernel/versions.ts) so that no header but linux/version.h shows
 * LINUX_VERSION_CODE, as in the real kernels. */
#ifndef __KSYMNS_RELEASE_H
#define __KSYMNS_RELEASE_H
#if !defined(__KSYMNS_VERSION) || !defined(__KSYMNS_PATCHLEVEL) || !defined(__KSYMNS_SUBLEVEL)
#error "ksymns prelude: the engine must predefine __KSYMNS_VERSION, __KSYMNS_PATCHLEVEL and __KSYMNS_SUBLEVEL"
#endif
#define __KSYMNS_RELEASE (__KSYMNS_VERSION * 100 + __KSYMNS_PATCHLEVEL)
#endif
