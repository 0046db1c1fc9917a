#!/usr/bin/env bash
# Writes the in-tree module table of a real kernel (one line a module:
# name<TAB>path<TAB>modules.dep dependencies<TAB>direct depends from modinfo), gzip'ed,
# as public/kernels/<profile>.modules.gz. Needs a kernel's lib/modules/<release> tree
# (from the kernel lab's cache or `ksymns`' corpus download) and kmod's modinfo.
#   profile-modules.sh /path/to/lib/modules/RELEASE public/kernels/debian-6.12.113-amd64.modules.gz
set -euo pipefail
dir=$1 out=$2
name_of() { local b=${1##*/}; b=${b%%.ko*}; echo "${b//-/_}"; }
tmp=$(mktemp)
while IFS= read -r line; do
  mod=${line%%:*}
  deps=${line#*:}
  names=""
  for d in $deps; do names+="$(name_of "$d") "; done
  direct=$(modinfo -F depends "$dir/$mod" 2>/dev/null | tr -d '\n' | tr '-' '_')
  path=${mod#kernel/}; path=${path%%.ko*}
  printf '%s\t%s\t%s\t%s\n' "$(name_of "$mod")" "$path" "${names% }" "$direct"
done <"$dir/modules.dep" >"$tmp"
gzip -9 -n -c "$tmp" >"$out"
rm -f "$tmp"
