/*
 * pdf_font.c - the PDF writer's faces: loading a face into the document on
 * its first use (pdf_embed.c reads and embeds it), choosing the face that
 * shows each character, and the characters' widths.  The layout measures
 * through it, the backend draws with the faces it loaded; it calls neither.
 */
#include "pdf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load face `i` into the PDF on its first use: a document that never needs
 * the CJK face (4 MB to parse) or the code face does not pay for them. */
bool folio_pdf_face(pdf_ctx *c, int i)
{
    const folio_face *f = &c->fonts.face[i];
    if (c->face[i].font)
        return true;
    if (!f->path || c->face[i].tried)
        return false;
    c->face[i].tried = true;
    /* Faces shared between roles are read and embedded once. */
    for (int j = 0; j < FOLIO_FACE_COUNT; j++)
        if (j != i && c->face[j].font && strcmp(c->fonts.face[j].path, f->path) == 0 &&
            c->fonts.face[j].index == f->index) {
            c->face[i].font = c->face[j].font;
            c->face[i].hb = c->face[j].hb;
            c->face[i].upem = c->face[j].upem;
            c->face[i].cff = c->face[j].cff;
            c->face[i].owner = c->face[j].owner;
            return true;
        }
    if (!folio_pdf_embed_open(c, i)) {
        if (i < FOLIO_FACE_FALLBACK)
            snprintf(c->err->message, sizeof c->err->message, "cannot read the font %s", f->path);
        folio_pdf_embed_free(&c->face[i]);
        c->face[i].font = NULL;
        /* stop the layout: the message says why (a fallback face that will
         * not load only leaves its characters to the replacement mark) */
        c->font_failed = i < FOLIO_FACE_FALLBACK;
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* faces and widths                                                    */

static bool cjk_char(int32_t c)
{
    return folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

static bool shared_punct(int32_t c)
{
    return (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0xB7;
}

static int pick_uncached(pdf_ctx *c, int32_t cp, int role)
{
    bool cjk = cjk_char(cp) || (c->cjk_doc && shared_punct(cp));
    int order[3] = { cjk ? FOLIO_FACE_CJK : role, cjk ? role : FOLIO_FACE_CJK, FOLIO_FACE_TEXT };
    for (int i = 0; i < 3; i++)
        if (folio_face_has(&c->fonts.face[order[i]], cp) && folio_pdf_face(c, order[i]))
            return order[i];
    /* An installed face that has it, rather than a replacement mark. */
    int f = folio_fonts_fallback(&c->fonts, cp);
    return f >= 0 && folio_pdf_face(c, f) ? f : -1;
}

/* Every character of the text is measured, so the face chosen for a code
 * point is remembered per role (fontconfig's charset lookups dominated). */
static int pick_astral(pdf_ctx *c, int32_t cp, int role)
{
    for (size_t i = 0; i < c->n_astral_pick; i++)
        if (c->astral_pick[i].cp == cp && c->astral_pick[i].role == role)
            return c->astral_pick[i].face;
    int face = pick_uncached(c, cp, role);
    if (c->n_astral_pick < sizeof c->astral_pick / sizeof c->astral_pick[0])
        c->astral_pick[c->n_astral_pick++] = (struct astral_pick){ cp, (int8_t)role, (int8_t)face };
    return face;
}

int folio_pdf_pick(pdf_ctx *c, int32_t cp, int role)
{
    if (cp > 0xFFFF)
        return pick_astral(c, cp, role);
    int8_t *memo = c->pick[role];
    if (!memo) {
        memo = c->pick[role] = malloc(65536);
        if (!memo)
            return pick_uncached(c, cp, role);
        memset(memo, -2, 65536);
    }
    if (memo[cp] == -2)
        memo[cp] = (int8_t)pick_uncached(c, cp, role);
    return memo[cp];
}

/* The character actually drawn: in no face, a visible replacement. */
int32_t folio_pdf_drawable(pdf_ctx *c, int32_t cp, int role, int *face)
{
    if ((*face = folio_pdf_pick(c, cp, role)) >= 0)
        return cp;
    c->substituted++;
    static const int32_t repl[] = { 0x25A1, 0xFFFD, '?' };
    for (size_t i = 0; i < 3; i++)
        if ((*face = folio_pdf_pick(c, repl[i], role)) >= 0)
            return c->replacement = repl[i];
    *face = FOLIO_FACE_TEXT;
    return '?';
}

float folio_pdf_advance(pdf_ctx *c, int face, int32_t cp)
{
    pdf_face *f = &c->face[face];
    if (cp > 0xFFFF) /* rare: not remembered */
        return folio_pdf_embed_advance(f, cp);
    if (!f->adv && !(f->adv = calloc(65536, sizeof *f->adv))) {
        c->nomem = true;
        return 500;
    }
    if (f->adv[cp] == 0) /* stored plus one: zero is not known yet */
        f->adv[cp] = folio_pdf_embed_advance(f, cp) + 1.0f;
    return f->adv[cp] - 1.0f;
}

/* CJK punctuation that holds its ink on one half of the em: closing marks
 * on the left (the right half blank), opening marks on the right. */
static bool closing_mark(int32_t c)
{
    return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF09 || c == 0x300D ||
           c == 0x300F || c == 0x3011 || c == 0x300B || c == 0x3009 || c == 0x3015 || c == 0xFF3D ||
           c == 0xFF5D || c == 0x201D || c == 0x2019;
}

static bool opening_mark(int32_t c)
{
    return c == 0xFF08 || c == 0x300C || c == 0x300E || c == 0x3010 || c == 0x300A || c == 0x3008 ||
           c == 0x3014 || c == 0xFF3B || c == 0xFF5B || c == 0x201C || c == 0x2018;
}

static bool latin_alnum(int32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* ：；？！ hold their ink on the left in Chinese print (GB/T 15834; in
 * Japanese they stand centred): a stop, with a blank half to give up, where
 * the face sets them so. */
static bool stop_mark(pdf_ctx *c, int face, int32_t cp)
{
    int k = cp == 0xFF1A ? 0 : cp == 0xFF1B ? 1 : cp == 0xFF1F ? 2 : cp == 0xFF01 ? 3 : -1;
    if (k < 0 || strncmp(c->tag, "zh", 2) != 0)
        return false;
    pdf_face *pf = &c->face[face];
    if (!(pf->stop_known & (1u << k))) { /* the glyph's extents, read once a face */
        pf->stop_known |= (uint8_t)(1u << k);
        if (folio_pdf_embed_ink_left(pf, cp))
            pf->stop_left |= (uint8_t)(1u << k);
    }
    return (pf->stop_left & (1u << k)) != 0;
}

float folio_pdf_spacing(pdf_ctx *c, int face, int32_t cp, const char *s, size_t n, size_t at)
{
    int32_t next = 0;
    if (!c->cjk_doc || at >= n)
        return 0;
    folio_utf8_next(s + at, n - at, &next);
    /* Adjacent marks: the first gives up its blank half ("，“", "。」",
     * "）（", "“（"), where it is set full-width.  (The ranges hold every
     * mark: most characters are tested no further.) */
    bool mark = (cp >= 0x2018 && cp <= 0x201D) || (cp >= 0x3001 && cp <= 0x3015) || (cp >= 0xFF01 && cp <= 0xFF5D);
    if (mark && (((closing_mark(cp) || stop_mark(c, face, cp)) &&
                  (closing_mark(next) || opening_mark(next) || stop_mark(c, face, next))) ||
                 (opening_mark(cp) && opening_mark(next)))) {
        float adv = folio_pdf_advance(c, face, cp);
        return adv >= 900 ? -adv / 2 : 0;
    }
    /* A quarter em between Han or kana and a Latin letter or digit. */
    bool ideo = folio_is_han(cp) || folio_is_kana(cp), ideo_next = folio_is_han(next) || folio_is_kana(next);
    return (ideo && latin_alnum(next)) || (latin_alnum(cp) && ideo_next) ? 250 : 0;
}

bool folio_pdf_shaped_script(int32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x0DFF) || (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
           (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* The line breaker measures a word many times: a word's shaped width is
 * remembered (the face's table of SHAPED_WIDTHS slots, by a 64-bit hash of
 * the text and its length; emptied when half full). */
enum { SHAPED_WIDTHS = 4096 };

float folio_pdf_shape(pdf_ctx *c, int face, const char *s, size_t n, folio_buf *out)
{
    pdf_face *pf = &c->face[face];
    bool nomem = false;
    uint64_t key = folio_fnv(FOLIO_FNV_BASIS ^ (uint64_t)n, s, n) | 1; /* never 0, an empty slot */
    size_t slot = key & (SHAPED_WIDTHS - 1);
    if (!out && !pf->widths && !(pf->widths = calloc(SHAPED_WIDTHS, sizeof *pf->widths)))
        nomem = true;
    if (!out && pf->widths) {
        while (pf->widths[slot].key && pf->widths[slot].key != key)
            slot = (slot + 1) & (SHAPED_WIDTHS - 1);
        if (pf->widths[slot].key)
            return pf->widths[slot].width;
    }
    float w = folio_pdf_embed_shape(pf, s, n, out, &nomem);
    if (!out && pf->widths) {
        if (pf->n_widths >= SHAPED_WIDTHS / 2) { /* full enough: start again */
            memset(pf->widths, 0, SHAPED_WIDTHS * sizeof *pf->widths);
            pf->n_widths = 0;
            slot = key & (SHAPED_WIDTHS - 1);
        }
        pf->widths[slot] = (struct shaped_width){ key, w };
        pf->n_widths++;
    }
    c->nomem |= nomem || (out && out->failed);
    return w;
}

/* The end of the run of characters of a shaped script from byte i of
 * s[0, n) that face draws (spaces end it). */
static size_t shaped_run_end(pdf_ctx *c, const char *s, size_t n, size_t i, int role, int face)
{
    while (i < n) {
        int32_t cp;
        size_t k = folio_utf8_next(s + i, n - i, &cp);
        if (cp == ' ' || !folio_pdf_shaped_script(cp) || folio_pdf_pick(c, cp, role) != face)
            break;
        i += k;
    }
    return i;
}

float folio_pdf_width(pdf_ctx *c, const char *s, size_t n, int role, float size)
{
    float w = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int face;
        size_t at = i;
        i += folio_utf8_next(s + i, n - i, &cp);
        size_t before = c->substituted;
        cp = folio_pdf_drawable(c, cp, role, &face);
        c->substituted = before; /* counted when drawn, not when measured */
        if (folio_pdf_shaped_script(cp)) { /* measured as HarfBuzz sets the run */
            i = shaped_run_end(c, s, n, at, role, face);
            w += folio_pdf_shape(c, face, s + at, i - at, NULL);
            continue;
        }
        w += folio_pdf_advance(c, face, cp) + folio_pdf_spacing(c, face, cp, s, n, i) +
             folio_pdf_kern_next(c, face, role, cp, s, n, i);
    }
    return w * size / 1000.0f;
}

void folio_pdf_mark_used(pdf_ctx *c, int face, int32_t cp)
{
    pdf_face *pf = &c->face[face];
    if (cp > 0xFFFF) {
        for (size_t i = 0; i < pf->n_astral; i++)
            if (pf->astral[i] == cp)
                return;
        if (pf->n_astral == pf->cap_astral) {
            size_t cap = pf->cap_astral ? pf->cap_astral * 2 : 16;
            int32_t *more = realloc(pf->astral, cap * sizeof *more);
            if (!more) {
                c->nomem = true;
                return;
            }
            pf->astral = more;
            pf->cap_astral = cap;
        }
        pf->astral[pf->n_astral++] = cp;
        return;
    }
    if (!pf->used && !(pf->used = calloc(65536 / 8, 1)))
        c->nomem = true;
    else
        pf->used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

float folio_pdf_kern(pdf_ctx *c, int face, int32_t a, int32_t b)
{
    if (a < 0 || b < 0 || a >= FOLIO_KERN_CHARS || b >= FOLIO_KERN_CHARS || a == ' ' || b == ' ')
        return 0;
    pdf_face *pf = &c->face[face];
    if (!pf->kern) {
        if (!(pf->kern = malloc((size_t)FOLIO_KERN_CHARS * FOLIO_KERN_CHARS * sizeof *pf->kern))) {
            c->nomem = true;
            return 0;
        }
        for (size_t i = 0; i < (size_t)FOLIO_KERN_CHARS * FOLIO_KERN_CHARS; i++)
            pf->kern[i] = INT16_MIN;
    }
    int16_t *k = &pf->kern[a * FOLIO_KERN_CHARS + b];
    if (*k == INT16_MIN) {
        float v = folio_pdf_embed_kern(pf, a, b);
        *k = (int16_t)(v > 1000 ? 1000 : v < -1000 ? -1000 : lroundf(v));
    }
    return *k;
}

float folio_pdf_kern_next(pdf_ctx *c, int face, int role, int32_t cp, const char *s, size_t n, size_t at)
{
    if (at >= n || cp >= FOLIO_KERN_CHARS || (unsigned char)s[at] >= 0xC6) /* past U+017F: not kerned */
        return 0;
    int32_t next;
    folio_utf8_next(s + at, n - at, &next);
    if (next >= FOLIO_KERN_CHARS || next == ' ' || folio_pdf_pick(c, next, role) != face)
        return 0;
    return folio_pdf_kern(c, face, cp, next);
}
