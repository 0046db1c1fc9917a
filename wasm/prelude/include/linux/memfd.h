/* linux/memfd.h as the Debian kernels write it (linux-headers 5.10.262, 6.1.192, 6.12.118, 6.16.12,
 * 6.19.14, 7.1.13, 7.3.4): memfd_fcntl() is an extern function, not exported to modules, with
 * CONFIG_MEMFD_CREATE (Debian's), a static inline returning -EINVAL without it.
 * Changes between 6.1.192 and 6.12.118 (not dated here; guarded at 6.12): memfd_fcntl's arg
 * became unsigned int, memfd_file_seals_ptr() and the inline memfd_file_seals() went,
 * memfd_alloc_folio(), memfd_check_seals_mmap() and the inline memfd_check_seals_mode() came.
 * memfd_check_seals_mode() is gone by 6.16.12; memfd_alloc_file() is in 6.19.14 on (not 6.18.15);
 * memfd_get_seals() and memfd_add_seals() in 7.1.13 on (not 7.0.13). Types as 6.12.118 writes
 * them (F_SEAL_EXEC is 0x0020, EINVAL 22). */
#ifndef __KSYMNS_LINUX_MEMFD_H
#define __KSYMNS_LINUX_MEMFD_H
#include <ksymns/release.h>
#include <linux/types.h>

struct file;
struct folio;

#if __KSYMNS_RELEASE >= 612 && __KSYMNS_RELEASE < 616
static inline int memfd_check_seals_mode(unsigned int seals, umode_t old_mode, umode_t new_mode)
{
	if ((seals & 0x0020) && ((old_mode ^ new_mode) & 0111))
		return -1;
	return 0;
}
#endif

#ifdef CONFIG_MEMFD_CREATE
#if __KSYMNS_RELEASE >= 612
extern long memfd_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
struct folio *memfd_alloc_folio(struct file *memfd, unsigned long idx);
int memfd_check_seals_mmap(struct file *file, unsigned long *vm_flags_ptr);
#else
extern long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
unsigned int *memfd_file_seals_ptr(struct file *file);
#endif
#if __KSYMNS_RELEASE >= 619
struct file *memfd_alloc_file(const char *name, unsigned int flags);
#endif
#if __KSYMNS_RELEASE >= 701
int memfd_get_seals(struct file *file);
int memfd_add_seals(struct file *file, unsigned int seals);
#endif
#else
#if __KSYMNS_RELEASE >= 612
static inline long memfd_fcntl(struct file *f, unsigned int c, unsigned int a)
{
	return -22;
}
static inline struct folio *memfd_alloc_folio(struct file *memfd, unsigned long idx)
{
	return (struct folio *)(long)-22;
}
static inline int memfd_check_seals_mmap(struct file *file, unsigned long *vm_flags_ptr)
{
	return 0;
}
#else
static inline long memfd_fcntl(struct file *f, unsigned int c, unsigned long a)
{
	return -22;
}
static inline unsigned int *memfd_file_seals_ptr(struct file *file)
{
	return (unsigned int *)0;
}
#endif
#if __KSYMNS_RELEASE >= 619
static inline struct file *memfd_alloc_file(const char *name, unsigned int flags)
{
	return (struct file *)(long)-22;
}
#endif
#if __KSYMNS_RELEASE >= 701
static inline int memfd_get_seals(struct file *file)
{
	return -22;
}
static inline int memfd_add_seals(struct file *file, unsigned int seals)
{
	return -22;
}
#endif
#endif

#if __KSYMNS_RELEASE < 612
/* Retrieve memfd seals associated with the file, if any. */
static inline unsigned int memfd_file_seals(struct file *file)
{
	unsigned int *sealsp = memfd_file_seals_ptr(file);

	return sealsp ? *sealsp : 0;
}
#endif

#endif
