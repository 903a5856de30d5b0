/*
 * epub_pack.h - EPUB entries deflated on worker threads (epub_pack.c).
 */
#ifndef FOLIO_EPUB_PACK_H
#define FOLIO_EPUB_PACK_H

#include "../convert/internal.h"
#include <zip.h>

/* A libzip source for data (malloc'd; ownership passes here, also on
 * failure) that d is deflating in the background.  libzip owns the source;
 * reading or freeing it waits for the deflate to finish, so free the
 * deflater only after zip_close or zip_discard. */
zip_source_t *folio_zip_source(folio_deflater *d, zip_t *za, char *data, size_t len);

#endif
