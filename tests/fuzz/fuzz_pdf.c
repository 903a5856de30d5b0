/* libFuzzer: the PDF writer (layout, fonts, libharu) fed from the reader. */
#include "../../convert/folio.h"
#include <stddef.h>
#include <stdint.h>
#include "../helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_doc *doc = NULL;
    if (size > 16384 || folio_read_bytes(data, size, NULL, &doc, NULL) != FOLIO_OK)
        return 0;
    size_t n = 0;
    static const char *papers[] = { "a4", "letter", "a5" };
    folio_write_opts o = { .epoch = -1, .paper = papers[size % 3] };
    folio_write_pdf(doc, &o, count, &n, NULL);
    folio_doc_free(doc);
    return 0;
}
