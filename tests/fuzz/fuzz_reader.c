/* libFuzzer: the reader, on any bytes (decoding included). */
#include "../../convert/folio.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_doc *doc = NULL;
    folio_read_opts o = { 0 };
    o.keep_boilerplate = size > 0 && data[0] == 'K'; /* both paths */
    if (folio_read_bytes(data, size, &o, &doc, NULL) == FOLIO_OK)
        folio_doc_free(doc);
    return 0;
}
