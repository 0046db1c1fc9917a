# as ddcci's top Makefile does (make -C ddcci; make -C ddcci-backlight), each an M= build;
# ddcci-backlight/Makefile sets KBUILD_EXTRA_SYMBOLS := $(src)/../ddcci/Module.symvers
set -e
echo "=== make -C \$KDIR M=<M>/ddcci modules"; make -C "$KDIR" M="$M/ddcci" modules
echo "=== make -C \$KDIR M=<M>/ddcci-backlight modules"; make -C "$KDIR" M="$M/ddcci-backlight" modules
