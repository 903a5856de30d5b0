/*
 * image.h - checking images before a writer embeds them (image.c).
 */
#ifndef FOLIO_IMAGE_H
#define FOLIO_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The media type ("image/jpeg", "image/png") of data if it decodes whole as
 * a JPEG or PNG image of at most 100 megapixels, else NULL with a one-line
 * reason in why[cap].  width and height (may be NULL) get its size. */
const char *folio_image_check(const void *data, size_t len, int *width, int *height, char *why, size_t cap);

#endif
