/*
 * epub_pack.c - EPUB entries deflated on worker threads.
 *
 * libzip deflates every entry one after another inside zip_close, which was
 * a third of an EPUB's time.  Here each entry's bytes are queued to worker
 * threads (one per core, at most four) as soon as the writer has them, and
 * libzip gets a source that reports the data as already deflated (method,
 * sizes and CRC in its stat): zip_close then copies the bytes as they are.
 * zlib's default level (6, as gzip -6) is used rather than libzip's 9:
 * for text the two differ by less than 0.1% in size, and the archive's
 * header flags (which say "normal" for data libzip did not compress) then
 * tell the truth.
 */
#include "epub_pack.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_WORKERS 4

typedef struct pack_job {
    struct pack_job *next;      /* queue link */
    folio_packer *owner;
    char *raw;                  /* owned until deflated */
    size_t raw_len;
    folio_buf out;              /* raw deflate stream */
    uLong crc;
    bool done, ok;
    size_t pos;                 /* read position for libzip */
    zip_error_t error;
} pack_job;

struct folio_packer {
    pthread_mutex_t mu;
    pthread_cond_t wake, finished;
    pack_job *head, *tail;
    pthread_t thread[MAX_WORKERS];
    int workers;
    bool stop;
};

static void deflate_job(pack_job *j)
{
    z_stream z = { 0 };
    j->ok = false;
    j->crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)j->raw, (uInt)j->raw_len);
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
        unsigned char piece[32768];
        z.next_in = (Bytef *)j->raw;
        z.avail_in = (uInt)j->raw_len;
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
    folio_packer *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stop)
            pthread_cond_wait(&p->wake, &p->mu);
        pack_job *j = p->head;
        if (!j)
            break;
        p->head = j->next;
        if (!p->head)
            p->tail = NULL;
        pthread_mutex_unlock(&p->mu);
        deflate_job(j);
        pthread_mutex_lock(&p->mu);
        j->done = true;
        pthread_cond_broadcast(&p->finished);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void wait_done(pack_job *j)
{
    folio_packer *p = j->owner;
    pthread_mutex_lock(&p->mu);
    while (!j->done)
        pthread_cond_wait(&p->finished, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

static zip_int64_t source_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    pack_job *j = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        wait_done(j);
        if (!j->ok) {
            zip_error_set(&j->error, ZIP_ER_MEMORY, 0);
            return -1;
        }
        j->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = j->out.len - j->pos;
        if (n > len)
            n = (size_t)len;
        memcpy(data, j->out.data + j->pos, n);
        j->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        wait_done(j);
        if (!j->ok || len < sizeof(zip_stat_t)) {
            zip_error_set(&j->error, j->ok ? ZIP_ER_INVAL : ZIP_ER_MEMORY, 0);
            return -1;
        }
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = j->raw_len;
        st->comp_size = j->out.len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = (zip_uint32_t)j->crc;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&j->error, data, len);
    case ZIP_SOURCE_FREE:
        wait_done(j); /* a queued job must not outlive its source */
        folio_buf_free(&j->out);
        zip_error_fini(&j->error);
        free(j);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&j->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

folio_packer *folio_packer_new(void)
{
    folio_packer *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->wake, NULL);
    pthread_cond_init(&p->finished, NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int want = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : (int)cores;
    while (p->workers < want && pthread_create(&p->thread[p->workers], NULL, worker, p) == 0)
        p->workers++;
    return p; /* with no worker, entries are deflated in folio_packer_source */
}

zip_source_t *folio_packer_source(folio_packer *p, zip_t *za, char *data, size_t len)
{
    pack_job *j = calloc(1, sizeof *j);
    if (!j) {
        free(data);
        return NULL;
    }
    j->owner = p;
    j->raw = data;
    j->raw_len = len;
    zip_error_init(&j->error);
    zip_source_t *s = zip_source_function(za, source_cb, j);
    if (!s) {
        free(data);
        zip_error_fini(&j->error);
        free(j);
        return NULL;
    }
    if (p->workers == 0) {
        deflate_job(j);
        j->done = true;
        return s;
    }
    pthread_mutex_lock(&p->mu);
    if (p->tail)
        p->tail->next = j;
    else
        p->head = j;
    p->tail = j;
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->mu);
    return s;
}

void folio_packer_free(folio_packer *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->workers; i++)
        pthread_join(p->thread[i], NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->wake);
    pthread_cond_destroy(&p->finished);
    free(p);
}
