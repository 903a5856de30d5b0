/*
 * smart.c - typographic punctuation for Latin-script text (folio_doc_smarten):
 * straight quotes curled by context, apostrophes, "--" and "---" as en and
 * em dashes, "..." as an ellipsis, as pandoc's smart extension does.  Code
 * and web addresses are left alone.
 */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* Opening context: the start, white space, an opening bracket, a dash or
 * another opening quote. */
static bool opens_after(int32_t prev)
{
    return prev == 0 || folio_is_space(prev) || prev == '(' || prev == '[' || prev == '{' || prev == 0x2014 ||
           prev == 0x2013 || prev == 0x201C || prev == 0x2018 || prev == '-' || prev == '/';
}

static bool wordish(int32_t c)
{
    return folio_is_letter(c) || folio_is_digit(c);
}

/* Length of a web address starting at s (0 if there is none). */
static size_t url_len(const char *s, size_t n)
{
    static const char *const schemes[] = { "http://", "https://", "www.", NULL };
    for (const char *const *p = schemes; *p; p++)
        if (folio_starts_with_ci(s, n, *p)) {
            size_t k = 0;
            while (k < n && s[k] != ' ' && s[k] != '\n')
                k++;
            return k;
        }
    return 0;
}

/* The marks made here are all in U+0800..U+FFFF: three bytes. */
static void put_cp(folio_buf *b, int32_t c)
{
    char u[3] = { (char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F)) };
    folio_buf_append(b, u, 3);
}

/* The curled text of s (n bytes) appended to b. */
static void smarten(const char *s, size_t n, folio_buf *b)
{
    int32_t prev = 0;
    size_t i = 0;
    bool double_open = false;
    while (i < n) {
        size_t url = (prev == 0 || folio_is_space(prev)) ? url_len(s + i, n - i) : 0;
        if (url) {
            folio_buf_append(b, s + i, url);
            i += url;
            prev = 'x';
            continue;
        }
        int32_t c, next = 0;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (i + k < n)
            folio_utf8_next(s + i + k, n - i - k, &next);
        int32_t out = c;
        size_t used = k;
        if (c == '"') {
            /* after CJK text or its punctuation nothing tells: the first of
             * a pair opens */
            bool cjk = folio_is_cjk(prev) || (prev >= 0x3000 && prev <= 0x303F) || (prev >= 0xFF00 && prev <= 0xFF65);
            bool open = (opens_after(prev) || (cjk && !double_open)) && next && !folio_is_space(next);
            out = open ? 0x201C : 0x201D;
            double_open = open;
        } else if (c == '\'') {
            /* 'tis, '90s, don't, the boys' game, 'quoted' */
            bool open = opens_after(prev) && wordish(next) && !folio_is_digit(next);
            out = open ? 0x2018 : 0x2019;
        } else if (c == '-' && i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
            out = 0x2014, used = 3;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            out = 0x2013, used = 2;
        } else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
            out = 0x2026, used = 3;
        }
        if (out == c && used == k)
            folio_buf_append(b, s + i, k);
        else
            put_cp(b, out);
        prev = out;
        i += used;
    }
}

/* A text rewriter: appends its version of s (n bytes) to b. */
typedef void (*rewrite_fn)(const char *s, size_t n, folio_buf *b);

/* s rewritten into the document's arena (s itself when none of the bytes
 * in `trigger` occur after the first `keep` bytes, which stay as typed). */
static const char *rewritten(folio_arena *a, const char *s, size_t keep, const char *trigger, rewrite_fn fn,
                             bool *ok)
{
    if (!s || !strpbrk(s + keep, trigger))
        return s;
    folio_buf b = { 0 };
    folio_buf_append(&b, s, keep); /* a list item's marker stays as typed */
    fn(s + keep, strlen(s + keep), &b);
    const char *c = b.data ? folio_arena_strndup(a, b.data, b.len) : NULL;
    free(b.data);
    *ok = *ok && c;
    return c ? c : s;
}

/* A block's spans after its text was rewritten: each span's own text,
 * rewritten alike, found again in order (one that no longer matches, its
 * quotes turned another way by what stood around it, is dropped). */
static bool respan(folio_arena *a, folio_block *blk, const char *old, const char *trigger, rewrite_fn fn)
{
    folio_span *spans = folio_arena_alloc(a, blk->n_spans * sizeof *spans);
    if (!spans)
        return false;
    size_t n = 0, from = 0, len = strlen(blk->text);
    bool ok = true;
    for (size_t k = 0; k < blk->n_spans; k++) {
        const folio_span *sp = &blk->spans[k];
        const char *piece = folio_arena_strndup(a, old + sp->start, sp->len);
        const char *now = piece ? rewritten(a, piece, 0, trigger, fn, &ok) : NULL;
        if (!now)
            return false;
        size_t pn = strlen(now);
        const char *hit = pn ? memmem(blk->text + from, len - from, now, pn) : NULL;
        if (!hit && pn)
            hit = memmem(blk->text, len, now, pn);
        if (!hit)
            continue;
        spans[n] = *sp;
        spans[n].start = (size_t)(hit - blk->text);
        spans[n].len = pn;
        from = spans[n++].start;
    }
    blk->spans = spans;
    blk->n_spans = n;
    return ok;
}

/* The title, subtitle, summary and every block but code, rewritten. */
static folio_status rewrite_doc(folio_doc *doc, const char *trigger, rewrite_fn fn)
{
    bool ok = true;
    folio_meta *m = &doc->meta;
    m->title = rewritten(doc->arena, m->title, 0, trigger, fn, &ok);
    m->subtitle = rewritten(doc->arena, m->subtitle, 0, trigger, fn, &ok);
    m->summary = rewritten(doc->arena, m->summary, 0, trigger, fn, &ok);
    for (size_t i = 0; i < doc->n_blocks; i++) {
        folio_block *blk = &doc->blocks[i];
        if (blk->type == FOLIO_BLOCK_CODE)
            continue;
        if (blk->label_len) { /* the run-in label and the rest apart: its length changes */
            const char *label = folio_arena_strndup(doc->arena, blk->text, blk->label_len);
            const char *l2 = label ? rewritten(doc->arena, label, 0, trigger, fn, &ok) : NULL;
            const char *r2 = rewritten(doc->arena, blk->text + blk->label_len, 0, trigger, fn, &ok);
            size_t ln = l2 ? strlen(l2) : 0, rn = strlen(r2);
            char *joined = l2 ? folio_arena_alloc(doc->arena, ln + rn + 1) : NULL;
            if (!joined) {
                ok = false;
                continue;
            }
            memcpy(joined, l2, ln);
            memcpy(joined + ln, r2, rn + 1);
            const char *old = blk->text;
            blk->text = joined;
            blk->label_len = ln;
            if (blk->n_spans && !respan(doc->arena, blk, old, trigger, fn))
                ok = false;
            continue;
        }
        size_t keep = blk->type == FOLIO_BLOCK_LIST_ITEM ? blk->u.list_item.body_offset : 0;
        const char *old = blk->text;
        blk->text = rewritten(doc->arena, blk->text, keep, trigger, fn, &ok);
        if (blk->n_spans && blk->text != old && !respan(doc->arena, blk, old, trigger, fn))
            ok = false;
    }
    return ok ? FOLIO_OK : FOLIO_ERR_NOMEM;
}

folio_status folio_doc_smarten(folio_doc *doc)
{
    return rewrite_doc(doc, "\"'-.", smarten);
}

/* Han, kana, CJK punctuation and, in Chinese and Japanese text, the curly
 * quotes: what makes the context of a mark CJK. */
static bool cjk_letter(int32_t c)
{
    return folio_is_han(c) || folio_is_kana(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
           (c >= 0x2018 && c <= 0x201D);
}

static int32_t full_width(int32_t c)
{
    switch (c) {
    case ',': return 0xFF0C;
    case ':': return 0xFF1A;
    case ';': return 0xFF1B;
    case '?': return 0xFF1F;
    case '!': return 0xFF01;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    default: return 0;
    }
}

/* The text of s with ASCII punctuation beside CJK letters in full width
 * appended to b: after a CJK letter ("中国,美国", "图源:路透社"), or before
 * one when what precedes is not a Latin letter or digit ("(这次)").
 * "1,000", "10:30" and "(Ely Ratner)" inside Latin text stay. */
static void cjk_punct(const char *s, size_t n, folio_buf *b)
{
    int32_t prev = 0;
    size_t i = 0;
    bool open_wide = false;
    while (i < n) {
        int32_t c, next = 0;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (i + k < n)
            folio_utf8_next(s + i + k, n - i - k, &next);
        int32_t wide = full_width(c);
        bool latin_before = prev < 0x80 && (folio_is_letter(prev) || folio_is_digit(prev));
        if (wide && c == ')') /* closes what opened full-width, or beside CJK text */
            wide = open_wide || cjk_letter(prev) || cjk_letter(next) ? wide : 0;
        else if (wide)
            wide = cjk_letter(prev) || (cjk_letter(next) && !latin_before) ? wide : 0;
        if (c == '(' || c == ')')
            open_wide = c == '(' && wide;
        if (wide == 0xFF08 && b->len && b->data[b->len - 1] == ' ')
            b->len--; /* a full-width mark carries its own space */
        if (wide)
            put_cp(b, wide);
        else
            folio_buf_append(b, s + i, k);
        prev = wide ? wide : c;
        i += k;
        if (wide && wide != 0xFF08 && i < n && s[i] == ' ')
            i++;
    }
}

folio_status folio_doc_cjk_punct(folio_doc *doc)
{
    return rewrite_doc(doc, ",:;?!()", cjk_punct);
}
