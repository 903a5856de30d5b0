/*
 * text.c - small text tests shared by the reader and the writers: prefixes,
 * substrings, list markers.
 */
#include "internal.h"
#include <ctype.h>
#include <string.h>

bool folio_starts_with_ci(const char *s, size_t n, const char *prefix)
{
    /* Most calls fail on the first byte: look at it before measuring. */
    if (n == 0 || prefix[0] == '\0')
        return prefix[0] == '\0';
    if (folio_ascii_lower(s[0]) != folio_ascii_lower(prefix[0]))
        return false;
    size_t i = 1;
    for (; prefix[i]; i++)
        if (i >= n || folio_ascii_lower(s[i]) != folio_ascii_lower(prefix[i]))
            return false;
    return true;
}

bool folio_contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || k > n)
        return k == 0;
    const char *end = s + n - k + 1, *p = s;
    while ((p = memchr(p, needle[0], (size_t)(end - p))) != NULL) {
        if (memcmp(p, needle, k) == 0)
            return true;
        p++;
    }
    return false;
}

size_t folio_list_marker(const char *s, size_t n, int *ordered)
{
    static const char *bullets[] = { "• ", "· ", "● ", "▪ ", "■ ", "◆ ", "- ", "* ", "– ",
                                     "•", "●", "▪", "■", "◆", NULL };
    *ordered = 0;
    unsigned char c0 = n ? (unsigned char)s[0] : 0;
    /* Every marker starts with one of these bytes: - * ( digits, and the
     * lead bytes of • · – ● ▪ ■ ◆ ① （ */
    if (!(c0 == '-' || c0 == '*' || c0 == '(' || isdigit(c0) || c0 == 0xE2 || c0 == 0xC2 || c0 == 0xEF))
        return 0;
    for (const char *const *b = bullets; *b; b++)
        if (folio_starts_with_ci(s, n, *b) && n > strlen(*b))
            return strlen(*b);
    /* "1. " "1) " "(1)" "（1）" "①" */
    size_t i = 0;
    int32_t c;
    size_t k = folio_utf8_next(s, n, &c);
    if (c >= 0x2460 && c <= 0x2473) {
        *ordered = 1;
        return k;
    }
    bool paren = s[0] == '(' || folio_starts_with_ci(s, n, "（");
    if (paren)
        i = s[0] == '(' ? 1 : 3;
    size_t d = i;
    while (d < n && isdigit((unsigned char)s[d]) && d - i < 3)
        d++;
    if (d == i)
        return 0;
    if (paren) {
        if (d < n && s[d] == ')')
            d += 1;
        else if (folio_starts_with_ci(s + d, n - d, "）"))
            d += 3;
        else
            return 0;
    } else if (d + 1 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
        d += 1;
    } else {
        return 0;
    }
    while (d < n && s[d] == ' ')
        d++;
    *ordered = 1;
    return d < n ? d : 0;
}


static bool cjk_numeral(int32_t c)
{
    static const int32_t digits[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
                                      0x5341, 0x767E, 0x96F6, 0x3007 }; /* 一二三四五六七八九十百零〇 */
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
        if (c == digits[i])
            return true;
    return c >= '0' && c <= '9';
}

/* Bytes at s that are a heading's own number: an ordered list marker
 * ("2. ", "(3)", "2.1 "), CJK numerals before 、 or ，("一、"),
 * "Part/Chapter/Section X ", "第…章/节/部分/回/篇", or the whole heading when
 * it is a bare number ("1"); 0 if none. */
size_t folio_heading_number(const char *s, size_t n)
{
    int ordered;
    size_t k = folio_list_marker(s, n, &ordered);
    if (k && ordered)
        return k;
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == n && n)
        return n; /* "1" alone */
    static const char *const words[] = { "Part ", "Chapter ", "Section ", NULL };
    for (const char *const *w = words; *w; w++)
        if (strncmp(s, *w, strlen(*w)) == 0) {
            i = strlen(*w);
            while (i < n && s[i] != ' ' && s[i] != ':')
                i++;
            while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '.'))
                i++;
            return i;
        }
    int32_t c;
    bool ordinal = n >= 3 && memcmp(s, "\xE7\xAC\xAC", 3) == 0; /* 第 */
    i = ordinal ? 3 : 0;
    while (i < n) {
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (!cjk_numeral(c))
            break;
        i += step;
    }
    if (ordinal) { /* 第三章, 第2节: the unit, then any space */
        size_t step = i < n ? folio_utf8_next(s + i, n - i, &c) : 0;
        if (step && (c == 0x7AE0 || c == 0x8282 || c == 0x56DE || c == 0x7BC7 || c == 0x6761 || c == 0x90E8))
            i += step; /* 章节回篇条部 */
        while (i < n && s[i] == ' ')
            i++;
        return i;
    }
    if (i > 0 && i < n && (folio_starts_with_ci(s + i, n - i, "\xE3\x80\x81") ||
                           folio_starts_with_ci(s + i, n - i, "\xEF\xBC\x8C"))) /* 、 ， */
        return i + 3;
    return 0;
}
