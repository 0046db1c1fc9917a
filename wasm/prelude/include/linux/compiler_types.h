/* linux/compiler_types.h essentials (Debian 5.10.223 … 7.3.4, gcc, no sparse): the address
 * space annotations are empty outside __CHECKER__, notrace is no_instrument_function. */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H
#include <linux/compiler_attributes.h>

#define __user
#define __kernel
#define __iomem
#define __force
#define __nocast
#define __safe
#define __percpu
#define __rcu
#define __private
#define __chk_user_ptr(x)	(void)0
#define __chk_io_ptr(x)		(void)0
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		(void)0
#define __release(x)		(void)0
#define __cond_lock(x, c)	(c)

#define ___PASTE(a,b) a##b
#define __PASTE(a,b) ___PASTE(a,b)

#define notrace			__attribute__((__no_instrument_function__))
#define __latent_entropy
#define inline			inline __attribute__((__gnu_inline__)) __attribute__((__unused__)) notrace
#define __inline__		inline
#define __inline		inline
#define __noinline_for_stack	noinline
#define __compiler_offsetof(a, b)	__builtin_offsetof(a, b)

#endif
