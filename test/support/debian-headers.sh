#!/usr/bin/env bash
# debian-headers SERIES: downloads Debian's linux-headers-*-common and -amd64 of a kernel series
# through a private apt state (the system's apt configuration is left alone) and unpacks them
# under ${KSYMNS_PRELUDE_CACHE:-$HOME/.cache/ksymns-prelude}/x. Prints the two header folders.
#   SERIES: 5.10 | 6.1 | 6.12 | 7.2 | 7.3
set -euo pipefail
series=$1
cache=${KSYMNS_PRELUDE_CACHE:-$HOME/.cache/ksymns-prelude}
case $series in
  5.10) suite=bullseye;          re='^linux-headers-5\.10\.0-[0-9]+-common$' ;;
  6.1)  suite=bookworm-security; re='^linux-headers-6\.1\.0-[0-9]+-common$' ;;
  6.12) suite=bookworm-security; re='^linux-headers-6\.12\.[0-9]+\+deb12-common$' ;;
  7.2)  suite=trixie-backports;  re='^linux-headers-7\.2\.[0-9]+\+deb13-common$' ;;
  7.3)  suite=trixie-backports;  re='^linux-headers-7\.3\.[0-9]+\+deb13-common$' ;;
  *) echo "debian-headers: unknown series '$series'" >&2; exit 2 ;;
esac
state=$cache/apt/$suite
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$cache/debs" "$cache/x"
base=debian; [[ $suite == *-security ]] && base=debian-security
[[ -f $state/sources.list ]] || echo "deb http://deb.debian.org/$base $suite main" > "$state/sources.list"
opts=(-o "Dir::Etc::sourcelist=$state/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache")
pick() { apt-cache "${opts[@]}" pkgnames linux-headers- 2>/dev/null | grep -E "$re" | sort -V | tail -n 1; }
common=$(pick || true)
if [[ -z $common ]]; then apt-get "${opts[@]}" update -qq >/dev/null 2>&1 || true; common=$(pick || true); fi
[[ -n $common ]] || { echo "debian-headers: nothing matches $re in $suite" >&2; exit 1; }
amd64=${common%-common}-amd64
if [[ ! -d $cache/x/usr/src/$common || ! -d $cache/x/usr/src/$amd64 ]]; then
  ( cd "$cache/debs" && apt-get "${opts[@]}" download -qq "$common" "$amd64" >/dev/null 2>&1 ) || { echo "debian-headers: download failed" >&2; exit 1; }
  for d in "$cache/debs/${common}"_*.deb "$cache/debs/${amd64}"_*.deb; do dpkg -x "$d" "$cache/x"; done
fi
echo "$cache/x/usr/src/$common"
echo "$cache/x/usr/src/$amd64"
