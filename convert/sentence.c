/*
 * sentence.c - where the first sentence of a paragraph ends.
 *
 * An outline shows each paragraph's key sentence, so this must not be fooled
 * by "U.S.", "Dr.", "3.5" or "e.g.", and must keep a closing quote with the
 * sentence it closes ("…放贷。”").
 */
#include "internal.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <utf8proc.h>
#include <string.h>

static bool closer(int32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == '"' || c == '\'' ||
           c == ')' || c == 0xFF09 || c == 0x3011 || c == 0x300B || c == ']' || c == 0xBB;
}

static bool cjk_stop(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
}

/* Titles and references: a period after them never ends a sentence. */
static const char *const titles[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "e.g", "i.e", "no", "gen", "sen", "rep", "gov",
    "approx", "fig", "vol", "pp", "p", "cf", "op", "ed", "eds", "mt", "ft", "lt", "col", "capt",
    "sgt", "rev", "hon", "art", "ch", "sec", NULL,
};

/* Abbreviations that may also close a sentence ("…moved to the U.S. The
 * rest…"): a period after them ends one only before a usual sentence opener. */
static const char *const closers[] = {
    "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "jr", "sr", "al", "est", "dept", "univ", "a.m", "p.m", "ph.d", NULL,
};

static const char *const openers[] = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "But", "And", "Then", "So", "Yet", "In", "On", "At", "For", "There", "Here", "Its", "His",
    "Her", "Their", "Our", "What", "When", "Why", "How", "If", "As", "After", "Before", NULL,
};

static bool in_list(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return true;
    return false;
}

/* The word after position k is one of the usual sentence openers. */
static bool opener_at(const char *s, size_t n, size_t k)
{
    size_t e = k;
    while (e < n && isalpha((unsigned char)s[e]))
        e++;
    char word[16];
    if (e - k == 0 || e - k >= sizeof word)
        return false;
    memcpy(word, s + k, e - k);
    word[e - k] = '\0';
    return in_list(word, openers);
}

/* Does the period at s[end] follow an abbreviation or an initial ("J.")
 * that keeps the sentence going before the word at s[next]? */
static bool abbreviation(const char *s, size_t n, size_t end, size_t next)
{
    size_t start = end;
    while (start > 0 && (isalpha((unsigned char)s[start - 1]) || s[start - 1] == '.'))
        start--;
    size_t len = end - start;
    if (len == 0)
        return false;
    if (len == 1 && isupper((unsigned char)s[start]))
        return true; /* an initial */
    char word[16];
    if (len >= sizeof word)
        return false;
    for (size_t i = 0; i < len; i++)
        word[i] = (char)tolower((unsigned char)s[start + i]);
    word[len] = '\0';
    if (in_list(word, titles))
        return true;
    /* "U.S" "e.g": letters separated by dots behave like the closers */
    if (in_list(word, closers) || (len >= 3 && word[1] == '.'))
        return !opener_at(s, n, next);
    return false;
}

/* After Latin end punctuation at s[i..j): does a new sentence start? */
static bool latin_break(const char *s, size_t n, size_t i, size_t j)
{
    if (j >= n)
        return true;
    if (s[j] != ' ')
        return false; /* "3.5", "example.com", "Yahoo!Japan" */
    size_t k = j;
    while (k < n && s[k] == ' ')
        k++;
    if (k >= n)
        return true;
    int32_t next;
    folio_utf8_next(s + k, n - k, &next);
    if (s[i] == '.' && abbreviation(s, n, i, k))
        return false;
    /* a new sentence starts with a capital, a digit, a quote or CJK text */
    return folio_is_upper(next) || folio_is_digit(next) || next == 0x201C || next == '"' ||
           next == 0x2018 || next == '(' || folio_is_cjk(next);
}

size_t folio_sentence_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        bool cjk = cjk_stop(c) || c == 0x2026; /* … */
        bool latin = c == '.' || c == '!' || c == '?';
        if (!cjk && !latin) {
            i += step;
            continue;
        }
        size_t j = i + step;
        /* runs of stops: "?!", "……", "..." */
        for (;;) {
            int32_t d;
            size_t k = j < n ? folio_utf8_next(s + j, n - j, &d) : 0;
            if (!k || !(cjk_stop(d) || d == 0x2026 || d == '.' || d == '!' || d == '?'))
                break;
            j += k;
        }
        for (;;) { /* closing quotes and brackets belong to the sentence */
            int32_t d;
            size_t k = j < n ? folio_utf8_next(s + j, n - j, &d) : 0;
            if (!k || !closer(d))
                break;
            j += k;
        }
        /* "…" then a space is Latin text's ellipsis: a break only before
         * what starts a sentence ("the boats… came back" goes on) */
        if (c == 0x2026 && j < n && s[j] == ' ')
            cjk = false;
        if (cjk || latin_break(s, n, i, j))
            return j;
        i = j;
    }
    return n;
}

void folio_key_sentence(const char *s, size_t n, folio_buf *out)
{
    /* open minus closed, for “” 「」 『』 and the ASCII double quote */
    int curly = 0, corner = 0, white = 0, ascii = 0;
    for (size_t i = 0; i < n;) {
        int32_t c;
        i += folio_utf8_next(s + i, n - i, &c);
        curly += (c == 0x201C) - (c == 0x201D);
        corner += (c == 0x300C) - (c == 0x300D);
        white += (c == 0x300E) - (c == 0x300F);
        ascii ^= c == '"';
    }
    folio_buf_append(out, s, n);
    for (; white > 0; white--)
        folio_buf_puts(out, "\xE3\x80\x8F");
    for (; corner > 0; corner--)
        folio_buf_puts(out, "\xE3\x80\x8D");
    for (; curly > 0; curly--)
        folio_buf_puts(out, "\xE2\x80\x9D");
    if (ascii)
        folio_buf_putc(out, '"');
}

/* ------------------------------------------------------------------ */
/* salience                                                            */

/* The terms of a text: Latin words of four letters or more (case folded),
 * and CJK character pairs; each given to fn as a 64-bit hash. */
static void each_term(const char *s, size_t n, void (*fn)(void *, uint64_t), void *user)
{
    int32_t prev = 0;
    uint64_t word = 1469598103934665603ull;
    int letters = 0;
    for (size_t i = 0; i <= n;) {
        int32_t c = ' ';
        size_t step = i < n ? folio_utf8_next(s + i, n - i, &c) : 1;
        if (folio_is_letter(c) && !folio_is_cjk(c)) {
            word = (word ^ (uint64_t)utf8proc_tolower(c)) * 1099511628211ull;
            letters++;
        } else {
            if (letters >= 4)
                fn(user, word);
            word = 1469598103934665603ull;
            letters = 0;
        }
        bool han = folio_is_cjk(c) && folio_is_letter(c);
        if (han && prev)
            fn(user, ((uint64_t)(uint32_t)prev << 32 | (uint32_t)c) * 0x9E3779B97F4A7C15ull | 1);
        prev = han ? c : 0;
        i += step;
    }
}

struct folio_terms {
    uint64_t *key;
    uint32_t *count;
    size_t mask, used;
};

/* The slot of term k: its own, or the empty one where it would go. */
static size_t term_slot(const folio_terms *t, uint64_t k)
{
    size_t i = (size_t)(k ^ (k >> 31)) & t->mask;
    while (t->key[i] && t->key[i] != k)
        i = (i + 1) & t->mask;
    return i;
}

static void count_term(void *user, uint64_t k)
{
    folio_terms *t = user;
    size_t i = term_slot(t, k | 1);
    if (!t->key[i]) { /* a new term, while the table has room (three quarters) */
        if (t->used * 4 >= (t->mask + 1) * 3)
            return;
        t->key[i] = k | 1;
        t->used++;
    }
    if (t->count[i] < UINT32_MAX)
        t->count[i]++;
}

folio_terms *folio_terms_new(const folio_doc *doc)
{
    size_t bytes = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        bytes += strlen(doc->blocks[i].text);
    size_t cap = 1024;
    while (cap < bytes * 2 && cap < ((size_t)1 << 26))
        cap <<= 1;
    folio_terms *t = calloc(1, sizeof *t);
    if (!t || !(t->key = calloc(cap, sizeof *t->key)) || !(t->count = calloc(cap, sizeof *t->count))) {
        folio_terms_free(t);
        return NULL;
    }
    t->mask = cap - 1;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const folio_block *b = &doc->blocks[i];
        int weight = b->type == FOLIO_BLOCK_HEADING ? 3 : /* a heading's words are the article's subject */
                     b->type == FOLIO_BLOCK_PARAGRAPH || b->type == FOLIO_BLOCK_QUOTE ||
                             b->type == FOLIO_BLOCK_LIST_ITEM ? 1 : 0;
        for (int w = 0; w < weight; w++)
            each_term(b->text, strlen(b->text), count_term, t);
    }
    if (doc->meta.title)
        for (int w = 0; w < 3; w++)
            each_term(doc->meta.title, strlen(doc->meta.title), count_term, t);
    return t;
}

void folio_terms_free(folio_terms *t)
{
    if (!t)
        return;
    free(t->key);
    free(t->count);
    free(t);
}

typedef struct score_ctx {
    const folio_terms *t;
    double sum;
    int n, repeated;
} score_ctx;

static void score_term(void *user, uint64_t k)
{
    score_ctx *s = user;
    uint32_t c = s->t->count[term_slot(s->t, k | 1)]; /* 0 in an empty slot */
    s->sum += c > 1 ? log((double)c) : 0; /* a term the article repeats */
    s->repeated += c > 1;
    s->n++;
}

size_t folio_salient_sentence(const folio_terms *t, const char *s, size_t n, size_t *len)
{
    size_t best = 0, best_len = folio_sentence_len(s, n), at = 0;
    double best_score = -1;
    for (int k = 0; at < n; k++) {
        while (at < n && s[at] == ' ')
            at++;
        if (at >= n)
            break;
        size_t l = folio_sentence_len(s + at, n - at);
        score_ctx sc = { t, 0, 0, 0 };
        if (t)
            each_term(s + at, l, score_term, &sc);
        /* the terms' weight over the square root of their number; the first
         * sentence, which most often states the paragraph, weighs a third
         * more; another needs two terms the article repeats, and a fragment
         * under twelve characters or an address is no key sentence */
        double score = sc.n ? sc.sum / sqrt((double)sc.n) : 0;
        if (k == 0)
            score = score * 1.33 + 0.01;
        else if (sc.repeated < 2 || folio_utf8_count(s + at, l) < 12 || memmem(s + at, l, "://", 3))
            score = -1;
        if (score > best_score)
            best = at, best_len = l, best_score = score;
        at += l;
    }
    *len = best_len;
    return best;
}
