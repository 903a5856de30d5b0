/*
 * epub_pack.c - EPUB entries deflated on worker threads.
 *
 * libzip deflates every entry one after another inside zip_close, which was
 * a third of an EPUB's time.  Here each entry's bytes go to the worker
 * threads of convert/deflate.c as soon as the writer has them, and libzip
 * gets a source that reports the data as already deflated (method, sizes and
 * CRC in its stat): zip_close then copies the bytes as they are.  zlib's
 * default level (6, as gzip -6) is used rather than libzip's 9: for text the
 * two differ by less than 0.1% in size, and the archive's header flags
 * (which say "normal" for data libzip did not compress) then tell the truth.
 */
#include "epub_pack.h"
#include <stdlib.h>
#include <string.h>

typedef struct zip_entry {
    folio_deflate_job *job;
    size_t pos;                 /* read position for libzip */
    zip_error_t error;
} zip_entry;

static zip_int64_t source_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    zip_entry *e = ud;
    folio_deflate_job *j = e->job;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        if (!folio_deflate_wait(j)) {
            zip_error_set(&e->error, ZIP_ER_MEMORY, 0);
            return -1;
        }
        e->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = j->out.len - e->pos;
        if (n > len)
            n = (size_t)len;
        memcpy(data, j->out.data + e->pos, n);
        e->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        bool ok = folio_deflate_wait(j);
        if (!ok || len < sizeof(zip_stat_t)) {
            zip_error_set(&e->error, ok ? ZIP_ER_INVAL : ZIP_ER_MEMORY, 0);
            return -1;
        }
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = j->len;
        st->comp_size = j->out.len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = j->crc;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&e->error, data, len);
    case ZIP_SOURCE_FREE:
        folio_deflate_job_free(j); /* waits: a queued job must not outlive its source */
        zip_error_fini(&e->error);
        free(e);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&e->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

zip_source_t *folio_zip_source(folio_deflater *d, zip_t *za, char *data, size_t len)
{
    zip_entry *e = calloc(1, sizeof *e);
    if (!e) {
        free(data);
        return NULL;
    }
    if (!(e->job = folio_deflate_submit(d, data, len, true))) {
        free(e);
        return NULL;
    }
    zip_error_init(&e->error);
    zip_source_t *s = zip_source_function(za, source_cb, e);
    if (!s) {
        folio_deflate_job_free(e->job);
        zip_error_fini(&e->error);
        free(e);
    }
    return s;
}
