# Each module in its own M= build, so modpost never sees both exports together.
set -e
for m in first second; do
    mkdir -p "b/$m"
    cp "$m.c" "b/$m/"
    echo "obj-m += $m.o" >"b/$m/Kbuild"
    echo "=== make -C \$KDIR M=<M>/b/$m modules"
    make -C "$KDIR" M="$M/b/$m" modules
    cp "b/$m/$m.ko" .
done
rm -rf b
