/*
 * utf8.c - decoding and character classes.  Unicode tables come from
 * utf8proc (categories, East Asian width); only the script ranges folio
 * needs for CJK decisions are spelled out here, because utf8proc has no
 * script property.
 */
#include "internal.h"
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
    return w < 0 ? 0 : w;
}

size_t folio_text_width(const char *s, size_t n)
{
    size_t w = 0, i = 0;
    while (i < n) {
        int32_t c;
        i += folio_utf8_next(s + i, n - i, &c);
        w += (size_t)folio_char_width(c);
    }
    return w;
}
