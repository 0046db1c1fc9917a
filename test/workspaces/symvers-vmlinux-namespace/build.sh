# modpost reads the kernel's table from $KDIR/Module.symvers. Build against a copy of $KDIR
# whose table gives the vmlinux symbol msleep the namespace TOY_VM (a row the running kernel's
# own export table cannot have): user_imp imports TOY_VM, user_noimp does not.
set -e
K=/usr/src/klab-kdir-copy.$$
rm -rf "$K"; cp -a "$KDIR" "$K"
trap 'rm -rf "$K"' EXIT
awk -F'\t' 'BEGIN{OFS="\t"} $2=="msleep" && $3=="vmlinux" {$5="TOY_VM"} {print}' "$KDIR/Module.symvers" >"$K/Module.symvers"
echo "=== the changed row:"; grep -P '\tmsleep\t' "$K/Module.symvers"
mkdir -p b; cp user_imp.c user_noimp.c b/; echo 'obj-m += user_imp.o user_noimp.o' >b/Kbuild
echo "=== make -C <KDIR copy> M=<M>/b modules"
if ! make -C "$K" M="$M/b" modules; then
    echo "=== again with KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1"
    make -C "$K" M="$M/b" KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1 modules || true
fi
for m in user_imp user_noimp; do [ -f b/$m.ko ] && cp b/$m.ko .; done
rm -rf b
