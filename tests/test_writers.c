/*
 * test_writers.c - the writers through the sink: output captured in memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <utf8proc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../convert/folio.h"
#include "../convert/internal.h"
#include "helpers.h"
#include "../formats/pdf.h"

static const char *ARTICLE =
    "Home\nA Small Test Book\n\nBy Ann Lee\nMay 4, 2024\n\n"
    "The first paragraph of the book is long enough to count as running text.\n\n"
    "A Section\n\n"
    "The second paragraph follows the heading and is also long enough to count.\n\n"
    "Edited by Bo Chen\n";

static folio_doc *doc_of(const char *text)
{
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(text, strlen(text), NULL, &doc, NULL), FOLIO_OK);
    return doc;
}

static void epub_in_memory(void **state)
{
    (void)state;
    folio_doc *doc = doc_of(ARTICLE);
    folio_buf a = { 0 }, b = { 0 };
    assert_int_equal(folio_write_epub(doc, NULL, to_buf, &a, NULL), FOLIO_OK);
    assert_int_equal(folio_write_epub(doc, NULL, to_buf, &b, NULL), FOLIO_OK);
    assert_true(a.len > 1000);
    assert_memory_equal(a.data, "PK\3\4", 4);
    /* the first entry is "mimetype", stored: its name and content follow the header */
    assert_memory_equal(a.data + 30, "mimetypeapplication/epub+zip", 28);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);   /* reproducible */
    folio_buf_free(&b);
    folio_write_opts o = { .epoch = 1700000000 };
    assert_int_equal(folio_write_epub(doc, &o, to_buf, &b, NULL), FOLIO_OK);
    assert_true(a.len != b.len || memcmp(a.data, b.data, a.len) != 0); /* the epoch is used */
    folio_buf_free(&a);
    folio_buf_free(&b);
    folio_doc_free(doc);
}

/* A summary that the first paragraph opens with (spaces aside) is in the
 * text: the writers print it once; another summary is not. */
static void summary_in_text(void **state)
{
    (void)state;
    folio_doc *doc = doc_of(ARTICLE);
    assert_false(folio_summary_in_text(doc)); /* none */
    doc->meta.summary = "The first  paragraph of the book";
    assert_true(folio_summary_in_text(doc));
    doc->meta.summary = "The second paragraph follows the heading";
    assert_false(folio_summary_in_text(doc)); /* under a heading: not the lead */
    doc->meta.summary = "A book about tests.";
    assert_false(folio_summary_in_text(doc));
    folio_buf a = { 0 };
    assert_int_equal(folio_write_epub(doc, NULL, to_buf, &a, NULL), FOLIO_OK);
    folio_buf_free(&a);
    folio_doc_free(doc);
}

static void epub_errors(void **state)
{
    (void)state;
    folio_doc *doc = doc_of(ARTICLE);
    folio_error err;
    assert_int_equal(folio_write_epub(doc, NULL, refuse, NULL, &err), FOLIO_ERR_WRITE);
    folio_write_opts o = { .epoch = -1, .cover_path = "/nonexistent/cover.jpg" };
    folio_buf a = { 0 };
    assert_int_equal(folio_write_epub(doc, &o, to_buf, &a, &err), FOLIO_ERR_INPUT);
    assert_non_null(strstr(err.message, "cover"));
    assert_int_equal(a.len, 0);  /* nothing half-written reaches the sink */
    o.cover_path = "tests/samples/en-harbour.txt"; /* not an image */
    assert_int_equal(folio_write_epub(doc, &o, to_buf, &a, &err), FOLIO_ERR_INPUT);
    assert_non_null(strstr(err.message, "JPEG or PNG"));
    folio_doc_free(doc);
}

static void language_tags(void **state)
{
    (void)state;
    folio_doc d = { 0 };
    char tag[32];
    struct { const char *lang, *script, *want; } cases[] = {
        { "zh", "Hans", "zh-Hans" }, { "zh", "Hant", "zh-Hant" }, { "ja", "Jpan", "ja" },
        { "en", "Latn", "en" },      { "pt_BR", NULL, "pt-BR" },  { "", NULL, "und" },
        { "e n", NULL, "und" },      { "zh-", NULL, "und" },      { "toolongsubtag", NULL, "und" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        d.meta.lang = cases[i].lang;
        d.meta.script = cases[i].script;
        assert_string_equal(folio_language_tag(&d, tag, sizeof tag), cases[i].want);
    }
}

/* ---- sentences ---- */

static void first_sentence(const char *text, const char *want)
{
    size_t n = folio_sentence_len(text, strlen(text));
    if (n != strlen(want) || strncmp(text, want, n) != 0)
        fail_msg("sentence of '%s' is '%.*s', want '%s'", text, (int)n, text, want);
}

static void sentences(void **state)
{
    (void)state;
    first_sentence("这并非首次。二战结束后，美国构筑了网络。", "这并非首次。");
    first_sentence("李亮提到：“没有数据做支撑，他们就无法放贷。”此外，平台需要调整。",
                   "李亮提到：“没有数据做支撑，他们就无法放贷。”");
    first_sentence("行业人人自危！她说。", "行业人人自危！");
    first_sentence("真的吗？是的。", "真的吗？");
    first_sentence("The U.S. Navy met Dr. Smith at 3.5 knots. Then it left.", "The U.S. Navy met Dr. Smith at 3.5 knots.");
    first_sentence("Use e.g. a rope. Or not.", "Use e.g. a rope.");
    first_sentence("J. R. R. Tolkien wrote it. Really.", "J. R. R. Tolkien wrote it.");
    first_sentence("\u201cWe ran out of fuel.\u201d He said so.", "\u201cWe ran out of fuel.\u201d");
    first_sentence("Wait... What happened? Nothing.", "Wait...");
    first_sentence("Visit example.com for more. Thanks.", "Visit example.com for more.");
    first_sentence("No end punctuation here", "No end punctuation here");
    first_sentence("Prices rose 2.5% in Jan. and fell in Feb. Then calm.", "Prices rose 2.5% in Jan. and fell in Feb.");
    first_sentence("He moved to the U.S. The rest is history.", "He moved to the U.S.");
    first_sentence("Ask Prof. Lee. She knows.", "Ask Prof. Lee.");
}

static void key_sentences(void **state)
{
    (void)state;
    const char *t = "\u201cWe stopped waiting. The question was different.\u201d";
    folio_buf b = { 0 };
    folio_key_sentence(t, folio_sentence_len(t, strlen(t)), &b);
    assert_string_equal(b.data, "\u201cWe stopped waiting.\u201d");
    folio_buf_free(&b);
    t = "\"We stopped waiting. The question was different.\"";
    folio_key_sentence(t, folio_sentence_len(t, strlen(t)), &b);
    assert_string_equal(b.data, "\"We stopped waiting.\"");
    folio_buf_free(&b);
    t = "「行业人人自危。她说。」";
    folio_key_sentence(t, folio_sentence_len(t, strlen(t)), &b);
    assert_string_equal(b.data, "「行业人人自危。」");
    folio_buf_free(&b);
}

/* ---- line breaking ---- */

typedef struct lines {
    char *line[64];
    int n;
} lines;

/* Lines as drawn: a hyphenated one gets its hyphen. */
static int collect(void *user, const char *s, size_t n, bool hyphen)
{
    lines *l = user;
    if (l->n < 64 && (l->line[l->n] = malloc(n + 2))) {
        memcpy(l->line[l->n], s, n);
        strcpy(l->line[l->n++] + n, hyphen ? "-" : "");
    }
    return 0;
}

static void free_lines(lines *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->line[i]);
    l->n = 0;
}

static int count_lines(void *user, const char *s, size_t n, bool hyphen)
{
    (void)s, (void)n, (void)hyphen;
    ++*(int *)user;
    return 0;
}

/* Every Unicode scalar value, alone and between letters, CJK, spaces and
 * itself, goes through the line breaker (libunibreak 5.1 aborted on U+FFFF
 * and on regional indicators). */
static void every_scalar_breaks(void **state)
{
    (void)state;
    static const char *const around[][2] = { { "", "" }, { "a ", ". x" }, { "\xE4\xB8\x80", "\xE3\x80\x82" } };
    for (int32_t c = 1; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char cp[5] = { 0 }, text[64];
        utf8proc_encode_char(c, (utf8proc_uint8_t *)cp);
        for (size_t a = 0; a < sizeof around / sizeof around[0]; a++) {
            int n = snprintf(text, sizeof text, "%s%s%s%s", around[a][0], cp, cp, around[a][1]), nl = 0;
            assert_int_equal(folio_break_lines(text, (size_t)n, "en", 3, 3, folio_measure_columns, NULL, NULL,
                                               NULL, count_lines, &nl), 0);
            assert_true(nl >= 1);
        }
    }
}

/* The walker over a document built by hand: an opening, headings that
 * skip a level and climb back, a list of each kind; the events as a
 * string ("{" enter, "}" exit, a letter per leaf). */
static void walker(void **state)
{
    (void)state;
    folio_block b[] = {
        { .type = FOLIO_BLOCK_PARAGRAPH, .text = "p" },
        { .type = FOLIO_BLOCK_HEADING, .text = "A", .u.heading.level = 1 },
        { .type = FOLIO_BLOCK_PARAGRAPH, .text = "p" },
        { .type = FOLIO_BLOCK_HEADING, .text = "B", .u.heading.level = 3 }, /* under A: level 2 */
        { .type = FOLIO_BLOCK_LIST_ITEM, .text = "i" },
        { .type = FOLIO_BLOCK_LIST_ITEM, .text = "i" },
        { .type = FOLIO_BLOCK_LIST_ITEM, .text = "o", .u.list_item.ordered = 1 },
        { .type = FOLIO_BLOCK_HEADING, .text = "C", .u.heading.level = 3 }, /* B's sibling */
        { .type = FOLIO_BLOCK_HEADING, .text = "D", .u.heading.level = 2 }, /* closes C, not A */
        { .type = FOLIO_BLOCK_HEADING, .text = "E", .u.heading.level = 1 },
        { .type = FOLIO_BLOCK_PARAGRAPH, .text = "p" },
    };
    folio_doc doc = { .blocks = b, .n_blocks = sizeof b / sizeof b[0] };
    char got[256] = "", nums[64] = "";
    folio_iter *it = folio_iter_new(&doc, 6, 1);
    assert_non_null(it);
    const folio_node *n;
    folio_event ev;
    while ((ev = folio_iter_next(it, &n)) != FOLIO_EVENT_DONE) {
        char one[16];
        if (n->kind == FOLIO_NODE_BLOCK)
            snprintf(one, sizeof one, "%s", n->block->text);
        else if (n->kind == FOLIO_NODE_SECTION)
            snprintf(one, sizeof one, ev == FOLIO_EVENT_ENTER ? "{%s%d" : "}", n->block ? n->block->text : "O",
                     n->level);
        else if (n->kind == FOLIO_NODE_LIST)
            snprintf(one, sizeof one, ev == FOLIO_EVENT_ENTER ? "[%d" : "]", n->number);
        else
            snprintf(one, sizeof one, ev == FOLIO_EVENT_ENTER ? "<" : ">");
        strcat(got, one);
        if (n->kind == FOLIO_NODE_SECTION && ev == FOLIO_EVENT_ENTER && n->block) {
            int v[6], k = folio_iter_numbers(it, v, 6);
            for (int j = 0; j < k; j++)
                snprintf(nums + strlen(nums), sizeof nums - strlen(nums), j ? ".%d" : " %d", v[j]);
        }
    }
    folio_iter_free(it);
    assert_string_equal(got, "<{O1p}{A1p{B2[0ii][1o]}{C2}{D2}}{E1p}>");
    assert_string_equal(nums, " 1 1.1 1.2 1.3 2");
}

/* The PDF layout's display list (every run, rule, picture, link and
 * bookmark with its page and position) against a golden file: the layout
 * is tested apart from painting.  FOLIO_UPDATE_GOLDEN=1 rewrites the files
 * (review the diff). */
static void layout_golden(void **state)
{
    (void)state;
    static const char *const pages[] = { "tests/samples/en-harbour.txt", "tests/samples/zh-library.txt",
                                         "tests/html/levels.html", "tests/html/inline.html" };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        folio_buf in = { 0 }, got = { 0 }, want = { 0 };
        char golden[128];
        const char *base = strrchr(pages[i], '/') + 1;
        snprintf(golden, sizeof golden, "tests/golden/%.*s.layout", (int)(strrchr(base, '.') - base), base);
        FILE *f = fopen(pages[i], "rb");
        assert_non_null(f);
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            folio_buf_append(&in, chunk, n);
        fclose(f);
        folio_doc *doc = NULL;
        bool html = strstr(pages[i], ".html") != NULL;
        assert_int_equal(html ? folio_read_html(in.data, in.len, NULL, &doc, NULL)
                              : folio_read_text(in.data, in.len, NULL, &doc, NULL), FOLIO_OK);
        /* the faces the goldens were measured with, whatever else is installed */
        folio_write_opts o = { .epoch = 0, .font = "Noto Serif", .cjk_font = "Droid Sans Fallback" };
        assert_int_equal(folio_pdf_dump_layout(doc, &o, to_buf, &got, NULL), FOLIO_OK);
        folio_doc_free(doc);
        if (getenv("FOLIO_UPDATE_GOLDEN") && (f = fopen(golden, "wb"))) {
            fwrite(got.data, 1, got.len, f);
            fclose(f);
        }
        f = fopen(golden, "rb");
        assert_non_null(f);
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            folio_buf_append(&want, chunk, n);
        fclose(f);
        if (got.len != want.len || memcmp(got.data, want.data, got.len) != 0)
            fail_msg("%s: the layout differs from %s (FOLIO_UPDATE_GOLDEN=1 rewrites it)", pages[i], golden);
        folio_buf_free(&in);
        folio_buf_free(&got);
        folio_buf_free(&want);
    }
}

/* Key sentences by salience: a paragraph whose first sentence says little
 * gives the sentence that carries the article's repeated terms; one whose
 * first sentence carries them keeps it; an address is never chosen. */
static void salient_sentences(void **state)
{
    (void)state;
    folio_doc *doc = doc_of("Harbour Dredging\n\n"
                            "Harbour dredging keeps the channel open for the ferries and the fishing boats.\n\n"
                            "Things changed. Dredging the harbour channel each spring now costs the town more than "
                            "the ferries earn.\n\n"
                            "The harbour channel silts up every winter, and dredging clears it. Nobody minds.\n\n"
                            "It was quiet. See https://example.org/harbour-dredging-channel for the harbour "
                            "dredging channel.\n");
    folio_terms *t = folio_terms_new(doc);
    assert_non_null(t);
    const char *p2 = doc->blocks[1].text, *p3 = doc->blocks[2].text, *p4 = doc->blocks[3].text;
    size_t len, at = folio_salient_sentence(t, p2, strlen(p2), &len);
    assert_true(strncmp(p2 + at, "Dredging the harbour channel", 28) == 0);
    at = folio_salient_sentence(t, p3, strlen(p3), &len);
    assert_int_equal(at, 0);
    at = folio_salient_sentence(t, p4, strlen(p4), &len);
    assert_int_equal(at, 0);
    folio_terms_free(t);
    folio_doc_free(doc);
}

/* A heading's own number, as the model keeps it (folio_block.u.heading.number_len). */
static void heading_numbers(void **state)
{
    (void)state;
    static const struct { const char *heading, *number; } cases[] = {
        { "2. What it pays", "2. " }, { "一、借书的人少了", "一、" }, { "十二、结语", "十二、" },
        { "第三章 港口", "第三章 " }, { "第2节", "第2节" }, { "Part II: The sea", "Part II: " },
        { "1", "1" }, { "(3) Costs", "(3) " }, { "What it pays", "" }, { "2024 in review", "" },
        { "一些问题", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = folio_heading_number(cases[i].heading, strlen(cases[i].heading));
        assert_int_equal(n, strlen(cases[i].number));
        assert_memory_equal(cases[i].heading, cases[i].number, n);
    }
}

/* Does any line of l end between two katakana, inside the quoted term,
 * or after a Han character that a Han character or hiragana follows (a
 * compound, a verb's ending), but for Chinese 的 and 了? */
static bool breaks_a_word(const lines *l)
{
    for (int i = 0; i + 1 < l->n; i++) {
        int32_t last = folio_utf8_last(l->line[i], strlen(l->line[i]), NULL), first;
        folio_utf8_next(l->line[i + 1], strlen(l->line[i + 1]), &first);
        bool kana = last >= 0x30A1 && last <= 0x30FC && first >= 0x30A1 && first <= 0x30FC;
        bool han = folio_is_han(last) && (folio_is_han(first) || (first >= 0x3041 && first <= 0x309F)) &&
                   last != 0x7684 && last != 0x4E86;
        if (kana || han || (strstr(l->line[i], "\xE2\x80\x9C") && !strstr(l->line[i], "\xE2\x80\x9D")))
            return true;
    }
    return false;
}

/* Titles and headings break between words: never inside a katakana word
 * or a short quoted term, where body text may. */
static void display_breaking(void **state)
{
    (void)state;
    const char *text[] = { "Suicaでガシャれる。電子マネー対応ガシャポンが稼働開始",
                           "美国国防部前高官：建立“太平洋防务条约”的理由",
                           "Intel NUCで最新SSDを比較してみた：さらば平成、さらば水冷" };
    for (int t = 0; t < 3; t++) {
        bool body_breaks = false;
        for (int w = 28; w <= 44; w++) { /* wider than any one phrase */
            lines l = { 0 };
            const char *lang = t == 1 ? "zh" : "ja";
            assert_int_equal(folio_break_display(text[t], strlen(text[t]), lang, w, folio_measure_columns,
                                                 NULL, collect, &l), 0);
            assert_false(breaks_a_word(&l));
            free_lines(&l);
            assert_int_equal(folio_break_lines(text[t], strlen(text[t]), lang, w, w, folio_measure_columns,
                                               NULL, NULL, NULL, collect, &l), 0);
            body_breaks |= breaks_a_word(&l);
            free_lines(&l);
        }
        assert_true(body_breaks); /* the case is one body text breaks */
    }
    /* a balanced title is set no narrower than its widest phrase (with the
     * comma that may not start a line) */
    const char *zh = "数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等";
    assert_true(folio_display_min_width(zh, strlen(zh), "zh", folio_measure_columns, NULL) == 22.0);
    /* a figure keeps its unit: no title line ends "3000" before "亿美元" */
    const char *figure = "我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心";
    for (int w = 20; w <= 44; w++) {
        lines l = { 0 };
        assert_int_equal(folio_break_display(figure, strlen(figure), "zh", w, folio_measure_columns, NULL, collect, &l), 0);
        for (int i = 0; i + 1 < l.n; i++) {
            size_t len = strlen(l.line[i]);
            assert_false(len && l.line[i][len - 1] >= '0' && l.line[i][len - 1] <= '9');
        }
        free_lines(&l);
    }
}

static void line_breaking(void **state)
{
    (void)state;
    lines l = { 0 };
    const char *zh = "当前，美国在亚洲构建集体防御体系的时机已经成熟。长期以来，此类条约既不切实际也非必需。然而，在中国不断增长的影响力面前，建立这样的条约变得迫切（见下文）。";
    for (int w = 10; w <= 40; w += 3) {
        assert_int_equal(folio_break_lines(zh, strlen(zh), "zh", w, w, folio_measure_columns, NULL, NULL, NULL, collect, &l), 0);
        for (int i = 0; i < l.n; i++) {
            assert_true(folio_text_width(l.line[i], strlen(l.line[i])) <= (size_t)w);
            int32_t c;
            folio_utf8_next(l.line[i], strlen(l.line[i]), &c);
            /* a closing mark never starts a line, an opening mark never ends one */
            assert_false(c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF09 || c == 0x201D);
            int32_t last = folio_utf8_last(l.line[i], strlen(l.line[i]), NULL);
            assert_false(last == 0xFF08 || last == 0x201C);
        }
        /* no last line of one character and its closing mark */
        const char *tail = l.line[l.n - 1];
        size_t letters = 0;
        for (size_t k = 0; tail[k];) {
            int32_t c;
            k += folio_utf8_next(tail + k, strlen(tail + k), &c);
            letters += !(c == 0x3002 || c == 0xFF0C || c == 0xFF09 || c == 0x201D);
        }
        assert_true(l.n == 1 || letters >= 2);
        free_lines(&l);
    }
    /* Japanese, strictly: no line starts with a small kana or ー */
    const char *ja = "パッケージをチェックするといったことは、ユーザーにとってはとても大切なことだ。ちょっとしたミスがトラブルになる。";
    for (int w = 6; w <= 30; w++) {
        assert_int_equal(folio_break_lines(ja, strlen(ja), "ja", w, w, folio_measure_columns, NULL, NULL, NULL, collect, &l), 0);
        for (int i = 1; i < l.n; i++) {
            int32_t c;
            folio_utf8_next(l.line[i], strlen(l.line[i]), &c);
            assert_false(c == 0x30C3 || c == 0x30FC || c == 0x30A7 || c == 0x3063 || c == 0x30E5 || c == 0x3087 ||
                         c == 0x30E3);
        }
        free_lines(&l);
    }
    const char *en = "Words are never split: internationalisation stays whole, and so does interoperability.";
    assert_int_equal(folio_break_lines(en, strlen(en), "en", 24, 24, folio_measure_columns, NULL, NULL, NULL, collect, &l), 0);
    for (int i = 0; i < l.n; i++) {
        assert_true(strlen(l.line[i]) <= 24);
        assert_true(l.line[i][0] != ' ' && l.line[i][strlen(l.line[i]) - 1] != ' ');
    }
    assert_string_equal(l.line[1], "internationalisation");
    free_lines(&l);
    const char *url = "See https://example.org/a/very/long/path/to/some/document.html for details.";
    assert_int_equal(folio_break_lines(url, strlen(url), "en", 20, 20, folio_measure_columns, NULL, NULL, NULL, collect, &l), 0);
    for (int i = 0; i < l.n; i++)
        assert_true(strlen(l.line[i]) <= 20);
    assert_string_equal(l.line[0], "See https://");
    for (int i = 1; i + 2 < l.n; i++) /* the URL breaks after slashes */
        assert_true(l.line[i][strlen(l.line[i]) - 1] == '/');
    free_lines(&l);
}

/* A title of two lines is balanced: the second line is not a word or
 * two left over from the first. */
static void balanced_title(void **state)
{
    (void)state;
    const char *t = "The Quiet Economics of Small Harbours and Their Working Towns\n\n"
                    "Fishing towns that lost their fleets are finding new work in their harbours, "
                    "with ferries, kayaks and turbine blades where the trawlers were.\n";
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(t, strlen(t), NULL, &doc, NULL), FOLIO_OK);
    folio_buf got = { 0 };
    folio_write_opts o = { .epoch = 0 };
    assert_int_equal(folio_pdf_dump_layout(doc, &o, to_buf, &got, NULL), FOLIO_OK);
    folio_buf_putc(&got, '\0');
    /* the title's words ("text X Y face S 20.0 ..."), counted per line */
    float y[4];
    int words[4] = { 0 }, n_lines = 0;
    for (char *l = strtok(got.data, "\n"); l; l = strtok(NULL, "\n")) {
        float x, ly, size;
        int face;
        if (sscanf(l, "p1 text %f %f face%d %f", &x, &ly, &face, &size) != 4 || size != 20.0f)
            continue;
        if (n_lines == 0 || ly != y[n_lines - 1]) {
            assert_true(n_lines < 4);
            y[n_lines++] = ly;
        }
        words[n_lines - 1]++;
    }
    assert_int_equal(n_lines, 2);
    assert_true(abs(words[0] - words[1]) <= 2);
    folio_buf_free(&got);
    folio_doc_free(doc);
}

/* A stand-in dictionary: a break after every third byte of a word. */
static bool every_third(void *user, const char *w, size_t n, char *at)
{
    (void)user;
    (void)w;
    for (size_t i = 0; i < n; i++)
        at[i] = i % 3 == 2;
    return true;
}

/* Justified paragraphs break by total fit: the lines are as evenly full as
 * the breaks allow (greedy filling leaves one line loose to keep another
 * full), never over the measure, with the same rules at the breaks. */
static size_t columns(const char *s)
{
    return folio_text_width(s, strlen(s));
}

static void total_fit(void **state)
{
    (void)state;
    lines l = { 0 };
    const char *en = "KHAN YOUNIS, GAZA \xE2\x80\x94 The Israeli assault on the Gaza Strip has left the health sector "
                     "in the besieged coastal enclave in a state of unprecedented, near-total collapse, according to "
                     "an investigation by +972 Magazine and The Intercept. The dire conditions were prompted by "
                     "Israel's intensive bombardment, sometimes targeting hospitals and surrounding areas, along with "
                     "power cuts, shortages of fuel and medical supplies, and an exponential increase in injuries.";
    size_t shortest_greedy = 60, shortest = 60;
    assert_int_equal(folio_break_lines(en, strlen(en), "en", 60, 60, folio_measure_columns, NULL, NULL, NULL, collect,
                                       &l), 0);
    for (int i = 0; i + 1 < l.n; i++)
        shortest_greedy = columns(l.line[i]) < shortest_greedy ? columns(l.line[i]) : shortest_greedy;
    free_lines(&l);
    assert_int_equal(folio_break_justified(en, strlen(en), "en", 60, 60, folio_measure_columns, NULL, NULL, NULL,
                                           collect, &l), 0);
    folio_buf joined = { 0 };
    for (int i = 0; i < l.n; i++) {
        assert_true(columns(l.line[i]) <= 60);
        if (i + 1 < l.n)
            shortest = columns(l.line[i]) < shortest ? columns(l.line[i]) : shortest;
        folio_buf_puts(&joined, i ? " " : "");
        folio_buf_puts(&joined, l.line[i]);
    }
    assert_string_equal(joined.data, en); /* every word, in order */
    assert_true(shortest_greedy <= 51 && shortest >= 55);
    folio_buf_free(&joined);
    free_lines(&l);
    /* Chinese: kinsoku at the breaks, no one-character last line */
    const char *zh = "当前，美国在亚洲构建集体防御体系的时机已经成熟。长期以来，此类条约既不切实际也非必需。然而，在中国不断增长的影响力面前，建立这样的条约变得迫切（见下文）。";
    for (int w = 10; w <= 40; w += 1) {
        assert_int_equal(folio_break_justified(zh, strlen(zh), "zh", w, w, folio_measure_columns, NULL, NULL, NULL,
                                               collect, &l), 0);
        for (int i = 0; i < l.n; i++) {
            assert_true(columns(l.line[i]) <= (size_t)w);
            int32_t c;
            folio_utf8_next(l.line[i], strlen(l.line[i]), &c);
            assert_false(c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF09 || c == 0x201D);
        }
        const char *tail = l.line[l.n - 1];
        size_t letters = 0;
        for (size_t k = 0; tail[k];) {
            int32_t c;
            k += folio_utf8_next(tail + k, strlen(tail + k), &c);
            letters += folio_is_han(c);
        }
        assert_true(l.n == 1 || letters >= 2);
        free_lines(&l);
    }
    /* hyphens: never the last word, not two lines running where it can help */
    const char *end = "Ships need interoperability.";
    assert_int_equal(folio_break_justified(end, strlen(end), "en", 20, 20, folio_measure_columns, NULL, every_third,
                                           NULL, collect, &l), 0);
    assert_string_equal(l.line[l.n - 1], "interoperability.");
    free_lines(&l);
    /* a word wider than the line: set all the same, as the greedy breaker does */
    const char *wide = "a supercalifragilisticexpialidocious word";
    assert_int_equal(folio_break_justified(wide, strlen(wide), "en", 10, 10, folio_measure_columns, NULL, NULL, NULL,
                                           collect, &l), 0);
    assert_true(l.n >= 4);
    for (int i = 0; i < l.n; i++)
        assert_true(columns(l.line[i]) <= 10);
    free_lines(&l);
}

static void hyphenation(void **state)
{
    (void)state;
    lines l = { 0 };
    /* "interoperability" misses the line: the longest part that fits with
     * its hyphen ends the line; "wind-turbine" breaks at its own hyphen;
     * trailing punctuation stays with the word. */
    const char *en = "Systems need interoperability, and wind-turbine blades.";
    assert_int_equal(folio_break_lines(en, strlen(en), "en", 24, 24, folio_measure_columns, NULL, every_third,
                                       NULL, collect, &l), 0);
    assert_string_equal(l.line[0], "Systems need interoper-");
    assert_string_equal(l.line[1], "ability, and wind-");
    assert_string_equal(l.line[2], "turbine blades.");
    free_lines(&l);
    /* A line that is only a little short is not hyphenated. */
    const char *tight = "a b c d e f ghijklmnop"; /* "ghi-" would fit */
    assert_int_equal(folio_break_lines(tight, strlen(tight), "en", 16, 16, folio_measure_columns, NULL,
                                       every_third, NULL, collect, &l), 0);
    assert_string_equal(l.line[0], "a b c d e f");
    free_lines(&l);
    /* The paragraph's last word is never hyphenated: no "erability." alone. */
    const char *end = "Ships need interoperability.";
    assert_int_equal(folio_break_lines(end, strlen(end), "en", 20, 20, folio_measure_columns, NULL,
                                       every_third, NULL, collect, &l), 0);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.line[1], "interoperability.");
    free_lines(&l);
    /* Never three hyphenated lines running. */
    const char *many = "x abcdefghijk x abcdefghijk x abcdefghijk x abcdefghijk x abcdefghijk";
    assert_int_equal(folio_break_lines(many, strlen(many), "en", 12, 12, folio_measure_columns, NULL,
                                       every_third, NULL, collect, &l), 0);
    int run = 0, hyphens = 0;
    for (int i = 0; i < l.n; i++) {
        bool h = l.line[i][strlen(l.line[i]) - 1] == '-';
        hyphens += h;
        run = h ? run + 1 : 0;
        assert_true(run <= 2);
    }
    assert_true(hyphens >= 2);
    free_lines(&l);
    /* With the real dictionary (hyphen-en-us): known points, no acronyms. */
    folio_hyphenator *h = folio_hyphenator_new("en");
    if (!h) {
        print_message("hyphen-en-us not installed: dictionary test skipped\n");
        return;
    }
    char at[32] = { 0 };
    assert_true(folio_hyphen_points(h, "maintained", 10, at));
    assert_true(at[3]);  /* main-tained */
    assert_false(at[0] || at[1] || at[8]); /* two letters before, three after */
    assert_false(folio_hyphen_points(h, "UNESCO", 6, at));
    assert_false(folio_hyphen_points(h, "October", 7, at)); /* names stay whole */
    assert_false(folio_hyphen_points(h, "cat", 3, at));
    assert_false(folio_hyphen_points(h, "abc123def", 9, at));
    assert_null(folio_hyphenator_new("xx"));
    folio_hyphenator_free(h);
}

static void widths(void **state)
{
    (void)state;
    assert_int_equal(folio_text_width("abc", 3), 3);
    assert_int_equal(folio_text_width("中文", 6), 4);
    assert_int_equal(folio_text_width("ｶﾀｶﾅ", strlen("ｶﾀｶﾅ")), 4); /* half-width kana */
    assert_int_equal(folio_text_width("，。", strlen("，。")), 4);
    assert_int_equal(folio_text_width("e\u0301", strlen("e\u0301")), 1); /* combining accent */
    /* East Asian ambiguous: one column, two in a CJK document */
    assert_int_equal(folio_text_width("“·—…”", strlen("“·—…”")), 5);
    assert_int_equal(folio_text_width_cjk("“·—…”", strlen("“·—…”")), 10);
    assert_int_equal(folio_text_width_cjk("abc中", strlen("abc中")), 5);
}

/* ---- outline ---- */

static void outline_plain(void **state)
{
    (void)state;
    folio_doc *doc = doc_of(ARTICLE);
    folio_buf b = { 0 };
    assert_int_equal(folio_write_outline(doc, NULL, to_buf, &b, NULL), FOLIO_OK);
    assert_string_equal(b.data, "A Small Test Book\nAnn Lee · 2024-05-04\n\n"
                                "Opening\n"
                                "  - The first paragraph of the book is long enough to count as running text.\n\n"
                                "1. A Section\n"
                                "  - The second paragraph follows the heading and is also long enough to count.\n");
    folio_buf_free(&b);
    folio_write_opts o = { .outline_depth = 1 };
    assert_int_equal(folio_write_outline(doc, &o, to_buf, &b, NULL), FOLIO_OK);
    assert_string_equal(b.data, "A Small Test Book\nAnn Lee · 2024-05-04\n\n1. A Section\n");
    folio_buf_free(&b);
    assert_int_equal(folio_write_outline_md(doc, NULL, to_buf, &b, NULL), FOLIO_OK);
    assert_non_null(strstr(b.data, "\n## 1. A Section\n"));
    folio_buf_free(&b);
    assert_int_equal(folio_write_opml(doc, NULL, to_buf, &b, NULL), FOLIO_OK);
    assert_non_null(strstr(b.data, "<outline text=\"A Section\">"));
    assert_non_null(strstr(b.data, "<dateCreated>Sat, 04 May 2024 00:00:00 GMT</dateCreated>"));
    folio_buf_free(&b);
    folio_error err;
    assert_int_equal(folio_write_outline(doc, NULL, refuse, NULL, &err), FOLIO_ERR_WRITE);
    assert_int_equal(folio_write_opml(doc, NULL, refuse, NULL, &err), FOLIO_ERR_WRITE);
    folio_doc_free(doc);
}

/* ---- PDF ---- */

static void pdf_in_memory(void **state)
{
    (void)state;
    folio_doc *doc = doc_of(ARTICLE);
    folio_buf a = { 0 }, b = { 0 };
    folio_error err;
    assert_int_equal(folio_write_pdf(doc, NULL, to_buf, &a, &err), FOLIO_OK);
    assert_int_equal(folio_write_pdf(doc, NULL, to_buf, &b, &err), FOLIO_OK);
    assert_memory_equal(a.data, "%PDF-1.", 7);
    assert_non_null(memmem(a.data, a.len, "%%EOF", 5));
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len); /* reproducible */
    folio_buf_free(&a);
    folio_buf_free(&b);
    assert_int_equal(folio_write_pdf(doc, NULL, refuse, NULL, &err), FOLIO_ERR_WRITE);
    folio_write_opts o = { .epoch = -1, .paper = "b5" };
    assert_int_equal(folio_write_pdf(doc, &o, to_buf, &a, &err), FOLIO_ERR_USAGE);
    assert_non_null(strstr(err.message, "b5"));
    o = (folio_write_opts){ .epoch = -1, .font = "/nonexistent/font.ttf" };
    assert_int_equal(folio_write_pdf(doc, &o, to_buf, &a, &err), FOLIO_ERR_FORMAT);
    assert_non_null(strstr(err.message, "/nonexistent/font.ttf: not a font that can be embedded"));
    assert_int_equal(a.len, 0);
    folio_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(epub_in_memory),
        cmocka_unit_test(epub_errors),
        cmocka_unit_test(summary_in_text),
        cmocka_unit_test(language_tags),
        cmocka_unit_test(sentences),
        cmocka_unit_test(key_sentences),
        cmocka_unit_test(line_breaking), cmocka_unit_test(heading_numbers), cmocka_unit_test(display_breaking),
        cmocka_unit_test(layout_golden), cmocka_unit_test(balanced_title), cmocka_unit_test(walker), cmocka_unit_test(salient_sentences),
        cmocka_unit_test(every_scalar_breaks),
        cmocka_unit_test(hyphenation),
        cmocka_unit_test(total_fit),
        cmocka_unit_test(widths),
        cmocka_unit_test(outline_plain),
        cmocka_unit_test(pdf_in_memory),
    };
    return cmocka_run_group_tests_name("writers", tests, NULL, NULL);
}
