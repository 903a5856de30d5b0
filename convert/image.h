/*
 * image.h - reading and checking images before the reader keeps them or a
 * writer embeds them (image.c).
 */
#ifndef FOLIO_IMAGE_H
#define FOLIO_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The media type ("image/jpeg", "image/png") of data if it decodes whole as
 * a JPEG or PNG image of at most 100 megapixels, else NULL with a one-line
 * reason in why[cap].  width and height (may be NULL) get its size. */
const char *folio_image_check(const void *data, size_t len, int *width, int *height, char *why, size_t cap);

/* Append a whole file to b (at most cap bytes, else false). */
struct folio_buf;
bool folio_file_read(const char *path, size_t cap, struct folio_buf *b);

/* A picture file read whole into data (at most 64 MB) and checked as
 * folio_image_check() does: its media type, or NULL with why[cap] ("cannot
 * read it" when the file could not be read). */
const char *folio_image_load(const char *path, struct folio_buf *data, int *width, int *height, char *why,
                             size_t cap);

#endif
