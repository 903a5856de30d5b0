/*
 * image.c - is this really a JPEG or PNG image a reader can show?  The
 * whole image is decoded (libjpeg, libpng), so that a valid header over
 * junk, a truncated file or absurd dimensions are refused before they reach
 * an EPUB.
 */
#include "image.h"
#include "internal.h"
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* 100 megapixels: far more than any cover, far less than a bomb. */
enum { MAX_PIXELS = 100000000 };

static bool check_png(const void *data, size_t len, int *w, int *h, char *why, size_t cap)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    bool ok = false;
    if (png_image_begin_read_from_memory(&img, data, len)) {
        *w = (int)img.width;
        *h = (int)img.height;
        if ((double)img.width * img.height > MAX_PIXELS || img.width == 0 || img.height == 0) {
            snprintf(why, cap, "the cover is %ux%u pixels, more than a reader can show", img.width, img.height);
            png_image_free(&img);
            return false;
        }
        img.format = PNG_FORMAT_GRAY;
        void *pixels = malloc(PNG_IMAGE_SIZE(img));
        ok = pixels && png_image_finish_read(&img, NULL, pixels, 0, NULL);
        free(pixels);
    }
    if (!ok)
        snprintf(why, cap, "the cover is a damaged PNG image (%s)", img.message[0] ? img.message : "cannot decode");
    png_image_free(&img);
    return ok;
}

typedef struct jpeg_guard {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
} jpeg_guard;

static void jpeg_fail(j_common_ptr cinfo)
{
    jpeg_guard *g = (jpeg_guard *)cinfo->err;
    g->mgr.format_message(cinfo, g->message);
    longjmp(g->jump, 1);
}

static void jpeg_quiet(j_common_ptr cinfo, int level)
{
    jpeg_guard *g = (jpeg_guard *)cinfo->err;
    if (level < 0 && !g->message[0]) /* a corrupt-data warning: the image is damaged */
        g->mgr.format_message(cinfo, g->message);
}

static bool check_jpeg(const void *data, size_t len, int *w, int *h, char *why, size_t cap)
{
    struct jpeg_decompress_struct c;
    jpeg_guard g;
    memset(&g, 0, sizeof g);
    c.err = jpeg_std_error(&g.mgr);
    g.mgr.error_exit = jpeg_fail;
    g.mgr.emit_message = jpeg_quiet;
    JSAMPROW row = NULL;
    if (setjmp(g.jump)) {
        free(row);
        jpeg_destroy_decompress(&c);
        snprintf(why, cap, "the cover is a damaged JPEG image (%s)", g.message);
        return false;
    }
    jpeg_create_decompress(&c);
    jpeg_mem_src(&c, data, (unsigned long)len);
    jpeg_read_header(&c, TRUE);
    *w = (int)c.image_width;
    *h = (int)c.image_height;
    if ((double)c.image_width * c.image_height > MAX_PIXELS) {
        jpeg_destroy_decompress(&c);
        snprintf(why, cap, "the cover is %ux%u pixels, more than a reader can show", c.image_width, c.image_height);
        return false;
    }
    c.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&c);
    row = malloc((size_t)c.output_width * (size_t)c.output_components + 1);
    while (row && c.output_scanline < c.output_height)
        jpeg_read_scanlines(&c, &row, 1);
    bool ok = row && !g.message[0];
    if (row)
        jpeg_finish_decompress(&c);
    free(row);
    jpeg_destroy_decompress(&c);
    if (!ok)
        snprintf(why, cap, "the cover is a damaged JPEG image (%s)", g.message[0] ? g.message : "out of memory");
    return ok;
}

const char *folio_image_check(const void *data, size_t len, int *width, int *height, char *why, size_t cap)
{
    const unsigned char *p = data;
    int w = 0, h = 0;
    *why = '\0';
    if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return check_jpeg(data, len, width ? width : &w, height ? height : &h, why, cap) ? "image/jpeg" : NULL;
    if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
        return check_png(data, len, width ? width : &w, height ? height : &h, why, cap) ? "image/png" : NULL;
    snprintf(why, cap, "the cover must be a JPEG or PNG image");
    return NULL;
}

bool folio_file_read(const char *path, size_t cap, folio_buf *b)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    if (!f)
        return false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b->len <= cap)
        folio_buf_append(b, chunk, n);
    bool ok = !ferror(f) && !b->failed && b->len <= cap;
    fclose(f);
    return ok;
}

const char *folio_image_load(const char *path, folio_buf *data, int *width, int *height, char *why, size_t cap)
{
    if (!folio_file_read(path, (size_t)64 << 20, data)) {
        snprintf(why, cap, "cannot read it");
        return NULL;
    }
    return folio_image_check(data->data ? data->data : "", data->len, width, height, why, cap);
}
