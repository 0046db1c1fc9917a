# modpost refuses a module exporting a vmlinux symbol ("exported twice"), so export
# xnput_event (same length) and rename it to input_event in the finished .ko.
set -e
mkdir -p b; cp dupvm.c b/; echo 'obj-m += dupvm.o' >b/Kbuild
make -C "$KDIR" M="$M/b" modules
cp b/dupvm.ko .; rm -rf b
grep -c xnput_event dupvm.ko
sed -i 's/xnput_event/input_event/g' dupvm.ko
echo "renamed xnput_event -> input_event in dupvm.ko"
