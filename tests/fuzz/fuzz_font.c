/* libFuzzer: a --font file.  The bytes are written to a file and given as
 * the Latin font of a short PDF: the table checks of fonts/fonts.c must turn
 * away every damaged font before libharu reads it (a damaged maxp once
 * corrupted libharu's heap).  Seeds: real TrueType fonts (run.sh). */
#include "../../convert/folio.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    static folio_doc *doc;
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/fuzz-font-%d.ttf", (int)getpid());
    if (!doc) {
        const char *text = "A Font Under Test\n\nSome text in the font, with enough words to be prose.\n";
        if (folio_read_text(text, strlen(text), NULL, &doc, NULL) != FOLIO_OK)
            abort();
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    size_t n = 0;
    folio_write_opts o = { .epoch = -1, .font = path };
    folio_write_pdf(doc, &o, count, &n, NULL);
    return 0;
}
