/*
 * features.c - what the labeller knows of each unit: its shape (length,
 * script, punctuation, case), its words (stop-word or function-character
 * density, hits in the vocabulary of page furniture), its place on the page
 * (position, distance from the densest run of prose, blank lines around),
 * how often its template repeats (digits masked: "3 hours ago", "Reply"),
 * how much of it the article's prose repeats (a headline's words), what the
 * editor's rules made of it, and the same for its neighbours.
 */
#include "model.h"
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* the features                                                        */

#define BASE_FEATURES(X) \
    X(len_log) X(words_log) X(len_1_3) X(len_4_10) X(len_11_25) X(len_26_50) X(len_51_100) \
    X(len_101_200) X(len_over_200) X(cjk_ratio) X(latin_ratio) X(digit_ratio) X(punct_ratio) \
    X(upper_ratio) X(titlecase_ratio) X(ends_sentence) X(ends_colon) X(ends_comma) X(ends_bare) \
    X(ends_exclaim_ask) X(starts_quote) X(whole_quote) X(parenthesised) X(starts_digit) \
    X(starts_lower) X(sentences_log) X(stopword_density) X(function_char_density) X(has_url) \
    X(has_at) X(has_bar) X(separators_log) X(has_date) X(has_time) X(has_copyright) \
    X(list_bullet) X(list_number) \
    X(cls_plain) X(cls_boiler) X(cls_marker) X(cls_credit) X(cls_note) X(cls_caption) \
    X(cls_dateline) X(cls_byline) X(cls_source) X(cls_summary) X(cls_label_summary) \
    X(cls_label_lead) X(cls_list) X(cls_series) \
    X(rule_quote) X(rule_caption) X(rule_heading) \
    X(title_shaped) X(heading_shaped) X(names_only) X(codeish) X(prose) X(indent) \
    X(blank_before) X(blank_after) X(template_repeats_log) X(exact_repeats_log) \
    X(position) X(prose_density_5) X(prose_density_15) \
    X(prose_back_log) X(prose_ahead_log) X(in_cluster) X(before_cluster) X(after_cluster) \
    X(cluster_start_log) X(cluster_end_log) X(body_overlap) X(body_overlap_rank) \
    X(meta_follows) X(first_prose_ahead) X(copied_elsewhere) X(inside_longer) X(headline_rank) X(before_anchor) X(anchor_dist_log) X(overlap_found_log) \
    X(headline_repeated) X(headline_overlap) X(headline_meta_follows) X(headline_before_prose) \
    X(lead_log) X(gaps) X(code_char_ratio) X(ends_code) X(window_repeats) X(window_headlines) \
    X(window_dates) X(marker_above_log) X(cluster_overlap) X(good_pair) X(cluster_headline_rank) \
    X(prose_mass_ahead_log) X(prose_mass_behind_log) \
    X(m_html) X(m_heading) X(m_h1) X(m_p) X(m_item) X(m_quote) X(m_caption) X(m_pre) X(m_cell) \
    X(m_nav) X(m_aside) X(m_footer) X(m_header) X(m_form) X(m_article) X(m_figure) X(m_after_img) \
    X(m_bold) X(m_link) X(m_class_furniture) X(m_class_caption) X(m_class_meta) X(m_time) \
    X(m_in_box) X(m_near_box)

#define ENUM_ITEM(name) F_##name,
enum { BASE_FEATURES(ENUM_ITEM) N_BASE };
#define NAME_ITEM(name) #name,
static const char *const base_names[] = { BASE_FEATURES(NAME_ITEM) };

/* What the neighbours (previous and next unit) contribute. */
#define CONTEXT_FEATURES(X) \
    X(len_log) X(ends_sentence) X(ends_colon) X(ends_bare) X(prose) X(heading_shaped) \
    X(title_shaped) X(in_cluster) X(template_repeats_log) X(cls_boiler) X(cls_marker) \
    X(cls_dateline) X(cls_byline) X(cls_caption) X(cls_credit) X(rule_caption) X(rule_heading) X(has_url) \
    X(separators_log) X(digit_ratio) \
    X(list_bullet) X(blank_before) X(names_only) X(gaps) X(lead_log) X(code_char_ratio) X(cluster_overlap) \
    X(m_heading) X(m_link) X(m_class_furniture) X(m_after_img) X(m_in_box)
#define CONTEXT_ITEM(name) F_##name,
#define PREV_NAME(name) "prev:" #name,
#define NEXT_NAME(name) "next:" #name,
static const int context[] = { CONTEXT_FEATURES(CONTEXT_ITEM) };
enum { N_CONTEXT = sizeof context / sizeof context[0] };
/* Two units away: length and sentence end only. */
enum { F_FAR = N_BASE + 2 * N_CONTEXT, N_FEATURES = F_FAR + 4 };
static const char *const other_names[] = {
    CONTEXT_FEATURES(PREV_NAME) CONTEXT_FEATURES(NEXT_NAME)
    "prev2:len_log", "prev2:ends_sentence", "next2:len_log", "next2:ends_sentence",
};

int folio_feature_count(void)
{
    return N_FEATURES;
}

const char *folio_feature_name(int j)
{
    if (j < 0 || j >= N_FEATURES)
        return "?";
    return j < N_BASE ? base_names[j] : other_names[j - N_BASE];
}

/* ------------------------------------------------------------------ */
/* words                                                               */

/* The commonest function words of the Latin-script languages the reader
 * meets most (en fr de es pt): their density tells running text from
 * labels, names and menus. */
static const char *const stopwords[] = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was",
    "were", "be", "been", "it", "its", "that", "this", "as", "at", "by", "from", "but", "not",
    "have", "has", "had", "he", "she", "they", "we", "you", "his", "her", "their", "our",
    "which", "who", "will", "would", "can", "if", "than", "there", "so", "about", "into",
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans",
    "pour", "pas", "sur", "au", "aux", "il", "elle", "ce", "se", "ne", "par", "plus", "avec",
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von",
    "sich", "auf", "für", "dem", "auch", "es", "als", "wie", "im", "bei", "wird",
    "el", "los", "las", "y", "del", "por", "con", "para", "una", "su", "al", "lo", "como",
    "más", "pero", "sus", "le", "ya", "o", "fue", "ha", "sí", "porque",
    "o", "os", "as", "do", "da", "dos", "das", "em", "no", "na", "um", "uma", "é", "não",
    "com", "mais", "ao", "foi", "pelo", "pela", NULL,
};

/* The stop words in a small open-addressing set of their FNV hashes, made
 * once: the test runs for every word of the text. */
static uint64_t stop_set[512];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static void stop_init(void)
{
    for (const char *const *s = stopwords; *s; s++) {
        uint64_t h = folio_word_hash(*s, strlen(*s));
        size_t i = h & 511;
        while (stop_set[i] && stop_set[i] != h)
            i = (i + 1) & 511;
        stop_set[i] = h;
    }
}

static bool is_stopword(const char *w, size_t n)
{
    if (n == 0 || n > 8)
        return false;
    pthread_once(&stop_once, stop_init);
    uint64_t h = folio_word_hash(w, n);
    for (size_t i = h & 511; stop_set[i]; i = (i + 1) & 511)
        if (stop_set[i] == h)
            return true;
    return false;
}

/* Function characters of Chinese and Japanese running text. */
static bool is_function_char(int32_t c)
{
    static const int32_t set[] = { 0x7684, 0x4E86, 0x662F, 0x5728, 0x548C, 0x6709, 0x6211, 0x8FD9,
                                   0x4E5F, 0x5C31, 0x4E0D, 0x4EEC, 0x4E2A, 0x5BF9, 0x800C,
                                   0x306E, 0x306F, 0x304C, 0x3092, 0x306B, 0x3067, 0x3068, 0x305F,
                                   0x3057, 0x3066, 0x3082, 0x3059 };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return true;
    return false;
}

static bool is_separator(int32_t c)
{
    return c == '|' || c == 0xFF5C || c == 0x00B7 || c == 0x203A || c == 0x00BB || c == 0x2192 ||
           c == '/' || c == 0x2022 || c == '>' || c == 0x30FB;
}

static bool is_sentence_mark(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* ------------------------------------------------------------------ */
/* the unit's own text                                                 */

typedef struct counts {
    int chars, cjk, latin, digit, punct, upper, letters, words, title_words, stop, func,
        sentences, seps, code;
    bool url, at, copyright, time;
} counts;

static void count_text(const unit *u, counts *k)
{
    const char *s = u->text;
    size_t n = u->len, i = 0, word_start = 0;
    bool in_word = false;
    memset(k, 0, sizeof *k);
    while (i <= n) {
        int32_t c = 0;
        size_t step = i < n ? folio_utf8_next(s + i, n - i, &c) : 1;
        bool wordy = i < n && c < 0x3000 && (folio_is_letter(c) || c == '\'');
        if (in_word && !wordy) {
            k->words++;
            k->stop += is_stopword(s + word_start, i - word_start);
            int32_t head;
            folio_utf8_next(s + word_start, n - word_start, &head);
            k->title_words += folio_is_upper(head);
        }
        if (wordy && !in_word)
            word_start = i;
        in_word = wordy;
        if (i >= n)
            break;
        k->chars++;
        if (folio_is_han(c) || folio_is_kana(c) || folio_is_hangul(c)) {
            k->cjk++;
            k->func += is_function_char(c);
        } else if (folio_is_letter(c)) {
            k->letters++;
            k->latin += c < 0x250;
            k->upper += folio_is_upper(c);
        } else if (folio_is_digit(c)) {
            k->digit++;
        } else if (c != ' ') {
            k->punct++;
            k->seps += is_separator(c);
            k->code += c < 0x80 && strchr("{}[]()<>=;_\\$#*&|`", (int)c) != NULL;
            k->sentences += is_sentence_mark(c) && i + step < n;
            k->copyright |= c == 0xA9;
            k->time |= c == ':' && i >= 1 && i + 1 < n && isdigit((unsigned char)s[i - 1]) &&
                       isdigit((unsigned char)s[i + 1]);
            k->at |= c == '@';
        }
        i += step;
    }
    k->url = folio_contains(s, n, "http") || folio_contains(s, n, "www.") || folio_contains(s, n, ".com");
}

static float ratio(int a, int b)
{
    return b > 0 ? (float)a / (float)b : 0.0f;
}

static void shape_features(const unit *u, float *f)
{
    counts k;
    count_text(u, &k);
    int c = k.chars + k.cjk; /* width: a CJK character is two columns */
    f[F_len_log] = logf(1.0f + (float)c);
    f[F_words_log] = logf(1.0f + (float)(k.words + k.cjk));
    f[F_len_1_3] = c <= 3;
    f[F_len_4_10] = c > 3 && c <= 10;
    f[F_len_11_25] = c > 10 && c <= 25;
    f[F_len_26_50] = c > 25 && c <= 50;
    f[F_len_51_100] = c > 50 && c <= 100;
    f[F_len_101_200] = c > 100 && c <= 200;
    f[F_len_over_200] = c > 200;
    f[F_cjk_ratio] = ratio(k.cjk, c);
    f[F_latin_ratio] = ratio(k.latin, c);
    f[F_digit_ratio] = ratio(k.digit, c);
    f[F_punct_ratio] = ratio(k.punct, c);
    f[F_upper_ratio] = ratio(k.upper, k.letters);
    f[F_titlecase_ratio] = ratio(k.title_words, k.words);
    f[F_ends_sentence] = u->ends_sentence;
    f[F_ends_colon] = u->ends_colon;
    f[F_ends_comma] = u->last_cp == ',' || u->last_cp == 0xFF0C || u->last_cp == 0x3001;
    f[F_ends_bare] = folio_is_letter(u->last_cp) || folio_is_digit(u->last_cp) ||
                     folio_is_han(u->last_cp) || folio_is_kana(u->last_cp);
    f[F_ends_exclaim_ask] = u->end_cp == '!' || u->end_cp == '?' || u->end_cp == 0xFF01 ||
                            u->end_cp == 0xFF1F;
    int32_t first;
    folio_utf8_next(u->text, u->len, &first);
    f[F_starts_quote] = folio_scraped_is_open_quote(first);
    f[F_whole_quote] = u->quoted_whole;
    f[F_parenthesised] = (first == '(' || first == 0xFF08) && (u->last_cp == ')' || u->last_cp == 0xFF09);
    f[F_starts_digit] = folio_is_digit(first);
    f[F_starts_lower] = folio_is_lower(first);
    f[F_sentences_log] = logf(1.0f + (float)k.sentences);
    f[F_stopword_density] = ratio(k.stop, k.words);
    f[F_function_char_density] = ratio(k.func, k.cjk);
    f[F_has_url] = k.url;
    f[F_has_at] = k.at;
    f[F_has_bar] = folio_contains(u->text, u->len, "|") || folio_contains(u->text, u->len, "｜");
    f[F_separators_log] = logf(1.0f + (float)k.seps);
    f[F_has_time] = k.time;
    f[F_has_copyright] = k.copyright;
    int ordered;
    bool marker = folio_list_marker(u->text, u->len, &ordered) > 0;
    f[F_list_bullet] = marker && !ordered;
    f[F_list_number] = marker && ordered;
    f[F_lead_log] = logf(1.0f + (float)u->lead);
    f[F_gaps] = u->gaps;
    f[F_code_char_ratio] = ratio(k.code, c);
    f[F_ends_code] = u->last_cp == ';' || u->last_cp == '{' || u->last_cp == '}' || u->last_cp == ')';
}

/* The unit's class from the vocabulary, and what the editor's rules read
 * where the reading needs context the line model lacks: a quotation
 * introduced by "said:" or repeated nearby, a described photo.  (Their
 * other verdicts were tuned on a few pages: as features they taught the
 * model to trust them, and it read unseen pages worse.) */
static void class_features(const unit *u, float *f)
{
    f[F_cls_plain + u->cls] = 1;
    f[F_rule_quote] = u->role == R_BLOCK && u->btype == FOLIO_BLOCK_QUOTE;
    f[F_rule_caption] = u->role == R_BLOCK && u->btype == FOLIO_BLOCK_CAPTION;
    f[F_rule_heading] = u->role == R_BLOCK && u->btype == FOLIO_BLOCK_HEADING;
    f[F_title_shaped] = folio_scraped_title_shaped(u);
    f[F_heading_shaped] = folio_scraped_heading_shaped(u);
    f[F_names_only] = u->cls == C_PLAIN && folio_scraped_names_only(u->text, u->len);
    f[F_codeish] = folio_scraped_codeish(u);
    f[F_prose] = u->prose;
    f[F_indent] = u->indent;
}

/* ------------------------------------------------------------------ */
/* the page                                                            */

/* The unit's template: lower case, every run of digits one "0". */
static uint64_t template_hash(const unit *u)
{
    uint64_t h = FOLIO_FNV_BASIS;
    bool digits = false;
    for (size_t i = 0; i < u->len; i++) {
        char c = u->text[i];
        if (isdigit((unsigned char)c)) {
            if (!digits)
                h = folio_fnv(h, "0", 1);
            digits = true;
            continue;
        }
        digits = false;
        c = folio_ascii_lower(c);
        h = folio_fnv(h, &c, 1);
    }
    return h;
}

/* A small open-addressing table of 64-bit keys and counts. */
typedef struct table {
    uint64_t *key;
    uint32_t *count;
    size_t mask, used;
    uint32_t full;            /* where keys go that find no room: counted nowhere */
} table;

static bool table_init(table *t, size_t items)
{
    size_t cap = 16;
    while (cap < items * 2)
        cap <<= 1;
    t->key = calloc(cap, sizeof *t->key);
    t->count = calloc(cap, sizeof *t->count);
    t->mask = cap - 1;
    t->used = 0;
    t->full = 0;
    return t->key && t->count;
}

static void table_free(table *t)
{
    free(t->key);
    free(t->count);
}

/* Twice the slots, when half are used.  On failure the table stays as it
 * was, and fills up to 7/8 before it refuses keys (table_slot's NULL). */
static void table_grow(table *t)
{
    table big;
    if (!table_init(&big, t->mask + 1)) {
        table_free(&big);
        return;
    }
    for (size_t i = 0; i <= t->mask; i++)
        if (t->key[i]) {
            size_t j = (size_t)(t->key[i] ^ (t->key[i] >> 29)) & big.mask;
            while (big.key[j])
                j = (j + 1) & big.mask;
            big.key[j] = t->key[i];
            big.count[j] = t->count[i];
        }
    big.used = t->used;
    table_free(t);
    *t = big;
}

static uint32_t *table_slot(table *t, uint64_t k)
{
    if (t->used * 2 >= t->mask + 1)
        table_grow(t);
    if (t->used * 8 >= (t->mask + 1) * 7) {
        t->full = 0;
        return &t->full;
    }
    k |= 1; /* 0 marks an empty slot */
    size_t i = (size_t)(k ^ (k >> 29)) & t->mask;
    while (t->key[i] && t->key[i] != k)
        i = (i + 1) & t->mask;
    if (!t->key[i])
        t->key[i] = k, t->used++;
    return &t->count[i];
}

/* What the whole page tells about each unit, computed once: template and
 * text repetition, the prose cluster, prose counts, word overlap. */
struct folio_page {
    float *tpl, *exact, *overlap;
    uint8_t *copy;            /* 1: the text stands inside a longer unit */
    float *rank;              /* 1/k for the k-th headline-like unit back from the anchor */
    float *crank;             /* the same back from the start of the densest run of prose */
    double *cum_chars;        /* characters of prose in units 0..i-1 */
    int *cum;                 /* prose units before i */
    int *ahead, *behind;      /* the next prose unit from i; the last one before i */
    float best_overlap;
    int from, to;             /* the densest run of prose */
    int anchor;               /* where the article's text starts */
    int *cum_repeat, *cum_headline, *cum_dated; /* counts of units before i */
    int *marker;              /* the last unit at or above i that opens a list or a thread, or -1 */
    uint8_t *dated;           /* a short line with a date (1) or a time (2) */
    float *cluster_overlap;   /* share of the unit's words in the prose of the cluster */
    float *found;             /* log of the words found in the prose */
    uint32_t box;             /* web page: the element that holds the article's paragraphs (0: none) */
};

/* The count of key k, without adding it. */
static uint32_t table_count(const table *t, uint64_t k)
{
    k |= 1;
    size_t i = (size_t)(k ^ (k >> 29)) & t->mask;
    while (t->key[i] && t->key[i] != k)
        i = (i + 1) & t->mask;
    return t->key[i] ? t->count[i] : 0;
}

/* How often each unit's template and exact text occur on the page. */
static bool repeat_stats(const reader *r, folio_page *p)
{
    table tpl, exact;
    bool ok = table_init(&tpl, (size_t)r->n) && table_init(&exact, (size_t)r->n);
    uint64_t *keys = ok ? malloc((size_t)r->n * 2 * sizeof *keys) : NULL;
    if (keys) {
        for (int i = 0; i < r->n; i++) {
            keys[2 * i] = template_hash(&r->u[i]);
            keys[2 * i + 1] = folio_fnv(FOLIO_FNV_BASIS, r->u[i].text, r->u[i].len);
            ++*table_slot(&tpl, keys[2 * i]);
            ++*table_slot(&exact, keys[2 * i + 1]);
        }
        for (int i = 0; i < r->n; i++) {
            p->tpl[i] = logf((float)*table_slot(&tpl, keys[2 * i]));
            p->exact[i] = logf((float)*table_slot(&exact, keys[2 * i + 1]));
        }
    }
    free(keys);
    table_free(&tpl);
    table_free(&exact);
    return keys != NULL;
}

/* The densest run of prose: the stretch of units that maximises the prose
 * characters in it less a cost for every unit that is not prose (Kadane's
 * maximum subarray). */
static void prose_cluster(const reader *r, int *from, int *to)
{
    double best = 0, run = 0;
    int start = 0;
    *from = 0;
    *to = -1;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        double v = u->prose ? 1.0 + (double)(u->chars < 600 ? u->chars : 600) / 100.0 : -1.0;
        if (run <= 0) {
            run = 0;
            start = i;
        }
        run += v;
        if (run > best) {
            best = run;
            *from = start;
            *to = i;
        }
    }
}

/* Tokens for the overlap: Latin words of 3+ letters that are not stop
 * words, lower-cased; CJK character pairs. */
typedef void (*token_fn)(void *user, uint64_t token);

static void tokens(const unit *u, token_fn fn, void *user)
{
    const char *s = u->text;
    size_t n = u->len, i = 0, ws = 0, prev_at = 0;
    int32_t prev = 0;
    bool in_word = false;
    while (i <= n) {
        int32_t c = 0;
        size_t step = i < n ? folio_utf8_next(s + i, n - i, &c) : 1;
        bool cjk = i < n && (folio_is_han(c) || folio_is_kana(c));
        bool wordy = i < n && !cjk && (folio_is_letter(c) || folio_is_digit(c));
        if (in_word && !wordy && i - ws >= 3 && !is_stopword(s + ws, i - ws)) {
            uint64_t h = FOLIO_FNV_BASIS;
            for (size_t k = ws; k < i; k++) {
                char low = folio_ascii_lower(s[k]);
                h = folio_fnv(h, &low, 1);
            }
            fn(user, h);
        }
        if (wordy && !in_word)
            ws = i;
        in_word = wordy;
        if (cjk && prev)
            fn(user, folio_fnv(7, s + prev_at, i + step - prev_at));
        prev = cjk ? c : 0;
        prev_at = i;
        i += step;
    }
}

/* Two tables of words: the prose of the page, and the prose of its
 * densest run. */
typedef struct overlap {
    table *all, *cluster;
    bool in_cluster;
    int total, found, found_cluster;
    uint32_t min, min_cluster;
} overlap;

static void add_token(void *user, uint64_t tok)
{
    overlap *o = user;
    ++*table_slot(o->all, tok);
    if (o->in_cluster)
        ++*table_slot(o->cluster, tok);
}

static void look_token(void *user, uint64_t tok)
{
    overlap *o = user;
    o->total++;
    o->found += table_count(o->all, tok) >= o->min;
    o->found_cluster += table_count(o->cluster, tok) >= o->min_cluster;
}

/* Share of the unit's words that the article's prose also uses (its own
 * words not counted): a headline names what the article is about, a promo
 * or a menu does not; and the share the densest run of prose uses: the
 * article's topic, against a teaser's or a comment's.  Two words found of
 * two say little: short lines count as three words. */
static bool overlap_stats(const reader *r, folio_page *p)
{
    table all, cluster;
    bool ok = table_init(&all, 1024) && table_init(&cluster, 1024);
    overlap o = { .all = &all, .cluster = &cluster };
    for (int i = 0; ok && i < r->n; i++)
        if (r->u[i].prose) {
            o.in_cluster = i >= p->from && i <= p->to;
            tokens(&r->u[i], add_token, &o);
        }
    for (int i = 0; ok && i < r->n; i++) {
        const unit *u = &r->u[i];
        o.total = o.found = o.found_cluster = 0;
        o.min = u->prose ? 2 : 1;
        o.min_cluster = u->prose && i >= p->from && i <= p->to ? 2 : 1;
        if (u->len < 2000)
            tokens(u, look_token, &o);
        float div = (float)(o.total > 3 ? o.total : 3);
        p->overlap[i] = (float)o.found / div;
        p->cluster_overlap[i] = (float)o.found_cluster / div;
        p->found[i] = logf(1.0f + (float)o.found);
        if (!u->prose && p->overlap[i] > p->best_overlap)
            p->best_overlap = p->overlap[i];
    }
    table_free(&all);
    table_free(&cluster);
    return ok;
}

static bool headline_like(const unit *u);

/* A paragraph of some length: fifteen words, or thirty CJK characters. */
static bool good_prose(const unit *u)
{
    return u->prose && (u->words >= 15 || u->cjk >= 30);
}

/* Text of the article, not a headline: a paragraph long enough, or one that
 * does not read as a headline. */
static bool running_text(const unit *u)
{
    return u->prose && (u->chars >= 120 || u->cjk >= 50 || !headline_like(u));
}

/* Where the article's text starts: the first paragraph of running text
 * with another close below it (else the first paragraph of running text,
 * else the first prose, else the end). */
static int text_anchor(const reader *r)
{
    int first = -1, prose = -1;
    for (int i = 0; i < r->n; i++) {
        if (prose < 0 && r->u[i].prose)
            prose = i;
        if (!running_text(&r->u[i]))
            continue;
        if (first < 0)
            first = i;
        for (int j = i + 1; j < r->n && j <= i + 3; j++)
            if (running_text(&r->u[j]))
                return i;
    }
    return first >= 0 ? first : prose >= 0 ? prose : r->n;
}

/* Does the text end with a full stop after a word (not an abbreviation:
 * "N.Y.C.", "U.S.", "Inc." may end a headline)? */
static bool ends_with_full_stop(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len;
    if (n < 3 || s[n - 1] != '.' || !folio_is_lower((unsigned char)s[n - 2]))
        return false;
    size_t w = n - 1;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    return memchr(s + w, '.', n - 1 - w) == NULL && !folio_is_upper((unsigned char)s[w]);
}

/* Could the unit be a headline: a plain line of a few words without a
 * sentence break inside or a comma or colon at the end ("N.Y.C." may end
 * one). */
static bool headline_like(const unit *u)
{
    if (u->cls != C_PLAIN || u->ends_colon || u->last_cp == ',' || u->last_cp == 0xFF0C)
        return false;
    if (u->cjk * 2 >= u->chars)
        return u->cjk >= 5 && u->chars <= 80 && !folio_contains(u->text, u->len, "\xE3\x80\x82");
    if (u->words < 2 || u->words > 30 || (u->words >= 8 && ends_with_full_stop(u)))
        return false;
    for (size_t i = 1; i + 2 < u->len; i++) /* ". Next sentence" */
        if ((u->text[i] == '.' || u->text[i] == '?' || u->text[i] == '!') && u->text[i + 1] == ' ' &&
            folio_is_upper((unsigned char)u->text[i + 2]) && folio_is_lower((unsigned char)u->text[i - 1]))
            return false;
    return true;
}

/* A headline is often shown twice: in a breadcrumb or the browser title
 * ("Title | Site"), a sticky bar, a share box.  Which short units (10 to
 * 200 characters) stand inside a longer one (at most three times as long
 * and 80 bytes more), and how near each headline-shaped unit stands before
 * the start of the prose (the nearest is 1, the next 1/2...).  One pass over
 * the units that could hold one: the short units are found by their first
 * eight bytes at each position (a hash of them), compared whole only there.
 * A page can hold thousands of short units that open alike ("Section Head
 * 1 …", "Section Head 2 …"): the search follows the latest CHAIN_MAX of
 * them, so that the page costs a bounded walk per position (a 3 MB page of
 * such heads took 27 s); the others go unmatched. */
enum { CHAIN_MAX = 64 };
static uint64_t key8(const char *s)
{
    uint64_t k;
    memcpy(&k, s, 8);
    return k;
}

static size_t key_slot(const uint64_t *keys, const int *head, size_t mask, uint64_t k)
{
    size_t s = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (head[s] >= 0 && keys[s] != k)
        s = (s + 1) & mask;
    return s;
}

typedef struct short_units {
    uint64_t *keys;            /* first eight bytes, by hash slot */
    int *head, *next;          /* the units of a slot, chained */
    int *rep;                  /* a unit whose text an earlier one says: that one, else -1 */
    size_t mask;
    uint8_t pairs[8192];       /* bit set: the first two bytes of some short unit */
} short_units;

static unsigned pair_of(const char *s)
{
    return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
}

static void find_inside(const reader *r, folio_page *p, const short_units *t, int j)
{
    const unit *v = &r->u[j];
    const uint64_t *keys = t->keys;
    const int *head = t->head, *next = t->next;
    size_t mask = t->mask;
    for (size_t at = 0; at + 8 <= v->len; at++) {
        unsigned pair = pair_of(v->text + at);
        if (!(t->pairs[pair >> 3] & (1u << (pair & 7))))
            continue;
        size_t s = key_slot(keys, head, mask, key8(v->text + at));
        int walked = 0;
        for (int i = head[s]; i >= 0 && walked < CHAIN_MAX; i = next[i], walked++) {
            const unit *u = &r->u[i];
            if (i != j && !(p->copy[i] & 1) && v->len > u->len && v->len < u->len * 3 + 80 &&
                at + u->len <= v->len && memcmp(v->text + at, u->text, u->len) == 0)
                p->copy[i] |= 1;
        }
    }
}

static bool copy_stats(const reader *r, folio_page *p)
{
    short_units *t = calloc(1, sizeof *t);
    size_t longest = 0;
    if (!t)
        return false;
    t->mask = 15;
    while (t->mask < 2 * (size_t)r->n)
        t->mask = t->mask * 2 + 1;
    t->head = malloc((t->mask + 1) * sizeof *t->head);
    t->next = malloc(((size_t)r->n + 1) * sizeof *t->next);
    t->rep = malloc(((size_t)r->n + 1) * sizeof *t->rep);
    t->keys = malloc((t->mask + 1) * sizeof *t->keys);
    bool ok = t->head && t->next && t->keys && t->rep;
    for (size_t s = 0; ok && s <= t->mask; s++)
        t->head[s] = -1;
    for (int i = 0; ok && i < r->n; i++)
        t->rep[i] = -1;
    for (int i = 0; ok && i < r->n; i++) {
        const unit *u = &r->u[i];
        if (u->chars < 10 || u->chars > 200 || u->len < 8)
            continue;
        size_t s = key_slot(t->keys, t->head, t->mask, key8(u->text));
        int same = t->head[s], walked = 0;
        while (same >= 0 && walked++ < CHAIN_MAX &&
               !(r->u[same].len == u->len && memcmp(r->u[same].text, u->text, u->len) == 0))
            same = t->next[same];
        if (walked > CHAIN_MAX)
            same = -1; /* not among the latest: taken as new */
        t->rep[i] = same; /* a text said before is found where it is */
        if (same >= 0)
            continue;
        t->keys[s] = key8(u->text);
        t->next[i] = t->head[s];
        t->head[s] = i;
        unsigned pair = pair_of(u->text);
        t->pairs[pair >> 3] |= (uint8_t)(1u << (pair & 7));
        longest = u->len > longest ? u->len : longest;
    }
    for (int j = 0; ok && j < r->n; j++)
        if (r->u[j].len < longest * 3 + 80)
            find_inside(r, p, t, j);
    for (int i = 0; ok && i < r->n; i++)
        if (t->rep[i] >= 0)
            p->copy[i] |= p->copy[t->rep[i]] & 1;
    free(t->rep);
    free(t->head);
    free(t->next);
    free(t->keys);
    free(t);
    if (!ok)
        return false;
    int k = 0;
    for (int i = p->anchor - 1; i >= 0 && k < 8; i--)
        if (headline_like(&r->u[i]))
            p->rank[i] = 1.0f / (float)++k;
    /* The same from the start of the densest run of prose: where the text
     * starts by the rules may be a login box's sentence above the article. */
    k = 0;
    for (int i = p->from - 1; i >= 0 && k < 8; i--)
        if (headline_like(&r->u[i]))
            p->crank[i] = 1.0f / (float)++k;
    return true;
}

/* Counts behind the window features: units whose template repeats three
 * times or more (a thread's "Reply", a list's "3 hours ago"), units that
 * read as headlines (a list of teasers alternates them with summaries),
 * units with a date or a time; and the last marker of a list or thread. */
static void window_stats(const reader *r, folio_page *p)
{
    int last_marker = -1;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        char date[11];
        p->dated[i] = u->chars > 80 ? 0 : folio_parse_date(u->text, u->len, date) ? 1
                    : folio_contains(u->text, u->len, ":") ? 2 : 0;
        bool dated = p->dated[i] != 0;
        p->cum_repeat[i + 1] = p->cum_repeat[i] + (p->tpl[i] >= 1.0986f); /* log 3 */
        p->cum_headline[i + 1] = p->cum_headline[i] + headline_like(u);
        p->cum_dated[i + 1] = p->cum_dated[i] + dated;
        if (u->cls == C_MARKER)
            last_marker = i;
        p->marker[i] = last_marker;
    }
}

int folio_page_copies(const folio_page *p, int i)
{
    return (int)lroundf(expf(p->exact[i]));
}

void folio_page_free(folio_page *p)
{
    if (!p)
        return;
    free(p->tpl);
    free(p->exact);
    free(p->overlap);
    free(p->copy);
    free(p->cum_repeat);
    free(p->cum_headline);
    free(p->cum_dated);
    free(p->marker);
    free(p->dated);
    free(p->cluster_overlap);
    free(p->found);
    free(p->rank);
    free(p->cum_chars);
    free(p->cum);
    free(p->ahead);
    free(p->behind);
    free(p);
}

/* Web page: the element whose paragraphs are the article, as Readability
 * finds it: each unit of prose gives its characters to the element around
 * its block and half of them to the one around that; the element with the
 * most holds the article. */
static bool find_box(const reader *r, folio_page *p)
{
    const html_page *pg = r->page;
    if (!pg || pg->n_nodes < 2)
        return true;
    double *score = calloc(pg->n_nodes, sizeof *score);
    if (!score)
        return false;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        uint32_t node = u->hint.node;
        if (!u->prose || node >= pg->n_nodes)
            continue;
        uint32_t up = pg->nodes[node].parent, up2 = pg->nodes[up].parent;
        score[up] += u->chars;
        score[up2] += u->chars / 2.0;
    }
    for (uint32_t k = 1; k < pg->n_nodes; k++)
        if (score[k] > score[p->box])
            p->box = k;
    free(score);
    return true;
}

folio_page *folio_page_new(const reader *r)
{
    folio_page *p = calloc(1, sizeof *p);
    size_t n = (size_t)r->n;
    if (!p || !(p->tpl = malloc((n + 1) * sizeof(float))) || !(p->exact = malloc((n + 1) * sizeof(float))) ||
        !(p->overlap = malloc((n + 1) * sizeof(float))) || !(p->copy = calloc(n + 1, 1)) ||
        !(p->rank = calloc(2 * (n + 1), sizeof(float))) || !(p->cum_repeat = calloc(n + 1, sizeof(int))) ||
        !(p->cum_headline = calloc(n + 1, sizeof(int))) || !(p->cum_dated = calloc(n + 1, sizeof(int))) ||
        !(p->marker = calloc(n + 1, sizeof(int))) || !(p->dated = calloc(n + 1, 1)) || !(p->cluster_overlap = calloc(n + 1, sizeof(float))) || !(p->found = calloc(n + 1, sizeof(float))) || !(p->cum = malloc((n + 1) * sizeof(int))) ||
        !(p->ahead = malloc((n + 1) * sizeof(int))) || !(p->cum_chars = malloc((n + 1) * sizeof(double))) || !(p->behind = malloc((n + 1) * sizeof(int)))) {
        folio_page_free(p);
        return NULL;
    }
    p->crank = p->rank + n + 1;
    prose_cluster(r, &p->from, &p->to);
    if (!repeat_stats(r, p) || !overlap_stats(r, p)) {
        folio_page_free(p);
        return NULL;
    }
    p->anchor = text_anchor(r);
    if (!copy_stats(r, p)) {
        folio_page_free(p);
        return NULL;
    }
    window_stats(r, p);
    p->cum[0] = 0;
    p->cum_chars[0] = 0;
    for (int i = 0; i < r->n; i++) {
        p->cum[i + 1] = p->cum[i] + r->u[i].prose;
        p->cum_chars[i + 1] = p->cum_chars[i] + (r->u[i].prose ? r->u[i].chars : 0);
    }
    if (!find_box(r, p)) {
        folio_page_free(p);
        return NULL;
    }
    p->ahead[n] = -1;
    for (int i = r->n - 1; i >= 0; i--)
        p->ahead[i] = r->u[i].prose ? i : p->ahead[i + 1];
    for (int i = 0, last = -1; i < r->n; i++) {
        p->behind[i] = last;
        last = r->u[i].prose ? i : last;
    }
    return p;
}

static void place_features(const reader *r, const folio_page *p, int i, float *f)
{
    int n = r->n;
    const unit *u = &r->u[i];
    f[F_blank_before] = !u->adjacent;
    f[F_blank_after] = i + 1 >= n || !r->u[i + 1].adjacent;
    f[F_position] = n > 1 ? (float)i / (float)(n - 1) : 0;
    int a5 = i - 5 < 0 ? 0 : i - 5, b5 = i + 6 > n ? n : i + 6;
    int a15 = i - 15 < 0 ? 0 : i - 15, b15 = i + 16 > n ? n : i + 16;
    f[F_prose_density_5] = (float)(p->cum[b5] - p->cum[a5]) / (float)(b5 - a5);
    f[F_prose_density_15] = (float)(p->cum[b15] - p->cum[a15]) / (float)(b15 - a15);
    int back = p->behind[i], ahead = i + 1 < n ? p->ahead[i + 1] : -1;
    f[F_prose_back_log] = logf(1.0f + (float)(back >= 0 ? i - back : 50));
    f[F_prose_ahead_log] = logf(1.0f + (float)(ahead >= 0 ? ahead - i : 50));
    f[F_first_prose_ahead] = back < 0 && !u->prose;
    f[F_in_cluster] = i >= p->from && i <= p->to;
    f[F_before_cluster] = i < p->from;
    f[F_after_cluster] = i > p->to;
    f[F_cluster_start_log] = logf(1.0f + (float)abs(i - p->from));
    f[F_cluster_end_log] = logf(1.0f + (float)abs(i - p->to));
    f[F_template_repeats_log] = p->tpl[i];
    f[F_has_date] = p->dated[i] == 1;
    f[F_exact_repeats_log] = p->exact[i];
    f[F_body_overlap] = p->overlap[i];
    f[F_body_overlap_rank] = !u->prose && p->best_overlap > 0 && p->overlap[i] >= p->best_overlap;
    f[F_copied_elsewhere] = p->exact[i] > 0.5f || (p->copy[i] & 1);
    f[F_inside_longer] = p->copy[i] & 1;
    f[F_headline_rank] = p->rank[i];
    f[F_cluster_headline_rank] = p->crank[i];
    /* how much running text follows within twelve units, and precedes: a
     * headline has the article below it and little above */
    int ahead12 = i + 13 > n ? n : i + 13, behind12 = i - 12 < 0 ? 0 : i - 12;
    f[F_prose_mass_ahead_log] = logf(1.0f + (float)(p->cum_chars[ahead12] - p->cum_chars[i + 1]));
    f[F_prose_mass_behind_log] = logf(1.0f + (float)(p->cum_chars[i] - p->cum_chars[behind12]));
    f[F_before_anchor] = i < p->anchor;
    f[F_anchor_dist_log] = logf(1.0f + (float)abs(p->anchor - i));
    f[F_overlap_found_log] = p->found[i];
    int a = i - 5 < 0 ? 0 : i - 5, b = i + 6 > n ? n : i + 6;
    f[F_window_repeats] = (float)(p->cum_repeat[b] - p->cum_repeat[a]) / (float)(b - a);
    a = i - 4 < 0 ? 0 : i - 4, b = i + 5 > n ? n : i + 5;
    f[F_window_headlines] = (float)(p->cum_headline[b] - p->cum_headline[a]) / (float)(b - a);
    a = i - 3 < 0 ? 0 : i - 3, b = i + 4 > n ? n : i + 4;
    f[F_window_dates] = (float)(p->cum_dated[b] - p->cum_dated[a]) / (float)(b - a);
    f[F_marker_above_log] = logf(1.0f + (float)(p->marker[i] >= 0 ? i - p->marker[i] : 200));
    f[F_cluster_overlap] = p->cluster_overlap[i];
    /* jusText's good block: substantial prose with substantial prose beside it */
    f[F_good_pair] = good_prose(u) && ((i > 0 && good_prose(&r->u[i - 1])) || (i + 1 < n && good_prose(&r->u[i + 1])));
}

/* What a web page's markup said of the unit (all zero for plain text). */
static void markup_features(const reader *r, const folio_page *p, const unit *u, float *f)
{
    const html_page *pg = r->page;
    if (!pg)
        return;
    if (p->box && u->hint.node < pg->n_nodes) {
        const html_node *box = &pg->nodes[p->box], *around = &pg->nodes[box->parent];
        uint32_t at = u->hint.node;
        f[F_m_in_box] = at >= p->box && at <= box->end;
        f[F_m_near_box] = !f[F_m_in_box] && at >= box->parent && at <= around->end;
    }
    unsigned fl = u->hint.flags;
    f[F_m_html] = 1;
    f[F_m_heading] = u->hint.tag == HT_HEADING;
    f[F_m_h1] = u->hint.tag == HT_HEADING && u->hint.level == 1;
    f[F_m_p] = u->hint.tag == HT_P;
    f[F_m_item] = u->hint.tag == HT_ITEM;
    f[F_m_quote] = u->hint.tag == HT_QUOTE;
    f[F_m_caption] = u->hint.tag == HT_CAPTION;
    f[F_m_pre] = u->hint.tag == HT_PRE;
    f[F_m_cell] = u->hint.tag == HT_CELL;
    f[F_m_nav] = (fl & HF_NAV) != 0;
    f[F_m_aside] = (fl & HF_ASIDE) != 0;
    f[F_m_footer] = (fl & HF_FOOTER) != 0;
    f[F_m_header] = (fl & HF_HEADER) != 0;
    f[F_m_form] = (fl & HF_FORM) != 0;
    f[F_m_article] = (fl & HF_ARTICLE) != 0;
    f[F_m_figure] = (fl & HF_FIGURE) != 0;
    f[F_m_after_img] = (fl & HF_AFTER_IMG) != 0;
    f[F_m_bold] = (fl & HF_BOLD) != 0;
    f[F_m_link] = (fl & HF_LINK) != 0;
    f[F_m_class_furniture] = (fl & HF_FURNITURE) != 0;
    f[F_m_class_caption] = (fl & HF_CAPTION_CLASS) != 0;
    f[F_m_class_meta] = (fl & HF_META_CLASS) != 0;
    f[F_m_time] = (fl & HF_TIME) != 0;
}

/* The unit's own features (everything but the neighbours'). */
static void own_features(const reader *r, const folio_page *p, int i, float *f)
{
    memset(f, 0, N_FEATURES * sizeof *f);
    shape_features(&r->u[i], f);
    class_features(&r->u[i], f);
    place_features(r, p, i, f);
    markup_features(r, p, &r->u[i], f);
    /* a date or a byline within the next three units: the header (after
     * the start of the article's text, a byline below ends the article) */
    for (int j = i + 1; i < p->anchor && j < r->n && j <= i + 3; j++) {
        const unit *v = &r->u[j];
        if (v->cls == C_DATELINE || v->cls == C_BYLINE || p->dated[j] == 1)
            f[F_meta_follows] = 1;
    }
    /* a headline and a cue together: a line model adds cues, it cannot
     * require two at once */
    if (f[F_title_shaped] > 0 || f[F_heading_shaped] > 0) {
        f[F_headline_repeated] = f[F_copied_elsewhere];
        f[F_headline_overlap] = f[F_body_overlap];
        f[F_headline_meta_follows] = f[F_meta_follows];
        f[F_headline_before_prose] = f[F_first_prose_ahead] || f[F_before_cluster];
    }
}

void folio_page_features(const reader *r, const folio_page *p, int from, int to, float *x, float *scratch)
{
    /* scratch holds the own features of units from-2 .. to+1 */
    int lo = from - 2 < 0 ? 0 : from - 2, hi = to + 2 > r->n ? r->n : to + 2;
    for (int i = lo; i < hi; i++)
        own_features(r, p, i, scratch + (size_t)(i - lo) * N_FEATURES);
    for (int i = from; i < to; i++) {
        float *f = x + (size_t)(i - from) * N_FEATURES;
        memcpy(f, scratch + (size_t)(i - lo) * N_FEATURES, N_FEATURES * sizeof *f);
        for (int side = 0; side < 2; side++) {
            int j = side ? i + 1 : i - 1;
            if (j < 0 || j >= r->n)
                continue;
            const float *g = scratch + (size_t)(j - lo) * N_FEATURES;
            for (int k = 0; k < N_CONTEXT; k++)
                f[N_BASE + side * N_CONTEXT + k] = g[context[k]];
        }
        for (int side = 0; side < 2; side++) {
            int j = side ? i + 2 : i - 2;
            if (j < 0 || j >= r->n)
                continue;
            const float *g = scratch + (size_t)(j - lo) * N_FEATURES;
            f[F_FAR + 2 * side] = g[F_len_log];
            f[F_FAR + 2 * side + 1] = g[F_ends_sentence];
        }
    }
}
