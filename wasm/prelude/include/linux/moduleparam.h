/* linux/moduleparam.h (Debian 5.10.223 … 7.3.4): module_param(x, int, …) references the
 * kernel's param_ops_int through its struct kernel_param, as the real one does, and
 * records parmtype/parm in .modinfo (the __ksymns_modinfo marker). MODULE_INFO lives here
 * from 7.2 (Debian 7.2.12), in module.h before; both are reachable through module.h. */
#ifndef _LINUX_MODULE_PARAMS_H
#define _LINUX_MODULE_PARAMS_H
#include <ksymns/release.h>
#include <linux/init.h>
#include <linux/stringify.h>

#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty */
#define __MODULE_INFO_PREFIX /* empty */
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#define __MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif

/* real: a static const char[] in .modinfo holding __MODULE_INFO_PREFIX #tag "=" info */
#define __MODULE_INFO(tag, name, info)	__ksymns_modinfo(tag, info)
#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)

#define __MODULE_PARM_TYPE(name, _type)	__MODULE_INFO(parmtype, name##type, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc)	__MODULE_INFO(parm, _parm, #_parm ":" desc)

struct kernel_param;
struct kernel_param_ops;
struct kparam_string;
struct kparam_array;

extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
#if __KSYMNS_RELEASE >= 513
extern const struct kernel_param_ops param_ops_hexint;
#endif
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_bool_enable_only;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_string;
extern const struct kernel_param_ops param_array_ops;

#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }
#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#if __KSYMNS_RELEASE >= 513
#define param_check_hexint(name, p)	param_check_uint(name, p)
#endif
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, _Bool)
#define param_check_bool_enable_only	param_check_bool
#define param_check_invbool(name, p)	__param_check(name, p, _Bool)

/* real: static struct kernel_param __param_<name> __used __section("__param") =
 * { __param_str_<name>, THIS_MODULE, ops, perm, level, flags, { arg } } */
#define __module_param_call(prefix, name, ops, arg, perm, level, flags) \
	static const void *const __param_##name[4] __used __section("__param") = \
		{ prefix #name, THIS_MODULE, (const void *)(ops), (const void *)(arg) }

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)
#define module_param_cb_unsafe(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 1)
#define module_param_named(name, value, type, perm) \
	param_check_##type(name, &(value)); \
	module_param_cb(name, &param_ops_##type, &value, perm); \
	__MODULE_PARM_TYPE(name, #type)
#define module_param_named_unsafe(name, value, type, perm) \
	param_check_##type(name, &(value)); \
	module_param_cb_unsafe(name, &param_ops_##type, &value, perm); \
	__MODULE_PARM_TYPE(name, #type)
#define module_param(name, type, perm)		module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm)	module_param_named_unsafe(name, name, type, perm)
#define module_param_string(name, string, len, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string, string, perm, -1, 0); \
	__MODULE_PARM_TYPE(name, "string")
/* real: a static struct kparam_array holding &param_ops_<type>, passed with &param_array_ops */
#define module_param_array_named(name, array, type, nump, perm) \
	param_check_##type(name, &(array)[0]); \
	static const void *const __param_arr_##name[2] = { &param_ops_##type, (array) }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, __param_arr_##name, perm, -1, 0); \
	__MODULE_PARM_TYPE(name, "array of " #type)
#define module_param_array(name, type, nump, perm) \
	module_param_array_named(name, name, type, nump, perm)
#define module_param_hw_named(name, value, type, hwtype, perm) \
	param_check_##type(name, &(value)); \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_##type, &value, perm, -1, 0); \
	__MODULE_PARM_TYPE(name, #type)
#define module_param_hw(name, type, hwtype, perm) module_param_hw_named(name, name, type, hwtype, perm)

#endif
