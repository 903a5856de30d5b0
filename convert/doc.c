/*
 * doc.c - document lifetime and the block type names.
 */
#include "internal.h"
#include <stdlib.h>

static const char *const type_names[FOLIO_BLOCK_TYPE_COUNT] = {
    [FOLIO_BLOCK_HEADING] = "heading",   [FOLIO_BLOCK_PARAGRAPH] = "paragraph",
    [FOLIO_BLOCK_QUOTE] = "quote",       [FOLIO_BLOCK_CAPTION] = "caption",
    [FOLIO_BLOCK_NOTE] = "note",         [FOLIO_BLOCK_CREDIT] = "credit",
    [FOLIO_BLOCK_LIST_ITEM] = "list_item", [FOLIO_BLOCK_CODE] = "code",
};

const char *folio_block_type_name(folio_block_type type)
{
    if ((unsigned)type >= FOLIO_BLOCK_TYPE_COUNT)
        return "unknown";
    return type_names[type];
}

void folio_doc_free(folio_doc *doc)
{
    if (!doc)
        return;
    /* The doc struct itself lives in its own arena. */
    folio_arena_free(doc->arena);
}
