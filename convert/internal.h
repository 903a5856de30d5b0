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
void folio_buf_putc(folio_buf *b, char c);
void folio_buf_free(folio_buf *b);

/* ---- UTF-8 and character classes (utf8proc underneath) ---- */
/* Decode one code point at s (at most n bytes); sets *cp (U+FFFD on a bad
 * sequence) and returns the bytes consumed (>= 1). */
size_t folio_utf8_next(const char *s, size_t n, int32_t *cp);
/* Last code point of s[0..n) or 0 for an empty string; *start gets its offset. */
int32_t folio_utf8_last(const char *s, size_t n, size_t *start);
size_t folio_utf8_count(const char *s, size_t n);
bool folio_is_han(int32_t c);
bool folio_is_kana(int32_t c);
bool folio_is_hangul(int32_t c);
bool folio_is_cjk(int32_t c);          /* Han, kana, hangul, CJK punctuation */
bool folio_is_space(int32_t c);        /* Unicode white space incl. NBSP, U+3000 */
bool folio_is_invisible(int32_t c);    /* zero-width and BOM characters */
bool folio_is_letter(int32_t c);
bool folio_is_digit(int32_t c);        /* ASCII and full-width digits */
bool folio_is_upper(int32_t c);
bool folio_is_lower(int32_t c);
int folio_char_width(int32_t c);       /* terminal columns: 0, 1 or 2 */
size_t folio_text_width(const char *s, size_t n);

#endif
