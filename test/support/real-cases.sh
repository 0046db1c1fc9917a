#!/usr/bin/env bash
# Writes the golden cases made of real, unmodified driver sources (issue 11's proof) into
# test/workspaces/: files copied whole from Debian's linux-source-6.12 and from Debian's DKMS /
# source packages (fetched by test/support/kernel-source.ts and ground-truth.ts into the cache),
# plus the Kbuild/load/README/PENDING each case needs. The lab recordings are made afterwards:
#   kernel-lab/run CASE --kernel K --tag K   for each case and kernel (run-all would also take
#   each case's engine/ folder for a case, since it holds a load file)
#   test/support/real-cases.sh [CACHE]     (CACHE: $KSYMNS_CORPUS or ~/.cache/ksymns/corpus)
set -euo pipefail
cache=${1:-${KSYMNS_CORPUS:-$HOME/.cache/ksymns/corpus}}
ws=$(cd "$(dirname "$0")/../workspaces" && pwd)
S=$cache/source/linux-source-6.12_6.12.118-1~deb12u1/linux-source-6.12
D=$cache/ground-truth/drivers
SRCPKG="Debian linux-source-6.12 6.12.118-1~deb12u1 (bookworm-security)"
[ -f "$S/Makefile" ] || { echo "no $S: run npx tsx test/support/kernel-source.ts 6.12 6.12.118-1~deb12u1" >&2; exit 1; }

# case NAME PENDING-REASON: (re)write a case folder's inputs; recordings and PENDING are kept
case_dir() {
  local d=$ws/$1
  mkdir -p "$d"
  find "$d" -maxdepth 1 -type f ! -name 'transcript-*' ! -name 'build-*.log' ! -name PENDING -delete
  # only a new case gets PENDING: on a recorded one the lead may have removed it
  compgen -G "$d/transcript-*.json" >/dev/null || [ -f "$d/PENDING" ] || echo "$2" >"$d/PENDING"
  echo "$d"
}
tree() { cp "$S/$1" "$2/${3:-$(basename "$1")}"; }

# 1. kvmfr: MODULE_IMPORT_NS(DMA_BUF) guarded by LINUX_VERSION_CODE on both sides of 6.13
d=$(case_dir real-kvmfr-import-guard "the engine does not evaluate #if LINUX_VERSION_CODE >= KERNEL_VERSION(6,13,0) (reads both MODULE_IMPORT_NS forms) nor #ifdef CONFIG_AMD_MEM_ENCRYPT")
cp "$D/kvmfr_0+b7+ds1-1/looking-glass-B7/module/kvmfr.c" "$D/kvmfr_0+b7+ds1-1/looking-glass-B7/module/kvmfr.h" "$d/"
echo 'obj-m += kvmfr.o' >"$d/Kbuild"
printf 'insmod kvmfr.ko\nlsmod\nrmmod kvmfr\n' >"$d/load"
cat >"$d/README" <<T
looking-glass kvmfr (B7): MODULE_IMPORT_NS("DMA_BUF") under #if LINUX_VERSION_CODE >= KERNEL_VERSION(6,13,0), MODULE_IMPORT_NS(DMA_BUF) under #elif >= 5.16, #ifdef CONFIG_AMD_MEM_ENCRYPT
T
cat >>"$d/README" <<T
kvmfr.c, kvmfr.h: whole and unmodified, from module/ of Debian's source package looking-glass
0+b7+ds1-1 (sid; upstream tarball looking-glass_0+b7+ds1.orig.tar.xz), i.e. upstream
https://github.com/gnif/LookingGlass tag B7, module/. Licence: GPL-2.0 (MODULE_LICENSE("GPL v2"),
the project's LICENSE is GPL-2.0). Kbuild: the kbuild line of module/Makefile (obj-m += kvmfr.o);
its user-space targets (load, test) are left out.
T

# 2. pwm-dwc: the local header pwm-dwc.h carries MODULE_IMPORT_NS(dwc_pwm); <linux/pwm.h> carries MODULE_IMPORT_NS(PWM)
d=$(case_dir real-pwm-dwc-header-import "the engine ignores #include: the imports that pwm-dwc.h (dwc_pwm) and <linux/pwm.h> (PWM) carry are missed, and module_pci_driver's calls are not uses")
for f in pwm-dwc-core.c pwm-dwc.c pwm-dwc.h; do tree drivers/pwm/$f "$d"; done
printf 'obj-m += pwm-dwc-core.o\nobj-m += pwm-dwc.o\n' >"$d/Kbuild"
printf 'insmod pwm-dwc-core.ko\ninsmod pwm-dwc.ko\nlsmod\n' >"$d/load"
echo "drivers/pwm/pwm-dwc*: the import of dwc_pwm comes from the local header pwm-dwc.h, the import of PWM from include/linux/pwm.h; module_pci_driver" >"$d/README"
cat >>"$d/README" <<T
pwm-dwc-core.c, pwm-dwc.c, pwm-dwc.h: whole and unmodified from drivers/pwm of $SRCPKG.
Licence GPL-2.0 (SPDX lines). Kbuild: drivers/pwm/Makefile's two lines with CONFIG_PWM_DWC_CORE
and CONFIG_PWM_DWC replaced by m (Debian's .config leaves both unset).
T

# 3. pwm-lpss: namespace PWM_LPSS by DEFAULT_SYMBOL_NAMESPACE, module_platform_driver / module_pci_driver, real Makefile lines
d=$(case_dir real-pwm-lpss-helpers "the engine does not take CONFIG_PWM_LPSS_PCI (unset on Debian) from the profile's full .config, misses module_platform_driver/module_pci_driver calls and <linux/pwm.h>'s MODULE_IMPORT_NS(PWM)")
for f in pwm-lpss.c pwm-lpss.h pwm-lpss-pci.c pwm-lpss-platform.c; do tree drivers/pwm/$f "$d"; done
grep -E 'PWM_LPSS' "$S/drivers/pwm/Makefile" >"$d/Kbuild"
printf 'insmod pwm-lpss.ko\ninsmod pwm-lpss-platform.ko\nlsmod\n' >"$d/load"
echo "drivers/pwm/pwm-lpss*: EXPORT_SYMBOL_GPL in namespace PWM_LPSS (DEFAULT_SYMBOL_NAMESPACE), importers registered with module_platform_driver/module_pci_driver; pwm-lpss-pci is CONFIG_PWM_LPSS_PCI, unset on Debian" >"$d/README"
cat >>"$d/README" <<T
pwm-lpss.c, pwm-lpss.h, pwm-lpss-pci.c, pwm-lpss-platform.c: whole and unmodified from
drivers/pwm of $SRCPKG. Licence GPL-2.0 (SPDX). Kbuild: the three PWM_LPSS lines of
drivers/pwm/Makefile, verbatim (their CONFIG_ values come from the kernel's .config).
T

# 4. usb-storage: the real Makefile (composite usb-storage-y, ums-*-y, ccflags DEFAULT_SYMBOL_NAMESPACE), module_usb_stor_driver
d=$(case_dir real-usb-storage-composite "the engine refuses the real drivers/usb/storage Makefile (composite usb-storage-y, ums-*-y), does not read sources through #include of local headers (usb.h, debug.h, unusual_devs.h), and names the file usb_storage.ko")
rm -rf "$d/a" "$d/scsi"
for f in "$S"/drivers/usb/storage/*.[ch]; do cp "$f" "$d/"; done
cp "$S/drivers/usb/storage/Makefile" "$d/Makefile"
mkdir -p "$d/scsi" "$d/a/b"; cp "$S/drivers/scsi/sd.h" "$d/scsi/"
echo 'transport.c includes "../../scsi/sd.h": this -I folder makes that path reach ../scsi/sd.h of this case' >"$d/a/b/README"
printf 'include $(src)/Makefile\nccflags-y += -I$(src)/a/b\n' >"$d/Kbuild"
printf 'modprobe scsi_mod\nmodprobe usbcore\ninsmod usb-storage.ko\ninsmod ums-karma.ko\ninsmod uas.ko\nlsmod\nrmmod ums-karma\nrmmod usb-storage\n' >"$d/load"
echo "drivers/usb/storage with its real Makefile: composite usb-storage.ko, ums-* importing USB_STORAGE, uas; module_usb_stor_driver / module_usb_driver" >"$d/README"
cat >>"$d/README" <<T
Every *.c and *.h of drivers/usb/storage and its Makefile, whole and unmodified, from
$SRCPKG; scsi/sd.h is drivers/scsi/sd.h of the same tree. Licence GPL-2.0 (SPDX).
The Kbuild is ours: it includes the real Makefile and adds -I\$(src)/a/b, because transport.c
includes "../../scsi/sd.h", a path outside an out-of-tree module folder (a/b/../../scsi/sd.h is
this case's scsi/sd.h). Which modules build comes from the kernel's .config (CONFIG_USB_UAS,
CONFIG_USB_STORAGE_*).
T

# 5. 6fire: composite module, local headers, members named like exported symbols (->complete, ->panic)
d=$(case_dir real-6fire-member-access "the engine counts urb->complete and rt->panic as uses of the exported symbols complete and panic, refuses the composite snd-usb-6fire-y, and misses module_usb_driver's calls")
for f in "$S"/sound/usb/6fire/*.[ch]; do cp "$f" "$d/"; done
cp "$S/sound/usb/6fire/Makefile" "$d/Makefile"
printf 'modprobe snd-pcm\nmodprobe snd-rawmidi\nmodprobe usbcore\ninsmod snd-usb-6fire.ko\nlsmod\n' >"$d/load"
echo "sound/usb/6fire: composite snd-usb-6fire, local headers; urb->complete and rt->panic are members, not uses of the exported complete/panic" >"$d/README"
cat >>"$d/README" <<T
Every file of sound/usb/6fire (C, headers, Makefile), whole and unmodified, from $SRCPKG.
Licence GPL-2.0-or-later / GPL-2.0-only (SPDX lines).
T

# 6. sound/usb subfolders: obj-m += line6/ caiaq/ hiface/ (real sub-Makefiles), headers one level up
d=$(case_dir real-sound-usb-subdirs "the engine does not read obj-m += sub/ nor sources in subfolders, nor the composite and CONFIG-conditional objects of the sub-Makefiles (snd-usb-caiaq-\$(CONFIG_SND_USB_CAIAQ_INPUT) += input.o)")
rm -rf "$d/line6" "$d/caiaq" "$d/hiface"
for sub in line6 caiaq hiface; do cp -r "$S/sound/usb/$sub" "$d/$sub"; done
cp "$S/sound/usb/usbaudio.h" "$S/sound/usb/midi.h" "$d/"
printf 'obj-m += line6/\nobj-m += caiaq/\nobj-m += hiface/\n' >"$d/Kbuild"
printf 'modprobe snd-pcm\nmodprobe snd-rawmidi\nmodprobe snd-hwdep\nmodprobe usbcore\ninsmod snd-usb-line6.ko\ninsmod snd-usb-pod.ko\ninsmod snd-usb-caiaq.ko\ninsmod snd-usb-hiface.ko\nlsmod\n' >"$d/load"
echo "sound/usb/{line6,caiaq,hiface} as subfolders of one M= build: real sub-Makefiles, composite modules, line6 exports used by snd-usb-pod" >"$d/README"
cat >>"$d/README" <<T
Lab note: kernel-lab's run looks for each modules.order entry as <M>/NAME.ko at the top of the
folder only, so its transcript header says "NOT BUILT" (and runs pass 2) for these subfolder
modules although plain make built them (build log) and insmod loads them (transcript).
T
cat >>"$d/README" <<T
sound/usb/line6, sound/usb/caiaq, sound/usb/hiface (every file) and sound/usb/usbaudio.h,
sound/usb/midi.h (included as "../usbaudio.h" by caiaq/device.h), whole and unmodified, from
$SRCPKG. Licence GPL-2.0 (SPDX). The top Kbuild is ours (obj-m += line6/ caiaq/ hiface/;
sound/usb/Makefile lists more subfolders and the big snd-usb-audio).
T

# 7. xt_TPROXY / xt_socket: #if IS_ENABLED(CONFIG_IP6_NF_IPTABLES) / CONFIG_NF_*_IPV6 branches
d=$(case_dir real-xt-tproxy-is-enabled "the engine does not evaluate #if IS_ENABLED(CONFIG_...) with the profile's .config, so uses in IPv6 branches and the x_tables registration calls are wrong")
tree net/netfilter/xt_TPROXY.c "$d"; tree net/netfilter/xt_socket.c "$d"
printf 'obj-m += xt_TPROXY.o\nobj-m += xt_socket.o\n' >"$d/Kbuild"
printf 'modprobe x_tables\nmodprobe nf_tproxy_ipv4\nmodprobe nf_tproxy_ipv6\nmodprobe nf_socket_ipv4\nmodprobe nf_socket_ipv6\nmodprobe nf_defrag_ipv4\nmodprobe nf_defrag_ipv6\ninsmod xt_TPROXY.ko\ninsmod xt_socket.ko\nlsmod\n' >"$d/load"
echo "net/netfilter/xt_TPROXY.c and xt_socket.c: IPv6 code under #if IS_ENABLED(CONFIG_IP6_NF_IPTABLES) and friends" >"$d/README"
cat >>"$d/README" <<T
xt_TPROXY.c, xt_socket.c: whole and unmodified from net/netfilter of $SRCPKG. Licence
GPL-2.0 (SPDX / MODULE_LICENSE). Kbuild is ours (net/netfilter/Makefile builds ~200 modules).
T

# 8. winbond-840: #if defined(__i386__) ... #elif defined(__powerpc__) || ... __x86_64__ #elif defined(CONFIG_ARM) ... #else #warning
d=$(case_dir real-winbond-840-arch-elif "$(cat <<'P'
the engine builds no winbond-840.ko (obj-$(CONFIG_WINBOND_840): its profile's ~35-line .config lacks Debian's CONFIG_WINBOND_840=m) and does not evaluate the architecture conditionals (#elif defined(__powerpc__) ... defined(__x86_64__), #elif defined(CONFIG_SPARC) || defined(CONFIG_ARM)) nor tulip.h's macros
P
)")
tree drivers/net/ethernet/dec/tulip/winbond-840.c "$d"; tree drivers/net/ethernet/dec/tulip/tulip.h "$d"
grep WINBOND_840 "$S/drivers/net/ethernet/dec/tulip/Makefile" >"$d/Kbuild"
printf 'modprobe mii\ninsmod winbond-840.ko\nlsmod\nrmmod winbond-840\n' >"$d/load"
echo "drivers/net/ethernet/dec/tulip/winbond-840.c: per-architecture #if/#elif branches, tulip.h; module file winbond-840.ko, module name winbond_840" >"$d/README"
cat >>"$d/README" <<T
winbond-840.c and tulip.h: whole and unmodified from drivers/net/ethernet/dec/tulip of
$SRCPKG. Licence GPL-2.0 (file header: "This software may be used and distributed according
to the terms of the GNU General Public License"). Kbuild: the winbond-840 line of the tulip Makefile.
T

# 9. v4l2loopback: dozens of LINUX_VERSION_CODE guards, its own macros
d=$(case_dir real-v4l2loopback-version-guards "the engine does not evaluate LINUX_VERSION_CODE/KERNEL_VERSION guards nor expand the driver's macros, and reads uses from inactive branches")
for f in v4l2loopback.c v4l2loopback.h v4l2loopback_formats.h Kbuild; do cp "$D/v4l2loopback_0.15.4-2/usr/src/v4l2loopback-0.15.4/$f" "$d/"; done
printf 'modprobe videodev\ninsmod v4l2loopback.ko\nlsmod\n' >"$d/load"
echo "v4l2loopback 0.15.4: one driver file guarded for kernels 4.4 to 7.x with LINUX_VERSION_CODE" >"$d/README"
cat >>"$d/README" <<T
v4l2loopback.c, v4l2loopback.h, v4l2loopback_formats.h, Kbuild: whole and unmodified from
Debian's v4l2loopback-dkms 0.15.4-2 (/usr/src/v4l2loopback-0.15.4), i.e. upstream
https://github.com/umlaeute/v4l2loopback v0.15.4. Licence GPL-2.0-or-later.
T

# 10. ddcci: a real KBUILD_EXTRA_SYMBOLS (ddcci-backlight/Makefile), two M= builds as its Makefile runs them
d=$(case_dir real-ddcci-extra-symbols "the engine does not support KBUILD_EXTRA_SYMBOLS nor two M= builds; engine/ holds the same sources as one workspace")
rm -rf "$d/ddcci" "$d/ddcci-backlight" "$d/include" "$d/engine"
G=$D/ddcci_0.4.5-2/usr/src/ddcci-0.4.5
cp -r "$G/ddcci" "$G/ddcci-backlight" "$G/include" "$d/"
cat >"$d/build.sh" <<'T'
# as ddcci's top Makefile does (make -C ddcci; make -C ddcci-backlight), each an M= build;
# ddcci-backlight/Makefile sets KBUILD_EXTRA_SYMBOLS := $(src)/../ddcci/Module.symvers
set -e
echo "=== make -C \$KDIR M=<M>/ddcci modules"; make -C "$KDIR" M="$M/ddcci" modules
echo "=== make -C \$KDIR M=<M>/ddcci-backlight modules"; make -C "$KDIR" M="$M/ddcci-backlight" modules
T
printf 'insmod ddcci.ko\ninsmod ddcci-backlight.ko\nlsmod\n' >"$d/load"
mkdir -p "$d/engine"; cp -r "$d/ddcci" "$d/ddcci-backlight" "$d/include" "$d/load" "$d/engine/"
printf 'obj-m += ddcci/\nobj-m += ddcci-backlight/\n' >"$d/engine/Kbuild"
echo "ddcci 0.4.5: ddcci-backlight uses ddcci's exports through KBUILD_EXTRA_SYMBOLS := \$(src)/../ddcci/Module.symvers, two M= builds" >"$d/README"
cat >>"$d/README" <<T
ddcci/, ddcci-backlight/ (C and Makefiles) and include/linux/ddcci.h: whole and unmodified from
Debian's ddcci-dkms 0.4.5-2 (/usr/src/ddcci-0.4.5), upstream
https://gitlab.com/ddcci-driver-linux/ddcci-driver-linux v0.4.5. Licence GPL-2.0-or-later.
build.sh runs the two M= builds its top Makefile runs; engine/ is the same as one workspace
(a top Kbuild naming both folders) for the engine once it reads KBUILD_EXTRA_SYMBOLS.
T

# 11. xt_ECHO from xtables-addons: compat_xtables.h macros
d=$(case_dir real-xtables-addons-echo "the engine does not expand compat_xtables.h's macros nor evaluate its LINUX_VERSION_CODE checks")
X=$D/xtables-addons_3.31-1/usr/src/xtables-addons-3.31/extensions
for f in xt_ECHO.c compat_xtables.h compat_skbuff.h compat_user.h; do [ -f "$X/$f" ] && cp "$X/$f" "$d/"; done
echo 'obj-m += xt_ECHO.o' >"$d/Kbuild"
printf 'modprobe x_tables\nmodprobe nf_reject_ipv4\nmodprobe nf_reject_ipv6\ninsmod xt_ECHO.ko\nlsmod\n' >"$d/load"
echo "xtables-addons 3.31 xt_ECHO: the compat_xtables.h layer of macros and version checks" >"$d/README"
cat >>"$d/README" <<T
xt_ECHO.c and the compat_*.h headers it includes: whole and unmodified from Debian's
xtables-addons-dkms 3.31-1 (/usr/src/xtables-addons-3.31/extensions), upstream
https://inai.de/projects/xtables-addons/ 3.31. Licence GPL-2.0. Kbuild is ours
(extensions/Kbuild reads build_* switches from ../mconfig).
T

# 12. udmabuf: designated initializers .vmap/.vunmap named like exported symbols; built-in-only code as a module
d=$(case_dir real-udmabuf-member-init "the engine reads the designated initializers .vmap/.vunmap as uses of the exported vmap/vunmap")
tree drivers/dma-buf/udmabuf.c "$d"
echo 'obj-m += udmabuf.o' >"$d/Kbuild"
printf 'insmod udmabuf.ko\nlsmod\n' >"$d/load"
echo "drivers/dma-buf/udmabuf.c (a bool Kconfig option, always built in) as a module: .vmap = vmap_udmabuf is a member, not a use of vmap(); no MODULE_LICENSE, no import of DMA_BUF, memfd_fcntl not exported" >"$d/README"
cat >>"$d/README" <<T
udmabuf.c: whole and unmodified from drivers/dma-buf of $SRCPKG. Licence GPL-2.0 (SPDX).
Kbuild is ours (obj-m: Debian builds CONFIG_UDMABUF=y, into vmlinux).
T

# 13. nf_conntrack_ftp + nf_nat_ftp: exports between the two, IS_ENABLED(CONFIG_NF_NAT)/IPv6 branches
d=$(case_dir real-nf-ftp-helpers "the engine does not evaluate #if IS_ENABLED(CONFIG_...) nor see the uses hidden in the helpers' macros")
tree net/netfilter/nf_conntrack_ftp.c "$d"; tree net/netfilter/nf_nat_ftp.c "$d"
printf 'obj-m += nf_conntrack_ftp.o\nobj-m += nf_nat_ftp.o\n' >"$d/Kbuild"
printf 'modprobe nf_conntrack\nmodprobe nf_nat\ninsmod nf_conntrack_ftp.ko\ninsmod nf_nat_ftp.ko\nlsmod\n' >"$d/load"
echo "net/netfilter/nf_conntrack_ftp.c exports nf_nat_ftp_hook for nf_nat_ftp.c; IPv6 and NAT code under IS_ENABLED()" >"$d/README"
cat >>"$d/README" <<T
nf_conntrack_ftp.c, nf_nat_ftp.c: whole and unmodified from net/netfilter of $SRCPKG.
Licence GPL-2.0 (SPDX / MODULE_LICENSE). Kbuild is ours.
T

# 14. hiface alone with the real Makefile: module_usb_driver, composite
d=$(case_dir real-hiface-module-usb-driver "the engine misses the calls module_usb_driver() makes (usb_register_driver, usb_deregister) and refuses the composite snd-usb-hiface-y")
for f in "$S"/sound/usb/hiface/*.[ch]; do cp "$f" "$d/"; done
cp "$S/sound/usb/hiface/Makefile" "$d/Makefile"
printf 'modprobe snd-pcm\nmodprobe usbcore\ninsmod snd-usb-hiface.ko\nlsmod\n' >"$d/load"
echo "sound/usb/hiface: module_usb_driver(hiface_usb_driver) registers the driver; composite snd-usb-hiface" >"$d/README"
cat >>"$d/README" <<T
Every file of sound/usb/hiface, whole and unmodified, from $SRCPKG. Licence GPL-2.0-only (SPDX).
T
echo "cases written to $ws"
