# modpost refuses a module exporting a vmlinux symbol ("exported twice"), so export
# xnput_event (same length) and rename it to input_event in the finished .ko.
set -e
echo 'obj-m += dupvm.o' >Kbuild
make -C "$KDIR" M="$M" modules
grep -c xnput_event dupvm.ko
sed -i 's/xnput_event/input_event/g' dupvm.ko
echo "renamed xnput_event -> input_event in dupvm.ko"
