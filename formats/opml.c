/*
 * opml.c - the outline as OPML 2.0, the exchange format of outliners and
 * note apps (Workflowy, OmniOutliner, Dynalist, Logseq).  They show `text`
 * and keep `_note` as the node's note, so each key sentence carries its
 * whole paragraph there.
 */
#include "xmlw.h"
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

static void node(xw *x, const char *text, const char *note, bool close)
{
    x_start(x, "outline");
    x_attr(x, "text", text);
    if (note)
        x_attr(x, "_note", note);
    if (close)
        x_end(x);
}

/* A key sentence node; the whole text goes to _note when it says more. */
/* A node with the paragraph's key sentence (its most salient), the whole
 * paragraph as its note when it has more. */
static void sentence_node(xw *x, const folio_terms *terms, const char *text)
{
    size_t n = strlen(text), len, at = folio_salient_sentence(terms, text, n, &len);
    char *first = strndup(text + at, len);
    if (!first) {
        x->failed = true;
        return;
    }
    node(x, first, len < n ? text : NULL, true);
    free(first);
}

/* RFC 822 date, as OPML wants: "Sat, 31 May 2025 00:00:00 GMT". */
static void rfc822(const folio_doc *d, const folio_write_opts *o, char *out, size_t cap)
{
    struct tm tm = folio_doc_time(d, o);
    static const char *days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *mons[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    snprintf(out, cap, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday, mons[tm.tm_mon],
             tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void write_head(xw *x, const folio_doc *d, const folio_write_opts *o)
{
    const folio_meta *m = &d->meta;
    char date[40];
    x_start(x, "head");
    x_elem(x, "title", NULL, folio_doc_title(d));
    rfc822(d, o, date, sizeof date);
    x_elem(x, "dateCreated", NULL, date);
    if (m->n_authors) {
        folio_buf b = { 0 };
        folio_byline(m, ", ", "", false, &b);
        x_elem(x, "ownerName", NULL, b.data);
        folio_buf_free(&b);
    }
    x_end(x);
}

/* Metadata nodes at the top: "Date: …", "Source: …", the summary, their
 * labels in the document's language. */
static void write_meta_nodes(xw *x, const folio_doc *d)
{
    const folio_meta *m = &d->meta;
    const folio_words *w = folio_doc_words(d);
    const char *labels[] = { w->date, w->source };
    const char *summary = w->summary;
    const char *values[] = { m->date, m->source };
    for (size_t i = 0; i < 2; i++)
        if (values[i]) {
            folio_buf b = { 0 };
            folio_buf_puts(&b, labels[i]);
            folio_buf_puts(&b, values[i]);
            node(x, b.data, NULL, true);
            folio_buf_free(&b);
        }
    if (m->summary)
        node(x, summary, m->summary, true);
}

/* The body: a node per section (three levels at most; the text before the
 * first heading an unnumbered one), and with depth > 1 a node per key
 * sentence.  False when out of memory. */
static bool write_body(xw *x, const folio_doc *d, int depth)
{
    folio_iter *it = folio_iter_new(d, 3, depth > 1);
    folio_terms *terms = folio_terms_new(d); /* NULL: the first sentences */
    const folio_node *n;
    folio_event ev;
    if (!it) {
        folio_terms_free(terms);
        return false;
    }
    while ((ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE) {
        if (n->kind == FOLIO_NODE_SECTION) {
            if (ev == FOLIO_EVENT_ENTER)
                node(x, n->block ? n->block->text : folio_opening_label(d), NULL, false);
            else
                x_end(x);
            continue;
        }
        if (n->kind != FOLIO_NODE_BLOCK || depth < 2)
            continue;
        const folio_block *b = n->block;
        switch (b->type) {
        case FOLIO_BLOCK_PARAGRAPH: case FOLIO_BLOCK_QUOTE:
            sentence_node(x, terms, b->text + b->label_len);
            break;
        case FOLIO_BLOCK_LIST_ITEM:
            sentence_node(x, terms, b->text + b->u.list_item.body_offset);
            break;
        case FOLIO_BLOCK_CAPTION: case FOLIO_BLOCK_NOTE: case FOLIO_BLOCK_CREDIT: case FOLIO_BLOCK_CODE:
        case FOLIO_BLOCK_IMAGE:
            break;
        default:
            assert(!"block type missing from the OPML writer");
        }
    }
    folio_iter_free(it);
    folio_terms_free(terms);
    return true;
}

folio_status folio_write_opml(const folio_doc *doc, const folio_write_opts *opts,
                              folio_sink_fn sink, void *user, folio_error *err)
{
    xw x;
    folio_status rc = FOLIO_ERR_NOMEM;
    if (xw_open(&x)) {
        x_start(&x, "opml");
        x_attr(&x, "version", "2.0");
        write_head(&x, doc, opts);
        x_start(&x, "body");
        write_meta_nodes(&x, doc);
        bool ok = write_body(&x, doc, opts && opts->outline_depth ? opts->outline_depth : 2);
        size_t len;
        const char *data = ok ? xw_finish(&x, &len) : NULL;
        if (data)
            rc = sink(user, data, len) == 0 ? FOLIO_OK : FOLIO_ERR_WRITE;
    }
    xw_discard(&x);
    if (rc != FOLIO_OK && err)
        snprintf(err->message, sizeof err->message, "%s", rc == FOLIO_ERR_WRITE ? "write error" : "out of memory");
    return rc;
}
