/* linux/shmem_fs.h as the Debian kernels write it (linux-headers 5.10.262, 6.1.192, 6.12.118, 7.3.4),
 * only shmem_mapping() and the inline shmem_file() that calls it (the rest of the header is not
 * carried: its exported functions are found in the export table as for any header outside the
 * prelude). With CONFIG_SHMEM (Debian's) shmem_mapping() is an extern function in 5.10.262,
 * 6.12.118 and 7.3.4 (exported, GPL, in 6.12.118 and 7.3.4; not exported in 5.10.262) and in
 * 6.1.192 an inline comparing with the exported shmem_aops (the changes between the profiles are
 * not dated here: guarded at 6.1 and 6.12). */
#ifndef __KSYMNS_LINUX_SHMEM_FS_H
#define __KSYMNS_LINUX_SHMEM_FS_H
#include <ksymns/release.h>
#include <linux/types.h>

struct file;
struct address_space;
struct address_space_operations;

#ifdef CONFIG_SHMEM
#if __KSYMNS_RELEASE >= 601 && __KSYMNS_RELEASE < 612
extern const struct address_space_operations shmem_aops;
static inline bool shmem_mapping(struct address_space *mapping)
{
	return mapping->a_ops == &shmem_aops;
}
#else
extern bool shmem_mapping(struct address_space *mapping);
#endif
#else
static inline bool shmem_mapping(struct address_space *mapping)
{
	return false;
}
#endif

static inline bool shmem_file(struct file *file)
{
	if (!IS_ENABLED(CONFIG_SHMEM))
		return false;
	if (!file || !file->f_mapping)
		return false;
	return shmem_mapping(file->f_mapping);
}

#endif
