/*
 * pdf_layout.c - from blocks to positioned runs of text (the display list).
 *
 * Each character is set in the first face that has it, preferring the CJK
 * face for Han, kana, hangul and full-width forms (and, in CJK documents,
 * for the quotes and dashes the two scripts share).  Lines come from the
 * shared UAX #14 breaker measured with the faces' real advances; justified
 * lines stretch at spaces and between CJK characters.
 */
#include "pdf.h"
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define GRAY 0x555555u
#define INK 0x111111u

typedef struct style {
    int role;                   /* FOLIO_FACE_TEXT, _BOLD, _MONO */
    float size, leading;
    float first, left, right;   /* first-line indent, left and right indents */
    float before, after;        /* space above and below */
    bool justify;
    uint32_t color;
    bool balance;               /* a title or heading: lines of even length */
} style;

typedef struct measure_ctx {
    pdf_ctx *c;
    int role;
    float size;
} measure_ctx;

static double measure(void *user, const char *s, size_t n)
{
    measure_ctx *m = user;
    return folio_pdf_width(m->c, s, n, m->role, m->size);
}

/* ------------------------------------------------------------------ */
/* display list                                                        */

static bool grow(pdf_ctx *c, void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 256;
    void *p = realloc(*arr, ncap * size);
    if (!p) {
        c->nomem = true;
        return false;
    }
    *arr = p;
    *cap = ncap;
    return true;
}

static dl_text *add_run(pdf_ctx *c, const char *s, size_t n, float x, float y, int face, float size,
                        float cspace, uint32_t color, bool stroke)
{
    if (!grow(c, (void **)&c->texts, &c->cap_texts, c->n_texts, sizeof *c->texts))
        return NULL;
    dl_text *t = &c->texts[c->n_texts++];
    *t = (dl_text){ .page = c->page, .x = x, .y = y, .size = size, .cspace = cspace, .face = face,
                    .color = color, .off = c->pool.len, .stroke = stroke };
    folio_buf_append(&c->pool, s, n);
    folio_buf_putc(&c->pool, '\0');
    c->nomem |= c->pool.failed;
    return t;
}

/* Where something w wide drawn at x in a left-to-right page stands in this
 * one: a right-to-left page mirrors it about the text column. */
static float mirror_x(const pdf_ctx *c, float x, float w)
{
    return c->rtl ? c->ml + (c->pw - c->mr) - x - w : x;
}

void folio_pdf_rule(pdf_ctx *c, float x1, float y1, float x2, float y2, float width, uint32_t color)
{
    if (!grow(c, (void **)&c->rules, &c->cap_rules, c->n_rules, sizeof *c->rules))
        return;
    x1 = mirror_x(c, x1, 0), x2 = mirror_x(c, x2, 0); /* a quote's bar stands on the right */
    c->rules[c->n_rules++] = (dl_rule){ c->page, x1, y1, x2, y2, width, color };
}

static void add_mark(pdf_ctx *c, int level, const char *text)
{
    if (!grow(c, (void **)&c->marks, &c->cap_marks, c->n_marks, sizeof *c->marks))
        return;
    c->marks[c->n_marks++] = (pdf_mark){ c->page, c->y, level, text };
}

/* ------------------------------------------------------------------ */
/* one line                                                            */

/* The run of one face gathered so far, into the display list; a run of a
 * shaped script as the glyphs HarfBuzz chose, in drawing order.  Returns
 * how much wider the run is shaped than its characters' advances (`set`,
 * points) made it. */
static float flush_run(pdf_ctx *c, folio_buf *run, float x, float y, int role, int face, float size,
                       uint32_t color, float per, bool shaped, float set)
{
    bool stroke = role == FOLIO_FACE_BOLD && (face == FOLIO_FACE_CJK || c->fonts.face[FOLIO_FACE_BOLD].synthetic_bold);
    float more = 0;
    if (shaped) {
        folio_buf glyphs = { 0 };
        more = folio_pdf_shape(c, face, run->data, run->len, &glyphs) * size / 1000.0f - set;
        dl_text *t = add_run(c, glyphs.data, glyphs.len, x, y, face, size, 0, color, stroke);
        if (t && !c->rtl) { /* its text, for copying: a glyph may stand for a syllable */
            t->actual = c->pool.len;
            folio_buf_append(&c->pool, run->data, run->len);
            folio_buf_putc(&c->pool, '\0');
        }
        folio_buf_free(&glyphs);
    } else {
        for (size_t i = 0; i < run->len;) { /* its glyphs go into the subset */
            int32_t cp;
            i += folio_utf8_next(run->data + i, run->len - i, &cp);
            folio_pdf_mark_used(c, face, cp);
        }
        add_run(c, run->data, run->len, x, y, face, size, face == FOLIO_FACE_CJK ? per : 0, color, stroke);
    }
    run->len = 0;
    return more;
}

/* The face of the first letter of a shaped script in the word s starts
 * with (up to a space), or -1. */
static int shaped_word_face(pdf_ctx *c, const char *s, size_t n, int role)
{
    for (size_t i = 0; i < n && s[i] != ' ';) {
        int32_t cp;
        i += folio_utf8_next(s + i, n - i, &cp);
        if (folio_pdf_shaped_script(cp))
            return folio_pdf_pick(c, cp, role);
    }
    return -1;
}

/* Runs of one face between spaces, drawn at x; justified lines stretch
 * `per` points at each space and after each CJK character; within a run,
 * kerning and CJK spacing move the glyphs (the writer puts the same moves
 * into the run's TJ array). */
static void draw_runs(pdf_ctx *c, const char *s, size_t n, float x, float y, int role, float size,
                      uint32_t color, float per)
{
    folio_buf run = { 0 };
    int run_face = -1;
    float run_x = x;
    bool shaped = false; /* the run holds a character of a shaped script */
    int word_face = -1;  /* the face of the word's shaped letters */
    for (size_t i = 0; i <= n;) {
        int32_t cp = ' ';
        size_t step = i < n ? folio_utf8_next(s + i, n - i, &cp) : 1;
        int face = -1;
        if (i < n && cp != ' ' && (i == 0 || s[i - 1] == ' '))
            word_face = shaped_word_face(c, s + i, n - i, role);
        if (i < n && cp != ' ')
            cp = folio_pdf_drawable(c, cp, role, &face);
        /* a sign in a word of a shaped script is shaped with its letters
         * (its side and its mirrored form come from their direction) */
        if (word_face >= 0 && face != word_face && cp != ' ' && !folio_is_letter(cp) && !(cp >= '0' && cp <= '9') &&
            folio_face_has(&c->fonts.face[word_face], cp))
            face = word_face;
        if ((face != run_face || cp == ' ') && run.len)
            x += flush_run(c, &run, run_x, y, role, run_face, size, color, per, shaped, x - run_x);
        if (i >= n)
            break;
        if (cp == ' ') {
            x += folio_pdf_advance(c, role, ' ') * size / 1000.0f + per;
        } else {
            if (!run.len) {
                run_x = x;
                run_face = face;
                shaped = false;
            }
            shaped |= folio_pdf_shaped_script(cp) || face == word_face;
            char utf8[4];
            size_t k = (size_t)utf8proc_encode_char(cp, (uint8_t *)utf8);
            folio_buf_append(&run, utf8, k);
            float spacing = folio_pdf_spacing(c, face, cp, s, n, i + step);
            float kern = folio_pdf_kern_next(c, face, role, cp, s, n, i + step);
            x += (folio_pdf_advance(c, face, cp) + spacing + kern) * size / 1000.0f +
                 (face == FOLIO_FACE_CJK ? per : 0);
        }
        i += step;
    }
    c->nomem |= run.failed;
    folio_buf_free(&run);
}

/* ------------------------------------------------------------------ */
/* right to left                                                       */

/* A word's direction: 1 right to left (a Hebrew or Arabic letter in it),
 * -1 left to right (another letter), 0 neither (digits, signs). */
static int word_direction(const char *s, size_t n)
{
    int dir = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += folio_utf8_next(s + i, n - i, &cp);
        if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
            return 1;
        if (folio_is_letter(cp))
            dir = -1;
    }
    return dir;
}

/* The line s[0, n) of a right-to-left text, set between left and right:
 * laid out from x as a left-to-right line would be, then mirrored, word by
 * word, about the middle of [left, right]; a run of left-to-right words
 * (with the digits and signs between them) moves as one and keeps its
 * order ("New York", "2024").  Each word's letters are shaped in their own
 * direction when the page is written. */
static void draw_mirrored(pdf_ctx *c, const char *s, size_t n, float x, float y, int role, float size,
                          uint32_t color, float per, float left, float right)
{
    float space = folio_pdf_advance(c, role, ' ') * size / 1000.0f + per;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++, x += space;
        if (i >= n)
            break;
        /* a unit: one right-to-left word, or a run of left-to-right words */
        size_t from = i, end = i;
        int dir = 0, last_strong = 0;
        float unit_end = x;
        for (size_t j = i; j < n;) {
            size_t k = j;
            while (k < n && s[k] != ' ')
                k++;
            int d = word_direction(s + j, k - j);
            if (j > from && (d == 1 || dir == 1 || (d == 0 && last_strong != -1)))
                break;
            dir = dir ? dir : d;
            last_strong = d ? d : last_strong;
            x += folio_pdf_width(c, s + j, k - j, role, size);
            end = k, unit_end = x;
            while (k < n && s[k] == ' ')
                k++, x += space;
            j = k;
        }
        x = unit_end;
        /* the unit at its mirrored place, its words left to right inside */
        float at = left + right - unit_end;
        for (size_t j = from; j < end;) {
            size_t k = j;
            while (k < end && s[k] != ' ')
                k++;
            draw_runs(c, s + j, k - j, at, y, role, size, color, per);
            at += folio_pdf_width(c, s + j, k - j, role, size);
            while (k < end && s[k] == ' ')
                k++, at += space;
            j = k;
        }
        i = end;
    }
}

/* The x where byte `at` of a line s[0, n) drawn from x with `per` extra per
 * gap stands (as draw_runs advances). */
static float x_at(pdf_ctx *c, const char *s, size_t n, size_t at, float x, int role, float size, float per)
{
    for (size_t i = 0; i < at;) {
        int32_t cp;
        int face = role;
        i += folio_utf8_next(s + i, at - i, &cp);
        size_t before = c->substituted;
        if (cp != ' ')
            cp = folio_pdf_drawable(c, cp, role, &face);
        c->substituted = before;
        float spacing = cp == ' ' ? 0 : folio_pdf_spacing(c, face, cp, s, n, i);
        x += (folio_pdf_advance(c, face, cp) + spacing) * size / 1000.0f +
             (cp == ' ' || face == FOLIO_FACE_CJK ? per : 0);
    }
    return x;
}

/* Link annotations over the part of the line s[0, n) that is inside a link
 * span of the block being placed (s points into its text). */
static void add_links(pdf_ctx *c, const char *s, size_t n, float x, float y, const style *st, float per)
{
    const folio_block *b = c->placing;
    if (!b || s < b->text || s > b->text + strlen(b->text))
        return;
    size_t from = (size_t)(s - b->text), to = from + n;
    for (size_t k = 0; k < b->n_spans; k++) {
        const folio_span *sp = &b->spans[k];
        size_t a = sp->start > from ? sp->start : from, e = sp->start + sp->len < to ? sp->start + sp->len : to;
        if (sp->kind != FOLIO_SPAN_LINK || a >= e ||
            !grow(c, (void **)&c->links, &c->cap_links, c->n_links, sizeof *c->links))
            continue;
        float x0 = x_at(c, s, n, a - from, x, st->role, st->size, per);
        float x1 = x_at(c, s + (a - from), n - (a - from), e - a, x0, st->role, st->size, per);
        c->links[c->n_links++] = (dl_link){ c->page, x0, y - st->size * 0.85f, x1, y + st->size * 0.2f, sp->href };
    }
}

static void draw_line(pdf_ctx *c, const char *s, size_t n, float x, float y, float width, const style *st,
                      bool justify)
{
    float per = 0;
    if (justify) {
        int points = 0, cjk = 0;
        for (size_t i = 0; i < n;) {
            int32_t cp;
            i += folio_utf8_next(s + i, n - i, &cp);
            if (cp == ' ')
                points++;
            else if (cp <= 0xFFFF && folio_pdf_pick(c, cp, st->role) == FOLIO_FACE_CJK && i < n)
                points++, cjk++;
        }
        float slack = width - folio_pdf_width(c, s, n, st->role, st->size);
        /* Stretch only as far as still looks like text. */
        if (points && slack > 0 && slack / (float)points < st->size * (cjk ? 0.5f : 0.8f))
            per = slack / (float)points;
    }
    const folio_block *b = c->placing;
    /* (the first line of a paragraph may be a copy of its text: one a
     * hyphen ends) */
    size_t label = b && c->first_line && b->label_len < n && st->role == FOLIO_FACE_TEXT &&
                           memcmp(s, b->text, b->label_len) == 0
                       ? b->label_len
                       : 0;
    /* mirrored about the column (no run-in label, no link areas); code keeps
     * its own direction, left to right from the left */
    if (c->rtl && st->role != FOLIO_FACE_MONO) {
        draw_mirrored(c, s, n, x, y, st->role, st->size, st->color, per, c->ml, c->pw - c->mr);
        return;
    }
    float at = x;
    if (label) { /* a run-in label ("导语：") in bold, the text after it */
        draw_runs(c, s, label, x, y, FOLIO_FACE_BOLD, st->size, st->color, per);
        at = x_at(c, s, label, label, x, FOLIO_FACE_BOLD, st->size, per);
    }
    draw_runs(c, s + label, n - label, at, y, st->role, st->size, st->color, per);
    add_links(c, s, n, x, y, st, per);
}

/* ------------------------------------------------------------------ */
/* pages and paragraphs                                                */

static float bottom(const pdf_ctx *c)
{
    return c->ph - c->mb;
}

static void new_page(pdf_ctx *c)
{
    c->page_done(c);
    folio_pdf_seal(c, c->page);
    c->page++;
    c->y = c->mt;
}

typedef struct set_line {
    const char *s;
    size_t len;
    bool hyphen;                /* ends inside a word: draw a hyphen */
} set_line;

typedef struct lines {
    set_line *v;
    size_t n, cap;
    bool failed;
} lines;

static int collect(void *user, const char *s, size_t n, bool hyphen)
{
    lines *l = user;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        set_line *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->failed = true;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (set_line){ s, n, hyphen };
    return 0;
}

/* A title or heading of several lines set as evenly as it will go: the
 * narrowest measure that still takes no more lines (not "A long title that
 * runs / on"), as a designer balances a display line.  l holds the lines at
 * the full measure and gets the balanced ones. */
static bool balance(const char *text, size_t n, const char *tag, float width, measure_ctx *m, lines *l)
{
    /* never so narrow that a word or phrase must be split */
    double widest = folio_display_min_width(text, n, tag, measure, m);
    if (widest < 0)
        return false;
    float lo = width / (float)l->n, hi = width;
    if (lo < (float)widest)
        lo = (float)widest;
    for (int step = 0; step < 10 && hi - lo > 1; step++) {
        float mid = (lo + hi) / 2;
        lines t = { 0 };
        if (folio_break_display(text, n, tag, mid, measure, m, collect, &t) != 0 || t.failed) {
            free(t.v);
            return false;
        }
        if (t.n <= l->n) { /* fits as few lines: the best so far */
            hi = mid;
            free(l->v);
            *l = t;
        } else {
            lo = mid;
            free(t.v);
        }
    }
    return true;
}

/* Set a paragraph: wrap, justify all but the last line, break pages (never
 * leaving a single first line at the bottom of a page, nor a single last
 * line at the top of the next). */
static void place(pdf_ctx *c, const style *st, const char *text, size_t n)
{
    measure_ctx m = { c, st->role, st->size };
    float width = c->pw - c->ml - c->mr - st->left - st->right;
    lines l = { 0 };
    /* Justified body text is hyphenated where the language has a dictionary;
     * headings, captions and code never are. */
    folio_hyphen_fn hyph = st->justify && c->hyphenator ? folio_hyphen_points : NULL;
    int rc = st->balance && st->first == 0
                 ? folio_break_display(text, n, c->tag, width, measure, &m, collect, &l) /* titles, headings */
                 : st->justify ? folio_break_justified(text, n, c->tag, width - st->first, width, measure, &m, hyph,
                                                       c->hyphenator, collect, &l)
                               : folio_break_lines(text, n, c->tag, width - st->first, width, measure, &m, hyph,
                                                   c->hyphenator, collect, &l);
    if (rc != 0 || l.failed) {
        c->nomem = true;
        free(l.v);
        return;
    }
    if (st->balance && l.n >= 2 && !balance(text, n, c->tag, width, &m, &l)) {
        c->nomem = true;
        free(l.v);
        return;
    }
    folio_buf dashed = { 0 };
    if (c->y > c->mt)
        c->y += st->before;
    if (l.n >= 2 && c->y + 2 * st->leading > bottom(c))
        new_page(c);
    for (size_t i = 0; i < l.n; i++) {
        /* no widow: the last line goes to the next page with the one before
         * it, where two lines or more stay behind */
        bool widow = i >= 2 && i + 2 == l.n && c->y + 2 * st->leading > bottom(c);
        if (c->y + st->leading > bottom(c) || widow)
            new_page(c);
        float indent = i == 0 ? st->first : 0;
        float base = c->y + (st->leading - st->size) / 2 + st->size * 0.82f;
        const set_line *ln = &l.v[i];
        const char *s = ln->s;
        size_t len = ln->len;
        if (ln->hyphen) {
            dashed.len = 0;
            folio_buf_append(&dashed, s, len);
            folio_buf_putc(&dashed, '-');
            c->nomem |= dashed.failed;
            if (dashed.failed)
                break;
            s = dashed.data, len = dashed.len;
        }
        c->first_line = i == 0;
        draw_line(c, s, len, c->ml + st->left + indent, base, width - indent, st, st->justify && i + 1 < l.n);
        c->first_line = false;
        c->y += st->leading;
    }
    c->y += st->after;
    folio_buf_free(&dashed);
    free(l.v);
}

/* ------------------------------------------------------------------ */
/* styles                                                              */

static style body_style(const pdf_ctx *c)
{
    float size = 10.5f;
    style s = { FOLIO_FACE_TEXT, size, size * (c->cjk_doc ? 1.75f : 1.45f), 0, 0, 0, 0,
                c->cjk_doc ? 2 : 6, true, INK };
    if (c->cjk_doc)
        s.first = 2 * size; /* the 2em indent of Chinese and Japanese print */
    return s;
}

/* A section's heading at its level (1..3, as the walker nests it). */
static void place_heading(pdf_ctx *c, const folio_block *b, int level)
{
    style body = body_style(c);
    float size = level == 1 ? 14 : level == 2 ? 12 : 11;
    style st = { FOLIO_FACE_BOLD, size, size * 1.4f, 0, 0, 0, size * 1.1f, size * 0.5f, false, INK, true };
    /* Keep the heading with two lines of what follows: never last on a page;
     * headings in a row (a part's over its first chapter's) go together. */
    float need = st.before + st.leading * 2 + st.after + body.leading * 2;
    for (const folio_block *n = b + 1; n < c->doc->blocks + c->doc->n_blocks && n->type == FOLIO_BLOCK_HEADING; n++)
        need += st.before + st.leading * 2 + st.after;
    if (c->y > c->mt && c->y + need > bottom(c))
        new_page(c);
    if (c->y > c->mt)
        c->y += st.before;
    st.before = 0;
    add_mark(c, level, b->text);
    place(c, &st, b->text, strlen(b->text));
}

static void place_list_item(pdf_ctx *c, const folio_block *b)
{
    style st = body_style(c);
    int depth = b->u.list_item.depth < 0 ? 0 : b->u.list_item.depth > 7 ? 7 : b->u.list_item.depth;
    float in = 16.0f * (float)depth; /* a list inside an item: one step right */
    st.first = 0;
    st.left = 16 + in;
    st.before = 2;
    st.after = 2;
    const char *body = b->text + b->u.list_item.body_offset;
    float y0 = c->y + (c->y > c->mt ? st.before : 0);
    if (y0 + st.leading > bottom(c)) {
        new_page(c);
        y0 = c->y;
    }
    float base = y0 + (st.leading - st.size) / 2 + st.size * 0.82f;
    if (b->u.list_item.ordered && b->u.list_item.body_offset) { /* its own marker, "2." */
        size_t k = b->u.list_item.body_offset;
        while (k && b->text[k - 1] == ' ')
            k--;
        float w = folio_pdf_width(c, b->text, k, st.role, st.size);
        draw_runs(c, b->text, k, mirror_x(c, c->ml + in, w), base, st.role, st.size, st.color, 0);
    } else if (b->u.list_item.ordered) { /* an <ol>'s item: numbered in its list */
        char num[16];
        int len = snprintf(num, sizeof num, "%d.", c->item_no[depth]);
        float w = folio_pdf_width(c, num, (size_t)len, st.role, st.size);
        draw_runs(c, num, (size_t)len, mirror_x(c, c->ml + in, w), base, st.role, st.size, st.color, 0);
    } else {
        float w = folio_pdf_width(c, "\xE2\x80\xA2", 3, st.role, st.size);
        draw_runs(c, "\xE2\x80\xA2", 3, mirror_x(c, c->ml + in + 4, w), base, st.role, st.size, st.color, 0);
    }
    place(c, &st, body, strlen(body));
}

static void place_code(pdf_ctx *c, const folio_block *b)
{
    style st = { FOLIO_FACE_MONO, 8.5f, 12, 0, 12, 0, 4, 6, false, 0x222222u };
    const char *s = b->text;
    float before = st.before;
    while (*s) {
        size_t n = strcspn(s, "\n");
        st.before = s == b->text ? before : 0;
        st.after = s[n] ? 0 : 6;
        place(c, &st, n ? s : " ", n ? n : 1);
        s += n + (s[n] == '\n');
    }
}

/* The height the caption under picture b (w points wide), set in style
 * st, will take, if the next block is one: the picture keeps its caption on
 * its page. */
static float caption_height(pdf_ctx *c, const folio_block *b, float w, const style *st)
{
    const folio_block *next = b + 1;
    if (next >= c->doc->blocks + c->doc->n_blocks || next->type != FOLIO_BLOCK_CAPTION)
        return 0;
    float measure = c->pw - c->ml - c->mr, width = w < measure * 0.6f ? measure * 0.6f : w;
    float text = folio_pdf_width(c, next->text, strlen(next->text), st->role, st->size);
    return st->leading * (1.0f + floorf(text / width));
}

/* A picture at most the measure wide (a pixel as at 96 dpi: 0.75 pt) and
 * 45% of the page's text height, centred, on the next page if it does not
 * fit with its caption. */
static void place_image(pdf_ctx *c, const folio_block *b, const style *caption)
{
    float measure = c->pw - c->ml - c->mr, most = (c->ph - c->mt - c->mb) * 0.45f;
    int pw = b->u.image.width > 0 ? b->u.image.width : 1, ph = b->u.image.height > 0 ? b->u.image.height : 1;
    float w = (float)pw * 0.75f, h = (float)ph * 0.75f;
    if (w > measure)
        h = h * measure / w, w = measure;
    if (h > most)
        w = w * most / h, h = most;
    if (c->y + 6 + h + caption_height(c, b, w, caption) > bottom(c) && c->y > c->mt)
        new_page(c);
    c->y += 6;
    if (!grow(c, (void **)&c->images, &c->cap_images, c->n_images, sizeof *c->images))
        return;
    c->images[c->n_images++] = (dl_image){ c->page, c->ml + (measure - w) / 2, c->y, w, h, b };
    c->y += h + 4;
}

/* A caption: under a picture, as wide as the picture (at least 60% of
 * the measure) and centred with it. */
static void place_caption(pdf_ctx *c, const folio_block *b, const style *small)
{
    style st = *small;
    const folio_block *prev = b > c->doc->blocks ? b - 1 : NULL;
    if (prev && prev->type == FOLIO_BLOCK_IMAGE && c->n_images &&
        c->images[c->n_images - 1].block == prev) {
        float measure = c->pw - c->ml - c->mr, w = c->images[c->n_images - 1].w;
        if (w < measure * 0.6f)
            w = measure * 0.6f;
        st.left = st.right = (measure - w) / 2;
        st.before = 0;
    }
    place(c, &st, b->text, strlen(b->text));
}

static void place_block(pdf_ctx *c, const folio_block *b)
{
    c->placing = b; /* its links, wherever its text lands */
    style body = body_style(c);
    style small = { FOLIO_FACE_TEXT, 8.5f, 12.5f, 0, 0, 0, 3, 8, false, GRAY };
    switch (b->type) {
    case FOLIO_BLOCK_HEADING: break; /* as its section: place_heading */
    case FOLIO_BLOCK_PARAGRAPH: place(c, &body, b->text, strlen(b->text)); break;
    case FOLIO_BLOCK_QUOTE: {
        style q = body;
        q.left = q.right = 22;
        q.first = 0;
        q.before = q.after = 8;
        q.color = 0x333333u;
        place(c, &q, b->text, strlen(b->text));
        break;
    }
    case FOLIO_BLOCK_CAPTION: place_caption(c, b, &small); break;
    case FOLIO_BLOCK_NOTE: {
        style note = small;
        note.size = 9;
        note.leading = 13.5f;
        note.before = 10;
        note.justify = true;
        note.color = 0x333333u;
        if (c->y + note.before + 2 * note.leading > bottom(c))
            new_page(c);
        c->y += note.before;
        folio_pdf_rule(c, c->ml, c->y - 3, c->ml + 60, c->y - 3, 0.5f, GRAY);
        note.before = 0;
        place(c, &note, b->text, strlen(b->text));
        break;
    }
    case FOLIO_BLOCK_CREDIT: break; /* at the end, together */
    case FOLIO_BLOCK_LIST_ITEM: place_list_item(c, b); break;
    case FOLIO_BLOCK_CODE: place_code(c, b); break;
    case FOLIO_BLOCK_IMAGE: place_image(c, b, &small); break;
    default:
        assert(!"block type missing from the PDF writer");
    }
    c->placing = NULL;
}

/* ------------------------------------------------------------------ */
/* title block and credits                                             */

static void place_title(pdf_ctx *c)
{
    const folio_meta *m = &c->doc->meta;
    const char *title = folio_doc_title(c->doc);
    style t = { FOLIO_FACE_BOLD, 20, 27, 0, 0, 0, 0, 8, false, INK, true };
    add_mark(c, 0, title);
    place(c, &t, title, strlen(title));
    if (m->subtitle) {
        style sub = { FOLIO_FACE_TEXT, 13, 18, 0, 0, 0, 0, 8, false, 0x333333u, true };
        place(c, &sub, m->subtitle, strlen(m->subtitle));
    }
    folio_buf line = { 0 };
    folio_byline(m, c->cjk_doc ? "、" : ", ", "  ·  ", true, &line);
    style meta = { FOLIO_FACE_TEXT, 10, 15, 0, 0, 0, 0, 6, false, GRAY };
    if (line.len)
        place(c, &meta, line.data, line.len);
    folio_buf_free(&line);
    if (m->summary && !folio_summary_in_text(c->doc)) {
        style sum = { FOLIO_FACE_TEXT, 10, c->cjk_doc ? 17 : 15, 0, 12, 0, 6, 0, true, 0x333333u };
        float top = c->y + sum.before;
        for (const char *p = m->summary; *p;) {
            size_t n = strcspn(p, "\n");
            place(c, &sum, p, n);
            sum.before = 2;
            p += n + (p[n] == '\n');
        }
        folio_pdf_rule(c, c->ml + 2, top, c->ml + 2, c->y, 1.5f, 0xAAAAAAu);
    }
    c->y += 10;
    folio_pdf_rule(c, c->ml, c->y, c->pw - c->mr, c->y, 0.6f, 0x999999u);
    c->y += 14;
}

static void place_credits(pdf_ctx *c)
{
    style cr = { FOLIO_FACE_TEXT, 8.5f, 12.5f, 0, 0, 0, 1, 1, false, GRAY };
    bool first = true;
    for (size_t i = 0; i < c->doc->n_blocks; i++) {
        const folio_block *b = &c->doc->blocks[i];
        if (b->type != FOLIO_BLOCK_CREDIT)
            continue;
        if (first) {
            if (c->y + 20 + cr.leading > bottom(c))
                new_page(c);
            c->y += 14;
            folio_pdf_rule(c, c->ml, c->y, c->ml + 60, c->y, 0.5f, GRAY);
            c->y += 6;
            first = false;
        }
        place(c, &cr, b->text, strlen(b->text));
    }
}

void folio_pdf_text(pdf_ctx *c, const char *s, size_t n, float x, float y, int role, float size, uint32_t color)
{
    if (c->rtl) /* the same place, the words in their order for the eye */
        draw_mirrored(c, s, n, x, y, role, size, color, 0, x, x + folio_pdf_width(c, s, n, role, size));
    else
        draw_runs(c, s, n, x, y, role, size, color, 0);
}

void folio_pdf_layout(pdf_ctx *c)
{
    c->page = 0;
    c->y = c->mt;
    place_title(c);
    /* the sections as the walker nests them (bookmarks three levels deep) */
    folio_iter *it = folio_iter_new(c->doc, 3, 0);
    const folio_node *n;
    folio_event ev;
    c->nomem |= !it;
    while (it && !c->nomem && !c->font_failed && !c->image_failed &&
           (ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE) {
        if (ev != FOLIO_EVENT_ENTER)
            continue;
        if (n->kind == FOLIO_NODE_SECTION)
            place_heading(c, n->block, n->level);
        else if (n->kind == FOLIO_NODE_LIST && n->level >= 0 && n->level < 8)
            c->item_no[n->level] = 0; /* a list starts: its items count from 1 */
        else if (n->kind == FOLIO_NODE_BLOCK) {
            const folio_block *b = n->block;
            if (b->type == FOLIO_BLOCK_LIST_ITEM && b->u.list_item.depth >= 0 && b->u.list_item.depth < 8)
                c->item_no[b->u.list_item.depth]++;
            place_block(c, b);
        }
    }
    folio_iter_free(it);
    place_credits(c);
    c->n_pages = c->page + 1;
    c->page_done(c);
}
