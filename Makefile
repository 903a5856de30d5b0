# folio - make, make check, make demo, make deps, make bench, make asan, make fuzz
CC      ?= cc
CFLAGS  ?= -O2 -g
# Flags the code needs, kept apart so `make CFLAGS=...` cannot drop them.
REQ_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wno-missing-field-initializers \
             -Werror=implicit-function-declaration -fPIC
PKGS     = libutf8proc libzip libxml-2.0 libunibreak fontconfig uchardet zlib libpng harfbuzz harfbuzz-subset
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lzip -lxml2 -lunibreak -lfontconfig -luchardet -lz -lpng -lharfbuzz -lharfbuzz-subset) -lhpdf -lhyphen -ljpeg
LDLIBS  += $(PKG_LIBS) -lpthread -lm

LIB_SRC = convert/arena.c convert/utf8.c convert/doc.c convert/walk.c convert/digest.c convert/smart.c convert/decode.c \
          reader/scraped.c reader/roles.c reader/lex.c reader/meta.c reader/lang.c reader/features.c reader/decode.c reader/label.c reader/vocab.c reader/weights.c reader/html.c reader/markup.c convert/text.c \
          formats/json.c formats/epub.c formats/epub_pack.c formats/xmlw.c convert/image.c \
          formats/outline.c formats/opml.c convert/sentence.c convert/linebreak.c convert/justify.c convert/hyphen.c convert/deflate.c \
          formats/pdf.c formats/pdf_font.c formats/pdf_embed.c formats/pdf_layout.c formats/pdf_seal.c fonts/fonts.c
LIB_OBJ = $(LIB_SRC:.c=.o)
HEADERS = convert/folio.h convert/internal.h reader/scraped.h reader/html.h reader/vocab.h reader/model.h convert/image.h formats/xmlw.h formats/epub_pack.h formats/pdf.h fonts/fonts.h

# Debian packages the build, the tests and the demo need.
DEPS_PKGS = build-essential pkg-config libutf8proc-dev libzip-dev libxml2-dev libunibreak-dev libhpdf-dev libharfbuzz-dev libfontconfig-dev libuchardet-dev zlib1g-dev libpng-dev libjpeg-dev libhyphen-dev hyphen-en-us \
            libcmocka-dev python3 python3-sklearn python3-pdfminer epubcheck pandoc qpdf poppler-utils \
            fonts-noto-core fonts-noto-cjk fonts-droid-fallback fonts-dejavu-core fonts-symbola help2man man-db


.PHONY: install uninstall install-check all check demo deps bench asan fuzz clean unit golden html digest smart corpus train train-check crossval print-cli-obj print-ldlibs epub outline pdf bad batch pathological valgrind print-lib-src print-pkgs

VERSION  = $(shell sed -n 's/^\#define FOLIO_VERSION "\(.*\)"/\1/p' convert/folio.h)
SOMAJOR  = $(firstword $(subst ., ,$(VERSION)))
SHLIB    = libfolio.so.$(VERSION)

all: folio libfolio.a $(SHLIB)

%.o: %.c $(HEADERS)
	@echo "  CC $<"
	@$(CC) $(REQ_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

libfolio.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# The shared library: libfolio.so.VERSION, soname libfolio.so.MAJOR.
$(SHLIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libfolio.so.$(SOMAJOR) $(LDFLAGS) -o $@ $(LIB_OBJ) $(LDLIBS)

# Installation (GNU conventions: PREFIX, DESTDIR, the usual directories).
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
PCDIR      ?= $(LIBDIR)/pkgconfig

# The man page is made from --help by help2man: the two cannot drift.
folio.1: folio
	@command -v help2man >/dev/null || $(MAKE) deps DEPS_PKGS=help2man
	help2man --no-info --version-string=$(VERSION) \
	  --name="turn scraped article text into EPUB, PDF and outlines" --output=$@ ./folio

folio.pc: Makefile convert/folio.h
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: folio' 'Description: scraped article text into EPUB, PDF and outlines' 'Version: $(VERSION)' \
	  'Requires.private: $(PKGS)' 'Libs: -L$${libdir} -lfolio' \
	  'Libs.private: -lhpdf -lhyphen -ljpeg -lpthread -lm' 'Cflags: -I$${includedir}' > $@

install: all folio.1 folio.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PCDIR)
	install -m 755 folio $(DESTDIR)$(BINDIR)/folio
	install -m 644 libfolio.a $(DESTDIR)$(LIBDIR)/libfolio.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/libfolio.so.$(SOMAJOR)
	ln -sf libfolio.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libfolio.so
	install -m 644 convert/folio.h $(DESTDIR)$(INCLUDEDIR)/folio.h
	install -m 644 folio.pc $(DESTDIR)$(PCDIR)/folio.pc
	install -m 644 folio.1 $(DESTDIR)$(MANDIR)/man1/folio.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/folio $(DESTDIR)$(LIBDIR)/libfolio.a $(DESTDIR)$(LIBDIR)/$(SHLIB) \
	  $(DESTDIR)$(LIBDIR)/libfolio.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libfolio.so \
	  $(DESTDIR)$(INCLUDEDIR)/folio.h $(DESTDIR)$(PCDIR)/folio.pc $(DESTDIR)$(MANDIR)/man1/folio.1

install-check: all
	sh tests/install.sh

CLI_OBJ = cli/cli.o cli/run.o cli/batch.o

$(CLI_OBJ): cli/cli.h

folio: $(CLI_OBJ) libfolio.a
	$(CC) $(REQ_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) libfolio.a $(LDLIBS)

# Install what is missing (apt-get; sudo when not root).
deps:
	@missing=""; for p in $(DEPS_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

TESTS = tests/test_reader tests/test_writers tests/test_vocab

tests/test_%: tests/test_%.c libfolio.a $(HEADERS)
	$(CC) $(REQ_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< libfolio.a $(LDLIBS) -lcmocka

unit: $(TESTS)
	@for t in $(TESTS); do ./$$t || exit 1; done

epub: folio
	sh tests/epub.sh

outline: folio
	sh tests/outline.sh

pdf: folio
	sh tests/pdf.sh

bad: folio
	python3 tests/bad_inputs.py

batch: folio
	sh tests/batch.sh

digest: folio
	sh tests/digest.sh

smart: folio
	sh tests/smart.sh

pathological: folio
	sh tests/pathological.sh

# libFuzzer harnesses (clang, ASan, UBSan): FUZZ_SECONDS per harness (600).
fuzz:
	@dpkg -s clang libclang-rt-14-dev >/dev/null 2>&1 || $(MAKE) deps DEPS_PKGS="clang libclang-rt-14-dev"
	sh tests/fuzz/run.sh

print-lib-src:
	@echo $(LIB_SRC)

print-pkgs:
	@echo $(PKGS)

print-cli-obj:
	@echo $(CLI_OBJ)

print-ldlibs:
	@echo $(LDLIBS)

# Memory errors and leaks in every conversion (slow: not part of check).
valgrind: folio
	@command -v valgrind >/dev/null || $(MAKE) deps DEPS_PKGS=valgrind
	sh tests/valgrind.sh

golden: folio
	sh tests/golden.sh

html: folio
	sh tests/html.sh

corpus: folio tests/test_vocab
	sh tests/corpus.sh

# Fit the reader's weights on the public corpora (../shared) into
# reader/weights.c, deterministically (Debian's python3-sklearn).
train: folio
	/usr/bin/python3 reader/train.py
	$(MAKE) all

train-check: folio
	sh tests/train.sh

# Cross-validated figures of the reader: fit without the pages scored.
crossval: all
	/usr/bin/python3 reader/crossval.py --scheme sets
	/usr/bin/python3 reader/crossval.py --scheme pages

check: deps
	$(MAKE) all $(TESTS)
	@sh tests/check.sh bg:train-check unit golden html bad batch digest smart pathological corpus outline pdf epub install-check

demo: deps
	$(MAKE) all
	@mkdir -p out
	@for f in tests/samples/*.txt; do \
	  b=$$(basename $$f .txt); \
	  for ext in json epub pdf txt md opml; do \
	    ./folio $$f -o out/$$b.$$ext || exit 1; echo "  out/$$b.$$ext"; \
	  done; \
	done
	@echo "make demo: outputs are in out/"

# Speed and memory against pandoc, calibre and gzip (never part of check).
bench: all
	@for p in pandoc time calibre; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "make bench: installing$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; fi
	python3 bench/bench.py $(BENCH_ARGS)

asan:
	$(MAKE) clean
	$(MAKE) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	        LDFLAGS="-fsanitize=address,undefined" all $(TESTS)
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(MAKE) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	          LDFLAGS="-fsanitize=address,undefined" unit golden html bad batch pathological corpus outline pdf epub
	$(MAKE) clean

clean:
	rm -f convert/*.o formats/*.o fonts/*.o reader/*.o cli/*.o folio libfolio.a libfolio.so.* folio.1 folio.pc $(TESTS)
	rm -rf out
