# artread: build, test and install.  GNU make.
#
#   make            build ./artread
#   make run        install what is missing, build, open a sample article
#   make check      install what is missing, build, run every test
#                   (unit, end-to-end, fuzz corpus replay, then again
#                   under ASan+UBSan; valgrind; see tests/README.md)
#   make bench      benchmarks (bench/)
#   make stress     huge annotation files against their targets
#                   (tests/stress/; not part of make check)
#   make eval       accuracy of quote and entity recognition
#   make screenshots  the README's pictures, from the real program
#                   (developers only; not part of make check)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Every src/*.c is core (headless, no curses, writes only to streams it
# is given) and goes into libcore.a; src/cli/*.c is the command-line
# front end (options, main, the non-interactive modes) and src/ui/*.c
# the curses pager: both are clients of libcore.a, linked into ./artread.
# Every tests/unit/test_*.c is one cmocka program linked against libcore.a.
# The web input adapters (src/web/: HTML with libxml2, fetching with
# libcurl) are libweb.a: only the binary and tests/unit/test_web_*.c link
# it and those libraries.

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/artread
LIBDIR	 = $(PREFIX)/lib/artread
MANDIR	 = $(PREFIX)/share/man/man1

CC	?= cc
NM	?= nm
BUILD	?= build
OPT	?= -O2 -g

WARN	 = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WARN	+= -Werror
endif
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
endif

PKGS	 = ncursesw libpcre2-8 jansson libutf8proc libcrypto
# zstd and iniparser are opened when first used (dynlib.h: most starts
# use neither), by the sonames linking them would have given; so are
# PCRE2 and jansson by the binary (pcre2lib.h, jsonlib.h: the first
# screen compiles no pattern and reads no JSON), while tests, tools and
# benchmarks link them.
OBJDUMP	?= objdump
soname	 = $(shell $(OBJDUMP) -p $$($(CC) -print-file-name=lib$(1).so) \
	   2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
ZSTD_SONAME	 := $(call soname,zstd)
INIPARSER_SONAME := $(call soname,iniparser)
PCRE2_SONAME	 := $(call soname,pcre2-8)
JANSSON_SONAME	 := $(call soname,jansson)
SONAME_DEFS = $(if $(ZSTD_SONAME),-DAR_ZSTD_SONAME='"$(ZSTD_SONAME)"') \
	   $(if $(INIPARSER_SONAME),-DAR_INIPARSER_SONAME='"$(INIPARSER_SONAME)"') \
	   $(if $(PCRE2_SONAME),-DAR_PCRE2_SONAME='"$(PCRE2_SONAME)"') \
	   $(if $(JANSSON_SONAME),-DAR_JANSSON_SONAME='"$(JANSSON_SONAME)"')
CPPFLAGS_ALL = -Iinclude -Isrc -I/usr/include/iniparser -D_GNU_SOURCE \
	   -DAR_VERSION='"$(VERSION)"' $(SONAME_DEFS) $(CPPFLAGS)
CFLAGS_ALL = $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
LIBS	 = $(shell pkg-config --libs $(PKGS))
TESTLIBS = $(shell pkg-config --libs cmocka libzstd)	# test_store makes zstd frames
VERSION	 = 0.1.0

# The web input adapters.
WEB_PKGS = libxml-2.0 libcurl
WEB_CFLAGS = $(shell pkg-config --cflags $(WEB_PKGS))
WEB_LIBS = $(shell pkg-config --libs $(WEB_PKGS))
WEB_SRC	:= $(sort $(wildcard src/web/*.c))
WEB_OBJ	:= $(WEB_SRC:%.c=$(BUILD)/%.o)

CORE_SRC := $(sort $(wildcard src/*.c))
CLI_SRC	 := $(sort $(wildcard src/cli/*.c))
UI_SRC	 := $(sort $(wildcard src/ui/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ	 := $(CLI_SRC:%.c=$(BUILD)/%.o)
UI_OBJ	 := $(UI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN	 := $(if $(filter build,$(BUILD)),artread,$(BUILD)/artread)

.PHONY: all deps run check check-build unit e2e bench eval install uninstall \
	screenshots \
	clean lint check-layering tests-bin gazetteer FORCE stress eval-extract

comma	:= ,

all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# The whole-document analysis' hot modules at -O3 when the rest is at
# -O2 (wt-perf2: 4 % fewer instructions for --entities than all at -O2;
# the rest, the pager's first screen among it, stays smaller at -O2).
HOT_SRC	 = src/entities.c src/quotes.c src/coref.c src/rules.c src/utf8.c \
	   src/termsafe.c src/listing.c src/rxneed.c src/strmap.c \
	   src/analysis.c
HOT_OPT	?= $(if $(filter -O2,$(OPT)),-O3)
$(HOT_SRC:%.c=$(BUILD)/%.o): CFLAGS_ALL += $(HOT_OPT)

# paths.c has DATADIR compiled in (the fallback when no install is found
# beside the binary): the stamp changes, and paths.o is rebuilt, exactly
# when PREFIX or DATADIR does.
$(BUILD)/src/paths.o: CPPFLAGS_ALL += -DAR_DATADIR='"$(DATADIR)"'
$(BUILD)/src/paths.o: $(BUILD)/datadir.stamp
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR) $(LIBDIR)' | cmp -s - $@ || \
		echo '$(DATADIR) $(LIBDIR)' > $@
FORCE:

# ---- the gazetteer (rules/gazetteer.tsv) ------------------------------
#
# Generated at build time by tools/gazgen.c from the GeoNames cities that
# Debian's libgeonames carries and iso-codes' countries and subdivisions
# (scripts/install-deps.sh installs both; without them the file holds
# what there is, down to its header, and the hand lists still work).
# gazgen is a build tool: libgeonames (GPL-3, GLib) is linked into it,
# never into artread.  The stamp names the sources and their versions, so
# the file is remade when a package changes, and when a word list that
# decides which names are ambiguous (Reading, Victoria) does.
GAZ		 = rules/gazetteer.tsv
GAZ_JSON	 = /usr/share/iso-codes/json
GAZ_MO		 = /usr/share/locale
GAZ_WORDS	 = /usr/share/dict/british-english
GAZ_LANGS	 = de,fr,es,it,pt,nl,sv,da,nb,fi,is,pl,cs,sk,hu,ro,hr,sl,el,tr,vi,ga,et,lv,lt
GAZ_AMBIGUOUS	 = rules/names-given.txt rules/names-given-female.txt \
		   rules/names-given-male.txt rules/names-surname.txt \
		   rules/names-surname-first.txt
GAZ_NEVER	 = rules/stopwords.txt rules/calendar.txt rules/titles.txt \
		   rules/not-entities.txt rules/nationalities.txt \
		   rules/org-words.txt rules/facility-words.txt \
		   rules/event-words.txt
GEONAMES_VERSION := $(shell pkg-config --modversion geonames 2>/dev/null)
ISOCODES_VERSION := $(if $(wildcard $(GAZ_JSON)/iso_3166-2.json),$(shell \
		   pkg-config --modversion iso-codes 2>/dev/null || echo unknown))
GAZ_SOURCES	 = $(if $(GEONAMES_VERSION),GeoNames cities15000 (libgeonames \
		   $(GEONAMES_VERSION)),no GeoNames (libgeonames-dev missing)), \
		   $(if $(ISOCODES_VERSION),iso-codes $(ISOCODES_VERSION),no \
		   iso-codes), $(if $(wildcard $(GAZ_WORDS)),$(GAZ_WORDS),no \
		   dictionary)
GAZGEN_FLAGS	 = $(if $(GEONAMES_VERSION),-DHAVE_GEONAMES $(shell \
		   pkg-config --cflags geonames))
GAZGEN_LIBS	 = $(if $(GEONAMES_VERSION),$(shell pkg-config --libs \
		   geonames)) $(shell pkg-config --libs jansson libutf8proc)
GAZGEN_ARGS	 = $(if $(GEONAMES_VERSION),-g) \
		   $(if $(ISOCODES_VERSION),-j $(GAZ_JSON) -m $(GAZ_MO) \
		   -l $(GAZ_LANGS)) $(if $(wildcard $(GAZ_WORDS)),-w $(GAZ_WORDS)) \
		   $(foreach f,$(wildcard $(GAZ_AMBIGUOUS)),-a $(f)) \
		   $(foreach f,$(wildcard $(GAZ_NEVER)),-x $(f))

$(BUILD)/tools/gazgen: tools/gazgen.c $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-missing-prototypes \
		$(GAZGEN_FLAGS) -MMD -MP -o $@ $< $(BUILD)/libcore.a $(GAZGEN_LIBS)

$(BUILD)/gazetteer.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(GAZ_SOURCES) $(GAZ_LANGS)' | cmp -s - $@ || \
		echo '$(GAZ_SOURCES) $(GAZ_LANGS)' > $@

$(GAZ): $(BUILD)/tools/gazgen $(BUILD)/gazetteer.stamp \
		$(wildcard $(GAZ_AMBIGUOUS) $(GAZ_NEVER))
	$(BUILD)/tools/gazgen $(GAZGEN_ARGS) -s '$(GAZ_SOURCES)' $@
	@$(if $(GEONAMES_VERSION),,echo "gazetteer: no GeoNames cities" \
		"(libgeonames-dev missing: sh scripts/install-deps.sh)" >&2)

gazetteer: $(GAZ)

# ---- the default rules, compiled (rules/default.idx) ---------------------
#
# What rules/default.ini and its word lists say, as one image that
# artread maps at start instead of reading ~20 files and checking every
# pattern (src/rules_load.c).  Made again when any of them, or the
# gazetteer, is newer; artread also checks that none changed since.
RULES_IDX	 = rules/default.idx
RULES_SRC	 = rules/default.ini $(filter-out $(GAZ),$(wildcard rules/*.txt))

$(BUILD)/tools/rulesc $(BUILD)/tools/themec: $(BUILD)/tools/%: tools/%.c \
		$(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-missing-prototypes -MMD -MP \
		-o $@ $< $(BUILD)/libcore.a $(LIBS)

$(RULES_IDX): $(BUILD)/tools/rulesc $(RULES_SRC) $(GAZ)
	$(BUILD)/tools/rulesc rules/default.ini $@

# The default theme compiled into the binary (tools/themec.c): artread
# takes it instead of parsing themes/default.ini when the file found
# holds the same bytes (theme_add_compiled in theme.h).
THEME_GEN	 = $(BUILD)/gen/theme_default.c

$(THEME_GEN): $(BUILD)/tools/themec themes/default.ini
	@mkdir -p $(@D)
	$(BUILD)/tools/themec themes/default.ini theme_compiled_default $@

$(THEME_GEN:.c=.o): $(THEME_GEN)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c $< -o $@

# (here, below GAZ and RULES_IDX: a prerequisite list is read when its
# line is)
all: $(GAZ) $(RULES_IDX)
tests-bin: $(RULES_IDX)

$(BUILD)/libcore.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(WEB_OBJ) $(BUILD)/src/cli/modes_extract.o $(BUILD)/src/cli/webopen.o: \
    CPPFLAGS_ALL += $(WEB_CFLAGS)

$(BUILD)/libweb.a: $(WEB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The binary does not link libxml2 and libcurl: loading them and their
# ~35 libraries cost ~6 ms at every start, more than a first screen.  The
# web adapters are built into artread-web.so (objects compiled -fPIC,
# linked -Bsymbolic), which src/cli/webmod.c opens when a web function is
# first called; the binary exports to it the core symbols it uses
# (web.dynlist, made from what its objects leave undefined).  libcrypto
# is linked from its static archive where there is one (only SHA-256 is
# used, and the shared library's start-up costs ~1 ms).
WEBMOD	 = $(BUILD)/artread-web.so
WEB_PIC_OBJ := $(WEB_SRC:%.c=$(BUILD)/pic/%.o)
CRYPTO_A := $(wildcard $(shell pkg-config --variable=libdir libcrypto \
	    2>/dev/null)/libcrypto.a)
# ncursesw, tinfo and utf8proc too, where their archives are installed:
# binding three shared libraries cost the dynamic loader ~0.45 M
# instructions and ~25 page faults at every start, a tenth of the first
# screen at 200x60 (the terminfo database is read at run time either way).
STATIC_LIBS := $(foreach l,ncursesw tinfo utf8proc,$(if $(wildcard $(shell \
	       $(CC) -print-file-name=lib$(l).a)),-l$(l)))
BIN_LIBS = $(if $(STATIC_LIBS),-Wl$(comma)-Bstatic $(STATIC_LIBS) \
	   -Wl$(comma)-Bdynamic) $(filter-out -lpcre2-8 -ljansson \
	   $(STATIC_LIBS),$(if $(CRYPTO_A),$(patsubst -lcrypto,$(CRYPTO_A), \
	   $(LIBS)),$(LIBS)))
# artread is linked as a PIE, so its own code is at a random address
# too: it parses untrusted web pages.  (LINK_PIE=-no-pie exists for
# measuring; since src/sha256.c no longer uses EVP, the static libcrypto
# brings ~1,800 relocations, not ~18,000, and it saves little.)
LINK_PIE ?= -pie

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(WEB_CFLAGS) $(CFLAGS_ALL) -fPIC -MMD -MP \
		-c $< -o $@

$(WEBMOD): $(WEB_PIC_OBJ)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $^ \
		$(WEB_LIBS)

# The core symbols the module takes from the binary.
$(BUILD)/web.dynlist: $(WEB_PIC_OBJ) $(BUILD)/libcore.a
	@$(NM) -u $(WEB_PIC_OBJ) | awk 'NF == 2 { print $$2 }' | sort -u \
		> $@.undef
	@$(NM) -g --defined-only $(BUILD)/libcore.a | \
		awk 'NF == 3 { print $$3 }' | sort -u > $@.core
	@{ echo '{'; comm -12 $@.undef $@.core | sed 's/.*/  &;/'; \
		echo '};'; } > $@
	@rm -f $@.undef $@.core

$(BUILD)/src/cli/webmod.o: CPPFLAGS_ALL += -DAR_LIBDIR='"$(LIBDIR)"'
$(BUILD)/src/cli/webmod.o: $(BUILD)/datadir.stamp

$(BIN): $(CLI_OBJ) $(UI_OBJ) $(THEME_GEN:.c=.o) $(BUILD)/libcore.a \
		$(BUILD)/web.dynlist | $(WEBMOD)
	$(CC) $(CFLAGS_ALL) $(LINK_PIE) $(LDFLAGS) -o $@ $(CLI_OBJ) \
		$(UI_OBJ) $(THEME_GEN:.c=.o) \
		$(addprefix -Wl$(comma)-u$(comma),$(shell sed -n \
		's/^  \(.*\);$$/\1/p' $(BUILD)/web.dynlist 2>/dev/null)) \
		-Wl,--dynamic-list=$(BUILD)/web.dynlist \
		$(BUILD)/libcore.a $(BIN_LIBS)

# Test programs, like objects, depend on every header they include
# (-MMD -MP write $@.d; it is included at the end).
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_ALL) -Wno-missing-prototypes \
		-MMD -MP -o $@ $< $(BUILD)/libcore.a $(LIBS) $(TESTLIBS)

# The web tests also link libweb.a, libxml2 and libcurl.
$(BUILD)/tests/test_web_%: tests/unit/test_web_%.c $(BUILD)/libweb.a \
		$(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(WEB_CFLAGS) -Itests/unit $(CFLAGS_ALL) \
		-Wno-missing-prototypes -MMD -MP -o $@ $< $(BUILD)/libweb.a \
		$(BUILD)/libcore.a $(LIBS) $(WEB_LIBS) $(TESTLIBS)

# Extraction of each page of tests/data/web/ as JSON (make eval-extract).
$(BUILD)/tests/web_extract: tests/web/extract_json.c $(BUILD)/libweb.a \
		$(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-missing-prototypes -o $@ $< \
		$(BUILD)/libweb.a $(BUILD)/libcore.a $(LIBS) $(WEB_LIBS)

tests-bin: $(BIN) $(GAZ) $(TEST_BIN)

deps:
	@sh scripts/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./artread $(firstword $(sort $(wildcard sample-articles/*.txt)))

# The whole suite: normal build, then the sanitizer build.
check: deps
	@$(MAKE) --no-print-directory check-layering
	@$(MAKE) --no-print-directory tests-bin
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 OPT="-O1 -g" tests-bin
	@sh tests/run.sh

unit: tests-bin
	@sh tests/run.sh unit

e2e: tests-bin
	@sh tests/run.sh e2e

# The core is headless and layered: only src/ui/ includes curses, and
# libcore.a's link graph (nm) has no cycle between its objects and no
# curses symbol.  scripts/check-layering.sh first shows on small planted
# libraries that it catches both.
check-layering: $(BUILD)/libcore.a
	@if grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/curses)\.h' \
		src include --include='*.[ch]' | grep -v '^src/ui/'; then \
		echo "check-layering: curses included outside src/ui/" >&2; exit 1; fi
	@CC="$(CC)" AR="$(AR)" NM="$(NM)" sh scripts/check-layering.sh --self-test
	@CC="$(CC)" AR="$(AR)" NM="$(NM)" sh scripts/check-layering.sh $(BUILD)/libcore.a
	@echo "check-layering: $(BUILD)/libcore.a has no cycle and no curses symbol"

bench: all $(BUILD)/bench/rules_speed $(BUILD)/bench/doc_speed \
	$(BUILD)/bench/align_speed \
	$(BUILD)/bench/sha256_speed $(BUILD)/bench/search_speed \
	$(BUILD)/bench/extract_speed
	@sh bench/run.sh
	@$(BUILD)/bench/extract_speed

# In-process benchmarks against the core: the rule engine against PCRE2's
# JIT alone (rules_speed), opening and first touches (doc_speed), aligning
# two versions of an article (align_speed), the sidecar's SHA-256 of a big file (sha256_speed), the
# pager's search over the big file (search_speed).
$(BUILD)/bench/%: bench/%.c bench/bench.h $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-missing-prototypes -MMD -MP \
		-o $@ $< $(BUILD)/libcore.a $(LIBS)

# docs/screenshots/*.png from ./artread in tmux (scripts/screenshots.sh;
# it installs python3-pil when missing).  Commit the PNGs it changes.
screenshots: all
	@sh scripts/screenshots.sh

# Extraction of a 2 MB web page (libweb.a).
$(BUILD)/bench/extract_speed: bench/extract_speed.c $(BUILD)/libweb.a \
		$(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(WEB_CFLAGS) $(CFLAGS_ALL) -Wno-missing-prototypes \
		-MMD -MP -o $@ $< \
		$(BUILD)/libweb.a $(BUILD)/libcore.a $(LIBS) $(WEB_LIBS)

eval: all
	@sh tests/eval.sh

# Sidecars of 10k-100k annotations, 30k comment bodies, 20k brat lines:
# each must take under 2 s of CPU (tests/stress/run.sh).
stress: all
	@sh tests/stress/run.sh

# The extractor against Mozilla's Readability on tests/data/web/ (npm
# installs Readability and jsdom into build/eval-extract/ the first time).
eval-extract: $(BUILD)/tests/web_extract
	@sh tests/web/eval-extract.sh $(BUILD)/tests/web_extract

# Fails on any finding.  -D__GNUC__ lets cppcheck see fatalx's
# __attribute__((noreturn)); the clang-tidy checks are in .clang-tidy.
# cppcheck and clang-tidy (a run a file) go LINT_JOBS at a time, each
# run's findings printed together (--output-sync); one failing fails
# lint.  (One after another they took ~6 minutes of CI on 2 cores.)
LINT_JOBS ?= 2
TIDY_SRC := $(CORE_SRC) $(CLI_SRC) $(UI_SRC)

.PHONY: lint-all lint-cppcheck $(TIDY_SRC:%=lint-tidy/%)

lint:
	@$(MAKE) --no-print-directory -j$(LINT_JOBS) --output-sync=target \
		lint-all

lint-all: lint-cppcheck $(TIDY_SRC:%=lint-tidy/%)

lint-cppcheck:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--std=c11 -Iinclude -D__GNUC__ $(SONAME_DEFS) --inline-suppr \
		--include=scripts/cppcheck-defs.h \
		--suppress=missingIncludeSystem src

$(TIDY_SRC:%=lint-tidy/%): lint-tidy/%:
	@echo "clang-tidy $*"
	@clang-tidy --quiet --warnings-as-errors='*' $* -- $(CPPFLAGS_ALL) \
		-std=c11

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR)/rules
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/artread
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 $(WEBMOD) $(DESTDIR)$(LIBDIR)/artread-web.so
	install -m 644 man/artread.1 $(DESTDIR)$(MANDIR)/artread.1
	install -m 644 themes/*.ini $(DESTDIR)$(DATADIR)/themes/
	install -m 644 rules/* $(DESTDIR)$(DATADIR)/rules/
	install -m 644 LICENSE $(DESTDIR)$(DATADIR)/LICENSE

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/artread $(DESTDIR)$(MANDIR)/artread.1
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf build artread $(GAZ) $(RULES_IDX)

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UI_OBJ:.o=.d) \
	$(WEB_PIC_OBJ:.o=.d) \
	$(TEST_BIN:=.d) $(BUILD)/bench/rules_speed.d \
	$(BUILD)/bench/search_speed.d $(BUILD)/tools/gazgen.d \
	$(BUILD)/tools/rulesc.d $(BUILD)/tools/themec.d \
	$(WEB_OBJ:.o=.d)

# ---- fuzzing (tests/fuzz/) -------------------------------------------
#
#   make fuzz [FUZZ_SECONDS=60]    build every libFuzzer target with clang
#                                  and run each for FUZZ_SECONDS
#   make fuzz-build                build them only (build/fuzz/NAME)
#   make fuzz-run-NAME             build and run one of them
#   make fuzz-deps                 install clang, its libFuzzer runtime,
#                                  clang-tidy and cppcheck (Debian)
#
# The core sources (src/*.c, not src/cli/ nor src/ui/) are compiled into
# build/fuzz/ with the fuzzer, ASan and UBSan flags.  Each target runs
# on a copy of tests/fuzz/corpus/NAME/ (build/fuzz/corpus-NAME/, so the
# repository's corpus is not polluted) with tests/fuzz/corpus/NAME.dict
# if there is one.  A crash, leak or timeout fails `make fuzz`; the
# input is saved as build/fuzz/NAME-crash-... (and so on).

FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_BUILD	 = build/fuzz
FUZZ_SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer
# Documents are read on first touch a page at a time (doc.h), so that
# small inputs span several blocks.
FUZZ_CFLAGS	 = -std=c11 -g -O1 $(FUZZ_SAN) -DDOC_BLOCK=4096
FUZZ_NAMES	:= $(sort $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS	:= $(FUZZ_NAMES:%=$(FUZZ_BUILD)/%)
FUZZ_CORE_OBJ	:= $(CORE_SRC:%.c=$(FUZZ_BUILD)/%.o)

.PHONY: fuzz fuzz-build fuzz-deps $(FUZZ_NAMES:%=fuzz-run-%)

$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
		-MMD -MP -c $< -o $@

$(FUZZ_BUILD)/libcore.a: $(FUZZ_CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libcore.a
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
		-MMD -MP -o $@ $< $(FUZZ_BUILD)/libcore.a $(LIBS)

# The extractor's target also links the web sources (libxml2, libcurl).
FUZZ_WEB_OBJ	:= $(WEB_SRC:%.c=$(FUZZ_BUILD)/%.o)
$(FUZZ_WEB_OBJ): CPPFLAGS_ALL += $(WEB_CFLAGS)

$(FUZZ_BUILD)/fuzz_extract: tests/fuzz/fuzz_extract.c $(wildcard tests/fuzz/*.h) \
		$(FUZZ_WEB_OBJ) $(FUZZ_BUILD)/libcore.a
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(WEB_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_WEB_OBJ) $(FUZZ_BUILD)/libcore.a $(LIBS) $(WEB_LIBS)

# clang, libFuzzer's runtime, clang-tidy and cppcheck (also for lint).
fuzz-deps:
	@sh scripts/install-deps.sh dev

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_NAMES:%=fuzz-run-%)

$(FUZZ_NAMES:%=fuzz-run-%): fuzz-run-%: $(FUZZ_BUILD)/%
	@rm -rf $(FUZZ_BUILD)/corpus-$*
	@mkdir -p $(FUZZ_BUILD)/corpus-$*
	@cp tests/fuzz/corpus/$*/* tests/fuzz/regress/$*/* \
		$(FUZZ_BUILD)/corpus-$*/ 2>/dev/null || true
	@echo "== $* for $(FUZZ_SECONDS) s"
	$(FUZZ_BUILD)/$* -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/$*- \
		$(if $(wildcard tests/fuzz/corpus/$*.dict),-dict=tests/fuzz/corpus/$*.dict) \
		$(FUZZ_BUILD)/corpus-$* 2>$(FUZZ_BUILD)/$*.log || \
		{ tail -n 60 $(FUZZ_BUILD)/$*.log; exit 1; }
	@grep -E '^(stat::number_of_executed_units|Done|#[0-9]+.*DONE)' \
		$(FUZZ_BUILD)/$*.log | tail -n 2

-include $(FUZZ_CORE_OBJ:.o=.d) $(FUZZ_WEB_OBJ:.o=.d) $(FUZZ_BINS:=.d)

# ---- fuzz corpora replayed by make check (no libFuzzer needed) -------
#
# Each target is also linked, with the build's own compiler and flags,
# with tests/fuzz/replay.c (a main that feeds it every file named) into
# $(BUILD)/fuzz-replay/NAME: tests-bin makes them for the normal and the
# ASan+UBSan builds, and tests/run.sh replays tests/fuzz/corpus/NAME/
# and tests/fuzz/regress/NAME/ (every crash input found) with both.

REPLAY_BINS	:= $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/%)

$(BUILD)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    $(wildcard tests/fuzz/*.h) $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< tests/fuzz/replay.c \
		$(BUILD)/libcore.a $(LIBS)

tests-bin: $(REPLAY_BINS)

# The extractor's replay also links libweb.a, libxml2 and libcurl.
$(BUILD)/fuzz-replay/fuzz_extract: tests/fuzz/fuzz_extract.c \
    tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(BUILD)/libweb.a \
    $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(WEB_CFLAGS) $(CFLAGS_ALL) -o $@ $< \
		tests/fuzz/replay.c $(BUILD)/libweb.a $(BUILD)/libcore.a $(LIBS) \
		$(WEB_LIBS)
