/* net/netfilter/ipv6/nf_defrag_ipv6.h as the Debian kernels write it (linux-headers 5.10.262,
 * 6.1.192, 6.12.118, 7.3.4), without its includes (linux/skbuff.h is not in the prelude).
 * nf_defrag_ipv6_disable() and struct nft_ct_frag6_pernet: 6.1.192 on, not in 5.10.262 (not
 * dated here: guarded at 6.1). */
#ifndef _NF_DEFRAG_IPV6_H
#define _NF_DEFRAG_IPV6_H
#include <ksymns/release.h>
#include <linux/types.h>

struct net;
struct sk_buff;

#if __KSYMNS_RELEASE >= 601
int nf_defrag_ipv6_enable(struct net *net);
void nf_defrag_ipv6_disable(struct net *net);
#else
int nf_defrag_ipv6_enable(struct net *);
#endif

int nf_ct_frag6_init(void);
void nf_ct_frag6_cleanup(void);
int nf_ct_frag6_gather(struct net *net, struct sk_buff *skb, u32 user);

struct inet_frags_ctl;

#if __KSYMNS_RELEASE >= 601
struct nft_ct_frag6_pernet {
	struct ctl_table_header *nf_frag_frags_hdr;
	struct fqdir	*fqdir;
};
#endif

#endif
