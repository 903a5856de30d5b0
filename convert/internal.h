/*
 * internal.h - helpers shared by the files of libfolio, not part of the API.
 * Names keep the folio_ prefix so the static library exports nothing that
 * could clash with a program's own symbols.
 */
#ifndef FOLIO_INTERNAL_H
#define FOLIO_INTERNAL_H

#include "folio.h"
#include <stdint.h>
#include <stdbool.h>

/* ---- arena: many small allocations, freed together with the document ---- */
folio_arena *folio_arena_new(void);
void folio_arena_free(folio_arena *a);
/* NULL when out of memory; memory is zeroed and 8-byte aligned. */
void *folio_arena_alloc(folio_arena *a, size_t size);
char *folio_arena_strndup(folio_arena *a, const char *s, size_t n);
char *folio_arena_strdup(folio_arena *a, const char *s);

/* ---- growable byte buffer (heap, owned by the caller) ---- */
typedef struct folio_buf {
    char *data;
    size_t len, cap;
    bool failed;        /* an allocation failed; later appends are no-ops */
} folio_buf;
void folio_buf_append(folio_buf *b, const char *s, size_t n);
void folio_buf_puts(folio_buf *b, const char *s);
/* One byte: inline, as the text passes write and match character by character. */
static inline void folio_buf_putc(folio_buf *b, char c)
{
    if (b->len + 2 <= b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        folio_buf_append(b, &c, 1);
    }
}
void folio_buf_free(folio_buf *b);

/* ---- buffered output to a sink (text writers) ---- */
typedef struct folio_out {
    folio_buf buf;
    folio_sink_fn sink;
    void *user;
    bool failed;        /* the sink refused bytes: later output is dropped */
} folio_out;
/* Hand what is buffered to the sink. */
void folio_out_flush(folio_out *o);
/* Flush once more than 64 KB is buffered. */
void folio_out_maybe_flush(folio_out *o);
/* Flush, free the buffer, and say how it went (message in err if not NULL). */
folio_status folio_out_finish(folio_out *o, folio_error *err);

/* ---- UTF-8 and character classes (utf8proc underneath) ---- */
/* Decode one code point at s (at most n bytes); sets *cp (U+FFFD on a bad
 * sequence) and returns the bytes consumed (>= 1).  Inline: every loop over
 * text calls it per character; the common well-formed forms are decoded
 * here, the rest (4-byte, malformed) by utf8proc in the slow path. */
size_t folio_utf8_next_slow(const char *s, size_t n, int32_t *cp);
static inline size_t folio_utf8_next(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n && p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (n >= 2 && p[0] >= 0xC2 && p[0] < 0xE0 && (p[1] & 0xC0) == 0x80) {
        *cp = (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
        return 2;
    }
    if (n >= 3 && p[0] >= 0xE1 && p[0] < 0xF0 && p[0] != 0xED && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        *cp = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        return 3;
    }
    return folio_utf8_next_slow(s, n, cp);
}
/* ASCII lower case without the locale (tolower() is a call per byte). */
static inline char folio_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}
/* FNV-1a over s[0, n), going on from h (FOLIO_FNV_BASIS to start). */
#define FOLIO_FNV_BASIS 1469598103934665603ull
static inline uint64_t folio_fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}
/* A word's key in an open-addressing set of hashes: FNV-1a of it with ASCII
 * letters lower-cased, never 0 (an empty slot). */
static inline uint64_t folio_word_hash(const char *w, size_t n)
{
    uint64_t h = FOLIO_FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)folio_ascii_lower(w[i])) * 1099511628211ull;
    return h | 1;
}
/* Last code point of s[0..n) or 0 for an empty string; *start gets its offset. */
int32_t folio_utf8_last(const char *s, size_t n, size_t *start);
size_t folio_utf8_count(const char *s, size_t n);
static inline bool folio_is_han(int32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}
static inline bool folio_is_kana(int32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F);
}
static inline bool folio_is_hangul(int32_t c)
{
    return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F);
}
bool folio_is_cjk(int32_t c);          /* Han, kana, hangul, CJK punctuation */
bool folio_is_space_slow(int32_t c);
/* Unicode white space incl. NBSP, U+3000; inline for ASCII and Han, the
 * bulk of every text, the rest asks utf8proc. */
static inline bool folio_is_space(int32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (c >= 0x3400 && c <= 0x9FFF)
        return false;
    return folio_is_space_slow(c);
}
/* zero-width and BOM characters */
static inline bool folio_is_invisible(int32_t c)
{
    return c >= 0x00AD && (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
                           c == 0xFEFF || c == 0x00AD);
}
/* Letters, digits and case: inline for ASCII, utf8proc for the rest. */
bool folio_is_letter_slow(int32_t c);
bool folio_is_upper_slow(int32_t c);
bool folio_is_lower_slow(int32_t c);
static inline bool folio_is_letter(int32_t c)
{
    return c < 0x80 ? (c | 32) >= 'a' && (c | 32) <= 'z' : folio_is_letter_slow(c);
}
static inline bool folio_is_digit(int32_t c)  /* ASCII and full-width digits */
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}
static inline bool folio_is_upper(int32_t c)
{
    return c < 0x80 ? c >= 'A' && c <= 'Z' : folio_is_upper_slow(c);
}
static inline bool folio_is_lower(int32_t c)
{
    return c < 0x80 ? c >= 'a' && c <= 'z' : folio_is_lower_slow(c);
}
int folio_char_width(int32_t c);       /* terminal columns: 0, 1 or 2 */
size_t folio_text_width(const char *s, size_t n);
/* East Asian Width "Ambiguous" (“ ” · — … and the like), and the width
 * of a text that counts them two columns, as a CJK terminal shows them. */
bool folio_is_ambiguous_width(int32_t c);
size_t folio_text_width_cjk(const char *s, size_t n);
/* A copy of s in the arena with every byte that is not UTF-8 replaced by
 * U+FFFD; *bad (if given) says whether any was.  NULL if memory ran out. */
const char *folio_utf8_repaired(folio_arena *a, const char *s, bool *bad);

/* ---- text tests (text.c) ---- */
/* Does s[0..n) start with prefix (ASCII case-insensitive)? */
bool folio_starts_with_ci(const char *s, size_t n, const char *prefix);
/* Does s[0..n) contain needle (bytes)? */
bool folio_contains(const char *s, size_t n, const char *needle);
/* Bytes of a list marker at the start ("• ", "- ", "1. ", "(1)", "①"), 0 if
 * none; *ordered is 1 for numbered markers. */
size_t folio_list_marker(const char *s, size_t n, int *ordered);
/* Bytes at the start of a heading that are its own number ("2. ", "一、",
 * "第三章", "Part II "; the whole of a bare "1"), 0 if none. */
size_t folio_heading_number(const char *s, size_t n);

/* ---- shared by the writers (doc.c) ---- */
#include <time.h>
/* The time stamped on an output: opts->epoch (SOURCE_DATE_EPOCH) if set, else
 * the document's date at midnight UTC, else 2000-01-01: the same input always
 * gives the same file. */
/* Is a language tag (folio_language_tag's) Chinese, Japanese or Korean? */
bool folio_tag_is_cjk(const char *tag);
/* Is it a language written right to left (Arabic, Persian, Urdu, Hebrew...)? */
bool folio_tag_is_rtl(const char *tag);
/* The name of the text before the first heading, in the document's language
 * (开篇, はじめに, Opening), and whether the document has such a text and a
 * heading after it (the writers give it a node of its own). */
const char *folio_opening_label(const folio_doc *doc);
/* The words the writers add, in a language (English where none is known). */
typedef struct folio_words {
    const char *lang;         /* a language tag's start: "zh-Hant", "zh", "fr" */
    const char *opening;      /* the text before the first heading: "Opening", "开篇" */
    const char *date, *source; /* labels before a value: "Date: ", "日期：" */
    const char *summary;      /* "Summary", "摘要" */
    const char *page;         /* a page's footer, printf of the page and the count: "page %d of %d" */
} folio_words;
/* For a language tag (folio_language_tag's), for a document. */
const folio_words *folio_words_for(const char *tag);
const folio_words *folio_doc_words(const folio_doc *doc);
/* The document's title, or "Untitled" when it has none (every writer's fallback). */
const char *folio_doc_title(const folio_doc *doc);
bool folio_has_opening(const folio_doc *doc);
/* Does one of the first paragraphs (before any heading) open with the
 * summary, spaces aside?  The summary is then the lead's own words (a site's
 * 摘要 over its 导语): it stays the document's description, and the page
 * does not print it twice. */
enum { SUMMARY_LOOK = 3 };
bool folio_summary_in_text(const folio_doc *doc);
struct tm folio_doc_time(const folio_doc *doc, const folio_write_opts *opts);
/* "Ann Lee, Bo Chen · 2025-05-31 · Source" into out: the authors joined by
 * author_sep, then date and source after part_sep. */
void folio_byline(const folio_meta *m, const char *author_sep, const char *part_sep, bool date_source,
                  folio_buf *out);

/* ---- decoding (decode.c) ---- */
/* Bytes of a file to UTF-8: BOM, `encoding` if given, valid UTF-8, or
 * uchardet + iconv.  *text is `in` itself when nothing needed converting,
 * else the converted text held in `out` (the caller frees out).  Bad bytes
 * become U+FFFD and `warning` says where (or, strict, FOLIO_ERR_INPUT);
 * images and other binary data: FOLIO_ERR_INPUT "not text (...)"; an unknown
 * encoding name: FOLIO_ERR_USAGE. */
/* A warning of the library: a one-line message, and the field of the
 * options whose setting would change what happened ("strict", "encoding")
 * or NULL; message[0] == 0: none. */
typedef struct folio_warning {
    char message[160];
    const char *option;
} folio_warning;
folio_status folio_decode(const char *in, size_t len, const char *encoding, bool strict, const char **text,
                          size_t *text_len, folio_buf *out, folio_warning *warning, folio_error *err);

/* ---- sentences (sentence.c) ---- */
/* Length in bytes of the first sentence of s[0..n): through its final
 * punctuation and closing quotes, not the space after.  Knows CJK stops
 * (。！？…), abbreviations (Dr., U.S., e.g.), initials and decimals. */
size_t folio_sentence_len(const char *s, size_t n);
/* The sentence s[0..n) as a key sentence for an outline: appended to out,
 * with the closing quotation marks its cut left open (“…years ago.”). */
void folio_key_sentence(const char *s, size_t n, folio_buf *out);
/* How much each term (a Latin word of four letters or more, a CJK
 * character pair) of a document is repeated in its paragraphs, headings
 * and title; NULL when out of memory.  Free with folio_terms_free(). */
typedef struct folio_terms folio_terms;
folio_terms *folio_terms_new(const folio_doc *doc);
void folio_terms_free(folio_terms *t);
/* The key sentence of s[0, n): the sentence whose terms the article repeats
 * most (over the square root of their number; the first sentence a third
 * more); returns its start, its length in *len.  t NULL: the first. */
size_t folio_salient_sentence(const folio_terms *t, const char *s, size_t n, size_t *len);

/* ---- line breaking (linebreak.c, UAX #14 through libunibreak) ---- */
typedef double (*folio_measure_fn)(void *user, const char *s, size_t n);
/* A line s[0..n); `hyphen`: the line ends inside a word, draw a hyphen. */
typedef int (*folio_line_fn)(void *user, const char *s, size_t n, bool hyphen);
/* Where word w[0..n) may be hyphenated: at[k] true for a break after byte k
 * (at has n entries); false when the word has no such place. */
typedef bool (*folio_hyphen_fn)(void *user, const char *w, size_t n, char *at);
/* Break s[0..n) greedily into lines whose measure fits `first` (first line)
 * and `rest` (the others); calls emit for each line without trailing spaces.
 * A closing mark never starts a line and an opening mark never ends one;
 * a word that misses the end of a line is hyphenated when hyph (may be
 * NULL) knows where, a part of it with a hyphen fits, the line would be
 * loose without it (spaces more than doubled) and the two lines before
 * are not hyphenated;
 * a word longer than a line is broken inside only at URL-like places
 * (after / . - ? & = _), else by characters as a last resort.
 * Returns 0, or the first non-zero value emit returned, or -1 (no memory). */
int folio_break_lines(const char *s, size_t n, const char *lang, double first, double rest,
                      folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu,
                      folio_line_fn emit, void *eu);
/* Narrow the word s[*a, *b) to its letters (quotes, brackets, trailing
 * punctuation and spaces off): the part a dictionary hyphenates. */
void folio_word_letters(const char *s, size_t *a, size_t *b);
/* The break opportunities of s[0..n) (libunibreak's codes, one a byte),
 * with Japanese strict kinsoku; -1 when out of memory. */
int folio_line_breaks(const char *s, size_t n, const char *lang, char *brks);
/* The same as folio_break_lines for a justified paragraph, by total fit
 * (justify.c): the breaks that stretch the lines' spaces (and CJK gaps)
 * most evenly, hyphens and a CJK paragraph's one-character last line
 * costing extra; lines never exceed the measure.  Falls back to
 * folio_break_lines where no set of lines fits (a word wider than a line). */
int folio_break_justified(const char *s, size_t n, const char *lang, double first, double rest,
                          folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu,
                          folio_line_fn emit, void *eu);
/* The same for a display line (a title, a heading) of one measure, not
 * hyphenated: it breaks between words, never inside a katakana word or a
 * short term in brackets or quotes ("“太平洋防务条约”") unless the word
 * alone is wider than the line. */
int folio_break_display(const char *s, size_t n, const char *lang, double width, folio_measure_fn measure,
                        void *mu, folio_line_fn emit, void *eu);
/* The width of the widest piece of s that a display line does not break
 * (a word, a phrase): a balanced title is set no narrower.  -1 when out
 * of memory. */
double folio_display_min_width(const char *s, size_t n, const char *lang, folio_measure_fn measure, void *mu);

/* ---- background deflate (deflate.c, zlib on worker threads) ---- */
typedef struct folio_deflater folio_deflater;
/* One piece of data being deflated.  After folio_deflate_wait the caller
 * reads out, crc and len; the rest belongs to deflate.c. */
typedef struct folio_deflate_job {
    struct folio_deflate_job *next;
    folio_deflater *owner;
    char *raw;                  /* the input until deflated */
    size_t len;                 /* input size in bytes */
    bool zip;                   /* raw deflate with a CRC-32 (zip) or the zlib format (PDF) */
    folio_buf out;              /* the deflated bytes */
    uint32_t crc;               /* CRC-32 of the input, zip jobs only */
    bool done, ok;
} folio_deflate_job;
/* Start the workers (one per core, at most four; none if threads cannot be
 * made: jobs then run in folio_deflate_submit).  NULL when out of memory. */
folio_deflater *folio_deflater_new(void);
/* Queue data (malloc'd; ownership passes here, also on failure); NULL when
 * out of memory. */
folio_deflate_job *folio_deflate_submit(folio_deflater *d, char *data, size_t len, bool zip);
/* Is the job finished?  Does not wait. */
bool folio_deflate_done(folio_deflate_job *j);
/* Wait for the job; false if zlib or memory failed it. */
bool folio_deflate_wait(folio_deflate_job *j);
/* Wait for the job and free it and its output.  NULL is allowed. */
void folio_deflate_job_free(folio_deflate_job *j);
/* Stop the workers once the queue is empty; free every job first. */
void folio_deflater_free(folio_deflater *d);

/* ---- hyphenation (hyphen.c, libhyphen and /usr/share/hyphen) ---- */
typedef struct folio_hyphenator folio_hyphenator;
/* The dictionary for a language ("en", "de-CH"), loading in the background;
 * NULL when none is installed.  One hyphenator serves one thread. */
folio_hyphenator *folio_hyphenator_new(const char *lang);
void folio_hyphenator_free(folio_hyphenator *h);
/* A folio_hyphen_fn (user: the hyphenator): lower-case words of 5 to 100
 * bytes, at least two letters before a break and three after.  The
 * first call waits for the dictionary; false for every word if it failed. */
bool folio_hyphen_points(void *user, const char *w, size_t n, char *at);
/* East Asian width measure for terminals and plain text (user unused). */
/* Columns of s; user non-NULL (any pointer): ambiguous characters count two. */
double folio_measure_columns(void *user, const char *s, size_t n);

#endif
