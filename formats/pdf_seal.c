/*
 * pdf_seal.c - page bodies deflated as soon as the layout leaves them.
 *
 * libharu keeps every page's content stream uncompressed until it saves,
 * and then deflates them one after another: a long PDF held ~10x its input
 * in memory, and a third of the run was that final compression.  A page's
 * body is final once the layout moves on, so its bytes are taken out of
 * libharu at that point and deflated on the worker threads of
 * convert/deflate.c while the layout goes on with the next pages; the
 * compressed bytes go back into the page's stream with no libharu filter
 * (libharu copies them as they are) and the stream's dictionary names
 * /FlateDecode itself.  The running header and
 * the footer ("page N of M", drawn once M is known) go into a second, small
 * content stream that libharu compresses as usual.
 *
 * Compression is deterministic and objects are numbered when the streams
 * are created, so the file is the same whatever the thread timing.
 */
#include "pdf.h"
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_version.h>
#include <stdlib.h>

#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "pdf_seal.c moves libharu 2.3's page content streams: check it against this version"
#endif
#include <string.h>

typedef struct sealed {
    struct sealed *next;
    HPDF_Dict body;             /* the page's first content stream */
    folio_deflate_job *job;     /* its bytes, being deflated */
} sealed;

struct pdf_sealer {
    folio_deflater *deflater;
    sealed *head, *tail;        /* in page order, not yet back in libharu */
};

static HPDF_STATUS name_flate(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Once libharu has copied a body into the file it saves, the body's own
 * copy is not needed: freeing it there keeps the save from holding every
 * page twice. */
static HPDF_STATUS release(HPDF_Dict dict)
{
    HPDF_MemStream_FreeData(dict->stream);
    return HPDF_OK;
}

/* Put a deflated body back into its page, in a stream of exactly its size
 * (libharu's 4 KB chunks would waste more than the page itself). */
static void install(pdf_ctx *c, sealed *p)
{
    folio_deflate_job *j = p->job;
    HPDF_Stream packed = folio_deflate_wait(j) ? HPDF_MemStream_New(c->pdf->mmgr, (HPDF_UINT)j->out.len + 1) : NULL;
    if (!packed || HPDF_Stream_Write(packed, (const HPDF_BYTE *)j->out.data, (HPDF_UINT)j->out.len) != HPDF_OK) {
        if (packed)
            HPDF_Stream_Free(packed);
        c->nomem = true;
    } else {
        HPDF_Stream_Free(p->body->stream);
        p->body->stream = packed;
    }
    folio_deflate_job_free(j);
    free(p);
}

/* Install the bodies already deflated, in page order; with `all`, wait for
 * every one. */
static void collect(pdf_ctx *c, bool all)
{
    struct pdf_sealer *s = c->sealer;
    while (s && s->head && (all || folio_deflate_done(s->head->job))) {
        sealed *p = s->head;
        s->head = p->next;
        if (!s->head)
            s->tail = NULL;
        install(c, p);
    }
}

static struct pdf_sealer *start(void)
{
    struct pdf_sealer *s = calloc(1, sizeof *s);
    if (s && !(s->deflater = folio_deflater_new())) {
        free(s);
        s = NULL;
    }
    return s;
}

void folio_pdf_seal(pdf_ctx *c, int page_no)
{
    if (c->hpdf_error || c->nomem || page_no < 0 || (size_t)page_no >= c->n_hpages)
        return;
    if (!c->sealer && !(c->sealer = start())) {
        c->nomem = true;
        return;
    }
    HPDF_Page page = c->pages[page_no];
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Dict body = attr->contents;
    sealed *p = calloc(1, sizeof *p);
    size_t len = HPDF_Stream_Size(body->stream), at = 0;
    char *raw = p ? malloc(len ? len : 1) : NULL;
    if (!raw) {
        free(p);
        c->nomem = true;
        return;
    }
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(body->stream); i < n; i++) {
        HPDF_UINT k = 0;
        const HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(body->stream, i, &k);
        memcpy(raw + at, b, k);
        at += k;
    }
    HPDF_MemStream_FreeData(body->stream); /* the copy is the page now */
    body->filter = HPDF_STREAM_FILTER_NONE;
    body->write_fn = name_flate;
    body->after_write_fn = release;
    /* The header and footer take a few hundred bytes: a stream with 512-byte
     * chunks instead of libharu's 4 KB ones. */
    HPDF_Dict footer = NULL;
    HPDF_Stream small = HPDF_MemStream_New(c->pdf->mmgr, 512);
    if (HPDF_Page_New_Content_Stream(page, &footer) != HPDF_OK || !footer || !small) {
        if (small)
            HPDF_Stream_Free(small);
        c->nomem = true;
        free(raw);
        free(p);
        return;
    }
    HPDF_Stream_Free(footer->stream);
    footer->stream = attr->stream = small;
    struct pdf_sealer *s = c->sealer;
    p->body = body;
    if (!(p->job = folio_deflate_submit(s->deflater, raw, at, false))) {
        free(p);
        c->nomem = true;
        return;
    }
    if (s->tail)
        s->tail->next = p;
    else
        s->head = p;
    s->tail = p;
    collect(c, false);
}

void folio_pdf_seal_finish(pdf_ctx *c)
{
    collect(c, true);
}

void folio_pdf_seal_free(pdf_ctx *c)
{
    struct pdf_sealer *s = c->sealer;
    if (!s)
        return;
    for (sealed *p = s->head, *next; p; p = next) { /* never installed: an error stopped the run */
        next = p->next;
        folio_deflate_job_free(p->job);
        free(p);
    }
    folio_deflater_free(s->deflater);
    free(s);
    c->sealer = NULL;
}
