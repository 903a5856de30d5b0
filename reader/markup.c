/*
 * markup.c - what a web page's markup settles once the text has been read.
 *
 * The labeller decides, from the text, which lines belong to the article;
 * within what it keeps, the markup states what a line is where the text
 * cannot show it: a heading element is a heading, a <figcaption> a caption,
 * a <blockquote> a quote, an item of a list an item, <pre> code.  And the
 * headline the page declares in its metadata (Open Graph, JSON-LD, <title>)
 * names the title line.
 */
#include "scraped.h"
#include "../convert/image.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* a and b equal, white space aside; with prefix, a may be the start of b
 * when what follows in b is a separator (" - Site", " | ", " — ", " @ ",
 * "_", " :: "), not more words. */
static bool same_words(const char *a, size_t an, const char *b, size_t bn, bool prefix)
{
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        if (blank(a[i])) {
            i++;
            continue;
        }
        if (blank(b[j])) {
            j++;
            continue;
        }
        if (a[i] != b[j])
            return false;
        i++, j++;
    }
    while (i < an && blank(a[i]))
        i++;
    while (j < bn && blank(b[j]))
        j++;
    if (i < an)
        return false;
    if (j == bn)
        return true;
    int32_t c;
    folio_utf8_next(b + j, bn - j, &c);
    return prefix && !folio_is_letter(c) && !(c >= '0' && c <= '9') && c != '(' && c != '"' && c != '\'';
}

/* How much a unit is worth as the title when its text matches: a heading
 * element most, then any line of the article's own text, then the rest. */
static int title_rank(const reader *r, int i)
{
    const unit *u = &r->u[i];
    int rank = 1;
    /* the headline stands right above the article's text; its copies in
     * a sticky bar or a breadcrumb do not */
    for (int k = i + 1; k < r->n && k <= i + 6; k++)
        if (r->u[k].prose && r->u[k].chars >= 60) {
            rank += 1;
            break;
        }
    if (u->hint.tag == HT_HEADING)
        rank += u->hint.level == 1 ? 4 : 3;
    if (!(u->hint.flags & (HF_NAV | HF_ASIDE | HF_FOOTER | HF_LINK | HF_FURNITURE)))
        rank += 2;
    return rank;
}

/* The best unit that says `want` whole, or (prefix) whose text starts it
 * ("Headline - Site Name"). */
static int find_line(const reader *r, const char *want, bool prefix)
{
    size_t wn = strlen(want);
    int best = -1, best_rank = 0;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (u->chars > 300 || (prefix && u->chars < 4))
            continue;
        if (!same_words(u->text, u->len, want, wn, prefix))
            continue;
        int rank = title_rank(r, i);
        if (rank > best_rank)
            best = i, best_rank = rank;
    }
    return best;
}

int folio_markup_title(const reader *r)
{
    const html_page *p = r->page;
    if (!p)
        return -1;
    const char *said[] = { p->headline, p->title };
    for (int prefix = 0; prefix < 2; prefix++)
        for (size_t k = 0; k < sizeof said / sizeof said[0]; k++) {
            int t = said[k] ? find_line(r, said[k], prefix) : -1;
            if (t >= 0)
                return t;
        }
    return -1;
}

/* The headline the page declares, without a site name after its last
 * " - ", " | ", " – " or "_" (a short tail after a longer head). */
const char *folio_markup_declared_title(reader *r)
{
    const html_page *p = r->page;
    const char *t = p ? (p->headline ? p->headline : p->title) : NULL;
    if (!t || !*t)
        return NULL;
    size_t n = strlen(t), cut = n;
    static const char *const seps[] = { " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "_", " :: ", NULL };
    for (const char *const *sep = seps; *sep; sep++) {
        size_t k = strlen(*sep);
        for (size_t i = n; i-- > 0;)
            if (i + k <= n && memcmp(t + i, *sep, k) == 0) {
                size_t head = folio_utf8_count(t, i), tail = folio_utf8_count(t + i + k, n - i - k);
                if (tail <= 30 && tail < head && i < cut)
                    cut = i;
                break;
            }
    }
    return folio_scraped_clean_title(r->arena, r, t, cut);
}

/* The heading level of the shallowest heading element kept in the body. */
static int top_level(const reader *r)
{
    int top = 7;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (u->role == R_BLOCK && u->hint.tag == HT_HEADING && u->hint.level < top)
            top = u->hint.level;
    }
    return top;
}

bool folio_markup_run_in(const reader *r, int i)
{
    const unit *u = &r->u[i];
    return r->page && u->hint.tag == HT_P && i + 1 < r->n && r->u[i + 1].adjacent &&
           r->u[i + 1].hint.node == u->hint.node;
}

/* A short line wholly in bold that does not end a sentence: a heading
 * written as <p><strong>…</strong></p>; not a paragraph's run-in head. */
static bool bold_heading(const reader *r, int i)
{
    const unit *u = &r->u[i];
    return (u->hint.flags & HF_BOLD) && u->hint.tag == HT_P && !u->ends_sentence && u->chars <= 80 &&
           !u->ends_colon && !folio_markup_run_in(r, i);
}

/* Lines set centred in the body, two or more in a row, short, and not under
 * a picture (a caption is set so too) are verse or an epigraph: a quote.  A
 * line of the run that is a heading and ends no sentence (the poem's title)
 * stays one; its attribution ("——（宋）陆游", "— Basho") is the quote's. */
enum { VERSE_MAX_WIDTH = 80 };

static bool verse_line(const unit *u)
{
    return (u->hint.flags & HF_CENTER) && u->hint.tag == HT_P && !(u->hint.flags & HF_AFTER_IMG) &&
           u->width <= VERSE_MAX_WIDTH && u->role == R_BLOCK &&
           (u->btype == FOLIO_BLOCK_PARAGRAPH || u->btype == FOLIO_BLOCK_HEADING);
}

static bool attribution(const unit *u)
{
    int32_t c;
    folio_utf8_next(u->text, u->len, &c);
    return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

static void verse(reader *r)
{
    int body = 0, centre = 0;
    for (int i = 0; i < r->n; i++)
        if (r->u[i].role == R_BLOCK) {
            body++;
            centre += (r->u[i].hint.flags & HF_CENTER) != 0;
        }
    if (centre * 4 > body * 3) /* a page that centres most of its text says nothing by it */
        return;
    for (int i = 0; i < r->n;) {
        int j = i;
        while (j < r->n && verse_line(&r->u[j]))
            j++;
        for (int k = i; j - i >= 2 && k < j; k++) {
            unit *u = &r->u[k];
            if (u->btype == FOLIO_BLOCK_PARAGRAPH || attribution(u) || u->ends_sentence)
                folio_scraped_block(u, FOLIO_BLOCK_QUOTE);
        }
        i = j > i ? j : i + 1;
    }
}

void folio_markup_roles(reader *r, int title)
{
    if (!r->page)
        return;
    int top = top_level(r);
    for (int i = 0; i < r->n; i++) {
        unit *u = &r->u[i];
        if (i == title || u->role != R_BLOCK)
            continue;
        folio_block_type t = (folio_block_type)u->btype;
        bool plain = t == FOLIO_BLOCK_PARAGRAPH || t == FOLIO_BLOCK_HEADING;
        if (u->hint.tag == HT_HEADING && plain) {
            folio_scraped_block(u, FOLIO_BLOCK_HEADING);
            u->level = (uint8_t)(u->hint.level - top + 1);
        } else if (bold_heading(r, i) && plain) {
            folio_scraped_block(u, FOLIO_BLOCK_HEADING);
        } else if ((u->hint.tag == HT_CAPTION || (u->hint.flags & HF_CAPTION_CLASS)) && plain) {
            folio_scraped_block(u, FOLIO_BLOCK_CAPTION);
        } else if (u->hint.tag == HT_QUOTE && t == FOLIO_BLOCK_PARAGRAPH) {
            folio_scraped_block(u, FOLIO_BLOCK_QUOTE);
        } else if (u->hint.tag == HT_ITEM && t == FOLIO_BLOCK_PARAGRAPH) {
            folio_scraped_block(u, FOLIO_BLOCK_LIST_ITEM);
        } else if (u->hint.tag == HT_PRE && t == FOLIO_BLOCK_PARAGRAPH) {
            folio_scraped_block(u, FOLIO_BLOCK_CODE);
        }
    }
    verse(r);
}

/* ------------------------------------------------------------------ */
/* pictures                                                            */

static bool body_role(const unit *u)
{
    return u->role == R_BLOCK || u->role == R_TITLE || u->role == R_SUMMARY ||
           (u->role == R_DROP && u->reason == folio_why_meta);
}

/* Inside the article: kept text on both sides, or a caption below. */
static bool in_article(const reader *r, int k)
{
    if (k >= r->n || r->u[k].role != R_BLOCK)
        return false;
    if (r->u[k].btype == FOLIO_BLOCK_CAPTION)
        return true;
    return k > 0 && body_role(&r->u[k - 1]);
}

/* A relative address of the page's own folder ("page_files/a.jpg",
 * "img/b%20c.png?w=600") as a path under base (base/page_files/a.jpg), or
 * NULL: addresses with a scheme, absolute paths, ".." and files that are
 * outside base once links are followed are not read. */
static const char *local_path(reader *r, const char *base, const char *src)
{
    if (!base || strstr(src, "://") || src[0] == '/' || strncmp(src, "data:", 5) == 0 || strchr(src, '\\'))
        return NULL;
    char rel[PATH_MAX];
    size_t k = 0;
    for (const char *p = src; *p && *p != '?' && *p != '#' && k + 1 < sizeof rel; p++) {
        unsigned v;
        if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1 && v >= 0x20) {
            rel[k++] = (char)v;
            p += 2;
        } else {
            rel[k++] = *p;
        }
    }
    rel[k] = '\0';
    if (strstr(rel, "..") || !rel[0])
        return NULL;
    char joined[PATH_MAX], real[PATH_MAX], real_base[PATH_MAX];
    if ((size_t)snprintf(joined, sizeof joined, "%s/%s", base, rel) >= sizeof joined)
        return NULL;
    if (!realpath(joined, real) || !realpath(base, real_base))
        return NULL;
    size_t bn = strlen(real_base);
    if (strncmp(real, real_base, bn) != 0 || (real[bn] != '/' && strcmp(real_base, "/") != 0))
        return NULL;
    return folio_arena_strdup(r->arena, strcmp(base, ".") == 0 ? rel : joined); /* as the caller named it */
}

/* Read and check a picture: a JPEG or PNG that decodes whole. */
static void check_picture(reader *r, placed_image *im, const char *base)
{
    const char *path = local_path(r, base, im->src);
    folio_buf b = { 0 };
    char why[160];
    if (path) {
        im->media_type = folio_image_load(path, &b, &im->width, &im->height, why, sizeof why);
        im->path = im->media_type ? path : NULL;
    }
    folio_buf_free(&b);
}

bool folio_markup_images(reader *r, const char *base_dir)
{
    const html_page *p = r->page;
    if (!p || !p->n_images)
        return true;
    r->images = folio_arena_alloc(r->arena, p->n_images * sizeof *r->images);
    if (!r->images)
        return false;
    int k = 0;
    for (size_t i = 0; i < p->n_images; i++) {
        const struct html_image *im = &p->images_at[i];
        while (k < r->n && (size_t)r->u[k].first < im->line)
            k++;
        if (!in_article(r, k))
            continue;
        placed_image *out = &r->images[r->n_images++];
        *out = (placed_image){ .unit = k, .alt = folio_arena_strdup(r->arena, im->alt),
                               .src = folio_arena_strdup(r->arena, im->src) };
        if (!out->alt || !out->src)
            return false;
        check_picture(r, out, base_dir);
    }
    return true;
}

void folio_markup_subtitle(reader *r, int title)
{
    if (!r->page || title < 0 || title + 1 >= r->n)
        return;
    unit *u = &r->u[title + 1];
    bool dek = (u->hint.flags & HF_SUBTITLE_CLASS) && u->chars <= 300;
    if (!dek || u->role == R_TITLE)
        return;
    r->subtitle = folio_arena_strndup(r->arena, u->text, u->len);
    folio_scraped_drop(u, folio_why_meta);
}
