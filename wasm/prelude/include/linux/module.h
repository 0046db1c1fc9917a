/* linux/module.h (Debian 5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4): the MODULE_* tags end
 * in the reader's markers (__ksymns_license, __ksymns_modinfo, __ksymns_import_ns);
 * MODULE_DEVICE_TABLE is the alias declaration modpost reads, no symbol reference. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <ksymns/release.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>

struct module;

#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	MODULE_INFO(softdep, _softdep)
/* mainline 6.11 ("module: create weak dependecies"); in Debian 6.12, not 6.1 */
#if __KSYMNS_RELEASE >= 611
#define MODULE_WEAKDEP(_weakdep)	MODULE_INFO(weakdep, _weakdep)
#endif
#ifdef MODULE
#define MODULE_FILE
#else
#define MODULE_FILE	MODULE_INFO(file, KBUILD_MODFILE);
#endif
/* real: MODULE_FILE MODULE_INFO(license, _license) */
#define MODULE_LICENSE(_license)	MODULE_FILE __ksymns_license(_license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_FIRMWARE(_firmware)	MODULE_INFO(firmware, _firmware)
#if defined(MODULE) || !defined(CONFIG_SYSFS)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#else
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#endif
/* removed in 5.12 ("remove MODULE_SUPPORTED_DEVICE"); an empty macro in 5.10 */
#if __KSYMNS_RELEASE < 512
#define MODULE_SUPPORTED_DEVICE(name)
#endif

/* 5.4 … 6.0: MODULE_INFO(import_ns, #ns); 6.1 … 6.12: __stringify(ns); 6.13: a string,
 * MODULE_INFO(import_ns, ns) */
#if __KSYMNS_RELEASE >= 504
#define MODULE_IMPORT_NS(ns)		__ksymns_import_ns(ns)
#endif

#ifdef MODULE
#if __KSYMNS_RELEASE >= 702
/* Debian 7.2.12, 7.3.4: static typeof(name) __mod_device_table__kmod_<modname>__<type>__<name> */
#define MODULE_DEVICE_TABLE(type, name) \
static typeof(name) __PASTE(__mod_device_table__, __PASTE(type, __PASTE(__, name))) \
  __attribute__ ((used, alias(__stringify(name))))
#else
#define MODULE_DEVICE_TABLE(type, name) \
extern typeof(name) __mod_##type##__##name##_device_table \
  __attribute__ ((unused, alias(__stringify(name))))
#endif
#else
#define MODULE_DEVICE_TABLE(type, name)
#endif

#define request_module(mod...) __request_module(1, mod)
extern __printf(2, 3) int __request_module(_Bool wait, const char *name, ...);
extern void __module_get(struct module *module);
extern _Bool try_module_get(struct module *module);
extern void module_put(struct module *module);
#define symbol_get(x) ((typeof(&x))(__symbol_get(__stringify(x))))
#define symbol_put(x) __symbol_put(__stringify(x))
extern void *__symbol_get(const char *symbol);
extern void __symbol_put(const char *symbol);

#endif
