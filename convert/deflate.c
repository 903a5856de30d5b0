/*
 * deflate.c - zlib deflate on worker threads, for the writers whose libraries
 * would otherwise compress everything one piece after another at the end:
 * the EPUB's zip entries (libzip, in zip_close) and the PDF's page contents
 * (libharu, when it saves).  A writer hands each piece over as soon as it is
 * final and goes on; the workers (one per core, at most four) deflate it
 * meanwhile.  Deflate is deterministic, so the bytes never depend on the
 * timing; where no thread can be made, a piece is deflated when submitted.
 */
#include "internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_WORKERS 4

struct folio_deflater {
    pthread_mutex_t mu;
    pthread_cond_t wake;        /* work queued, or stop */
    pthread_cond_t finished;    /* a job is done */
    folio_deflate_job *head, *tail;
    pthread_t thread[MAX_WORKERS];
    int workers;
    bool stop;
};

/* zlib's default level and memory (as gzip -6); zip entries are raw deflate
 * with a CRC-32, PDF streams the zlib format. */
static void run(folio_deflate_job *j)
{
    z_stream z = { 0 };
    j->ok = false;
    if (j->zip)
        j->crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)j->raw, (uInt)j->len);
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, j->zip ? -MAX_WBITS : MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) == Z_OK) {
        unsigned char piece[32768];
        z.next_in = (Bytef *)j->raw;
        z.avail_in = (uInt)j->len;
        int zr;
        do {
            z.next_out = piece;
            z.avail_out = sizeof piece;
            zr = deflate(&z, Z_FINISH);
            folio_buf_append(&j->out, (const char *)piece, sizeof piece - z.avail_out);
        } while (zr == Z_OK);
        deflateEnd(&z);
        j->ok = zr == Z_STREAM_END && !j->out.failed;
    }
    free(j->raw);
    j->raw = NULL;
}

static void *worker(void *arg)
{
    folio_deflater *d = arg;
    pthread_mutex_lock(&d->mu);
    for (;;) {
        while (!d->head && !d->stop)
            pthread_cond_wait(&d->wake, &d->mu);
        folio_deflate_job *j = d->head;
        if (!j)
            break; /* stopped, and the queue is empty */
        d->head = j->next;
        if (!d->head)
            d->tail = NULL;
        pthread_mutex_unlock(&d->mu);
        run(j);
        pthread_mutex_lock(&d->mu);
        j->done = true;
        pthread_cond_broadcast(&d->finished);
    }
    pthread_mutex_unlock(&d->mu);
    return NULL;
}

folio_deflater *folio_deflater_new(void)
{
    folio_deflater *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    pthread_mutex_init(&d->mu, NULL);
    pthread_cond_init(&d->wake, NULL);
    pthread_cond_init(&d->finished, NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int want = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : (int)cores;
    while (d->workers < want && pthread_create(&d->thread[d->workers], NULL, worker, d) == 0)
        d->workers++;
    return d;
}

folio_deflate_job *folio_deflate_submit(folio_deflater *d, char *data, size_t len, bool zip)
{
    folio_deflate_job *j = calloc(1, sizeof *j);
    if (!j) {
        free(data);
        return NULL;
    }
    *j = (folio_deflate_job){ .owner = d, .raw = data, .len = len, .zip = zip };
    if (d->workers == 0) {
        run(j);
        j->done = true;
        return j;
    }
    pthread_mutex_lock(&d->mu);
    if (d->tail)
        d->tail->next = j;
    else
        d->head = j;
    d->tail = j;
    pthread_cond_signal(&d->wake);
    pthread_mutex_unlock(&d->mu);
    return j;
}

bool folio_deflate_done(folio_deflate_job *j)
{
    pthread_mutex_lock(&j->owner->mu);
    bool done = j->done;
    pthread_mutex_unlock(&j->owner->mu);
    return done;
}

bool folio_deflate_wait(folio_deflate_job *j)
{
    folio_deflater *d = j->owner;
    pthread_mutex_lock(&d->mu);
    while (!j->done)
        pthread_cond_wait(&d->finished, &d->mu);
    pthread_mutex_unlock(&d->mu);
    return j->ok;
}

void folio_deflate_job_free(folio_deflate_job *j)
{
    if (!j)
        return;
    folio_deflate_wait(j); /* a queued job must not be freed under a worker */
    folio_buf_free(&j->out);
    free(j);
}

void folio_deflater_free(folio_deflater *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&d->mu);
    d->stop = true;
    pthread_cond_broadcast(&d->wake);
    pthread_mutex_unlock(&d->mu);
    for (int i = 0; i < d->workers; i++)
        pthread_join(d->thread[i], NULL);
    pthread_mutex_destroy(&d->mu);
    pthread_cond_destroy(&d->wake);
    pthread_cond_destroy(&d->finished);
    free(d);
}
