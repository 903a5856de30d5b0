/*
 * digest.c - several documents as one book (folio_doc_digest).
 *
 * Each article becomes a part: its title as a level-1 heading, a line with
 * its authors, date and source, its summary, then its body with every
 * heading one level deeper.  Writers need nothing new: the table of
 * contents, the bookmarks and the outline nest parts and sections by level.
 */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A heading of an article sits one level under the article's own. */
enum { MAX_LEVEL = 6 };

/* A copy in the digest's arena (the digest outlives its articles); NULL
 * stays NULL, a failed copy sets *ok false. */
static const char *dup(folio_arena *a, const char *s, bool *ok)
{
    if (!s)
        return NULL;
    const char *c = folio_arena_strdup(a, s);
    *ok = *ok && c;
    return c;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The authors of every article, each once, in order. */
static bool collect_authors(folio_arena *a, const folio_doc *const *docs, size_t n, folio_meta *m)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i]->meta.n_authors;
    m->authors = total ? folio_arena_alloc(a, total * sizeof *m->authors) : NULL;
    if (total && !m->authors)
        return false;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < docs[i]->meta.n_authors; k++) {
            const char *name = docs[i]->meta.authors[k];
            bool seen = false;
            for (size_t j = 0; j < m->n_authors && !seen; j++)
                seen = same(m->authors[j], name);
            if (!seen)
                m->authors[m->n_authors++] = name;
        }
    bool ok = true;
    for (size_t j = 0; j < m->n_authors; j++)
        m->authors[j] = dup(a, m->authors[j], &ok);
    return ok;
}

/* The contributors of every article (translators, editors), each once. */
static bool collect_contributors(folio_arena *a, const folio_doc *const *docs, size_t n, folio_meta *m)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i]->meta.n_contributors;
    folio_contributor *list = total ? folio_arena_alloc(a, total * sizeof *list) : NULL;
    if (total && !list)
        return false;
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < docs[i]->meta.n_contributors; c++) {
            const folio_contributor *p = &docs[i]->meta.contributors[c];
            bool seen = false;
            for (size_t j = 0; j < k && !seen; j++)
                seen = same(list[j].name, p->name) && same(list[j].role, p->role);
            if (!seen)
                list[k++] = (folio_contributor){ dup(a, p->name, &ok), dup(a, p->role, &ok) };
        }
    m->contributors = list;
    m->n_contributors = k;
    return ok;
}

/* The digest's own metadata: the given title (else the first article's),
 * everyone's authors, a date or a source only where every article shares
 * it, the first article's language. */
static bool digest_meta(folio_arena *a, const folio_doc *const *docs, size_t n, const char *title,
                        folio_meta *m)
{
    const folio_meta *first = &docs[0]->meta;
    m->title = title ? title : first->title;
    m->lang = first->lang;
    m->script = first->script;
    m->date = first->date;
    m->source = first->source;
    for (size_t i = 1; i < n; i++) {
        if (!same(m->date, docs[i]->meta.date))
            m->date = NULL;
        if (!same(m->source, docs[i]->meta.source))
            m->source = NULL;
        if (!same(m->script, docs[i]->meta.script))
            m->script = NULL;
    }
    bool ok = true;
    if (title) { /* the caller's text as it is: bytes that are not UTF-8 become U+FFFD */
        m->title = folio_utf8_repaired(a, title, NULL);
        ok = m->title != NULL;
    } else {
        m->title = dup(a, m->title, &ok);
    }
    m->lang = dup(a, m->lang, &ok);
    m->script = dup(a, m->script, &ok);
    m->date = dup(a, m->date, &ok);
    m->source = dup(a, m->source, &ok);
    return ok && collect_authors(a, docs, n, m) && collect_contributors(a, docs, n, m);
}

/* "Ann Lee, Bo Chen · 2024-05-01 · The Harbour Times" (NULL when empty). */
static const char *byline_text(folio_arena *a, const folio_meta *m)
{
    folio_buf b = { 0 };
    folio_byline(m, ", ", " \xC2\xB7 ", true, &b);
    const char *s = b.len ? folio_arena_strndup(a, b.data, b.len) : NULL;
    free(b.data);
    return s;
}

static folio_block *next_block(folio_doc *d, folio_block_type t, int line, const char *text)
{
    folio_block *blk = &d->blocks[d->n_blocks++];
    memset(blk, 0, sizeof *blk);
    blk->type = t;
    blk->line = line;
    blk->text = text;
    return blk;
}

/* One article as a part of the digest. */
static bool add_part(folio_doc *d, folio_arena *a, const folio_doc *doc, size_t index)
{
    char untitled[32];
    snprintf(untitled, sizeof untitled, "%zu", index + 1);
    bool ok = true;
    const char *title = dup(a, doc->meta.title ? doc->meta.title : untitled, &ok);
    const char *byline = byline_text(a, &doc->meta);
    const char *summary = dup(a, doc->meta.summary, &ok);
    if (!ok)
        return false;
    next_block(d, FOLIO_BLOCK_HEADING, 0, title)->u.heading.level = 1;
    if (byline)
        next_block(d, FOLIO_BLOCK_PARAGRAPH, 0, byline);
    if (summary)
        next_block(d, FOLIO_BLOCK_PARAGRAPH, 0, summary);
    for (size_t i = 0; ok && i < doc->n_blocks; i++) {
        folio_block *blk = next_block(d, doc->blocks[i].type, doc->blocks[i].line,
                                      dup(a, doc->blocks[i].text, &ok));
        blk->u = doc->blocks[i].u;
        blk->label_len = doc->blocks[i].label_len;
        blk->n_spans = doc->blocks[i].n_spans;
        if (blk->n_spans) { /* the spans and their addresses, copied */
            folio_span *spans = folio_arena_alloc(a, blk->n_spans * sizeof *spans);
            ok = ok && spans;
            for (size_t k = 0; spans && k < blk->n_spans; k++) {
                spans[k] = doc->blocks[i].spans[k];
                spans[k].href = dup(a, spans[k].href, &ok);
            }
            blk->spans = spans;
        }
        if (blk->type == FOLIO_BLOCK_HEADING) {
            int level = blk->u.heading.level < 1 ? 1 : blk->u.heading.level;
            blk->u.heading.level = level + 1 > MAX_LEVEL ? MAX_LEVEL : level + 1;
        } else if (blk->type == FOLIO_BLOCK_IMAGE) {
            blk->u.image.path = dup(a, blk->u.image.path, &ok);
            blk->u.image.media_type = dup(a, blk->u.image.media_type, &ok);
        }
    }
    return ok;
}

folio_status folio_doc_digest(const folio_doc *const *docs, size_t n, const char *title, folio_doc **out,
                              folio_error *err)
{
    folio_error scratch;
    if (!err)
        err = &scratch;
    memset(err, 0, sizeof *err);
    *out = NULL;
    if (n == 0 || !docs) {
        snprintf(err->message, sizeof err->message, "no documents to combine");
        return FOLIO_ERR_USAGE;
    }
    size_t blocks = 0;
    for (size_t i = 0; i < n; i++)
        blocks += docs[i]->n_blocks + 3;
    folio_arena *a = folio_arena_new();
    folio_doc *d = a ? folio_arena_alloc(a, sizeof *d) : NULL;
    if (d) {
        memset(d, 0, sizeof *d);
        d->arena = a;
        d->blocks = folio_arena_alloc(a, blocks * sizeof *d->blocks);
    }
    bool ok = d && d->blocks && digest_meta(a, docs, n, title, &d->meta);
    for (size_t i = 0; ok && i < n; i++)
        ok = add_part(d, a, docs[i], i);
    if (!ok) {
        folio_arena_free(a);
        snprintf(err->message, sizeof err->message, "out of memory");
        return FOLIO_ERR_NOMEM;
    }
    *out = d;
    return FOLIO_OK;
}
