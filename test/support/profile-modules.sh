#!/usr/bin/env bash
# Writes the module table of a real kernel, gzip'ed, as public/kernels/<profile>.modules.gz.
# One line a module, tab-separated:
#   name  path  modules.dep dependencies (space-separated)  depends (modinfo)  import_ns (comma-separated)  kind
# kind is empty for a loadable module; "builtin" for a modules.builtin entry (Debian ships the
# file up to 6.x: kmod calls such names builtin); "builtin-sysfs" for one that also has a
# /sys/module entry at boot; "sysfs" for a /sys/module entry of anything else built in (printk,
# or every built-in module on 7.x). SYSFS_LIST names the /sys/module entries (sysfs-builtins/). Needs the kernel's depmod'ed lib/modules/<release> tree (the kernel
# lab's cache has them) and kmod's modinfo.
#   profile-modules.sh /path/to/lib/modules/RELEASE SYSFS_LIST public/kernels/<profile>.modules.gz
set -euo pipefail
dir=$1 sysfs_list=$2 out=$3
name_of() { local b=${1##*/}; b=${b%%.ko*}; echo "${b//-/_}"; }
tmp=$(mktemp)
while IFS= read -r line; do
  mod=${line%%:*}
  deps=${line#*:}
  names=""
  for d in $deps; do names+="$(name_of "$d") "; done
  info=$(modinfo "$dir/$mod" 2>/dev/null || true)
  direct=$(printf '%s\n' "$info" | sed -n 's/^depends: *//p' | tr -d '\n' | tr '-' '_')
  imports=$(printf '%s\n' "$info" | sed -n 's/^import_ns: *//p' | paste -sd, -)
  path=${mod#kernel/}; path=${path%%.ko*}
  printf '%s\t%s\t%s\t%s\t%s\t\n' "$(name_of "$mod")" "$path" "${names% }" "$direct" "$imports"
done <"$dir/modules.dep" >"$tmp"
# built-in names: modules.builtin's (Debian ships it up to 6.x), marked when sysfs has them too,
# then the sysfs names that are no modules.builtin entry
sysfs=$(sort -u "$sysfs_list")
builtin=""
if [ -f "$dir/modules.builtin" ]; then
  while IFS= read -r mod; do
    n=$(name_of "$mod")
    builtin+="$n"$'\n'
    path=${mod#kernel/}; path=${path%%.ko*}
    kind=builtin
    grep -qx "$n" <<<"$sysfs" && kind=builtin-sysfs
    printf '%s\t%s\t\t\t\t%s\n' "$n" "$path" "$kind"
  done <"$dir/modules.builtin" >>"$tmp"
fi
for n in $sysfs; do
  grep -qx "$n" <<<"$builtin" || printf '%s\t\t\t\t\tsysfs\n' "$n"
done >>"$tmp"
gzip -9 -n -c "$tmp" >"$out"
rm -f "$tmp"
