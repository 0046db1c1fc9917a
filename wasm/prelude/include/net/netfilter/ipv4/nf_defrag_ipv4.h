/* net/netfilter/ipv4/nf_defrag_ipv4.h as the Debian kernels write it (linux-headers 5.10.262,
 * 6.1.192, 6.12.118, 7.3.4). nf_defrag_ipv4_disable(): 6.1.192 on, not in 5.10.262 (not dated
 * here: guarded at 6.1). */
#ifndef _NF_DEFRAG_IPV4_H
#define _NF_DEFRAG_IPV4_H
#include <ksymns/release.h>

struct net;
#if __KSYMNS_RELEASE >= 601
int nf_defrag_ipv4_enable(struct net *net);
void nf_defrag_ipv4_disable(struct net *net);
#else
int nf_defrag_ipv4_enable(struct net *);
#endif

#endif
