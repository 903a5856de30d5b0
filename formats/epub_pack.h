/*
 * epub_pack.h - EPUB entries deflated on worker threads (epub_pack.c).
 */
#ifndef FOLIO_EPUB_PACK_H
#define FOLIO_EPUB_PACK_H

#include "../convert/internal.h"
#include <zip.h>

typedef struct folio_packer folio_packer;

/* Start the workers (one per core, at most four; none if threads cannot be
 * made, and then entries are deflated on the caller's thread).  NULL when
 * out of memory. */
folio_packer *folio_packer_new(void);

/* A libzip source for data (malloc'd; ownership passes here, also on
 * failure) that is being deflated in the background.  libzip owns the
 * source; reading or freeing it waits for the deflate to finish. */
zip_source_t *folio_packer_source(folio_packer *p, zip_t *za, char *data, size_t len);

/* Stop the workers.  Call after zip_close or zip_discard, which free every
 * source.  NULL is allowed. */
void folio_packer_free(folio_packer *p);

#endif
