/*
 * justify.c - total-fit line breaking for justified paragraphs (after
 * Knuth and Plass): of every way to break a paragraph at its break
 * opportunities (UAX #14 with kinsoku, and hyphenation points where a
 * dictionary knows them), the one whose lines are stretched most evenly.
 * A line's badness grows with the cube of how far its spaces (and, in
 * Chinese and Japanese, the gaps between characters) must stretch to fill
 * the measure; a hyphen, two hyphens running and a Chinese or Japanese
 * paragraph that ends with one character alone cost extra.  Lines never
 * shrink: a line fits the measure or is not a candidate.  Where no set of
 * lines fits (a word wider than the line), the greedy breaker sets the
 * paragraph.
 */
#include "internal.h"
#include <linebreak.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Costs, in the units of Knuth and Plass's demerits. */
#define LINE_PENALTY 10.0
#define HYPHEN_DEMERITS 10000.0     /* a hyphen: as much as a line of badness 90 */
#define TWO_HYPHENS_DEMERITS 10000.0
#define LONE_CHARACTER_DEMERITS 1e6 /* one CJK character alone on the last line */
#define MAX_RATIO 3.0               /* spaces stretched to four times their width at most */
#define FIT_EPSILON 1e-3            /* the sum of the pieces' widths and the line's may differ by rounding */

typedef struct point {
    size_t pos;        /* the line breaks before s[pos] */
    double x;          /* width of s[0, pos) */
    double lead;       /* of that, the spacing between s[pos'-1] and the piece (pos' the point before) */
    double trail;      /* width of the spaces right before pos */
    int trail_n;       /* how many they are */
    int gaps;          /* stretchable places in s[0, pos): spaces and CJK characters */
    bool hyphen;       /* a break inside a word: a hyphen is drawn */
    bool forced;       /* a mandatory break (or the end) */
    int prev;          /* the best break before this one, -1 none */
    double demerits;   /* of the best lines up to here */
} point;

typedef struct paragraph {
    const char *s;
    size_t n;
    folio_measure_fn measure;
    void *mu;
    double first, rest, dash, space, em;
    point *p;
    size_t np, cap;
} paragraph;

static bool add_point(paragraph *g, size_t pos, bool hyphen, bool forced)
{
    if (g->np == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        point *p = realloc(g->p, cap * sizeof *p);
        if (!p)
            return false;
        g->p = p;
        g->cap = cap;
    }
    point *last = g->np ? &g->p[g->np - 1] : NULL;
    point *q = &g->p[g->np++];
    *q = (point){ .pos = pos, .hyphen = hyphen, .forced = forced, .prev = -1, .demerits = INFINITY };
    if (!last)
        return true;
    /* the piece since the last point: its width, and what the measure adds
     * or takes where it meets the piece before (CJK spacing works on pairs
     * of characters: a line from this point does not have it) */
    const char *s = g->s;
    size_t a = last->pos, b = pos, e = b;
    while (e > a && s[e - 1] == ' ')
        e--;
    double w = g->measure(g->mu, s + a, b - a);
    q->x = last->x + w;
    if (a > 0 && ((unsigned char)s[a - 1] >= 0x80 || (unsigned char)s[a] >= 0x80)) {
        size_t before;
        folio_utf8_last(s, a, &before);
        q->lead = g->measure(g->mu, s + before, b - before) - g->measure(g->mu, s + before, a - before) - w;
        q->x += q->lead;
    }
    q->trail_n = (int)(b - e);
    q->trail = (double)q->trail_n * g->space;
    int gaps = 0;
    for (size_t i = a; i < b;) {
        int32_t c;
        i += folio_utf8_next(s + i, b - i, &c);
        gaps += c == ' ' || folio_is_cjk(c);
    }
    q->gaps = last->gaps + gaps;
    return true;
}

/* Hyphenation points of the word s[a, b) (its letters only). */
static bool add_word_points(paragraph *g, size_t a, size_t b, folio_hyphen_fn hyph, void *hu)
{
    const char *s = g->s;
    if (a > 0 && s[a - 1] == '-')
        return true;
    folio_word_letters(s, &a, &b);
    char at[101] = { 0 };
    if (b - a < 5 || b - a >= sizeof at || !hyph(hu, s + a, b - a, at))
        return true;
    for (size_t k = 1; k < b - a; k++)
        if (at[k - 1] && !add_point(g, a + k, true, false))
            return false;
    return true;
}

/* Every place the paragraph may break, in order. */
static bool find_points(paragraph *g, const char *brks, folio_hyphen_fn hyph, void *hu)
{
    if (!add_point(g, 0, false, false))
        return false;
    size_t word = 0;
    for (size_t i = 0; i < g->n; i++) {
        bool must = brks[i] == LINEBREAK_MUSTBREAK || i + 1 == g->n;
        if (brks[i] != LINEBREAK_ALLOWBREAK && !must)
            continue;
        /* the last word of the paragraph is never hyphenated */
        if (hyph && !must && !add_word_points(g, word, i + 1, hyph, hu))
            return false;
        if (!add_point(g, i + 1, false, must))
            return false;
        word = i + 1;
    }
    return true;
}

/* The width of the line from point i to point k: the pieces' widths, less
 * the spacing where the first meets the line before, less the trailing
 * spaces, with the hyphen. */
static double line_width(const paragraph *g, size_t i, size_t k)
{
    const point *a = &g->p[i], *b = &g->p[k];
    return b->x - a->x - g->p[i + 1].lead - b->trail + (b->hyphen ? g->dash : 0);
}

/* Is the line from i to k a single CJK character (and its marks)? */
static bool lone_character(const paragraph *g, size_t i, size_t k)
{
    const char *s = g->s + g->p[i].pos;
    size_t n = g->p[k].pos - g->p[i].pos, letters = 0;
    int32_t c, first = 0;
    for (size_t j = 0; j < n;) {
        j += folio_utf8_next(s + j, n - j, &c);
        if (folio_is_letter(c) || folio_is_digit(c)) {
            first = letters ? first : c;
            letters++;
        }
    }
    return letters == 1 && folio_is_cjk(first);
}

static double demerits(const paragraph *g, size_t i, size_t k, double slack, double tolerance)
{
    const point *a = &g->p[i], *b = &g->p[k];
    double badness = 0;
    if (!b->forced) {
        int gaps = b->gaps - a->gaps - b->trail_n;
        double stretch = gaps * g->space;
        double ratio = stretch > 0 ? slack / stretch : slack > 0 ? INFINITY : 0;
        if (ratio > tolerance)
            return INFINITY;
        badness = 100.0 * ratio * ratio * ratio;
    }
    double d = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
    if (b->hyphen)
        d += HYPHEN_DEMERITS + (a->hyphen ? TWO_HYPHENS_DEMERITS : 0);
    if (b->forced && b->pos == g->n && lone_character(g, i, k))
        d += LONE_CHARACTER_DEMERITS;
    return d;
}

/* The best lines ending at every point (dynamic programming over the
 * points, each line from an earlier point within one measure). */
static bool fit(paragraph *g, double tolerance)
{
    size_t last_forced = 0;
    g->p[0].demerits = 0;
    for (size_t k = 1; k < g->np; k++) {
        point *b = &g->p[k];
        b->demerits = INFINITY;
        b->prev = -1;
        for (size_t i = k; i-- > last_forced;) {
            if (isinf(g->p[i].demerits))
                continue;
            double measure = i == 0 ? g->first : g->rest;
            double w = line_width(g, i, k);
            if (w > measure + g->em)
                break; /* earlier points only make the line longer */
            if (w > measure + FIT_EPSILON)
                continue;
            double d = g->p[i].demerits + demerits(g, i, k, measure - w, tolerance);
            if (d < b->demerits) {
                b->demerits = d;
                b->prev = (int)i;
            }
        }
        if (b->forced) {
            if (isinf(b->demerits))
                return false;
            last_forced = k;
        }
    }
    return true;
}

static int emit_lines(const paragraph *g, folio_line_fn emit, void *eu)
{
    size_t count = 0;
    for (int k = (int)g->np - 1; k > 0; k = g->p[k].prev)
        count++;
    size_t *ends = malloc((count ? count : 1) * sizeof *ends);
    if (!ends)
        return -1;
    size_t j = count;
    for (int k = (int)g->np - 1; k > 0; k = g->p[k].prev)
        ends[--j] = (size_t)k;
    int rc = 0;
    size_t from = 0;
    for (j = 0; j < count && rc == 0; j++) {
        const point *a = &g->p[from], *b = &g->p[ends[j]];
        size_t start = a->pos, end = b->pos;
        while (start < end && a->forced && g->s[start] == ' ')
            start++;
        while (end > start && (g->s[end - 1] == ' ' || (b->forced && g->s[end - 1] == '\n')))
            end--;
        rc = emit(eu, g->s + start, end - start, b->hyphen);
        from = ends[j];
    }
    free(ends);
    return rc;
}

int folio_break_justified(const char *s, size_t n, const char *lang, double first, double rest,
                          folio_measure_fn measure, void *mu, folio_hyphen_fn hyph, void *hu,
                          folio_line_fn emit, void *eu)
{
    if (n == 0)
        return 0;
    char *brks = malloc(n);
    if (!brks || folio_line_breaks(s, n, lang, brks) < 0) {
        free(brks);
        return -1;
    }
    paragraph g = { .s = s, .n = n, .measure = measure, .mu = mu, .first = first, .rest = rest };
    g.dash = measure(mu, "-", 1);
    g.space = measure(mu, " ", 1);
    /* how much wider a line may seem than one starting a point later (the
     * spacing taken where it starts is at most half a full-width mark) */
    g.em = fmax(measure(mu, "M", 1), measure(mu, "\xE4\xB8\x80", 3)); /* "一" */
    int rc = -1;
    if (find_points(&g, brks, hyph, hu)) {
        /* lines within the tolerance; else as loose as need be; else greedy */
        if (fit(&g, MAX_RATIO) || fit(&g, INFINITY))
            rc = emit_lines(&g, emit, eu);
        else
            rc = folio_break_lines(s, n, lang, first, rest, measure, mu, hyph, hu, emit, eu);
    }
    free(brks);
    free(g.p);
    return rc;
}
