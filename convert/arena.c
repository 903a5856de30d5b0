/*
 * arena.c - the document's memory and a small growable buffer.
 *
 * The document model is built once and freed once, so a bump allocator over
 * a list of chunks is both the fastest and the simplest way to make "the
 * document owns everything" true: writers can never free model memory by
 * mistake, and there is a single free for the whole model.
 */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN (64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
} chunk;

struct folio_arena {
    chunk *head;
};

folio_arena *folio_arena_new(void)
{
    return calloc(1, sizeof(folio_arena));
}

void folio_arena_free(folio_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static void *alloc(folio_arena *a, size_t size, bool zero);

void *folio_arena_alloc(folio_arena *a, size_t size)
{
    return alloc(a, size, true);
}

/* Memory the caller fills at once (string copies): no zeroing. */
static void *alloc(folio_arena *a, size_t size, bool zero)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
        /* Grow chunk size with the document so a 100 MB input does not
         * need thousands of mallocs. */
        if (c && c->size * 2 > want && c->size < 64u * 1024 * 1024)
            want = c->size * 2;
        chunk *n = malloc(sizeof(chunk) + want);
        if (!n)
            return NULL;
        n->size = want;
        n->used = 0;
        n->next = c;
        a->head = n;
        c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    if (zero)
        memset(p, 0, size);
    return p;
}

char *folio_arena_strndup(folio_arena *a, const char *s, size_t n)
{
    char *p = alloc(a, n + 1, false);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *folio_arena_strdup(folio_arena *a, const char *s)
{
    return s ? folio_arena_strndup(a, s, strlen(s)) : NULL;
}

void folio_buf_append(folio_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void folio_buf_puts(folio_buf *b, const char *s)
{
    folio_buf_append(b, s, strlen(s));
}

void folio_buf_free(folio_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void folio_out_flush(folio_out *o)
{
    if (!o->failed && o->buf.len && o->sink(o->user, o->buf.data, o->buf.len) != 0)
        o->failed = true;
    o->buf.len = 0;
}

void folio_out_maybe_flush(folio_out *o)
{
    if (o->buf.len >= 1 << 16)
        folio_out_flush(o);
}

folio_status folio_out_finish(folio_out *o, folio_error *err)
{
    folio_out_flush(o);
    bool nomem = o->buf.failed;
    folio_buf_free(&o->buf);
    if (!nomem && !o->failed)
        return FOLIO_OK;
    if (err)
        snprintf(err->message, sizeof err->message, "%s", nomem ? "out of memory" : "write error");
    return nomem ? FOLIO_ERR_NOMEM : FOLIO_ERR_WRITE;
}
