/*
 * meta.c - dates, bylines, sources and title clean-up.
 */
#include "scraped.h"
#include "vocab.h"
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* Does word w end in an English contraction or possessive ("I'm", "You're",
 * "Editor's", "Allan’s")?  No personal name does ("O'Brien", "D'Arcy",
 * "Ng'ang'a" go on past the apostrophe otherwise).  Gold: of 23 lines of
 * capitalised words holding one, 22 are furniture ("Hi, I'm Nicolas.",
 * "Today's Paper"), 1 a heading; no byline. */
static bool contraction(const char *w, size_t len)
{
    static const char *const tails[] = { "s", "m", "re", "ve", "ll", "d", "t" };
    while (len && (w[len - 1] == '.' || w[len - 1] == ','))
        len--;
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        size_t t = strlen(tails[k]);
        if (len < t + 2 || memcmp(w + len - t, tails[k], t) != 0)
            continue;
        if (w[len - t - 1] == '\'' || (len >= t + 4 && memcmp(w + len - t - 3, "\xE2\x80\x99", 3) == 0))
            return true;
    }
    return false;
}

/* A line of personal names only ("Ann Lee, Bo Chen"). */
bool folio_scraped_names_only(const char *s, size_t n)
{
    /* Capitalised Latin words, at most four a name, names joined by ",",
     * "and", "&": "Ibtisam Mahdi, Ruwaida Kamal Amer".  CJK names are
     * recognised only with a label (作者, 文/), never bare. */
    int words = 0, in_name = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i += 1;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && s[i] != ' ' && s[i] != ',')
            i++;
        size_t len = i - start;
        const char *w = s + start;
        if ((len == 3 && memcmp(w, "and", 3) == 0) || (len == 1 && *w == '&')) {
            in_name = 0;
            continue;
        }
        /* Words of titles and ALL-CAPS words are not names. */
        static const char *const stop[] = { "The", "A", "An", "Of", "In", "On", "For", "To",
            "With", "From", "At", "Is", "Are", "Why", "How", "What", "When", "Where", "Who",
            "New", "Our", "Your", "My", "This", "That", "Part", "Chapter", "Section", NULL };
        for (const char *const *st = stop; *st; st++)
            if (len == strlen(*st) && memcmp(w, *st, len) == 0)
                return false;
        if (len >= 2 && isupper((unsigned char)w[0]) && isupper((unsigned char)w[1]) &&
            !(len == 2 && w[1] == '.'))
            return false;
        if (contraction(w, len))
            return false;
        size_t k = 0;
        bool first = true;
        while (k < len) {
            int32_t c;
            k += folio_utf8_next(w + k, len - k, &c);
            bool ok = first ? folio_is_upper(c) && c < 0x250
                            : (folio_is_letter(c) && c < 0x250) || c == '.' || c == '-' ||
                              c == '\'' || c == 0x2019;
            if (!ok)
                return false;
            first = false;
        }
        words++;
        if (++in_name > 4)
            return false;
        if (i < n && s[i] == ',')
            in_name = 0;
    }
    return words >= 2 && words <= 12;
}

/* ------------------------------------------------------------------ */
/* dates                                                               */

static const char *const months[12] = { "jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec" };

/* Read up to `max` digits (ASCII, full-width, Arabic-Indic, Persian: those
 * has_figure finds) at s[*i]; -1 if none. */
static int read_num(const char *s, size_t n, size_t *i, int max)
{
    int v = 0, k = 0;
    while (*i < n && k < max) {
        int32_t c;
        size_t step = folio_utf8_next(s + *i, n - *i, &c);
        if (c >= '0' && c <= '9')
            v = v * 10 + (c - '0');
        else if (c >= 0xFF10 && c <= 0xFF19)
            v = v * 10 + (c - 0xFF10);
        else if (c >= 0x0660 && c <= 0x0669) /* Arabic-Indic */
            v = v * 10 + (c - 0x0660);
        else if (c >= 0x06F0 && c <= 0x06F9) /* Persian */
            v = v * 10 + (c - 0x06F0);
        else
            break;
        *i += step;
        k++;
    }
    return k ? v : -1;
}

static void skip_spaces(const char *s, size_t n, size_t *i)
{
    while (*i < n && s[*i] == ' ')
        (*i)++;
}

static bool valid_date(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* 2025-05-31, 2025/5/31, 2025.05.31, 2025年5 月31日 at s[i]. */
static bool numeric_date(const char *s, size_t n, size_t i, int *y, int *m, int *d)
{
    if (i > 0 && isdigit((unsigned char)s[i - 1]))
        return false;
    *y = read_num(s, n, &i, 4);
    if (*y < 1000)
        return false;
    skip_spaces(s, n, &i);
    bool cjk = folio_starts_with_ci(s + i, n - i, "年");
    if (cjk)
        i += 3;
    else if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.'))
        i++;
    else
        return false;
    skip_spaces(s, n, &i);
    *m = read_num(s, n, &i, 2);
    skip_spaces(s, n, &i);
    if (cjk && folio_starts_with_ci(s + i, n - i, "月"))
        i += 3;
    else if (!cjk && i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.'))
        i++;
    else
        return false;
    skip_spaces(s, n, &i);
    *d = read_num(s, n, &i, 2);
    return valid_date(*y, *m, *d);
}

/* The months' short names in the other languages the reader knows, where
 * they differ from the English ones (Spanish, Portuguese, French, German;
 * a name's longer form starts with them: "dezembro", "août", "März"). */
typedef struct month_name {
    const char *name;
    int month;
} month_name;

static const month_name other_months[] = {
    { "ene", 1 }, { "fev", 2 }, { "fév", 2 }, { "mär", 3 }, { "abr", 4 }, { "avr", 4 },
    { "mai", 5 }, { "juin", 6 }, { "juil", 7 }, { "ago", 8 }, { "aoû", 8 }, { "set", 9 },
    { "out", 10 }, { "okt", 10 }, { "dic", 12 }, { "dez", 12 }, { "déc", 12 },
};

/* The months of languages none of the labelled pages is in, as their dates
 * write them (Italian, Dutch, Swedish, Danish, Polish, Czech, Romanian,
 * Finnish, Turkish, Indonesian; Russian and Ukrainian in the genitive;
 * Arabic, both the Egyptian and the Levantine names; Hebrew, also after
 * the preposition ב), where they differ from the English names: a date line
 * in them is a date line for the labeller too.  (The French, Spanish,
 * Portuguese and German names above are not: the weights were fitted with
 * those lines read as text, and stay as fitted until they are refitted.) */
static const month_name world_months[] = {
    { "gen", 1 }, { "mag", 5 }, { "giu", 6 }, { "lug", 7 }, { "ott", 10 }, { "mei", 5 }, { "maj", 5 },
    { "sty", 1 }, { "lut", 2 }, { "kwi", 4 }, { "cze", 6 }, { "lip", 7 }, { "sie", 8 }, { "wrz", 9 },
    { "paź", 10 }, { "lis", 11 }, { "gru", 12 }, { "led", 1 }, { "úno", 2 }, { "bře", 3 }, { "dub", 4 },
    { "kvě", 5 }, { "července", 7 }, { "červenec", 7 }, { "červen", 6 }, { "června", 6 }, { "srp", 8 }, { "zář", 9 },
    { "říj", 10 }, { "pro", 12 }, { "ian", 1 }, { "iun", 6 }, { "iul", 7 }, { "noi", 11 },
    { "tammi", 1 }, { "helmi", 2 }, { "maalis", 3 }, { "huhti", 4 }, { "touko", 5 }, { "kesä", 6 },
    { "heinä", 7 }, { "elo", 8 }, { "syys", 9 }, { "loka", 10 }, { "marras", 11 }, { "joulu", 12 },
    { "ocak", 1 }, { "şubat", 2 }, { "Şubat", 2 }, { "nisan", 4 }, { "haziran", 6 }, { "temmuz", 7 },
    { "ağustos", 8 }, { "eylül", 9 }, { "ekim", 10 }, { "kasım", 11 }, { "aralık", 12 }, { "agu", 8 },
    { "des", 12 },
    { "январ", 1 }, { "феврал", 2 }, { "март", 3 }, { "апрел", 4 }, { "мая", 5 }, { "май", 5 },
    { "июн", 6 }, { "июл", 7 }, { "август", 8 }, { "сентябр", 9 }, { "октябр", 10 }, { "ноябр", 11 },
    { "декабр", 12 }, { "січ", 1 }, { "лют", 2 }, { "берез", 3 }, { "квіт", 4 }, { "трав", 5 },
    { "черв", 6 }, { "лип", 7 }, { "серп", 8 }, { "верес", 9 }, { "жовт", 10 }, { "листопад", 11 },
    { "груд", 12 },
    { "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 }, { "ابريل", 4 }, { "مايو", 5 },
    { "يونيو", 6 }, { "يونيه", 6 }, { "يوليو", 7 }, { "يوليه", 7 }, { "أغسطس", 8 }, { "اغسطس", 8 },
    { "سبتمبر", 9 }, { "أكتوبر", 10 }, { "اكتوبر", 10 }, { "نوفمبر", 11 }, { "ديسمبر", 12 },
    { "كانون الثاني", 1 }, { "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 }, { "أيار", 5 }, { "حزيران", 6 },
    { "تموز", 7 }, { "آب", 8 }, { "أيلول", 9 }, { "تشرين الأول", 10 }, { "تشرين الثاني", 11 },
    { "كانون الأول", 12 },
    { "ינואר", 1 }, { "פברואר", 2 }, { "מרץ", 3 }, { "אפריל", 4 }, { "מאי", 5 }, { "יוני", 6 },
    { "יולי", 7 }, { "אוגוסט", 8 }, { "ספטמבר", 9 }, { "אוקטובר", 10 }, { "נובמבר", 11 }, { "דצמבר", 12 },
};

/* The month named at s[*i] in a table of names: its number, *i past the
 * word (and a dot after it); 0 if none. */
static int month_in(const char *s, size_t n, size_t *i, const month_name *t, size_t count)
{
    char first = *i < n ? folio_ascii_lower(s[*i]) : 0;
    for (size_t k = 0; k < count; k++) {
        if (folio_ascii_lower(t[k].name[0]) != first || !folio_starts_with_ci(s + *i, n - *i, t[k].name))
            continue;
        size_t j = *i + strlen(t[k].name);
        while (j < n && (isalpha((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80))
            j++;
        if (j < n && s[j] == '.')
            j++;
        *i = j;
        return t[k].month;
    }
    return 0;
}

/* The first two bytes (ASCII letters lower-cased) of the names of
 * world_months, as a bitmap: a date is looked for at every letter of a
 * short line, and nearly every position fails here, before the table. */
static uint8_t world_starts[65536 / 8];
static pthread_once_t world_once = PTHREAD_ONCE_INIT;

static unsigned start_key(const char *s, size_t n)
{
    return n < 2 ? 0 : (unsigned)(unsigned char)folio_ascii_lower(s[0]) << 8 | (unsigned char)folio_ascii_lower(s[1]);
}

static void world_init(void)
{
    for (size_t k = 0; k < sizeof world_months / sizeof world_months[0]; k++) {
        unsigned key = start_key(world_months[k].name, strlen(world_months[k].name));
        world_starts[key >> 3] |= (uint8_t)(1u << (key & 7));
    }
}

static int world_month_at(const char *s, size_t n, size_t *i)
{
    pthread_once(&world_once, world_init);
    unsigned key = start_key(s + *i, n - *i);
    if (!(world_starts[key >> 3] & (1u << (key & 7))))
        return 0;
    return month_in(s, n, i, world_months, sizeof world_months / sizeof world_months[0]);
}

/* Does a month of world_months follow s[i], past spaces? */
static bool world_month_follows(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return world_month_at(s, n, &i) != 0;
}

static int month_at(const char *s, size_t n, size_t *i, bool regional)
{
    size_t at = *i + (folio_starts_with_ci(s + *i, n - *i, "ב") ? 2 : 0); /* Hebrew "in" */
    int m = world_month_at(s, n, &at);
    if (m) {
        *i = at;
        return m;
    }
    if (regional && (m = month_in(s, n, i, other_months, sizeof other_months / sizeof other_months[0])))
        return m;
    for (int k = 0; k < 12; k++) {
        if (!folio_starts_with_ci(s + *i, n - *i, months[k]))
            continue;
        size_t j = *i + 3;
        while (j < n && isalpha((unsigned char)s[j]))
            j++;
        if (j < n && s[j] == '.')
            j++;
        *i = j;
        return k + 1;
    }
    return 0;
}

/* A weekday's name (English, three letters or more) at s[*i], and the
 * comma and spaces after it: skipped. */
static void weekday(const char *s, size_t n, size_t *i)
{
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        if (folio_starts_with_ci(s + *i, n - *i, days[k])) {
            while (*i < n && isalpha((unsigned char)s[*i]))
                (*i)++;
            if (*i < n && s[*i] == ',')
                (*i)++;
            skip_spaces(s, n, i);
            return;
        }
}

/* 08.04.2015: a date with dots, day first (as Europe writes it). */
static bool dotted_date(const char *s, size_t n, size_t i, int *y, int *m, int *d)
{
    if (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '.'))
        return false;
    *d = read_num(s, n, &i, 2);
    if (*d < 0 || i >= n || s[i] != '.')
        return false;
    i++;
    *m = read_num(s, n, &i, 2);
    if (*m < 0 || i >= n || s[i] != '.')
        return false;
    i++;
    *y = read_num(s, n, &i, 4);
    if (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'))
        return false;
    return valid_date(*y, *m, *d);
}

/* "June 25, 2024", "November 8 2023", "Nov. 8, 2023", "8 November 2023",
 * "Dec 28 Sat 2013", "21.dez.2018", "21-Dec-2018". */
static bool named_date(const char *s, size_t n, size_t i, int *y, int *m, int *d, bool regional)
{
    if (i > 0 && isalpha((unsigned char)s[i - 1]))
        return false;
    size_t j = i;
    if ((*m = month_at(s, n, &j, regional))) {
        skip_spaces(s, n, &j);
        *d = read_num(s, n, &j, 2);
        while (j < n && isalpha((unsigned char)s[j]))
            j++; /* 1st, 2nd, 25th */
        if (j < n && s[j] == ',')
            j++;
        skip_spaces(s, n, &j);
        if (regional)
            weekday(s, n, &j); /* "Dec 28 Sat 2013" */
        *y = read_num(s, n, &j, 4);
        if (j < n && isdigit((unsigned char)s[j]))
            return false;
        return valid_date(*y, *m, *d);
    }
    *d = read_num(s, n, &j, 2);
    if (*d < 0)
        return false;
    /* "21.dez.2018", "21-Dec-2018"; "5. července 2021" */
    if (j < n && (s[j] == '.' || s[j] == '-') && (regional || world_month_follows(s, n, j + 1)))
        j++;
    skip_spaces(s, n, &j);
    if (!(*m = month_at(s, n, &j, regional)))
        return false;
    if (regional && j < n && s[j] == '-')
        j++;
    if (j < n && s[j] == ',')
        j++;
    skip_spaces(s, n, &j);
    *y = read_num(s, n, &j, 4);
    return valid_date(*y, *m, *d);
}

/* Does s hold a digit that read_num reads (ASCII, full-width, Arabic-Indic,
 * Persian)?  Every date read here has its day or its year in figures. */
static bool has_figure(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        if (isdigit(p[i]) || (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBC && p[i + 2] >= 0x90 && p[i + 2] <= 0x99) ||
            (p[i] == 0xD9 && i + 1 < n && p[i + 1] >= 0xA0 && p[i + 1] <= 0xA9) ||
            (p[i] == 0xDB && i + 1 < n && p[i + 1] >= 0xB0 && p[i + 1] <= 0xB9))
            return true;
    return false;
}

static bool parse_date(const char *s, size_t n, char out[11], bool regional)
{
    if (!has_figure(s, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        int y, m, d;
        unsigned char c = (unsigned char)s[i];
        bool ok = false;
        if (isdigit(c) || c == 0xEF)
            ok = numeric_date(s, n, i, &y, &m, &d) ||
                 (isdigit(c) && (named_date(s, n, i, &y, &m, &d, regional) ||
                                 (regional && dotted_date(s, n, i, &y, &m, &d))));
        else if (isalpha(c) || (c >= 0xD0 && c <= 0xDB)) /* Latin, Cyrillic, Hebrew, Arabic */
            ok = named_date(s, n, i, &y, &m, &d, regional);
        if (ok) {
            snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
            return true;
        }
    }
    return false;
}

bool folio_parse_date(const char *s, size_t n, char out[11])
{
    return parse_date(s, n, out, false);
}

bool folio_read_date(const char *s, size_t n, char out[11])
{
    return parse_date(s, n, out, true);
}

/* ------------------------------------------------------------------ */
/* authors and sources                                                 */

static void add_author(reader *r, const char *s, size_t n)
{
    while (n && (s[0] == ' '))
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n == 0 || r->n_authors >= (int)(sizeof r->authors / sizeof r->authors[0]))
        return;
    const char *a = folio_arena_strndup(r->arena, s, n);
    for (int i = 0; i < r->n_authors; i++)
        if (a && strcmp(r->authors[i], a) == 0)
            return;
    if (a)
        r->authors[r->n_authors++] = a;
}

/* Split "A、B&C", "A, B and C", "A 胡一刀 B" into names. */
void folio_scraped_add_authors(reader *r, const char *s, size_t n)
{
    static const char *seps[] = { "、", "，", ",", "&", " and ", "；", ";", "/", " ", NULL };
    size_t start = 0, i = 0;
    /* names in an alphabet (Latin, Arabic, Cyrillic...) hold spaces; Han
     * names do not, and spaces part them */
    bool latin = false;
    for (size_t k = 0; k < n && !latin;) {
        int32_t c;
        k += folio_utf8_next(s + k, n - k, &c);
        latin = folio_is_letter(c) && !folio_is_han(c) && !folio_is_kana(c) && !folio_is_hangul(c);
    }
    while (i <= n) {
        size_t sep_len = 0;
        if (i < n)
            for (const char *const *p = seps; *p; p++) {
                /* Latin names contain spaces; split them only on the others. */
                if (latin && strcmp(*p, " ") == 0)
                    continue;
                if (folio_starts_with_ci(s + i, n - i, *p)) {
                    sep_len = strlen(*p);
                    break;
                }
            }
        if (i == n || sep_len) {
            if (i > start)
                add_author(r, s + start, i - start);
            i += sep_len ? sep_len : 1;
            start = i;
        } else {
            i++;
        }
    }
}

/* Does a "label：" or "Label:" field start at p (a colon within 5 characters)? */
static bool next_is_label(const char *p, const char *end)
{
    for (int chars = 0; p < end && chars < 6; chars++) {
        if (*p == ':' || (end - p >= 3 && memcmp(p, "\xEF\xBC\x9A", 3) == 0))
            return chars > 0;
        if (*p == ' ')
            return false;
        int32_t c;
        p += folio_utf8_next(p, (size_t)(end - p), &c);
    }
    return false;
}

/* Text after a label and its separator: "作者：X" -> "X". */
static const char *after_label(const char *s, size_t n, const char *label, size_t *out_len)
{
    const char *p = NULL;
    for (size_t i = 0; i + strlen(label) <= n; i++)
        if (memcmp(s + i, label, strlen(label)) == 0) {
            p = s + i + strlen(label);
            break;
        }
    if (!p)
        return NULL;
    const char *end = s + n;
    while (p < end && (*p == ' ' || *p == ':' || *p == '/' || *p == '|'))
        p++;
    if (end - p >= 3 && (memcmp(p, "\xEF\xBC\x9A", 3) == 0 || memcmp(p, "\xEF\xBD\x9C", 3) == 0))
        p += 3;
    while (p < end && *p == ' ')
        p++;
    /* The value stops at the next field: two spaces, "|", or a space before
     * another label ("来源：海城日报 作者：李明"). */
    const char *q = p;
    while (q < end && *q != '|' && !(q[0] == ' ' && q + 1 < end && q[1] == ' ') &&
           !(end - q >= 3 && memcmp(q, "\xEF\xBD\x9C", 3) == 0) && !(q[0] == ' ' && next_is_label(q + 1, end)))
        q++;
    *out_len = (size_t)(q - p);
    return *out_len ? p : NULL;
}

/* Does s hold a Latin letter (the names_only test reads Latin names)? */
static bool latin_letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)s[i]))
            return true;
    return false;
}

/* Where the names of a byline end: at a date or a time, a dash, a bar, a
 * handle ("By Steven Mufson March 18 at 12:22 PM Follow @StevenMufson",
 * "Par A et B — 24 novembre 2017"). */
static size_t names_end(const char *s, size_t n)
{
    static const char *const stops[] = { "|", "@", "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */,
                                         "\xC2\xB7" /* · */, "\xE2\x80\xA2" /* • */, "(", NULL };
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)s[i]))
            return i;
        for (const char *const *p = stops; *p; p++)
            if (folio_starts_with_ci(s + i, n - i, *p))
                return i;
    }
    return n;
}

/* Each of "A et B", "A und B", "A y B", "A e B" a name, as names_only
 * reads "A and B": the authors, added; false when one is no name. */
static bool add_joined_names(reader *r, const char *s, size_t n)
{
    static const char *const joins[] = { " et ", " und ", " y ", " e ", NULL };
    for (const char *const *j = joins; *j; j++) {
        const char *at = memmem(s, n, *j, strlen(*j));
        if (!at)
            continue;
        size_t a = (size_t)(at - s), b = a + strlen(*j);
        if (!folio_scraped_names_only(s, a) || !folio_scraped_names_only(s + b, n - b))
            return false;
        add_author(r, s, a);
        add_author(r, s + b, n - b);
        return true;
    }
    return false;
}

/* Names set in capitals after a byline's label ("By JEFFREY GETTLEMAN"):
 * two to four words of capital letters, set in title case. */
static bool add_capital_names(reader *r, const char *s, size_t n)
{
    char buf[96];
    int words = 0;
    if (n == 0 || n >= sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool start = i == 0 || s[i - 1] == ' ';
        if (s[i] == ' ' || s[i] == '.' || s[i] == '-' || s[i] == '\'')
            buf[i] = s[i];
        else if (s[i] >= 'A' && s[i] <= 'Z')
            buf[i] = start ? s[i] : (char)(s[i] - 'A' + 'a');
        else
            return false;
        words += start && s[i] != ' ';
    }
    if (words < 2 || words > 4)
        return false;
    add_author(r, buf, n);
    return true;
}

/* The names a byline gives after its label, up to where they end (above),
 * a month's name and lower-case words at their end left out ("By GILLIAN
 * MOHNEY March 11, 2015", "Posted on March 3 by": nobody); where they are
 * no list of names, the name before a comma ("By Alex Heath, a deputy
 * editor…", "By Daniel Kahn Gillmor, Senior Staff Technologist"). */
static bool byline_names(reader *r, const char *s, size_t n)
{
    n = names_end(s, n);
    for (;;) {
        while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
            n--;
        size_t w = n;
        while (w && s[w - 1] != ' ')
            w--;
        size_t at = w;
        bool month = w < n && month_at(s, n, &at, false) && at == n;
        if (w == n || !(month || islower((unsigned char)s[w])))
            break;
        n = w;
    }
    if (n == 0)
        return false;
    if (folio_scraped_names_only(s, n)) {
        folio_scraped_add_authors(r, s, n);
        return true;
    }
    if (add_joined_names(r, s, n) || add_capital_names(r, s, n))
        return true;
    const char *comma = memchr(s, ',', n);
    if (comma && folio_scraped_names_only(s, (size_t)(comma - s))) {
        add_author(r, s, (size_t)(comma - s));
        return true;
    }
    return false;
}

static void take_byline(reader *r, const char *s, size_t n)
{
    static const char *labels[] = { "作者", "执笔", "文/", "文｜", "文|", "撰文", NULL };
    size_t len;
    for (const char *const *l = labels; *l; l++) {
        const char *v = after_label(s, n, *l, &len);
        if (v) {
            folio_scraped_add_authors(r, v, len);
            return;
        }
    }
    /* "By ", "Par ", "Von ", "بقلم ": the names after the label (not the
     * date after "Posted on") */
    size_t label = folio_vocab_prefix(VK_BYLINE, s, n);
    if (label && label < n && byline_names(r, s + label, n - label))
        return;
    /* names in other scripts ("بقلم …"): all after the label, where it holds
     * no figure (not the date after "Posted on") */
    char date[11];
    bool digits = false;
    for (size_t k = label; k < n && !digits; k++)
        digits = isdigit((unsigned char)s[k]);
    if (label && label < n && !digits && !folio_read_date(s + label, n - label, date) && !latin_letters(s + label, n - label)) {
        folio_scraped_add_authors(r, s + label, n - label);
        return;
    }
    /* "[田中宏昌，ITmedia]": the name before the outlet. */
    if (s[0] == '[' || folio_starts_with_ci(s, n, "［")) {
        size_t k = s[0] == '[' ? 1 : 3, e = k;
        while (e < n && s[e] != ',' && s[e] != ']' && !folio_starts_with_ci(s + e, n - e, "，") &&
               !folio_starts_with_ci(s + e, n - e, "］"))
            e++;
        add_author(r, s + k, e - k);
        return;
    }
    if (folio_scraped_names_only(s, n))
        folio_scraped_add_authors(r, s, n);
}

void folio_scraped_split_byline(reader *r)
{
    for (int i = 0; i + 1 < r->n && r->n_authors == 0; i++) {
        const unit *u = &r->u[i], *v = &r->u[i + 1];
        if (u->cls == C_BYLINE && u->len > 3 && folio_starts_with_ci(u->text + u->len - 3, 3, " by") &&
            v->cls == C_PLAIN && folio_scraped_names_only(v->text, v->len))
            folio_scraped_add_authors(r, v->text, v->len);
    }
}

/* A byline set among other fields of one line, after a separator or an
 * ornament: "// By Arun Sai Krishnan • Nov 11, 2020", "Le Monde | 04.05.2015
 * à 13h36 | Par Martin Untersinger".  Each part that opens with a byline's
 * label is read as a byline. */
static void byline_parts(reader *r, const char *s, size_t n)
{
    static const char *const seps[] = { "|", "\xEF\xBD\x9C", "\xE2\x80\xA2", "\xC2\xB7", "//" };
    size_t start = 0;
    for (size_t i = 0; i <= n && r->n_authors == 0;) {
        size_t sep = 0;
        for (size_t k = 0; i < n && k < sizeof seps / sizeof seps[0] && !sep; k++)
            if (folio_starts_with_ci(s + i, n - i, seps[k]))
                sep = strlen(seps[k]);
        if (i < n && !sep) {
            i++;
            continue;
        }
        size_t a = start, b = i;
        while (a < b && s[a] == ' ')
            a++;
        if (b > a && folio_vocab_prefix(VK_BYLINE, s + a, b - a) > 0)
            take_byline(r, s + a, b - a);
        i += sep ? sep : 1;
        start = i;
    }
}

/* A Chinese news report names its reporters in parentheses, after the
 * dateline or at the end: "（记者陈智 整合）", "（评论员 罗博 萧海川）",
 * "（本报记者 李明）".  The names are the Han words after the role, up to
 * a word of the work done (整合, 报道…) or the closing parenthesis. */
void folio_scraped_reporters(reader *r, const char *s, size_t n)
{
    static const char *const roles[] = { "记者", "评论员", "通讯员" };
    static const char *const work[] = { "整合", "报道", "综合", "采写", "编辑", "摄影", "摄", "发自", "编译" };
    for (const char *open = s; r->n_authors == 0 && (open = memmem(open, (size_t)(s + n - open), "（", 3));) {
        open += 3;
        const char *close = memmem(open, (size_t)(s + n - open), "）", 3);
        if (!close || close - open > 60)
            continue;
        const char *p = NULL;
        for (size_t k = 0; k < sizeof roles / sizeof roles[0] && !p; k++) {
            const char *hit = memmem(open, (size_t)(close - open), roles[k], strlen(roles[k]));
            if (hit && hit - open <= 6)
                p = hit + strlen(roles[k]);
        }
        while (p && p < close) { /* add_author stops at the authors' room */
            while (p < close && *p == ' ')
                p++;
            const char *e = p;
            size_t chars = 0, step;
            int32_t c;
            while (e < close && (step = folio_utf8_next(e, (size_t)(close - e), &c)) && folio_is_han(c))
                e += step, chars++;
            bool done = false;
            for (size_t k = 0; k < sizeof work / sizeof work[0] && !done; k++)
                done = (size_t)(e - p) == strlen(work[k]) && memcmp(p, work[k], (size_t)(e - p)) == 0;
            bool comma = folio_starts_with_ci(e, (size_t)(close - e), "\xE3\x80\x81");
            if (done || chars < 2 || chars > 4 || (e < close && *e != ' ' && !comma))
                break;
            add_author(r, p, (size_t)(e - p));
            p = e + (comma ? 3 : 0);
        }
    }
}

void folio_scraped_take_meta(reader *r, const unit *u)
{
    const char *s = u->text;
    size_t n = u->len, len;
    char date[11];
    if (!r->date && folio_read_date(s, n, date))
        r->date = folio_arena_strdup(r->arena, date);
    static const char *src_labels[] = { "来源", "出处", "Source", "转自", NULL };
    for (const char *const *l = src_labels; *l && !r->source; l++) {
        const char *v = after_label(s, n, *l, &len);
        if (v && folio_utf8_count(v, len) <= 30)
            r->source = folio_arena_strndup(r->arena, v, len);
    }
    if (r->n_authors == 0 && (u->cls == C_BYLINE || folio_contains(s, n, "作者") || folio_vocab_prefix(VK_BYLINE, s, n) > 0))
        take_byline(r, s, n);
    if (r->n_authors == 0)
        byline_parts(r, s, n);
}

/* ------------------------------------------------------------------ */
/* title                                                               */

/* Does the page name tag (the short label before a headline's colon) in a
 * line other than the headline's own copies: its account's or site's name
 * ("补壹刀微信公号"), said again? */
static bool named_elsewhere(const reader *r, const char *tag, size_t tag_len, const char *rest, size_t rest_len)
{
    if (!r)
        return false;
    if (r->page && r->page->site && memmem(r->page->site, strlen(r->page->site), tag, tag_len))
        return true;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (memmem(u->text, u->len, tag, tag_len) && !memmem(u->text, u->len, rest, rest_len))
            return true;
    }
    return false;
}

/* Drop what a page puts around a headline: a column name before "|", a
 * short tag before "：" that the page names elsewhere as its own (an
 * account's name; a series' name said only in its titles, "一日一技：", is
 * part of the title), a 【campaign tag】, a "(1/2 ページ)" page mark.  r (may
 * be NULL: no tag is then dropped) is the page the headline comes from. */
const char *folio_scraped_clean_title(folio_arena *a, const reader *r, const char *s, size_t n)
{
    static const char *bars[] = { "|", "｜", NULL };
    for (const char *const *b = bars; *b; b++) {
        size_t k = strlen(*b);
        for (size_t i = 0; i + k <= n; i++)
            if (memcmp(s + i, *b, k) == 0) {
                size_t head = folio_utf8_count(s, i), tail = folio_utf8_count(s + i + k, n - i - k);
                if (head <= 16 && tail >= head && tail >= 4) {
                    s += i + k;
                    n -= i + k;
                }
                break;
            }
    }
    if (folio_starts_with_ci(s, n, "【")) {
        const char *close = memmem(s, n, "】", 3);
        if (close && (size_t)(close - s) + 3 < n && folio_utf8_count(s, (size_t)(close - s)) <= 20) {
            n -= (size_t)(close - s) + 3;
            s = close + 3;
        }
    }
    const char *colon = memmem(s, n, "：", 3);
    if (colon) {
        size_t head = folio_utf8_count(s, (size_t)(colon - s));
        bool digits = false;
        for (const char *p = s; p < colon; p++)
            digits = digits || isdigit((unsigned char)*p);
        size_t rest = n - (size_t)(colon - s) - 3;
        if (head >= 2 && head <= 4 && !digits && rest > 9 &&
            named_elsewhere(r, s, (size_t)(colon - s), colon + 3, rest)) {
            n -= (size_t)(colon - s) + 3;
            s = colon + 3;
        }
    }
    /* Trailing page mark: "（1/2 ページ）", "(Page 2)", "(1/3)". */
    if (n > 0 && (s[n - 1] == ')' || (n >= 3 && memcmp(s + n - 3, "）", 3) == 0))) {
        size_t open = n;
        while (open > 0 && s[open - 1] != '(' && !(open >= 3 && memcmp(s + open - 3, "（", 3) == 0))
            open--;
        if (open > 0) {
            size_t o = s[open - 1] == '(' ? open - 1 : open - 3;
            const char *in = s + open;
            size_t in_len = n - open - (s[n - 1] == ')' ? 1 : 3);
            bool page = memmem(in, in_len, "/", 1) || memmem(in, in_len, "ページ", 9) ||
                        folio_starts_with_ci(in, in_len, "page");
            bool digit = false;
            for (size_t i = 0; i < in_len; i++)
                digit = digit || isdigit((unsigned char)in[i]);
            if (page && digit && in_len < 24 && o > 0)
                n = o;
        }
    }
    while (n && s[n - 1] == ' ')
        n--;
    while (n && *s == ' ')
        s++, n--;
    return folio_arena_strndup(a, s, n);
}
