/* libFuzzer: the text writers (JSON, outline, Markdown, OPML) fed from the
 * reader.  Output goes to a sink that only counts. */
#include "../../convert/folio.h"
#include <stddef.h>
#include <stdint.h>
#include "../helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_doc *doc = NULL;
    if (folio_read_bytes(data, size, NULL, &doc, NULL) != FOLIO_OK)
        return 0;
    size_t n = 0;
    folio_write_opts o = { .epoch = -1, .width = size % 3 ? 40 : -1, .outline_depth = 1 + (int)(size % 3) };
    folio_write_json(doc, NULL, count, &n, NULL);
    folio_write_outline(doc, &o, count, &n, NULL);
    folio_write_outline_md(doc, &o, count, &n, NULL);
    folio_write_opml(doc, &o, count, &n, NULL);
    folio_doc_free(doc);
    return 0;
}
