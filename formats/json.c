/*
 * json.c - the document model as JSON, exactly the form README.md documents
 * (a scorer outside the project reads it: keep the key names).
 */
#include "../convert/internal.h"
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef folio_out out;

static void put(out *o, const char *s)
{
    folio_buf_puts(&o->buf, s);
    folio_out_maybe_flush(o);
}

/* A JSON string; UTF-8 passes through, controls and quotes are escaped. */
static void put_str(out *o, const char *s)
{
    if (!s) {
        put(o, "null");
        return;
    }
    folio_buf_putc(&o->buf, '"');
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        folio_buf_append(&o->buf, run, (size_t)(s - run));
        char esc[8];
        switch (c) {
        case '"': strcpy(esc, "\\\""); break;
        case '\\': strcpy(esc, "\\\\"); break;
        case '\n': strcpy(esc, "\\n"); break;
        case '\t': strcpy(esc, "\\t"); break;
        default: snprintf(esc, sizeof esc, "\\u%04x", c); break;
        }
        folio_buf_puts(&o->buf, esc);
        run = s + 1;
    }
    folio_buf_append(&o->buf, run, (size_t)(s - run));
    folio_buf_putc(&o->buf, '"');
}

static void put_int(out *o, long v)
{
    char n[32];
    snprintf(n, sizeof n, "%ld", v);
    put(o, n);
}

static void put_meta(out *o, const folio_meta *m)
{
    put(o, "\"meta\": {\"title\": ");
    put_str(o, m->title);
    put(o, ", \"subtitle\": ");
    put_str(o, m->subtitle);
    put(o, ", \"authors\": [");
    for (size_t i = 0; i < m->n_authors; i++) {
        if (i)
            put(o, ", ");
        put_str(o, m->authors[i]);
    }
    put(o, "], \"contributors\": [");
    for (size_t i = 0; i < m->n_contributors; i++) {
        put(o, i ? ", {\"name\": " : "{\"name\": ");
        put_str(o, m->contributors[i].name);
        put(o, ", \"role\": ");
        put_str(o, m->contributors[i].role);
        put(o, "}");
    }
    put(o, "], \"date\": ");
    put_str(o, m->date);
    put(o, ", \"source\": ");
    put_str(o, m->source);
    put(o, ", \"lang\": ");
    put_str(o, m->lang);
    put(o, ", \"summary\": ");
    put_str(o, m->summary);
    put(o, "}");
}

/* key, then the first n bytes of text (a number, a label) as a string,
 * without the spaces that end them. */
static void put_prefix(out *o, const char *key, const char *text, size_t n)
{
    while (n && text[n - 1] == ' ')
        n--;
    char *s = strndup(text, n);
    put(o, key);
    put_str(o, s ? s : "");
    free(s);
}

static void put_block(out *o, const folio_block *b)
{
    put(o, "{\"type\": ");
    put_str(o, folio_block_type_name(b->type));
    switch (b->type) {
    case FOLIO_BLOCK_HEADING:
        put(o, ", \"level\": ");
        put_int(o, b->u.heading.level);
        if (b->u.heading.number_len) /* the heading's own number, as it stands in text */
            put_prefix(o, ", \"number\": ", b->text, b->u.heading.number_len);
        break;
    case FOLIO_BLOCK_LIST_ITEM:
        put(o, ", \"ordered\": ");
        put(o, b->u.list_item.ordered ? "true" : "false");
        if (b->u.list_item.depth) { /* inside an item of the list above */
            put(o, ", \"depth\": ");
            put_int(o, b->u.list_item.depth);
        }
        break;
    case FOLIO_BLOCK_IMAGE:
        put(o, ", \"src\": ");
        put_str(o, b->u.image.path);
        put(o, ", \"media_type\": ");
        put_str(o, b->u.image.media_type);
        put(o, ", \"width\": ");
        put_int(o, b->u.image.width);
        put(o, ", \"height\": ");
        put_int(o, b->u.image.height);
        break;
    case FOLIO_BLOCK_PARAGRAPH: case FOLIO_BLOCK_QUOTE: case FOLIO_BLOCK_CAPTION:
    case FOLIO_BLOCK_NOTE: case FOLIO_BLOCK_CREDIT: case FOLIO_BLOCK_CODE:
        break;
    default:
        assert(!"block type missing from the JSON writer");
    }
    put(o, ", \"text\": ");
    put_str(o, b->text);
    if (b->n_spans) { /* inline structure: bytes of text */
        put(o, ", \"spans\": [");
        for (size_t k = 0; k < b->n_spans; k++) {
            const folio_span *sp = &b->spans[k];
            static const char *const kinds[] = { "emphasis", "strong", "link" };
            put(o, k ? ", {\"kind\": " : "{\"kind\": ");
            put_str(o, kinds[sp->kind]);
            put(o, ", \"start\": ");
            put_int(o, (long long)sp->start);
            put(o, ", \"length\": ");
            put_int(o, (long long)sp->len);
            if (sp->href) {
                put(o, ", \"href\": ");
                put_str(o, sp->href);
            }
            put(o, "}");
        }
        put(o, "]");
    }
    if (b->label_len) /* the run-in label, as it stands at the start of text */
        put_prefix(o, ", \"label\": ", b->text, b->label_len);
    put(o, ", \"line\": ");
    put_int(o, b->line);
    put(o, "}");
}

folio_status folio_write_json(const folio_doc *doc, const folio_write_opts *opts, folio_sink_fn sink,
                              void *user, folio_error *err)
{
    (void)opts;
    out o = { .sink = sink, .user = user };
    put(&o, "{\"folio\": ");
    put_int(&o, FOLIO_JSON_VERSION);
    put(&o, ",\n ");
    put_meta(&o, &doc->meta);
    put(&o, ",\n \"blocks\": [");
    for (size_t i = 0; i < doc->n_blocks; i++) {
        put(&o, i ? ",\n  " : "\n  ");
        put_block(&o, &doc->blocks[i]);
    }
    put(&o, "],\n \"removed\": [");
    for (size_t i = 0; i < doc->n_removed; i++) {
        const folio_removed *r = &doc->removed[i];
        put(&o, i ? ",\n  {\"line\": " : "\n  {\"line\": ");
        put_int(&o, r->line);
        put(&o, ", \"text\": ");
        put_str(&o, r->text);
        put(&o, ", \"reason\": ");
        put_str(&o, r->reason);
        put(&o, "}");
    }
    put(&o, "]}\n");
    return folio_out_finish(&o, err);
}
