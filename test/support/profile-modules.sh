#!/usr/bin/env bash
# Writes the module table of a real kernel, gzip'ed, as public/kernels/<profile>.modules.gz.
# One line a module, tab-separated:
#   name  path  modules.dep dependencies (space-separated)  depends (modinfo)  import_ns (comma-separated)  kind  [softdep]
# softdep, only on modules that have one: the first modules.softdep line's text after the name
# (kmod 30 reads only a module's first softdep line), e.g. "pre: crc32c".
# kind is empty for a loadable module; "builtin" for a modules.builtin entry (Debian ships the
# file up to 6.x: kmod calls such names builtin); "builtin-sysfs" for one that also has a
# /sys/module entry at boot; "sysfs" for a /sys/module entry of anything else built in (printk,
# or every built-in module on 7.x); "alias" for a name a softdep gives that is no module's, its
# seventh field the modules kmod resolves it to (`modprobe --resolve-alias`, in its order), names
# with '-' as '_' as kmod looks them up. SYSFS_LIST names the /sys/module entries (sysfs-builtins/). Needs the kernel's depmod'ed lib/modules/<release> tree (the kernel
# lab's cache has them) and kmod's modinfo.
#   profile-modules.sh /path/to/lib/modules/RELEASE SYSFS_LIST public/kernels/<profile>.modules.gz
set -euo pipefail
dir=$1 sysfs_list=$2 out=$3
name_of() { local b=${1##*/}; b=${b%%.ko*}; echo "${b//-/_}"; }
release=${dir%/}; release=${release##*/}
root=${dir%/}; root=${root%/lib/modules/*}
# each module's first softdep line (kmod_module_get_softdeps() stops at the first match)
declare -A softdep=()
if [ -f "$dir/modules.softdep" ]; then
  while read -r word mod rest; do
    [ "$word" = softdep ] || continue
    mod=${mod//-/_}
    [ -n "${softdep[$mod]+set}" ] || softdep[$mod]=$rest
  done <"$dir/modules.softdep"
fi
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
  name=$(name_of "$mod")
  if [ -n "${softdep[$name]+set}" ]; then
    printf '%s\t%s\t%s\t%s\t%s\t\t%s\n' "$name" "$path" "${names% }" "$direct" "$imports" "${softdep[$name]}"
  else
    printf '%s\t%s\t%s\t%s\t%s\t\n' "$name" "$path" "${names% }" "$direct" "$imports"
  fi
done <"$dir/modules.dep" >"$tmp"
# the names softdeps give (after pre: or post:) that are no module: what kmod resolves them to
modnames=$(cut -f1 "$tmp" | sort -u)
for spec in "${softdep[@]}"; do
  mode=""
  for w in $spec; do
    case $w in
      pre: | post:) mode=$w ;;
      *) if [ -n "$mode" ]; then echo "$w"; fi ;;
    esac
  done
done | sort -u | while IFS= read -r want; do
  n=${want//-/_}
  if grep -qx "$n" <<<"$modnames"; then continue; fi
  mods=$(modprobe -d "$root" -S "$release" -C /dev/null --resolve-alias "$want" 2>/dev/null | paste -sd' ' -) || true
  if [ -n "$mods" ]; then printf '%s\t\t\t\t\talias\t%s\n' "$n" "$mods"; fi
done >>"$tmp"
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
