# exporter built on its own; user_a and user_b built without knowing toy_get (KBUILD_MODPOST_WARN=1).
set -e
mkdir -p b/exp b/usr
cp exporter.c b/exp/; echo 'obj-m += exporter.o' >b/exp/Kbuild
echo "=== exporter"; make -C "$KDIR" M="$M/b/exp" modules
cp user_a.c user_b.c b/usr/; echo 'obj-m += user_a.o user_b.o' >b/usr/Kbuild
echo "=== user_a, user_b, toy_get unknown to modpost"
make -C "$KDIR" M="$M/b/usr" KBUILD_MODPOST_WARN=1 modules
cp b/exp/exporter.ko b/usr/user_a.ko b/usr/user_b.ko .
rm -rf b
