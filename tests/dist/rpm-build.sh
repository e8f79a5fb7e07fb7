#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# rpm-build.sh SRC BUILD VERSION: dist/rpm/plexus.spec built by rpmbuild from the
# binaries in BUILD (its %cmake_install is `cmake --install BUILD`), so that rpmbuild
# itself holds %files against what CMake installs: a file installed but in no
# package, or listed but not installed, fails the build. Then: the spec's version
# is the project's, each package holds what its Debian twin holds, and rpmlint
# finds no error in the spec or the packages. Debian's rpm lacks Fedora's macros
# (cmake, systemd, completion directories): they are defined here, the
# completion directory as BUILD was configured. Skipped (77) without rpmbuild.
set -uo pipefail
src=$1 build=$2 version=$3
command -v rpmbuild >/dev/null && command -v rpmlint >/dev/null || { echo "SKIP: no rpmbuild or rpmlint here"; exit 77; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
spec=$src/dist/rpm/plexus.spec
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

zsh=$(sed -n 's/^PLEXUS_ZSH_COMPLETION_DIR:STRING=//p' "$build/CMakeCache.txt")
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
[ "$prefix" = /usr ] || { echo "SKIP: $build installs under $prefix, not /usr"; exit 77; }
[[ $zsh = /* ]] || zsh=$prefix/$zsh
defines=(
    --define "_topdir $work"
    --define "dist %{nil}"
    # Debian's rpm would make debuginfo of unstripped binaries; Fedora's strips them.
    --define "debug_package %{nil}"
    --define "_metainfodir /usr/share/metainfo"
    --define "_unitdir /usr/lib/systemd/system"
    --define "bash_completions_dir /usr/share/bash-completion/completions"
    --define "zsh_completions_dir $zsh"
    --define "systemd_requires %{nil}"
    --define "systemd_post() %{nil}"
    --define "systemd_preun() %{nil}"
    --define "systemd_postun() %{nil}"
    --define "systemd_postun_with_restart() %{nil}"
    # The binaries the tests ran, not a second compile; the tests ran already.
    --define "cmake :"
    --define "cmake_build :"
    --define "cmake_install DESTDIR=%{buildroot} cmake --install $build >/dev/null"
    --define "ctest :"
)

spec_version=$(rpmspec -q --srpm --qf '%{version}' "${defines[@]}" "$spec" 2>/dev/null)
[ "$spec_version" = "$version" ] || fail "plexus.spec says version '$spec_version', not $version"

# --build-in-place: %autosetup unpacks nothing and the build directory is the
# working directory; rpmbuild leaves its lists there, so it is a copy of what
# %files takes from the source tree, not the tree itself.
mkdir -p "$work/src" && cp -r "$src/LICENSES" "$src/README.md" "$src/CHANGELOG.md" "$work/src/"
if ! (cd "$work/src" && rpmbuild -bb --build-in-place --nodeps "${defines[@]}" "$spec") > "$work/rpmbuild.log" 2>&1; then
    grep -A20 -E "error|Installed \(but unpackaged\)|File not found" "$work/rpmbuild.log" | head -40
    fail "rpmbuild could not build the packages from plexus.spec"
else
    rpms=("$work"/RPMS/*/*.rpm)
    echo "built: ${rpms[*]##*/}"
    # Each RPM holds what the .deb of the same role holds (debian/*.install).
    for pair in plexus:plexus plexusctl:plexusctl plexus-helper:plexus-helper; do
        rpm=${pair%%:*} deb=${pair##*:}
        file=$(ls "$work"/RPMS/*/"$rpm-$version"-*.rpm 2>/dev/null | head -n1)
        [ -n "$file" ] || { fail "no package $rpm"; continue; }
        listed=$(rpm -qlp "$file" 2>/dev/null)
        while read -r path; do
            case $path in ''|\#*) continue;; esac
            [ "${path#usr/share/zsh/}" != "$path" ] && path=${zsh#/}/${path##*/}
            echo "$listed" | grep -q "^/${path}\(\.gz\|\.xz\|\.bz2\)\?$" || fail "$rpm lacks /$path, which the .deb $deb has"
        done < "$src/debian/$deb.install"
    done
    # The spec's own filters, and what building with Debian's rpm leaves that
    # Fedora's build system would not: no signature, packager or group.
    { cat "$src/dist/rpm/plexus.rpmlintrc"
      printf 'addFilter(r"%s")\n' "E: no-signature" "E: no-packager-tag" "E: no-group-tag"
    } > "$work/rpmlintrc"
    lint=$(rpmlint -r "$work/rpmlintrc" "$spec" "${rpms[@]}" 2>&1)
    echo "$lint" | tail -n1
    echo "$lint" | grep -E "^[^ ]+: E: " && fail "rpmlint finds errors"
fi

[ "$failures" -eq 0 ] && echo "plexus.spec builds its three packages from this build, version $version"
exit $((failures > 0))
