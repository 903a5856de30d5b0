/*
 * pdf_seal.c - page bodies deflated as soon as the layout leaves them.
 *
 * libharu keeps every page's content stream uncompressed until it saves,
 * and then deflates them one after another: a long PDF held ~10x its input
 * in memory, and a third of the run was that final compression.  A page's
 * body is final once the layout moves on, so its bytes are taken out of
 * libharu at that point and deflated on a worker thread while the layout
 * goes on with the next pages; the compressed bytes go back into the page's
 * stream with no libharu filter (libharu copies them as they are) and the
 * stream's dictionary names /FlateDecode itself.  The running header and
 * the footer ("page N of M", drawn once M is known) go into a second, small
 * content stream that libharu compresses as usual.
 *
 * Compression is deterministic and objects are numbered when the streams
 * are created, so the file is the same whatever the thread timing.
 */
#include "pdf.h"
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct seal_job {
    struct seal_job *next;
    HPDF_Dict body;             /* the page's first content stream */
    char *raw;                  /* the page body, uncompressed */
    size_t raw_len;
    folio_buf packed;           /* deflated by the worker */
    bool ok;
} seal_job;

struct pdf_sealer {
    pthread_t thread;
    bool running, stop;
    pthread_mutex_t mu;
    pthread_cond_t wake;        /* work for the worker, or stop */
    pthread_cond_t done;        /* a job finished */
    seal_job *todo, *todo_tail; /* waiting for the worker */
    seal_job *ready;            /* deflated, waiting to go back into libharu */
    size_t busy;                /* jobs handed over and not yet ready */
};

static void pack(seal_job *j)
{
    z_stream z = { 0 };
    j->ok = false;
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
        return;
    unsigned char piece[16384];
    z.next_in = (unsigned char *)j->raw;
    z.avail_in = (uInt)j->raw_len;
    int zr;
    do {
        z.next_out = piece;
        z.avail_out = sizeof piece;
        zr = deflate(&z, Z_FINISH);
        folio_buf_append(&j->packed, (const char *)piece, sizeof piece - z.avail_out);
    } while (zr == Z_OK);
    deflateEnd(&z);
    j->ok = zr == Z_STREAM_END && !j->packed.failed;
    free(j->raw);
    j->raw = NULL;
}

static void *worker(void *arg)
{
    struct pdf_sealer *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (!s->todo && !s->stop)
            pthread_cond_wait(&s->wake, &s->mu);
        seal_job *j = s->todo;
        if (!j)
            break; /* stopped and nothing left */
        s->todo = j->next;
        if (!s->todo)
            s->todo_tail = NULL;
        pthread_mutex_unlock(&s->mu);
        pack(j);
        pthread_mutex_lock(&s->mu);
        j->next = s->ready;
        s->ready = j;
        s->busy--;
        pthread_cond_signal(&s->done);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

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
static void install(pdf_ctx *c, seal_job *j)
{
    HPDF_Dict body = j->body;
    HPDF_Stream packed = j->ok ? HPDF_MemStream_New(c->pdf->mmgr, (HPDF_UINT)j->packed.len + 1) : NULL;
    if (!packed || HPDF_Stream_Write(packed, (const HPDF_BYTE *)j->packed.data, (HPDF_UINT)j->packed.len) != HPDF_OK) {
        if (packed)
            HPDF_Stream_Free(packed);
        c->nomem = true;
    } else {
        HPDF_Stream_Free(body->stream);
        body->stream = packed;
    }
    folio_buf_free(&j->packed);
    free(j);
}

/* Install what the worker finished; with `all`, wait for every job. */
static void collect(pdf_ctx *c, bool all)
{
    struct pdf_sealer *s = c->sealer;
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    while (all && s->busy)
        pthread_cond_wait(&s->done, &s->mu);
    seal_job *list = s->ready;
    s->ready = NULL;
    pthread_mutex_unlock(&s->mu);
    while (list) {
        seal_job *next = list->next;
        install(c, list);
        list = next;
    }
}

static struct pdf_sealer *start(void)
{
    struct pdf_sealer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->wake, NULL);
    pthread_cond_init(&s->done, NULL);
    s->running = pthread_create(&s->thread, NULL, worker, s) == 0;
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
    seal_job *j = calloc(1, sizeof *j);
    size_t len = HPDF_Stream_Size(body->stream);
    if (!j || !(j->raw = malloc(len ? len : 1))) {
        free(j);
        c->nomem = true;
        return;
    }
    j->body = body;
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(body->stream); i < n; i++) {
        HPDF_UINT k = 0;
        const HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(body->stream, i, &k);
        memcpy(j->raw + j->raw_len, p, k);
        j->raw_len += k;
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
        free(j->raw);
        free(j);
        return;
    }
    HPDF_Stream_Free(footer->stream);
    footer->stream = attr->stream = small;
    struct pdf_sealer *s = c->sealer;
    if (!s->running) { /* no thread: deflate here */
        pack(j);
        install(c, j);
        return;
    }
    pthread_mutex_lock(&s->mu);
    if (s->todo_tail)
        s->todo_tail->next = j;
    else
        s->todo = j;
    s->todo_tail = j;
    s->busy++;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->mu);
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
    if (s->running) {
        pthread_mutex_lock(&s->mu);
        s->stop = true;
        pthread_cond_signal(&s->wake);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->thread, NULL);
    }
    /* Jobs never installed (an error stopped the run). */
    for (seal_job *j = s->todo, *next; j; j = next) {
        next = j->next;
        free(j->raw);
        free(j);
    }
    for (seal_job *j = s->ready, *next; j; j = next) {
        next = j->next;
        folio_buf_free(&j->packed);
        free(j);
    }
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->wake);
    pthread_cond_destroy(&s->done);
    free(s);
    c->sealer = NULL;
}
