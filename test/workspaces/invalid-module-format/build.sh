set -e
mkdir -p b; cp solo.c b/; echo 'obj-m += solo.o' >b/Kbuild
make -C "$KDIR" M="$M/b" modules
cp b/solo.ko .; rm -rf b
printf 'this is not an ELF file\n' >junk.ko
