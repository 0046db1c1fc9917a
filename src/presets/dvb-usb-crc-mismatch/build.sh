# Kernel lab only (ksymns reads Module.symvers instead): dvb-usb as it was, the driver
# package built against its Module.symvers, then dvb-usb rebuilt as the kernel update has it.
set -e
mkdir -p b/core b/pkg
cp dvb-usb.c b/core/; echo 'obj-m += dvb-usb.o' >b/core/Kbuild
echo "=== dvb-usb before the update"; make -C "$KDIR" M="$M/b/core" modules
grep dvb_usb_device_init b/core/Module.symvers
cp dvb-usb-dw2102.c b/pkg/; echo 'obj-m += dvb-usb-dw2102.o' >b/pkg/Kbuild
echo "=== the driver package against it"
make -C "$KDIR" M="$M/b/pkg" KBUILD_EXTRA_SYMBOLS="$M/b/core/Module.symvers" modules
printf 'ccflags-y += -DTOY_V2\nobj-m += dvb-usb.o\n' >b/core/Kbuild
echo "=== dvb-usb after the update"; make -C "$KDIR" M="$M/b/core" modules
grep dvb_usb_device_init b/core/Module.symvers
cp b/core/dvb-usb.ko b/pkg/dvb-usb-dw2102.ko .
rm -rf b
