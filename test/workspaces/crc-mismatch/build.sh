# exporter v1 (int toy_get(void)); user built against it; exporter rebuilt as v2 (long toy_get(int)).
set -e
mkdir -p b/exp b/usr
cp exporter.c b/exp/; echo 'obj-m += exporter.o' >b/exp/Kbuild
echo "=== exporter v1"; make -C "$KDIR" M="$M/b/exp" modules
grep toy_get b/exp/Module.symvers
cp user.c b/usr/; echo 'obj-m += user.o' >b/usr/Kbuild
echo "=== user against exporter v1"
make -C "$KDIR" M="$M/b/usr" KBUILD_EXTRA_SYMBOLS="$M/b/exp/Module.symvers" modules
printf 'ccflags-y += -DTOY_V2\nobj-m += exporter.o\n' >b/exp/Kbuild
echo "=== exporter v2"; make -C "$KDIR" M="$M/b/exp" modules
grep toy_get b/exp/Module.symvers
cp b/exp/exporter.ko b/usr/user.ko .
rm -rf b
