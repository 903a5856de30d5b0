#!/bin/sh
# make install into a temporary DESTDIR: the files land where GNU conventions
# put them, a small C program builds against the installed library through
# pkg-config (shared and static) and runs, the installed folio converts, the
# man page formats (man -l), and make uninstall removes every file.
. "$(dirname "$0")/lib.sh"
dest=$tmp/root
prefix=/usr/local
make -s install DESTDIR="$dest" PREFIX=$prefix > "$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; echo "FAIL install: make install"; exit 1; }
for f in bin/folio lib/libfolio.a lib/libfolio.so lib/libfolio.so.0 include/folio.h lib/pkgconfig/folio.pc share/man/man1/folio.1; do
  check "$f installed" test -e "$dest$prefix/$f"
done
cat > "$tmp/hello.c" <<'C'
#include <folio.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    const char *text = "A Small Harbour Finds New Work\n\nBy Ann Lee\n\n"
                       "The harbour master keeps a list of the boats that come back each spring.\n";
    folio_doc *doc = NULL;
    folio_error err;
    if (folio_read_text(text, strlen(text), NULL, &doc, &err) != FOLIO_OK)
        return 1;
    printf("%s|%s\n", doc->meta.title, FOLIO_VERSION);
    folio_doc_free(doc);
    return 0;
}
C
export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
check "pkg-config knows folio" pkg-config --exists folio
cc -o "$tmp/hello" "$tmp/hello.c" $(pkg-config --cflags --libs folio) 2> "$tmp/cc.log" || cat "$tmp/cc.log"
check "linked to the shared library" sh -c "LD_LIBRARY_PATH='$dest$prefix/lib' ldd '$tmp/hello' | grep -q 'libfolio.so.0 => $dest'"
check "runs against it" sh -c "LD_LIBRARY_PATH='$dest$prefix/lib' '$tmp/hello' | grep -qx 'A Small Harbour Finds New Work|$(./folio --version | cut -d' ' -f2)'"
cc -o "$tmp/hello-static" "$tmp/hello.c" -static-libgcc $(pkg-config --cflags folio) "$dest$prefix/lib/libfolio.a" \
   $(pkg-config --static --libs folio | sed 's/-lfolio//') 2> "$tmp/cc2.log" || cat "$tmp/cc2.log"
check "static link through pkg-config --static" sh -c "'$tmp/hello-static' | grep -q '^A Small Harbour'"
check "installed folio converts" sh -c "'$dest$prefix/bin/folio' tests/samples/en-harbour.txt -t json | grep -q '\"title\"'"
check "man page formats" sh -c "MANWIDTH=80 man -l '$dest$prefix/share/man/man1/folio.1' 2>/dev/null | grep -q 'one book (a digest)'"
make -s uninstall DESTDIR="$dest" PREFIX=$prefix > /dev/null 2>&1
check "uninstall removes every file" sh -c "[ -z \"\$(find '$dest' -type f -o -type l)\" ]"
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
