/*
 * outline.c - the skeleton of the article for a reader's notes: numbered
 * headings, and under each one bullet per paragraph with its key sentence.
 * Plain text (the default) or Markdown; lines wrapped at a width counted in
 * terminal columns (East Asian wide characters count two), with the same
 * UAX #14 line breaker the PDF uses.
 *
 *   Title
 *   Ann Lee · 2025-05-31 · Source
 *
 *   1. First section
 *     - Its first paragraph's first sentence, wrapped under the bullet's
 *       text.
 *     > A block quote's first sentence.
 */
#include "../convert/internal.h"
#include <assert.h>
#include <stdio.h>
#include <string.h>

typedef struct outline {
    const folio_doc *doc;
    folio_out w;
    bool md;
    int depth;                 /* 1 headings, 2 key sentences, 3 every sentence */
    int width;                 /* 0: no wrap */
    int level;                 /* level of the current heading (0 before any) */
    bool own_numbers;          /* most headings carry their own number (folio_heading_number) */
    folio_terms *terms;        /* what the article repeats: the key sentences' salience */
    bool at_top;               /* nothing written since the header */
    char tag[32];
    bool cjk;                  /* a Chinese, Japanese or Korean document */
    /* wrapping state */
    const char *prefix, *cont; /* first-line prefix, continuation indent */
    bool first_line;
} outline;

static int emit_line(void *user, const char *s, size_t n, bool hyphen)
{
    outline *o = user;
    (void)hyphen; /* never: the outline is not hyphenated */
    folio_buf_puts(&o->w.buf, o->first_line ? o->prefix : o->cont);
    folio_buf_append(&o->w.buf, s, n);
    folio_buf_putc(&o->w.buf, '\n');
    o->first_line = false;
    folio_out_maybe_flush(&o->w);
    return o->w.failed ? 1 : 0;
}

/* Text for Markdown: every character Markdown or its inline HTML would
 * interpret is escaped with a backslash, and a line break becomes a space
 * (a title on two lines would end its heading). */
static void md_escape(const char *s, size_t n, folio_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r') {
            folio_buf_putc(out, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>#|&!~", c) && c)
            folio_buf_putc(out, '\\');
        folio_buf_putc(out, c);
    }
}

static void item_raw(outline *o, const char *prefix, const char *cont, const char *s, size_t n);

static bool has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t c;
        i += folio_utf8_next(s + i, n - i, &c);
        if (folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c))
            return true;
    }
    return false;
}

/* One item: prefix on the first line, continuation lines indented to the
 * text, wrapped at the width; in Markdown, the text escaped. */
static void item(outline *o, const char *prefix, const char *cont, const char *s, size_t n)
{
    if (!o->md) {
        item_raw(o, prefix, cont, s, n);
        return;
    }
    folio_buf esc = { 0 };
    md_escape(s, n, &esc);
    if (esc.failed)
        o->w.failed = true;
    else
        item_raw(o, prefix, cont, esc.data ? esc.data : "", esc.len);
    folio_buf_free(&esc);
}

static void item_raw(outline *o, const char *prefix, const char *cont, const char *s, size_t n)
{
    o->prefix = prefix;
    o->cont = cont;
    o->first_line = true;
    /* Markdown renderers join a paragraph's lines with a space: a break
     * inside Chinese or Japanese text would show as one ("以集体 防御"), so
     * such text is not wrapped there. */
    if (o->width <= 0 || n == 0 || (o->md && has_cjk(s, n))) {
        emit_line(o, s, n, false);
        return;
    }
    double avail_first = (double)o->width - (double)folio_text_width(prefix, strlen(prefix));
    double avail_rest = (double)o->width - (double)folio_text_width(cont, strlen(cont));
    if (avail_first < 10)
        avail_first = 10;
    if (avail_rest < 10)
        avail_rest = 10;
    /* in a CJK document, ambiguous characters (“ ” · — …) take two columns */
    static int wide;
    void *measure_user = o->cjk ? &wide : NULL;
    if (folio_break_lines(s, n, o->tag, avail_first, avail_rest, folio_measure_columns, measure_user, NULL, NULL,
                          emit_line, o) < 0)
        o->w.failed = true;
}

/* "1." for level 1, "1.2" for level 2, "1.2.1" for level 3: the numbers
 * of the open sections (a level with none, under the opening, counts 1). */
static void number(const folio_iter *it, int level, char *out, size_t cap)
{
    int nums[6], n = folio_iter_numbers(it, nums, 6);
    size_t k = 0;
    for (int l = 1; l <= level && k < cap; l++) {
        int v = l - 1 - (level - n) >= 0 ? nums[l - 1 - (level - n)] : 1;
        k += (size_t)snprintf(out + k, cap - k, l == 1 ? "%d" : ".%d", v);
    }
    if (level == 1 && k < cap)
        snprintf(out + k, cap - k, ".");
}

static void indent(char *out, size_t cap, int spaces)
{
    snprintf(out, cap, "%*s", spaces, "");
}

static void write_heading(outline *o, const folio_iter *it, const folio_node *sec)
{
    const folio_block *b = sec->block;
    int level = sec->level;
    char num[32], prefix[48], cont[48];
    number(it, level, num, sizeof num);
    o->level = level;
    const char *text = b->text;
    size_t own = b->u.heading.number_len;
    if (own && own == strlen(text)) /* "1" on its own: our "1." says it */
        text = "";
    else if (own || o->own_numbers)
        num[0] = '\0'; /* theirs, or none among theirs: "一、…" then "“修补课”" */
    if (o->md) { /* an ATX heading stays on one line */
        snprintf(prefix, sizeof prefix, "\n%.*s %s%s", level + 1, "####", num, num[0] && *text ? " " : "");
        int width = o->width;
        o->width = 0; /* unwrapped */
        item(o, prefix, "", text, strlen(text));
        o->width = width;
        folio_buf_putc(&o->w.buf, '\n');
        return;
    }
    snprintf(prefix, sizeof prefix, "%*s%s%s", 2 * (level - 1), "", num, num[0] && *text ? " " : "");
    indent(cont, sizeof cont, (int)folio_text_width(prefix, strlen(prefix)));
    if (level == 1 && !o->at_top && o->depth > 1)
        folio_buf_putc(&o->w.buf, '\n');
    item(o, prefix, cont, text, strlen(text));
    o->at_top = false;
}

/* A paragraph's bullets: its key sentence, or at depth 3 every sentence
 * (the first as the bullet, the rest nested under it). */
static void write_bullets(outline *o, const char *text, size_t skip, const char *mark, int nest)
{
    int base = (o->md ? 0 : 2 * o->level) + 2 * nest; /* nest: a list item's depth */
    char prefix[48], cont[48];
    bool md_quote = o->md && mark[0] == '>';
    snprintf(prefix, sizeof prefix, "%s%*s%s ", md_quote ? "\n" : "", base, "", mark);
    indent(cont, sizeof cont, base + (int)strlen(mark) + 1);
    if (md_quote) /* a Markdown block quote: every line marked, a blank line after */
        snprintf(cont, sizeof cont, "> ");
    const char *s = text + skip;
    size_t n = strlen(s), len, at = 0;
    if (o->depth < 3 && !md_quote) /* the paragraph's most salient sentence */
        at = folio_salient_sentence(o->terms, s, n, &len);
    else /* every sentence follows: the first leads */
        len = folio_sentence_len(s, n);
    folio_buf key = { 0 };
    folio_key_sentence(s + at, len, &key);
    item(o, prefix, cont, key.data ? key.data : "", key.len);
    folio_buf_free(&key);
    if (md_quote)
        folio_buf_putc(&o->w.buf, '\n');
    if (o->depth < 3 || md_quote)
        return;
    snprintf(prefix, sizeof prefix, "%*s  %s ", base, "", mark);
    indent(cont, sizeof cont, base + 2 + (int)strlen(mark) + 1);
    for (size_t pos = len; pos < n;) {
        while (pos < n && s[pos] == ' ')
            pos++;
        if (pos >= n)
            break;
        size_t l = folio_sentence_len(s + pos, n - pos);
        item(o, prefix, cont, s + pos, l);
        pos += l;
    }
}

static void write_block(outline *o, const folio_block *b)
{
    if (b->type != FOLIO_BLOCK_CAPTION && b->type != FOLIO_BLOCK_NOTE && b->type != FOLIO_BLOCK_CREDIT &&
        b->type != FOLIO_BLOCK_CODE && b->type != FOLIO_BLOCK_IMAGE)
        o->at_top = false;
    switch (b->type) {
    case FOLIO_BLOCK_HEADING: /* as its section: write_heading */
        break;
    case FOLIO_BLOCK_PARAGRAPH: /* its key sentence, without a run-in label */
        if (o->depth > 1)
            write_bullets(o, b->text, b->label_len, "-", 0);
        break;
    case FOLIO_BLOCK_LIST_ITEM:
        if (o->depth > 1)
            write_bullets(o, b->text, b->u.list_item.body_offset, "-", b->u.list_item.depth);
        break;
    case FOLIO_BLOCK_QUOTE:
        if (o->depth > 1)
            write_bullets(o, b->text, 0, ">", 0);
        break;
    case FOLIO_BLOCK_CAPTION: case FOLIO_BLOCK_NOTE: case FOLIO_BLOCK_CREDIT: case FOLIO_BLOCK_CODE:
    case FOLIO_BLOCK_IMAGE:
        break; /* an outline is what the article says, not its furniture */
    default:
        assert(!"block type missing from the outline writer");
    }
}

/* The text before the first heading: a node of its own, unnumbered. */
static void write_opening(outline *o)
{
    const char *label = folio_opening_label(o->doc);
    if (o->md) {
        folio_buf_puts(&o->w.buf, "## ");
        folio_buf_puts(&o->w.buf, label);
        folio_buf_puts(&o->w.buf, "\n\n");
    } else {
        item(o, "", "", label, strlen(label));
    }
    o->level = 1;
    o->at_top = false;
}

static void write_head(outline *o)
{
    const folio_meta *m = &o->doc->meta;
    const char *title = folio_doc_title(o->doc);
    item(o, o->md ? "# " : "", "", title, strlen(title));
    if (m->subtitle) { /* the dek, under the title */
        if (o->md)
            folio_buf_putc(&o->w.buf, '\n');
        item(o, "", "", m->subtitle, strlen(m->subtitle));
    }
    folio_buf line = { 0 };
    folio_byline(m, ", ", " · ", true, &line);
    if (line.len) {
        if (o->md)
            folio_buf_putc(&o->w.buf, '\n');
        item(o, "", "", line.data, line.len);
    }
    folio_buf_free(&line);
    folio_buf_putc(&o->w.buf, '\n');
}

static folio_status write_outline(const folio_doc *doc, const folio_write_opts *opts, bool md,
                                  folio_sink_fn sink, void *user, folio_error *err)
{
    outline o = { .doc = doc, .w = { .sink = sink, .user = user }, .md = md };
    o.depth = opts && opts->outline_depth ? opts->outline_depth : 2;
    o.width = opts && opts->width ? opts->width : 80;
    folio_language_tag(doc, o.tag, sizeof o.tag);
    o.cjk = folio_tag_is_cjk(o.tag);
    int headings = 0, numbered = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].type == FOLIO_BLOCK_HEADING) {
            headings++;
            numbered += doc->blocks[i].u.heading.number_len > 0;
        }
    o.own_numbers = numbered * 2 > headings;
    o.terms = folio_terms_new(doc); /* NULL (no memory): the first sentences */
    write_head(&o);
    o.at_top = true;
    folio_iter *it = folio_iter_new(doc, 3, o.depth > 1);
    const folio_node *n;
    folio_event ev;
    if (!it)
        o.w.failed = o.w.buf.failed = true;
    while (it && !o.w.failed && (ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE) {
        if (ev != FOLIO_EVENT_ENTER || n->kind == FOLIO_NODE_DOCUMENT || n->kind == FOLIO_NODE_LIST)
            continue;
        if (n->kind == FOLIO_NODE_SECTION && !n->block)
            write_opening(&o);
        else if (n->kind == FOLIO_NODE_SECTION)
            write_heading(&o, it, n);
        else
            write_block(&o, n->block);
    }
    folio_iter_free(it);
    folio_terms_free(o.terms);
    return folio_out_finish(&o.w, err);
}

folio_status folio_write_outline(const folio_doc *doc, const folio_write_opts *opts,
                                 folio_sink_fn sink, void *user, folio_error *err)
{
    return write_outline(doc, opts, false, sink, user, err);
}

folio_status folio_write_outline_md(const folio_doc *doc, const folio_write_opts *opts,
                                    folio_sink_fn sink, void *user, folio_error *err)
{
    return write_outline(doc, opts, true, sink, user, err);
}
