/*
 * roles.c - what the reader's passes share: the role of a unit (dropped
 * with a reason, or a block of a type), the summary as it is gathered, and
 * a title made from a first sentence.  The rules (scraped.c) and the
 * labeller (label.c) both set roles through these; neither calls the
 * other's helpers.
 */
#include "scraped.h"
#include <string.h>

const char folio_why_meta[] = "metadata", folio_why_nav[] = "navigation",
           folio_why_boiler[] = "boilerplate", folio_why_related[] = "related",
           folio_why_dup[] = "duplicate";

void folio_scraped_drop(unit *u, const char *why)
{
    u->role = R_DROP;
    u->reason = why;
}

void folio_scraped_block(unit *u, folio_block_type t)
{
    u->role = R_BLOCK;
    u->btype = t;
    u->level = 1;
}

void folio_scraped_add_summary(reader *r, const char *s, size_t n)
{
    if (r->summary_buf.len)
        folio_buf_putc(&r->summary_buf, '\n');
    folio_buf_append(&r->summary_buf, s, n);
}

/* A summary line ("摘要：…") into the summary, without its label. */
void folio_scraped_add_summary_line(reader *r, const unit *u)
{
    const char *colon = strstr(u->text, ":"), *wide = strstr(u->text, "\xEF\xBC\x9A");
    const char *p = wide && (!colon || wide < colon) ? wide + 3 : colon ? colon + 1 : u->text;
    while (*p == ' ')
        p++;
    folio_scraped_add_summary(r, p, u->len - (size_t)(p - u->text));
}

/* A title from the first sentence of a paragraph, at most 80 characters. */
const char *folio_scraped_derived_title(reader *r, const unit *u)
{
    size_t n = folio_sentence_len(u->text, u->len), k = 0, chars = 0;
    while (k < n && chars < 80) {
        int32_t c;
        k += folio_utf8_next(u->text + k, n - k, &c);
        chars++;
    }
    folio_buf b = { 0 };
    folio_buf_append(&b, u->text, k);
    if (k < n)
        folio_buf_puts(&b, "\xE2\x80\xA6");
    const char *t = b.failed ? NULL : folio_arena_strndup(r->arena, b.data, b.len);
    folio_buf_free(&b);
    return t ? t : "";
}
