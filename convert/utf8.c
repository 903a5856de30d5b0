/*
 * utf8.c - decoding and character classes.  Unicode tables come from
 * utf8proc (categories, East Asian width); only the script ranges folio
 * needs for CJK decisions are spelled out here, because utf8proc has no
 * script property.
 */
#include "internal.h"
#include <string.h>
#include <utf8proc.h>

size_t folio_utf8_next_slow(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

int32_t folio_utf8_last(const char *s, size_t n, size_t *start)
{
    if (n == 0) {
        if (start)
            *start = 0;
        return 0;
    }
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && n - i < 4)
        i--;
    int32_t cp;
    folio_utf8_next(s + i, n - i, &cp);
    if (start)
        *start = i;
    return cp;
}

size_t folio_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

bool folio_is_cjk(int32_t c)
{
    return folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65);
}

bool folio_is_space_slow(int32_t c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

bool folio_is_letter_slow(int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

bool folio_is_upper_slow(int32_t c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

bool folio_is_lower_slow(int32_t c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int folio_char_width(int32_t c)
{
    if (c >= 0x20 && c < 0x7F)
        return 1;
    if (c >= 0x4E00 && c <= 0x9FFF)
        return 2;
    int w = utf8proc_charwidth(c);
    /* a spacing mark (Devanagari ि ा) takes a column in a terminal, as
     * wcwidth counts it; utf8proc counts it none */
    if (w == 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_MC)
        return 1;
    return w < 0 ? 0 : w;
}

/* East Asian Width "Ambiguous" characters of running text (UAX 11): one
 * column in a Western terminal, two in a Chinese or Japanese one.  The
 * punctuation, symbols and letters that occur in CJK text. */
bool folio_is_ambiguous_width(int32_t c)
{
    static const int32_t ranges[][2] = {
        { 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 }, { 0x00AA, 0x00AA }, { 0x00AE, 0x00AE },
        { 0x00B0, 0x00B4 }, { 0x00B6, 0x00BA }, { 0x00BC, 0x00BF }, { 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 },
        { 0x0391, 0x03A9 }, { 0x03B1, 0x03C9 }, { 0x0401, 0x0401 }, { 0x0410, 0x044F }, { 0x0451, 0x0451 },
        { 0x2010, 0x2010 }, { 0x2013, 0x2016 }, { 0x2018, 0x2019 }, { 0x201C, 0x201D }, { 0x2020, 0x2022 },
        { 0x2024, 0x2027 }, { 0x2030, 0x2030 }, { 0x2032, 0x2033 }, { 0x2035, 0x2035 }, { 0x203B, 0x203B },
        { 0x203E, 0x203E }, { 0x2103, 0x2103 }, { 0x2109, 0x2109 }, { 0x2116, 0x2116 }, { 0x2121, 0x2122 },
        { 0x2160, 0x216B }, { 0x2170, 0x2179 }, { 0x2190, 0x2199 }, { 0x21D2, 0x21D2 }, { 0x21D4, 0x21D4 },
        { 0x2200, 0x2200 }, { 0x2202, 0x2203 }, { 0x2207, 0x2208 }, { 0x220B, 0x220B }, { 0x2211, 0x2211 },
        { 0x221A, 0x221A }, { 0x221D, 0x2220 }, { 0x2227, 0x222C }, { 0x2234, 0x2237 }, { 0x2248, 0x2248 },
        { 0x2260, 0x2261 }, { 0x2264, 0x2267 }, { 0x2282, 0x2283 }, { 0x2460, 0x24E9 }, { 0x2500, 0x257F },
        { 0x25A0, 0x25A1 }, { 0x25B2, 0x25B3 }, { 0x25BC, 0x25BD }, { 0x25C6, 0x25C8 }, { 0x25CB, 0x25CB },
        { 0x25CE, 0x25D1 }, { 0x2605, 0x2606 }, { 0x2640, 0x2640 }, { 0x2642, 0x2642 },
    };
    if (c < 0xA1 || c > 0x2642)
        return false;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1])
            return true;
    return false;
}

static size_t text_width(const char *s, size_t n, bool ambiguous_wide)
{
    size_t w = 0, i = 0;
    while (i < n) {
        int32_t c;
        i += folio_utf8_next(s + i, n - i, &c);
        w += ambiguous_wide && folio_is_ambiguous_width(c) ? 2 : (size_t)folio_char_width(c);
    }
    return w;
}

size_t folio_text_width_cjk(const char *s, size_t n)
{
    return text_width(s, n, true);
}

size_t folio_text_width(const char *s, size_t n)
{
    return text_width(s, n, false);
}

const char *folio_utf8_repaired(folio_arena *a, const char *s, bool *bad)
{
    folio_buf b = { 0 };
    size_t n = strlen(s);
    bool any = false;
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        bool invalid = c == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0);
        folio_buf_append(&b, invalid ? "\xEF\xBF\xBD" : s + i, invalid ? 3 : k);
        any |= invalid;
        i += k;
    }
    const char *t = b.failed ? NULL : folio_arena_strndup(a, b.data ? b.data : "", b.len);
    folio_buf_free(&b);
    if (bad)
        *bad = any;
    return t;
}
