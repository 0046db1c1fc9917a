# exporter built on its own; user built against exporter's Module.symvers concatenated with
# itself (KBUILD_EXTRA_SYMBOLS): every row twice. If modpost refuses, once more with
# KBUILD_MODPOST_WARN=1 to see whether a .ko can be had at all.
set -e
mkdir -p b/exp b/usr
cp exporter.c b/exp/; echo 'obj-m += exporter.o' >b/exp/Kbuild
echo "=== exporter"; make -C "$KDIR" M="$M/b/exp" modules
cat b/exp/Module.symvers b/exp/Module.symvers >b/twice.symvers
echo "=== the table given to the user's build:"; cat b/twice.symvers
cp user.c b/usr/; echo 'obj-m += user.o' >b/usr/Kbuild
echo "=== user, KBUILD_EXTRA_SYMBOLS=<twice.symvers>"
if ! make -C "$KDIR" M="$M/b/usr" KBUILD_EXTRA_SYMBOLS="$M/b/twice.symvers" modules; then
    echo "=== user again, KBUILD_MODPOST_WARN=1"
    make -C "$KDIR" M="$M/b/usr" KBUILD_EXTRA_SYMBOLS="$M/b/twice.symvers" KBUILD_MODPOST_WARN=1 modules || true
fi
cp b/exp/exporter.ko .
[ -f b/usr/user.ko ] && cp b/usr/user.ko .
rm -rf b
