/*
 * test_vocab.c - a test for every row of the vocabulary table (reader/vocab.c).
 *
 *   tests/test_vocab                 rows, duplicates, shadowing
 *   tests/test_vocab DIR...          and: no row names a string that occurs on
 *                                    exactly one page of the corpora in DIR...
 *
 * Each row gets a line made to match it ("By " -> "By Jane Doe", a counter
 * word -> "<word> 12"); the line must be read as the row's kind.  A row
 * whose line comes out as something else is shadowed: another row or an
 * earlier test takes its lines, and the row does nothing.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../convert/folio.h"
#include "../convert/internal.h"
#include "../reader/scraped.h"
#include "../reader/vocab.h"

static int failures;

static void fail(const vocab_row *r, const char *fmt, const char *detail)
{
    printf("test_vocab: row \"%s\" (%s, %s, %s%s%s): ", r->pattern, folio_vocab_kind_name(r->kind),
           folio_vocab_match_name(r->match), r->lang, r->concept ? ", " : "", r->concept ? r->concept : "");
    printf(fmt, detail);
    printf("\n");
    failures++;
}

static bool is_cjk(const char *s)
{
    return (unsigned char)s[0] >= 0xE0; /* the patterns' non-ASCII starts are CJK */
}

static const char *filler(const vocab_row *r)
{
    bool zh = is_cjk(r->pattern);
    switch (r->kind) {
    case VK_BYLINE: case VK_CREDIT: return zh ? "张三" : "Jane Doe";
    case VK_CAPTION: return zh ? "新华社" : "a harbour at dawn";
    case VK_NOTE: return zh ? "本文有删改" : "the figures were corrected";
    case VK_SOURCE: return zh ? "新华社" : "Reuters";
    case VK_ORIGINAL: return zh ? "港口的黎明" : "A Harbour at Dawn";
    case VK_RELATED: return zh ? "港口的黎明" : "A Harbour at Dawn";
    case VK_MARKER: return zh ? "IPP" : "us";
    case VK_COMMENTS: return zh ? "港口的黎明" : "“A Harbour at Dawn”";
    default: return zh ? "港口的黎明" : "two years old";
    }
}

/* A line the row must match, in buf. */
static void probe(const vocab_row *r, char *buf, size_t cap, bool label_alone)
{
    const char *p = r->pattern, *f = filler(r);
    size_t k = strlen(p);
    bool space = !is_cjk(p) && k && p[k - 1] != ' ';
    switch ((vocab_match)r->match) {
    case VM_LINE: snprintf(buf, cap, "%s", p); break;
    case VM_PREFIX: snprintf(buf, cap, "%s%s%s", p, space ? " " : "", f); break;
    case VM_ANYWHERE:
        if (r->kind == VK_BYLINE) { /* a label inside the line, a name after it */
            snprintf(buf, cap, "%s%s %s", is_cjk(p) ? "《港口》" : "Harbours ", p, f);
            break;
        }
        snprintf(buf, cap, "%s%s%s%s%s", is_cjk(p) ? "文字" : "Text", space ? " " : "", p,
                               space ? " " : "", is_cjk(p) ? "文字" : "text"); break;
    case VM_SUFFIX:
        if (r->kind == VK_CAPTION) /* a photographer's or an agency's credit */
            snprintf(buf, cap, "%s%s", is_cjk(p) ? "新华社记者 张三 " : "Jane Doe ", p);
        else /* a short button or label */
            snprintf(buf, cap, "%s%s", is_cjk(p) ? "今日" : "Our ", p);
        break;
    case VM_LABEL:
        if (label_alone)
            snprintf(buf, cap, "%s", p);
        else
            snprintf(buf, cap, "%s%s%s", p, is_cjk(p) ? "：" : ": ",
                     r->kind == VK_SUMMARY ? (is_cjk(p) ? "港口在黎明时分最安静。" : "The harbour is quiet at dawn.") : f);
        break;
    case VM_COUNTER: snprintf(buf, cap, "%s 12", p); break;
    case VM_AFTER_NUMBER: snprintf(buf, cap, "12 %s %s", p, f); break;
    case VM_COUNT: buf[0] = '\0'; break;
    }
    /* a line is read from its text with the first letter as typed */
    if (!is_cjk(buf) && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

static unit_class expected(const vocab_row *r, bool label_alone)
{
    switch ((vocab_kind)r->kind) {
    case VK_BOILER: case VK_RELATED: case VK_COUNTER: return C_BOILER;
    case VK_MARKER: case VK_COMMENTS: return C_MARKER;
    case VK_CAPTION: return C_CAPTION;
    case VK_CREDIT: return C_CREDIT;
    case VK_NOTE: return C_NOTE;
    case VK_SUMMARY: return label_alone ? C_LABEL_SUMMARY : C_SUMMARY;
    case VK_LEAD: return C_LABEL_LEAD;
    case VK_BYLINE: return C_BYLINE;
    case VK_SOURCE: case VK_ORIGINAL: return C_SOURCE;
    case VK_PICTURE: case VK_COMMENT_WORD: case VK_KIND_COUNT: break; /* a word in a plain line */
    }
    return C_PLAIN;
}

static unit_class classify(const char *text)
{
    unit u;
    memset(&u, 0, sizeof u);
    u.text = (char *)text;
    u.len = strlen(text);
    folio_scraped_features(&u);
    return folio_scraped_classify(&u);
}

static void check_row(const vocab_row *r)
{
    char line[256];
    if (!r->pattern[0] || !r->lang || !r->lang[0])
        fail(r, "%s", "empty pattern or language");
    bool folded = r->match == VM_LINE || r->match == VM_ANYWHERE || r->match == VM_LABEL;
    for (const char *c = r->pattern; folded && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            fail(r, "%s", "is matched lower-cased but has capitals");
    for (int alone = 0; alone <= (r->match == VM_LABEL && r->kind == VK_SUMMARY); alone++) {
        probe(r, line, sizeof line, alone);
        if (!folio_vocab_row_matches(r, line, strlen(line)))
            fail(r, "does not match its own line \"%s\"", line);
        unit_class want = expected(r, alone);
        if (classify(line) != want)
            fail(r, "is shadowed: \"%s\" is read as something else", line);
    }
}

/* Two rows of one kind where one does all the other does: the same pattern
 * and mode, or a pattern that a row matching anywhere already finds. */
static void check_redundant(void)
{
    for (size_t i = 0; i < folio_vocab_count; i++)
        for (size_t j = 0; j < folio_vocab_count; j++) {
            const vocab_row *a = &folio_vocab[i], *b = &folio_vocab[j];
            if (i == j || a->kind != b->kind)
                continue;
            if (a->match == b->match && strcmp(a->pattern, b->pattern) == 0 && i < j)
                fail(b, "%s", "repeats an earlier row");
            /* (a byline label inside a line counts in shorter lines than
             * one that opens the line: not the same test) */
            if (a->match == VM_ANYWHERE && a->kind != VK_BYLINE && b->match != VM_COUNTER && b->match != VM_AFTER_NUMBER &&
                strstr(b->pattern, a->pattern) && (b->match != VM_ANYWHERE || i != j) &&
                !(b->match == VM_ANYWHERE && strcmp(a->pattern, b->pattern) == 0))
                fail(b, "is found already by the row \"%s\" (anywhere in a line)", a->pattern);
        }
}

/* ---- pages ---- */

typedef struct page_text {
    char *text;
    size_t len;
} page_text;

static page_text *pages;
static size_t n_pages;

static void load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("test_vocab: cannot open %s\n", dir);
        failures++;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t k = strlen(e->d_name);
        if (k < 5 || strcmp(e->d_name + k - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        page_text p = { NULL, 0 };
        size_t cap = 0, got;
        char chunk[65536];
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (p.len + got + 1 > cap) {
                cap = (p.len + got + 1) * 2;
                p.text = realloc(p.text, cap);
            }
            memcpy(p.text + p.len, chunk, got);
            p.len += got;
        }
        fclose(f);
        if (!p.text)
            continue;
        p.text[p.len] = '\0';
        pages = realloc(pages, (n_pages + 1) * sizeof *pages);
        pages[n_pages++] = p;
    }
    closedir(d);
}

static bool page_has(const page_text *p, const vocab_row *r)
{
    const char *s = p->text, *end = p->text + p->len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end, *a = s;
        while (a < e && (*a == ' ' || *a == '\t' || *a == '\r'))
            a++;
        const char *b = e;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (b > a && folio_vocab_row_matches(r, a, (size_t)(b - a)))
            return true;
        s = e + 1;
    }
    return false;
}

/* A row found on one page only was written for that page.  Rows that spell
 * one word of furniture (a concept) are counted together: the word must be
 * found on two pages or more, or on none. */
static void check_pages(void)
{
    size_t *found = calloc(folio_vocab_count, sizeof *found);
    bool *seen = calloc(n_pages ? n_pages : 1, sizeof *seen);
    for (size_t i = 0; found && seen && i < folio_vocab_count; i++) {
        const vocab_row *r = &folio_vocab[i];
        size_t first = i; /* the first row of the concept keeps the count */
        for (size_t j = 0; r->concept && j < i; j++)
            if (folio_vocab[j].concept && strcmp(folio_vocab[j].concept, r->concept) == 0) {
                first = j;
                break;
            }
        if (first != i)
            continue;
        memset(seen, 0, n_pages * sizeof *seen);
        for (size_t j = i; j < folio_vocab_count; j++) {
            const vocab_row *o = &folio_vocab[j];
            if (j != i && !(r->concept && o->concept && strcmp(o->concept, r->concept) == 0))
                continue;
            for (size_t p = 0; p < n_pages; p++)
                seen[p] = seen[p] || page_has(&pages[p], o);
        }
        for (size_t p = 0; p < n_pages; p++)
            found[i] += seen[p];
        if (found[i] == 1)
            fail(r, r->concept ? "spells a word (\"%s\") found on exactly one corpus page"
                               : "%soccurs on exactly one corpus page", r->concept ? r->concept : "");
    }
    free(found);
    free(seen);
}

int main(int argc, char **argv)
{
    for (size_t i = 0; i < folio_vocab_count; i++)
        check_row(&folio_vocab[i]);
    check_redundant();
    for (int i = 1; i < argc; i++)
        load_dir(argv[i]);
    if (argc > 1)
        check_pages();
    printf("test_vocab: %zu rows%s%s: %d failure%s\n", folio_vocab_count,
           argc > 1 ? ", pages of the corpora counted" : "", "", failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
