/* linux/stddef.h (include/linux/stddef.h, include/uapi/linux/stddef.h) of Debian 5.10.223 …
 * 7.3.4: NULL, false/true, offsetof. */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H
#undef NULL
#define NULL ((void *)0)
enum {
	false	= 0,
	true	= 1
};
#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#endif
