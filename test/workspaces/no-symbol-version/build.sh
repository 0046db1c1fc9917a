# exporter built on its own; user built without knowing toy_get (KBUILD_MODPOST_WARN=1), so no __versions entry.
set -e
mkdir -p b/exp b/usr
cp exporter.c b/exp/; echo 'obj-m += exporter.o' >b/exp/Kbuild
echo "=== exporter"; make -C "$KDIR" M="$M/b/exp" modules
cp user.c b/usr/; echo 'obj-m += user.o' >b/usr/Kbuild
echo "=== user, toy_get unknown to modpost"
make -C "$KDIR" M="$M/b/usr" KBUILD_MODPOST_WARN=1 modules
cp b/exp/exporter.ko b/usr/user.ko .
rm -rf b
