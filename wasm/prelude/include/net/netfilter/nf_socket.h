/* net/netfilter/nf_socket.h as the Debian kernels write it (linux-headers 5.10.262, 6.1.192,
 * 6.12.118, 7.3.4: the same in all), without its include (net/sock.h is not in the prelude). */
#ifndef _NF_SOCK_H_
#define _NF_SOCK_H_

struct net;
struct sk_buff;
struct net_device;
struct sock;

struct sock *nf_sk_lookup_slow_v4(struct net *net, const struct sk_buff *skb,
				  const struct net_device *indev);

struct sock *nf_sk_lookup_slow_v6(struct net *net, const struct sk_buff *skb,
				  const struct net_device *indev);

#endif
