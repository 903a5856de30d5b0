/* libFuzzer: the web-page reader (decoding, libxml2's parser, the walk,
 * the markup's features and roles), on any bytes. */
#include "../../convert/folio.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_doc *doc = NULL;
    folio_read_opts o = { 0 };
    o.keep_boilerplate = size > 0 && data[size - 1] == 'K'; /* both paths */
    if (folio_read_html(data, size, &o, &doc, NULL) == FOLIO_OK)
        folio_doc_free(doc);
    return 0;
}
