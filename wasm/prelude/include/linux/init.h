/* linux/init.h and the initcall half of linux/module.h (Debian 5.10.223 … 7.3.4): in a module
 * (MODULE) every initcall level is module_init(), which the prelude ends in the marker
 * __ksymns_module_init(fn); built in, module_init is a device_initcall. THIS_MODULE moved here
 * from export.h (6.12 has it here, 6.6 still in export.h). */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>

#define __init		__section(".init.text") __cold __latent_entropy
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")
#define __exitdata	__section(".exit.data")
#define __exit_call	__used __section(".exitcall.exit")
#ifdef MODULE
#define __exitused
#else
#define __exitused	__used
#endif
#define __exit		__section(".exit.text") __exitused __cold notrace
#define __ref		__section(".ref.text") noinline
#define __refdata	__section(".ref.data")
#define __meminit	__section(".meminit.text") __cold notrace __latent_entropy
#define __init_or_module
#define __initdata_or_module

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#ifndef THIS_MODULE
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif
#endif

#ifndef MODULE
#define ___define_initcall(fn, id, __sec) \
	static initcall_t __initcall_##fn##id __used __section(#__sec ".init") = fn;
#define __define_initcall(fn, id) ___define_initcall(fn, id, .initcall##id)
#define early_initcall(fn)		__define_initcall(fn, early)
#define pure_initcall(fn)		__define_initcall(fn, 0)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define core_initcall_sync(fn)		__define_initcall(fn, 1s)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define postcore_initcall_sync(fn)	__define_initcall(fn, 2s)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define arch_initcall_sync(fn)		__define_initcall(fn, 3s)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define subsys_initcall_sync(fn)	__define_initcall(fn, 4s)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define fs_initcall_sync(fn)		__define_initcall(fn, 5s)
#define rootfs_initcall(fn)		__define_initcall(fn, rootfs)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define device_initcall_sync(fn)	__define_initcall(fn, 6s)
#define late_initcall(fn)		__define_initcall(fn, 7)
#define late_initcall_sync(fn)		__define_initcall(fn, 7s)
#define __initcall(fn) device_initcall(fn)
#define __exitcall(fn) static exitcall_t __exitcall_##fn __exit_call = fn
#define module_init(x)	__initcall(x);
#define module_exit(x)	__exitcall(x);
#else
#define early_initcall(fn)		module_init(fn)
#define core_initcall(fn)		module_init(fn)
#define core_initcall_sync(fn)		module_init(fn)
#define postcore_initcall(fn)		module_init(fn)
#define postcore_initcall_sync(fn)	module_init(fn)
#define arch_initcall(fn)		module_init(fn)
#define subsys_initcall(fn)		module_init(fn)
#define subsys_initcall_sync(fn)	module_init(fn)
#define fs_initcall(fn)			module_init(fn)
#define fs_initcall_sync(fn)		module_init(fn)
#define rootfs_initcall(fn)		module_init(fn)
#define device_initcall(fn)		module_init(fn)
#define device_initcall_sync(fn)	module_init(fn)
#define late_initcall(fn)		module_init(fn)
#define late_initcall_sync(fn)		module_init(fn)
#define console_initcall(fn)		module_init(fn)
/* real: int init_module(void) __copy(initfn) __attribute__((alias(#initfn))); */
#define module_init(initfn)	__ksymns_module_init(initfn)
#define module_exit(exitfn)	__ksymns_module_exit(exitfn)
#endif

#endif
