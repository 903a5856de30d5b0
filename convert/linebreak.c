/*
 * linebreak.c - greedy line filling over UAX #14 break opportunities
 * (libunibreak), with a caller's measure: terminal columns for the outline,
 * font advances for the PDF.
 */
#include "internal.h"
#include <linebreak.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void lb_init(void)
{
    init_linebreak();
}

double folio_measure_columns(void *user, const char *s, size_t n)
{
    return (double)(user ? folio_text_width_cjk(s, n) : folio_text_width(s, n));
}

static size_t trim_end(const char *s, size_t a, size_t b)
{
    while (b > a && s[b - 1] == ' ')
        b--;
    return b;
}

/* Inside a word too long for a line: after / . - ? & = _ (URLs, paths),
 * else after any character.  Returns the end of the longest prefix of
 * s[a..b) that fits, at least one character. */
static size_t split_long(const char *s, size_t a, size_t b, double width, folio_measure_fn m, void *mu)
{
    size_t best_soft = 0, best_hard = 0, i = a;
    while (i < b) {
        int32_t c;
        i += folio_utf8_next(s + i, b - i, &c);
        if (m(mu, s + a, i - a) > width)
            break;
        best_hard = i;
        if (strchr("/.-?&=_", (int)c) && c != 0 && i < b)
            best_soft = i;
    }
    if (best_soft)
        return best_soft;
    if (best_hard)
        return best_hard;
    int32_t c;
    return a + folio_utf8_next(s + a, b - a, &c);
}

void folio_word_letters(const char *s, size_t *a, size_t *b)
{
    int32_t c;
    while (*a < *b) { /* leading quotes, brackets */
        size_t k = folio_utf8_next(s + *a, *b - *a, &c);
        if (folio_is_letter(c))
            break;
        *a += k;
    }
    while (*b > *a) { /* trailing space and punctuation */
        size_t at;
        c = folio_utf8_last(s + *a, *b - *a, &at);
        if (folio_is_letter(c))
            break;
        *b = *a + at;
    }
}

/* The word s[a..b) missed the end of the line s[start..a): the end of its
 * longest part that fits with a hyphen, or 0.  Quotes and punctuation
 * around the word stay whole. */
static size_t hyphen_cut(const char *s, size_t start, size_t a, size_t b, double width, folio_measure_fn m,
                         void *mu, folio_hyphen_fn hyph, void *hu)
{
    if (s[a - 1] == '-') /* "wind-|turbine": a compound breaks at its own hyphen */
        return 0;
    folio_word_letters(s, &a, &b);
    char points[101] = { 0 };
    if (b - a >= sizeof points || !hyph(hu, s + a, b - a, points))
        return 0;
    double dash = m(mu, "-", 1);
    for (size_t k = b - a - 1; k > 0; k--)
        if (points[k - 1] && m(mu, s + start, a + k - start) + dash <= width)
            return a + k;
    return 0;
}

/* Would the line s[a..b) be loose when justified to `width`: each space
 * stretched by more than a whole space?  Only then is a word hyphenated, as
 * a careful compositor would: a hyphen costs more than a somewhat wider
 * gap (half a space gave a hyphen on every fifth line of a news feature). */
static bool loose(const char *s, size_t a, size_t b, double width, folio_measure_fn m, void *mu)
{
    b = trim_end(s, a, b);
    int spaces = 0;
    for (size_t i = a; i < b; i++)
        spaces += s[i] == ' ';
    double slack = width - m(mu, s + a, b - a);
    return spaces == 0 || slack / spaces > 1.0 * m(mu, " ", 1);
}

/* libunibreak 5.1 aborts on two kinds of input: U+FFFF is its end-of-text
 * sentinel (an assertion fails when one is in the text), and a regional
 * indicator (flag emoji halves) trips an assertion on its pair table.  The
 * breaks are computed on a copy where each such character is replaced by
 * one of the same UTF-8 length and a line-breaking class that behaves the
 * same way between words (U+FFFD; an ideograph of plane 2), so the byte
 * positions of the breaks stay those of the real text. */
static int safe_linebreaks(const char *s, size_t n, const char *lang, char *brks)
{
    char *copy = NULL;
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        bool nonchar = c == 0xFFFE || c == 0xFFFF, flag = c >= 0x1F1E6 && c <= 0x1F1FF;
        if ((nonchar || flag) && !copy) {
            if (!(copy = malloc(n)))
                return -1;
            memcpy(copy, s, n);
        }
        if (nonchar)
            memcpy(copy + i, "\xEF\xBF\xBD", 3);
        else if (flag)
            memcpy(copy + i, "\xF0\xA0\x80\x80", 4);
        i += k;
    }
    set_linebreaks_utf8((const utf8_t *)(copy ? copy : s), n, lang, brks);
    free(copy);
    return 0;
}

/* Japanese line starts as jlreq's strict rule keeps them: never a small
 * kana, the prolonged sound mark ー or an iteration mark (UAX #14 calls
 * them CJ and lets them start a line in "normal" breaking). */
static bool small_kana(int32_t c)
{
    static const char *const marks = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶーゝゞヽヾ々";
    if (c >= 0x31F0 && c <= 0x31FF) /* katakana phonetic extensions ㇰ..ㇿ */
        return true;
    for (size_t i = 0; marks[i];) {
        int32_t m;
        i += folio_utf8_next(marks + i, strlen(marks + i), &m);
        if (m == c)
            return true;
    }
    return false;
}

static void strict_kinsoku(const char *s, size_t n, const char *lang, char *brks)
{
    if (!lang || strncmp(lang, "ja", 2) != 0)
        return;
    for (size_t i = 0; i + 1 < n; i++) {
        int32_t c;
        if (brks[i] == LINEBREAK_ALLOWBREAK && (unsigned char)s[i + 1] >= 0xE3 &&
            (folio_utf8_next(s + i + 1, n - i - 1, &c), small_kana(c)))
            brks[i] = LINEBREAK_NOBREAK;
    }
}

/* A display line (a title, a heading) breaks between words, not inside
 * one: never inside a katakana word ("マネー") or inside a short term in
 * brackets or quotes ("“太平洋防务条约”", "《棱镜》", 12 characters at most).
 * A line that cannot fit such a word still breaks inside it (split_long). */
static bool katakana(int32_t c)
{
    return c >= 0x30A1 && c <= 0x30FC && c != 0x30FB; /* not the middle dot */
}

static bool term_open(int32_t c)
{
    return c == 0x201C || c == 0x300A || c == 0x300C || c == 0x300E || c == 0x3010 || c == 0xFF08;
}

static bool term_close(int32_t c)
{
    return c == 0x201D || c == 0x300B || c == 0x300D || c == 0x300F || c == 0x3011 || c == 0xFF09;
}

/* Between two letters of Chinese or Japanese a display line breaks only
 * where a phrase ends.  Japanese phrases (bunsetsu) end in kana: after
 * hiragana, before a letter that is not (a particle or an ending, then a
 * new word: "最新 SSD を / 比較してみた").  Chinese has no such mark; a
 * phrase ends after the particles 的 and 了.  Elsewhere (punctuation,
 * spaces, Latin) the usual opportunities stand. */
static bool hiragana(int32_t c)
{
    return c >= 0x3041 && c <= 0x309F;
}

static bool cjk_letter(int32_t c)
{
    return hiragana(c) || katakana(c) || c == 0x30FC || folio_is_han(c) || c == 0x3005;
}

static bool phrase_ends(bool ja, int32_t c, int32_t next)
{
    if (((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) && cjk_letter(next))
        return false; /* a figure and its unit or counter: "3000亿", "5月", "2019年" */
    if (!cjk_letter(c) || !cjk_letter(next))
        return true;
    return ja ? hiragana(c) && !hiragana(next) : c == 0x7684 /* 的 */ || c == 0x4E86 /* 了 */;
}

static void display_breaks(const char *s, size_t n, const char *lang, char *brks)
{
    bool ja = lang && strncmp(lang, "ja", 2) == 0, zh = lang && strncmp(lang, "zh", 2) == 0;
    size_t term_end = 0; /* inside a short term until this byte */
    for (size_t i = 0; i < n;) {
        int32_t c, next = 0;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (term_open(c) && i >= term_end) {
            size_t j = i + k;
            for (int chars = 0; j < n && chars < 12; chars++) {
                int32_t d;
                j += folio_utf8_next(s + j, n - j, &d);
                if (term_close(d)) {
                    term_end = j;
                    break;
                }
            }
        }
        if (i + k < n)
            folio_utf8_next(s + i + k, n - i - k, &next);
        if (brks[i + k - 1] == LINEBREAK_ALLOWBREAK &&
            (i + k < term_end || (katakana(c) && katakana(next)) || ((ja || zh) && !phrase_ends(ja, c, next))))
            brks[i + k - 1] = LINEBREAK_NOBREAK;
        i += k;
    }
}

/* A line set but not yet handed over: the last line of a paragraph may
 * take a character from it. */
typedef struct held {
    bool has, hyphen;
    size_t a, len;
} held;

static int hold(held *h, folio_line_fn emit, void *eu, const char *s, size_t a, size_t len, bool hyphen)
{
    int rc = h->has ? emit(eu, s + h->a, h->len, h->hyphen) : 0;
    *h = (held){ true, hyphen, a, len };
    return rc;
}

/* A paragraph of Chinese or Japanese never ends with a line of one
 * character (and its closing mark): the line before gives it its last
 * character, where a break is allowed there.  Returns where the last line
 * starts. */
static bool closing_mark(int32_t c)
{
    static const char *const marks = "。，、．）」』】》〉”’！？；：…";
    for (size_t i = 0; marks[i];) {
        int32_t m;
        i += folio_utf8_next(marks + i, strlen(marks + i), &m);
        if (m == c)
            return true;
    }
    return c < 0x80 && strchr(".,!?;:)]", (int)c) && c;
}

static size_t no_lone_character(const char *s, const char *brks, held *h, size_t a, size_t end)
{
    int32_t c;
    size_t letters = 0;
    for (size_t i = a; i < end;) {
        i += folio_utf8_next(s + i, end - i, &c);
        letters += !closing_mark(c);
    }
    folio_utf8_next(s + a, end - a, &c);
    if (!h->has || h->hyphen || letters != 1 || !folio_is_cjk(c) || h->len < 6)
        return a;
    size_t held_end = h->a + h->len, p = held_end;
    folio_utf8_last(s + h->a, h->len, &p);
    p += h->a; /* the start of the held line's last character */
    if (p <= h->a || brks[p - 1] != LINEBREAK_ALLOWBREAK || held_end != a)
        return a;
    h->len = p - h->a;
    return p;
}

int folio_line_breaks(const char *s, size_t n, const char *lang, char *brks)
{
    pthread_once(&once, lb_init);
    if (n && safe_linebreaks(s, n, lang, brks) < 0)
        return -1;
    strict_kinsoku(s, n, lang, brks);
    return 0;
}

static int break_lines(const char *s, size_t n, const char *lang, bool display, double first, double rest,
                       folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu, folio_line_fn emit,
                       void *eu);

int folio_break_lines(const char *s, size_t n, const char *lang, double first, double rest,
                      folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu,
                      folio_line_fn emit, void *eu)
{
    return break_lines(s, n, lang, false, first, rest, measure, mu, hyph, hu, emit, eu);
}

int folio_break_display(const char *s, size_t n, const char *lang, double width, folio_measure_fn measure,
                        void *mu, folio_line_fn emit, void *eu)
{
    return break_lines(s, n, lang, true, width, width, measure, mu, NULL, NULL, emit, eu);
}

double folio_display_min_width(const char *s, size_t n, const char *lang, folio_measure_fn measure, void *mu)
{
    char *brks = malloc(n ? n : 1);
    if (!brks || folio_line_breaks(s, n, lang, brks) < 0) {
        free(brks);
        return -1;
    }
    display_breaks(s, n, lang, brks);
    double widest = 0;
    for (size_t i = 0, start = 0; i < n; i++)
        if (brks[i] == LINEBREAK_ALLOWBREAK || brks[i] == LINEBREAK_MUSTBREAK || i + 1 == n) {
            size_t end = trim_end(s, start, i + 1);
            double w = measure(mu, s + start, end - start);
            widest = w > widest ? w : widest;
            start = i + 1;
        }
    free(brks);
    return widest;
}

static int break_lines(const char *s, size_t n, const char *lang, bool display, double first, double rest,
                       folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu, folio_line_fn emit,
                       void *eu)
{
    char *brks = malloc(n ? n : 1);
    if (!brks)
        return -1;
    if (folio_line_breaks(s, n, lang, brks) < 0) {
        free(brks);
        return -1;
    }
    if (display)
        display_breaks(s, n, lang, brks);
    size_t start = 0, last_ok = 0; /* last break opportunity that fits */
    int hyphenated = 0;             /* lines in a row that end with a hyphen */
    int rc = 0;
    held h = { 0 };
    double width = first;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (brks[i] != LINEBREAK_ALLOWBREAK && brks[i] != LINEBREAK_MUSTBREAK)
            continue;
        size_t end = trim_end(s, start, i + 1);
        bool fits = measure(mu, s + start, end - start) <= width;
        if (fits && brks[i] == LINEBREAK_ALLOWBREAK && i + 1 < n) {
            last_ok = i + 1;
            continue;
        }
        /* Hyphenate the word that misses the line when the line would be
         * loose without it, never three lines running, and never the
         * paragraph's last word (a fragment alone on the last line). */
        bool last_word = brks[i] == LINEBREAK_MUSTBREAK || i + 1 >= n;
        size_t cut = !fits && last_ok > start && hyph && hyphenated < 2 && !last_word &&
                             loose(s, start, last_ok, width, measure, mu)
                         ? hyphen_cut(s, start, last_ok, end, width, measure, mu, hyph, hu) : 0;
        hyphenated = cut ? hyphenated + 1 : !fits ? 0 : hyphenated;
        if (cut) { /* the missing word, hyphenated */
            rc = hold(&h, emit, eu, s, start, cut - start, true);
            start = last_ok = cut;
            width = rest;
            i = cut - 1;
            continue;
        }
        if (!fits && last_ok > start) { /* break at the last opportunity that fitted */
            rc = hold(&h, emit, eu, s, start, trim_end(s, start, last_ok) - start, false);
            start = last_ok;
            width = rest;
            i = last_ok - 1;
            continue;
        }
        if (!fits) { /* one word wider than the line */
            cut = split_long(s, start, end, width, measure, mu);
            rc = hold(&h, emit, eu, s, start, cut - start, false);
            start = last_ok = cut;
            width = rest;
            i = cut - 1;
            continue;
        }
        /* fits, and a mandatory break (or the end): the paragraph's last line */
        size_t from = no_lone_character(s, brks, &h, start, end);
        rc = hold(&h, emit, eu, s, from, end - from, false);
        if (rc == 0)
            rc = hold(&h, emit, eu, s, 0, 0, false), h.has = false;
        start = last_ok = i + 1;
        while (start < n && s[start] == ' ')
            start++;
        width = rest;
    }
    if (rc == 0 && h.has)
        rc = emit(eu, s + h.a, h.len, h.hyphen);
    free(brks);
    return rc;
}
