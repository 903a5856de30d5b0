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

