/* linux/export.h, ending in the reader's markers instead of ksymtab asm. Structure as in
 * 5.4 (torvalds/linux v5.4 include/linux/export.h), Debian 5.10.223, 6.1.190, 6.12.113
 * (string DEFAULT_SYMBOL_NAMESPACE and EXPORT_SYMBOL_GPL_FOR_MODULES backported), 7.2.12,
 * 7.3.4. In every release the #ifdef DEFAULT_SYMBOL_NAMESPACE is evaluated when this file is
 * first included: a DEFAULT_SYMBOL_NAMESPACE defined afterwards does not apply, while its
 * value is read where EXPORT_SYMBOL is used. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H
#include <ksymns/release.h>
#include <linux/stringify.h>
#include <linux/compiler.h>

#ifndef THIS_MODULE
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif
#endif

#if defined(__DISABLE_EXPORTS) || (__KSYMNS_RELEASE < 605 && !defined(CONFIG_MODULES))
#define __ksymns_exp(macro, sym)
#define __ksymns_exp_default(macro, sym, ns)
#define __ksymns_exp_ns(macro, sym, ns)
#else
#define __ksymns_exp(macro, sym)		__ksymns_export(macro, sym)
#define __ksymns_exp_default(macro, sym, ns)	__ksymns_export_default(macro, sym, ns)
#define __ksymns_exp_ns(macro, sym, ns)		__ksymns_export_ns(macro, sym, ns)
#endif

#ifdef DEFAULT_SYMBOL_NAMESPACE
#define _EXPORT_SYMBOL(sym, macro)	__ksymns_exp_default(macro, sym, DEFAULT_SYMBOL_NAMESPACE)
#else
#define _EXPORT_SYMBOL(sym, macro)	__ksymns_exp(macro, sym)
#endif

#define EXPORT_SYMBOL(sym)		_EXPORT_SYMBOL(sym, EXPORT_SYMBOL)
#define EXPORT_SYMBOL_GPL(sym)		_EXPORT_SYMBOL(sym, EXPORT_SYMBOL_GPL)
#if __KSYMNS_RELEASE >= 504
#define EXPORT_SYMBOL_NS(sym, ns)	__ksymns_exp_ns(EXPORT_SYMBOL_NS, sym, ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__ksymns_exp_ns(EXPORT_SYMBOL_NS_GPL, sym, ns)
#endif

/* removed in 5.13 ("module: remove EXPORT_SYMBOL_GPL_FUTURE", "module: remove
 * EXPORT_UNUSED_SYMBOL*"); Debian's 5.10 has CONFIG_UNUSED_SYMBOLS unset */
#if __KSYMNS_RELEASE < 513
#define EXPORT_SYMBOL_GPL_FUTURE(sym)	_EXPORT_SYMBOL(sym, EXPORT_SYMBOL_GPL_FUTURE)
#ifdef CONFIG_UNUSED_SYMBOLS
#define EXPORT_UNUSED_SYMBOL(sym)	_EXPORT_SYMBOL(sym, EXPORT_UNUSED_SYMBOL)
#define EXPORT_UNUSED_SYMBOL_GPL(sym)	_EXPORT_SYMBOL(sym, EXPORT_UNUSED_SYMBOL_GPL)
#else
#define EXPORT_UNUSED_SYMBOL(sym)
#define EXPORT_UNUSED_SYMBOL_GPL(sym)
#endif
#endif

/* real: __EXPORT_SYMBOL(sym, "GPL", "module:" mods); Debian 6.12 backport, mainline 6.16;
 * renamed EXPORT_SYMBOL_FOR_MODULES in 6.17 */
#if __KSYMNS_RELEASE == 612 || __KSYMNS_RELEASE == 616
#define EXPORT_SYMBOL_GPL_FOR_MODULES(sym, mods) __ksymns_exp_ns(EXPORT_SYMBOL_GPL_FOR_MODULES, sym, mods)
#endif
#if __KSYMNS_RELEASE >= 617
#define EXPORT_SYMBOL_FOR_MODULES(sym, mods) __ksymns_exp_ns(EXPORT_SYMBOL_FOR_MODULES, sym, mods)
#endif

#endif
