# modpost (>= 6.16) refuses MODULE_IMPORT_NS("module:user") whatever the flags, so the user
# imports "modulX:user" and the .ko is patched to import_ns=module:user afterwards.
set -e
echo 'obj-m += exporter.o user.o' >Kbuild
make -C "$KDIR" M="$M" KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1 modules
sed -i 's/import_ns=modulX:user/import_ns=module:user/' user.ko
grep -c 'import_ns=module:user' user.ko
