/* linux/compiler_attributes.h essentials, as gcc builds of Debian 5.10.223 … 7.3.4 on x86_64
 * see them (GNU attributes kept as __attribute__((...))). __section takes a string since 5.10. */
#ifndef __LINUX_COMPILER_ATTRIBUTES_H
#define __LINUX_COMPILER_ATTRIBUTES_H
#include <ksymns/release.h>

#define __alias(symbol)			__attribute__((__alias__(#symbol)))
#define __aligned(x)			__attribute__((__aligned__(x)))
#define __aligned_largest		__attribute__((__aligned__))
#define __always_inline			inline __attribute__((__always_inline__))
#define __cold				__attribute__((__cold__))
#define __attribute_const__		__attribute__((__const__))
#define __copy(symbol)			__attribute__((__copy__(symbol)))
#define __deprecated
#define __gnu_inline			__attribute__((__gnu_inline__))
#define __malloc			__attribute__((__malloc__))
#define __mode(x)			__attribute__((__mode__(x)))
#define __must_check			__attribute__((__warn_unused_result__))
#define noinline			__attribute__((__noinline__))
#define __noreturn			__attribute__((__noreturn__))
#define __packed			__attribute__((__packed__))
#define __printf(a, b)			__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)			__attribute__((__format__(scanf, a, b)))
#define __pure				__attribute__((__pure__))
#if __KSYMNS_RELEASE >= 510
#define __section(section)		__attribute__((__section__(section)))
#else
#define __section(S)			__attribute__((__section__(#S)))
#endif
#define __always_unused			__attribute__((__unused__))
#define __maybe_unused			__attribute__((__unused__))
#define __used				__attribute__((__used__))
#define __weak				__attribute__((__weak__))
#define fallthrough			__attribute__((__fallthrough__))
#define noinline_for_stack		noinline

#endif
