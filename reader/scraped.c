/*
 * scraped.c - the scraped-text reader: from article text as a browser copy
 * or a scraper gives it, to the document model.
 *
 * It reads like an editor marking up a print-out:
 *   1. lines are cleaned and hard-wrapped lines joined into units;
 *   2. each unit is classed from its own text (scraped_lex.c);
 *   3. the title is found where the article starts: before the date line,
 *      or as the last headline-shaped line before the first real paragraphs;
 *   4. the header after the title (date, byline, standfirst, share buttons)
 *      becomes metadata or is dropped;
 *   5. the body is read with context: headings introduce paragraphs, quotes
 *      follow a "said:" line or repeat a nearby paragraph, "related" lists are
 *      skipped until the article resumes, and after the last paragraph only
 *      credits, notes and captions are kept.
 * Every input line ends up in a block or in doc->removed with a reason.
 */
#include "scraped.h"
#include "vocab.h"
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WHY_META folio_why_meta
#define WHY_NAV folio_why_nav
#define WHY_BOILER folio_why_boiler
#define WHY_RELATED folio_why_related
#define WHY_DUP folio_why_dup

/* ------------------------------------------------------------------ */
/* 1. lines                                                            */

/* Copy s[0..n) into out without invisible characters, white space runs
 * folded to one space, no outer white space.  Returns the new length;
 * *layout keeps what the folding loses: the white space before the text
 * (LAYOUT_LEAD, capped) and whether runs of white space aligned text
 * inside the line (LAYOUT_GAPS: code, tables). */
static size_t clean_line(const char *s, size_t n, char *out, uint8_t *layout, bool spaced)
{
    size_t k = 0, i = 0;
    bool seen = false;
    int pending = 0, cols = 0, lead = 0; /* white space owed: characters, columns */
    *layout = 0;
    while (i < n) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (c == 0xFFFD && step == 1 && (unsigned char)s[i] >= 0x80) {
            memcpy(out + k, "\xEF\xBF\xBD", 3); /* invalid byte: U+FFFD */
            k += 3;
            seen = true;
            pending = cols = 0;
            i += 1;
            continue;
        }
        i += step;
        if (folio_is_invisible(c) || c == 0)
            continue;
        if (folio_is_space(c)) {
            if (!seen)
                lead += c == '\t' ? 4 : 1;
            pending += seen;
            if (spaced)
                cols += seen ? (c == '\t' ? 4 : 1) : 0;
            continue;
        }
        for (int p = 0; p < (spaced ? cols : pending > 0); p++)
            out[k++] = ' ';
        if (pending >= 2)
            *layout |= LAYOUT_GAPS;
        pending = cols = 0;
        seen = true;
        memcpy(out + k, s + i - step, step);
        k += step;
    }
    *layout |= (uint8_t)(lead < LAYOUT_LEAD ? lead : LAYOUT_LEAD);
    return k;
}

/* Split text into cleaned lines (blank ones have raw_len 0).  Each line is
 * cleaned in a scratch buffer and copied at its exact size. */
static folio_status split_lines(reader *r, const char *text, size_t len, uint8_t **indents)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
    /* The reader's own arrays live on the heap: freed before any writer runs. */
    r->lines = malloc(cap * sizeof *r->lines);
    *indents = calloc(cap, sizeof **indents);
    if (!r->lines || !*indents)
        return FOLIO_ERR_NOMEM;
    char *scratch = NULL;
    size_t scratch_cap = 0, start = 0;
    int no = 0;
    folio_status st = FOLIO_OK;
    for (size_t i = 0; i <= len && st == FOLIO_OK; i++) {
        if (i < len && text[i] != '\n' && text[i] != '\r')
            continue;
        size_t n = i - start;
        /* Cleaning grows a line only by U+FFFD for bad bytes (3x), its
         * spaced copy by tabs too (4x): room for both. */
        if (scratch_cap < n * 7 + 2) {
            char *big = realloc(scratch, n * 7 + 2);
            if (!big) {
                st = FOLIO_ERR_NOMEM;
                break;
            }
            scratch = big;
            scratch_cap = n * 7 + 2;
        }
        src_line *l = &r->lines[no];
        l->no = no + 1;
        l->raw_len = clean_line(text + start, n, scratch, &(*indents)[no], false);
        /* A line that aligns text with runs of white space (a table, code)
         * keeps a copy with them, after its own NUL: code is set so. */
        size_t spaced = 0;
        if ((*indents)[no] & LAYOUT_GAPS) {
            uint8_t unused;
            scratch[l->raw_len] = '\0';
            spaced = clean_line(text + start, n, scratch + l->raw_len + 1, &unused, true) + 1;
        }
        char *copy = l->raw_len ? folio_arena_alloc(r->arena, l->raw_len + 1 + spaced) : NULL;
        if (copy) {
            memcpy(copy, scratch, l->raw_len + spaced);
            copy[l->raw_len + spaced] = '\0';
        }
        l->raw = l->raw_len ? copy : "";
        if (!l->raw)
            st = FOLIO_ERR_NOMEM;
        no++;
        if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        start = i + 1;
    }
    free(scratch);
    /* A final newline does not start a line. */
    if (no > 0 && r->lines[no - 1].raw_len == 0 && len > 0 &&
        (text[len - 1] == '\n' || text[len - 1] == '\r'))
        no--;
    r->n_lines = no;
    return st;
}

/* ------------------------------------------------------------------ */
/* 1b. hard-wrapped text                                               */

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The wrap width if the text is hard-wrapped (many lines of about the same
 * width followed by more text), else 0. */
static size_t wrap_width(reader *r)
{
    size_t count = 0;
    for (int i = 0; i < r->n_lines; i++)
        count += r->lines[i].raw_len > 0;
    if (count < 4)
        return 0;
    size_t *w = malloc(count * sizeof *w), k = 0;
    if (!w)
        return 0;
    for (int i = 0; i < r->n_lines; i++)
        if (r->lines[i].raw_len)
            w[k++] = folio_text_width(r->lines[i].raw, r->lines[i].raw_len);
    qsort(w, count, sizeof *w, cmp_size);
    size_t width = w[count * 95 / 100];
    free(w);
    if (width < 30 || width > 130)
        return 0;
    size_t full = 0;
    for (int i = 0; i + 1 < r->n_lines; i++) {
        const src_line *l = &r->lines[i];
        if (l->raw_len && r->lines[i + 1].raw_len &&
            folio_text_width(l->raw, l->raw_len) * 4 >= width * 3)
            full++;
    }
    return full >= 3 && full * 10 >= count * 3 ? width : 0;
}


/* ------------------------------------------------------------------ */
/* 1c. units                                                           */

static folio_status build_units(reader *r, const uint8_t *indents)
{
    /* A web page's lines are its blocks: nothing is hard-wrapped. */
    size_t wrap = r->page ? 0 : wrap_width(r);
    r->u = calloc((size_t)r->n_lines + 1, sizeof *r->u);
    if (!r->u)
        return FOLIO_ERR_NOMEM;
    bool blank_before = false;
    for (int i = 0; i < r->n_lines; i++) {
        const src_line *l = &r->lines[i];
        if (!l->raw_len) {
            blank_before = true;
            continue;
        }
        int last = i;
        size_t total = l->raw_len;
        int ordered;
        /* Join the following lines while this one reaches the wrap width. */
        while (wrap && last + 1 < r->n_lines && r->lines[last + 1].raw_len &&
               folio_text_width(r->lines[last].raw, r->lines[last].raw_len) * 10 >= wrap * 7 &&
               !folio_list_marker(r->lines[last + 1].raw, r->lines[last + 1].raw_len, &ordered)) {
            last++;
            total += r->lines[last].raw_len + 1;
        }
        unit *u = &r->u[r->n++];
        u->first = i;
        u->last = last;
        u->no = l->no;
        u->indent = (indents[i] & LAYOUT_LEAD) != 0;
        u->lead = indents[i] & LAYOUT_LEAD;
        u->gaps = (indents[i] & LAYOUT_GAPS) != 0;
        u->adjacent = !blank_before && r->n > 1;
        if (r->page && (size_t)i < r->page->n_hints)
            u->hint = r->page->hints[i];
        blank_before = false;
        if (last == i) {
            u->text = (char *)l->raw;
            u->len = l->raw_len;
        } else {
            char *t = folio_arena_alloc(r->arena, total + 1);
            if (!t)
                return FOLIO_ERR_NOMEM;
            size_t k = 0;
            for (int j = i; j <= last; j++) {
                const src_line *p = &r->lines[j];
                if (j > i && !folio_scraped_joins_without_space(t, k, p->raw, p->raw_len))
                    t[k++] = ' ';
                memcpy(t + k, p->raw, p->raw_len);
                k += p->raw_len;
            }
            t[k] = '\0';
            u->text = t;
            u->len = k;
        }
        i = last;
        folio_scraped_features(u);
        u->cls = folio_scraped_classify(u);
    }
    return FOLIO_OK;
}

/* ------------------------------------------------------------------ */
/* role helpers                                                        */


#define drop folio_scraped_drop
#define block folio_scraped_block

static bool plain_prose(const unit *u)
{
    return u->cls == C_PLAIN && u->prose;
}

static bool is_meta_class(const unit *u)
{
    return u->cls == C_DATELINE || u->cls == C_BYLINE || u->cls == C_SOURCE;
}

static bool same_text(const unit *a, const char *s)
{
    return s && a->len == strlen(s) && memcmp(a->text, s, a->len) == 0;
}
/* A dropped line that says an author's name and nothing else is a copy of
 * the byline: metadata, not navigation or furniture. */
static void author_lines(reader *r)
{
    for (int i = 0; i < r->n; i++) {
        unit *u = &r->u[i];
        if (u->role != R_DROP || u->reason == folio_why_meta || u->reason == folio_why_dup)
            continue;
        for (int a = 0; a < r->n_authors; a++)
            if (same_text(u, r->authors[a])) {
                u->reason = folio_why_meta;
                break;
            }
    }
}

/* ------------------------------------------------------------------ */
/* 3. where the article starts                                         */

static int find_body_start(reader *r)
{
    for (int i = 0; i < r->n; i++) {
        if (!plain_prose(&r->u[i]))
            continue;
        for (int j = i + 1; j < r->n && j <= i + 3; j++)
            if (plain_prose(&r->u[j]))
                return i;
    }
    for (int i = 0; i < r->n; i++)
        if (plain_prose(&r->u[i]))
            return i;
    return r->n;
}

/* May the title search step over this unit on its way back? */
static bool header_furniture(const unit *u)
{
    return is_meta_class(u) || u->cls == C_SUMMARY || u->prose ||
           (u->cls == C_PLAIN && folio_scraped_names_only(u->text, u->len));
}

static bool headline(const unit *u)
{
    return folio_scraped_title_shaped(u) && !folio_scraped_names_only(u->text, u->len);
}

static int find_title(reader *r, int body_start)
{
    int limit = body_start + 8 < r->n ? body_start + 8 : r->n;
    for (int d = 0; d < limit; d++) {
        if (r->u[d].cls != C_DATELINE)
            continue;
        /* The headline stands just before the date, past a byline or dek. */
        for (int j = d - 1; j >= 0 && j >= d - 5; j--) {
            if (headline(&r->u[j]))
                return j;
            if (!header_furniture(&r->u[j]))
                break;
        }
        break;
    }
    for (int j = body_start - 1; j >= 0; j--) {
        const unit *u = &r->u[j];
        if (headline(u))
            return j;
        if (u->cls == C_PLAIN && !u->prose && !folio_scraped_names_only(u->text, u->len))
            break; /* a short line that is no headline: navigation */
    }
    for (int j = body_start - 1; j >= 0; j--)
        if (headline(&r->u[j]))
            return j;
    for (int j = 0; j < r->n; j++)
        if (r->u[j].cls == C_PLAIN)
            return j;
    return r->n ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* 4. the header between title and body                                */

/* A bare line of names in the header is a byline, unless it introduces a
 * paragraph: then it is a Title Case heading. */
static bool byline_names(const reader *r, int i)
{
    const unit *u = &r->u[i];
    return u->cls == C_PLAIN && !u->prose && folio_scraped_names_only(u->text, u->len) &&
           !(i + 1 < r->n && plain_prose(&r->u[i + 1]));
}

static bool meta_follows(const reader *r, int i)
{
    for (int j = i + 1; j < r->n && j <= i + 3; j++) {
        const unit *u = &r->u[j];
        if (is_meta_class(u) || byline_names(r, j))
            return true;
        if (plain_prose(u))
            return false;
    }
    return false;
}

/* Consume a bare "划重点：" label and the summary lines under it. */
static int take_summary_block(reader *r, int i)
{
    drop(&r->u[i], WHY_META);
    int j = i + 1;
    while (j < r->n && (j == i + 1 || r->u[j].adjacent) && r->u[j].cls == C_PLAIN) {
        folio_scraped_add_summary(r, r->u[j].text, r->u[j].len);
        drop(&r->u[j], WHY_META);
        j++;
    }
    return j;
}

/* Returns the index of the first body unit. */
static int scan_header(reader *r, int title)
{
    int i = title + 1;
    const char *title_text = title >= 0 ? r->u[title].text : NULL; /* NULL: a derived title */
    while (i < r->n) {
        unit *u = &r->u[i];
        if (same_text(u, title_text)) {
            drop(u, WHY_DUP);
        } else if (is_meta_class(u)) {
            folio_scraped_take_meta(r, u);
            drop(u, WHY_META);
        } else if (u->cls == C_SUMMARY) {
            folio_scraped_add_summary_line(r, u);
            drop(u, WHY_META);
        } else if (u->cls == C_LABEL_SUMMARY) {
            i = take_summary_block(r, i);
            continue;
        } else if (u->cls == C_LABEL_LEAD) {
            return i;
        } else if (u->cls == C_BOILER || u->cls == C_MARKER || u->cls == C_SERIES) {
            drop(u, WHY_BOILER);
        } else if (u->cls == C_CAPTION || u->cls == C_NOTE || u->cls == C_CREDIT) {
            block(u, u->cls == C_CAPTION ? FOLIO_BLOCK_CAPTION
                     : u->cls == C_NOTE ? FOLIO_BLOCK_NOTE : FOLIO_BLOCK_CREDIT);
        } else if (byline_names(r, i)) {
            if (r->n_authors == 0)
                folio_scraped_add_authors(r, u->text, u->len);
            drop(u, WHY_META);
        } else if (u->prose) {
            if (!meta_follows(r, i))
                return i;
            folio_scraped_add_summary(r, u->text, u->len); /* a standfirst above the byline */
            drop(u, WHY_META);
        } else if (i + 1 < r->n && plain_prose(&r->u[i + 1]) && !meta_follows(r, i + 1) &&
                   (folio_scraped_heading_shaped(u) ||
                    ((u->ends_colon || u->ends_sentence) && u->chars >= 8))) {
            return i; /* a first heading, or a short lead-in line "…写道：" */
        } else {
            drop(u, WHY_BOILER);
        }
        i++;
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* 5. the body                                                         */

/* Does the article resume at i after a run of links?  Real text is two
 * paragraphs in a row, or a heading followed by two paragraphs. */
static bool substantial(const unit *u)
{
    return plain_prose(u) && (u->cjk >= 30 || u->words >= 15);
}

static bool resumes(const reader *r, int i)
{
    const unit *u = r->u;
    if (i + 1 >= r->n)
        return false;
    if (substantial(&u[i]) && substantial(&u[i + 1]))
        return true;
    return i + 2 < r->n && folio_scraped_heading_shaped(&u[i]) && substantial(&u[i + 1]) &&
           substantial(&u[i + 2]);
}

/* Mark "related", "most read", "about us" runs and series link boxes. */
static void mark_runs(reader *r, int from)
{
    bool in_run = false;
    int consumed = 0;
    for (int i = from; i < r->n; i++) {
        unit *u = &r->u[i];
        if (u->cls == C_MARKER) {
            drop(u, WHY_RELATED);
            in_run = true;
            consumed = 0;
        } else if (u->cls == C_SERIES) {
            drop(u, WHY_RELATED);
            /* The box title just above the first link goes with it. */
            if (i > from && r->u[i - 1].role == R_NONE && r->u[i - 1].cls == C_PLAIN &&
                !r->u[i - 1].prose && r->u[i - 1].chars <= 20)
                drop(&r->u[i - 1], WHY_RELATED);
        } else if (in_run) {
            if (consumed >= 1 && resumes(r, i)) {
                in_run = false;
            } else if (u->cls != C_CREDIT && u->cls != C_NOTE && u->cls != C_CAPTION &&
                       !(is_meta_class(u))) {
                drop(u, WHY_RELATED);
                consumed++;
            }
        }
    }
}

/* Adjacent "1. …" lines are a list, not a run of numbered headings. */
static bool numbered_run(const reader *r, int i)
{
    int o1, o2;
    if (!folio_list_marker(r->u[i].text, r->u[i].len, &o1) || !o1)
        return false;
    bool before = i > 0 && r->u[i].adjacent &&
                  folio_list_marker(r->u[i - 1].text, r->u[i - 1].len, &o2) && o2;
    bool after = i + 1 < r->n && r->u[i + 1].adjacent &&
                 folio_list_marker(r->u[i + 1].text, r->u[i + 1].len, &o2) && o2;
    return before || after;
}

/* A line of names that the page showed before, in the header: the byline
 * repeated over an author box.  (A Title Case heading looks like names, but
 * is not repeated.) */
static bool names_line(const reader *r, const unit *u)
{
    if (u->cls != C_PLAIN || u->prose || !folio_scraped_names_only(u->text, u->len))
        return false;
    for (int a = 0; a < r->n_authors; a++)
        if (same_text(u, r->authors[a]))
            return true;
    for (const unit *v = r->u; v < u && v->role != R_BLOCK; v++)
        if (v->len == u->len && memcmp(v->text, u->text, u->len) == 0)
            return true;
    return false;
}

/* The last unit of the article proper.  An author box (a name line, then a
 * short bio) after the article does not count; in a text whose paragraphs
 * are indented, only an indented paragraph ends it. */
static int find_body_end(const reader *r, int from)
{
    for (int i = r->n - 1; i >= from; i--) {
        const unit *u = &r->u[i];
        if (u->role != R_NONE)
            continue;
        if (plain_prose(u) && i > from && names_line(r, &r->u[i - 1]) && u->words <= 80) {
            i--;
            continue;
        }
        if (plain_prose(u) && r->indented_doc && !u->indent)
            continue;
        if (plain_prose(u) || u->cls == C_LIST || u->cls == C_LABEL_LEAD || numbered_run(r, i))
            return i;
        if (folio_scraped_codeish(u) && i > from && folio_scraped_codeish(&r->u[i - 1]) && u->adjacent)
            return i;
    }
    return from - 1;
}

/* Lower-case letters and digits, CJK kept, everything else one space, so
 * that word pairs can be looked up with memmem. */
static void match_form(const char *s, size_t n, folio_buf *out)
{
    folio_buf_putc(out, ' ');
    size_t i = 0;
    while (i < n) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (c < 0x80 && isalnum((int)c))
            folio_buf_putc(out, (char)tolower((int)c));
        else if (folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c))
            folio_buf_append(out, s + i, step);
        else if (out->len && out->data[out->len - 1] != ' ')
            folio_buf_putc(out, ' ');
        i += step;
    }
    folio_buf_putc(out, ' ');
}

/* Share of the quote's word pairs (CJK: character pairs) found in the
 * paragraphs around it: a pull quote repeats the text it stands beside. */
static bool repeats_nearby(const reader *r, int i)
{
    const unit *q = &r->u[i];
    if (q->len > 1200)
        return false;
    folio_buf hay = { 0 }, me = { 0 };
    for (int j = i - 5; j <= i + 5; j++)
        if (j >= 0 && j < r->n && j != i && plain_prose(&r->u[j]))
            match_form(r->u[j].text, r->u[j].len, &hay);
    match_form(q->text, q->len, &me);
    int total = 0, found = 0;
    size_t prev = 0, k = 1;
    while (hay.len && !me.failed && k < me.len) {
        size_t e = k;
        while (e < me.len && me.data[e] != ' ')
            e++;
        if (e > k && (unsigned char)me.data[k] >= 0x80) {
            /* a CJK run: look up each pair of characters */
            size_t a = k;
            while (a < e) {
                int32_t c;
                size_t s1 = folio_utf8_next(me.data + a, e - a, &c);
                if (a + s1 >= e)
                    break;
                size_t s2 = folio_utf8_next(me.data + a + s1, e - a - s1, &c);
                total++;
                found += memmem(hay.data, hay.len, me.data + a, s1 + s2) != NULL;
                a += s1;
            }
            prev = 0;
        } else if (e > k) {
            if (prev) /* " w1 w2 " including the spaces around */
                total++, found += memmem(hay.data, hay.len, me.data + prev - 1, e - prev + 2) != NULL;
            prev = k;
        }
        k = e + 1;
    }
    folio_buf_free(&hay);
    folio_buf_free(&me);
    return total >= 4 && found * 10 >= total * 6;
}

/* More than one sentence: ". X" inside, or 。 before the end. */
static bool has_two_sentences(const unit *u)
{
    for (size_t i = 1; i + 2 < u->len; i++)
        if ((u->text[i] == '.' || u->text[i] == '?' || u->text[i] == '!') && u->text[i + 1] == ' ' &&
            isupper((unsigned char)u->text[i + 2]) && islower((unsigned char)u->text[i - 1]))
            return true;
    const char *p = strstr(u->text, "\xE3\x80\x82");
    return p && (size_t)(p - u->text) + 3 < u->len;
}

static int prev_block(const reader *r, int i)
{
    for (int j = i - 1; j >= 0; j--)
        if (r->u[j].role == R_BLOCK)
            return j;
    return -1;
}

static bool parenthesised(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    bool open = s[0] == '(' || folio_starts_with_ci(s, n, "（");
    bool close = s[n - 1] == ')' || (n >= 3 && memcmp(s + n - 3, "）", 3) == 0);
    return open && close && u->chars <= 80;
}

/* Do the article's paragraphs open with an indent (U+3000 or spaces)?  The
 * first two paragraphs tell: an article does not open with a caption.  Then
 * an unindented line among the paragraphs is something else: a caption. */
static bool indented_paragraphs(const reader *r, int from, int end)
{
    int seen = 0;
    for (int i = from; i <= end && seen < 2; i++)
        if (plain_prose(&r->u[i]) && r->u[i].role == R_NONE) {
            if (!r->u[i].indent)
                return false;
            seen++;
        }
    return seen == 2;
}

static bool unindented_caption(const reader *r, const unit *u)
{
    return r->indented_doc && u->cls == C_PLAIN && !u->indent &&
           !folio_scraped_heading_shaped(u);
}

/* Body role of a plain unit from its neighbours. */
static void plain_role(reader *r, int i)
{
    unit *u = &r->u[i];
    const unit *next = i + 1 < r->n ? &r->u[i + 1] : NULL;
    int p = prev_block(r, i);
    /* What a heading introduces: a paragraph, or a lead-in line "…八点：". */
    bool texty = next && next->cls == C_PLAIN &&
                 (next->prose || ((next->ends_colon || next->ends_sentence) && next->chars >= 8));
    if (parenthesised(u) && !u->prose) {
        block(u, FOLIO_BLOCK_CAPTION);
    } else if (u->quoted_whole && ((p >= 0 && r->u[p].ends_colon && r->u[p].btype == FOLIO_BLOCK_PARAGRAPH) ||
                            repeats_nearby(r, i))) {
        block(u, FOLIO_BLOCK_QUOTE);
    } else if (folio_scraped_heading_shaped(u) && texty && (!u->quoted_whole || u->chars <= 16)) {
        block(u, FOLIO_BLOCK_HEADING); /* “良好开端”: a short quoted phrase may head a section */
    } else if (r->indented_doc && !u->indent) {
        block(u, FOLIO_BLOCK_CAPTION);
    } else if (next && next->cls == C_CAPTION && next->words <= 12 && next->cjk == 0 &&
               u->words <= 60 && !u->quoted_whole && !has_two_sentences(u)) {
        block(u, FOLIO_BLOCK_CAPTION); /* described photo, credit on the next line */
    } else {
        block(u, FOLIO_BLOCK_PARAGRAPH);
    }
}

/* Adjacent code-looking lines become one code block. */
static int code_block(reader *r, int i)
{
    int j = i;
    while (j + 1 < r->n && r->u[j + 1].adjacent && r->u[j + 1].role == R_NONE &&
           folio_scraped_codeish(&r->u[j + 1]))
        j++;
    if (j == i)
        return i;
    block(&r->u[i], FOLIO_BLOCK_CODE);
    for (int k = i + 1; k <= j; k++)
        r->u[k].role = R_MERGED;
    return j;
}

/* "导语：" alone on its line, then the lead: one paragraph that opens with
 * the label, as editors print it, not a section of its own. */
static void fold_label(reader *r, int i)
{
    unit *u = &r->u[i], *next = &r->u[i + 1];
    size_t head;
    if (!folio_scraped_join(r->arena, u, next, &head)) {
        block(u, FOLIO_BLOCK_HEADING);
        return;
    }
    u->cls = C_PLAIN;
    folio_scraped_features(u);
    block(u, FOLIO_BLOCK_PARAGRAPH);
    next->role = R_MERGED;
}

static void body_role(reader *r, int i)
{
    unit *u = &r->u[i];
    switch (u->cls) {
    case C_BOILER: case C_MARKER: case C_SERIES:
        drop(u, WHY_BOILER);
        break;
    case C_CAPTION: block(u, FOLIO_BLOCK_CAPTION); break;
    case C_CREDIT: block(u, FOLIO_BLOCK_CREDIT); break;
    case C_NOTE: block(u, FOLIO_BLOCK_NOTE); break;
    case C_LIST: block(u, FOLIO_BLOCK_LIST_ITEM); break;
    case C_LABEL_LEAD:
        if (i + 1 < r->n && plain_prose(&r->u[i + 1]) && r->u[i + 1].role == R_NONE)
            fold_label(r, i);
        else
            block(u, FOLIO_BLOCK_HEADING);
        break;
    case C_LABEL_SUMMARY:
        block(u, FOLIO_BLOCK_HEADING);
        break;
    case C_DATELINE: case C_SOURCE: case C_BYLINE: case C_SUMMARY:
        if (u->prose) {
            block(u, FOLIO_BLOCK_PARAGRAPH);
        } else {
            /* A date inside the body (a comment's, an update's) is not the
             * article's: only the header's dates count. */
            if (u->cls != C_DATELINE)
                folio_scraped_take_meta(r, u);
            drop(u, WHY_META);
        }
        break;
    case C_PLAIN:
        if (!r->title_derived && same_text(u, r->title))
            drop(u, WHY_DUP);
        else if (numbered_run(r, i))
            block(u, FOLIO_BLOCK_LIST_ITEM);
        else
            plain_role(r, i);
        break;
    default:
        assert(!"unit class without a body role");
    }
}

static bool author_name(const reader *r, const unit *u)
{
    for (int a = 0; a < r->n_authors; a++)
        if (same_text(u, r->authors[a]))
            return true;
    return false;
}

/* After the last paragraph: credits, notes, captions stay; a short line
 * between two credits is a credit too; a paragraph under the author's name
 * is the author's bio; the rest is page furniture. */
static void tail_role(reader *r, int i)
{
    unit *u = &r->u[i];
    const unit *prev = i > 0 ? &r->u[i - 1] : NULL;
    const unit *next = i + 1 < r->n ? &r->u[i + 1] : NULL;
    if (u->cls == C_CAPTION || u->cls == C_CREDIT || u->cls == C_NOTE) {
        block(u, u->cls == C_CAPTION ? FOLIO_BLOCK_CAPTION
                 : u->cls == C_CREDIT ? FOLIO_BLOCK_CREDIT : FOLIO_BLOCK_NOTE);
    } else if (u->cls == C_SOURCE || u->cls == C_BYLINE) {
        folio_scraped_take_meta(r, u);
        drop(u, WHY_META);
    } else if (u->cls == C_PLAIN && !u->prose && u->chars <= 30 && prev && next &&
               prev->cls == C_CREDIT && next->cls == C_CREDIT) {
        block(u, FOLIO_BLOCK_CREDIT);
    } else if (u->cls == C_PLAIN && (author_name(r, u) || (!r->title_derived && same_text(u, r->title)))) {
        drop(u, WHY_DUP);
    } else if (plain_prose(u) && prev && names_line(r, prev)) {
        block(u, FOLIO_BLOCK_NOTE);
    } else if (names_line(r, u) && next && plain_prose(next)) {
        drop(u, WHY_META); /* the name over an author's bio */
    } else {
        drop(u, WHY_BOILER);
    }
}

static void scan_body(reader *r, int from)
{
    mark_runs(r, from);
    r->indented_doc = indented_paragraphs(r, from, find_body_end(r, from));
    int end = find_body_end(r, from);
    bool captions = true; /* unindented lines right after the end */
    for (int i = from; i < r->n; i++) {
        unit *u = &r->u[i];
        if (u->role != R_NONE)
            continue;
        if (i > end && captions && unindented_caption(r, u)) {
            block(u, FOLIO_BLOCK_CAPTION);
        } else if (i > end) {
            captions = false;
            tail_role(r, i);
        } else if (u->cls == C_PLAIN && folio_scraped_codeish(u) && code_block(r, i) > i) {
            i = code_block(r, i);
        } else {
            body_role(r, i);
        }
    }
}

/* ------------------------------------------------------------------ */
/* the document                                                        */

typedef struct builder {
    folio_doc *doc;
    size_t cap_blocks, cap_removed;
} builder;

static folio_block *add_block(builder *b, folio_block_type t, int line, const char *text)
{
    folio_doc *d = b->doc;
    if (!text || d->n_blocks >= b->cap_blocks) /* sized exactly in folio_read_text */
        return NULL;
    folio_block *blk = &d->blocks[d->n_blocks++];
    blk->type = t;
    blk->line = line;
    blk->text = text;
    return blk;
}

const char folio_why_image[] = "image";

/* A picture kept (an image block before unit i's text) or listed as removed. */
static bool emit_image(reader *r, builder *b, const placed_image *im)
{
    int line = r->u[im->unit].no;
    if (im->path) {
        folio_block *blk = add_block(b, FOLIO_BLOCK_IMAGE, line, im->alt);
        if (!blk)
            return false;
        blk->u.image.path = im->path;
        blk->u.image.media_type = im->media_type;
        blk->u.image.width = im->width;
        blk->u.image.height = im->height;
        return true;
    }
    folio_doc *d = b->doc;
    if (d->n_removed >= b->cap_removed)
        return false;
    d->removed[d->n_removed++] = (folio_removed){ line, im->src, folio_why_image };
    return true;
}

static bool add_removed(builder *b, const src_line *l, const char *why)
{
    folio_doc *d = b->doc;
    if (d->n_removed >= b->cap_removed)
        return false;
    folio_removed *rm = &d->removed[d->n_removed++];
    rm->line = l->no;
    rm->text = l->raw;
    rm->reason = why;
    return true;
}

/* Spans by start, an outer one before the ones inside it. */
static int span_order(const void *a, const void *b)
{
    const folio_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len;
}

/* The inline spans a web page's markup gave the text of unit u (its
 * lines' spans, found in order in the block's text as cleaned). */
static bool attach_spans(reader *r, folio_block *blk, const unit *u)
{
    const html_page *p = r->page;
    while (r->next_span < p->n_spans && p->spans[r->next_span].line < (size_t)u->first)
        r->next_span++;
    size_t k = r->next_span, n = 0, from = 0, len = strlen(blk->text);
    while (k + n < p->n_spans && p->spans[k + n].line <= (size_t)u->last)
        n++;
    r->next_span = k + n;
    if (!n || blk->type == FOLIO_BLOCK_CODE)
        return true;
    folio_span *spans = folio_arena_alloc(r->arena, n * sizeof *spans);
    if (!spans)
        return false;
    for (size_t j = 0; j < n; j++) {
        const struct html_span *s = &p->spans[k + j];
        size_t sn = strlen(s->text);
        char *clean = malloc(sn * 3 + 1);
        uint8_t layout;
        if (!clean)
            return false;
        size_t cn = clean_line(s->text, sn, clean, &layout, false);
        /* after the span before (an outer span closes after its inner ones:
         * then it starts earlier) */
        const char *hit = cn ? memmem(blk->text + from, len - from, clean, cn) : NULL;
        if (!hit && cn)
            hit = memmem(blk->text, len, clean, cn);
        free(clean);
        if (!hit)
            continue; /* rendered otherwise (a caption's label, a dropped mark) */
        /* nested inside the previous span, or after it */
        size_t start = (size_t)(hit - blk->text);
        const char *href = s->href ? folio_arena_strdup(r->arena, s->href) : NULL; /* the page's strings go */
        if (s->href && !href)
            return false;
        spans[blk->n_spans++] = (folio_span){ (folio_span_kind)s->kind, start, cn, href };
        from = start;
    }
    qsort(spans, blk->n_spans, sizeof *spans, span_order);
    /* a span that crosses one before it (a misnested page) is dropped */
    size_t kept = 0;
    for (size_t j = 0; j < blk->n_spans; j++) {
        bool crosses = false;
        for (size_t q = 0; q < kept && !crosses; q++) {
            size_t qe = spans[q].start + spans[q].len, je = spans[j].start + spans[j].len;
            crosses = spans[j].start < qe && je > qe;
        }
        if (!crosses)
            spans[kept++] = spans[j];
    }
    blk->n_spans = kept;
    blk->spans = spans;
    return true;
}

/* The bytes of a run-in label that opens a paragraph: a lead or summary
 * label of the vocabulary ("导语", "编者按", "Editor's note") and its colon,
 * with text after it; 0 if none. */
static size_t run_in_label(const char *t)
{
    size_t len = strlen(t);
    for (size_t v = 0; v < folio_vocab_count; v++) {
        const vocab_row *row = &folio_vocab[v];
        if (!(row->kind == VK_LEAD || row->kind == VK_SUMMARY) || !folio_starts_with_ci(t, len, row->pattern))
            continue;
        size_t k = strlen(row->pattern);
        while (k < len && t[k] == ' ')
            k++;
        if (k < len && t[k] == ':')
            k++;
        else if (k + 3 <= len && memcmp(t + k, "\xEF\xBC\x9A", 3) == 0)
            k += 3;
        else
            continue;
        while (k < len && t[k] == ' ')
            k++;
        return folio_utf8_count(t + k, len - k) >= 2 ? k : 0;
    }
    return 0;
}

/* Text of a code block: its lines, one per line. */
static const char *code_text(reader *r, int i)
{
    folio_buf b = { 0 };
    int end = i + 1, least = 255;
    while (end < r->n && r->u[end].role == R_MERGED)
        end++;
    for (int k = i; k < end; k++)
        least = r->u[k].lead < least ? r->u[k].lead : least;
    /* each line as indented relative to the least indented one; a unit the
     * reader made of wrapped lines is its lines again */
    for (int k = i; k < end; k++) {
        if (k > i)
            folio_buf_putc(&b, '\n');
        for (int c = least; c < r->u[k].lead; c++)
            folio_buf_putc(&b, ' ');
        const unit *u = &r->u[k];
        const src_line *line = &r->lines[u->first];
        if (u->first == u->last && u->gaps && u->text == line->raw) /* the spaced copy after the NUL */
            folio_buf_puts(&b, line->raw + line->raw_len + 1);
        else if (u->first == u->last)
            folio_buf_append(&b, u->text, u->len);
        for (int l = u->first; u->first < u->last && l <= u->last; l++) {
            if (l > u->first)
                folio_buf_putc(&b, '\n');
            folio_buf_append(&b, r->lines[l].raw, r->lines[l].raw_len);
        }
    }
    const char *t = b.failed ? NULL : folio_arena_strndup(r->arena, b.data ? b.data : "", b.len);
    folio_buf_free(&b);
    return t;
}

static bool emit_unit(reader *r, builder *b, int i, bool keep_boilerplate)
{
    unit *u = &r->u[i];
    if (u->role == R_MERGED)
        return true;
    if (u->role == R_DROP && keep_boilerplate && u->reason != WHY_META)
        block(u, FOLIO_BLOCK_PARAGRAPH);
    if (u->role == R_BLOCK) {
        const char *text = u->btype == FOLIO_BLOCK_CODE ? code_text(r, i) : u->text;
        folio_block *blk = add_block(b, u->btype, u->no, text);
        if (!blk)
            return false;
        if (u->btype == FOLIO_BLOCK_HEADING) {
            blk->u.heading.level = u->level;
            blk->u.heading.number_len = folio_heading_number(text, strlen(text));
        }
        if (u->btype == FOLIO_BLOCK_PARAGRAPH || u->btype == FOLIO_BLOCK_NOTE)
            blk->label_len = u->run_in ? u->run_in : run_in_label(text);
        if (r->page && !attach_spans(r, blk, u))
            return false;
        if (u->btype == FOLIO_BLOCK_LIST_ITEM) {
            blk->u.list_item.body_offset = folio_list_marker(u->text, u->len, &blk->u.list_item.ordered);
            if (u->hint.tag == HT_ITEM) { /* an item of an <ol> is numbered by its list */
                blk->u.list_item.ordered = (u->hint.flags & HF_ORDERED) != 0;
                blk->u.list_item.depth = u->hint.level;
            }
        }
        return true;
    }
    const char *why = u->role == R_DROP ? u->reason : WHY_META; /* title, summary */
    for (int l = u->first; l <= u->last; l++)
        if (r->lines[l].raw_len && !add_removed(b, &r->lines[l], why))
            return false;
    return true;
}


/* s without white space, full-width ASCII folded and a trailing ellipsis
 * dropped, into out (a caller's buffer of cap bytes); its length. */
static size_t fold_for_prefix(const char *s, char *out, size_t cap)
{
    size_t k = 0, n = strlen(s);
    for (size_t i = 0; i < n && k + 4 < cap;) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (c >= 0xFF01 && c <= 0xFF5E)
            out[k++] = (char)(c - 0xFEE0);
        else if (!folio_is_space(c)) {
            memcpy(out + k, s + i, step);
            k += step;
        }
        i += step;
    }
    while (k >= 3 && memcmp(out + k - 3, "\xE2\x80\xA6", 3) == 0)
        k -= 3;
    while (k && out[k - 1] == '.')
        k--;
    out[k] = '\0';
    return k;
}

/* A summary the site cut short ("…(Pacific Defense Pac") that a paragraph
 * gives whole (the lead, after its label "导语:") is a copy: the summary
 * becomes the whole text, and its line is recorded as a duplicate. */
static void complete_summary(folio_doc *doc)
{
    const char *sum = doc->meta.summary;
    char fs[1024], fp[1024];
    size_t ns = sum && folio_utf8_count(sum, strlen(sum)) >= 20 ? fold_for_prefix(sum, fs, sizeof fs) : 0;
    for (size_t i = 0; ns && ns + 8 < sizeof fs && i < doc->n_blocks; i++) {
        const folio_block *b = &doc->blocks[i];
        if (b->type != FOLIO_BLOCK_PARAGRAPH)
            continue;
        const char *t = b->text, *colon = strpbrk(t, ":"), *wide = strstr(t, "\xEF\xBC\x9A");
        const char *label_end = wide && (!colon || wide < colon) ? wide + 3 : colon ? colon + 1 : NULL;
        if (label_end && folio_utf8_count(t, (size_t)(label_end - t)) <= 6)
            t = label_end; /* "导语:" */
        while (*t == ' ')
            t++;
        size_t np = fold_for_prefix(t, fp, sizeof fp);
        if (np <= ns || memcmp(fp, fs, ns) != 0)
            continue;
        for (size_t r = 0; r < doc->n_removed; r++)
            if (doc->removed[r].reason == folio_why_meta && strstr(doc->removed[r].text, sum + (strlen(sum) > 30 ? 10 : 0)))
                doc->removed[r].reason = folio_why_dup;
        doc->meta.summary = t;
        return;
    }
}

/* The name after a credit's label: separators, a parenthesis ("张乐词(IPP
 * 特约编译)") and the spaces of CJK typesetting ("刘 深") left out; several
 * names split at 、，,; into names[] (at most cap).  Returns how many. */
static size_t credit_names(folio_arena *a, const char *s, size_t n, const char **names, size_t cap)
{
    size_t count = 0;
    folio_buf b = { 0 };
    for (size_t i = 0; i <= n && count < cap;) {
        int32_t c = 0;
        size_t k = i < n ? folio_utf8_next(s + i, n - i, &c) : 1;
        bool end = i == n || c == 0x3001 || c == 0xFF0C || c == ',' || c == ';' || c == '(' || c == 0xFF08 ||
                   c == 0xFF09 || c == ')';
        if (end) {
            while (b.len && b.data[b.len - 1] == ' ')
                b.len--;
            if (b.len && b.len < 64 && !b.failed)
                names[count++] = folio_arena_strndup(a, b.data, b.len);
            b.len = 0;
            if (c == '(' || c == 0xFF08) /* "(IPP特约编译)": not a name */
                while (i < n && s[i] != ')' && !(i + 3 <= n && memcmp(s + i, "\xEF\xBC\x89", 3) == 0))
                    i++;
        } else if (!(c == ' ' && (!b.len || (unsigned char)b.data[b.len - 1] >= 0x80))) {
            folio_buf_append(&b, s + i, k); /* a space only between Latin letters */
        }
        i += k;
    }
    folio_buf_free(&b);
    return count;
}

/* The contributors the credit lines name with a role ("本文编译:张乐词",
 * "Translated by Ann Lee"): the vocabulary's credit labels carry it. */
static bool take_contributors(folio_doc *doc)
{
    size_t cap = 0, n = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        cap += doc->blocks[i].type == FOLIO_BLOCK_CREDIT ? 4 : 0;
    folio_contributor *list = cap ? folio_arena_alloc(doc->arena, cap * sizeof *list) : NULL;
    if (cap && !list)
        return false;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const folio_block *b = &doc->blocks[i];
        if (b->type != FOLIO_BLOCK_CREDIT)
            continue;
        const char *t = b->text;
        size_t len = strlen(t);
        for (size_t v = 0; v < folio_vocab_count; v++) {
            const vocab_row *row = &folio_vocab[v];
            size_t k = strlen(row->pattern);
            if (!row->role || !folio_starts_with_ci(t, len, row->pattern))
                continue;
            while (k < len && (t[k] == ' ' || t[k] == ':' || t[k] == '|' || t[k] == '/'))
                k++;
            while (k + 3 <= len && (memcmp(t + k, "\xEF\xBC\x9A", 3) == 0 || memcmp(t + k, "\xEF\xBD\x9C", 3) == 0))
                k += 3;
            const char *names[4];
            size_t got = credit_names(doc->arena, t + k, len - k, names, 4);
            for (size_t g = 0; g < got && n < cap; g++)
                if (names[g])
                    list[n++] = (folio_contributor){ names[g], row->role };
            break;
        }
    }
    doc->meta.contributors = list;
    doc->meta.n_contributors = n;
    return true;
}

/* The author a note about the author names first ("*作者简介：伊利·拉特纳
 * （Ely Ratner），现任…", "About the author: Ann Lee is…"), for an
 * article no byline credits. */
static void take_note_author(folio_doc *doc)
{
    for (size_t i = 0; i < doc->n_blocks && doc->meta.n_authors == 0; i++) {
        const folio_block *b = &doc->blocks[i];
        const char *t = b->text;
        size_t len = strlen(t);
        for (size_t v = 0; b->type == FOLIO_BLOCK_NOTE && v < folio_vocab_count; v++) {
            const vocab_row *row = &folio_vocab[v];
            if (row->kind != VK_NOTE || !row->role || !folio_starts_with_ci(t, len, row->pattern))
                continue;
            size_t k = strlen(row->pattern);
            while (k < len && (t[k] == ' ' || t[k] == ':'))
                k++;
            if (k + 3 <= len && memcmp(t + k, "\xEF\xBC\x9A", 3) == 0)
                k += 3;
            /* the name: up to a bracket, a comma, a full stop or " is " */
            static const char *const ends[] = { "\xEF\xBC\x88", "(", "\xEF\xBC\x8C", ",", "\xE3\x80\x82",
                                                " is ", " was ", "\xE7\x8E\xB0\xE4\xBB\xBB", NULL };
            size_t e = len;
            for (const char *const *p = ends; *p; p++) {
                const char *hit = memmem(t + k, len - k, *p, strlen(*p));
                if (hit && (size_t)(hit - t) < e)
                    e = (size_t)(hit - t);
            }
            while (e > k && t[e - 1] == ' ')
                e--;
            size_t chars = folio_utf8_count(t + k, e - k);
            bool digits = false;
            for (size_t j = k; j < e; j++)
                digits = digits || isdigit((unsigned char)t[j]);
            if (chars >= 2 && chars <= 30 && !digits) {
                const char **one = folio_arena_alloc(doc->arena, sizeof *one);
                if (one && (one[0] = folio_arena_strndup(doc->arena, t + k, e - k))) {
                    doc->meta.authors = one;
                    doc->meta.n_authors = 1;
                }
            }
            break;
        }
    }
}

static void read_structure(reader *r)
{
    int body_start = find_body_start(r);
    int t = find_title(r, body_start);
    for (int i = 0; i < t; i++) {
        unit *u = &r->u[i];
        if (is_meta_class(u)) {
            folio_scraped_take_meta(r, u);
            drop(u, WHY_META);
        } else {
            drop(u, WHY_NAV);
        }
    }
    unit *tu = &r->u[t];
    if (tu->chars > 160 || (tu->prose && !folio_scraped_title_shaped(tu))) {
        /* No headline on the page: the first sentence names the text, and
         * the paragraph stays in the body. */
        r->title = folio_scraped_derived_title(r, tu);
        r->title_derived = true;
        t--;
    } else {
        tu->role = R_TITLE;
        r->title = folio_scraped_clean_title(r->arena, r, tu->text, tu->len);
    }
    int from = scan_header(r, t);
    scan_body(r, from);
}

static const char **split_authors(folio_arena *a, const char *list, size_t *count)
{
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ';';
    const char **out = folio_arena_alloc(a, n * sizeof *out);
    *count = 0;
    if (!out)
        return NULL;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ';');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len && *p == ' ')
            p++, len--;
        while (len && p[len - 1] == ' ')
            len--;
        if (len)
            out[(*count)++] = folio_arena_strndup(a, p, len);
        p += len;
        while (*p == ' ' || *p == ';')
            p++;
    }
    return out;
}

/* A caller's string as valid UTF-8 in the arena: bytes that are not UTF-8
 * become U+FFFD with a warning, or with opts->strict refuse the call. */
static const char *option_text(folio_arena *a, const char *s, const char *what, const folio_read_opts *o,
                               folio_error *err, bool *refused)
{
    bool bad = false;
    const char *t = folio_utf8_repaired(a, s, &bad);
    if (bad && o->strict) {
        snprintf(err->message, sizeof err->message, "the %s given is not valid UTF-8", what);
        err->option = what;
        *refused = true;
    } else if (bad && o->warn) {
        char msg[128];
        snprintf(msg, sizeof msg, "the %s given is not valid UTF-8: replaced by U+FFFD", what);
        o->warn(o->warn_user, msg, "strict");
    }
    return t;
}

/* A web page's own metadata where the text left something open: the
 * publication date it declares when no date is written on the page (the
 * written one wins: the declared one is often the first version's, or in
 * another time zone), its author when no byline was found, its language
 * when the text only showed the script (Latin: "fr", "de"...). */
static void page_meta(reader *r, folio_meta *m, const folio_read_opts *o)
{
    const html_page *p = r->page;
    char iso[11];
    if (!p)
        return;
    if (!m->date && p->date && folio_read_date(p->date, strlen(p->date), iso))
        m->date = folio_arena_strdup(r->arena, iso);
    /* the declared author, unless a byline on the page named them already
     * (a site that declares itself as the author is no author) */
    bool named = false;
    for (int k = 0; p->author && k < r->n_authors; k++)
        named = named || strcmp(r->authors[k], p->author) == 0;
    if (p->author && !named && !o->author && strlen(p->author) <= 80 &&
        !(p->site && strcmp(p->site, p->author) == 0)) {
        r->n_authors = 0;
        folio_scraped_add_authors(r, p->author, strlen(p->author));
    }
    if (r->title_derived && !o->title && (p->headline || p->title))
        m->title = folio_scraped_clean_title(r->arena, r, p->headline ? p->headline : p->title,
                                             strlen(p->headline ? p->headline : p->title));
}

static folio_status finish_meta(reader *r, folio_doc *doc, const folio_read_opts *o,
                                folio_error *err)
{
    folio_meta *m = &doc->meta;
    folio_arena *a = r->arena;
    folio_read_opts none = { 0 };
    bool refused = false;
    if (!o)
        o = &none;
    const char *title = o->title ? option_text(a, o->title, "title", o, err, &refused) : r->title;
    const char *source = o->source ? option_text(a, o->source, "source", o, err, &refused) : r->source;
    const char *author = o->author ? option_text(a, o->author, "author", o, err, &refused) : NULL;
    const char *lang = o->lang ? option_text(a, o->lang, "lang", o, err, &refused) : NULL;
    if (refused)
        return FOLIO_ERR_USAGE;
    if (!title || (o->source && !source) || (o->author && !author) || (o->lang && !lang))
        return FOLIO_ERR_NOMEM;
    m->title = title;
    m->subtitle = r->subtitle;
    m->source = source;
    m->date = r->date;
    page_meta(r, m, o);
    if (o->date) {
        char iso[11];
        if (!folio_read_date(o->date, strlen(o->date), iso)) {
            snprintf(err->message, sizeof err->message,
                     "cannot read '%s' as a date (try YYYY-MM-DD)", o->date);
            err->option = "date";
            return FOLIO_ERR_USAGE;
        }
        m->date = folio_arena_strdup(a, iso);
    }
    if (author) {
        m->authors = split_authors(a, author, &m->n_authors);
    } else if (r->n_authors) {
        m->authors = folio_arena_alloc(a, (size_t)r->n_authors * sizeof *m->authors);
        if (m->authors) {
            memcpy(m->authors, r->authors, (size_t)r->n_authors * sizeof *m->authors);
            m->n_authors = (size_t)r->n_authors;
        }
    }
    if (r->summary_buf.len)
        m->summary = folio_arena_strndup(a, r->summary_buf.data, r->summary_buf.len);
    const char *script = NULL;
    const char *found = folio_scraped_detect_lang(doc, &script);
    m->lang = lang ? lang : found;
    char tag[4] = "";
    if (!lang && r->page && r->page->lang && strcmp(script, "Latn") == 0) {
        /* Latin script: the page's <html lang> names the language */
        size_t k = 0;
        while (k < 3 && isalpha((unsigned char)r->page->lang[k]))
            tag[k] = (char)tolower((unsigned char)r->page->lang[k]), k++;
        tag[k] = '\0';
        if (k >= 2 && (r->page->lang[k] == '\0' || r->page->lang[k] == '-' || r->page->lang[k] == '_') &&
            strcmp(tag, "zh") && strcmp(tag, "ja") && strcmp(tag, "ko"))
            m->lang = folio_arena_strdup(a, tag);
    }
    m->script = strcmp(m->lang, found) == 0 ? script : NULL;
    if (r->summary_buf.failed || !m->title || !m->lang)
        return FOLIO_ERR_NOMEM;
    return FOLIO_OK;
}

/* The caller's error record, or scratch when it gave none, emptied. */
static folio_error *error_record(folio_error *err, folio_error *scratch)
{
    if (!err)
        err = scratch;
    err->message[0] = '\0';
    err->option = NULL;
    return err;
}

folio_status folio_read_text(const char *text, size_t len, const folio_read_opts *opts,
                             folio_doc **out, folio_error *err)
{
    return folio_scraped_read(text, len, NULL, opts, out, err);
}

folio_status folio_scraped_read(const char *text, size_t len, const html_page *page, const folio_read_opts *opts,
                                folio_doc **out, folio_error *err)
{
    folio_error scratch;
    err = error_record(err, &scratch);
    *out = NULL;
    folio_status st = FOLIO_ERR_NOMEM;
    folio_arena *arena = folio_arena_new();
    folio_doc *doc = arena ? folio_arena_alloc(arena, sizeof *doc) : NULL;
    reader r = { .arena = arena, .page = page };
    uint8_t *indents = NULL;
    if (!doc)
        goto cleanup;
    doc->arena = arena;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    if ((st = split_lines(&r, text, len, &indents)) != FOLIO_OK ||
        (st = build_units(&r, indents)) != FOLIO_OK)
        goto cleanup;
    if (r.n == 0) {
        st = FOLIO_ERR_INPUT;
        snprintf(err->message, sizeof err->message, "no text");
        goto cleanup;
    }
    read_structure(&r);
    if ((st = folio_reader_label(&r, opts)) != FOLIO_OK)
        goto cleanup;
    folio_scraped_split_byline(&r);
    for (int i = 0; i < r.n && r.n_authors == 0; i++)
        if (r.u[i].role == R_BLOCK || r.u[i].reason == folio_why_meta)
            folio_scraped_reporters(&r, r.u[i].text, r.u[i].len);
    author_lines(&r);
    st = FOLIO_ERR_NOMEM;
    if (!folio_markup_images(&r, opts ? opts->base_dir : NULL))
        goto cleanup;
    builder b = { .doc = doc };
    st = FOLIO_ERR_NOMEM;
    /* Exact sizes: arrays grown by doubling would leave their old copies
     * in the arena. */
    for (int i = 0; i < r.n; i++) {
        const unit *u = &r.u[i];
        if (u->role == R_BLOCK || (u->role == R_DROP && opts && opts->keep_boilerplate && u->reason != WHY_META))
            b.cap_blocks++;
        else if (u->role != R_MERGED)
            b.cap_removed += (size_t)(u->last - u->first + 1);
    }
    for (int k = 0; k < r.n_images; k++)
        r.images[k].path ? b.cap_blocks++ : b.cap_removed++;
    doc->blocks = folio_arena_alloc(arena, (b.cap_blocks + 1) * sizeof *doc->blocks);
    doc->removed = folio_arena_alloc(arena, (b.cap_removed + 1) * sizeof *doc->removed);
    b.cap_blocks++, b.cap_removed++;
    if (!doc->blocks || !doc->removed)
        goto cleanup;
    for (int i = 0, k = 0; i < r.n; i++) {
        for (; k < r.n_images && r.images[k].unit == i; k++)
            if (!emit_image(&r, &b, &r.images[k]))
                goto cleanup;
        if (!emit_unit(&r, &b, i, opts && opts->keep_boilerplate))
            goto cleanup;
    }
    if ((st = finish_meta(&r, doc, opts, err)) != FOLIO_OK)
        goto cleanup;
    complete_summary(doc);
    if (!take_contributors(doc))
        goto cleanup;
    if (!(opts && opts->author))
        take_note_author(doc);
    *out = doc;
    arena = NULL;
cleanup:
    if (st == FOLIO_ERR_NOMEM && !err->message[0])
        snprintf(err->message, sizeof err->message, "out of memory");
    free(r.lines);
    free(r.u);
    free(indents);
    folio_buf_free(&r.summary_buf);
    folio_arena_free(arena);
    return st;
}

folio_status folio_read_bytes(const void *data, size_t len, const folio_read_opts *opts,
                              folio_doc **out, folio_error *err)
{
    folio_error scratch;
    err = error_record(err, &scratch);
    *out = NULL;
    folio_buf text = { 0 };
    folio_warning warning;
    const char *utf8 = NULL;
    size_t n = 0;
    folio_status st = folio_decode(data, len, opts ? opts->encoding : NULL, opts && opts->strict, &utf8, &n,
                                   &text, &warning, err);
    if (st == FOLIO_OK) {
        st = folio_read_text(utf8, n, opts, out, err);
        if (st == FOLIO_OK && warning.message[0] && opts && opts->warn)
            opts->warn(opts->warn_user, warning.message, warning.option);
    }
    folio_buf_free(&text);
    return st;
}
