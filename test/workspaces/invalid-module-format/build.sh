set -e
echo 'obj-m += solo.o' >Kbuild
make -C "$KDIR" M="$M" modules
printf 'this is not an ELF file\n' >junk.ko
