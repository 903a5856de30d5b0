/*
 * pdf.c - the document model as a printable PDF brief, with libharu 2.3.0.
 *
 * Fonts are read, subset and embedded by folio (pdf_embed.c: HarfBuzz and
 * libharu's object API), not by libharu's own font loader, which parses
 * every face whole, keeps whole tables in its subsets, drops the parts of
 * composite glyphs and writes a malformed ToUnicode map.  libharu's error
 * handler only records the error; every step checks it and the file is built in memory, so a failure
 * never reaches the sink half-written.
 */
#include "pdf.h"
#include <hpdf.h>
#include "../convert/image.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

/* libharu refuses strings over 64 KB (HPDF_STRING_OUT_OF_RANGE): document
 * information and bookmarks get at most `max` bytes, cut between characters. */
static const char *clip(const char *s, size_t max, char *buf)
{
    size_t n = strlen(s);
    if (n <= max)
        return s;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    memcpy(buf, s, max);
    strcpy(buf + max, "\xE2\x80\xA6");
    return buf;
}

#define CLIP 2000

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_ctx *c = user;
    (void)detail;
    if (!c->hpdf_error)
        c->hpdf_error = error;
}

static bool failed(const pdf_ctx *c)
{
    return c->hpdf_error != HPDF_OK || c->nomem || c->font_failed || c->image_failed;
}

/* ------------------------------------------------------------------ */
/* setup                                                               */

static bool set_paper(pdf_ctx *c)
{
    const char *p = c->o && c->o->paper ? c->o->paper : "a4";
    if (strcasecmp(p, "a4") == 0)
        c->pw = 595.276f, c->ph = 841.89f, c->ml = c->mr = 62, c->mt = c->mb = 68;
    else if (strcasecmp(p, "letter") == 0)
        c->pw = 612, c->ph = 792, c->ml = c->mr = 66, c->mt = c->mb = 64;
    else if (strcasecmp(p, "a5") == 0)
        c->pw = 419.528f, c->ph = 595.276f, c->ml = c->mr = 42, c->mt = c->mb = 52;
    else {
        snprintf(c->err->message, sizeof c->err->message, "unknown paper '%s' (a4, letter, a5)", p);
        return false;
    }
    return true;
}

static bool has_cjk(const folio_doc *d)
{
    const char *texts[] = { d->meta.title, d->meta.summary, d->meta.source };
    for (size_t i = 0; i < 3 + d->n_blocks; i++) {
        const char *s = i < 3 ? texts[i] : d->blocks[i - 3].text;
        for (size_t k = 0, n = s ? strlen(s) : 0; k < n;) {
            int32_t cp;
            k += folio_utf8_next(s + k, n - k, &cp);
            if (folio_is_han(cp) || folio_is_kana(cp) || folio_is_hangul(cp))
                return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* pages                                                               */

static void set_color(HPDF_Page page, uint32_t rgb, bool stroke)
{
    float r = (float)((rgb >> 16) & 0xFF) / 255, g = (float)((rgb >> 8) & 0xFF) / 255, b = (float)(rgb & 0xFF) / 255;
    if (stroke)
        HPDF_Page_SetRGBStroke(page, r, g, b);
    else
        HPDF_Page_SetRGBFill(page, r, g, b);
}

/* The text state of the open text object: set only what changes. */
typedef struct tstate {
    int face;
    float size, cspace;
    uint32_t color;
    int stroke;
} tstate;

/* How far the layout moved each glyph of a run from where the advance of
 * the one before left it: the pair's kerning and the CJK spacing
 * (compressed punctuation), 1/1000 em; NULL when out of memory. */
static const float *run_moves(pdf_ctx *c, int face, const char *s)
{
    size_t n = strlen(s);
    if (n + 1 > c->cap_moves) {
        float *m = realloc(c->moves, (n + 1) * sizeof *m);
        if (!m)
            return NULL;
        c->moves = m;
        c->cap_moves = n + 1;
    }
    int32_t prev = -1, cp;
    size_t k = 0;
    for (size_t i = 0; i < n; prev = cp, k++) {
        size_t at = i;
        i += folio_utf8_next(s + i, n - i, &cp);
        c->moves[k] = prev < 0 ? 0 : folio_pdf_kern(c, face, prev, cp) + folio_pdf_spacing(c, face, prev, s, n, at);
    }
    return c->moves;
}

/* Draw the runs of the display list; they are in page order. */
static void draw_texts(pdf_ctx *c)
{
    HPDF_Page page = NULL;
    tstate ts = { -1, 0, 0, 0, -1 };
    float at[2] = { 0, 0 };
    for (size_t i = 0; i < c->n_texts && !failed(c); i++) {
        const dl_text *t = &c->texts[i];
        if (c->pages[t->page] != page) {
            if (page)
                HPDF_Page_EndText(page);
            page = c->pages[t->page];
            HPDF_Page_BeginText(page);
            ts = (tstate){ -1, 0, 0, 0xFFFFFFFFu, -1 };
            at[0] = at[1] = 0;
        }
        bool set_font = t->face != ts.face || t->size != ts.size;
        if (t->cspace != ts.cspace)
            HPDF_Page_SetCharSpace(page, t->cspace);
        if (t->color != ts.color) {
            set_color(page, t->color, false);
            set_color(page, t->color, true);
        }
        if (t->stroke != ts.stroke) {
            if (t->stroke)
                HPDF_Page_SetLineWidth(page, t->size * 0.03f);
            HPDF_Page_SetTextRenderingMode(page, t->stroke ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
        }
        ts = (tstate){ t->face, t->size, t->cspace, t->color, t->stroke };
        const char *run = c->pool.data + t->off;
        if (!folio_pdf_embed_text(c, page, t->face, t->size, set_font, t->x, c->ph - t->y, at, run,
                                  run_moves(c, t->face, run), t->cspace == 0,
                                  t->actual ? c->pool.data + t->actual : NULL))
            c->nomem = true;
    }
    if (page)
        HPDF_Page_EndText(page);
}

static void draw_rules(pdf_ctx *c)
{
    for (size_t i = 0; i < c->n_rules && !failed(c); i++) {
        const dl_rule *r = &c->rules[i];
        HPDF_Page page = c->pages[r->page];
        set_color(page, r->color, true);
        HPDF_Page_SetLineWidth(page, r->width);
        HPDF_Page_MoveTo(page, r->x1, c->ph - r->y1);
        HPDF_Page_LineTo(page, r->x2, c->ph - r->y2);
        HPDF_Page_Stroke(page);
    }
}

/* The pictures: each file read again, checked, and drawn at its place. */
static void draw_images(pdf_ctx *c)
{
    for (size_t i = 0; i < c->n_images && !failed(c); i++) {
        const dl_image *im = &c->images[i];
        const folio_block *b = im->block;
        folio_buf data = { 0 };
        char why[160];
        const char *type = folio_image_load(b->u.image.path, &data, NULL, NULL, why, sizeof why);
        HPDF_Image img = NULL;
        if (type && strcmp(type, "image/png") == 0)
            img = HPDF_LoadPngImageFromMem(c->pdf, (const HPDF_BYTE *)data.data, (HPDF_UINT)data.len);
        else if (type)
            img = HPDF_LoadJpegImageFromMem(c->pdf, (const HPDF_BYTE *)data.data, (HPDF_UINT)data.len);
        folio_buf_free(&data);
        if (!img) {
            if (!c->err->message[0])
                snprintf(c->err->message, sizeof c->err->message, "%s: %s", b->u.image.path,
                         type ? "libharu cannot embed this picture" : why);
            c->image_failed = true;
            return;
        }
        HPDF_Page_DrawImage(c->pages[im->page], img, im->x, c->ph - im->y - im->h, im->w, im->h);
    }
}

/* Link annotations (no border) over the text of links. */
static void draw_links(pdf_ctx *c)
{
    for (size_t i = 0; i < c->n_links && !failed(c); i++) {
        const dl_link *l = &c->links[i];
        HPDF_Rect r = { l->x0, c->ph - l->y1, l->x1, c->ph - l->y0 };
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(c->pages[l->page], r, l->href);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
}

void folio_pdf_flush(pdf_ctx *c)
{
    while (!failed(c) && c->n_hpages <= (size_t)c->page) {
        if (c->n_hpages == c->cap_hpages) {
            size_t cap = c->cap_hpages ? c->cap_hpages * 2 : 16;
            HPDF_Page *p = realloc(c->pages, cap * sizeof *p);
            if (!p) {
                c->nomem = true;
                return;
            }
            c->pages = p;
            c->cap_hpages = cap;
        }
        HPDF_Page page = HPDF_AddPage(c->pdf);
        if (!page)
            return;
        HPDF_Page_SetWidth(page, c->pw);
        HPDF_Page_SetHeight(page, c->ph);
        c->pages[c->n_hpages++] = page;
    }
    if (failed(c))
        return;
    draw_rules(c);
    draw_images(c);
    draw_texts(c);
    draw_links(c);
    c->n_texts = c->n_rules = c->n_images = c->n_links = 0;
    c->pool.len = 0;
}


/* Running header with the short title from page 2; "page N of M" below. */
static void header_footer(pdf_ctx *c)
{
    const char *title = folio_doc_title(c->doc);
    float room = (c->pw - c->ml - c->mr) * 0.8f;
    /* The longest prefix that fits, measured once character by character. */
    size_t n = 0, total = strlen(title);
    float used = 0;
    while (n < total) {
        int32_t cp;
        size_t k = folio_utf8_next(title + n, total - n, &cp);
        float cw = folio_pdf_width(c, title + n, k, FOLIO_FACE_TEXT, 8);
        if (used + cw > room)
            break;
        used += cw;
        n += k;
    }
    bool cut = n < total;
    folio_buf short_title = { 0 };
    folio_buf_append(&short_title, title, n);
    if (cut)
        folio_buf_puts(&short_title, "…");
    for (int p = 0; p < c->n_pages; p++) {
        c->page = p;
        if (p > 0) {
            folio_pdf_text(c, short_title.data, short_title.len, c->ml, c->mt * 0.6f, FOLIO_FACE_TEXT, 8, 0x777777u);
            folio_pdf_rule(c, c->ml, c->mt * 0.7f, c->pw - c->mr, c->mt * 0.7f, 0.4f, 0xBBBBBBu);
        }
        char foot[64];
        int len = snprintf(foot, sizeof foot, folio_words_for(c->tag)->page, p + 1, c->n_pages);
        float w = folio_pdf_width(c, foot, (size_t)len, FOLIO_FACE_TEXT, 8);
        folio_pdf_text(c, foot, (size_t)len, (c->pw - w) / 2, c->ph - c->mb * 0.5f, FOLIO_FACE_TEXT, 8, 0x777777u);
    }
    folio_buf_free(&short_title);
}

/* Bookmarks: the title, and every heading nested by level under it. */
static void bookmarks(pdf_ctx *c, HPDF_Page *pages)
{
    HPDF_Encoder utf8 = HPDF_GetEncoder(c->pdf, "UTF-8");
    HPDF_Outline parent[4] = { NULL };
    for (size_t i = 0; i < c->n_marks && !failed(c); i++) {
        const pdf_mark *m = &c->marks[i];
        int level = m->level > 3 ? 3 : m->level;
        HPDF_Outline up = NULL;
        for (int l = level - 1; l >= 0 && !up; l--)
            up = parent[l];
        char buf[CLIP + 4];
        HPDF_Outline o = HPDF_CreateOutline(c->pdf, up, clip(m->text, 300, buf), utf8);
        if (!o)
            return;
        HPDF_Destination d = HPDF_Page_CreateDestination(pages[m->page]);
        HPDF_Destination_SetFitH(d, c->ph - m->y + 4); /* libharu refuses XYZ zoom 0 */
        HPDF_Outline_SetDestination(o, d);
        HPDF_Outline_SetOpened(o, level == 0);
        parent[level] = o;
        for (int l = level + 1; l < 4; l++)
            parent[l] = NULL;
    }
}

static void metadata(pdf_ctx *c)
{
    const folio_meta *m = &c->doc->meta;
    folio_buf authors = { 0 };
    folio_byline(m, ", ", "", false, &authors);
    char buf[CLIP + 4];
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_TITLE, clip(folio_doc_title(c->doc), CLIP, buf));
    if (authors.len)
        HPDF_SetInfoAttr(c->pdf, HPDF_INFO_AUTHOR, clip(authors.data, CLIP, buf));
    if (m->summary)
        HPDF_SetInfoAttr(c->pdf, HPDF_INFO_SUBJECT, clip(m->summary, CLIP, buf));
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_CREATOR, "folio " FOLIO_VERSION);
    folio_buf_free(&authors);
    /* The language (screen readers, hyphenation in viewers) and the title,
     * not the file name, in the viewer's title bar. */
    char tag[32];
    folio_language_tag(c->doc, tag, sizeof tag);
    folio_pdf_embed_catalog(c, tag);
    struct tm tm = folio_doc_time(c->doc, c->o);
    HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
}

static bool render(pdf_ctx *c)
{
    c->page_done = folio_pdf_flush;
    folio_pdf_layout(c);     /* draws each page as it is completed */
    header_footer(c);        /* needs the page count */
    folio_pdf_flush(c);
    folio_pdf_seal_finish(c);
    if (!failed(c)) {
        bookmarks(c, c->pages);
        HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
        metadata(c);
    }
    return !failed(c);
}

static folio_status save(pdf_ctx *c, folio_sink_fn sink, void *user)
{
    if (!folio_pdf_embed_finish(c) || HPDF_SaveToStream(c->pdf) != HPDF_OK)
        return FOLIO_ERR_FORMAT;
    /* The file is complete in libharu's memory; hand it over in pieces. */
    HPDF_ResetStream(c->pdf);
    static const HPDF_UINT32 piece = 1 << 16;
    char *buf = malloc(piece);
    if (!buf)
        return FOLIO_ERR_NOMEM;
    folio_status rc = FOLIO_OK;
    for (;;) {
        HPDF_UINT32 got = piece;
        HPDF_STATUS st = HPDF_ReadFromStream(c->pdf, (HPDF_BYTE *)buf, &got);
        if (got && sink(user, buf, got) != 0) {
            rc = FOLIO_ERR_WRITE;
            break;
        }
        if (st == HPDF_STREAM_EOF)
            break;
        if (st != HPDF_OK) {
            rc = FOLIO_ERR_FORMAT;
            break;
        }
    }
    c->hpdf_error = rc == FOLIO_ERR_FORMAT ? c->hpdf_error : HPDF_OK; /* EOF is no error */
    free(buf);
    return rc;
}

/* The display list as text, a page at a time (folio_pdf_dump_layout):
 * what the layout placed, before any of it is painted. */
typedef struct dump {
    folio_sink_fn sink;
    void *user;
    bool failed;
} dump;

static void dump_line(pdf_ctx *c, const char *line)
{
    dump *d = c->dump;
    if (!d->failed && d->sink(d->user, line, strlen(line)) != 0)
        d->failed = true;
}

static void dump_page(pdf_ctx *c)
{
    char line[512];
    for (size_t i = 0; i < c->n_rules; i++) {
        const dl_rule *r = &c->rules[i];
        snprintf(line, sizeof line, "p%d rule %.1f %.1f %.1f %.1f %.2f #%06x\n", r->page + 1, r->x1, r->y1, r->x2,
                 r->y2, r->width, (unsigned)r->color);
        dump_line(c, line);
    }
    for (size_t i = 0; i < c->n_images; i++) {
        const dl_image *im = &c->images[i];
        snprintf(line, sizeof line, "p%d image %.1f %.1f %.1f %.1f %s\n", im->page + 1, im->x, im->y, im->w, im->h,
                 im->block->u.image.media_type);
        dump_line(c, line);
    }
    for (size_t i = 0; i < c->n_texts; i++) {
        const dl_text *t = &c->texts[i];
        snprintf(line, sizeof line, "p%d text %.1f %.1f face%d%s %.1f #%06x %.200s\n", t->page + 1, t->x, t->y,
                 t->face, t->stroke ? "+stroke" : "", t->size, (unsigned)t->color, c->pool.data + t->off);
        dump_line(c, line);
    }
    for (size_t i = 0; i < c->n_links; i++) {
        const dl_link *l = &c->links[i];
        snprintf(line, sizeof line, "p%d link %.1f %.1f %.1f %.1f %.200s\n", l->page + 1, l->x0, l->y0, l->x1, l->y1,
                 l->href);
        dump_line(c, line);
    }
    c->n_texts = c->n_rules = c->n_images = c->n_links = 0;
    c->pool.len = 0;
}

static void dump_marks(pdf_ctx *c)
{
    char line[512];
    for (size_t i = 0; i < c->n_marks; i++) {
        snprintf(line, sizeof line, "p%d mark %d %.1f %.200s\n", c->marks[i].page + 1, c->marks[i].level,
                 c->marks[i].y, c->marks[i].text);
        dump_line(c, line);
    }
}

/* The PDF, or (d) its display list as text. */
static folio_status write_pdf(const folio_doc *doc, const folio_write_opts *opts, folio_sink_fn sink, void *user,
                              folio_error *err, dump *d)
{
    folio_error scratch;
    folio_write_opts defaults = { .epoch = -1 };
    pdf_ctx c = { .doc = doc, .o = opts ? opts : &defaults, .err = err ? err : &scratch };
    c.err->message[0] = '\0';
    c.err->option = NULL;
    folio_status rc = FOLIO_ERR_FORMAT;
    folio_language_tag(doc, c.tag, sizeof c.tag);
    c.cjk_doc = folio_tag_is_cjk(c.tag);
    c.rtl = folio_tag_is_rtl(c.tag);
    if (!set_paper(&c))
        return FOLIO_ERR_USAGE;
    if ((rc = folio_fonts_find(c.o->font, c.o->cjk_font, c.o->sans, doc->meta.lang, has_cjk(doc), &c.fonts, c.err)) != FOLIO_OK)
        return rc;
    rc = FOLIO_ERR_FORMAT;
    c.hyphenator = folio_hyphenator_new(c.tag); /* loads while the fonts do */
    c.pdf = HPDF_New(on_error, &c);
    if (!c.pdf)
        goto cleanup;
    HPDF_SetCompressionMode(c.pdf, HPDF_COMP_ALL);
    /* The text face is always needed (title, footer); the others on first use. */
    if (HPDF_UseUTFEncodings(c.pdf) != HPDF_OK || HPDF_SetCurrentEncoder(c.pdf, "UTF-8") != HPDF_OK ||
        !folio_pdf_face(&c, FOLIO_FACE_TEXT))
        goto cleanup;
    if (d) { /* the layout alone, painted as text */
        c.dump = d;
        c.page_done = dump_page;
        folio_pdf_layout(&c);
        dump_marks(&c);
        rc = failed(&c) ? FOLIO_ERR_FORMAT : d->failed ? FOLIO_ERR_WRITE : FOLIO_OK;
        goto cleanup;
    }
    if (!render(&c))
        goto cleanup;
    rc = save(&c, sink, user);
    if (rc == FOLIO_OK && c.substituted && c.o->warn) {
        char msg[160], with[8] = "?";
        if (c.replacement)
            with[utf8proc_encode_char(c.replacement, (uint8_t *)with)] = '\0';
        snprintf(msg, sizeof msg, "%zu character%s the PDF fonts cannot show (emoji, rare CJK) replaced by %s",
                 c.substituted, c.substituted == 1 ? "" : "s", with);
        c.o->warn(c.o->warn_user, msg, NULL);
    }
cleanup:
    if (rc != FOLIO_OK && !c.err->message[0])
        snprintf(c.err->message, sizeof c.err->message, "%s (libharu error 0x%04X)",
                 rc == FOLIO_ERR_WRITE ? "write error" : c.nomem ? "out of memory" : "could not build the PDF",
                 (unsigned)c.hpdf_error);
    folio_pdf_seal_free(&c); /* before the document its jobs point into */
    if (c.pdf)
        HPDF_Free(c.pdf);
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        if (c.face[i].owner == i)
            folio_pdf_embed_free(&c.face[i]);
        free(c.face[i].adv);
        free(c.face[i].used);
        free(c.face[i].astral);
        free(c.face[i].kern);
        free(c.face[i].shaped);
        free(c.face[i].shaped_seen);
        free(c.face[i].widths);
        free(c.pick[i]);
    }
    free(c.moves);
    folio_hyphenator_free(c.hyphenator);
    folio_fonts_free(&c.fonts);
    folio_buf_free(&c.pool);
    free(c.texts);
    free(c.pages);
    free(c.rules);
    free(c.images);
    free(c.links);
    free(c.marks);
    return rc;
}

folio_status folio_write_pdf(const folio_doc *doc, const folio_write_opts *opts,
                             folio_sink_fn sink, void *user, folio_error *err)
{
    return write_pdf(doc, opts, sink, user, err, NULL);
}

folio_status folio_pdf_dump_layout(const folio_doc *doc, const folio_write_opts *opts, folio_sink_fn sink,
                                   void *user, folio_error *err)
{
    dump d = { sink, user, false };
    return write_pdf(doc, opts, sink, user, err, &d);
}
