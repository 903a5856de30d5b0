/*
 * lex.c - what a line of scraped text is, judged from its own text.
 *
 * The word lists here are the vocabulary of web page furniture in Chinese,
 * English and Japanese: share buttons, counters, navigation, footers, and
 * the labels editors put on captions, credits and notes.  Each list says
 * how it matches (whole line, line start, anywhere) so that a word like
 * "评论" drops a lone button but never a sentence that mentions comments.
 */
#include "scraped.h"
#include "vocab.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* small string helpers                                                */

/* A lower-cased copy of a line (ASCII letters only: the lists are ASCII or
 * CJK), so that every list can be searched with memmem, and the set of its
 * byte trigrams (hashed to 1,024 bits): a needle is searched for only when
 * both its first and its last three bytes occur in the line, which rules
 * out nearly every needle of a list without a search. */
typedef struct lower {
    char buf[2048];
    size_t n;
    bool ok;
    uint64_t tri[16];
} lower;

static unsigned tri_hash(const char *p)
{
    uint32_t v = (uint32_t)(unsigned char)p[0] << 16 | (uint32_t)(unsigned char)p[1] << 8 |
                 (unsigned char)p[2];
    return (v * 2654435761u) >> 22;
}

static bool tri_has(const lower *l, unsigned h)
{
    return (l->tri[h >> 6] >> (h & 63)) & 1;
}

static void lower_init(lower *l, const char *s, size_t n)
{
    l->ok = n < sizeof l->buf;
    l->n = l->ok ? n : 0;
    memset(l->tri, 0, sizeof l->tri);
    for (size_t i = 0; i < l->n; i++)
        l->buf[i] = folio_ascii_lower(s[i]);
    for (size_t i = 0; i + 3 <= l->n; i++) {
        unsigned h = tri_hash(l->buf + i);
        l->tri[h >> 6] |= (uint64_t)1 << (h & 63);
    }
}

/* A list of needles searched anywhere in a line, measured once. */
typedef struct needles {
    const char *const *list;
    size_t count;
    struct needle {
        const char *s;
        size_t len;
        unsigned first, last; /* trigram hashes; unused below 3 bytes */
    } *items;
} needles;

static void needles_init(needles *set)
{
    size_t n = 0;
    if (!set->list)
        return;
    while (set->list[n])
        n++;
    set->items = malloc(n * sizeof *set->items);
    if (!set->items)
        return; /* any_contains then searches without the filter */
    for (size_t i = 0; i < n; i++) {
        struct needle *d = &set->items[i];
        d->s = set->list[i];
        d->len = strlen(d->s);
        d->first = d->len >= 3 ? tri_hash(d->s) : 0;
        d->last = d->len >= 3 ? tri_hash(d->s + d->len - 3) : 0;
    }
    set->count = n;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return k <= n && memcmp(s + n - k, suffix, k) == 0;
}

/* A list of the vocabulary and the lengths of its words. */
typedef struct wordlist {
    const char *const *w;
    const size_t *len;
} wordlist;

#define LIST(k, m) vocab_words(VK_##k, VM_##m)

static wordlist vocab_words(vocab_kind k, vocab_match m)
{
    wordlist l = { folio_vocab_list(k, m), folio_vocab_lengths(k, m) };
    if (!l.w || !l.len)
        l.w = NULL, l.len = NULL;
    return l;
}

static bool any_prefix(const char *s, size_t n, wordlist list)
{
    if (n == 0 || !list.w)
        return false;
    int first = tolower((unsigned char)s[0]);
    for (size_t i = 0; list.w[i]; i++) /* the first byte rules out nearly all */
        if (list.len[i] <= n && tolower((unsigned char)list.w[i][0]) == first &&
            folio_starts_with_ci(s, n, list.w[i]))
            return true;
    return false;
}

/* Does the line end with one of the list (ASCII letters in any case)?
 * Returns the word's index + 1, or 0. */
static size_t any_suffix(const char *s, size_t n, wordlist list)
{
    for (size_t i = 0; list.w && list.w[i]; i++) {
        size_t k = list.len[i];
        if (k <= n && folio_starts_with_ci(s + n - k, k, list.w[i]))
            return i + 1;
    }
    return 0;
}

static void lex_once_init(void);

/* Lists hold lower-case needles; l is the lower-cased line. */
static bool any_contains(const lower *l, needles *set)
{
    if (!l->ok)
        return false;
    lex_once_init();
    if (!set->list)
        return false;
    if (!set->items) {
        for (const char *const *w = set->list; *w; w++)
            if (memmem(l->buf, l->n, *w, strlen(*w)))
                return true;
        return false;
    }
    for (size_t i = 0; i < set->count; i++) {
        const struct needle *d = &set->items[i];
        if (d->len > l->n || (d->len >= 3 && (!tri_has(l, d->first) || !tri_has(l, d->last))))
            continue;
        if (memmem(l->buf, l->n, d->s, d->len))
            return true;
    }
    return false;
}

bool folio_scraped_is_open_quote(int32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == '"' ||
           c == 0x00AB || c == 0x201E || c == 0xFF02;
}

bool folio_scraped_is_close_quote(int32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == '"' ||
           c == 0x00BB || c == 0xFF02;
}

static bool is_closer(int32_t c)
{
    return folio_scraped_is_close_quote(c) || c == ')' || c == 0xFF09 || c == 0x3011 ||
           c == 0x300B || c == ']' || c == 0x3009;
}

static bool is_sentence_end(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '.' ||
           c == 0x2026 || c == 0xFF0E || c == 0xFF61;
}

/* ------------------------------------------------------------------ */
/* features                                                            */

/* Does the unit consist of one quotation, start to end ("“…”" or "“…。”")? */
static bool whole_quote(const char *s, size_t n)
{
    int32_t first;
    size_t k = folio_utf8_next(s, n, &first);
    if (!folio_scraped_is_open_quote(first))
        return false;
    int32_t close = first == 0x201C ? 0x201D : first == 0x2018 ? 0x2019
                  : first == 0x300C ? 0x300D : first == 0x300E ? 0x300F
                  : first == 0x00AB ? 0x00BB : first;
    size_t i = k;
    while (i < n) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (c == close) {
            /* Only sentence punctuation may follow the closing mark. */
            size_t j = i + step;
            while (j < n) {
                int32_t d;
                j += folio_utf8_next(s + j, n - j, &d);
                if (!is_sentence_end(d) && d != 0xFF0C && d != ',')
                    return false;
            }
            return i > k;
        }
        i += step;
    }
    return false;
}

/* Does s[0..end) end in a word of initials, capitals each with its stop
 * ("U.S.", "N.Y.C.")?  A headline ending so ends in no sentence. */
static bool initials_end(const char *s, size_t end)
{
    size_t k = end, pairs = 0;
    while (k >= 2 && s[k - 1] == '.' && isupper((unsigned char)s[k - 2])) {
        k -= 2;
        pairs++;
    }
    return pairs >= 2 && (k == 0 || s[k - 1] == ' ');
}

bool folio_scraped_joins_without_space(const char *a, size_t an, const char *b, size_t bn)
{
    int32_t last = folio_utf8_last(a, an, NULL), first;
    folio_utf8_next(b, bn, &first);
    if (folio_is_cjk(last) || folio_is_cjk(first))
        return true;
    /* "exam-" + "ple": keep the hyphen, no space. */
    return last == '-' && an >= 2 && isalpha((unsigned char)a[an - 2]) && islower((unsigned char)b[0]);
}

bool folio_scraped_join(folio_arena *a, unit *u, const unit *next, size_t *head)
{
    bool space = !folio_scraped_joins_without_space(u->text, u->len, next->text, next->len);
    char *t = folio_arena_alloc(a, u->len + next->len + 2);
    if (!t)
        return false;
    memcpy(t, u->text, u->len);
    size_t k = u->len;
    if (space)
        t[k++] = ' ';
    memcpy(t + k, next->text, next->len);
    t[k + next->len] = '\0';
    u->text = t;
    u->len = k + next->len;
    *head = k;
    return true;
}

void folio_scraped_features(unit *u)
{
    const char *s = u->text;
    size_t n = u->len, i = 0;
    bool in_word = false;
    u->chars = u->cjk = u->words = 0;
    size_t unspaced = 0; /* letters of scripts written without spaces between words */
    while (i < n) {
        int32_t c;
        i += folio_utf8_next(s + i, n - i, &c);
        u->chars++;
        /* Thai, Lao, Myanmar and Khmer write words without spaces, as CJK
         * does: a letter weighs as a CJK character */
        bool run_on = c >= 0x0E00 && c <= 0x17FF && (c <= 0x0EFF || (c >= 0x1000 && c <= 0x109F) || c >= 0x1780);
        unspaced += run_on;
        if (folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c) || run_on) {
            u->cjk++;
            in_word = false;
        } else if (folio_is_letter(c) || folio_is_digit(c)) {
            if (!in_word)
                u->words++;
            in_word = true;
        } else if (c != '\'' && c != 0x2019 && c != '-') {
            in_word = false;
        }
    }
    size_t width = folio_text_width(s, n);
    u->width = width > UINT32_MAX ? UINT32_MAX : (uint32_t)width;
    /* Last significant character: skip closing quotes and brackets. */
    size_t end = n, start;
    int32_t c = folio_utf8_last(s, end, &start);
    u->last_cp = c;
    while (end > 0 && is_closer(c)) {
        end = start;
        c = folio_utf8_last(s, end, &start);
    }
    u->end_cp = end > 0 ? c : 0;
    u->abbrev_end = c == '.' && initials_end(s, end);
    u->ends_sentence = end > 0 && is_sentence_end(c); /* "… in the U.S." may end one */
    u->ends_colon = u->last_cp == ':' || u->last_cp == 0xFF1A;
    u->quoted_whole = whole_quote(s, n);
    bool cjk_text = u->cjk * 2 >= u->chars;
    bool clause = folio_contains(s, n, "\xEF\xBC\x8C") || folio_contains(s, n, "\xE3\x80\x82") ||
                  folio_contains(s, n, "\xEF\xBC\x9B");
    /* A sentence end anywhere counts for CJK: "…城！（评论员 罗博）". */
    bool cjk_stop = folio_contains(s, n, "\xE3\x80\x82") || folio_contains(s, n, "\xEF\xBC\x81") ||
                    folio_contains(s, n, "\xEF\xBC\x9F");
    /* Mixed text ("来自…的tombkeeper则发表了…"): a CJK character weighs a word. */
    size_t weight = u->words + u->cjk;
    if (cjk_text)
        u->prose = ((u->ends_sentence || cjk_stop) && u->cjk >= 10) || (u->chars >= 40 && clause) ||
                   /* Thai and its neighbours end a sentence with a space, not a mark */
                   (unspaced * 2 >= u->chars && u->chars >= 40 && folio_contains(s, n, " "));
    else
        u->prose = (u->ends_sentence && weight >= 8) ||
                   (weight >= 20 && (folio_contains(s, n, ". ") || folio_contains(s, n, ", ")));
}

/* ------------------------------------------------------------------ */
/* lexicons                                                            */

/* The lists come from the vocabulary table (vocab.c): LIST(KIND, MODE). */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char **boiler_sorted, **marker_sorted;
static size_t boiler_count, marker_count;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static const char **sorted_copy(const char *const *list, size_t *count)
{
    size_t n = 0;
    *count = 0;
    if (!list)
        return NULL;
    while (list[n])
        n++;
    const char **copy = malloc(n * sizeof *copy);
    if (!copy) {
        *count = 0;
        return NULL;
    }
    memcpy(copy, list, n * sizeof *copy);
    qsort(copy, n, sizeof *copy, cmp_str);
    *count = n;
    return copy;
}

static needles boiler_any, caption_any;

static void lex_init(void)
{
    /* Lists are tiny; sorting once lets a 100 MB input use bsearch per line. */
    boiler_sorted = sorted_copy(folio_vocab_list(VK_BOILER, VM_LINE), &boiler_count);
    marker_sorted = sorted_copy(folio_vocab_list(VK_MARKER, VM_LINE), &marker_count);
    boiler_any.list = folio_vocab_list(VK_BOILER, VM_ANYWHERE);
    caption_any.list = folio_vocab_list(VK_CAPTION, VM_ANYWHERE);
    needles_init(&boiler_any);
    needles_init(&caption_any);
}

static void lex_once_init(void)
{
    pthread_once(&lex_once, lex_init);
}

/* Lower-case ASCII, drop a trailing colon and white space; returns length. */
static size_t lex_key(const char *s, size_t n, char *out, size_t cap)
{
    if (n >= cap)
        return 0;
    size_t k = folio_vocab_trim_label(s, n);
    for (size_t i = 0; i < k; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[k] = '\0';
    return k;
}

static bool in_sorted(const char **list, size_t count, const char *s, size_t n)
{
    char key[96];
    if (!list || !lex_key(s, n, key, sizeof key))
        return false;
    const char *p = key;
    return bsearch(&p, list, count, sizeof *list, cmp_str) != NULL;
}

static bool is_boiler_word(const char *s, size_t n)
{
    pthread_once(&lex_once, lex_init);
    return in_sorted(boiler_sorted, boiler_count, s, n);
}

/* The word a page shows where a picture stands ("Image", "图片"), alone on
 * the line (case and a trailing colon aside). */
bool folio_scraped_picture_word(const char *s, size_t n)
{
    wordlist l = LIST(PICTURE, LINE);
    n = folio_vocab_trim_label(s, n);
    for (size_t w = 0; l.w && l.w[w]; w++)
        if (n == l.len[w] && folio_starts_with_ci(s, n, l.w[w]))
            return true;
    return false;
}

bool folio_scraped_related_word(const char *s, size_t n)
{
    pthread_once(&lex_once, lex_init);
    return in_sorted(marker_sorted, marker_count, s, n);
}

/* ------------------------------------------------------------------ */
/* line tests                                                          */

static bool is_count_line(const char *s, size_t n)
{
    wordlist counter = LIST(COUNTER, COUNTER);
    bool digit = false, word = false;
    size_t d = 0;
    while (d < n && !isdigit((unsigned char)s[d]) && !((unsigned char)s[d] == 0xEF && d + 2 < n &&
                                                        (unsigned char)s[d + 1] == 0xBC))
        d++;
    if (d == n) /* a counter has a number: most lines end here */
        return false;
    size_t i = 0;
    while (i < n) {
        size_t longest = 0; /* "阅读数" before "阅读", "likes" before "like" */
        int first = tolower((unsigned char)s[i]);
        for (size_t w = 0; counter.w && counter.w[w]; w++)
            if (counter.len[w] > longest && tolower((unsigned char)counter.w[w][0]) == first &&
                folio_starts_with_ci(s + i, n - i, counter.w[w]))
                longest = counter.len[w];
        if (longest) {
            i += longest;
            word = true;
            continue;
        }
        int32_t c;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (folio_is_digit(c) || c == 'k' || c == 'K' || c == 0x4E07 /* 万 */) {
            digit = digit || folio_is_digit(c);
        } else if (!(folio_is_space(c) || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 ||
                     c == ':' || c == 0xFF1A || c == '+' || c == '.' || c == ',' || c == '|' ||
                     c == 0xB7)) {
            return false;
        }
        i += k;
    }
    return digit && word;
}

/* Several words glued without spaces ("surveyDevSecOpsAI/MLsecurity"):
 * rendered tag lists and toggle buttons. */
static bool glued_words(const char *s, size_t n)
{
    int transitions = 0;
    for (size_t i = 1; i < n; i++)
        if (islower((unsigned char)s[i - 1]) && isupper((unsigned char)s[i]))
            transitions++;
    if (transitions >= 3)
        return true;
    /* "RecommendRecommended", "FollowFollowing": a word glued to its own
     * inflection is a two-state button rendered as text. */
    for (size_t i = 4; i < n; i++) {
        if (!isupper((unsigned char)s[i]) || !islower((unsigned char)s[i - 1]))
            continue;
        size_t w = i;
        size_t start = 0;
        for (size_t j = i; j-- > 0;)
            if (!isalpha((unsigned char)s[j])) {
                start = j + 1;
                break;
            }
        w = i - start;
        if (w >= 4 && i + w <= n && memcmp(s + start, s + i, w) == 0)
            return true;
    }
    return false;
}

/* A line whose every token is a boilerplate word ("QQ空间 QQ好友 新浪微博"). */
static size_t next_token(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '|'))
        (*i)++;
    size_t start = *i;
    while (*i < n && s[*i] != ' ' && s[*i] != '|')
        (*i)++;
    return start;
}

static bool all_boiler_tokens(const char *s, size_t n)
{
    int tokens = 0, misses = 0;
    size_t i = 0;
    while (i < n)
        if (next_token(s, n, &i) < i)
            tokens++;
    if (tokens < 2)
        return false;
    /* Stop as soon as 80% can no longer be reached: most lines are prose. */
    i = 0;
    while (i < n) {
        size_t start = next_token(s, n, &i);
        if (i > start && !is_boiler_word(s + start, i - start) &&
            !is_count_line(s + start, i - start) && (tokens - ++misses) * 10 < tokens * 8)
            return false;
    }
    return true;
}

/* "IPP公共关系与传播中心" is not a credit; "排版|周浩锴", "责编：薛艺磊" are. */
static bool is_credit(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    if (u->chars > 80)
        return false;
    if (any_prefix(s, n, LIST(CREDIT, PREFIX)))
        return true;
    wordlist anywhere = LIST(CREDIT, ANYWHERE);
    for (size_t w = 0; anywhere.w && anywhere.w[w]; w++)
        if (memmem(s, n, anywhere.w[w], anywhere.len[w]))
            return true;
    /* Skip a short button label such as "【纠错】", or an opening parenthesis
     * ("（责编：李四）"), before the label. */
    size_t off = 0;
    if (s[0] == '(')
        off = 1;
    else if (folio_starts_with_ci(s, n, "（"))
        off = 3;
    if (off == 0 && folio_starts_with_ci(s, n, "\xE3\x80\x90")) {
        const char *close = strstr(s, "\xE3\x80\x91");
        if (close && (size_t)(close - s) < 20) {
            off = (size_t)(close - s) + 3;
            while (off < n && s[off] == ' ')
                off++;
        }
    }
    wordlist labels = LIST(CREDIT, LABEL);
    for (size_t w = 0; labels.w && labels.w[w]; w++) {
        if (!folio_starts_with_ci(s + off, n - off, labels.w[w]))
            continue;
        size_t k = off + labels.len[w];
        while (k < n && s[k] == ' ')
            k++;
        if (k >= n)
            return false;
        int32_t c;
        size_t step = folio_utf8_next(s + k, n - k, &c);
        bool sep = c == ':' || c == 0xFF1A || c == '|' || c == 0xFF5C || c == '/' || c == 0xFF0F;
        /* A separator, then a short name: not the start of a sentence. */
        return sep && k + step < n && !u->prose;
    }
    return false;
}

static bool is_caption(const unit *u, const lower *l)
{
    const char *s = u->text;
    size_t n = u->len;
    if (u->chars > 400)
        return false;
    if (any_prefix(s, n, LIST(CAPTION, PREFIX)) || any_contains(l, &caption_any))
        return true;
    /* "…新华社记者 才扬 摄", "（张三 摄）", "… Getty Images": a photographer's
     * or an agency's credit at the end; a CJK one after CJK text. */
    wordlist suffixes = LIST(CAPTION, SUFFIX);
    size_t hit = any_suffix(s, n, suffixes);
    return hit && ((unsigned char)suffixes.w[hit - 1][0] < 0x80 || u->cjk > 2);
}

static bool is_note(const unit *u)
{
    return any_prefix(u->text, u->len, LIST(NOTE, PREFIX));
}

/* A label alone on its line (optionally with a colon): "划重点：", "导语:". */
static bool is_bare_label(const unit *u, wordlist labels)
{
    char key[64];
    size_t k = lex_key(u->text, u->len, key, sizeof key);
    if (!k)
        return false;
    for (size_t w = 0; labels.w && labels.w[w]; w++)
        if (labels.len[w] == k && memcmp(key, labels.w[w], k) == 0)
            return true;
    return false;
}

/* "摘要：text" - a summary label followed by the summary itself. */
static bool is_summary_line(const unit *u)
{
    wordlist labels = LIST(SUMMARY, LABEL);
    for (size_t w = 0; labels.w && labels.w[w]; w++) {
        size_t k = labels.len[w];
        if (u->len <= k + 3 || !folio_starts_with_ci(u->text, u->len, labels.w[w]))
            continue;
        const char *rest = u->text + k;
        if (*rest == ':' || memcmp(rest, "\xEF\xBC\x9A", 3) == 0)
            return true;
    }
    return false;
}

/* A label of the list inside the line, then a separator (a space, a
 * colon, a bar) and a name without sentence punctuation. */
static bool labelled_name(const char *s, size_t n, wordlist labels)
{
    if (folio_contains(s, n, "，") || folio_contains(s, n, "。"))
        return false;
    for (size_t w = 0; labels.w && labels.w[w]; w++) {
        const char *at = memmem(s, n, labels.w[w], labels.len[w]);
        if (!at)
            continue;
        size_t k = (size_t)(at - s) + labels.len[w];
        if (k < n && (s[k] == ' ' || s[k] == ':' || s[k] == '|' || s[k] == '/' ||
                      folio_starts_with_ci(s + k, n - k, "：") || folio_starts_with_ci(s + k, n - k, "｜") ||
                      folio_starts_with_ci(s + k, n - k, "／")))
            return true;
    }
    return false;
}

/* Does the text open with a byline's label ("By ", "作者：")? */
bool folio_scraped_byline_opens(const char *s, size_t n)
{
    return any_prefix(s, n, LIST(BYLINE, PREFIX));
}


static bool is_byline(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    if (u->chars > 60 || u->ends_sentence)
        return false;
    if (folio_scraped_byline_opens(s, n))
        return true;
    if (n > 3 && memcmp(s + n - 3, " by", 3) == 0 && u->words <= 8)
        return true; /* "Written on Feb 24 by" above the author's name */
    /* "《棱镜》作者 周纯": a label inside a short line, a name after it; not
     * "对此，作者也想说：" or "该文观点仅代表作者本人" */
    if (u->chars <= 24 && !u->ends_colon && labelled_name(s, n, LIST(BYLINE, ANYWHERE)))
        return true;
    if ((s[0] == '[' || folio_starts_with_ci(s, n, "［")) && (s[n - 1] == ']' ||
        ends_with(s, n, "］")) && u->chars <= 30)
        return true;
    return false;
}

static bool is_source_line(const unit *u)
{
    /* "原标题：…" names the article as first published: metadata too. */
    return (u->chars <= 40 && any_prefix(u->text, u->len, LIST(SOURCE, PREFIX))) ||
           (u->chars <= 120 && any_prefix(u->text, u->len, LIST(ORIGINAL, PREFIX)));
}


static bool is_series_link(const char *s, size_t n)
{
    if (!folio_starts_with_ci(s, n, "【") && !folio_starts_with_ci(s, n, "[") &&
        folio_utf8_count(s, n) > 30)
        return false;
    /* "【第3回】…" "第12回：…": a link to another part of the series. */
    size_t i = 0;
    if (folio_starts_with_ci(s, n, "【") || folio_starts_with_ci(s, n, "["))
        i = s[0] == '[' ? 1 : 3;
    if (!folio_starts_with_ci(s + i, n - i, "第"))
        return false;
    i += 3;
    size_t d = i;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    return d > i && (folio_starts_with_ci(s + d, n - d, "回") || folio_starts_with_ci(s + d, n - d, "話"));
}

static bool is_dateline(const unit *u)
{
    char date[11];
    /* A date inside a sentence does not make a date line. */
    if (u->chars > 100 || u->prose)
        return false;
    if (u->cjk * 2 < u->chars && u->words > 12)
        return false;
    return folio_parse_date(u->text, u->len, date);
}

/* "Read more: <headline>", "相关阅读：<标题>": a link to another article. */
static bool inline_related(const unit *u)
{
    return u->chars <= 160 && !u->ends_colon && any_prefix(u->text, u->len, LIST(RELATED, PREFIX));
}

/* The start of the comments: "5 thoughts on “…”", "12 Comments",
 * "Leave a Reply", "网友评论". */
static bool comments_header(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len, d = 0;
    if (u->chars > 120)
        return false;
    wordlist heads = LIST(COMMENTS, LINE), after = LIST(COMMENTS, AFTER_NUMBER);
    for (size_t w = 0; heads.w && heads.w[w]; w++)
        if (n == heads.len[w] && folio_starts_with_ci(s, n, heads.w[w]))
            return true;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    if (d == 0 || d >= n || s[d] != ' ')
        return false;
    for (size_t w = 0; after.w && after.w[w]; w++)
        if (folio_starts_with_ci(s + d + 1, n - d - 1, after.w[w]))
            return true;
    return false;
}

static bool has_inner_sentence_break(const unit *u);

bool folio_scraped_comments_opener(const unit *u)
{
    if (u->chars > 40 || u->ends_sentence || has_inner_sentence_break(u))
        return false;
    if (comments_header(u))
        return true;
    bool count = false;
    for (size_t i = 0; i < u->len && !count; i++)
        count = isdigit((unsigned char)u->text[i]);
    if (u->words < 2 && u->cjk < 3 && !count)
        return false;
    lower l;
    lower_init(&l, u->text, u->len);
    wordlist stems = LIST(COMMENT_WORD, ANYWHERE);
    for (size_t w = 0; l.ok && stems.w && stems.w[w]; w++)
        if (memmem(l.buf, l.n, stems.w[w], stems.len[w]))
            return true;
    return false;
}

unit_class folio_scraped_classify(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    lower l;
    lower_init(&l, s, n);
    if (is_series_link(s, n))
        return C_SERIES;
    if (is_caption(u, &l))
        return C_CAPTION;
    if (is_credit(u))
        return C_CREDIT;
    if (is_note(u))
        return C_NOTE;
    if (is_bare_label(u, LIST(SUMMARY, LABEL)))
        return C_LABEL_SUMMARY;
    if (is_bare_label(u, LIST(LEAD, LINE)))
        return C_LABEL_LEAD;
    if (is_summary_line(u))
        return C_SUMMARY;
    if (u->chars <= 40 && is_boiler_word(s, n)) /* "Supported by" is no byline */
        return C_BOILER;
    if (is_dateline(u))
        return C_DATELINE;
    if (is_source_line(u))
        return C_SOURCE;
    if (is_byline(u))
        return C_BYLINE;
    if ((u->chars <= 24 && folio_scraped_related_word(s, n)) || comments_header(u))
        return C_MARKER;
    /* "关于IPP", "About The Intercept": an "about us" block follows. */
    if (u->width <= 16 && !u->ends_sentence &&
        (any_prefix(s, n, LIST(MARKER, PREFIX)) || any_suffix(s, n, LIST(MARKER, SUFFIX))))
        return C_MARKER;
    if (u->chars <= 40 && is_count_line(s, n))
        return C_BOILER;
    if (inline_related(u))
        return C_BOILER;
    /* "This article is more than 2 years old" (an archive banner) */
    if (u->width <= 40 && !u->prose &&
        (any_prefix(s, n, LIST(BOILER, PREFIX)) || any_suffix(s, n, LIST(BOILER, SUFFIX))))
        return C_BOILER;
    if (u->chars <= 300 && (any_contains(&l, &boiler_any) || all_boiler_tokens(s, n)))
        return C_BOILER;
    if (!u->prose && u->cjk == 0 && glued_words(s, n))
        return C_BOILER;
    /* Breadcrumbs: "CSDN首页> 业界", "位置：首页 > 新闻动态", "ITmedia PC USER >",
     * "人民网>>文化". */
    if (!u->prose && u->chars <= 60 && !folio_scraped_codeish(u) &&
        (folio_contains(s, n, " > ") || ends_with(s, n, ">") || folio_contains(s, n, "> ") ||
         folio_contains(s, n, ">>")))
        return C_BOILER;
    int ordered;
    if (folio_list_marker(s, n, &ordered) && !ordered)
        return C_LIST;
    return C_PLAIN;
}

/* ------------------------------------------------------------------ */
/* shapes                                                              */

static bool has_inner_sentence_break(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    if (folio_contains(s, n, "\xEF\xBC\x8C") || folio_contains(s, n, "\xE3\x80\x82") ||
        folio_contains(s, n, "\xEF\xBC\x9B"))
        return true;
    for (size_t i = 1; i + 2 < n; i++)
        if ((s[i] == '.' || s[i] == ';') && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2]) &&
            islower((unsigned char)s[i - 1]))
            return true;
    return false;
}

bool folio_scraped_title_shaped(const unit *u)
{
    /* Headlines may exclaim or ask ("…英雄的城！"), but never end like a
     * sentence of running text, and hold one sentence at most. */
    if (u->cls != C_PLAIN || (has_inner_sentence_break(u) && u->cjk * 2 < u->chars))
        return false;
    if (folio_contains(u->text, u->len, "\xE3\x80\x82"))
        return false;
    int32_t c = u->last_cp;
    if (c == 0x3002 || (c == '.' && !u->abbrev_end) || c == ',' || c == 0xFF0C || c == ';' || c == 0xFF1B ||
        c == 0x3001 || u->ends_colon)
        return false;
    if (u->cjk * 2 >= u->chars)
        return u->chars >= 6 && u->chars <= 80;
    return u->words >= 3 && u->words <= 24;
}

bool folio_scraped_heading_shaped(const unit *u)
{
    if (u->cls != C_PLAIN && u->cls != C_LABEL_LEAD)
        return false;
    int ordered;
    bool numbered = folio_list_marker(u->text, u->len, &ordered) && ordered;
    int32_t c = u->last_cp, first;
    folio_utf8_next(u->text, u->len, &first);
    if (c == 0x3002 || (c == '.' && !u->abbrev_end) || c == ',' || c == 0xFF0C || c == ';' || c == 0xFF1B ||
        c == 0x3001)
        return false;
    if (u->ends_colon && u->chars > 12)
        return false;
    if ((u->end_cp == '.' && !u->abbrev_end) || u->end_cp == 0x3002) /* “… in a hospital.” */
        return false;
    if (folio_is_lower(first) && u->cjk == 0)
        return false;
    if (has_inner_sentence_break(u))
        return false;
    if (u->cjk * 2 >= u->chars)
        return u->chars <= (numbered ? 40u : 30u);
    if (u->chars > 120)
        return false;
    return u->words + u->cjk <= (numbered ? 20u : 12u);
}

bool folio_scraped_codeish(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    if (u->cjk || u->prose || n == 0)
        return false;
    if (s[0] == '#' || s[0] == '$' || folio_starts_with_ci(s, n, "//") ||
        folio_starts_with_ci(s, n, "/*"))
        return true;
    /* "}", "});", "]": the end of a block of code */
    bool alnum = false, closer = false;
    for (size_t i = 0; i < n; i++) {
        alnum = alnum || isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
        closer = closer || s[i] == '}' || s[i] == ']' || s[i] == ')';
    }
    if (!alnum && closer)
        return true;
    int signals = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '{' || c == '}' || c == ';' || c == '=' || c == '(' || c == '<' || c == '"' ||
            c == '>' || c == '|' || c == '\\' || c == '$')
            signals++;
        /* command-line options: " -g", " --port" */
        if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 2 < n &&
            (isalpha((unsigned char)s[i + 1]) || (s[i + 1] == '-' && isalpha((unsigned char)s[i + 2]))))
            signals++;
    }
    return signals >= 2 || (signals >= 1 && u->words <= 6 && islower((unsigned char)s[0]));
}
