/*
 * doc.c - document lifetime and the block type names.
 */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* BCP 47 as e-readers accept it: "zh-Hans"/"zh-Hant" when the script is
 * known, "_" turned into "-", anything malformed replaced by "und" (an empty
 * or locale-style tag makes Send to Kindle reject the book). */
char *folio_language_tag(const folio_doc *doc, char *out, size_t cap)
{
    const char *lang = doc->meta.lang && *doc->meta.lang ? doc->meta.lang : "und";
    const char *script = doc->meta.script;
    if (strcmp(lang, "zh") == 0 && script && (strcmp(script, "Hans") == 0 || strcmp(script, "Hant") == 0))
        snprintf(out, cap, "zh-%s", script);
    else
        snprintf(out, cap, "%s", lang);
    size_t part = 0;
    bool ok = out[0] != '\0';
    for (char *p = out; *p && ok; p++) {
        if (*p == '_')
            *p = '-';
        if (*p == '-') {
            ok = part > 0;
            part = 0;
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
            ok = ++part <= 8;
        } else {
            ok = false;
        }
    }
    if (!ok || part == 0)
        snprintf(out, cap, "und");
    return out;
}
