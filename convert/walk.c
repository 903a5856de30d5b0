/*
 * walk.c - the document as a tree, walked with enter and exit events (see
 * folio.h): sections nested by heading level, lists owning their items.
 * The nesting rules live here once; writers follow the events.
 */
#include "internal.h"
#include <stdlib.h>

enum { MAX_OPEN = 16 }; /* document, 6 sections, lists 7 deep, and room */

struct folio_iter {
    const folio_doc *doc;
    int max_level;
    bool opening;             /* an opening section is due before the first heading */
    size_t i;                 /* the next block */
    folio_node open[MAX_OPEN];
    int given[MAX_OPEN];      /* an open section's level as its heading gave it (clamped) */
    int n_open;
    int count[8];             /* sections seen so far at each level under the open ones */
    folio_node leaf;
    bool started;
};

folio_iter *folio_iter_new(const folio_doc *doc, int max_level, int opening)
{
    folio_iter *it = calloc(1, sizeof *it);
    if (!it)
        return NULL;
    it->doc = doc;
    it->max_level = max_level < 1 ? 1 : max_level > 6 ? 6 : max_level;
    it->opening = opening && folio_has_opening(doc);
    return it;
}

void folio_iter_free(folio_iter *it)
{
    free(it);
}

static const folio_node *top(const folio_iter *it)
{
    return &it->open[it->n_open - 1];
}

/* The level of the innermost open section (0: none). */
static int section_level(const folio_iter *it)
{
    for (int k = it->n_open - 1; k >= 0; k--)
        if (it->open[k].kind == FOLIO_NODE_SECTION)
            return it->open[k].level;
    return 0;
}

static folio_event push(folio_iter *it, folio_node n, int given, const folio_node **out)
{
    it->given[it->n_open] = given;
    it->open[it->n_open++] = n;
    *out = top(it);
    return FOLIO_EVENT_ENTER;
}

static folio_event pop(folio_iter *it, const folio_node **out)
{
    it->leaf = it->open[--it->n_open];
    if (it->leaf.kind == FOLIO_NODE_SECTION) /* its subsections' numbers start again */
        for (int l = it->leaf.level + 1; l < 8; l++)
            it->count[l] = 0;
    *out = &it->leaf;
    return FOLIO_EVENT_EXIT;
}

/* A heading closes the open sections its heading level does not go below
 * (as given: two h4 are siblings whatever came before them); it opens a
 * section one level below the section left open. */
static folio_event heading(folio_iter *it, const folio_block *b, const folio_node **out)
{
    int given = b->u.heading.level < 1 ? 1 : b->u.heading.level > it->max_level ? it->max_level
                                                                                 : b->u.heading.level;
    const folio_node *t = top(it);
    if (t->kind == FOLIO_NODE_LIST || (t->kind == FOLIO_NODE_SECTION && it->given[it->n_open - 1] >= given))
        return pop(it, out);
    int level = section_level(it) + 1;
    it->i++;
    for (int l = level + 1; l < 8; l++)
        it->count[l] = 0;
    return push(it, (folio_node){ FOLIO_NODE_SECTION, b, level, ++it->count[level] }, given, out);
}

folio_event folio_iter_next(folio_iter *it, const folio_node **out)
{
    const folio_doc *d = it->doc;
    if (!it->started) {
        it->started = true;
        return push(it, (folio_node){ FOLIO_NODE_DOCUMENT, NULL, 0, 0 }, 0, out);
    }
    if (it->i >= d->n_blocks)
        return it->n_open ? pop(it, out) : FOLIO_EVENT_DONE;
    const folio_block *b = &d->blocks[it->i];
    bool item = b->type == FOLIO_BLOCK_LIST_ITEM;
    int depth = item ? (b->u.list_item.depth < 0 ? 0 : b->u.list_item.depth) : 0;
    if (top(it)->kind == FOLIO_NODE_LIST) {
        const folio_node *l = top(it);
        /* the list ends at a block that is no item, a shallower item, or an
         * item of the other kind at its depth; a deeper item opens a list inside */
        if (!item || depth < l->level || (depth == l->level && l->number != (b->u.list_item.ordered != 0)))
            return pop(it, out);
        if (depth > l->level && it->n_open < MAX_OPEN)
            return push(it, (folio_node){ FOLIO_NODE_LIST, b, l->level + 1, b->u.list_item.ordered != 0 }, 0, out);
    }
    if (b->type == FOLIO_BLOCK_HEADING) {
        it->opening = false;
        return heading(it, b, out);
    }
    if (it->opening) {
        it->opening = false;
        return push(it, (folio_node){ FOLIO_NODE_SECTION, NULL, 1, 0 }, 1, out);
    }
    if (item && top(it)->kind != FOLIO_NODE_LIST && it->n_open < MAX_OPEN)
        return push(it, (folio_node){ FOLIO_NODE_LIST, b, depth, b->u.list_item.ordered != 0 }, 0, out);
    it->i++;
    it->leaf = (folio_node){ FOLIO_NODE_BLOCK, b, 0, 0 };
    *out = &it->leaf;
    return FOLIO_EVENT_ENTER;
}

int folio_iter_numbers(const folio_iter *it, int *out, int cap)
{
    int n = 0;
    for (int k = 0; k < it->n_open && n < cap; k++)
        if (it->open[k].kind == FOLIO_NODE_SECTION && it->open[k].block)
            out[n++] = it->open[k].number;
    return n;
}
