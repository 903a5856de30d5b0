/*
 * epub.c - the document model as an EPUB 3 package (with an EPUB 2 NCX for
 * older readers).
 *
 * The archive is built in memory with libzip and every XML file is written
 * with libxml2's xmlTextWriter, so escaping and well-formedness are the
 * libraries' business.  Output is reproducible: the identifier is a hash of
 * the content and every timestamp comes from one epoch (SOURCE_DATE_EPOCH,
 * else the document date), so the same input gives the same bytes.
 *
 * Layout inside the zip:
 *   mimetype                      (first, stored)
 *   META-INF/container.xml
 *   OEBPS/content.opf, nav.xhtml, toc.ncx, style.css
 *   OEBPS/title.xhtml             title page: title, authors, date, source, summary
 *   OEBPS/text_001.xhtml ...      one file per top-level section
 *   OEBPS/colophon.xhtml          credits, when there are any
 */
#include "epub_pack.h"
#include "xmlw.h"
#include <stdint.h>
#include <utf8proc.h>
#include "../convert/image.h"
#include "../fonts/fonts.h"
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPS_NS "http://www.idpf.org/2007/ops"

typedef struct section {
    size_t first, end;          /* blocks [first, end) */
    char file[24];
} section;

typedef struct epub {
    const folio_doc *doc;
    const folio_write_opts *o;
    zip_t *za;
    folio_deflater *packer;     /* deflates entries on worker threads */
    char tag[32];               /* language tag */
    char uuid[48];
    char modified[24];          /* dcterms:modified */
    zip_uint16_t dos_time, dos_date;
    section *sec;
    size_t n_sec;
    uint8_t *level;             /* per block: a heading's level as the walker nests it */
    bool credits, cjk, vertical, rtl;
    bool user_file_bad;         /* --cover or --css could not be used: the caller's input */
    struct embedded_font {      /* --embed-font: read and checked before anything is written */
        char family[200], file[128];
        bool bold, italic;
        const char *media_type;
        folio_buf data;
    } fonts[16];
    size_t n_fonts;
    const char *cover_type;     /* media type, or NULL */
    folio_error *err;
} epub;

/* ------------------------------------------------------------------ */
/* zip entries                                                         */

static bool add_bytes(epub *e, const char *name, const void *data, size_t len, bool store)
{
    void *copy = malloc(len ? len : 1);
    if (!copy)
        return false;
    memcpy(copy, data, len);
    zip_source_t *s;
    if (store) {
        if (!(s = zip_source_buffer(e->za, copy, len, 1)))
            free(copy);
    } else {
        s = folio_zip_source(e->packer, e->za, copy, len); /* takes copy */
    }
    if (!s)
        return false;
    zip_int64_t idx = zip_file_add(e->za, name, s, ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(s);
        return false;
    }
    return zip_set_file_compression(e->za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0 &&
           zip_file_set_dostime(e->za, (zip_uint64_t)idx, e->dos_time, e->dos_date, 0) == 0;
}

/* Finish an XML file and add it to the archive. */
static bool xw_add(epub *e, xw *x, const char *name)
{
    size_t len;
    const char *data = xw_finish(x, &len);
    bool ok = data && add_bytes(e, name, data, len, false);
    xw_discard(x);
    return ok;
}

/* ------------------------------------------------------------------ */
/* identity and time                                                   */

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ 0xff) * 0x100000001b3ULL; /* field separator */
}

/* A name-based UUID (version 5 layout) from the document's content. */
static void make_uuid(epub *e)
{
    const folio_doc *d = e->doc;
    uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    const char *fields[] = { d->meta.title, d->meta.date, d->meta.source, d->meta.lang };
    for (size_t i = 0; i < 4; i++)
        a = fnv(a, fields[i]), b = fnv(b ^ i, fields[i]);
    for (size_t i = 0; i < d->meta.n_authors; i++)
        a = fnv(a, d->meta.authors[i]), b = fnv(b, d->meta.authors[i]);
    for (size_t i = 0; i < d->n_blocks; i++) {
        a = fnv(a, d->blocks[i].text);
        b = fnv(b ^ d->blocks[i].type, d->blocks[i].text);
    }
    snprintf(e->uuid, sizeof e->uuid, "urn:uuid:%08x-%04x-5%03x-%04x-%012llx",
             (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
             (unsigned)((b >> 48) & 0x3fff) | 0x8000, (unsigned long long)(b & 0xffffffffffffULL));
}

static void set_time(epub *e)
{
    struct tm g = folio_doc_time(e->doc, e->o);
    strftime(e->modified, sizeof e->modified, "%Y-%m-%dT%H:%M:%SZ", &g);
    int year = g.tm_year + 1900 < 1980 ? 1980 : g.tm_year + 1900;
    e->dos_date = (zip_uint16_t)(((year - 1980) << 9) | ((g.tm_mon + 1) << 5) | g.tm_mday);
    e->dos_time = (zip_uint16_t)((g.tm_hour << 11) | (g.tm_min << 5) | (g.tm_sec / 2));
}

/* ------------------------------------------------------------------ */
/* XHTML                                                               */

static void xhtml_begin(epub *e, xw *x, const char *title)
{
    x_check(x, xmlTextWriterWriteDTD(x->w, BAD_CAST "html", NULL, NULL, NULL));
    x_start(x, "html");
    x_attr(x, "xmlns", XHTML_NS);
    x_attr(x, "xmlns:epub", OPS_NS);
    x_attr(x, "lang", e->tag);
    x_attr(x, "xml:lang", e->tag);
    if (e->rtl)
        x_attr(x, "dir", "rtl");
    x_start(x, "head");
    x_start(x, "meta");
    x_attr(x, "charset", "utf-8");
    x_end(x);
    x_elem(x, "title", NULL, title && *title ? title : "Untitled");
    x_start(x, "link");
    x_attr(x, "rel", "stylesheet");
    x_attr(x, "type", "text/css");
    x_attr(x, "href", "style.css");
    x_end(x);
    if (e->o->css_path) { /* the reader's own stylesheet, after folio's */
        x_start(x, "link");
        x_attr(x, "rel", "stylesheet");
        x_attr(x, "type", "text/css");
        x_attr(x, "href", "user.css");
        x_end(x);
    }
    x_end(x); /* head */
    x_start(x, "body");
}

static const char *title_of(const epub *e)
{
    return folio_doc_title(e->doc);
}

static bool write_title_page(epub *e)
{
    const folio_meta *m = &e->doc->meta;
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    xhtml_begin(e, &x, title_of(e));
    x_start(&x, "section");
    x_attr(&x, "epub:type", "titlepage");
    x_attr(&x, "class", "titlepage");
    x_elem(&x, "h1", "title", title_of(e));
    if (m->subtitle)
        x_elem(&x, "p", "subtitle", m->subtitle);
    if (m->n_authors) {
        folio_buf b = { 0 };
        folio_byline(m, e->cjk ? "、" : ", ", "", false, &b);
        x_elem(&x, "p", "authors", b.data ? b.data : "");
        folio_buf_free(&b);
    }
    if (m->date)
        x_elem(&x, "p", "date", m->date);
    if (m->source)
        x_elem(&x, "p", "source", m->source);
    if (m->summary && !folio_summary_in_text(e->doc)) {
        x_start(&x, "div");
        x_attr(&x, "class", "summary");
        for (const char *p = m->summary; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            char *line = strndup(p, n);
            if (line)
                x_elem(&x, "p", NULL, line);
            else
                x.failed = true;
            free(line);
            p += n + (nl != NULL);
        }
        x_end(&x);
    }
    return xw_add(e, &x, "OEBPS/title.xhtml");
}

/* Text [from, to) of b, with b's inline spans from span k on as <em>,
 * <strong> and <a href>, nested as they nest; returns the next span. */
static size_t write_spans(xw *x, const folio_block *b, size_t k, size_t from, size_t to)
{
    while (from < to) {
        while (k < b->n_spans && b->spans[k].start < from)
            k++; /* before the text written (a marker, a label) */
        const folio_span *sp = k < b->n_spans && b->spans[k].start < to ? &b->spans[k] : NULL;
        size_t stop = sp ? sp->start : to;
        if (stop > from) {
            char *piece = strndup(b->text + from, stop - from);
            if (!piece)
                x_check(x, -1);
            else
                x_text(x, piece);
            free(piece);
        }
        if (!sp)
            break;
        size_t end = sp->start + sp->len < to ? sp->start + sp->len : to;
        x_start(x, sp->kind == FOLIO_SPAN_LINK ? "a" : sp->kind == FOLIO_SPAN_STRONG ? "strong" : "em");
        if (sp->kind == FOLIO_SPAN_LINK)
            x_attr(x, "href", sp->href);
        k = write_spans(x, b, k + 1, sp->start, end);
        x_end(x);
        from = end;
    }
    return k;
}

/* The content of an open element: b's text from `from` on, its run-in
 * label and inline spans (mixed content, written unindented). */
static void write_content(xw *x, const folio_block *b, size_t from)
{
    x_inline(x, 1);
    if (b->label_len > from) {
        char *label = strndup(b->text + from, b->label_len - from);
        if (label)
            x_elem(x, "span", "run-in", label);
        else
            x_check(x, -1);
        free(label);
        from = b->label_len;
    }
    write_spans(x, b, 0, from, strlen(b->text));
    x_inline(x, 0);
}

/* An element holding b's text from `from` on: plain, or with its run-in
 * label and inline spans. */
static void write_text(xw *x, const char *el, const char *cls, const folio_block *b, size_t from)
{
    if (!b->n_spans && !b->label_len) {
        x_elem(x, el, cls, b->text + from);
        return;
    }
    x_start(x, el);
    if (cls)
        x_attr(x, "class", cls);
    write_content(x, b, from);
    x_end(x);
}

/* b's text in an inner element inside an outer one (<aside class="note"><p>). */
static void write_boxed(xw *x, const char *outer, const char *cls, const char *inner, const folio_block *b)
{
    x_start(x, outer);
    if (cls)
        x_attr(x, "class", cls);
    write_text(x, inner, NULL, b, 0);
    x_end(x);
}

/* Items of a list start after their marker; "3." numbers an <ol>. */
static size_t write_list(xw *x, const folio_doc *d, size_t i, size_t end)
{
    const folio_block *first = &d->blocks[i];
    bool ordered = first->u.list_item.ordered;
    x_start(x, ordered ? "ol" : "ul");
    int start = atoi(first->text + strcspn(first->text, "0123456789"));
    if (ordered && start > 1) {
        char n[16];
        snprintf(n, sizeof n, "%d", start);
        x_attr(x, "start", n);
    }
    int depth = first->u.list_item.depth;
    while (i < end && d->blocks[i].type == FOLIO_BLOCK_LIST_ITEM && d->blocks[i].u.list_item.depth == depth &&
           d->blocks[i].u.list_item.ordered == first->u.list_item.ordered) {
        const folio_block *b = &d->blocks[i++];
        if (!(i < end && d->blocks[i].type == FOLIO_BLOCK_LIST_ITEM && d->blocks[i].u.list_item.depth > depth)) {
            write_text(x, "li", NULL, b, b->u.list_item.body_offset);
            continue;
        }
        x_start(x, "li"); /* the deeper items after it: a list inside this item */
        write_content(x, b, b->u.list_item.body_offset);
        while (i < end && d->blocks[i].type == FOLIO_BLOCK_LIST_ITEM && d->blocks[i].u.list_item.depth > depth)
            i = write_list(x, d, i, end);
        x_end(x);
    }
    x_end(x);
    return i;
}

static void write_heading(xw *x, const folio_block *b, size_t index, int level)
{
    char tag[4], id[24];
    level = level > 3 ? 3 : level < 1 ? 1 : level;
    snprintf(tag, sizeof tag, "h%d", level);
    snprintf(id, sizeof id, "h%zu", index);
    x_start(x, tag);
    x_attr(x, "id", id);
    x_text(x, b->text);
    x_end(x);
}

/* A quote that repeats a paragraph's words (a pull quote): its text, less
 * the quote marks around it, stands inside a paragraph near it (a page
 * pulls its quote from the text around it, a screen or two away; looking
 * no further keeps a long book's quotes from each reading the whole book). */
enum { PULL_QUOTE_NEAR = 40 };

static bool pull_quote(const folio_doc *d, size_t at)
{
    const char *t = d->blocks[at].text;
    size_t n = strlen(t);
    int32_t c;
    size_t k = n ? folio_utf8_next(t, n, &c) : 0;
    if (k && (c == 0x201C || c == '"' || c == 0x300C))
        t += k, n -= k;
    size_t start;
    if (n && (c = folio_utf8_last(t, n, &start)) && (c == 0x201D || c == '"' || c == 0x300D))
        n = start;
    if (folio_utf8_count(t, n) < 20)
        return false;
    size_t from = at > PULL_QUOTE_NEAR ? at - PULL_QUOTE_NEAR : 0;
    for (size_t i = from; i < d->n_blocks && i <= at + PULL_QUOTE_NEAR; i++)
        if (d->blocks[i].type == FOLIO_BLOCK_PARAGRAPH && memmem(d->blocks[i].text, strlen(d->blocks[i].text), t, n))
            return true;
    return false;
}

/* Where picture block i goes in the book ("images/b12.png"). */
static void image_name(const folio_block *b, size_t i, char *out, size_t cap)
{
    snprintf(out, cap, "images/b%zu.%s", i, strcmp(b->u.image.media_type, "image/png") == 0 ? "png" : "jpg");
}

/* A picture, with the caption below it when there is one; returns the
 * blocks used. */
static size_t write_image(xw *x, const folio_doc *d, size_t i, size_t end)
{
    const folio_block *b = &d->blocks[i];
    char name[48];
    image_name(b, i, name, sizeof name);
    x_start(x, "figure");
    x_attr(x, "class", "image");
    x_start(x, "img");
    x_attr(x, "src", name);
    x_attr(x, "alt", b->text);
    x_end(x);
    bool caption = i + 1 < end && d->blocks[i + 1].type == FOLIO_BLOCK_CAPTION;
    if (caption)
        x_elem(x, "figcaption", NULL, d->blocks[i + 1].text);
    x_end(x);
    return caption ? 2 : 1;
}

/* The blocks of one section; credits wait for the colophon. */
static void write_blocks(xw *x, const folio_doc *d, const uint8_t *levels, size_t i, size_t end)
{
    while (i < end) {
        const folio_block *b = &d->blocks[i];
        switch (b->type) {
        case FOLIO_BLOCK_HEADING: write_heading(x, b, i, levels[i]); break;
        case FOLIO_BLOCK_PARAGRAPH: write_text(x, "p", NULL, b, 0); break;
        case FOLIO_BLOCK_QUOTE:
            if (pull_quote(d, i)) { /* set off, and not read twice by a screen reader */
                x_start(x, "aside");
                x_attr(x, "epub:type", "pullquote");
                x_attr(x, "class", "pullquote");
                x_attr(x, "role", "doc-pullquote");
                x_attr(x, "aria-hidden", "true");
                x_elem(x, "p", NULL, b->text);
                x_end(x);
            } else {
                write_boxed(x, "blockquote", NULL, "p", b);
            }
            break;
        case FOLIO_BLOCK_CAPTION: write_boxed(x, "figure", "caption", "figcaption", b); break;
        case FOLIO_BLOCK_NOTE: write_boxed(x, "aside", "note", "p", b); break;
        case FOLIO_BLOCK_CODE: write_boxed(x, "pre", NULL, "code", b); break;
        case FOLIO_BLOCK_CREDIT: break;
        case FOLIO_BLOCK_LIST_ITEM:
            i = write_list(x, d, i, end);
            continue;
        case FOLIO_BLOCK_IMAGE:
            i += write_image(x, d, i, end);
            continue;
        default:
            assert(!"block type missing from the EPUB writer");
        }
        i++;
    }
}

static bool write_section(epub *e, const section *s)
{
    const folio_doc *d = e->doc;
    const folio_block *h = d->blocks[s->first].type == FOLIO_BLOCK_HEADING ? &d->blocks[s->first] : NULL;
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    xhtml_begin(e, &x, h ? h->text : title_of(e));
    x_start(&x, "section");
    x_attr(&x, "epub:type", "chapter");
    write_blocks(&x, d, e->level, s->first, s->end);
    char name[48];
    snprintf(name, sizeof name, "OEBPS/%s", s->file);
    return xw_add(e, &x, name);
}

static bool write_colophon(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    xhtml_begin(e, &x, title_of(e));
    x_start(&x, "section");
    x_attr(&x, "epub:type", "colophon");
    x_attr(&x, "class", "colophon");
    for (size_t i = 0; i < e->doc->n_blocks; i++)
        if (e->doc->blocks[i].type == FOLIO_BLOCK_CREDIT)
            x_elem(&x, "p", "credit", e->doc->blocks[i].text);
    return xw_add(e, &x, "OEBPS/colophon.xhtml");
}

static bool write_cover_page(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    xhtml_begin(e, &x, title_of(e));
    x_start(&x, "section");
    x_attr(&x, "epub:type", "cover");
    x_attr(&x, "class", "cover");
    x_start(&x, "img");
    x_attr(&x, "src", strcmp(e->cover_type, "image/png") == 0 ? "cover.png" : "cover.jpg");
    x_attr(&x, "alt", title_of(e));
    x_end(&x);
    return xw_add(e, &x, "OEBPS/cover.xhtml");
}

/* ------------------------------------------------------------------ */
/* sections and the table of contents                                  */

static bool has_text(const folio_doc *d, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++)
        if (d->blocks[i].type != FOLIO_BLOCK_CREDIT)
            return true;
    return false;
}

/* Are blocks [first, end) headings alone (a part's title over its first
 * chapter's, a source's name over the headline it gave)? */
static bool headings_only(const folio_doc *d, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++)
        if (d->blocks[i].type != FOLIO_BLOCK_HEADING)
            return false;
    return true;
}

/* A new file at every level-1 section: short files page fast on e-readers;
 * a heading with nothing under it but the next heading stays in that one's
 * file (no page holding a heading alone).  The levels are the walker's (the
 * nav nests the same way). */
static bool split_sections(epub *e)
{
    const folio_doc *d = e->doc;
    e->sec = calloc(d->n_blocks + 1, sizeof *e->sec);
    e->level = calloc(d->n_blocks + 1, 1);
    folio_iter *it = e->sec && e->level ? folio_iter_new(d, 6, 0) : NULL;
    if (!it)
        return false;
    const folio_node *n;
    folio_event ev;
    while ((ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE)
        if (ev == FOLIO_EVENT_ENTER && n->kind == FOLIO_NODE_SECTION && n->block)
            e->level[n->block - d->blocks] = (uint8_t)n->level;
    folio_iter_free(it);
    size_t start = 0;
    for (size_t i = 0; i <= d->n_blocks; i++) {
        bool boundary = i == d->n_blocks || (i > start && d->blocks[i].type == FOLIO_BLOCK_HEADING &&
                                             e->level[i] <= 1 && !headings_only(d, start, i));
        if (i < d->n_blocks && d->blocks[i].type == FOLIO_BLOCK_CREDIT)
            e->credits = true;
        if (!boundary)
            continue;
        if (has_text(d, start, i)) {
            section *s = &e->sec[e->n_sec++];
            s->first = start;
            s->end = i;
            snprintf(s->file, sizeof s->file, "text_%03zu.xhtml", e->n_sec);
        }
        start = i;
    }
    return true;
}

static const char *file_of_block(const epub *e, size_t index)
{
    for (size_t s = 0; s < e->n_sec; s++)
        if (index >= e->sec[s].first && index < e->sec[s].end)
            return e->sec[s].file;
    return "title.xhtml";
}

/* Walk the headings as a nested list; `open_item` writes one entry.  Used
 * for both the EPUB 3 nav (ol/li) and the NCX (navPoint). */
typedef struct toc_style {
    const char *list, *item;    /* "ol","li" for nav; NULL,"navPoint" for NCX */
} toc_style;

/* index: a heading's block; TOC_TITLE the title page; TOC_OPENING the text
 * before the first heading (the start of the first text file). */
enum { TOC_TITLE = -1, TOC_OPENING = -2 };

static void toc_entry(epub *e, xw *x, const toc_style *st, size_t index, const char *text, int *order)
{
    char href[64];
    if (index == (size_t)TOC_TITLE)
        snprintf(href, sizeof href, "title.xhtml");
    else if (index == (size_t)TOC_OPENING)
        snprintf(href, sizeof href, "%s", file_of_block(e, 0));
    else
        snprintf(href, sizeof href, "%s#h%zu", file_of_block(e, index), index);
    x_start(x, st->item);
    if (!st->list) {
        char id[24], po[16];
        snprintf(id, sizeof id, "np%d", *order);
        snprintf(po, sizeof po, "%d", *order);
        x_attr(x, "id", id);
        x_attr(x, "playOrder", po);
        x_start(x, "navLabel");
        x_elem(x, "text", NULL, text);
        x_end(x);
        x_start(x, "content");
        x_attr(x, "src", href);
        x_end(x);
    } else {
        x_start(x, "a");
        x_attr(x, "href", href);
        x_text(x, text);
        x_end(x);
    }
    (*order)++;
}

/* Headings as a nested list, nested as the walker nests sections. */
static void write_toc_tree(epub *e, xw *x, const toc_style *st)
{
    const folio_doc *d = e->doc;
    int order = 1;
    if (st->list)
        x_start(x, st->list);
    /* the title page, and the opening text before the first heading: a
     * reader can go back to either from the table of contents */
    toc_entry(e, x, st, (size_t)TOC_TITLE, title_of(e), &order);
    x_end(x);
    if (d->n_blocks && d->blocks[0].type != FOLIO_BLOCK_HEADING) {
        toc_entry(e, x, st, (size_t)TOC_OPENING, folio_opening_label(d), &order);
        x_end(x);
    }
    /* the sections as the walker nests them: a section's subsections in
     * a list inside its item (in the NCX, navPoints inside its navPoint) */
    folio_iter *it = folio_iter_new(d, 6, 0);
    const folio_node *n;
    folio_event ev;
    bool kids[8] = { false };
    int depth = 0;
    if (!it)
        x_check(x, -1);
    while (it && (ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE) {
        if (n->kind != FOLIO_NODE_SECTION || depth >= 7)
            continue;
        if (ev == FOLIO_EVENT_ENTER) {
            if (depth > 0 && !kids[depth] && st->list)
                x_start(x, st->list);
            kids[depth] = depth > 0;
            kids[++depth] = false;
            toc_entry(e, x, st, (size_t)(n->block - d->blocks), n->block->text, &order);
        } else {
            if (kids[depth] && st->list)
                x_end(x); /* the list of its subsections */
            x_end(x);     /* its item */
            depth--;
        }
    }
    folio_iter_free(it);
    if (st->list)
        x_end(x);
}

static const char *contents_word(const epub *e)
{
    if (strncmp(e->tag, "zh", 2) == 0)
        return "目录";
    if (strncmp(e->tag, "ja", 2) == 0)
        return "目次";
    return "Contents";
}

static bool write_nav(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    xhtml_begin(e, &x, contents_word(e));
    x_start(&x, "nav");
    x_attr(&x, "epub:type", "toc");
    x_attr(&x, "id", "toc");
    x_elem(&x, "h1", NULL, contents_word(e));
    toc_style st = { "ol", "li" };
    write_toc_tree(e, &x, &st);
    x_end(&x);
    x_start(&x, "nav");
    x_attr(&x, "epub:type", "landmarks");
    x_attr(&x, "hidden", "hidden");
    x_start(&x, "ol");
    const char *marks[][3] = { { "titlepage", "title.xhtml", "Title page" },
                               { "bodymatter", e->n_sec ? e->sec[0].file : "title.xhtml", "Start" } };
    for (size_t i = 0; i < 2; i++) {
        x_start(&x, "li");
        x_start(&x, "a");
        x_attr(&x, "epub:type", marks[i][0]);
        x_attr(&x, "href", marks[i][1]);
        x_text(&x, marks[i][2]);
        x_end(&x);
        x_end(&x);
    }
    return xw_add(e, &x, "OEBPS/nav.xhtml");
}

static bool write_ncx(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    x_start(&x, "ncx");
    x_attr(&x, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    x_attr(&x, "version", "2005-1");
    x_attr(&x, "xml:lang", e->tag);
    x_start(&x, "head");
    const char *meta[][2] = { { "dtb:uid", e->uuid }, { "dtb:depth", "3" },
                              { "dtb:totalPageCount", "0" }, { "dtb:maxPageNumber", "0" } };
    for (size_t i = 0; i < 4; i++) {
        x_start(&x, "meta");
        x_attr(&x, "name", meta[i][0]);
        x_attr(&x, "content", meta[i][1]);
        x_end(&x);
    }
    x_end(&x);
    x_start(&x, "docTitle");
    x_elem(&x, "text", NULL, title_of(e));
    x_end(&x);
    x_start(&x, "navMap");
    toc_style st = { NULL, "navPoint" };
    write_toc_tree(e, &x, &st);
    return xw_add(e, &x, "OEBPS/toc.ncx");
}

/* ------------------------------------------------------------------ */
/* package document                                                    */

static void opf_meta(xw *x, const char *prop, const char *value)
{
    x_start(x, "meta");
    x_attr(x, "property", prop);
    x_text(x, value);
    x_end(x);
}

static void opf_item(xw *x, const char *id, const char *href, const char *type, const char *props)
{
    x_start(x, "item");
    x_attr(x, "id", id);
    x_attr(x, "href", href);
    x_attr(x, "media-type", type);
    if (props)
        x_attr(x, "properties", props);
    x_end(x);
}

static void opf_metadata(epub *e, xw *x)
{
    const folio_meta *m = &e->doc->meta;
    x_start(x, "metadata");
    x_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    x_start(x, "dc:identifier");
    x_attr(x, "id", "bookid");
    x_text(x, e->uuid);
    x_end(x);
    x_elem(x, "dc:title", NULL, title_of(e));
    x_elem(x, "dc:language", NULL, e->tag);
    for (size_t i = 0; i < m->n_authors; i++)
        x_elem(x, "dc:creator", NULL, m->authors[i]);
    for (size_t i = 0; i < m->n_contributors; i++) { /* translators, editors: with their role */
        char id[40];
        snprintf(id, sizeof id, "contributor%zu", i + 1);
        x_start(x, "dc:contributor");
        x_attr(x, "id", id);
        x_text(x, m->contributors[i].name);
        x_end(x);
        char ref[48];
        snprintf(ref, sizeof ref, "#%s", id);
        x_start(x, "meta");
        x_attr(x, "refines", ref);
        x_attr(x, "property", "role");
        x_attr(x, "scheme", "marc:relators");
        x_text(x, m->contributors[i].role);
        x_end(x);
    }
    if (m->date)
        x_elem(x, "dc:date", NULL, m->date);
    if (m->source) {
        x_elem(x, "dc:source", NULL, m->source);
        x_elem(x, "dc:publisher", NULL, m->source);
    }
    if (m->summary)
        x_elem(x, "dc:description", NULL, m->summary);
    opf_meta(x, "dcterms:modified", e->modified);
    opf_meta(x, "schema:accessMode", "textual");
    opf_meta(x, "schema:accessModeSufficient", "textual");
    opf_meta(x, "schema:accessibilityFeature", "structuralNavigation");
    opf_meta(x, "schema:accessibilityFeature", "tableOfContents");
    opf_meta(x, "schema:accessibilityFeature", "readingOrder");
    opf_meta(x, "schema:accessibilityHazard", "none");
    opf_meta(x, "schema:accessibilitySummary",
             "Text only, with headings and a table of contents; the reading order follows the source article.");
    if (e->cover_type) {
        x_start(x, "meta");
        x_attr(x, "name", "cover");
        x_attr(x, "content", "cover-image");
        x_end(x);
    }
    x_end(x);
}

static void itemref(xw *x, const char *id)
{
    x_start(x, "itemref");
    x_attr(x, "idref", id);
    x_end(x);
}

static bool write_opf(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    x_start(&x, "package");
    x_attr(&x, "xmlns", "http://www.idpf.org/2007/opf");
    x_attr(&x, "version", "3.0");
    x_attr(&x, "unique-identifier", "bookid");
    x_attr(&x, "xml:lang", e->tag);
    opf_metadata(e, &x);
    x_start(&x, "manifest");
    opf_item(&x, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
    opf_item(&x, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
    opf_item(&x, "css", "style.css", "text/css", NULL);
    if (e->o->css_path)
        opf_item(&x, "user-css", "user.css", "text/css", NULL);
    if (e->cover_type) {
        bool png = strcmp(e->cover_type, "image/png") == 0;
        opf_item(&x, "cover-image", png ? "cover.png" : "cover.jpg", e->cover_type, "cover-image");
        opf_item(&x, "cover", "cover.xhtml", "application/xhtml+xml", NULL);
    }
    opf_item(&x, "title", "title.xhtml", "application/xhtml+xml", NULL);
    for (size_t i = 0; i < e->n_sec; i++) {
        char id[32];
        snprintf(id, sizeof id, "s%zu", i + 1);
        opf_item(&x, id, e->sec[i].file, "application/xhtml+xml", NULL);
    }
    if (e->credits)
        opf_item(&x, "colophon", "colophon.xhtml", "application/xhtml+xml", NULL);
    for (size_t i = 0; i < e->n_fonts; i++) {
        char id[32], href[96];
        snprintf(id, sizeof id, "font%zu", i);
        snprintf(href, sizeof href, "fonts/%s", e->fonts[i].file);
        opf_item(&x, id, href, e->fonts[i].media_type, NULL);
    }
    for (size_t i = 0; i < e->doc->n_blocks; i++) {
        const folio_block *b = &e->doc->blocks[i];
        char id[32], name[48];
        if (b->type != FOLIO_BLOCK_IMAGE)
            continue;
        snprintf(id, sizeof id, "img%zu", i);
        image_name(b, i, name, sizeof name);
        opf_item(&x, id, name, b->u.image.media_type, NULL);
    }
    x_end(&x);
    x_start(&x, "spine");
    x_attr(&x, "toc", "ncx");
    if (e->vertical || e->rtl) /* the pages turn leftward, as the book's lines run */
        x_attr(&x, "page-progression-direction", "rtl");
    if (e->cover_type)
        itemref(&x, "cover");
    itemref(&x, "title");
    for (size_t i = 0; i < e->n_sec; i++) {
        char id[32];
        snprintf(id, sizeof id, "s%zu", i + 1);
        itemref(&x, id);
    }
    if (e->credits)
        itemref(&x, "colophon");
    x_end(&x);
    return xw_add(e, &x, "OEBPS/content.opf");
}

static bool write_container(epub *e)
{
    xw x;
    if (!xw_open(&x))
        return xw_discard(&x), false;
    x_start(&x, "container");
    x_attr(&x, "version", "1.0");
    x_attr(&x, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
    x_start(&x, "rootfiles");
    x_start(&x, "rootfile");
    x_attr(&x, "full-path", "OEBPS/content.opf");
    x_attr(&x, "media-type", "application/oebps-package+xml");
    return xw_add(e, &x, "META-INF/container.xml");
}

/* A small stylesheet that reads well on e-ink and phones: no flex or grid
 * (some Kobo firmware shows blank pages), CJK justified with a 2em indent,
 * Latin text hyphenated. */
static bool write_css(epub *e)
{
    folio_buf b = { 0 };
    folio_buf_puts(&b,
        "body { margin: 0 4%; line-height: 1.6; }\n"
        "h1, h2, h3 { line-height: 1.3; text-indent: 0; text-align: left; page-break-after: avoid; }\n"
        "h1 { font-size: 1.4em; margin: 1.2em 0 0.8em; }\n"
        "h2 { font-size: 1.2em; margin: 1em 0 0.6em; }\n"
        "h3 { font-size: 1.05em; margin: 1em 0 0.5em; }\n"
        "p { margin: 0 0 0.7em; text-align: justify; }\n"
        "blockquote { margin: 1em 1.5em; font-style: italic; }\n"
        "blockquote p { text-indent: 0; }\n"
        "aside.pullquote { margin: 1em 1.5em; font-size: 1.1em; text-align: center; }\n"
        "aside.pullquote p { text-indent: 0; }\n"
        "figure.caption { margin: 0.6em 0 1em; }\n"
        "figure.image { margin: 1em 0; text-align: center; }\n"
        ".run-in { font-weight: bold; }\n"
        "figure.image img { max-width: 100%; max-height: 90vh; }\n"
        "figcaption { font-size: 0.85em; color: #444; text-indent: 0; }\n"
        "aside.note { font-size: 0.9em; margin: 1em 0; padding-top: 0.4em; border-top: 1px solid #999; }\n"
        "aside.note p { text-indent: 0; }\n"
        "pre { font-size: 0.85em; white-space: pre-wrap; margin: 0.8em 0; }\n"
        "ul, ol { margin: 0.5em 0 0.8em 1.5em; padding: 0; }\n"
        ".titlepage { margin-top: 20%; }\n"
        ".titlepage h1 { font-size: 1.7em; }\n"
        ".titlepage p { text-indent: 0; text-align: left; margin: 0.3em 0; }\n"
        ".titlepage .summary { margin-top: 2em; font-size: 0.95em; color: #333; }\n"
        ".colophon p { font-size: 0.85em; text-indent: 0; text-align: left; margin: 0.2em 0; }\n"
        ".cover img { max-width: 100%; max-height: 100%; }\n");
    if (e->cjk) {
        /* Chinese indents two characters, Japanese one; no italic (CJK
         * fonts have none: readers slant the glyphs); a quote is set off by
         * its indent and a rule; the spacing of CJK punctuation and of
         * Latin words inside CJK text, where the reader supports it. */
        bool ja = strncmp(e->tag, "ja", 2) == 0;
        folio_buf_puts(&b, ja ? "body { line-height: 1.7; }\np { text-indent: 1em; margin: 0 0 0.3em; }\n"
                              : "body { line-height: 1.7; }\np { text-indent: 2em; margin: 0 0 0.3em; }\n");
        folio_buf_puts(&b, e->vertical ? "blockquote { font-style: normal; border-top: 1px solid #999; padding-top: 1em; }\n"
                                       : "blockquote { font-style: normal; border-left: 1px solid #999; padding-left: 1em; }\n");
        folio_buf_puts(&b, "body { text-spacing-trim: trim-start; text-autospace: ideograph-alpha ideograph-numeric; "
                           "hanging-punctuation: allow-end last; }\n");
    } else
        folio_buf_puts(&b, "p { hyphens: auto; -epub-hyphens: auto; -webkit-hyphens: auto; }\n");
    if (e->rtl) /* the left-aligned parts aligned right, lists indented from the right; Arabic
                 * and Hebrew faces have no italic (readers slant the glyphs): a quote is set off
                 * by its indent and a rule on its right */
        folio_buf_puts(&b, "h1, h2, h3, .titlepage p, .colophon p { text-align: right; }\n"
                           "ul, ol { margin: 0.5em 1.5em 0.8em 0; }\n"
                           "blockquote { font-style: normal; border-right: 1px solid #999; padding-right: 1em; }\n");
    if (e->vertical) /* two-digit numbers set upright in one cell (縦中横) */
        folio_buf_puts(&b, "html { writing-mode: vertical-rl; -epub-writing-mode: vertical-rl; "
                           "-webkit-writing-mode: vertical-rl; }\n"
                           "body { margin: 4% 0; }\n"
                           "p, li, h1, h2, h3 { text-combine-upright: digits 2; }\n");
    for (size_t i = 0; i < e->n_fonts; i++) { /* --embed-font: each face, the first one for the text */
        char rule[512];
        snprintf(rule, sizeof rule,
                 "@font-face { font-family: \"%s\"; font-weight: %s; font-style: %s; src: url(\"fonts/%s\"); }\n",
                 e->fonts[i].family, e->fonts[i].bold ? "bold" : "normal", e->fonts[i].italic ? "italic" : "normal",
                 e->fonts[i].file);
        folio_buf_puts(&b, rule);
    }
    if (e->n_fonts) {
        char rule[320];
        snprintf(rule, sizeof rule, "body { font-family: \"%s\", serif; }\n", e->fonts[0].family);
        folio_buf_puts(&b, rule);
    }
    bool ok = !b.failed && add_bytes(e, "OEBPS/style.css", b.data, b.len, false);
    folio_buf_free(&b);
    return ok;
}

/* ------------------------------------------------------------------ */
/* cover and the archive                                               */

/* A whole file into b (at most `cap` bytes); false if it cannot be read. */
/* The pictures of a saved web page, as they are (already compressed). */
static bool add_images(epub *e)
{
    for (size_t i = 0; i < e->doc->n_blocks; i++) {
        const folio_block *b = &e->doc->blocks[i];
        if (b->type != FOLIO_BLOCK_IMAGE)
            continue;
        folio_buf data = { 0 };
        char name[64], why[160];
        const char *type = folio_image_load(b->u.image.path, &data, NULL, NULL, why, sizeof why);
        snprintf(name, sizeof name, "OEBPS/");
        image_name(b, i, name + 6, sizeof name - 6);
        bool ok = type && strcmp(type, b->u.image.media_type) == 0 && add_bytes(e, name, data.data, data.len, true);
        folio_buf_free(&data);
        if (!ok) {
            if (!e->err->message[0])
                snprintf(e->err->message, sizeof e->err->message, "%s: %s", b->u.image.path,
                         type ? "the picture changed since it was read" : why);
            e->user_file_bad = true;
            return false;
        }
    }
    return true;
}

/* The media type of a font file by its first bytes, or NULL. */
static const char *font_type(const unsigned char *d, size_t n)
{
    if (n >= 4 && (memcmp(d, "\0\1\0\0", 4) == 0 || memcmp(d, "true", 4) == 0))
        return "font/ttf";
    if (n >= 4 && memcmp(d, "OTTO", 4) == 0)
        return "font/otf";
    if (n >= 4 && memcmp(d, "wOFF", 4) == 0)
        return "font/woff";
    if (n >= 4 && memcmp(d, "wOF2", 4) == 0)
        return "font/woff2";
    return NULL;
}

/* --embed-font: each file a font FreeType reads, named for fonts/ (the
 * bytes go in after the book's text: the mimetype entry comes first);
 * their families go into the stylesheet (write_css). */
static bool read_fonts(epub *e)
{
    for (size_t i = 0; i < e->o->n_embed_fonts && i < 16; i++) {
        const char *path = e->o->embed_fonts[i];
        struct embedded_font *f = &e->fonts[e->n_fonts];
        folio_buf *b = &f->data;
        const char *why = NULL;
        if (!folio_file_read(path, (size_t)64 << 20, b))
            why = "cannot read the font (or it is over 64 MB)";
        else if (!(f->media_type = font_type((const unsigned char *)b->data, b->len)) ||
                 !folio_font_family(path, f->family, sizeof f->family, &f->bold, &f->italic) ||
                 strpbrk(f->family, "\"\\"))
            why = "not a font file (TrueType, OpenType, WOFF or WOFF2)";
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        size_t k = (size_t)snprintf(f->file, sizeof f->file, "%zu-", i);
        for (const char *p = base; *p && k + 1 < sizeof f->file; p++) /* a name safe in a URL and a zip */
            f->file[k++] = isalnum((unsigned char)*p) || *p == '.' || *p == '-' || *p == '_' ? *p : '_';
        f->file[k] = '\0';
        e->n_fonts++; /* its bytes are freed with the others */
        if (why) {
            snprintf(e->err->message, sizeof e->err->message, "%s: %s", path, why);
            e->user_file_bad = true;
            return false;
        }
    }
    return true;
}

static bool add_fonts(epub *e)
{
    for (size_t i = 0; i < e->n_fonts; i++) {
        char name[160];
        snprintf(name, sizeof name, "OEBPS/fonts/%s", e->fonts[i].file);
        if (!add_bytes(e, name, e->fonts[i].data.data, e->fonts[i].data.len, true))
            return false;
    }
    return true;
}

static bool add_cover(epub *e)
{
    folio_buf b = { 0 };
    bool read = folio_file_read(e->o->cover_path, SIZE_MAX / 2, &b);
    char why[160] = "cannot read the cover image";
    if (read)
        e->cover_type = folio_image_check(b.data ? b.data : "", b.len, NULL, NULL, why, sizeof why);
    bool ok = e->cover_type && !b.failed;
    if (!ok) {
        snprintf(e->err->message, sizeof e->err->message, "%s: %s", e->o->cover_path, why);
        e->user_file_bad = true;
    } else {
        ok = add_bytes(e, strcmp(e->cover_type, "image/png") == 0 ? "OEBPS/cover.png" : "OEBPS/cover.jpg",
                       b.data, b.len, true) && write_cover_page(e);
    }
    folio_buf_free(&b);
    return ok;
}

/* --css: the reader's stylesheet as OEBPS/user.css, linked after folio's
 * (UTF-8 text of at most a megabyte; epubcheck judges the rules). */
static bool add_user_css(epub *e)
{
    folio_buf b = { 0 };
    const char *why = NULL;
    bool read = folio_file_read(e->o->css_path, 1 << 20, &b);
    if (!read && b.len <= (1 << 20))
        why = "cannot read the stylesheet";
    for (size_t i = 0; !why && i < b.len;) { /* what was read is text, or it is no stylesheet */
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)b.data + i, (utf8proc_ssize_t)(b.len - i), &c);
        if ((k <= 0 && (read || b.len - i >= 4)) || c == 0) /* a character cut by a big read is no fault */
            why = "not a UTF-8 stylesheet";
        i += k > 0 ? (size_t)k : b.len - i;
    }
    if (!why && !read)
        why = "a stylesheet of more than a megabyte";
    bool ok = !why && add_bytes(e, "OEBPS/user.css", b.data ? b.data : "", b.len, true);
    if (why) {
        snprintf(e->err->message, sizeof e->err->message, "%s: %s", e->o->css_path, why);
        e->user_file_bad = true;
    }
    folio_buf_free(&b);
    return ok;
}

static bool add_content(epub *e)
{
    static const char mimetype[] = "application/epub+zip";
    return add_bytes(e, "mimetype", mimetype, sizeof mimetype - 1, true) && write_container(e) &&
           split_sections(e) && write_css(e) && write_title_page(e) && write_nav(e) &&
           write_ncx(e);
}

static bool add_text(epub *e)
{
    for (size_t i = 0; i < e->n_sec; i++)
        if (!write_section(e, &e->sec[i]))
            return false;
    return (!e->credits || write_colophon(e)) && write_opf(e);
}

/* Hand the finished in-memory archive to the sink in one piece. */
static folio_status deliver(zip_source_t *src, folio_sink_fn sink, void *user, folio_error *err)
{
    zip_stat_t st;
    folio_status rc = FOLIO_ERR_FORMAT;
    if (zip_source_open(src) < 0)
        return rc;
    zip_stat_init(&st);
    char *buf = NULL;
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (buf = malloc(st.size ? st.size : 1)) &&
        zip_source_read(src, buf, st.size) == (zip_int64_t)st.size) {
        rc = sink(user, buf, st.size) == 0 ? FOLIO_OK : FOLIO_ERR_WRITE;
        if (rc == FOLIO_ERR_WRITE)
            snprintf(err->message, sizeof err->message, "write error");
    }
    free(buf);
    zip_source_close(src);
    return rc;
}

folio_status folio_write_epub(const folio_doc *doc, const folio_write_opts *opts,
                              folio_sink_fn sink, void *user, folio_error *err)
{
    folio_error scratch;
    folio_write_opts defaults = { .epoch = -1 };
    epub e = { .doc = doc, .o = opts ? opts : &defaults, .err = err ? err : &scratch };
    e.err->message[0] = '\0';
    e.err->option = NULL;
    folio_status rc = FOLIO_ERR_FORMAT;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src)
        goto cleanup;
    e.za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!e.za)
        goto cleanup;
    zip_source_keep(src); /* it must outlive zip_close, which writes into it */
    if (!(e.packer = folio_deflater_new())) {
        zip_discard(e.za);
        goto cleanup;
    }
    folio_language_tag(doc, e.tag, sizeof e.tag);
    e.cjk = folio_tag_is_cjk(e.tag);
    e.vertical = e.o->vertical && e.cjk;
    e.rtl = folio_tag_is_rtl(e.tag);
    make_uuid(&e);
    set_time(&e);
    bool ok = read_fonts(&e) && add_content(&e) && add_fonts(&e) && add_images(&e) && (!e.o->cover_path || add_cover(&e)) && (!e.o->css_path || add_user_css(&e)) &&
              add_text(&e);
    if (!ok) {
        rc = e.user_file_bad ? FOLIO_ERR_INPUT : FOLIO_ERR_FORMAT;
        zip_discard(e.za);
        goto cleanup;
    }
    if (zip_close(e.za) < 0) {
        snprintf(e.err->message, sizeof e.err->message, "zip: %s", zip_strerror(e.za));
        zip_discard(e.za);
        goto cleanup;
    }
    rc = deliver(src, sink, user, e.err);
cleanup:
    if (rc == FOLIO_ERR_FORMAT && !e.err->message[0])
        snprintf(e.err->message, sizeof e.err->message, "could not build the EPUB archive%s%s",
                 zip_error_strerror(&ze) ? ": " : "", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    folio_deflater_free(e.packer); /* zip_close/zip_discard freed its sources */
    if (src)
        zip_source_free(src);
    free(e.sec);
    free(e.level);
    for (size_t i = 0; i < e.n_fonts; i++)
        folio_buf_free(&e.fonts[i].data);
    return rc;
}
