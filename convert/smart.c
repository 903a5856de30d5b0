/*
 * smart.c - typographic punctuation for Latin-script text (folio_doc_smarten):
 * straight quotes curled by context, apostrophes, "--" and "---" as en and
 * em dashes, "..." as an ellipsis, as pandoc's smart extension does.  Code
 * and web addresses are left alone.
 */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* Opening context: the start, white space, an opening bracket, a dash or
 * another opening quote. */
static bool opens_after(int32_t prev)
{
    return prev == 0 || folio_is_space(prev) || prev == '(' || prev == '[' || prev == '{' || prev == 0x2014 ||
           prev == 0x2013 || prev == 0x201C || prev == 0x2018 || prev == '-' || prev == '/';
}

static bool wordish(int32_t c)
{
    return folio_is_letter(c) || folio_is_digit(c);
}

/* Length of a web address starting at s (0 if there is none). */
static size_t url_len(const char *s, size_t n)
{
    static const char *const schemes[] = { "http://", "https://", "www.", NULL };
    for (const char *const *p = schemes; *p; p++)
        if (folio_starts_with_ci(s, n, *p)) {
            size_t k = 0;
            while (k < n && s[k] != ' ' && s[k] != '\n')
                k++;
            return k;
        }
    return 0;
}

/* The marks made here are all in U+0800..U+FFFF: three bytes. */
static void put_cp(folio_buf *b, int32_t c)
{
    char u[3] = { (char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F)) };
    folio_buf_append(b, u, 3);
}

/* The curled text of s (n bytes) appended to b. */
static void smarten(const char *s, size_t n, folio_buf *b)
{
    int32_t prev = 0;
    size_t i = 0;
    bool double_open = false;
    while (i < n) {
        size_t url = (prev == 0 || folio_is_space(prev)) ? url_len(s + i, n - i) : 0;
        if (url) {
            folio_buf_append(b, s + i, url);
            i += url;
            prev = 'x';
            continue;
        }
        int32_t c, next = 0;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (i + k < n)
            folio_utf8_next(s + i + k, n - i - k, &next);
        int32_t out = c;
        size_t used = k;
        if (c == '"') {
            /* after CJK text or its punctuation nothing tells: the first of
             * a pair opens */
            bool cjk = folio_is_cjk(prev) || (prev >= 0x3000 && prev <= 0x303F) || (prev >= 0xFF00 && prev <= 0xFF65);
            bool open = (opens_after(prev) || (cjk && !double_open)) && next && !folio_is_space(next);
            out = open ? 0x201C : 0x201D;
            double_open = open;
        } else if (c == '\'') {
            /* 'tis, '90s, don't, the boys' game, 'quoted' */
            bool open = opens_after(prev) && wordish(next) && !folio_is_digit(next);
            out = open ? 0x2018 : 0x2019;
        } else if (c == '-' && i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
            out = 0x2014, used = 3;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            out = 0x2013, used = 2;
        } else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
            out = 0x2026, used = 3;
        }
        if (out == c && used == k)
            folio_buf_append(b, s + i, k);
        else
            put_cp(b, out);
        prev = out;
        i += used;
    }
}

/* s curled into the document's arena (s itself when nothing changes). */
static const char *curled(folio_arena *a, const char *s, size_t keep, bool *ok)
{
    if (!s || !strpbrk(s + keep, "\"'-."))
        return s;
    folio_buf b = { 0 };
    folio_buf_append(&b, s, keep); /* a list item's marker stays as typed */
    smarten(s + keep, strlen(s + keep), &b);
    const char *c = b.data ? folio_arena_strndup(a, b.data, b.len) : NULL;
    free(b.data);
    *ok = *ok && c;
    return c ? c : s;
}

folio_status folio_doc_smarten(folio_doc *doc)
{
    bool ok = true;
    folio_meta *m = &doc->meta;
    m->title = curled(doc->arena, m->title, 0, &ok);
    m->subtitle = curled(doc->arena, m->subtitle, 0, &ok);
    m->summary = curled(doc->arena, m->summary, 0, &ok);
    for (size_t i = 0; i < doc->n_blocks; i++) {
        folio_block *blk = &doc->blocks[i];
        if (blk->type == FOLIO_BLOCK_CODE)
            continue;
        size_t keep = blk->type == FOLIO_BLOCK_LIST_ITEM ? blk->u.list_item.body_offset : 0;
        blk->text = curled(doc->arena, blk->text, keep, &ok);
    }
    return ok ? FOLIO_OK : FOLIO_ERR_NOMEM;
}
