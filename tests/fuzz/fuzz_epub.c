/* libFuzzer: the EPUB writer fed from the reader. */
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
    folio_write_opts o = { .epoch = -1, .vertical = (int)(size & 1) };
    folio_write_epub(doc, &o, count, &n, NULL);
    folio_doc_free(doc);
    return 0;
}
