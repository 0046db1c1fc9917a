# modpost (>= 6.16) refuses MODULE_IMPORT_NS("module:user") whatever the flags, so the user
# imports "modulX:user" and the .ko is patched to import_ns=module:user afterwards.
set -e
mkdir -p b; cp exporter.c user.c b/; echo 'obj-m += exporter.o user.o' >b/Kbuild
make -C "$KDIR" M="$M/b" KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1 modules
cp b/exporter.ko b/user.ko .; rm -rf b
sed -i 's/import_ns=modulX:user/import_ns=module:user/' user.ko
grep -c 'import_ns=module:user' user.ko
