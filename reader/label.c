/*
 * label.c - the labeller's reading of the page.  The editor's rules
 * (scraped.c) read the page first; their verdicts become features beside
 * the unit's own shape, words and place (features.c), the fitted model
 * scores every label and the sequence decode picks the labels (decode.c).
 * Here the labels become roles: one title chosen by score, metadata taken
 * from the lines labelled meta, summary lines, blocks, and dropped lines
 * with their reason.
 */
#include "model.h"
#include "vocab.h"
#include <ctype.h>
#include <pthread.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

static const char *const label_names[L_COUNT] = {
    "title", "meta", "summary", "heading", "paragraph", "caption", "note", "credit", "code",
    "boilerplate", "duplicate",
};

/* Scores of every unit under the model, computed chunk by chunk so that
 * the feature matrix of a long text never exists whole; long texts are
 * shared among threads, a chunk each in turn (the same scores whoever
 * computes them). */
typedef struct scorer {
    const reader *r;
    const folio_page *p;
    const folio_model *m;
    float *first, *scores, *title;
    int part, parts;
    bool ok;
} scorer;

static void *score_part(void *arg)
{
    scorer *s = arg;
    int nf = folio_feature_count();
    float *x = malloc((size_t)FOLIO_FEATURE_CHUNK * (size_t)nf * sizeof *x);
    float *scratch = malloc((size_t)(FOLIO_FEATURE_CHUNK + 4) * (size_t)nf * sizeof *scratch);
    s->ok = x && scratch;
    for (int from = s->part * FOLIO_FEATURE_CHUNK; s->ok && from < s->r->n;
         from += s->parts * FOLIO_FEATURE_CHUNK) {
        int to = from + FOLIO_FEATURE_CHUNK < s->r->n ? from + FOLIO_FEATURE_CHUNK : s->r->n;
        folio_page_features(s->r, s->p, from, to, x, scratch);
        s->ok = folio_model_score(s->m, x, to - from, s->first + (size_t)from * L_COUNT,
                                  s->scores + (size_t)from * L_COUNT, s->title + from);
    }
    free(x);
    free(scratch);
    return NULL;
}

static bool score_page(const reader *r, const folio_page *p, const folio_model *m, float *first,
                       float *scores, float *title)
{
    enum { MAX_PARTS = 4 };
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int parts = r->n / FOLIO_FEATURE_CHUNK < 8 ? 1 : cores < 2 ? 1 : cores > MAX_PARTS ? MAX_PARTS : (int)cores;
    scorer s[MAX_PARTS];
    pthread_t t[MAX_PARTS];
    bool started[MAX_PARTS] = { false };
    for (int k = 0; k < parts; k++) {
        s[k] = (scorer){ r, p, m, first, scores, title, k, parts, false };
        started[k] = k > 0 && pthread_create(&t[k], NULL, score_part, &s[k]) == 0;
    }
    for (int k = 0; k < parts; k++)
        if (!started[k])
            score_part(&s[k]); /* this thread's part, or one no thread could take */
    bool ok = true;
    for (int k = 0; k < parts; k++) {
        if (started[k])
            pthread_join(t[k], NULL);
        ok &= s[k].ok;
    }
    return ok && folio_model_context(m, r->n, first, scores, title);
}

static int best_other(const float *z, int not)
{
    int k = not == 0 ? 1 : 0;
    for (int j = 0; j < L_COUNT; j++)
        if (j != not && z[j] > z[k])
            k = j;
    return k;
}

/* How much less (in the ranker's log-odds) a headline above the best line
 * may score and still be the title over that line as its dek: a quarter as
 * likely (cross-validated title 0.69 -> 0.72; 1.5 to 2 alike, 3 lets
 * kickers and section names in). */
static const float TITLE_OVER_DEK = 1.5f;

/* The title: the unit the title ranker likes best (it weighs where the
 * article starts, the words the article repeats, a byline or date below).
 * The decode then reads the page with that unit as the title, so that the
 * header follows from it; a unit it labels title besides is a copy, or
 * takes its next label. */
/* A line that goes on from another ("...or, why do I bother.") is no
 * title: it opens with an ellipsis; nor is an item of a list ("+ Added
 * three new statistics", "• Home", "2. Check the peep hole"). */
static bool continues(const unit *u)
{
    return folio_starts_with_ci(u->text, u->len, "...") || folio_starts_with_ci(u->text, u->len, "\xE2\x80\xA6");
}

/* A Latin headline opens with a capital or a brand's mixed case ("iPhone"),
 * not a lower-case word ("evolve extension for Mercurial": a site's tag). */
static bool opens_lower(const unit *u)
{
    if (u->len < 2 || !folio_is_lower((unsigned char)u->text[0]))
        return false;
    for (size_t i = 1; i < u->len && u->text[i] != ' '; i++)
        if (folio_is_upper((unsigned char)u->text[i]))
            return false;
    return true;
}

static bool list_item(const unit *u);

/* Does a number alone ("3.", "2)", "14") stand on the line before unit i?
 * Then i is an entry of a ranking ("Trending: 1. … 2. … 3. …"), never the
 * title: of the labelled pages' 73 lines under such a number, none is. */
static bool ranked(const reader *r, int i)
{
    if (i == 0)
        return false;
    const unit *u = &r->u[i - 1];
    size_t d = strspn(u->text, "0123456789");
    return d >= 1 && d <= 2 && (u->len == d || (u->len == d + 1 && strchr(".)", u->text[d])));
}

/* Does a byline stand on the line before unit i ("Written by Patrick
 * Allan")?  A page sets its title over the byline: of the labelled pages'
 * 53 lines right under one, none is the title (under an author's name, a
 * rail lists the author's other articles). */
static bool under_byline(const reader *r, int i)
{
    return i > 0 && r->u[i - 1].cls == C_BYLINE;
}

/* Is each part of a line between its bars ("|", "｜") a short item
 * (three words, 16 bytes at most)?  Then it is a row of links ("Sign In |
 * Join IAB", "Home | News"), not a headline with its site's name ("棱镜|
 * 数据业大整顿…", "Why … | The Verge").  Gold: 28 such lines, none a title. */
static bool bar_menu(const unit *u)
{
    const char *s = u->text, *end = s + u->len;
    bool bar = false;
    if (!memchr(s, '|', u->len) && !memmem(s, u->len, "\xEF\xBD\x9C", 3))
        return false;
    while (s < end) {
        const char *e = s;
        while (e < end && *e != '|' && !folio_starts_with_ci(e, (size_t)(end - e), "\xEF\xBD\x9C"))
            e++;
        int words = 0;
        for (const char *p = s; p < e; p++)
            words += *p != ' ' && (p == s || p[-1] == ' ');
        size_t len = (size_t)(e - s);
        while (len && s[len - 1] == ' ')
            len--;
        while (len && *s == ' ')
            s++, len--;
        if (words > 3 || len > 16)
            return false;
        if (e == end)
            break;
        bar = true;
        s = e + (*e == '|' ? 1 : 3);
    }
    return bar;
}

/* A line that ends in an arrow pointing on ("Next Chapter →", "…series Next
 * Work →", "点击进入…>>") or opens with one pointing back ("← Older") is a
 * link.  Gold: 7 such lines, 6 furniture, 1 a paragraph with a link glued
 * to its end; none a title.  And a row of links (bar_menu). */
static bool menu_or_link(const unit *u)
{
    static const char *const on[] = { "\xE2\x86\x92", "\xE2\x80\xBA", ">>", "\xE2\x9F\xB6", "\xE2\x9D\xAF" };
    static const char *const back[] = { "\xE2\x86\x90", "\xE2\x80\xB9", "<<", "\xE2\x9F\xB5", "\xE2\x9D\xAE" };
    for (size_t k = 0; k < sizeof on / sizeof on[0]; k++) {
        size_t e = strlen(on[k]);
        if ((u->len >= e && memcmp(u->text + u->len - e, on[k], e) == 0) ||
            folio_starts_with_ci(u->text, u->len, back[k]))
            return true;
    }
    return bar_menu(u);
}

/* Does u end in a full stop ("." or "。"), not the point of initials
 * ("N.Y.C.") or an ellipsis?  A headline does not (of the labelled lines
 * that end in one, 1,444, none is a title; one title ends in initials,
 * "…N.Y.C."), while "Hi, I'm Nicolas." opened a blog: choose_title refuses
 * such a sentence unless asked for the ranker's best with sentences. */
static bool ends_full_stop(const unit *u)
{
    return (u->end_cp == '.' && !u->abbrev_end && !(u->len >= 2 && u->text[u->len - 2] == '.')) || u->end_cp == 0x3002;
}

/* Can unit u be no title whatever the ranker thinks?  A line of furniture's
 * vocabulary (a share button, "Related", a credit, a picture's caption, a
 * dateline, a byline), a file's name ("WEB18-Facebook-1160x768.jpg"), a
 * row of links or a link (menu_or_link), or a label that ends in its colon
 * ("Completed:", "Summary:"): it introduces what follows and names nothing
 * (none of the public pages' 54 titles ends in a colon). */
static bool never_title(const unit *u)
{
    static const char *const pictures[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg" };
    if (u->ends_colon || menu_or_link(u))
        return true;
    switch (u->cls) {
    case C_BOILER: case C_MARKER: case C_CREDIT: case C_CAPTION: case C_DATELINE: case C_BYLINE:
        return true;
    default:
        break;
    }
    if (memchr(u->text, ' ', u->len))
        return false;
    for (size_t k = 0; k < sizeof pictures / sizeof pictures[0]; k++) {
        size_t e = strlen(pictures[k]);
        if (u->len > e && folio_starts_with_ci(u->text + u->len - e, e, pictures[k]))
            return true;
    }
    return false;
}

/* The line the ranker likes best of those that can be the title; with
 * sentences, a line ended by its full stop can. */
static int choose_title(const reader *r, const float *title, bool sentences)
{
    int t = -1;
    for (int i = 0; i < r->n; i++) /* the score first: the tests only for a line that would win */
        if ((t < 0 || title[i] > title[t]) && r->u[i].chars <= 300 && !continues(&r->u[i]) && !list_item(&r->u[i]) &&
            !ranked(r, i) && !under_byline(r, i) && !never_title(&r->u[i]) && (sentences || !ends_full_stop(&r->u[i])))
            t = i;
    /* A headline right above it that the ranker likes nearly as well is the
     * title, and the line it chose the dek under it: a page sets its title
     * first, then the standfirst. */
    if (t > 0 && folio_scraped_title_shaped(&r->u[t - 1]) && !opens_lower(&r->u[t - 1]) && !never_title(&r->u[t - 1]) &&
        (sentences || !ends_full_stop(&r->u[t - 1])) &&
        title[t - 1] >= title[t] - TITLE_OVER_DEK)
        t--;
    /* A blog names itself over the date, then the post's title, then the
     * post: a line that is no headline (the blog's name), over a dateline,
     * over a headline with the text right under it, gives the title to that
     * headline. */
    else if (t >= 0 && t + 3 < r->n && !folio_scraped_title_shaped(&r->u[t]) && r->u[t + 1].cls == C_DATELINE &&
             folio_scraped_title_shaped(&r->u[t + 2]) && r->u[t + 3].prose)
        t += 2;
    /* A kicker (a section's name of five words at most) over the headline
     * (two words more at least): the headline under it, where the ranker
     * likes it nearly as well. */
    else if (t >= 0 && t + 1 < r->n && r->u[t].words <= 5 && r->u[t + 1].words >= r->u[t].words + 2 &&
             folio_scraped_title_shaped(&r->u[t + 1]) && title[t + 1] >= title[t] - TITLE_OVER_DEK)
        t++;
    return t;
}

int folio_label_choose_title(const reader *r, const float *title)
{
    return choose_title(r, title, false);
}

static bool decode_with_title(const reader *r, const folio_model *m, float *scores, int t, uint8_t *labels)
{
    if (t >= 0)
        for (int k = 0; k < L_COUNT; k++)
            if (k != L_TITLE)
                scores[(size_t)t * L_COUNT + k] = -1e9f;
    if (!folio_model_decode(m, r->n, scores, labels))
        return false;
    for (int i = 0; i < r->n; i++) {
        if (i == t || labels[i] != L_TITLE)
            continue;
        const unit *u = &r->u[i];
        bool copy = t >= 0 && u->len == r->u[t].len && memcmp(u->text, r->u[t].text, u->len) == 0;
        labels[i] = copy ? L_DUP : (uint8_t)best_other(scores + (size_t)i * L_COUNT, L_TITLE);
    }
    return true;
}

/* Every page has an article.  A reading that keeps less than a tenth of
 * the page's text as running text has missed it (no page of the public
 * corpora has an article under 15% of its text): a page of short list items
 * (a changelog) or of steps read each as furniture.  The bar for a
 * paragraph is then lowered for this page, a step at a time, until the
 * decode keeps that much; the runs it takes first are those it nearly took. */
static const float MIN_ARTICLE_SHARE = 0.10f;

static bool article_missed(const reader *r, const uint8_t *labels)
{
    size_t all = 0, kept = 0;
    for (int i = 0; i < r->n; i++) {
        all += r->u[i].chars;
        if (labels[i] == L_PARA || labels[i] == L_CODE)
            kept += r->u[i].chars;
    }
    return (float)kept < MIN_ARTICLE_SHARE * (float)all;
}

static bool find_article(const reader *r, const folio_model *m, float *scores, int t, uint8_t *labels)
{
    float lift = 0.0f;
    for (float step = 0.5f; step <= 16.0f && article_missed(r, labels); step *= 2.0f) {
        for (int i = 0; i < r->n; i++)
            scores[(size_t)i * L_COUNT + L_PARA] += step - lift;
        lift = step;
        if (!decode_with_title(r, m, scores, t, labels))
            return false;
    }
    for (int i = 0; lift > 0 && i < r->n; i++) /* the scores say the model's reading again */
        scores[(size_t)i * L_COUNT + L_PARA] -= lift;
    return true;
}

/* The article begins at its title.  Text kept above the title that a run
 * of furniture cuts off from it is the page's menu or a rail, not the
 * article's start (in the labelled corpora no text of the article stands
 * above its title but a kicker or a caption right over it) when the title
 * has more of the article below it; text that runs on into the title, or
 * outweighs what follows it (a title chosen inside the article), keeps its
 * labels. */
enum { TITLE_CUT_OFF = 5 };

static bool kept_label(uint8_t l)
{
    return l == L_PARA || l == L_HEADING || l == L_CAPTION || l == L_CODE || l == L_NOTE;
}

void folio_label_drop_above_title(const reader *r, uint8_t *labels, int t)
{
    int run = 0, cut = t - 1;
    for (; cut >= 0 && run < TITLE_CUT_OFF; cut--)
        run = labels[cut] == L_BOILER || labels[cut] == L_DUP ? run + 1 : 0;
    size_t above = 0, below = 0;
    for (int i = 0; i < r->n; i++) {
        if (kept_label(labels[i]) && i <= cut)
            above += r->u[i].chars;
        else if (kept_label(labels[i]) && i > t)
            below += r->u[i].chars;
    }
    for (int i = cut; above > 0 && above < below && i >= 0; i--)
        if (labels[i] != L_META && labels[i] != L_DUP)
            labels[i] = L_BOILER;
}

/* After the article, a list of teasers: a run of kept text that a long
 * stretch of furniture parts from the article's main run and that is as
 * much headings as text (a headline over a line of summary, again and
 * again: "More from", a newspaper's rail).  The sections of an article have
 * more to them; no labelled page has such a run after its article.  So is a
 * comment: a shorter run after the article's main run right under a line of
 * furniture stamped with a year and a time of day (a comment's header; of
 * the three runs the labelled pages keep after their article's main run,
 * none is). */
enum { TEASER_GAP = 10 };

static void drop_run(uint8_t *labels, int from, int to)
{
    for (int i = from; i <= to; i++)
        if (kept_label(labels[i]))
            labels[i] = L_BOILER;
}

/* A comment's header: a line that gives a time of day and a year
 * ("Sallie Goetsch · March 10, 2017 at 11:43 PM", "2019-02-15 13:36"). */
static bool stamped(const unit *u)
{
    bool time = false, year = false;
    for (size_t i = 0; i + 3 < u->len && u->len < 200; i++) {
        const char *c = u->text + i;
        time |= isdigit((unsigned char)c[0]) && c[1] == ':' && isdigit((unsigned char)c[2]) && isdigit((unsigned char)c[3]);
        year |= (i == 0 || !isdigit((unsigned char)c[-1])) && (memcmp(c, "19", 2) == 0 || memcmp(c, "20", 2) == 0) &&
                isdigit((unsigned char)c[2]) && isdigit((unsigned char)c[3]) && (i + 4 == u->len || !isdigit((unsigned char)c[4]));
    }
    return time && year;
}

static bool after_stamp(const reader *r, const uint8_t *labels, int from)
{
    for (int k = from - 1; k >= 0 && k >= from - 3; k--)
        if (!kept_label(labels[k]) && r->u[k].words + r->u[k].cjk >= 2 && stamped(&r->u[k]))
            return true;
    return false;
}

/* A run of kept text: kept units that fewer than TEASER_GAP furniture lines
 * part (a meta line is no furniture here). */
typedef struct kept_run {
    int from, last, units, heads;
    size_t chars;
} kept_run;

/* The first run at or after unit i into *k; returns where the scan goes on,
 * or -1 when no kept unit is left. */
static int next_run(const reader *r, const uint8_t *labels, int i, kept_run *k)
{
    while (i < r->n && !kept_label(labels[i]))
        i++;
    if (i >= r->n)
        return -1;
    *k = (kept_run){ i, i, 0, 0, 0 };
    int gap = 0;
    for (; i < r->n; i++) {
        if (!kept_label(labels[i])) {
            gap += labels[i] != L_META;
            continue;
        }
        if (gap >= TEASER_GAP)
            break;
        k->last = i, gap = 0, k->units++, k->chars += r->u[i].chars;
        k->heads += labels[i] == L_HEADING;
    }
    return i;
}

/* The article's main run: the longest run of kept text (by characters)
 * into *out; false when nothing is kept. */
static bool main_run(const reader *r, const uint8_t *labels, kept_run *out)
{
    size_t best = 0;
    kept_run k;
    for (int i = 0; (i = next_run(r, labels, i, &k)) >= 0;)
        if (k.chars > best)
            best = k.chars, *out = k;
    return best > 0;
}

/* A heading over 400 characters of prose or more before the next heading:
 * a section of the text ("Comments" in a tutorial on code), not the line
 * over a thread. */
enum { SECTION_PROSE = 400, SECTION_LOOK = 12 };

static bool heads_section(const reader *r, const uint8_t *labels, int i)
{
    if (labels[i] != L_HEADING)
        return false;
    size_t prose = 0;
    for (int k = i + 1; k < r->n && k <= i + SECTION_LOOK && labels[k] != L_HEADING; k++)
        prose += labels[k] == L_PARA && r->u[k].prose ? r->u[k].chars : 0;
    return prose >= SECTION_PROSE;
}

/* Where the comment thread opens: the first line past the middle of the
 * kept text that opens it ("View comments (27)", "Enviá tu comentario"),
 * kept or not, but a heading over a section of prose; r->n when none
 * does.  On the labelled pages, of the 22 such lines past the middle of
 * the article's text, none has any of the article after it. */
static int comments_open(const reader *r, const uint8_t *labels)
{
    size_t total = 0, seen = 0;
    for (int i = 0; i < r->n; i++)
        total += kept_label(labels[i]) ? r->u[i].chars : 0;
    for (int i = 0; i < r->n; i++) {
        if (seen * 2 >= total && total > 0 && folio_scraped_comments_opener(&r->u[i]) &&
            !heads_section(r, labels, i))
            return i;
        seen += kept_label(labels[i]) ? r->u[i].chars : 0;
    }
    return r->n;
}

/* The comments: everything from the line that opens the thread on (a
 * file is one page: text pasted after a page's comments is read as more
 * of them), and after the article's main run (the longest) a run that a
 * comment's stamped header opens. */
static void drop_comments(const reader *r, uint8_t *labels)
{
    drop_run(labels, comments_open(r, labels), r->n - 1);
    kept_run m, k;
    if (!main_run(r, labels, &m))
        return;
    for (int i = 0; (i = next_run(r, labels, i, &k)) >= 0;)
        if (k.from > m.last && k.chars < m.chars && after_stamp(r, labels, k.from))
            drop_run(labels, k.from, k.last);
}

void folio_label_drop_teasers(const reader *r, uint8_t *labels)
{
    size_t best = 0;
    int main_end = -1;
    kept_run k;
    for (int i = 0; (i = next_run(r, labels, i, &k)) >= 0;) {
        if (main_end >= 0 && k.heads >= 2 && k.heads * 5 >= k.units * 2)
            drop_run(labels, k.from, k.last);
        else if (k.chars > best)
            best = k.chars, main_end = k.last;
    }
    drop_comments(r, labels);
}

static bool same_text(const unit *a, const unit *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* A long caption said twice close together (a picture's alternative text,
 * then its caption) is one caption: the first is the copy.  Short ones
 * repeat for real (a credit under each picture, "Image: バンダイ"). */
enum { TWICE_MIN_CHARS = 60, TWICE_WITHIN = 15 };

void folio_label_caption_copies(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (labels[i] != L_CAPTION || u->chars < TWICE_MIN_CHARS)
            continue;
        for (int j = i + 1; j < r->n && j <= i + TWICE_WITHIN; j++)
            if (labels[j] == L_CAPTION && same_text(&r->u[j], u)) {
                labels[i] = L_DUP;
                break;
            }
    }
}

/* The article's last paragraphs: running text right after the last kept
 * unit (a closing section's head between them at most, or a line of the
 * furniture vocabulary: an in-article promo) that the decode nearly kept is
 * the article's end, not furniture: a careful editor does not cut a
 * paragraph of prose from the end of the text it closes. */
static const float END_MARGIN = 1.0f;
enum { PROMO_MAX = 120 };

/* The best of a unit's label scores. */
static float top_score(const float *z)
{
    float top = z[0];
    for (int j = 1; j < L_COUNT; j++)
        top = z[j] > top ? z[j] : top;
    return top;
}

static bool nearly(const float *z, int k)
{
    return z[k] >= top_score(z) - END_MARGIN;
}

static bool closing_prose(const unit *u)
{
    return u->prose && u->ends_sentence && (u->words >= 15 || u->cjk >= 30);
}

void folio_label_article_end(const reader *r, const float *scores, uint8_t *labels)
{
    int last = -1;
    for (int i = 0; i < r->n; i++)
        if (kept_label(labels[i]))
            last = i;
    while (last >= 0 && last + 1 < r->n) {
        int i = last + 1, head = -1;
        /* an in-article promo line ("Related: …") stays out, the prose goes on */
        if (i + 1 < r->n && labels[i] == L_BOILER && r->u[i].cls == C_BOILER && r->u[i].chars <= PROMO_MAX &&
            closing_prose(&r->u[i + 1]))
            i++;
        if (folio_scraped_comments_opener(&r->u[i]))
            break; /* the comments begin: the article has ended */
        if (i + 1 < r->n && !r->u[i].prose && folio_scraped_heading_shaped(&r->u[i]) &&
            nearly(scores + (size_t)i * L_COUNT, L_HEADING))
            head = i++;
        if (!closing_prose(&r->u[i]) || !nearly(scores + (size_t)i * L_COUNT, L_PARA) ||
            labels[i] == L_META || labels[i] == L_TITLE)
            break;
        if (head >= 0)
            labels[head] = L_HEADING;
        labels[i] = L_PARA;
        last = i;
    }
}

/* The site's notice of copyright closes the page.  The lines the decode
 * kept after the last line that states one (200 characters at most), where
 * no running text follows it and they are few (five at most), are the
 * site's footer: an address, a telephone, a fax, a licence number ("版权所有
 * … / 医院地址：… 电话：… / 传真：… 联系邮箱：…").  Gold: on the 32
 * public pages with such a notice and no prose after it, every line after
 * it is furniture (795) but on one blog whose posts end no sentence (85
 * lines, far more than five). */
enum { FOOTER_AFTER_MAX = 5 };

void folio_label_after_copyright(const reader *r, uint8_t *labels)
{
    int notice = -1, kept = 0;
    for (int i = r->n - 1; i >= 0 && notice < 0; i--) {
        if (r->u[i].chars <= 200 && folio_vocab_says("copyright", r->u[i].text, r->u[i].len))
            notice = i;
        else if (r->u[i].prose)
            return;
        else
            kept += kept_label(labels[i]);
    }
    if (notice < 0 || kept == 0 || kept > FOOTER_AFTER_MAX)
        return;
    for (int i = notice + 1; i < r->n; i++)
        if (kept_label(labels[i]))
            labels[i] = L_BOILER;
}

/* The article is one piece.  A run of lines the reading dropped between
 * two stretches of the article (a poem quoted in full, a list of maxims),
 * none of them in the furniture vocabulary, every one of which the decode
 * nearly kept as a paragraph, a heading or code, is the article still: a
 * careful editor does not cut a hole in the text. */
enum { HOLE_MAX = 20 };
static const float HOLE_MARGIN = 1.5f;

static bool body_label(uint8_t l)
{
    return l == L_PARA || l == L_HEADING || l == L_CODE;
}

/* The body label (paragraph, heading, code) the decode liked best for z. */
static uint8_t best_body(const float *z)
{
    return z[L_HEADING] > z[L_PARA] && z[L_HEADING] > z[L_CODE] ? L_HEADING : z[L_CODE] > z[L_PARA] ? L_CODE : L_PARA;
}

static bool nearly_kept(const float *z)
{
    return z[best_body(z)] >= top_score(z) - HOLE_MARGIN;
}

void folio_label_fill_holes(const reader *r, const float *scores, uint8_t *labels)
{
    for (int i = 1; i < r->n; i++) {
        if (labels[i] != L_BOILER || !body_label(labels[i - 1]))
            continue;
        int end = i;
        bool near = true;
        while (end < r->n && end - i < HOLE_MAX && labels[end] == L_BOILER) {
            near &= r->u[end].cls == C_PLAIN && nearly_kept(scores + (size_t)end * L_COUNT);
            end++;
        }
        if (near && end < r->n && body_label(labels[end]))
            for (int k = i; k < end; k++)
                labels[k] = best_body(scores + (size_t)k * L_COUNT);
        i = end;
    }
}

/* A paragraph goes on the text it follows.  A paragraph of running prose
 * (200 characters or more, 80 CJK, ending a sentence) right after a kept
 * paragraph, in no furniture vocabulary, that the decode nearly kept, is
 * the article's next paragraph though furniture follows it (a video
 * player's buttons under the paragraph that introduces the video). */
enum { NEXT_PARA_CHARS = 200, NEXT_PARA_CJK = 80 };

/* Is dropped unit i a paragraph of running prose (as above) that the decode
 * nearly kept? */
static bool dropped_prose(const reader *r, const float *scores, const uint8_t *labels, int i)
{
    const unit *u = &r->u[i];
    return labels[i] == L_BOILER && u->cls == C_PLAIN && u->prose && u->ends_sentence &&
           (u->chars >= NEXT_PARA_CHARS || u->cjk >= NEXT_PARA_CJK) && nearly(scores + (size_t)i * L_COUNT, L_PARA);
}

void folio_label_next_paragraphs(const reader *r, const float *scores, uint8_t *labels)
{
    for (int i = 1; i < r->n; i++)
        if (labels[i - 1] == L_PARA && dropped_prose(r, scores, labels, i))
            labels[i] = L_PARA;
}

/* A section opens with its text.  A sentence of running prose (60
 * characters or 30 CJK, ending a sentence, in no furniture vocabulary)
 * right under a heading the reading kept is the section's first paragraph
 * (of the labelled pages' 125 such lines under a heading, all 125 are). */
enum { SECTION_OPENING_CHARS = 60, SECTION_OPENING_CJK = 30 };

void folio_label_section_openings(const reader *r, uint8_t *labels)
{
    for (int i = 1; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (labels[i - 1] == L_HEADING && labels[i] == L_BOILER && u->cls == C_PLAIN && u->prose &&
            u->ends_sentence && (u->chars >= SECTION_OPENING_CHARS || u->cjk >= SECTION_OPENING_CJK))
            labels[i] = L_PARA;
    }
}

/* The article opens under its header.  The first paragraph of running
 * prose (as above: 200 characters or 80 CJK, a sentence's end, in no
 * furniture vocabulary) between the title and the first kept paragraph,
 * which the decode nearly kept, is the article's first paragraph, whatever
 * share buttons and related links stand around it: of the labelled pages'
 * such lines between the title and the first paragraph, all 17 are that
 * paragraph. */
void folio_label_first_paragraph(const reader *r, const float *scores, uint8_t *labels, int title)
{
    for (int i = title + 1; title >= 0 && i < r->n && !body_label(labels[i]); i++)
        if (dropped_prose(r, scores, labels, i)) {
            labels[i] = L_PARA;
            return;
        }
}

/* The header is lines, the article prose.  A paragraph of running prose
 * (closing_prose: a sentence of 15 words or 30 CJK characters) is no
 * metadata line, whatever the decode made of it (no meta line of the
 * labelled corpora is one), unless a byline's label opens it (an author's
 * note: "By Jane Doe, a deputy editor … She has covered …").  And a
 * standfirst stands between the headline and the article's text: a summary
 * that a section's heading follows before any paragraph or header line
 * (captions and furniture aside) is the article's opening paragraph, the
 * text before its first section. */
static int next_header_or_text(const uint8_t *labels, int n, int i)
{
    int j = i + 1;
    while (j < n && (labels[j] == L_CAPTION || labels[j] == L_BOILER || labels[j] == L_DUP ||
                     labels[j] == L_SUMMARY))
        j++;
    return j;
}

void folio_label_opening(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++) {
        if (labels[i] == L_META && r->u[i].cls == C_PLAIN && closing_prose(&r->u[i]) &&
            !folio_scraped_byline_opens(r->u[i].text, r->u[i].len))
            labels[i] = L_PARA;
        else if (labels[i] == L_SUMMARY) {
            int j = next_header_or_text(labels, r->n, i);
            if (j < r->n && labels[j] == L_HEADING)
                for (int k = i; k < j; k++)
                    if (labels[k] == L_SUMMARY)
                        labels[k] = L_PARA;
        }
    }
}

/* A line that ends in a pilcrow is a section's heading: the permalink sign
 * documentation generators (Sphinx, MkDocs, docutils) set after every
 * heading, and after nothing else.  Below the title, a paragraph or a copy
 * so marked is a heading (the copy is the table of contents' entry, the
 * heading the original), unless it repeats the title. */
static bool ends_with_pilcrow(const unit *u)
{
    return u->last_cp == 0x00B6 && u->len > 2;
}

void folio_label_permalinks(const reader *r, uint8_t *labels, int title)
{
    const unit *t = title >= 0 ? &r->u[title] : NULL;
    for (int i = title + 1; i < r->n; i++) {
        const unit *u = &r->u[i];
        if ((labels[i] != L_PARA && labels[i] != L_DUP) || !ends_with_pilcrow(u) || !folio_label_heading_fits(u))
            continue;
        size_t n = u->len - 2; /* U+00B6 is two bytes */
        while (n > 0 && u->text[n - 1] == ' ')
            n--;
        if (t && n == t->len && memcmp(u->text, t->text, n) == 0)
            continue;
        labels[i] = L_HEADING;
    }
}

/* Numbered steps are the article: short lines that count up one by one
 * under the same word ("Step 1", "Step 2", …; "第1步"), three or more, with
 * running text between them, are a how-to's steps, however much their
 * repeated template looks like a list's furniture.  The step lines and the
 * prose under each are kept. */
enum { STEP_MIN = 3, STEP_MAX_CHARS = 24, STEP_TAIL = 3, STEP_GAP = 40 /* units from one step to the next at most */ };

typedef struct step {
    int unit, number;
    size_t word;           /* bytes of the text before the number */
} step;

/* "Step 12" -> word "Step", number 12; false unless the unit is so made. */
static bool step_line(const unit *u, step *out)
{
    if (u->chars > STEP_MAX_CHARS || u->words > 3)
        return false;
    size_t a = 0, n = u->len;
    while (a < n && !(u->text[a] >= '0' && u->text[a] <= '9'))
        a++;
    size_t b = a;
    while (b < n && u->text[b] >= '0' && u->text[b] <= '9')
        b++;
    if (a == 0 || b == a || b - a > 2 || n - b > 4)
        return false;
    for (size_t k = b; k < n; k++)
        if (u->text[k] >= '0' && u->text[k] <= '9')
            return false;
    out->number = atoi(u->text + a);
    out->word = a;
    return true;
}

static bool step_prose(const unit *u)
{
    return (u->prose || u->ends_sentence) && (u->words >= 4 || u->cjk >= 10);
}

/* Is there running text between units a and b? */
static bool prose_between(const reader *r, int a, int b)
{
    for (int i = a + 1; i < b; i++)
        if (step_prose(&r->u[i]))
            return true;
    return false;
}

static void keep_steps(const reader *r, uint8_t *labels, const step *s, int count)
{
    for (int k = 0; k < count; k++) {
        int end = k + 1 < count ? s[k + 1].unit : r->n;
        labels[s[k].unit] = L_PARA;
        for (int i = s[k].unit + 1, gap = 0; i < end && gap < STEP_TAIL; i++) {
            gap = step_prose(&r->u[i]) ? 0 : gap + 1;
            if (step_prose(&r->u[i]) && (labels[i] == L_BOILER || labels[i] == L_DUP))
                labels[i] = L_PARA;
        }
    }
}

void folio_label_steps(const reader *r, uint8_t *labels)
{
    enum { MAX_STEPS = 64 };
    step run[MAX_STEPS];
    for (int i = 0; i < r->n; i++) {
        step first;
        if (!step_line(&r->u[i], &first) || (first.number != 0 && first.number != 1))
            continue;
        int count = 0;
        run[count++] = (step){ i, first.number, first.word };
        for (int j = i + 1; j < r->n && count < MAX_STEPS && j - run[count - 1].unit <= STEP_GAP; j++) {
            step next;
            const step *last = &run[count - 1];
            if (step_line(&r->u[j], &next) && next.number == last->number + 1 && next.word == last->word &&
                memcmp(r->u[j].text, r->u[i].text, next.word) == 0 && prose_between(r, last->unit, j))
                run[count++] = (step){ j, next.number, next.word };
        }
        if (count >= STEP_MIN) {
            keep_steps(r, labels, run, count);
            i = run[count - 1].unit;
        }
    }
}

/* A numbered article goes on past what interrupts it.  A listicle's heads
 * ("1. Take any blankets off the bed", "2. …") that the reading keeps, each
 * with running text under it, are the article's spine: where a gallery or a
 * rail stands between two of them, the heads that go on counting after it,
 * with the prose under each, are the article still, however far down. */
enum { NUMBERED_MIN_KEPT = 2, NUMBERED_GAP = 600 /* units from one head to the next at most */ };

/* "5. Beware the hairdryer" -> 5; -1 unless the unit is a short line that
 * opens with a number of one or two digits, a full stop or a parenthesis
 * and a space. */
static int numbered_head(const unit *u)
{
    if (u->chars > 160 || u->words < 2 || u->words > 20)
        return -1;
    size_t b = 0;
    while (b < u->len && b < 3 && u->text[b] >= '0' && u->text[b] <= '9')
        b++;
    if (b == 0 || b > 2 || b + 2 > u->len || (u->text[b] != '.' && u->text[b] != ')') || u->text[b + 1] != ' ')
        return -1;
    return atoi(u->text);
}

/* The unit after i that heads the number n, with running text between,
 * or -1. */
static int next_numbered(const reader *r, int i, int n)
{
    for (int j = i + 1; j < r->n && j - i <= NUMBERED_GAP; j++)
        if (numbered_head(&r->u[j]) == n)
            return prose_between(r, i, j) ? j : -1;
    return -1;
}

void folio_label_numbered(const reader *r, uint8_t *labels)
{
    enum { MAX_HEADS = 64 };
    step run[MAX_HEADS];
    for (int i = 0; i < r->n; i++) {
        if (numbered_head(&r->u[i]) != 1 || !kept_label(labels[i]))
            continue;
        int count = 1, kept = 0;
        run[0] = (step){ i, 1, 0 };
        for (int j = i; count < MAX_HEADS && (j = next_numbered(r, j, count + 1)) >= 0; count++)
            run[count] = (step){ j, count + 1, 0 };
        while (kept < count && kept_label(labels[run[kept].unit])) /* the article's own, in a row */
            kept++;
        for (int k = kept; kept >= NUMBERED_MIN_KEPT && k < count; k++) {
            labels[run[k].unit] = L_PARA;
            /* the prose under the head, up to the next head or anything else */
            for (int j = run[k].unit + 1; j < r->n && numbered_head(&r->u[j]) < 0 && step_prose(&r->u[j]); j++)
                if (labels[j] == L_BOILER || labels[j] == L_DUP)
                    labels[j] = L_PARA;
        }
        i = run[count - 1].unit;
    }
}

/* The words under a picture are its caption: a short paragraph right
 * below the word a page shows where a picture stands ("Image", "Photo",
 * "图片": the picture's alternative text, all that is left of it in the
 * text).  A sentence long enough to be the article's own is left alone. */
enum { CAPTION_MAX_CHARS = 300 };

static bool kept_near(const uint8_t *labels, int n, int i, int dir)
{
    for (int k = 1; k <= 3; k++) {
        int j = i + k * dir;
        if (j >= 0 && j < n && kept_label(labels[j]))
            return true;
    }
    return false;
}

void folio_label_captions(const reader *r, uint8_t *labels)
{
    for (int i = 1; i < r->n; i++)
        if (labels[i] == L_PARA && r->u[i].chars <= CAPTION_MAX_CHARS &&
            folio_scraped_picture_word(r->u[i - 1].text, r->u[i - 1].len))
            labels[i] = L_CAPTION;
}

/* On a web page, the words right under a picture inside the article (kept
 * text close above and below) are its caption, not furniture: a plain line
 * or a credit of two words or more (not "Related", a rail's head).  And a
 * paragraph right under a picture set all in small type is its caption:
 * pages set captions smaller than the text (gold: of 12 such lines, 11 are
 * captions; the other, under an advertisement, is furniture the decode
 * drops).  A caption needs a picture: a sentence right under the title
 * (eight words or sixteen CJK characters) that the decode took for a
 * caption, with no picture before it, no figure, no caption element or
 * class around it, is the standfirst (gold: of the 8 captions the reading
 * of the public pages finds with no picture's sign, the 2 under the title
 * are decks; the 67 captions with a sign are captions but 5).  In copied
 * text a picture shows only in its credit: a caption under the title with no
 * credit on its line or the next is the standfirst (2 such lines, both
 * decks). */
enum { DECK_WORDS = 8, DECK_CJK = 16 };

static bool no_picture(const reader *r, int i)
{
    const unit *u = &r->u[i], *next = i + 1 < r->n ? &r->u[i + 1] : NULL;
    if (r->page)
        return !(u->hint.flags & (HF_FIGURE | HF_AFTER_IMG | HF_CAPTION_CLASS)) && u->hint.tag != HT_CAPTION;
    /* in text, a picture shows only in its credit, on the caption's line or the next */
    return !folio_label_credit_tail(u) && !(next && (next->cls == C_CAPTION || folio_label_credit_tail(next)));
}

static void decks(const reader *r, uint8_t *labels)
{
    for (int i = 1; i < r->n; i++)
        if (labels[i] != L_CAPTION || !no_picture(r, i))
            continue;
        else if (labels[i - 1] == L_TITLE && (r->u[i].words >= DECK_WORDS || r->u[i].cjk >= DECK_CJK))
            labels[i] = L_SUMMARY;
        /* under them the byline, the author's note in it ("By Alex Heath, a
         * deputy editor…": of 24 lines that open with a byline's label and a
         * name on the public pages, all are the header's or furniture) */
        else if ((labels[i - 1] == L_TITLE || labels[i - 1] == L_SUMMARY) &&
                 folio_scraped_byline_opens(r->u[i].text, r->u[i].len))
            labels[i] = L_META;
}

void folio_label_picture_captions(const reader *r, uint8_t *labels)
{
    decks(r, labels);
    for (int i = 0; r->page && i < r->n; i++)
        if (labels[i] == L_PARA && (r->u[i].hint.flags & (HF_AFTER_IMG | HF_SMALL)) == (HF_AFTER_IMG | HF_SMALL) &&
            r->u[i].chars <= CAPTION_MAX_CHARS)
            labels[i] = L_CAPTION;
        else if (labels[i] == L_BOILER && (r->u[i].hint.flags & HF_AFTER_IMG) && r->u[i].chars <= CAPTION_MAX_CHARS &&
            (r->u[i].cls == C_PLAIN || r->u[i].cls == C_CAPTION) && (r->u[i].words >= 2 || r->u[i].cjk >= 4) &&
            kept_near(labels, r->n, i, -1) && kept_near(labels, r->n, i, 1))
            labels[i] = L_CAPTION;
}

/* On a web page, the article's element: the innermost block element that
 * holds nine tenths of what the decode kept as paragraphs, and of whose
 * text the decode kept half or more.  A plain line of running text inside
 * it (eight words, sixteen CJK characters) that the decode dropped, with no
 * link, menu, footer, form or furniture class around it, belongs to the
 * article, as Readability reads a page: a blog post whose lines carry no
 * sentence punctuation reads like a rail to the text alone, and its
 * element says otherwise (gold: of 26 such lines on the public pages' HTML,
 * 23 are paragraphs, 1 a caption, 1 an author's note, 1 furniture). */
static bool in_element(const html_page *pg, uint32_t box, uint32_t node)
{
    return node >= box && node <= pg->nodes[box].end;
}

void folio_label_article_element(const reader *r, uint8_t *labels)
{
    const html_page *pg = r->page;
    if (!pg || pg->n_nodes < 2)
        return;
    double *held = calloc(pg->n_nodes, sizeof *held), total = 0;
    if (!held)
        return;
    for (int i = 0; i < r->n; i++)
        if (labels[i] == L_PARA && r->u[i].hint.node < pg->n_nodes) {
            held[r->u[i].hint.node] += r->u[i].chars;
            total += r->u[i].chars;
        }
    for (uint32_t k = pg->n_nodes - 1; k > 0; k--)
        held[pg->nodes[k].parent] += held[k];
    uint32_t box = 0;
    for (uint32_t k = 1; k < pg->n_nodes; k++)
        if (held[k] >= 0.9 * total && pg->nodes[k].end - k < pg->nodes[box].end - box)
            box = k;
    free(held);
    if (box == 0 || total == 0)
        return;
    /* and the element is the article's when the decode kept most of its text */
    double kept = 0, all = 0;
    for (int i = 0; i < r->n; i++)
        if (in_element(pg, box, r->u[i].hint.node)) {
            all += r->u[i].chars;
            kept += labels[i] != L_BOILER && labels[i] != L_DUP ? r->u[i].chars : 0;
        }
    if (kept < 0.5 * all)
        return;
    const uint32_t away = HF_NAV | HF_ASIDE | HF_FOOTER | HF_FORM | HF_LINK | HF_FURNITURE;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        bool plain_block = u->hint.tag == HT_P || u->hint.tag == HT_OTHER || u->hint.tag == HT_NONE;
        if (labels[i] == L_BOILER && in_element(pg, box, u->hint.node) && !(u->hint.flags & away) &&
            u->cls == C_PLAIN && plain_block && (u->words >= 8 || u->cjk >= 16))
            labels[i] = L_PARA;
    }
}

/* A line that ends in a picture's credit is its caption: a short line
 * whose last words, in brackets, name a photographer ("Attach moss. (Lucy
 * Akins)": two to four capitalised names) or say they are a credit
 * ("(Photo: AP)", "（摄影：张三）", or unbracketed after a dash: "… - Image:
 * Raspberry Pi Foundation"), inside the article (kept text within three
 * units above, and below or the line kept itself).  Numbers in the
 * brackets ("(2 cm)", "(2019)") make it no credit. */
static bool credit_word(const char *w, size_t n)
{
    if (n == 0 || !folio_is_upper((unsigned char)w[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!folio_is_lower((unsigned char)w[i]) && w[i] != '.' && w[i] != '-' && w[i] != '\'')
            return false;
    return true;
}

static bool credit_names(const char *s, size_t n)
{
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '/'))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '/')
            j++;
        if (j > i && (++words > 4 || !credit_word(s + i, j - i)))
            return false;
        i = j;
    }
    return words >= 2;
}

static const char *const credit_labels[] = { "photo", "image", "picture", "credit", "foto",
                                             "\xE6\x91\x84\xE5\xBD\xB1" /* 摄影 */, "\xE5\x9B\xBE" /* 图 */ };

/* "… - Image: Raspberry Pi Foundation", "Photo: Ashraf Amra/Getty": a
 * credit's label opening the line or after a dash, a bar or a sentence, and
 * two to sixty characters of names after its colon. */
static bool labelled_credit(const char *s, size_t n)
{
    static const char *const words[] = { "image", "photo", "photograph", "picture", "credit", "foto", "bild" };
    for (size_t at = 0; at < n; at++) {
        bool start = at == 0 || (at >= 2 && s[at - 1] == ' ' && strchr("-|.", s[at - 2])) ||
                     (at >= 4 && s[at - 1] == ' ' && memcmp(s + at - 4, "\xE2\x80\x93", 3) == 0); /* – */
        for (size_t k = 0; start && k < sizeof words / sizeof words[0]; k++) {
            size_t w = strlen(words[k]), c = at + w;
            if (c < n && folio_starts_with_ci(s + at, n - at, words[k]) && s[c] == ':' && !memchr(s + c + 1, ':', n - c - 1) &&
                n - c - 1 >= 3 && n - c - 1 <= 61)
                return true;
        }
    }
    return false;
}

bool folio_label_credit_tail(const unit *u)
{
    const char *s = u->text;
    size_t n = u->len, close = 0, open = 0;
    if (labelled_credit(s, n))
        return true;
    if (n >= 1 && s[n - 1] == ')')
        close = n - 1;
    else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0) /* ） */
        close = n - 3;
    else
        return false;
    for (size_t i = close; i-- > 0;)
        if (s[i] == '(' || (i + 3 <= close && memcmp(s + i, "\xEF\xBC\x88", 3) == 0)) { /* （ */
            open = i + (s[i] == '(' ? 1 : 3);
            break;
        } else if (s[i] == ')' || (unsigned char)s[i] < ' ')
            return false;
    if (open < 4 || close - open > 60)
        return false;
    for (size_t i = open; i < close; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return false;
    for (size_t k = 0; k < sizeof credit_labels / sizeof credit_labels[0]; k++) {
        size_t len = strlen(credit_labels[k]);
        if (close - open > len && folio_starts_with_ci(s + open, close - open, credit_labels[k]))
            return true;
    }
    return credit_names(s + open, close - open);
}

void folio_label_credit_captions(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        bool kept = labels[i] == L_PARA || labels[i] == L_HEADING;
        if ((kept || labels[i] == L_BOILER) && u->chars <= 200 && folio_label_credit_tail(u) &&
            kept_near(labels, r->n, i, -1) && (kept || kept_near(labels, r->n, i, 1)))
            labels[i] = L_CAPTION;
    }
}

/* A run-in head in copied text: on a page that sets its paragraphs apart
 * with blank lines, a short line that a blank line opens and that the long
 * paragraph under it follows with none between is that paragraph's head
 * ("Task gating" over "ATF enables the gating of tasks …": a bold term and
 * a line break inside one paragraph), not a section heading, which a blank
 * line parts from its text; a short line the reading kept as a paragraph
 * of its own, set so, is that head too (the writers set it in bold before
 * the text).  On the labelled pages 26 such lines are paragraphs, 4
 * headings (questions of a FAQ) and 3 captions. */
enum { RUN_IN_MAX = 80, RUN_IN_BODY = 80 };

void folio_label_text_run_in(const reader *r, uint8_t *labels, uint8_t *run_in)
{
    int apart = 0;
    for (int i = 1; i < r->n; i++)
        apart += !r->u[i].adjacent;
    if (r->page || apart * 2 < r->n)
        return;
    for (int i = 0; i + 1 < r->n; i++) {
        const unit *u = &r->u[i], *next = &r->u[i + 1];
        bool head = labels[i] == L_HEADING ||
                    (labels[i] == L_PARA && !u->prose && !u->ends_colon && folio_scraped_heading_shaped(u));
        if (head && (i == 0 || !u->adjacent) && u->chars <= RUN_IN_MAX && next->adjacent && next->prose &&
            next->chars >= RUN_IN_BODY && labels[i + 1] == L_PARA) {
            labels[i] = L_PARA;
            if (run_in)
                run_in[i] = 1;
        }
    }
}

/* A list shares one fate.  Four or more list items in a row (a bullet,
 * a number, or a changelog's "+ ", in the text: a web page's <li> also
 * holds whole articles) are all the article or all furniture: of
 * the labelled pages no such run is part kept.  A run the reading keeps a
 * third of or more is kept whole: its repeated template ("+ Added /fill
 * command", "+ Added /clone command") made the rest look like a menu. */
enum { LIST_RUN_MIN = 4 };

static bool list_item(const unit *u)
{
    int ordered;
    return folio_list_marker(u->text, u->len, &ordered) > 0 || folio_starts_with_ci(u->text, u->len, "+ ");
}

void folio_label_list_runs(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n;) {
        int end = i;
        while (end < r->n && list_item(&r->u[end]))
            end++;
        int kept = 0;
        for (int k = i; k < end; k++)
            kept += labels[k] == L_PARA;
        if (end - i >= LIST_RUN_MIN && kept * 3 >= end - i)
            for (int k = i; k < end; k++)
                if (labels[k] == L_BOILER || labels[k] == L_DUP)
                    labels[k] = L_PARA;
        i = end > i ? end : i + 1;
    }
}

/* A line of figures alone: a date in digits ("10.15.15"), a count. */
static bool figures(const unit *u)
{
    if (u->len == 0 || u->len > 12)
        return false;
    for (size_t i = 0; i < u->len; i++)
        if (!isdigit((unsigned char)u->text[i]) && !strchr("./-,: ", u->text[i]))
            return false;
    return true;
}

/* A number alone is no paragraph.  A line of figures and nothing else
 * ("0", "87", "14") kept as a paragraph is a counter the page printed (its
 * comments, its shares, a score); of the labelled pages' 121 such lines,
 * the 4 paragraphs are counters the labels kept with the text next to them.
 * The numbers of an article's parts ("1", "2", "3") stay, and are set
 * alike: where the reading made one a heading, they all head their parts
 * (a web page set "2" as a heading, "1" and "3" as paragraphs); a heading
 * of a number that numbers no part ("0", under a standfirst) is a counter
 * (a year, "1998", may head a part of a chronicle).
 * Nor is the word a page shows where a picture stands ("Image", "Video",
 * "图片": 24 lines of the labelled pages, all furniture). */
static long whole_number(const unit *u)
{
    char buf[16];
    if (u->len == 0 || u->len >= sizeof buf || strspn(u->text, "0123456789") != u->len)
        return -1;
    memcpy(buf, u->text, u->len);
    buf[u->len] = 0;
    return strtol(buf, NULL, 10);
}

/* Parts are numbered from 1, and an article has few: the numbers up to
 * PARTS_MAX that some kept line says alone. */
enum { PARTS_MAX = 999 };

void folio_label_bare_figures(const reader *r, uint8_t *labels)
{
    bool kept[PARTS_MAX + 2] = { false }, headed = false;
    for (int i = 0; i < r->n; i++) {
        long n = body_label(labels[i]) ? whole_number(&r->u[i]) : -1;
        if (n >= 1 && n <= PARTS_MAX)
            kept[n] = true;
    }
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        long n = whole_number(u);
        /* a part's number: "2" with a "1" or a "3" kept elsewhere */
        bool part = n >= 1 && n <= PARTS_MAX && (kept[n - 1] || kept[n + 1]);
        bool counter = n >= 0 && n <= PARTS_MAX && !part; /* a heading may be a year: "1998" */
        if ((labels[i] == L_PARA && figures(u) && !part) || (labels[i] == L_HEADING && counter))
            labels[i] = L_BOILER;
        else if (labels[i] == L_PARA && folio_scraped_picture_word(u->text, u->len))
            labels[i] = L_BOILER;
        headed |= part && labels[i] == L_HEADING;
    }
    /* The parts' numbers are set alike: where one heads its part, all do. */
    for (int i = 0; i < r->n && headed; i++) {
        long n = labels[i] == L_PARA ? whole_number(&r->u[i]) : -1;
        if (n >= 1 && n <= PARTS_MAX && (kept[n - 1] || kept[n + 1]))
            labels[i] = L_HEADING;
    }
}

/* A box of links is no part of the article.  A line that names such a box
 * ("Related", "More from", "相关推荐") is furniture, whatever the markup made
 * of it (a heading), and so is the headline right under it, where the
 * reading kept it as a paragraph: of the labelled pages' 39 such lines, all
 * are furniture, and 37 of the 38 lines under them. */
enum { RELATED_ITEM_MAX = 120 };

void folio_label_related_boxes(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (!body_label(labels[i]) || !folio_scraped_related_word(u->text, u->len))
            continue;
        labels[i] = L_BOILER;
        if (i + 1 < r->n && labels[i + 1] == L_PARA && r->u[i + 1].chars <= RELATED_ITEM_MAX)
            labels[i + 1] = L_BOILER;
    }
}

/* A line in brackets is no heading.  A line the brackets open and close
 * ("（某头部数据公司的部分报价单）", "[Alden: Et tu, Lexi?]") is an aside:
 * a picture's caption, a stage direction, an editor's note, code; of the
 * labelled pages' 77 such lines, none is a heading.  Where the reading made
 * one a heading, it is the caption or the paragraph it liked better. */
static bool bracketed(const unit *u)
{
    static const char *const pairs[][2] = { { "(", ")" }, { "[", "]" }, { "\xEF\xBC\x88", "\xEF\xBC\x89" },
                                            { "\xE3\x80\x90", "\xE3\x80\x91" } };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t o = strlen(pairs[k][0]), c = strlen(pairs[k][1]);
        if (u->len > o + c && memcmp(u->text, pairs[k][0], o) == 0 &&
            memcmp(u->text + u->len - c, pairs[k][1], c) == 0)
            return true;
    }
    return false;
}

void folio_label_bracketed(const reader *r, const float *scores, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++) {
        const float *z = scores + (size_t)i * L_COUNT;
        if (labels[i] == L_HEADING && bracketed(&r->u[i]))
            labels[i] = z[L_CAPTION] > z[L_PARA] ? L_CAPTION : L_PARA;
    }
}

/* A caption says something.  A line of one or two words in capitals
 * ("ADVERTISING", "GETTY IMAGES") is a label the page prints, not a
 * picture's caption: of the labelled pages' 204 such lines, none is a
 * caption (116 furniture, 86 code). */
static bool shouted_label(const unit *u)
{
    int letters = 0, spaces = 0;
    for (size_t i = 0; i < u->len; i++) {
        unsigned char c = (unsigned char)u->text[i];
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 0x80)
            return false; /* Latin capitals only: no case elsewhere */
        letters += c >= 'A' && c <= 'Z';
        spaces += c == ' ';
    }
    return letters >= 2 && spaces <= 1;
}

void folio_label_shouted_captions(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++)
        if (labels[i] == L_CAPTION && shouted_label(&r->u[i]))
            labels[i] = L_BOILER;
}

/* A rail of headlines is no part of the article's outline.  Three or more
 * headlines in a row (four words or more in title case, no sentence's end),
 * with nothing between them, are links to other articles, not section
 * heads: a section's head has its text under it.  Of the labelled pages'
 * 239 lines in such runs, none is a heading (137 are furniture, 82 code). */
enum { RAIL_MIN = 3, RAIL_WORDS = 4 };

static bool title_cased(const unit *u)
{
    int words = 0, capital = 0;
    bool start = true;
    for (size_t i = 0; i < u->len;) {
        int32_t c;
        i += folio_utf8_next(u->text + i, u->len - i, &c);
        if (start && folio_is_letter(c)) {
            words++;
            capital += folio_is_upper(c);
        }
        start = c == ' ';
    }
    return words >= RAIL_WORDS && capital * 5 >= words * 3;
}

static bool rail_line(const unit *u)
{
    return folio_scraped_title_shaped(u) && !u->ends_sentence && u->cjk == 0 && title_cased(u);
}

void folio_label_headline_rails(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n;) {
        int end = i;
        while (end < r->n && rail_line(&r->u[end]))
            end++;
        for (int k = i; end - i >= RAIL_MIN && k < end; k++)
            if (labels[k] == L_HEADING)
                labels[k] = L_BOILER;
        i = end > i ? end : i + 1;
    }
}

/* A block of code shares one fate.  Lines with no blank line between them
 * of which the reading keeps one or more as code are one preformatted
 * block (a program, the table it prints): of the labelled pages' 113 such
 * blocks, 111 are code throughout and 2 open with a button's word ("Copy")
 * over the code, never code followed by anything else.  From the block's
 * first code line to its end every line is code (the rows of a query's
 * output, "2 │ f", looked like a menu under their header; a program's
 * message in brackets, like a caption).  And a sentence of prose right
 * before or after code explains it: of the labelled pages' 120 such
 * sentences, all are the article's paragraphs. */
enum { CODE_BLOCK_MIN = 1 };

/* Is unit i in the block of the unit before it?  In text, no blank line
 * between them; on a web page, both in a <pre> (its flow runs menus and
 * footers together without a blank line). */
static bool same_block(const reader *r, int i)
{
    if (r->page)
        return r->u[i].hint.tag == HT_PRE && r->u[i - 1].hint.tag == HT_PRE;
    return r->u[i].adjacent;
}

/* A table drawn with box-drawing characters ("status │ period", "──┼──") is
 * a program's output, set as it was printed.  Three or more lines in one
 * block, each drawn with a vertical or junction stroke (a horizontal stroke
 * alone is a dash in Japanese, "──", or a rule), next to text the reading
 * kept, are code.  Of the labelled pages' 194 lines with a box-drawing
 * character, 192 are such tables' lines (all labelled code; the reading
 * dropped them as a comment thread, their rows being dated) and 2 are single
 * lines, a dash and an ornament. */
enum { DRAWN_TABLE_MIN = 3 };

static bool drawn_line(const unit *u)
{
    /* the block U+2500..U+257F is E2 94 xx and E2 95 xx in UTF-8 */
    const char *e2 = memchr(u->text, 0xE2, u->len);
    while (e2 && e2 + 1 < u->text + u->len && (uint8_t)e2[1] != 0x94 && (uint8_t)e2[1] != 0x95)
        e2 = memchr(e2 + 1, 0xE2, (size_t)(u->text + u->len - e2 - 1));
    if (!e2)
        return false;
    for (size_t i = (size_t)(e2 - u->text); i < u->len;) {
        int32_t c;
        i += folio_utf8_next(u->text + i, u->len - i, &c);
        bool horizontal = c == 0x2500 || c == 0x2501 || c == 0x2504 || c == 0x2505 || c == 0x2508 ||
                          c == 0x2509 || c == 0x254C || c == 0x254D || c == 0x2550 ||
                          (c >= 0x2574 && c <= 0x257E && c % 2 == 0);
        if (c >= 0x2500 && c <= 0x257F && !horizontal)
            return true;
    }
    return false;
}

static void drawn_tables(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n;) {
        int end = i;
        while (end < r->n && drawn_line(&r->u[end]) && (end == i || same_block(r, end)))
            end++;
        bool beside = (i > 0 && body_label(labels[i - 1])) || (end < r->n && body_label(labels[end]));
        for (int k = i; end - i >= DRAWN_TABLE_MIN && beside && k < end; k++)
            labels[k] = L_CODE;
        i = end > i ? end : i + 1;
    }
}

void folio_label_code_blocks(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n;) {
        int end = i + 1, code = labels[i] == L_CODE, first = code ? i : -1;
        for (; end < r->n && same_block(r, end); end++)
            if (labels[end] == L_CODE && code++ == 0)
                first = end;
        if (code >= CODE_BLOCK_MIN)
            for (int k = first; k < end; k++)
                if (labels[k] != L_TITLE)
                    labels[k] = L_CODE;
        i = end;
    }
    drawn_tables(r, labels);
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        bool by_code = (i > 0 && labels[i - 1] == L_CODE) || (i + 1 < r->n && labels[i + 1] == L_CODE);
        if (labels[i] == L_BOILER && by_code && u->cls == C_PLAIN && u->prose && (u->ends_sentence || u->ends_colon))
            labels[i] = L_PARA;
    }
}

/* A contents list names the section heads.  Three or more short lines in a
 * row, a third of them at most kept as the text's own, whose texts come
 * again further down, in the same order, each time with text under it, are
 * a table of contents, and those later lines are the headings it lists
 * (the decode, seeing a line the page repeats, took some for furniture);
 * the list's own lines are copies of them, never the text.  A menu that
 * the footer repeats is no such list: there an entry is followed by the
 * next entry, never by the text.  (A run longer than any article's contents
 * is a site map, and left alone.) */
enum { CONTENTS_MIN = 3, CONTENTS_MAX = 60, CONTENTS_ENTRY_MAX = 80 };

static bool contents_entry(const reader *r, const uint8_t *labels, int i)
{
    const unit *u = &r->u[i];
    return u->chars <= CONTENTS_ENTRY_MAX && labels[i] != L_CODE && labels[i] != L_TITLE &&
           folio_scraped_heading_shaped(u);
}

/* Text under a line j: kept or running text right after it, or after the
 * one line (a figure's title, say) that follows it. */
static bool text_under(const reader *r, const uint8_t *labels, int j)
{
    for (int k = j + 1; k <= j + 2 && k < r->n; k++)
        if (labels[k] != L_CODE && (kept_label(labels[k]) || r->u[k].prose))
            return true;
    return false;
}

/* The page's lines by the hash of their text, then by place: where a
 * line's text comes again is found by a binary search, not a walk to the
 * end of the page for every entry of every list (a long page has hundreds
 * of menus). */
typedef struct {
    uint64_t hash;
    int at;
} text_at;

static uint64_t text_hash(const unit *u)
{
    return folio_fnv(FOLIO_FNV_BASIS, u->text, u->len);
}

static int by_hash(const void *a, const void *b)
{
    const text_at *x = a, *y = b;
    return x->hash != y->hash ? (x->hash < y->hash ? -1 : 1) : (x->at > y->at) - (x->at < y->at);
}

/* The first line at or after pos and before end with the text of unit e;
 * -1 if none. */
static int next_copy(const reader *r, const text_at *index, int e, int pos, int end)
{
    uint64_t h = text_hash(&r->u[e]);
    int lo = 0, hi = r->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (index[mid].hash < h || (index[mid].hash == h && index[mid].at < pos))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->n && index[lo].hash == h && index[lo].at < end; lo++)
        if (same_text(&r->u[e], &r->u[index[lo].at]))
            return index[lo].at;
    return -1;
}

/* Where each entry of the list from..to comes again after it, in order,
 * with text under it, into at[] (-1 where not); returns how many do. */
static int contents_matches(const reader *r, const text_at *index, const uint8_t *labels, int from, int to, int last,
                            int *at)
{
    int found = 0, pos = to + 1;
    for (int e = from; e <= to; e++) {
        at[e - from] = -1;
        int j = next_copy(r, index, e, pos, last);
        if (j < 0)
            continue;
        bool entry_next = false;
        for (int k = from; k <= to && !entry_next; k++)
            entry_next = same_text(&r->u[k], &r->u[j + 1]);
        if (!entry_next && labels[j] != L_CODE && text_under(r, labels, j))
            at[e - from] = j, pos = j + 1, found++;
    }
    return found;
}

void folio_label_contents_heads(const reader *r, uint8_t *labels)
{
    int last = r->n - 1; /* the article's last paragraph: no heading comes after it */
    while (last > 0 && labels[last] != L_PARA)
        last--;
    text_at *index = NULL;
    for (int i = 0; i < r->n;) {
        int end = i;
        while (end < r->n && contents_entry(r, labels, end))
            end++;
        int kept = 0;
        for (int k = i; k < end; k++)
            kept += labels[k] == L_PARA;
        if (end - i >= CONTENTS_MIN && end - i <= CONTENTS_MAX && kept * 3 <= end - i) {
            if (!index) {
                if (!(index = malloc((size_t)r->n * sizeof *index)))
                    return;
                for (int k = 0; k < r->n; k++)
                    index[k] = (text_at){ text_hash(&r->u[k]), k };
                qsort(index, (size_t)r->n, sizeof *index, by_hash);
            }
            int *at = malloc((size_t)(end - i) * sizeof *at);
            if (!at)
                break;
            if (contents_matches(r, index, labels, i, end - 1, last, at) >= CONTENTS_MIN)
                for (int e = 0; e < end - i; e++) {
                    if (at[e] >= 0)
                        labels[at[e]] = L_HEADING;
                    if (labels[i + e] == L_PARA) /* the list's own line: a copy of a head */
                        labels[i + e] = L_DUP;
                }
            free(at);
        }
        i = end > i ? end : i + 1;
    }
    free(index);
}

/* A section's head comes first.  Where two short lines stand between kept
 * text and a section's running text, the decode may take the lower for the
 * head (it stands right over the prose); the upper one heads the section,
 * and the lower is the section's first line: the work a review is about,
 * a subtitle, a lead-in.  On the labelled pages such pairs are head over
 * paragraph 11 times and paragraph over head once.  (A web page's heading
 * tag on the lower line says otherwise, and stands.) */
enum { HEAD_PAIR_BODY = 100 };

void folio_label_head_first(const reader *r, uint8_t *labels)
{
    for (int i = 1; i + 2 < r->n; i++) {
        const unit *a = &r->u[i], *b = &r->u[i + 1], *c = &r->u[i + 2];
        if (labels[i] == L_PARA && labels[i + 1] == L_HEADING && labels[i + 2] == L_PARA &&
            kept_label(labels[i - 1]) && labels[i - 1] != L_HEADING && !a->prose && !b->prose &&
            folio_scraped_heading_shaped(a) && folio_scraped_heading_shaped(b) && c->prose &&
            c->chars >= HEAD_PAIR_BODY && b->hint.tag != HT_HEADING) {
            labels[i] = L_HEADING;
            labels[i + 1] = L_PARA;
        }
    }
}

/* A list goes with the line that introduces it.  A line of three words or
 * more (six CJK characters) that ends in a colon, then three short lines or
 * more, then the article's kept text: the colon promises the list, and the
 * text goes on after it ("What you'll need:" over the materials, over
 * "Step 1").  On the labelled pages a list under such a line kept as text
 * is the text's 26 times of 27; under a line of furniture ("Share on:",
 * "Password:"), furniture. */
enum { INTRO_MIN_ITEMS = 3, INTRO_ITEM_MAX = 60, INTRO_MAX = 80 };

static bool list_intro(const unit *u)
{
    return u->ends_colon && u->cls == C_PLAIN && u->chars <= INTRO_MAX && (u->words >= 3 || u->cjk >= 6);
}

static bool intro_item(const unit *u)
{
    return u->cls == C_PLAIN && u->chars <= INTRO_ITEM_MAX && !u->ends_sentence && !u->ends_colon;
}

void folio_label_introduced_lists(const reader *r, uint8_t *labels)
{
    for (int i = 0; i + 1 < r->n; i++) {
        if (!list_intro(&r->u[i]) || kept_label(labels[i]) || labels[i] == L_TITLE)
            continue;
        int end = i + 1;
        while (end < r->n && intro_item(&r->u[end]) && !kept_label(labels[end]) && labels[end] != L_TITLE &&
               labels[end] != L_META)
            end++;
        if (end - i - 1 < INTRO_MIN_ITEMS || end >= r->n || labels[end] != L_PARA)
            continue;
        for (int k = i; k < end; k++)
            labels[k] = L_PARA;
    }
}

/* Text that is one phrase said two or more times over ("How to Shop How
 * to Shop How to Shop"): a teaser rendered in each of its sizes, the last
 * copy perhaps cut short ("… More Money How Stores Manipulate Your Mor"). */
enum { SAID_MIN = 6, SAID_MAX_LEN = 1200 };

static bool said_over(const unit *u)
{
    const char *t = u->text;
    size_t n = u->len;
    if (n > SAID_MAX_LEN)
        return false;
    for (size_t each = SAID_MIN; 2 * each + 1 <= n; each++) {
        if (t[each] != ' ' || memcmp(t, t + each + 1, each) != 0)
            continue;
        size_t k = each + 1;
        while (k < n && t[k] == t[k - each - 1])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* A teaser card: a line that says one phrase twice over (a headline set in
 * two sizes, "How to Shop How to Shop") is furniture wherever it stands,
 * and so is a line under it that a cut ends ("When you walk into any
 * store, you're overloaded with..."): the card's summary.  On the labelled
 * pages all 28 such lines are furniture. */
static bool cut_short(const unit *u)
{
    return u->last_cp == 0x2026 || (u->len >= 3 && memcmp(u->text + u->len - 3, "...", 3) == 0);
}

void folio_label_teaser_cards(const reader *r, uint8_t *labels)
{
    for (int i = 0; i < r->n; i++)
        if (said_over(&r->u[i]) && labels[i] != L_TITLE) {
            labels[i] = L_BOILER;
            if (i + 1 < r->n && cut_short(&r->u[i + 1]) && labels[i + 1] != L_TITLE)
                labels[i + 1] = L_BOILER;
        }
}

/* A Chinese or Japanese article heads its sections with short lines (小标题)
 * set like its paragraphs, often indented alike: a line of 4 to 30
 * characters, mostly CJK, that ends in no punctuation (a clause's or a
 * sentence's mark, a colon that introduces, a closing bracket or a
 * quotation closed after a stop), kept as a paragraph between kept text
 * above and a paragraph of 40 characters or more below, is a heading.  On
 * the labelled pages 22 such lines are headings and none is anything else;
 * the 4 short lines ending in a colon right above a heading are headings. */
enum { CJK_HEAD_MAX = 30, CJK_HEAD_BODY = 40 };

static bool cjk_head_shaped(const unit *u)
{
    if (u->cjk < 4 || u->cjk * 2 < u->chars || u->chars > CJK_HEAD_MAX || folio_label_speech(u))
        return false;
    static const int32_t ends[] = { 0x3002, 0xFF01, 0xFF1F, '!', '?', 0x2026, 0xFF1B, ';', 0xFF0C, ',', 0x3001,
                                    '.', 0xFF1A, ':', 0xFF09, ')', 0x3011, 0x300B };
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
        if (u->last_cp == ends[k])
            return false;
    return true;
}

void folio_label_cjk_heads(const reader *r, uint8_t *labels)
{
    for (int i = 1; i + 1 < r->n; i++) {
        if (labels[i] != L_PARA || !cjk_head_shaped(&r->u[i]))
            continue;
        int above = i - 1, below = i + 1;
        while (above > 0 && above >= i - 2 && !kept_label(labels[above]))
            above--;
        while (below + 1 < r->n && below <= i + 2 && !kept_label(labels[below]))
            below++;
        if ((labels[above] == L_PARA || labels[above] == L_HEADING) && labels[below] == L_PARA &&
            r->u[below].chars >= CJK_HEAD_BODY) {
            labels[i] = L_HEADING;
            /* a short label that a colon ends right above it heads with it
             * ("英国《泰晤士报》：" over the headline the paper gave) */
            const unit *k = &r->u[i - 1];
            if (labels[i - 1] == L_PARA && k->cjk * 2 >= k->chars && k->chars <= CJK_HEAD_MAX &&
                (k->last_cp == 0xFF1A || k->last_cp == ':'))
                labels[i - 1] = L_HEADING;
        }
    }
}

/* A line the decode made a heading that no article has as a section head:
 * a text the page repeats three times or more, or a phrase of the page's
 * furniture ("Share", "In partnership with", "Related"). */
static bool furniture_heading(const reader *r, const folio_page *p, int i)
{
    return r->u[i].cls == C_BOILER || said_over(&r->u[i]) || folio_page_copies(p, i) >= 3;
}

/* A heading is a line: one wider than a hundred columns (fifty CJK
 * characters; no labelled heading of the hand-made corpora comes near) is a
 * paragraph the decode took for one, a lead set in large type. */
enum { HEADING_MAX_WIDTH = 100 };

bool folio_label_heading_fits(const unit *u)
{
    return u->width <= HEADING_MAX_WIDTH;
}

/* The label a unit is set with: besides the heading rules (and a web
 * page's run-in head, folio_markup_run_in, is no heading), a line of the
 * furniture vocabulary is no caption either ("版权所有 … Copyright ©" under
 * a footer's logo; no caption of the labelled corpora is one). */
/* Speech is no heading: a line that ends in a quotation closed after a
 * sentence's mark ("“Richy?”", "Haoyu blinked. “You mean with your
 * skill?”", "「行こう。」") is dialogue or a quoted sentence.  Of the 95
 * such lines of the labelled corpora (150 characters at most) none is a
 * heading; a quoted phrase without the mark ("“良好开端”") may be. */
bool folio_label_speech(const unit *u)
{
    size_t at = 0;
    int32_t close = folio_utf8_last(u->text, u->len, &at);
    if (close != 0x201D && close != '"' && close != 0x00BB && close != 0x300D && close != 0x300F)
        return false;
    int32_t c = at ? folio_utf8_last(u->text, at, NULL) : 0;
    return c == '.' || c == '?' || c == '!' || c == 0x3002 || c == 0xFF1F || c == 0xFF01 || c == 0x2026;
}

/* A heading is a phrase, not a sentence or an attribution: it ends in no
 * full stop ("罪悪感薄めでグリグリ回せるやつ。"; initials and an ellipsis
 * aside) and opens with no dash ("——（宋）陆游" under a poem).  Of the 372
 * short lines of the labelled corpora ending in a stop, one is a heading (a
 * newsletter's promo); of the 7 opening with a dash, none. */
bool folio_label_sentence_or_attribution(const unit *u)
{
    bool stop = ends_full_stop(u);
    bool dash = folio_starts_with_ci(u->text, u->len, "\xE2\x80\x94") || folio_starts_with_ci(u->text, u->len, "--") ||
                folio_starts_with_ci(u->text, u->len, "\xE2\x80\x95");
    return stop || dash;
}

/* A line the paragraph under it opens with ("Jennifer Jett" over "Jennifer
 * Jett is the Asia Digital Editor …"): the name over a note about its
 * bearer, said again, not a section's head (on the labelled pages 3 such
 * lines are paragraphs, none a heading). */
bool folio_label_said_below(const reader *r, int i)
{
    const unit *u = &r->u[i];
    if (i + 1 >= r->n || u->len < 3)
        return false;
    const unit *next = &r->u[i + 1];
    return next->len > u->len + 1 && memcmp(next->text, u->text, u->len) == 0 && next->text[u->len] == ' ';
}

label folio_label_final(const reader *r, const folio_page *p, int i, label l)
{
    if (l == L_CAPTION && r->u[i].cls == C_BOILER)
        return L_BOILER;
    if (l != L_HEADING)
        return l;
    if (furniture_heading(r, p, i))
        return L_BOILER;
    if (folio_markup_run_in(r, i) || folio_label_speech(&r->u[i]) || folio_label_sentence_or_attribution(&r->u[i]) ||
        folio_label_said_below(r, i))
        return L_PARA;
    return folio_label_heading_fits(&r->u[i]) ? L_HEADING : L_PARA;
}

#define set_drop folio_scraped_drop
#define set_block folio_scraped_block

/* A unit labelled paragraph: the rules' finer reading (a quote, a list
 * item) where they had one; a paragraph that opens with a note's label
 * ("Editor's note:", "编者按：") is that note. */
static void paragraph_role(unit *u, unit_role rule_role, folio_block_type rule_type)
{
    int ordered;
    if (u->cls == C_NOTE)
        set_block(u, FOLIO_BLOCK_NOTE);
    else if (rule_role == R_BLOCK && (rule_type == FOLIO_BLOCK_QUOTE || rule_type == FOLIO_BLOCK_LIST_ITEM ||
                                      rule_type == FOLIO_BLOCK_CODE))
        set_block(u, rule_type);
    else if (folio_list_marker(u->text, u->len, &ordered) && !ordered)
        set_block(u, FOLIO_BLOCK_LIST_ITEM);
    else
        set_block(u, FOLIO_BLOCK_PARAGRAPH);
}

/* Why a line labelled boilerplate goes: the rules' reason where they
 * dropped it too, "navigation" above the title. */
static const char *boiler_reason(const unit *u, unit_role rule_role, int i, int title)
{
    if (rule_role == R_DROP && (u->reason == folio_why_related || u->reason == folio_why_nav))
        return u->reason;
    return i < title ? folio_why_nav : folio_why_boiler;
}

static void apply_label(reader *r, int i, label l, int title)
{
    unit *u = &r->u[i];
    unit_role rule_role = (unit_role)u->role;
    folio_block_type rule_type = (folio_block_type)u->btype;
    if (rule_role == R_MERGED) /* a line of the block above: it follows that block */
        return;
    switch (l) {
    case L_TITLE: u->role = R_TITLE; break;
    case L_META: set_drop(u, folio_why_meta); break;
    case L_SUMMARY: u->role = R_SUMMARY; break;
    case L_HEADING: set_block(u, FOLIO_BLOCK_HEADING); break;
    case L_PARA: paragraph_role(u, rule_role, rule_type); break;
    case L_CAPTION: set_block(u, FOLIO_BLOCK_CAPTION); break;
    case L_NOTE: set_block(u, FOLIO_BLOCK_NOTE); break;
    case L_CREDIT: set_block(u, FOLIO_BLOCK_CREDIT); break;
    case L_CODE: set_block(u, FOLIO_BLOCK_CODE); break;
    case L_DUP: set_drop(u, folio_why_dup); break;
    default: set_drop(u, boiler_reason(u, rule_role, i, title)); break;
    }
    /* A block the rules had merged lines into: when it is no longer a
     * block of the same kind, those lines stand alone again. */
    if (!(u->role == R_BLOCK && rule_role == R_BLOCK && u->btype == rule_type))
        for (int k = i + 1; k < r->n && r->u[k].role == R_MERGED; k++)
            r->u[k].role = R_NONE;
}

/* Text of a summary line without its label ("摘要：…"). */
static void take_summary(reader *r, const unit *u)
{
    if (u->cls == C_LABEL_SUMMARY)
        return; /* "划重点：" alone: a label, not the summary */
    if (u->cls == C_SUMMARY)
        folio_scraped_add_summary_line(r, u);
    else
        folio_scraped_add_summary(r, u->text, u->len);
}

/* Metadata from the lines labelled meta and summary; where they give no
 * date or author, what the rules found stays. */
static void take_metadata(reader *r, const uint8_t *labels, int title)
{
    const char *rule_date = r->date, *rule_source = r->source;
    const char *rule_authors[16];
    int rule_n = r->n_authors;
    memcpy(rule_authors, r->authors, sizeof rule_authors);
    r->date = r->source = NULL;
    r->n_authors = 0;
    r->summary_buf.len = 0;
    for (int i = 0; i < r->n; i++) {
        const unit *u = &r->u[i];
        if (labels[i] == L_META && u->role == R_DROP)
            folio_scraped_take_meta(r, u);
        else if (u->role == R_SUMMARY)
            take_summary(r, u);
    }
    /* a meta line of names alone is the author only when no byline said who */
    for (int i = 0; i < r->n && r->n_authors == 0; i++) {
        const unit *u = &r->u[i];
        if (labels[i] == L_META && u->role == R_DROP && u->cls == C_PLAIN &&
            folio_scraped_names_only(u->text, u->len))
            folio_scraped_add_authors(r, u->text, u->len);
    }
    /* a date line next to the title, whatever the model made of it: the
     * article's date is the one in its header, before one a meta line
     * elsewhere on the page gives */
    for (int i = title - 3; title >= 0 && i <= title + 6; i++) {
        char date[11];
        if (i >= 0 && i < r->n && r->u[i].chars <= 80 && folio_read_date(r->u[i].text, r->u[i].len, date)) {
            r->date = folio_arena_strdup(r->arena, date);
            break;
        }
    }
    if (!r->date)
        r->date = rule_date;
    if (!r->source)
        r->source = rule_source;
    if (r->n_authors == 0) {
        memcpy(r->authors, rule_authors, sizeof rule_authors);
        r->n_authors = rule_n;
    }
}

static void set_title(reader *r, int t)
{
    if (t < 0)
        return;
    unit *tu = &r->u[t];
    r->title_derived = false;
    if (tu->chars > 160) {
        /* No headline on the page: the first sentence names the text, and
         * the paragraph stays in the body. */
        r->title = folio_scraped_derived_title(r, tu);
        r->title_derived = true;
        set_block(tu, FOLIO_BLOCK_PARAGRAPH);
    } else {
        r->title = folio_scraped_clean_title(r->arena, r, tu->text, tu->len);
    }
}

/* The three features that most favoured label a over b in the unit with
 * own features x and context features c. */
static void why(const folio_model *m, const float *x, const float *c, int a, int b, const char *out[3])
{
    float top[3] = { 0, 0, 0 };
    int nf = m->n_features, nw = nf + m->n_context;
    out[0] = out[1] = out[2] = NULL;
    for (int j = 0; j < nw; j++) {
        float v = j < nf ? x[j] : c[j - nf];
        float d = (m->weight[(size_t)a * (size_t)nw + (size_t)j] - m->weight[(size_t)b * (size_t)nw + (size_t)j]) * v;
        for (int k = 0; k < 3; k++)
            if (d > top[k]) {
                for (int s = 2; s > k; s--)
                    top[s] = top[s - 1], out[s] = out[s - 1];
                top[k] = d;
                out[k] = j < nf ? folio_feature_name(j) : folio_context_name(j - nf);
                break;
            }
    }
}

/* The label of the role the rules gave a unit (a text the labeller does
 * not read: explained with the rules' reading). */
static label rules_label(const unit *u)
{
    if (u->role == R_TITLE)
        return L_TITLE;
    if (u->role == R_SUMMARY)
        return L_SUMMARY;
    if (u->role == R_DROP)
        return u->reason == folio_why_meta ? L_META : u->reason == folio_why_dup ? L_DUP : L_BOILER;
    if (u->role != R_BLOCK)
        return L_CODE; /* a line merged into a code block */
    switch (u->btype) {
    case FOLIO_BLOCK_HEADING: return L_HEADING;
    case FOLIO_BLOCK_CAPTION: return L_CAPTION;
    case FOLIO_BLOCK_NOTE: return L_NOTE;
    case FOLIO_BLOCK_CREDIT: return L_CREDIT;
    case FOLIO_BLOCK_CODE: return L_CODE;
    default: return L_PARA;
    }
}

static bool explain(const reader *r, const folio_page *p, const folio_model *m, const float *first,
                    const float *scores, const uint8_t *labels, const folio_read_opts *o)
{
    int nf = folio_feature_count();
    float *x = malloc((size_t)FOLIO_FEATURE_CHUNK * (size_t)nf * sizeof *x);
    float *scratch = malloc((size_t)(FOLIO_FEATURE_CHUNK + 4) * (size_t)nf * sizeof *scratch);
    folio_sums sums = { NULL, NULL, NULL };
    bool ok = x && scratch && (!m || folio_model_sums(r->n, first, &sums));
    float c[FOLIO_CONTEXT_FEATURES];
    for (int from = 0; ok && from < r->n; from += FOLIO_FEATURE_CHUNK) {
        int to = from + FOLIO_FEATURE_CHUNK < r->n ? from + FOLIO_FEATURE_CHUNK : r->n;
        folio_page_features(r, p, from, to, x, scratch);
        for (int i = from; i < to; i++) {
            const unit *u = &r->u[i];
            const float *z = scores + (size_t)i * L_COUNT, *f = x + (size_t)(i - from) * (size_t)nf;
            int l = m ? labels[i] : (int)rules_label(u), b = best_other(z, l);
            folio_explain_unit e = { .line = u->no, .last_line = r->lines[u->last].no, .text = u->text,
                                     .label = label_names[l], .runner_up = m ? label_names[b] : "rules",
                                     .margin = m ? z[l] - z[b] : 0, .n_features = nf, .values = f };
            if (m) {
                folio_model_context_of(r->n, first, &sums, i, c);
                why(m, f, c, l, b, e.why);
            }
            o->explain(o->explain_user, &e);
        }
    }
    if (m)
        folio_model_sums_free(&sums);
    free(x);
    free(scratch);
    return ok;
}

/* The headline stands over the byline.  A headline-shaped line right over
 * the article's byline or dateline (a line or three, read as meta), which
 * stand right over the first paragraph of the article's main run, is the
 * title, where the ranker likes it nearly as well as the line it chose (a
 * row of the site's names, a cookie banner's heading, a teaser): a page
 * sets title, byline, then text.  "Nearly": within 3 of the ranker's score
 * (a margin of 1.5 left a menu's teaser the title of silver 027, 1.6 above
 * the headline over its byline; in both cross-validations, 107 readings,
 * any margin from 2 to 5 moves that title alone, to the headline). */
static const float TITLE_OVER_BYLINE = 3.0f;

int folio_label_headline_over_byline(const reader *r, const uint8_t *labels, const float *title, int t)
{
    kept_run m;
    int first = main_run(r, labels, &m) ? m.from : -1;
    while (first >= 0 && first < r->n && !(labels[first] == L_PARA && r->u[first].prose))
        first++;
    int h = first - 1, lines = 0, meta = 0;
    for (; h >= 0 && lines < 3; h--, lines++) {
        bool said = labels[h] == L_META || r->u[h].cls == C_BYLINE || r->u[h].cls == C_DATELINE;
        if (!said && !figures(&r->u[h]))
            break;
        meta += said;
    }
    if (t < 0 || meta == 0 || h < 0 || h == t || h == t + 1 || !folio_scraped_title_shaped(&r->u[h]) ||
        title[h] < title[t] - TITLE_OVER_BYLINE)
        return t;
    return h;
}

/* A paragraph's head glued to it in the text (unit i, a paragraph block,
 * over the paragraph block i + 1): one paragraph that opens with the head
 * as its run-in label.  False when memory ran out (nothing changed). */
static bool fold_run_in(reader *r, int i)
{
    unit *u = &r->u[i], *next = &r->u[i + 1];
    size_t head;
    if (u->len >= UINT16_MAX)
        return true; /* no head is that long: left as it is */
    if (!folio_scraped_join(r->arena, u, next, &head))
        return false;
    u->run_in = (uint16_t)head;
    next->role = R_MERGED;
    return true;
}

/* A block of code is one block: code lines with no blank line between them
 * (on a web page, lines of one <pre>) are the lines of one code block, set
 * as one, not a block a line apart from the next. */
static void join_code(reader *r)
{
    for (int i = 0; i < r->n; i++) {
        if (r->u[i].role != R_BLOCK || r->u[i].btype != FOLIO_BLOCK_CODE)
            continue;
        int k = i + 1;
        for (;; k++) {
            while (k < r->n && r->u[k].role == R_MERGED)
                k++;
            if (k >= r->n || r->u[k].role != R_BLOCK || r->u[k].btype != FOLIO_BLOCK_CODE || !same_block(r, k) ||
                (r->page && r->u[k].hint.node != r->u[k - 1].hint.node)) /* one <pre>, not the next */
                break;
            r->u[k].role = R_MERGED;
        }
        i = k - 1;
    }
}

/* Every head run_in marks that stayed a paragraph over a paragraph, folded
 * into it; false when memory ran out. */
static bool fold_run_ins(reader *r, const uint8_t *run_in)
{
    for (int i = 0; i + 1 < r->n; i++)
        if (run_in[i] && r->u[i].role == R_BLOCK && r->u[i].btype == FOLIO_BLOCK_PARAGRAPH &&
            r->u[i + 1].role == R_BLOCK && r->u[i + 1].btype == FOLIO_BLOCK_PARAGRAPH && !fold_run_in(r, i))
            return false;
    return true;
}

/* The page-level rules, in order, over the decode's labels (title: the
 * title's unit or -1; run_in: where a head was found to be run-in). */
static void read_as_a_whole(const reader *r, const float *scores, uint8_t *labels, uint8_t *run_in, int title)
{
    if (title > 0)
        folio_label_drop_above_title(r, labels, title);
    folio_label_drop_teasers(r, labels);
    folio_label_captions(r, labels);
    folio_label_caption_copies(r, labels);
    folio_label_article_end(r, scores, labels);
    folio_label_after_copyright(r, labels);
    folio_label_fill_holes(r, scores, labels);
    folio_label_article_element(r, labels);
    folio_label_next_paragraphs(r, scores, labels);
    folio_label_first_paragraph(r, scores, labels, title);
    folio_label_opening(r, labels);
    folio_label_permalinks(r, labels, title);
    folio_label_steps(r, labels);
    folio_label_numbered(r, labels);
    folio_label_contents_heads(r, labels);
    folio_label_head_first(r, labels);
    folio_label_credit_captions(r, labels);
    folio_label_cjk_heads(r, labels);
    folio_label_list_runs(r, labels);
    folio_label_code_blocks(r, labels);
    folio_label_bare_figures(r, labels);
    folio_label_related_boxes(r, labels);
    folio_label_bracketed(r, scores, labels);
    folio_label_headline_rails(r, labels);
    folio_label_shouted_captions(r, labels);
    folio_label_text_run_in(r, labels, run_in);
    folio_label_picture_captions(r, labels);
    folio_label_section_openings(r, labels);
    folio_label_introduced_lists(r, labels);
    folio_label_teaser_cards(r, labels);
}

folio_status folio_reader_label(reader *r, const folio_read_opts *o)
{
    const folio_model *m = r->page ? &folio_model_html : &folio_model_builtin;
    /* A weight table made for other features (or none, before the first
     * `make train`): the rules' reading stands, and the features are still
     * there to train on. */
    bool fitted = m->n_features == folio_feature_count() && m->n_context == FOLIO_CONTEXT_FEATURES;
    /* A paste of a paragraph or two: the page features (runs of prose,
     * repetition, distance from the article) need a page to mean
     * anything, and the rules read such a text well. */
    if (r->n < FOLIO_MIN_PAGE_UNITS && !r->page)
        fitted = false; /* a web page is a page, however short: its markup speaks */
    if (r->n == 0 || (!fitted && !(o && o->explain)))
        return FOLIO_OK;
    folio_status st = FOLIO_ERR_NOMEM;
    folio_page *p = folio_page_new(r);
    float *first = calloc((size_t)r->n * L_COUNT, sizeof *first);
    float *scores = calloc((size_t)r->n * L_COUNT, sizeof *scores);
    float *title_score = calloc((size_t)r->n, sizeof *title_score);
    uint8_t *labels = calloc((size_t)r->n, 1), *run_in = calloc((size_t)r->n, 1);
    int title = -1;
    const char *declared = NULL;
    if (!p || !first || !scores || !title_score || !labels || !run_in)
        goto cleanup;
    if (fitted) {
        if (!score_page(r, p, m, first, scores, title_score))
            goto cleanup;
        int marked = folio_markup_title(r);
        title = marked >= 0 ? marked : folio_label_choose_title(r, title_score);
        /* A page that declares a headline no line says, where the best line
         * (a sentence among them) is a sentence of prose: no line is the
         * title, the declared one is. */
        int best = marked >= 0 || !r->page ? marked : choose_title(r, title_score, true);
        declared = r->page && best >= 0 && r->u[best].prose && r->u[best].ends_sentence &&
                           r->u[best].hint.tag != HT_HEADING && !(r->u[best].hint.flags & HF_BOLD)
                       ? folio_markup_declared_title(r)
                       : NULL;
        if (declared) {
            title = -1;
            for (int i = 0; i < r->n; i++)
                scores[(size_t)i * L_COUNT + L_TITLE] = -1e9f;
        }
        float row[L_COUNT]; /* the title's scores, which the decode with it overrides */
        if (title >= 0)
            memcpy(row, scores + (size_t)title * L_COUNT, sizeof row);
        if (!decode_with_title(r, m, scores, title, labels) || !find_article(r, m, scores, title, labels))
            goto cleanup;
        int headline = declared || marked >= 0 ? title
                                                : folio_label_headline_over_byline(r, labels, title_score, title);
        if (headline != title) {
            memcpy(scores + (size_t)title * L_COUNT, row, sizeof row);
            title = headline;
            if (!decode_with_title(r, m, scores, title, labels) || !find_article(r, m, scores, title, labels))
                goto cleanup;
        }
        read_as_a_whole(r, scores, labels, run_in, title);
    }
    /* Explained before the labels become roles: the features are those the
     * scores came from (the rules' reading among them). */
    if (o && o->explain && !explain(r, p, fitted ? m : NULL, first, scores, labels, o))
        goto cleanup;
    if (fitted) {
        for (int i = 0; i < r->n; i++)
            apply_label(r, i, folio_label_final(r, p, i, (label)labels[i]), title);
        set_title(r, title);
        folio_markup_subtitle(r, title);
        if (declared) {
            r->title = declared;
            r->title_derived = false;
        }
        take_metadata(r, labels, title);
        folio_markup_roles(r, title);
        join_code(r);
        if (!fold_run_ins(r, run_in))
            goto cleanup;
    }
    st = FOLIO_OK;
cleanup:
    folio_page_free(p);
    free(first);
    free(scores);
    free(title_score);
    free(labels);
    free(run_in);
    return st;
}
