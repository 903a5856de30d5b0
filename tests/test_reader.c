/*
 * test_reader.c - unit tests of the scraped-text reader and the JSON writer.
 * Each test states one rule an editor would state, with the cases where it
 * must fire and the cases where it must not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "../convert/folio.h"
#include "../convert/internal.h"
#include "helpers.h"
#include "../reader/scraped.h"
#include "../reader/model.h"

/* ---- helpers ---- */

static folio_doc *read_doc(const char *text)
{
    folio_doc *doc = NULL;
    folio_error err;
    assert_int_equal(folio_read_text(text, strlen(text), NULL, &doc, &err), FOLIO_OK);
    assert_non_null(doc);
    return doc;
}

/* "heading", "paragraph", ... for a block starting at `line`, "-reason" for a
 * removed line, "?" if the line is nowhere. */
static const char *what(const folio_doc *doc, int line)
{
    static char buf[32];
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].line == line)
            return folio_block_type_name(doc->blocks[i].type);
    for (size_t i = 0; i < doc->n_removed; i++)
        if (doc->removed[i].line == line) {
            snprintf(buf, sizeof buf, "-%s", doc->removed[i].reason);
            return buf;
        }
    return "?";
}

static const folio_block *block_at(const folio_doc *doc, int line)
{
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].line == line)
            return &doc->blocks[i];
    return NULL;
}

/* A minimal article around a body, so title and header rules stay out of
 * the way: title on line 1, date on line 3, body from line 5. */
#define HEAD "A Test Article About Harbours\n\n2024-05-01\n\n"
#define HEAD_ZH "测试文章的标题在这里\n\n2024年5月1日\n\n"
#define P_EN "This is an ordinary paragraph of running text, long enough to be prose."
#define P_ZH "这是一段普通的正文，长度足够被当作正文段落来处理，其中有逗号也有句号。"
/* A second paragraph: an article does not repeat its paragraphs word for
 * word (a repeated line is what page furniture does). */
#define P_EN2 "The harbour master keeps a list of the boats that come back each spring, and it grows."
#define P_ZH2 "码头上的仓库重新忙了起来，存放的不再是鱼，而是皮划艇和等待维修的渡轮。"

static void expect(const char *text, int line, const char *type)
{
    folio_doc *doc = read_doc(text);
    const char *got = what(doc, line);
    if (strcmp(got, type) != 0)
        fail_msg("line %d: expected %s, got %s in:\n%s", line, type, got, text);
    folio_doc_free(doc);
}

/* ---- title and header ---- */

static void title_before_date_line(void **state)
{
    (void)state;
    folio_doc *doc = read_doc("首页\n新闻\n\n栏目名|一个真正的标题就在这里\n\n站点 分类 2025-05-31 19:18 2\n\n" P_ZH "\n\n" P_ZH2 "\n");
    assert_string_equal(doc->meta.title, "一个真正的标题就在这里");
    assert_string_equal(doc->meta.date, "2025-05-31");
    assert_string_equal(what(doc, 1), "-navigation");
    assert_string_equal(what(doc, 4), "-metadata");
    assert_string_equal(what(doc, 6), "-metadata");
    folio_doc_free(doc);
}

static void read_units(unit *u, const char *const *text, int n, bool classify);

static void title_cleanup(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const char *t = "【不忘初心】医院举办理论知识与专业技能大赛";
    assert_string_equal(folio_scraped_clean_title(a, NULL, t, strlen(t)), "医院举办理论知识与专业技能大赛");
    t = "Intel NUCで最新SSDを比較してみた（1/2 ページ）";
    assert_string_equal(folio_scraped_clean_title(a, NULL, t, strlen(t)), "Intel NUCで最新SSDを比較してみた");
    /* a short tag before the colon goes where the page names it as its own
     * (an account's name), and stays where it is said only in the title (a
     * series' name) */
    t = "补壹刀：别笑！18人的新联盟今天成立了";
    const char *page[] = { t, "正文第一段。", "补壹刀微信公号" };
    unit u[3];
    read_units(u, page, 3, false);
    reader r = { .u = u, .n = 3 };
    assert_string_equal(folio_scraped_clean_title(a, &r, t, strlen(t)), "别笑！18人的新联盟今天成立了");
    r.n = 2;
    assert_string_equal(folio_scraped_clean_title(a, &r, t, strlen(t)), t);
    t = "一日一技：在 Python 中实现延迟调用";
    assert_string_equal(folio_scraped_clean_title(a, NULL, t, strlen(t)), t);
    /* must not fire: a long part before the colon is the title itself */
    t = "Evi1m0：去年跨过的客户端与浏览器的故事";
    assert_string_equal(folio_scraped_clean_title(a, NULL, t, strlen(t)), t);
    t = "The 2020 Report (Part of a Series)";
    assert_string_equal(folio_scraped_clean_title(a, NULL, t, strlen(t)), t);
    folio_arena_free(a);
}

static void byline_and_standfirst(void **state)
{
    (void)state;
    folio_doc *doc = read_doc("Menu\nThe Long Road to the Coast\n\nA standfirst that says what the piece is about, in one sentence.\n\n"
                              "By Ann Lee and Bo Chen\nJune 25, 2024\n\n" P_EN "\n\n" P_EN2 "\n");
    assert_string_equal(doc->meta.title, "The Long Road to the Coast");
    assert_int_equal(doc->meta.n_authors, 2);
    assert_string_equal(doc->meta.authors[0], "Ann Lee");
    assert_string_equal(doc->meta.authors[1], "Bo Chen");
    assert_string_equal(doc->meta.date, "2024-06-25");
    assert_non_null(doc->meta.summary);
    assert_string_equal(what(doc, 4), "-metadata");
    folio_doc_free(doc);
}

static void zh_bylines(void **state)
{
    (void)state;
    folio_doc *doc = read_doc(HEAD_ZH "文/林晓舟\n\n" P_ZH "\n\n" P_ZH2 "\n");
    assert_int_equal(doc->meta.n_authors, 1);
    assert_string_equal(doc->meta.authors[0], "林晓舟");
    folio_doc_free(doc);
    doc = read_doc("标题在这里是一个长标题\n发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星\n\n" P_ZH "\n\n" P_ZH2 "\n");
    assert_string_equal(doc->meta.authors[0], "魏星");
    assert_string_equal(doc->meta.source, "CSDN");
    folio_doc_free(doc);
}

/* A byline's label in other languages names the author; the date of
 * "Posted on March 3" names nobody. */
static void world_bylines(void **state)
{
    (void)state;
    static const struct {
        const char *page, *author;
    } cases[] = {
        { "Home\nNews\n\nLa bibliothèque rouvre ses portes\n\nPar Jeanne Morel\n12 mars 2024\n\n", "Jeanne Morel" },
        { "Home\nNews\n\nDie Bibliothek öffnet wieder\n\nVon Anna Schmidt\n12. März 2024\n\n", "Anna Schmidt" },
        { "الرئيسية\nأخبار\n\nافتتاح المكتبة العامة الجديدة في وسط المدينة\n\nبقلم سارة أحمد\n12 مارس 2024\n\n",
          "سارة أحمد" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s\n\n%s\n", cases[k].page, P_EN, P_EN2);
        folio_doc *doc = read_doc(text);
        assert_int_equal(doc->meta.n_authors, 1);
        assert_string_equal(doc->meta.authors[0], cases[k].author);
        folio_doc_free(doc);
    }
}

static void dates(void **state)
{
    (void)state;
    struct { const char *in, *out; } cases[] = {
        { "2025-05-31 19:18", "2025-05-31" }, { "发表于2014/8/4", "2014-08-04" },
        { "时间：2019年10月31日 23:00", "2019-10-31" }, { "» 2019年02月22日 14時30分 公開", "2019-02-22" },
        { "Published on: June 25, 2024", "2024-06-25" }, { "November 8 2023, 3:18 p.m.", "2023-11-08" },
        { "Nov. 8, 2023", "2023-11-08" }, { "8 November 2023", "2023-11-08" },
        { "2025年5 月27日", "2025-05-27" },
        /* the months of languages no labelled page is in, for both */
        { "12 مارس 2024", "2024-03-12" }, { "١٢ كانون الثاني ٢٠٢٤", "2024-01-12" },
        { "12 במרץ 2024", "2024-03-12" }, { "12 марта 2024 года", "2024-03-12" },
        { "3 maggio 2023", "2023-05-03" }, { "14 lipca 2022", "2022-07-14" }, { "5. července 2021", "2021-07-05" },
        { "5. června 2021", "2021-06-05" }, { "12. marraskuuta 2020", "2020-11-12" }, { "9 Şubat 2019", "2019-02-09" },
    };
    char iso[11];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_true(folio_parse_date(cases[i].in, strlen(cases[i].in), iso));
        assert_string_equal(iso, cases[i].out);
    }
    /* must not fire: no year, impossible dates, numbers that are not dates */
    const char *no[] = { "on Feb 244 min", "2019-13-40", "1164次阅读", "Mayor Smith", "3.5 million" };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        assert_false(folio_parse_date(no[i], strlen(no[i]), iso));
        assert_false(folio_read_date(no[i], strlen(no[i]), iso));
    }
    /* the metadata's reader also takes a day first with dots, the months of
     * other languages, a weekday between; the features' forms stay as fitted */
    struct { const char *in, *out; } wide[] = {
        { "08.04.2015 12:46", "2015-04-08" }, { "21.dez.2018 às 12h55", "2018-12-21" },
        { "Dec 28 Sat 2013 00:28", "2013-12-28" }, { "12 août 2019", "2019-08-12" },
        { "5. Okt. 2020", "2020-10-05" }, { "21-Dec-2018", "2018-12-21" },
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        assert_true(folio_read_date(wide[i].in, strlen(wide[i].in), iso));
        assert_string_equal(iso, wide[i].out);
        assert_false(folio_parse_date(wide[i].in, strlen(wide[i].in), iso) && strcmp(iso, wide[i].out) == 0);
    }
}

static void summary_label_block(void **state)
{
    (void)state;
    folio_doc *doc = read_doc(HEAD_ZH "划重点：\n\n第一条要点在这里，说的是一件事。\n第二条要点在这里，说的是另一件事。\n\n" P_ZH "\n\n" P_ZH2 "\n");
    assert_non_null(doc->meta.summary);
    assert_non_null(strstr(doc->meta.summary, "第二条要点"));
    assert_string_equal(what(doc, 7), "-metadata");
    assert_string_equal(what(doc, 8), "-metadata");
    assert_string_equal(what(doc, 10), "paragraph");
    folio_doc_free(doc);
}

/* ---- headings ---- */

static void headings(void **state)
{
    (void)state;
    expect(HEAD_ZH P_ZH "\n\n时代变了\n\n" P_ZH2 "\n", 7, "heading");
    expect(HEAD_ZH P_ZH "\n\n“良好开端”\n\n" P_ZH2 "\n", 7, "heading");
    expect(HEAD_ZH P_ZH "\n\n一、借书的人少了\n\n" P_ZH2 "\n", 7, "heading");
    expect(HEAD_ZH P_ZH "\n\n1\n\n" P_ZH2 "\n", 7, "heading");
    expect(HEAD P_EN "\n\nWHERE THE WORK WENT\n\n" P_EN2 "\n", 7, "heading");
    expect(HEAD P_EN "\n\nPart II\n\n" P_EN2 "\n", 7, "heading");
    expect(HEAD P_EN "\n\n2. What it pays\n\n" P_EN2 "\n", 7, "heading");
    expect(HEAD P_EN "\n\nInsecurities?\n\n" P_EN2 "\n", 7, "heading");
    /* a heading may introduce a lead-in line ending with a colon */
    expect(HEAD_ZH P_ZH "\n\n3\n\n对此，作者也想说八点：\n\n" P_ZH2 "\n", 7, "heading");
}

static void not_headings(void **state)
{
    (void)state;
    /* a short sentence that ends with 。 is a paragraph */
    expect(HEAD_ZH P_ZH "\n\n一句话，都怪别人。\n\n" P_ZH2 "\n", 7, "paragraph");
    expect(HEAD P_EN "\n\nMaybe I should define it.\n\n" P_EN2 "\n", 7, "paragraph");
    /* a short line not followed by text is no heading */
    expect(HEAD P_EN "\n\nA Lonely Line\n\nAnother Short Line\n\n" P_EN2 "\n", 7, "paragraph");
    /* a quoted line of dialogue with a comma is no heading */
    expect(HEAD_ZH P_ZH "\n\n“妈妈，为什么还不能出去？”\n\n" P_ZH2 "\n", 7, "paragraph");
    /* adjacent numbered lines are a list, not headings */
    expect(HEAD P_EN "\n\n1. first thing to do\n2. second thing to do\n\n" P_EN2 "\n", 7, "list_item");
}

/* ---- quotes ---- */

static void quotes(void **state)
{
    (void)state;
    expect(HEAD_ZH "杜勒斯在1952年发表于《外交事务》的文章中写道：\n\n“在目前情况下，尚不现实划定一条线。”\n\n" P_ZH "\n",
           7, "quote");
    expect(HEAD "Ellen Park, who has run the quay at Carrow since 2011, said:\n\n\"We stopped waiting for the fleet years ago.\"\n\n" P_EN "\n",
           7, "quote");
    /* a pull quote repeats a sentence of a nearby paragraph */
    expect(HEAD "“We ran out of fuel and the electricity is cut off,” the director said, and we listened to him for an hour.\n\n"
                "“We ran out of fuel and the electricity is cut off.”\n\n" P_EN "\n", 7, "quote");
}

static void not_quotes(void **state)
{
    (void)state;
    /* a quoted sentence inside a paragraph stays in the paragraph */
    folio_doc *doc = read_doc(HEAD "He said “we are done” and walked out of the room without another word to anyone.\n\n" P_EN "\n");
    assert_string_equal(what(doc, 5), "paragraph");
    folio_doc_free(doc);
    /* a standalone quoted line of dialogue, not introduced, not repeated */
    expect(HEAD_ZH "“宝贝，我们在打一场无声的战役，每个在家里不出去的人都是英雄哦！”\n\n" P_ZH "\n\n" P_ZH2 "\n", 5, "paragraph");
    /* "A," he said, "B." is two quotations with attribution: a paragraph */
    expect(HEAD "They said:\n\n“It is not enough,” he said, “for one day in a hospital.”\n\n" P_EN "\n", 7, "paragraph");
}

/* ---- captions, notes, credits ---- */

static void captions(void **state)
{
    (void)state;
    expect(HEAD_ZH P_ZH "\n\n图源:Foreign Affairs\n\n" P_ZH2 "\n", 7, "caption");
    expect(HEAD_ZH P_ZH "\n\n2022年5月，四国领导人举行会晤。图源:GETTY IMAGES\n\n" P_ZH2 "\n", 7, "caption");
    expect(HEAD_ZH P_ZH "\n\n2月17日，康复病人在献血浆时拍照留念。新华社记者 才扬 摄\n\n" P_ZH2 "\n", 7, "caption");
    expect(HEAD_ZH P_ZH "\n\n（某头部数据公司的部分报价单）\n\n" P_ZH2 "\n", 7, "caption");
    expect(HEAD P_EN "\n\nPhoto: Boats laid up for winter. (Getty Images)\n\n" P_EN2 "\n", 7, "caption");
    expect(HEAD P_EN "\n\nChildren are treated at a hospital in the south of the city on Nov. 3, 2023.\n\nPhoto: Ann Lee/Agency via Getty Images\n\n" P_EN2 "\n",
           7, "caption");
    /* must not fire: a paragraph that mentions a photo is still a paragraph */
    expect(HEAD P_EN "\n\nThe photo he took that day became famous, and the agency sold it for years.\n\n" P_EN2 "\n", 7, "paragraph");
}

static void indented_captions(void **state)
{
    (void)state;
    /* Paragraphs indented with U+3000; an unindented line among them is a caption. */
    const char *t = HEAD_ZH
        "\u3000\u3000" P_ZH P_ZH "\n\n" "\u3000\u3000" P_ZH P_ZH2 "\n\n"
        "ケースカバーを開けたところ。M.2スロットの形状に合わせて熱伝導シールが貼られています（左）\n\n"
        "\u3000\u3000" P_ZH P_ZH "\n\n" "\u3000\u3000" P_ZH P_ZH2 "\n";
    expect(t, 9, "caption");
    expect(t, 11, "paragraph");
}

static void notes_and_credits(void **state)
{
    (void)state;
    const char *t = HEAD_ZH P_ZH "\n\n*作者简介：某某，长期关注城市社区。\n\n" P_ZH2 "\n\n本文编译：张三\n\n公共关系与传播中心\n\n排版|周四\n\n审阅|刘五\n\n相关推荐\n";
    expect(t, 7, "note");
    expect(t, 11, "credit");
    expect(t, 13, "credit");  /* between two credits */
    expect(t, 15, "credit");
    expect(t, 17, "credit");
    expect(HEAD P_EN "\n\nEditor's note: Figures are provisional.\n\n" P_EN2 "\n", 7, "note");
    expect(HEAD P_EN "\n\n" P_EN2 "\n\nEdited by Sam Okafor\n", 9, "credit");
    expect(HEAD_ZH P_ZH "\n\n" P_ZH2 "\n\n【纠错】 责任编辑： 焦鹏\n", 9, "credit");
    /* must not fire: "编辑" starting a sentence is not a credit label */
    expect(HEAD_ZH P_ZH "\n\n编辑部认为，这件事情需要更多的讨论，所以我们决定继续报道。\n\n" P_ZH2 "\n", 7, "paragraph");
}

/* ---- lists and code ---- */

static void lists(void **state)
{
    (void)state;
    folio_doc *doc = read_doc(HEAD P_EN "\n\n- boatyards that repair ferries;\n- storage for gear;\n• parcels to the islands\n\n" P_EN2 "\n");
    const folio_block *b = block_at(doc, 7);
    assert_non_null(b);
    assert_int_equal(b->type, FOLIO_BLOCK_LIST_ITEM);
    assert_int_equal(b->u.list_item.ordered, 0);
    assert_string_equal(b->text + b->u.list_item.body_offset, "boatyards that repair ferries;");
    assert_string_equal(what(doc, 9), "list_item");
    folio_doc_free(doc);
}

static void code_block(void **state)
{
    (void)state;
    folio_doc *doc = read_doc(HEAD P_EN "\n\nIn short:\n\n# .tmux.conf\nset-option -g mouse on\nbind-key -T copy-mode-vi y send-keys -X copy\n\nlinux\n");
    const folio_block *b = block_at(doc, 9);
    assert_non_null(b);
    assert_int_equal(b->type, FOLIO_BLOCK_CODE);
    assert_non_null(strstr(b->text, "set-option -g mouse on\nbind-key"));
    folio_doc_free(doc);
}

/* ---- boilerplate ---- */

static void boilerplate(void **state)
{
    (void)state;
    const char *t = HEAD_ZH "分享\n微信\n37评论 收藏\n阅读数(15878）\n\n" P_ZH "\n\n" P_ZH2 "\n\n"
                    "相关推荐\n\n破碎的经济秩序如何重构\n\n关于IPP\n\n研究院是一个独立、非营利性的知识创新与公共政策研究平台。\n\n"
                    "Copyright © 2019 Example. All Rights Reserved\n";
    folio_doc *doc = read_doc(t);
    for (int line = 5; line <= 8; line++)
        assert_string_equal(what(doc, line), "-boilerplate");
    assert_string_equal(what(doc, 14), "-related");
    assert_string_equal(what(doc, 16), "-related");
    assert_string_equal(what(doc, 18), "-related");
    assert_string_equal(what(doc, 20), "-related");
    assert_string_equal(what(doc, 22), "-related");
    folio_doc_free(doc);
}

static void related_run_resumes(void **state)
{
    (void)state;
    /* A "Related" box in the middle of the article: the article resumes with a
     * heading followed by two paragraphs. */
    const char *t = HEAD P_EN "\n\n" P_EN2 "\n\nRelated\nA Story You Might Like To Read\n\n"
                    "New Section\n\n" "Here is a long paragraph again that goes on for a good number of words, more than fifteen.\n\n"
                    "And another long paragraph follows it, again with well over fifteen words in its single sentence.\n";
    expect(t, 9, "-related");
    expect(t, 10, "-related");
    expect(t, 12, "heading");
    expect(t, 14, "paragraph");
}

static void keep_boilerplate(void **state)
{
    (void)state;
    const char *t = HEAD "Share\n\n" P_EN "\n\n" P_EN2 "\n";
    folio_doc *doc = NULL;
    folio_read_opts o = { .keep_boilerplate = 1 };
    assert_int_equal(folio_read_text(t, strlen(t), &o, &doc, NULL), FOLIO_OK);
    assert_string_equal(what(doc, 5), "paragraph");
    assert_string_equal(what(doc, 3), "-metadata");
    folio_doc_free(doc);
}

/* ---- text normalisation ---- */

static void whitespace(void **state)
{
    (void)state;
    folio_doc *doc = read_doc("A Test Article About Harbours\r\n\r\n2024-05-01\r\n\r\n"
                              "\t This\u00a0is \u200bordinary\u3000text with   odd spaces, long enough to be prose.\r\n\r\n" P_EN "\r\n");
    const folio_block *b = block_at(doc, 5);
    assert_non_null(b);
    assert_string_equal(b->text, "This is ordinary text with odd spaces, long enough to be prose.");
    folio_doc_free(doc);
    doc = read_doc("Old Mac Text With CR Only\r\r2024-05-01\r\r" P_EN "\r\r" P_EN2 "\r");
    assert_string_equal(what(doc, 5), "paragraph");
    folio_doc_free(doc);
}

static void hard_wrap(void **state)
{
    (void)state;
    const char *t =
        "A Hard Wrapped Article Title\n\n2024-05-01\n\n"
        "Along the northern coast, a dozen harbours that once landed more cod\n"
        "than any port in the region now land almost none. The boats went south\n"
        "or went to the breakers.\n\n"
        "What has happened since is easy to miss from the road. The sheds are\n"
        "busy again, but not with fish. They store kayaks and wind-turbine\n"
        "blades and they repair ferries in the winter months, every year.\n";
    folio_doc *doc = read_doc(t);
    const folio_block *b = block_at(doc, 5);
    assert_non_null(b);
    assert_string_equal(b->text, "Along the northern coast, a dozen harbours that once landed more cod "
                                 "than any port in the region now land almost none. The boats went south "
                                 "or went to the breakers.");
    assert_string_equal(what(doc, 9), "paragraph");
    assert_int_equal(doc->n_blocks, 2);
    folio_doc_free(doc);

    const char *zh =
        "一篇硬换行的中文文章标题\n\n2024-05-01\n\n"
        "老城区的社区图书馆大多建于上世纪九十年代，面积不大，藏书以小说和生\n"
        "活类读物为主。近几年，电子书和网上书店越来越方便，到馆借书的人明显\n"
        "减少。\n\n"
        "馆员们最先注意到的，是来馆的人变了：借书的少了，带着电脑和课本来找\n"
        "座位的多了。东桥社区图书馆的做法是先调整桌椅，晚上开放到九点钟。\n";
    doc = read_doc(zh);
    b = block_at(doc, 5);
    assert_non_null(b);
    assert_non_null(strstr(b->text, "小说和生活类读物"));
    folio_doc_free(doc);
}

static void language(void **state)
{
    (void)state;
    folio_doc *doc = read_doc(HEAD_ZH P_ZH "\n\n" P_ZH2 "\n");
    assert_string_equal(doc->meta.lang, "zh");
    assert_string_equal(doc->meta.script, "Hans");
    folio_doc_free(doc);
    doc = read_doc("這是一篇繁體中文的文章標題\n\n2024-05-01\n\n這是一段普通的正文，我們說這個問題會發展為國際經濟問題。\n\n這是第二段正文，來說明對這個問題的看法與實現方式。\n");
    assert_string_equal(doc->meta.lang, "zh");
    assert_string_equal(doc->meta.script, "Hant");
    folio_doc_free(doc);
    doc = read_doc("最新のSSDモデルをテストしてみた\n\n2019年02月22日\n\n一口にSSDといっても、インタフェースやフォームファクターはさまざまです。\n\nどちらも片面実装タイプで、コントローラーやメモリは表面にまとまっています。\n");
    assert_string_equal(doc->meta.lang, "ja");
    folio_doc_free(doc);
    doc = read_doc(HEAD P_EN "\n\n" P_EN2 "\n");
    assert_string_equal(doc->meta.lang, "en");
    folio_doc_free(doc);
}

/* The language of a text from its script and its commonest words: a
 * news paragraph (written for this test) in each of twenty-two languages;
 * Thai, written without spaces between words, is read as running text. */
static void languages_of_the_world(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        { "fr", "Le conseil municipal a voté mardi soir pour la rénovation de la bibliothèque du centre. Les travaux commenceront au printemps et dureront deux ans, selon le maire, qui a présenté le projet aux habitants."
              "\n\n" "Les habitants ont demandé une salle pour les enfants et des horaires plus longs. La ville a promis de les écouter, mais elle doit encore trouver une partie du budget avec la région." },
        { "de", "Der Stadtrat hat am Dienstag die Renovierung der Bibliothek im Zentrum beschlossen. Die Arbeiten beginnen im Frühjahr und sollen zwei Jahre dauern, sagte der Bürgermeister, der das Projekt den Bewohnern vorstellte."
              "\n\n" "Die Bewohner wünschen sich einen Raum für Kinder und längere Öffnungszeiten. Die Stadt will auf sie hören, aber sie muss noch einen Teil des Geldes mit dem Land finden." },
        { "es", "El ayuntamiento aprobó el martes la renovación de la biblioteca del centro. Las obras comenzarán en primavera y durarán dos años, según el alcalde, que presentó el proyecto a los vecinos."
              "\n\n" "Los vecinos pidieron una sala para los niños y un horario más amplio. La ciudad prometió escucharlos, pero todavía tiene que encontrar una parte del dinero con la región." },
        { "pt", "A câmara municipal aprovou na terça-feira a renovação da biblioteca do centro. As obras começam na primavera e vão durar dois anos, segundo o presidente da câmara, que apresentou o projeto aos moradores."
              "\n\n" "Os moradores pediram uma sala para as crianças e um horário mais longo. A cidade prometeu ouvi-los, mas ainda tem de encontrar uma parte do dinheiro com a região." },
        { "it", "Il consiglio comunale ha approvato martedì la ristrutturazione della biblioteca del centro. I lavori inizieranno in primavera e dureranno due anni, secondo il sindaco, che ha presentato il progetto agli abitanti."
              "\n\n" "Gli abitanti hanno chiesto una sala per i bambini e un orario più lungo. La città ha promesso di ascoltarli, ma deve ancora trovare una parte dei soldi con la regione." },
        { "nl", "De gemeenteraad heeft dinsdag de renovatie van de bibliotheek in het centrum goedgekeurd. De werkzaamheden beginnen in het voorjaar en duren twee jaar, zei de burgemeester, die het plan aan de bewoners voorstelde."
              "\n\n" "De bewoners hebben gevraagd om een zaal voor kinderen en langere openingstijden. De stad heeft beloofd naar hen te luisteren, maar moet nog een deel van het geld vinden bij de provincie." },
        { "sv", "Kommunfullmäktige beslutade i tisdags att renovera biblioteket i centrum. Arbetet börjar i vår och ska pågå i två år, sa kommunalrådet, som presenterade planen för invånarna."
              "\n\n" "Invånarna har bett om ett rum för barnen och längre öppettider. Kommunen har lovat att lyssna på dem, men den måste också hitta en del av pengarna hos regionen." },
        { "da", "Byrådet besluttede tirsdag at renovere biblioteket i centrum. Arbejdet begynder til foråret og skal vare to år, sagde borgmesteren, som fremlagde planen for borgerne efter mødet."
              "\n\n" "Borgerne har bedt om et rum for børn og længere åbningstider. Kommunen har lovet at lytte til dem, men den skal også finde en del af pengene hos regionen." },
        { "nb", "Bystyret vedtok tirsdag å pusse opp biblioteket i sentrum. Arbeidet begynner til våren og skal vare i to år, sa ordføreren, som la fram planen for innbyggerne etter møtet."
              "\n\n" "Innbyggerne har bedt om et rom for barna og lengre åpningstider. Kommunen har lovet å lytte til dem, men den må også finne en del av pengene hos fylket." },
        { "pl", "Rada miasta zdecydowała we wtorek o remoncie biblioteki w centrum. Prace rozpoczną się wiosną i potrwają dwa lata, jak powiedział burmistrz, który przedstawił projekt mieszkańcom."
              "\n\n" "Mieszkańcy prosili o salę dla dzieci i dłuższe godziny otwarcia. Miasto obiecało, że ich wysłucha, ale musi jeszcze znaleźć część pieniędzy w budżecie województwa." },
        { "cs", "Zastupitelstvo města v úterý schválilo rekonstrukci knihovny v centru. Práce začnou na jaře a potrvají dva roky, jak řekl starosta, který projekt představil obyvatelům."
              "\n\n" "Obyvatelé žádali o sál pro děti a delší otevírací dobu. Město slíbilo, že je vyslechne, ale ještě musí najít část peněz, které jsou potřeba, a to spolu s krajem." },
        { "tr", "Belediye meclisi salı günü şehir merkezindeki kütüphanenin yenilenmesine karar verdi. Çalışmalar ilkbaharda başlayacak ve iki yıl sürecek, bu projeyi halka sunan belediye başkanı böyle söyledi."
              "\n\n" "Halk çocuklar için bir salon ve daha uzun çalışma saatleri istedi. Belediye onları dinleyeceğini söyledi ama paranın bir kısmını da bulması gerekiyor, bu da kolay değil." },
        { "id", "Dewan kota pada hari Selasa menyetujui renovasi perpustakaan di pusat kota. Pekerjaan akan dimulai pada musim semi dan berlangsung dua tahun, kata wali kota yang memperkenalkan proyek itu kepada warga."
              "\n\n" "Warga meminta ruang untuk anak-anak dan jam buka yang lebih panjang. Kota berjanji akan mendengarkan mereka, tetapi masih harus mencari sebagian dana dari pemerintah provinsi karena biayanya besar." },
        { "ru", "Городской совет во вторник одобрил ремонт библиотеки в центре. Работы начнутся весной и продлятся два года, сказал мэр, который представил проект жителям города."
              "\n\n" "Жители попросили зал для детей и более долгие часы работы. Город обещал их выслушать, но ему ещё нужно найти часть денег вместе с областью." },
        { "uk", "Міська рада у вівторок схвалила ремонт бібліотеки в центрі. Роботи почнуться навесні й триватимуть два роки, сказав мер, який представив проєкт мешканцям міста."
              "\n\n" "Мешканці попросили залу для дітей і довші години роботи. Місто пообіцяло їх вислухати, але ще має знайти частину грошей разом з областю." },
        { "el", "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη την ανακαίνιση της βιβλιοθήκης στο κέντρο. Οι εργασίες θα αρχίσουν την άνοιξη και θα διαρκέσουν δύο χρόνια, είπε ο δήμαρχος."
              "\n\n" "Οι κάτοικοι ζήτησαν μια αίθουσα για τα παιδιά και μεγαλύτερο ωράριο. Η πόλη υποσχέθηκε να τους ακούσει, αλλά πρέπει ακόμη να βρει μέρος των χρημάτων." },
        { "he", "מועצת העיר אישרה ביום שלישי את שיפוץ הספרייה במרכז העיר. העבודות יתחילו באביב ויימשכו שנתיים, אמר ראש העיר שהציג את התוכנית לתושבים."
              "\n\n" "התושבים ביקשו אולם לילדים ושעות פתיחה ארוכות יותר. העירייה הבטיחה להקשיב להם, אבל היא עדיין צריכה למצוא חלק מהכסף." },
        { "ar", "وافق مجلس المدينة يوم الثلاثاء على تجديد المكتبة العامة في وسط المدينة. وستبدأ الأعمال في الربيع وتستمر عامين، كما قال رئيس البلدية الذي عرض المشروع على السكان."
              "\n\n" "وطلب السكان قاعة للأطفال وساعات عمل أطول. ووعدت البلدية بالاستماع إليهم، لكنها ما زالت بحاجة إلى إيجاد جزء من المال." },
        { "fa", "شورای شهر روز سه‌شنبه بازسازی کتابخانه مرکز شهر را تصویب کرد. کارها در بهار آغاز می‌شود و دو سال طول می‌کشد، این را شهردار گفت که طرح را به مردم معرفی کرد."
              "\n\n" "مردم یک سالن برای کودکان و ساعت کار بیشتر خواستند. شهرداری قول داد که به حرف آنها گوش کند، اما هنوز باید بخشی از پول را پیدا کند." },
        { "hi", "नगर परिषद ने मंगलवार को शहर के केंद्र में पुस्तकालय के नवीनीकरण को मंजूरी दी। काम वसंत में शुरू होगा और दो साल चलेगा, महापौर ने कहा।"
              "\n\n" "लोगों ने बच्चों के लिए एक कमरा और लंबे समय तक खुलने की मांग की। शहर ने उनकी बात सुनने का वादा किया, लेकिन अभी पैसे का एक हिस्सा ढूंढना बाकी है।" },
        { "th", "สภาเมืองอนุมัติการปรับปรุงห้องสมุดกลางเมืองเมื่อวันอังคาร งานจะเริ่มในฤดูใบไม้ผลิและใช้เวลาสองปี นายกเทศมนตรีกล่าว"
              "\n\n" "ชาวเมืองขอห้องสำหรับเด็กและเวลาเปิดที่นานขึ้น เมืองสัญญาว่าจะรับฟัง แต่ยังต้องหาเงินอีกส่วนหนึ่ง" },
        { "en", "The city council voted on Tuesday to renovate the library in the centre of town. The work will begin in the spring and last two years, the mayor said, as he presented the plan to residents."
              "\n\n" "Residents asked for a room for children and longer opening hours. The city has promised to listen to them, but it still has to find part of the money with the region." },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[1024];
        snprintf(text, sizeof text, "Library news\n\n%s\n", cases[k].text);
        folio_doc *doc = read_doc(text);
        if (strcmp(doc->meta.lang, cases[k].lang) != 0)
            fail_msg("%s read as %s", cases[k].lang, doc->meta.lang);
        folio_doc_free(doc);
    }
}

/* ---- regressions found on real pages ---- */

/* One case of tests/reader-regressions.txt: the expectations hold for the
 * page.  Returns the number of expectations that failed (printed). */
static int regression_case(const char *name, char *expect_lines, const char *page)
{
    folio_doc *doc = read_doc(page);
    int bad = 0;
    for (char *l = strtok(expect_lines, "\n"); l; l = strtok(NULL, "\n")) {
        int line;
        char want[256];
        const char *got = NULL;
        if (sscanf(l, "line %d %255s", &line, want) == 2)
            got = what(doc, line);
        else if (strncmp(l, "title ", 6) == 0)
            got = doc->meta.title ? doc->meta.title : "(none)", snprintf(want, sizeof want, "%s", l + 6);
        else if (strncmp(l, "summary ", 8) == 0)
            got = doc->meta.summary ? doc->meta.summary : "(none)", snprintf(want, sizeof want, "%s", l + 8);
        else if (strncmp(l, "contributor ", 12) == 0) { /* "contributor NAME ROLE" */
            snprintf(want, sizeof want, "%s", l + 12);
            static char both[256];
            got = "(none)";
            for (size_t k = 0; k < doc->meta.n_contributors && got[0] == '('; k++) {
                snprintf(both, sizeof both, "%s %s", doc->meta.contributors[k].name, doc->meta.contributors[k].role);
                if (strcmp(both, want) == 0)
                    got = both;
            }
        } else if (strncmp(l, "author ", 7) == 0)
            got = doc->meta.n_authors ? doc->meta.authors[0] : "(none)", snprintf(want, sizeof want, "%s", l + 7);
        else
            fail_msg("reader-regressions: %s: cannot read \"%s\"", name, l);
        if (got && strcmp(got, want) != 0) {
            print_error("reader-regressions: %s: %s: got %s\n", name, l, got);
            bad++;
        }
    }
    folio_doc_free(doc);
    return bad;
}

static void regression_file(void **state)
{
    (void)state;
    FILE *f = fopen("tests/reader-regressions.txt", "r");
    assert_non_null(f);
    char line[1024], name[256] = "", expects[4096] = "";
    folio_buf page = { 0 };
    int in_page = 0, cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        if (strcmp(line, "----\n") == 0) {
            in_page = 1;
            page.len = 0;
        } else if (strcmp(line, "====\n") == 0) {
            folio_buf_putc(&page, '\0');
            bad += regression_case(name, expects, page.data);
            cases++;
            in_page = 0;
            name[0] = expects[0] = '\0';
        } else if (in_page) {
            folio_buf_puts(&page, line);
        } else if (line[0] == '#' && !name[0] && line[1] == ' ') {
            snprintf(name, sizeof name, "%.*s", (int)strcspn(line + 2, "\n"), line + 2);
        } else if (line[0] == '\n') {
            name[0] = '\0'; /* a comment block before the cases names none */
        } else if (line[0] != '#') {
            strncat(expects, line, sizeof expects - strlen(expects) - 1);
        }
    }
    fclose(f);
    free(page.data);
    assert_true(cases >= 6);
    assert_int_equal(bad, 0);
}

static void regressions(void **state)
{
    (void)state;
    /* a CJK ticker line is not the title */
    folio_doc *doc = read_doc("河南上市公司已复工王毅会见越南副总理兼外长范平明涉疫情犯罪被检察机关提起公诉中国大陆高校再度领跑泰晤士高等教育新兴经济体大学排名重庆健康码上线服务复工出行手上有工心中不慌\n"
                              "客户端\n武汉的声音：有英勇的你，才有英雄的城！\n2020-02-19 20:29:58 来源： 半月谈\n\n" P_ZH "\n\n" P_ZH2 "\n");
    assert_string_equal(doc->meta.title, "武汉的声音：有英勇的你，才有英雄的城！");
    assert_string_equal(doc->meta.source, "半月谈");
    folio_doc_free(doc);
    /* no headline at all: a title from the first sentence, the text kept */
    doc = read_doc("A single long paragraph with no headline above it. It goes on for a while, and then it ends.\n");
    assert_string_equal(doc->meta.title, "A single long paragraph with no headline above it.");
    assert_string_equal(what(doc, 1), "paragraph");
    folio_doc_free(doc);
}

static void site_furniture(void **state)
{
    (void)state;
    /* WeChat, portals and English news pages: their chrome is dropped ... */
    const char *drop[] = { "点击上方蓝字关注我们", "收录于合集 #城市观察 12个", "预览时标签不可点", "继续滑动看下一个",
                           "声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
                           "返回搜狐，查看更多", "Supported by",
                           "This article is more than 2 years old", "Already a subscriber? Sign in", "Restack" };
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s%s\n\n%s\n\n%s\n", HEAD_ZH, P_ZH, drop[i], P_ZH2);
        expect(text, 7, "-boilerplate");
    }
    /* ... their captions and credits kept ... */
    expect(HEAD P_EN "\n\nImage caption, Boats laid up for winter on the quay\n\n" P_EN2 "\n", 7, "caption");
    expect(HEAD P_EN "\n\nCredit...Tom Lee for The Example Times\n\n" P_EN2 "\n", 7, "caption");
    expect(HEAD_ZH P_ZH "\n\n" P_ZH2 "\n\n（责编：李四、王五）\n", 9, "credit");
    /* ... the original title is metadata ... */
    expect(HEAD_ZH "原标题：老港区防波堤重建方案今天获批\n\n" P_ZH "\n\n" P_ZH2 "\n", 5, "-metadata");
    /* ... and the same words inside a sentence stay text. */
    expect(HEAD_ZH P_ZH "\n\n用户打开App之后，可以直接在小程序里完成预约，再下载客户端查看记录。\n\n" P_ZH2 "\n", 7, "paragraph");
    expect(HEAD P_EN "\n\nThis article is more than a list of tips: it is a plan for the whole harbour.\n\n" P_EN2 "\n", 7,
           "paragraph");
}

/* ---- the labeller ---- */

typedef struct explained {
    int n;
    int line[256];
    char label[256][16];
    float value[256][4];      /* the features asked for, in order */
    int want[4];
} explained;

static int feature_index(const char *name)
{
    for (int j = 0; strcmp(folio_feature_name(j), "?") != 0; j++)
        if (strcmp(folio_feature_name(j), name) == 0)
            return j;
    fail_msg("no feature %s", name);
    return -1;
}

static void collect_explained(void *user, const folio_explain_unit *e)
{
    explained *x = user;
    if (x->n >= 256)
        return;
    x->line[x->n] = e->line;
    snprintf(x->label[x->n], sizeof x->label[0], "%s", e->label);
    for (int k = 0; k < 4; k++)
        x->value[x->n][k] = x->want[k] >= 0 && x->want[k] < e->n_features ? e->values[x->want[k]] : 0;
    x->n++;
}

/* A page long enough for the labeller: a menu, a headline, a date, twenty
 * paragraphs about harbours, then a comment thread whose lines repeat. */
static char *long_page_dek(const char *dek)
{
    folio_buf b = { 0 };
    folio_buf_puts(&b, "Home\nNews\nSport\n\nHow Small Harbours Found New Work\n");
    folio_buf_puts(&b, dek);
    folio_buf_puts(&b, "\nMay 2, 2024\n\n");
    static const char *const what[] = { "ferries", "kayaks", "turbine blades", "cold stores", "yachts" };
    static const char *const who[] = { "the council", "a family firm", "the harbour master", "two brothers" };
    for (int i = 0; i < 20; i++) {
        char p[240];
        snprintf(p, sizeof p, "In the %s year %s found new work for the harbours, with %s in the sheds and "
                              "%s on the quay, and the town kept busy through the winter.\n\n",
                 i % 2 ? "second" : "first", who[i % 4], what[i % 5], what[(i + 2) % 5]);
        folio_buf_puts(&b, p);
    }
    folio_buf_puts(&b, "Comments\n");
    for (int i = 0; i < 6; i++) {
        char c[120];
        snprintf(c, sizeof c, "user%d\n%d hours ago\nGreat piece, thanks!\nReply\n", i, i + 2);
        folio_buf_puts(&b, c);
    }
    folio_buf_putc(&b, '\0');
    return b.data;
}

static char *long_page(void)
{
    return long_page_dek("");
}

/* A headline with its standfirst under it: the headline is the title. */
static void title_over_dek(void **state)
{
    (void)state;
    char *page = long_page_dek("Ferries and kayaks fill the quays the trawlers left behind\n");
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(page, strlen(page), NULL, &doc, NULL), FOLIO_OK);
    assert_string_equal(doc->meta.title, "How Small Harbours Found New Work");
    folio_doc_free(doc);
    free(page);
}

/* A trail of sections is furniture in the vocabulary class the labeller
 * reads, whichever mark separates it ("首页 > 新闻", "人民网>>文化"). */
static void breadcrumbs_are_furniture(void **state)
{
    (void)state;
    const char *t = "人民网>>文化\n首页 > 新闻\n\n港口的冬天：渔船走后码头的新生意\n";
    explained x = { .want = { feature_index("cls_boiler"), -1, -1, -1 } };
    folio_read_opts o = { .explain = collect_explained, .explain_user = &x };
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(t, strlen(t), &o, &doc, NULL), FOLIO_OK);
    assert_int_equal(x.n, 3);
    assert_true(x.value[0][0] == 1 && x.value[1][0] == 1 && x.value[2][0] == 0);
    folio_doc_free(doc);
}

/* Every page has an article: a page of short list items only (release
 * notes) that the model reads line by line as furniture keeps its list. */
static void page_keeps_an_article(void **state)
{
    (void)state;
    static const char *const things[] = {
        "stone blocks", "a sponge", "iron doors", "banners", "rabbits", "a spectator mode",
        "red sandstone", "the ocean monument", "armor stands", "coarse dirt", "endermites", "mutton",
        "slime blocks", "prismarine", "sea lanterns", "granite", "andesite", "diorite", "trapdoors",
        "new fences", "birch doors", "world borders", "the fill command", "the clone command",
        "the title command", "custom worlds", "a debug mode", "skin layers", "block variants",
        "new statistics", "map locking", "a new player model", "an activity chart", "map uploads",
        "the particle command", "the execute command", "the trigger command", "new achievements",
        "smaller arms", "lapis costs", NULL,
    };
    char page[4096] = "News\nDownloads\nForums\nStore\nLog in\n\nRelease notes for version 2.4\n\n";
    for (const char *const *t = things; *t; t++) {
        strcat(page, "+ Added ");
        strcat(page, *t);
        strcat(page, "\n");
    }
    strcat(page, "\nOlder posts\nAbout\nContact\nPrivacy\n");
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(page, strlen(page), NULL, &doc, NULL), FOLIO_OK);
    assert_true(doc->n_blocks >= 30);
    folio_doc_free(doc);
}

/* The article begins at its title: teasers kept above it, cut off from it
 * by a menu, are the page's rail. */
static void nothing_kept_above_a_menu(void **state)
{
    (void)state;
    const char *page =
        "Health concern on your mind? See what your symptoms could mean, and learn about possible conditions.\n\n"
        "Sign up to receive our award-winning newsletter, delivered to your inbox every week.\n\n"
        "What's your medication IQ? Find out what you know about the drugs you take every day.\n\n"
        "Check for drug interactions and learn which medicines should not be taken together at all.\n\n"
        "Home\nHealth A-Z\nDrugs\nLiving Healthy\nFamily\nNews\nExperts\nPregnancy\nDiet\nFitness\nSleep\n"
        "Allergies\nCancer\nHeart\nSkin\nEyes\nTeeth\nKids\nSeniors\nSign In\nSubscribe\n\n"
        "Superbugs: What They Are and How You Get Them\nBy Jane Doe\n\n"
        "Superbugs are strains of bacteria that have become resistant to most of the antibiotics that doctors "
        "commonly use to treat infections, and they are spreading in hospitals and in the community.\n\n"
        "Any species of bacteria can turn into a superbug. Misusing antibiotics, such as taking them when you do "
        "not need them or not finishing all of your medicine, is the main cause of this resistance.\n\n"
        "When bacteria are exposed again and again to the same drugs, the germs change so that the drugs no "
        "longer work against them, and the changed germs pass that ability on to the next generation.\n\n"
        "Doctors say the best protection is to wash your hands often, to take antibiotics only when a doctor "
        "says you need them, and to finish the whole course even when you start to feel better.\n\n"
        "Researchers are looking for new medicines, but it takes many years to bring a new antibiotic to "
        "market, and the bacteria keep changing while they work on them in their laboratories.\n\n"
        "Hospitals have started programs that track how antibiotics are used, and the early results show that "
        "careful use can slow the spread of resistant germs among patients and staff.\n\n"
        "Farmers are also being asked to use fewer antibiotics in animals, since the drugs given to livestock "
        "can breed resistant bacteria that later reach people through food and water.\n\n"
        "Related\nPrivacy Policy\nTerms of Use\nCookie Policy\nAdvertise\nCareers\n\xC2\xA9 2024 Example Health\n";
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(page, strlen(page), NULL, &doc, NULL), FOLIO_OK);
    assert_string_equal(doc->meta.title, "Superbugs: What They Are and How You Get Them");
    assert_true(doc->n_blocks >= 5);
    for (size_t i = 0; i < doc->n_blocks; i++)
        assert_true(doc->blocks[i].line > 31); /* below the title */
    folio_doc_free(doc);
}

/* Units over the texts, their features read (and their class, when
 * classify). */
static void read_units(unit *u, const char *const *text, int n, bool classify)
{
    for (int i = 0; i < n; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        if (classify)
            u[i].cls = folio_scraped_classify(&u[i]);
    }
}

/* A label rule over units of the texts: labels (n) become want. */
typedef void (*label_rule)(const reader *r, uint8_t *labels);

static void expect_labels(label_rule rule, const char *const *text, int n, uint8_t *labels, const uint8_t *want)
{
    unit *u = calloc((size_t)n, sizeof *u);
    assert_non_null(u);
    read_units(u, text, n, false);
    reader r = { .u = u, .n = n };
    rule(&r, labels);
    assert_memory_equal(labels, want, (size_t)n);
    free(u);
}

/* The same, the labels given as letters of folio_label_letters ("PHB"). */
static void expect_letters(label_rule rule, const char *const *text, int n, const char *from, const char *want)
{
    uint8_t labels[64], expect[64];
    assert_true(n <= 64 && strlen(from) == (size_t)n && strlen(want) == (size_t)n);
    for (int i = 0; i < n; i++) {
        const char *a = strchr(folio_label_letters, from[i]), *b = strchr(folio_label_letters, want[i]);
        assert_true(a && b && *a && *b);
        labels[i] = (uint8_t)(a - folio_label_letters);
        expect[i] = (uint8_t)(b - folio_label_letters);
    }
    expect_labels(rule, text, n, labels, expect);
}

/* The page-level rules over labels, on a page given as a string of label
 * letters (T title, M meta, H heading, P paragraph, B boilerplate), every
 * unit of `chars` characters but paragraphs of the main run, longer. */
static char *apply_rule(const char *pattern, int rule)
{
    static const char letters[] = "TMSHPCNKXBD";
    int n = (int)strlen(pattern), title = -1;
    unit *u = calloc((size_t)n, sizeof *u);
    uint8_t *labels = calloc((size_t)n, 1);
    char *out = calloc((size_t)n + 1, 1);
    assert_non_null(u);
    for (int i = 0; i < n; i++) {
        labels[i] = (uint8_t)(strchr(letters, pattern[i]) - letters);
        u[i].chars = pattern[i] == 'P' && i > 0 && pattern[i - 1] == 'P' ? 400 : 40;
        title = pattern[i] == 'T' && title < 0 ? i : title;
    }
    reader r = { .u = u, .n = n };
    if (rule == 0)
        folio_label_drop_above_title(&r, labels, title);
    else
        folio_label_drop_teasers(&r, labels);
    for (int i = 0; i < n; i++)
        out[i] = letters[labels[i]];
    free(u);
    free(labels);
    return out;
}

static void page_level_rules(void **state)
{
    (void)state;
    static const struct { const char *in, *out; int rule; } cases[] = {
        /* teasers above a menu, then the title: the rail goes */
        { "PPBBBBBBTMPPPPPB", "BBBBBBBBTMPPPPPB", 0 },
        /* the run into the title (a title chosen inside the article) stays */
        { "PPPPBBTPPB", "PPPPBBTPPB", 0 },
        /* more above than below the title: a title chosen late, nothing goes */
        { "PPPPPPPPPPBBBBBBTPB", "PPPPPPPPPPBBBBBBTPB", 0 },
        /* headlines over one line each after the article, past a long rail */
        { "TPPPPPPBBBBBBBBBBBHPHPHPB", "TPPPPPPBBBBBBBBBBBBBBBBBB", 1 },
        /* a section after a box of furniture stays */
        { "TPPPPPPBBBBBBBBBBBHPPPPB", "TPPPPPPBBBBBBBBBBBHPPPPB", 1 },
        /* headings close to the article are its sections */
        { "TPPPPPPBBBHPHPHPB", "TPPPPPPBBBHPHPHPB", 1 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char *got = apply_rule(cases[k].in, cases[k].rule);
        assert_string_equal(got, cases[k].out);
        free(got);
    }
}

/* The words under a picture's placeholder are its caption; a paragraph
 * under any other line, or one as long as the article's, stays. */
static void picture_words_mark_captions(void **state)
{
    (void)state;
    char long_text[400];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    const char *text[] = { "Image", "A worker repairing cables in Flushing, Queens.", "Photo:", long_text,
                           "图片", "港口在黎明时分最安静。", "Paris", "The city at dawn." };
    uint8_t labels[] = { L_BOILER, L_PARA, L_BOILER, L_PARA, L_BOILER, L_PARA, L_BOILER, L_PARA };
    const uint8_t want[] = { L_BOILER, L_CAPTION, L_BOILER, L_PARA, L_BOILER, L_CAPTION, L_BOILER, L_PARA };
    unit u[8];
    memset(u, 0, sizeof u);
    for (int i = 0; i < 8; i++) {
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        u[i].chars = (uint32_t)u[i].len; /* bytes: enough for the limit */
    }
    reader r = { .u = u, .n = 8 };
    folio_label_captions(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

/* The article's closing section, which the decode nearly kept, is kept;
 * prose past furniture, or one the decode was sure of, is not; prose past
 * a promo line of the furniture vocabulary is. */
static void article_end_kept(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has "
                        "changed with it in ways nobody who lived there twenty years ago expected.";
    const char *text[] = { prose, prose, "Conclusion", prose, "Subscribe", prose };
    uint8_t labels[] = { L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    const uint8_t want[] = { L_PARA, L_PARA, L_HEADING, L_PARA, L_BOILER, L_BOILER };
    unit u[6];
    float scores[6 * L_COUNT];
    for (int i = 0; i < 6 * L_COUNT; i++)
        scores[i] = -9.0f;
    for (int i = 0; i < 6; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        scores[i * L_COUNT + L_BOILER] = -0.3f;
        scores[i * L_COUNT + L_PARA] = i == 5 ? -5.0f : -0.9f;
    }
    scores[2 * L_COUNT + L_HEADING] = -0.8f;
    reader r = { .u = u, .n = 6 };
    folio_label_article_end(&r, scores, labels);
    assert_memory_equal(labels, want, sizeof want);
    scores[3 * L_COUNT + L_PARA] = -3.0f; /* the decode was sure: furniture */
    uint8_t sure[] = { L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    folio_label_article_end(&r, scores, sure);
    assert_int_equal(sure[2], L_BOILER);
    assert_int_equal(sure[3], L_BOILER);
    /* an in-article promo line between: it stays out, the prose after it
     * is the article's end */
    u[2].text = (char *)"Related: Chicago is America's most segregated city";
    u[2].len = strlen(u[2].text);
    folio_scraped_features(&u[2]);
    u[2].cls = folio_scraped_classify(&u[2]);
    scores[2 * L_COUNT + L_HEADING] = -9.0f;
    scores[3 * L_COUNT + L_PARA] = -0.9f;
    uint8_t promo[] = { L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    folio_label_article_end(&r, scores, promo);
    assert_int_equal(promo[2], L_BOILER);
    assert_int_equal(promo[3], L_PARA);
}

/* A heading is a line: a lead of 120 columns set as one is a paragraph,
 * in Latin letters or in CJK characters (two columns each). */
static void headings_are_lines(void **state)
{
    (void)state;
    char latin[121], cjk[60 * 3 + 1] = "";
    memset(latin, 'a', 120);
    latin[120] = '\0';
    for (int i = 0; i < 60; i++)
        strcat(cjk, "港");
    const char *text[] = { "Understanding Z-Score", latin, "灰色地带中的“爬虫”", cjk };
    const bool fits[] = { true, false, true, false };
    for (int i = 0; i < 4; i++) {
        unit u;
        memset(&u, 0, sizeof u);
        u.text = (char *)text[i];
        u.len = strlen(text[i]);
        folio_scraped_features(&u);
        assert_int_equal(folio_label_heading_fits(&u), fits[i]);
    }
}

/* A long caption said twice (alternative text, then the caption) is one;
 * a short credit under each of two pictures is two. */
static void caption_said_twice(void **state)
{
    (void)state;
    const char *cap = "Doctors examine an injured child at the hospital after the attacks on the city, in October.";
    const char *text[] = { cap, "A paragraph of the article.", cap, "Image: バンダイ", "Text.", "Image: バンダイ" };
    uint8_t labels[] = { L_CAPTION, L_PARA, L_CAPTION, L_CAPTION, L_PARA, L_CAPTION };
    const uint8_t want[] = { L_DUP, L_PARA, L_CAPTION, L_CAPTION, L_PARA, L_CAPTION };
    unit u[6];
    memset(u, 0, sizeof u);
    for (int i = 0; i < 6; i++) {
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        u[i].chars = (uint32_t)u[i].len;
    }
    reader r = { .u = u, .n = 6 };
    folio_label_caption_copies(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

/* The header is lines, the article prose: running prose labelled meta is a
 * paragraph (not an author's note opened by a byline); a summary that a
 * section's heading follows is the opening paragraph, one followed by a
 * byline or by the text stays the standfirst. */
static void opening_prose_is_text(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has "
                        "changed with it in ways nobody who lived there twenty years ago expected.";
    const char *bio = "By Jane Doe, a senior editor who has covered harbours and the towns around them "
                      "for over a decade at this paper and others.";
    const char *text[] = { "Sunday, May 8, 2016", prose, bio, prose, "Image", "What a harbour is", prose,
                           prose, "By Jane Doe", prose };
    uint8_t labels[] = { L_META, L_META, L_META, L_SUMMARY, L_BOILER, L_HEADING, L_PARA,
                         L_SUMMARY, L_META, L_PARA };
    const uint8_t want[] = { L_META, L_PARA, L_META, L_PARA, L_BOILER, L_HEADING, L_PARA,
                             L_SUMMARY, L_META, L_PARA };
    unit u[10];
    for (int i = 0; i < 10; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        u[i].cls = C_PLAIN; /* what the classes say is not the point here */
    }
    reader r = { .u = u, .n = 10 };
    folio_label_opening(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

/* A line ending in a pilcrow is a section's heading, the table of
 * contents' copy of it too; not the title's copy, nor anything above it. */
static void pilcrow_marks_headings(void **state)
{
    (void)state;
    const char *text[] = { "Setting up\u00b6", "Evolve: Shared History", "Evolve: Shared History \u00b6",
                           "Setting up\u00b6", "Work goes on in drafts.", "Setting up" };
    uint8_t labels[] = { L_PARA, L_TITLE, L_PARA, L_DUP, L_PARA, L_PARA };
    const uint8_t want[] = { L_PARA, L_TITLE, L_PARA, L_HEADING, L_PARA, L_PARA };
    unit u[6];
    read_units(u, text, 6, false);
    reader r = { .u = u, .n = 6 };
    folio_label_permalinks(&r, labels, 1);
    assert_memory_equal(labels, want, sizeof want);
}

/* The title over its dek, and under its kicker: the ranker's best line moves
 * to the headline beside it that it likes nearly as well (a kicker of five
 * words at most, a headline of two words more at least). */
static void title_beside_dek_or_kicker(void **state)
{
    (void)state;
    const char *kicker[] = { "World", "Ferries And Kayaks Fill The Quays The Trawlers Left Behind", "By Jane Doe" };
    const char *dek[] = { "How Small Harbours Found New Work", "Ferries And Kayaks Fill The Quays Now", "By Jane Doe" };
    const char *far[] = { "World", "Ferries And Kayaks Fill The Quays The Trawlers Left Behind", "By Jane Doe" };
    const char *kicker2[] = { "On Screens This Week", "Screenshot: Vape Wave, Six Days, Alphonse", "By Jane Doe" };
    const char *const *pages[] = { kicker, dek, far, kicker2 };
    const float scores[][3] = { { 2.0f, 1.0f, -3.0f }, { 1.0f, 2.0f, -3.0f }, { 4.0f, 1.0f, -3.0f }, { 2.0f, 1.0f, -3.0f } };
    const int want[] = { 1, 0, 0, 1 };
    for (int k = 0; k < 4; k++) {
        unit u[3];
        memset(u, 0, sizeof u);
        for (int i = 0; i < 3; i++) {
            u[i].text = (char *)pages[k][i];
            u[i].len = strlen(pages[k][i]);
            folio_scraped_features(&u[i]);
            u[i].cls = folio_scraped_classify(&u[i]);
        }
        reader r = { .u = u, .n = 3 };
        assert_int_equal(folio_label_choose_title(&r, scores[k]), want[k]);
    }
}

/* A blog's name over the date over the post's title over the post: the
 * title is the post's, however well the ranker liked the blog's name; a
 * headline over the date keeps it. */
static void title_under_blog_name(void **state)
{
    (void)state;
    const char *prose = "I've written a couple of posts in the past few months but they were all for the blog at work.";
    const char *blog[] = { "Silicon Exposed", "Sunday, May 8, 2016", "Open Verilog flow for GreenPak4 devices", prose };
    const char *news[] = { "Rock Salt Wreaks Havoc Below the Streets", "Sunday, May 8, 2016", "Open Verilog flow for GreenPak4 devices", prose };
    const char *const *pages[] = { blog, news };
    const float scores[4] = { 12.0f, 6.0f, 9.0f, 1.0f };
    const int want[] = { 2, 0 };
    for (int k = 0; k < 2; k++) {
        unit u[4];
        read_units(u, pages[k], 4, true);
        reader r = { .u = u, .n = 4 };
        assert_int_equal(folio_label_choose_title(&r, scores), want[k]);
    }
}

/* A label that ends in its colon ("Completed:") introduces what follows:
 * never the title, however the ranker likes it. */
static void title_no_label(void **state)
{
    (void)state;
    const char *text[] = { "Completed:", "Conversations with a Cryptid", "Chapter 1",
                           "The man was over a century old. There had to be more to it than that." };
    const float scores[4] = { 12.0f, 9.0f, 1.0f, 1.0f };
    unit u[4];
    read_units(u, text, 4, true);
    reader r = { .u = u, .n = 4 };
    assert_int_equal(folio_label_choose_title(&r, scores), 1);
}

/* The few short lines kept after the site's copyright notice, with no
 * running text after it, are its footer; running text after the notice, or
 * more than five kept lines, and nothing moves. */
static void footer_after_copyright(void **state)
{
    (void)state;
    const char *text[] = {
        "\u6bd4\u8d5b\u7531\u836f\u5242\u79d1\u4e3b\u529e\uff0c\u5404\u79d1\u5ba4\u5171\u6709\u4e09\u5341\u4f4d\u836f\u5e08\u53c2\u52a0\u4e86\u7406\u8bba\u8003\u8bd5\u548c\u6280\u80fd\u7ade\u8d5b\uff0c\u6210\u7ee9\u8f83\u53bb\u5e74\u6709\u4e86\u663e\u8457\u7684\u63d0\u5347\u3002",
        "\u7248\u6743\u6240\u6709 \u67d0\u533b\u9662 Copyright \u00a9 2018",
        "\u533b\u9662\u5730\u5740\uff1a\u6e56\u5357\u7701\u957f\u6c99\u5e02\u9e93\u5c71\u8def58\u53f7",
        "\u4f20\u771f\uff1a0731-88854265",
    };
    unit u[4];
    read_units(u, text, 4, true);
    reader r = { .u = u, .n = 4 };
    uint8_t labels[] = { L_PARA, L_BOILER, L_PARA, L_PARA };
    folio_label_after_copyright(&r, labels);
    const uint8_t want[] = { L_PARA, L_BOILER, L_BOILER, L_BOILER };
    assert_memory_equal(labels, want, sizeof want);
    /* the notice at the top of the page: the article follows it */
    const char *top[] = { text[1], text[2], text[0] };
    read_units(u, top, 3, true);
    r.n = 3;
    uint8_t top_labels[] = { L_BOILER, L_PARA, L_PARA };
    folio_label_after_copyright(&r, top_labels);
    assert_int_equal(top_labels[1], L_PARA);
}

/* The reader found the authors first and second (NULL: none), no more. */
static void authors_are(const reader *r, const char *first, const char *second)
{
    assert_int_equal(r->n_authors, second ? 2 : first ? 1 : 0);
    if (first)
        assert_string_equal(r->authors[0], first);
    if (second)
        assert_string_equal(r->authors[1], second);
}

/* A Chinese report's reporters, named in parentheses, are its authors, up
 * to the word for the work done; a contraction is in no name. */
static void reporters_named(void **state)
{
    (void)state;
    static const struct { const char *text, *first, *second; } cases[] = {
        { "\u957f\u6c5f\u7f5110\u67084\u65e5\u8baf\uff08\u8bb0\u8005\u9648\u667a \u6574\u5408\uff09 \u56fd\u5e86", "\u9648\u667a", NULL },
        { "\u624d\u6709\u8fd9\u5ea7\u82f1\u96c4\u7684\u57ce\uff01\uff08\u8bc4\u8bba\u5458 \u7f57\u535a \u8427\u6d77\u5ddd\uff09", "\u7f57\u535a", "\u8427\u6d77\u5ddd" },
        { "\uff08\u8bb0\u8005\u95ee\uff09", NULL, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        folio_arena *a = folio_arena_new();
        reader r = { .arena = a };
        folio_scraped_reporters(&r, cases[k].text, strlen(cases[k].text));
        authors_are(&r, cases[k].first, cases[k].second);
        folio_arena_free(a);
    }
    assert_false(folio_scraped_names_only("Hi, I'm Nicolas.", 16));
    assert_false(folio_scraped_names_only("Today\u2019s Paper", 15));
    assert_true(folio_scraped_names_only("Conan O'Brien, Ann D'Arcy", 25));
}

/* A row of short links between bars, a link marked with an arrow and a
 * sentence ended by its full stop are never the title; a headline with its
 * site's name after a bar, one ending in initials or an ellipsis can be. */
static void title_no_menu(void **state)
{
    (void)state;
    static const struct { const char *top; int want; } cases[] = {
        { "Sign In| Join IAB", 1 },
        { "Home | News | Opinion", 1 },
        { "Part 1 of the Conversations with a Cryptid series Next Work \u2192", 1 },
        { "\u2190 Older posts", 1 },
        { "Getting lean with ad UX | IAB", 0 },
        { "Hi, I'm Nicolas.", 1 },
        { "\u79c1\u306f\u30cb\u30b3\u30e9\u3067\u3059\u3002", 1 },
        { "How Winter Wreaks Havoc on What\u2019s Underneath N.Y.C.", 0 },
        { "Wait for it...", 0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *text[] = { cases[k].top, "Getting LEAN with Digital Ad UX", "By Scott Cunningham",
                               "We messed up. As technologists, tasked with delivering content, we forgot the user." };
        const float scores[4] = { 12.0f, 9.0f, 1.0f, 1.0f };
        unit u[4];
        read_units(u, text, 4, true);
        reader r = { .u = u, .n = 4 };
        assert_int_equal(folio_label_choose_title(&r, scores), cases[k].want);
    }
}

/* A byline's names end where its date, time, dash or handle begins; a
 * month's name at their end, a note after a comma and capitals go. */
static void byline_names_taken(void **state)
{
    (void)state;
    static const struct { const char *line, *first, *second; } cases[] = {
        { "By GILLIAN MOHNEY March 11, 2015 3:46 PM Good Morning America", "Gillian Mohney", NULL },
        { "By Steven Mufson March 18 at 12:22 PM Follow @StevenMufson", "Steven Mufson", NULL },
        { "Par Alexandre Hervaud et J\u00e9r\u00e9my Piette \u2014 24 novembre 2017 \u00e0 18:42", "Alexandre Hervaud",
          "J\u00e9r\u00e9my Piette" },
        { "By Alex Heath, a deputy editor and author of the Command Line newsletter.", "Alex Heath", NULL },
        { "By Stella Kim and Jennifer Jett", "Stella Kim", "Jennifer Jett" },
        { "Posted on March 3 by", NULL, NULL },
        { "// By Arun Sai Krishnan \u2022 Nov 11, 2020", "Arun Sai Krishnan", NULL },
        { "Le Monde | 04.05.2015 \u00e0 13h36 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
          "Martin Untersinger", NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        folio_arena *a = folio_arena_new();
        unit u;
        read_units(&u, &cases[k].line, 1, true);
        reader r = { .arena = a };
        folio_scraped_take_meta(&r, &u);
        authors_are(&r, cases[k].first, cases[k].second);
        folio_arena_free(a);
    }
}

/* A line that goes on from another ("...or, why bother.") is no title, nor
 * is a list's item ("+ Added three new statistics"), a ranking's entry
 * (under "3.") or a headline under a byline (the author's other articles),
 * nor a file's name or a line of furniture's vocabulary; a
 * line over the best one that opens with a lower-case word (a site's tag)
 * is no headline to move up to, a brand's mixed case ("iPhone") is. */
static void title_not_a_continuation(void **state)
{
    (void)state;
    const char *dots[] = { "linux usability", "...or, why do I bother.", "In December I tried to install it." };
    const char *tag[] = { "evolve extension for Mercurial", "Evolve: Shared Mutable History", "Contents" };
    const char *brand[] = { "iPhone Review Roundup", "The Phone That Lasts a Week", "By Jane Doe" };
    const char *list[] = { "Minecraft 1.8 - The Bountiful Update", "+ Added three new statistics", "+ Added Slime Block" };
    const char *rank[] = { "How to Program Your Mind to Stop Buying Crap", "3.", "Jeremy Clarkson Officially Fired From Top Gear" };
    const char *rail[] = { "How to Program Your Mind to Stop Buying Crap", "Written by Patrick Allan",
                           "Why You Should Periodically Replace Your Surge Protectors" };
    const char *file[] = { "WEB18-Facebook-1160x768.jpg", "Facebook Is Tracking Me Even Though I'm Not on Facebook",
                           "Share on Facebook" };
    const char *const *pages[] = { dots, tag, brand, list, rank, rail, file };
    const float scores[][3] = { { 1.0f, 2.0f, -3.0f }, { 1.5f, 2.0f, -3.0f }, { 1.5f, 2.0f, -3.0f },
                                { -1.0f, 2.0f, 1.0f }, { 5.9f, -1.0f, 7.2f }, { 5.9f, -1.0f, 6.2f },
                                { 7.0f, 5.0f, 8.0f } };
    const int want[] = { 0, 1, 0, 0, 0, 0, 1 };
    for (int k = 0; k < 7; k++) {
        unit u[3];
        memset(u, 0, sizeof u);
        for (int i = 0; i < 3; i++) {
            u[i].text = (char *)pages[k][i];
            u[i].len = strlen(pages[k][i]);
            folio_scraped_features(&u[i]);
            u[i].cls = folio_scraped_classify(&u[i]);
        }
        reader r = { .u = u, .n = 3 };
        assert_int_equal(folio_label_choose_title(&r, scores[k]), want[k]);
    }
}

/* A line of the furniture vocabulary is no caption. */
static void furniture_is_no_caption(void **state)
{
    (void)state;
    const char *text[] = { "版权所有 湖南省中医药研究院附属医院 Copyright © 2018 All Rights Reserved",
                           "The quay before sunrise, when the first boats come in." };
    unit u[2];
    read_units(u, text, 2, true);
    reader r = { .u = u, .n = 2 };
    assert_int_equal(folio_label_final(&r, NULL, 0, L_CAPTION), L_BOILER);
    assert_int_equal(folio_label_final(&r, NULL, 1, L_CAPTION), L_CAPTION);
}

/* A heading that says one phrase over and over (a teaser in each of its
 * sizes) is furniture; the phrase said once is a heading. */
static void teaser_said_over(void **state)
{
    (void)state;
    const char *text[] = { "How to Defeat the Urge to Shop How to Defeat the Urge to Shop How to Defeat the Urge to Shop",
                           "Stone before steel Stone before steel", "How to Defeat the Urge to Shop",
                           "Tide Tide" };
    unit u[4];
    memset(u, 0, sizeof u);
    for (int i = 0; i < 4; i++) {
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        u[i].cls = folio_scraped_classify(&u[i]);
    }
    reader r = { .u = u, .n = 4 };
    folio_page *p = folio_page_new(&r);
    assert_non_null(p);
    const label want[] = { L_BOILER, L_BOILER, L_HEADING, L_HEADING };
    for (int i = 0; i < 4; i++)
        assert_int_equal(folio_label_final(&r, p, i, L_HEADING), want[i]);
    folio_page_free(p);
}

/* Numbered steps with running text between are kept, the prose under
 * each too; lines counting up with nothing between (a pager) are not. */
static void numbered_steps_kept(void **state)
{
    (void)state;
    const char *prose = "Measure the circumference of your cloche and cut the foam to fit inside it.";
    const char *text[] = { "Step 1", prose, "Step 2", prose, "Step 3", prose, "Related", "Page 1", "Page 2", "Page 3" };
    uint8_t labels[] = { L_BOILER, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    const uint8_t want[] = { L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    unit u[10];
    read_units(u, text, 10, false);
    reader r = { .u = u, .n = 10 };
    folio_label_steps(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

/* A numbered article kept from its first head goes on past a gallery:
 * the heads counting on after it are kept with their prose; a second
 * list that starts again at 1 in a rail, never kept, stays furniture. */
static void numbered_heads_go_on(void **state)
{
    (void)state;
    const char *prose = "Bedbugs love wood, so leave the bag on the floor when you arrive.";
    const char *text[] = { "1. Take the blankets off the bed", prose, "2. Check the peep hole", prose,
                           "Business news in pictures", "1/50 United going down", "Getty",
                           "3. Beware the hairdryer", prose, "Most read", "1. A teaser in a rail", prose,
                           "2. Another teaser", prose };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_PARA, L_PARA, L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER,
                          L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    uint8_t want[N];
    memcpy(want, labels, N);
    want[7] = want[8] = L_PARA;
    expect_labels(folio_label_numbered, text, N, labels, want);
}

/* A headline may end in initials ("… Underneath N.Y.C.", "… in the U.S."):
 * their stop ends no sentence, and it is shaped like a title still; a line
 * that ends in a word's stop is not. */
static void headline_ends_in_initials(void **state)
{
    (void)state;
    const char *yes[] = { "Manhole Fires and Burst Pipes: How Winter Wreaks Havoc on What\xE2\x80\x99s Underneath N.Y.C.",
                          "First Low-Cost Asian Airline Cleared for Flights to the U.S." };
    const char *no[] = { "The storm moved on and the city was quiet.", "A line that ends in a stop after S." };
    for (int k = 0; k < 4; k++) {
        unit u;
        memset(&u, 0, sizeof u);
        u.text = (char *)(k < 2 ? yes[k] : no[k - 2]);
        u.len = strlen(u.text);
        folio_scraped_features(&u);
        u.cls = folio_scraped_classify(&u);
        assert_int_equal(folio_scraped_title_shaped(&u), k < 2);
    }
}

/* The article is one piece: dropped lines between two stretches of it
 * that the decode nearly kept are kept; a hole it was sure of, or one
 * holding a line of the furniture vocabulary, stays. */
static void holes_filled(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has changed with it.";
    const char *text[] = { prose, "Poems on the Wall", "Bright moon before my bed", "Frost upon the ground", prose,
                           "Share", "Tweet", prose };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_PARA, L_BOILER, L_BOILER, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_PARA };
    const uint8_t want[N] = { L_PARA, L_HEADING, L_PARA, L_CODE, L_PARA, L_BOILER, L_BOILER, L_PARA };
    float scores[N * L_COUNT];
    unit u[N];
    for (int i = 0; i < N; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        u[i].cls = folio_scraped_classify(&u[i]);
        for (int k = 0; k < L_COUNT; k++)
            scores[i * L_COUNT + k] = -9.0f;
        scores[i * L_COUNT + L_BOILER] = -0.3f;
        scores[i * L_COUNT + L_PARA] = -1.2f;
    }
    scores[1 * L_COUNT + L_HEADING] = -0.8f;
    scores[3 * L_COUNT + L_CODE] = -1.0f; /* a line of code in the hole */
    reader r = { .u = u, .n = N };
    folio_label_fill_holes(&r, scores, labels);
    assert_memory_equal(labels, want, N);
    uint8_t sure[N] = { L_PARA, L_BOILER, L_BOILER, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_PARA };
    scores[2 * L_COUNT + L_PARA] = -4.0f; /* the decode was sure of one: the hole stays */
    folio_label_fill_holes(&r, scores, sure);
    assert_int_equal(sure[1], L_BOILER);
    assert_int_equal(sure[3], L_BOILER);
}

/* A comment is no article: a shorter kept run after the article's main
 * run, right under a furniture line stamped with a year and a time of day,
 * goes; the same run without the stamp stays (it is no list of teasers). */
static void comments_after_the_article(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has changed with it.";
    const char *menu = "Menu";
    for (int stamp = 0; stamp < 2; stamp++) {
        const char *text[18];
        uint8_t labels[18];
        for (int i = 0; i < 18; i++) {
            text[i] = i < 4 ? prose : menu;
            labels[i] = i < 4 ? L_PARA : L_BOILER;
        }
        text[16] = stamp ? "Rick Rottman \xC2\xB7 March 10, 2017 at 6:16 PM" : "Rick Rottman wrote";
        text[17] = "WordPress.org should do the certifications at local testing facilities.";
        labels[17] = L_PARA;
        unit u[18];
        read_units(u, text, 18, false);
        reader r = { .u = u, .n = 18 };
        folio_label_drop_teasers(&r, labels);
        assert_int_equal(labels[17], stamp ? L_BOILER : L_PARA);
        assert_int_equal(labels[0], L_PARA);
    }
}

/* A long paragraph of prose right after a kept one, nearly kept itself, is
 * the article's though furniture follows; a short line, or one the decode
 * was sure of, is not. */
static void next_paragraph_kept(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has changed with it.";
    const char *longer = "Forrest Jones said that anything that comes into contact with the previous guest, from the "
                         "remote control to the kettle, is a risk, and that the housekeepers are given twenty minutes "
                         "a room, which is not enough to clean any of it properly.";
    const char *text[] = { prose, longer, "Play Video", "Mute", prose, "Watch the video below.", prose, longer };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_PARA, L_BOILER, L_BOILER, L_BOILER, L_PARA, L_BOILER, L_PARA, L_BOILER };
    const uint8_t want[N] = { L_PARA, L_PARA, L_BOILER, L_BOILER, L_PARA, L_BOILER, L_PARA, L_BOILER };
    float scores[N * L_COUNT];
    unit u[N];
    read_units(u, text, N, true);
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < L_COUNT; k++)
            scores[i * L_COUNT + k] = -9.0f;
        scores[i * L_COUNT + L_BOILER] = -0.3f;
        scores[i * L_COUNT + L_PARA] = -0.6f;
    }
    scores[7 * L_COUNT + L_PARA] = -4.0f; /* the decode was sure of this one */
    reader r = { .u = u, .n = N };
    folio_label_next_paragraphs(&r, scores, labels);
    assert_memory_equal(labels, want, N);
}

/* Running prose right under a kept heading opens the section; a short
 * line under it, or prose under a dropped line, stays as it was. */
static void section_openings_kept(void **state)
{
    (void)state;
    const char *prose = "Anomaly in a data series is a significant deviation from some reasonable value.";
    const char *text[] = { "Detecting Anomalies", prose, "Understanding Z-Score", "Share this", "Menu", prose };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_section_openings, text, N, "HBHBBB", "HPHBBB");
}

/* A headline said twice over (the last copy cut short or not) is a teaser
 * card, and the summary under it that a cut ends goes with it; a phrase
 * said once, or a paragraph after a card that ends its sentence, stays. */
static void teaser_cards(void **state)
{
    (void)state;
    const char *prose = "The harbour has found new work since the trawlers left, and the town has changed with it.";
    const char *text[] = { prose, "How Stores Manipulate Your Senses How Stores Manipulate Your Senses How Stores Man",
                           "When you walk into almost any store, you're immediately overloaded with...",
                           "How to Shop How to Shop", prose, "How to Shop Wisely", prose };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_teaser_cards, text, N, "PCPHPHP", "PBBBPHP");
}

/* A name the paragraph under it opens with is no section head; a head
 * whose words the text does not repeat at its start stays one. */
static void name_said_below(void **state)
{
    (void)state;
    const char *text[] = { "Jennifer Jett", "Jennifer Jett is the Asia Digital Editor for NBC News, based in Hong Kong.",
                           "Isolation", "Isolationism was never the plan of the government, which said so twice.",
                           "The Harbour Today", "Boats come and go at every tide." };
    unit u[6];
    read_units(u, text, 6, false);
    reader r = { .u = u, .n = 6 };
    assert_true(folio_label_said_below(&r, 0));
    assert_false(folio_label_said_below(&r, 2)); /* a word's start is no word */
    assert_false(folio_label_said_below(&r, 4));
    assert_false(folio_label_said_below(&r, 5));
}

/* A run-in head reaches the document as the paragraph's label: one block,
 * its text the head and the paragraph, the head's bytes its label_len. */
static void run_in_label_in_doc(void **state)
{
    (void)state;
    folio_buf b = { 0 };
    folio_buf_puts(&b, "Home\nNews\n\nHow the Harbour Runs Its Boats\n\n");
    for (int k = 0; k < 20; k++) /* a page long enough to be read as one (FOLIO_MIN_PAGE_UNITS) */
        folio_buf_puts(&b, "The harbour has found new work since the trawlers left, and the town has changed with it "
                           "in ways that nobody who lived there twenty years ago would have guessed at the time.\n\n");
    folio_buf_puts(&b, "Task gating\nThe harbour master can hold any boat at the quay until the tide and the weather "
                       "allow it out, and boats wait their turn by the order in which they asked.\n\n");
    for (int k = 0; k < 20; k++)
        folio_buf_puts(&b, "Boats come and go at every tide, and the quay is never empty for long, whatever the "
                           "season and whatever the weather on the water outside the breakwater.\n\n");
    folio_doc *doc = read_doc(b.data);
    bool found = false;
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (strncmp(doc->blocks[i].text, "Task gating ", 12) == 0) {
            found = true;
            assert_int_equal(doc->blocks[i].type, FOLIO_BLOCK_PARAGRAPH);
            assert_int_equal(doc->blocks[i].label_len, 12);
            assert_non_null(strstr(doc->blocks[i].text, "The harbour master"));
        }
    assert_true(found);
    folio_doc_free(doc);
    folio_buf_free(&b);
}

/* The line that opens the comment thread past the middle of the text ends
 * the article: what follows it goes, however close; a line that only
 * mentions the comments, or the word alone (a table's column), does not. */
static void comments_opened(void **state)
{
    (void)state;
    const char *yes[] = { "View comments (27)", "Enviá tu comentario", "12 Comments", "Leave a Reply",
                          "我要评论", "Kommentare lesen (1 Beitrag)" };
    const char *no[] = { "Comment", "正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）",
                         "Readers have left many comments on the first part of this series." };
    for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
        unit u;
        read_units(&u, &yes[k], 1, false);
        assert_true(folio_scraped_comments_opener(&u));
    }
    for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
        unit u;
        read_units(&u, &no[k], 1, false);
        assert_false(folio_scraped_comments_opener(&u));
    }
    const char *prose = "The harbour has found new work since the trawlers left, and the town has changed with it.";
    const char *text[] = { prose, prose, prose, "View comments (27)", "Anonymous",
                           "One valuable reform would be to publish the fleet's catch every month." };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_drop_teasers, text, N, "PPPBBP", "PPPBBB");
    /* "Comments" heading a section of prose (a tutorial on code) opens no thread */
    const char *section = "A comment should say why the code does what it does, not what it does, because the code "
                          "already says that to anyone who reads it.";
    const char *tutorial[] = { prose, prose, prose, prose, prose, prose, prose, "Comments", section, section, section,
                               section };
    enum { T = sizeof tutorial / sizeof tutorial[0] };
    uint8_t kept[T] = { L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_HEADING, L_PARA, L_PARA, L_PARA, L_PARA };
    uint8_t same[T];
    memcpy(same, kept, T);
    expect_labels(folio_label_drop_teasers, tutorial, T, kept, same);
}

/* A run-in head in copied text: where blank lines part the paragraphs, a
 * heading glued to the long paragraph under it is that paragraph's head; a
 * heading a blank line parts from its text stays one, and a web page's
 * units are left to its markup. */
static void text_run_in_heads(void **state)
{
    (void)state;
    const char *prose = "ATF enables the gating of tasks based on lambda, or a subset of tasks on a lambda based on collection.";
    const char *text[] = { "System guarantees", prose, "Task gating", prose, "Isolation", prose, "Delivery latency",
                           prose };
    const bool adjacent[] = { false, false, false, true, false, false, false, true };
    enum { N = 8 };
    uint8_t labels[N] = { L_HEADING, L_PARA, L_HEADING, L_PARA, L_HEADING, L_PARA, L_PARA, L_PARA };
    const uint8_t want[N] = { L_HEADING, L_PARA, L_PARA, L_PARA, L_HEADING, L_PARA, L_PARA, L_PARA };
    const uint8_t heads[N] = { 0, 0, 1, 0, 0, 0, 1, 0 };
    uint8_t run_in[N] = { 0 };
    unit u[N];
    for (int i = 0; i < N; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        u[i].adjacent = adjacent[i];
    }
    reader r = { .u = u, .n = N };
    folio_label_text_run_in(&r, labels, run_in);
    assert_memory_equal(labels, want, N);
    assert_memory_equal(run_in, heads, N);
    uint8_t web[N] = { L_HEADING, L_PARA, L_HEADING, L_PARA, L_HEADING, L_PARA, L_PARA, L_PARA };
    html_page markup;
    memset(&markup, 0, sizeof markup);
    r.page = &markup;
    folio_label_text_run_in(&r, web, NULL);
    assert_int_equal(web[2], L_HEADING);
}

/* A list shares one fate: a run of items a third of which the reading
 * keeps is kept whole; a menu of items none of which is kept stays out. */
static void list_runs_whole(void **state)
{
    (void)state;
    const char *text[] = { "+ Added Slime Block", "+ Added Iron Trapdoor", "+ Added /clone command", "+ Added /fill command",
                           "+ Added /title command", "* Tweaked the debug screen", "Official links:", "- Forums", "- Twitter",
                           "- Facebook", "- Merchandise" };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_list_runs, text, N, "PPBBBBBBBBB", "PPPPPPBBBBB");
}

/* The code-block rule over units of the texts, set apart by blank lines
 * where adjacent[i] is false: labels (n) become want. */
static void expect_code(const char *const *text, const bool *adjacent, int n, uint8_t *labels, const uint8_t *want)
{
    unit u[16];
    assert_true(n <= 16);
    read_units(u, text, n, false);
    for (int i = 0; i < n; i++)
        u[i].adjacent = adjacent[i];
    reader r = { .u = u, .n = n };
    folio_label_code_blocks(&r, labels);
    assert_memory_equal(labels, want, (size_t)n);
}

/* A block of code shares one fate: from its first code line down, the
 * lines the blank lines do not part from it are code (a query's output
 * rows), the button word over it is not; a sentence of prose next to code
 * explains it; a menu with no code line stays out. */
static void code_blocks_whole(void **state)
{
    (void)state;
    const char *text[] = { "Copy", "SELECT n FROM series;", "n | is_anomaly", "2 | f", "12 | t", "(run 'hg heads' to see heads)",
                           "Using the query we found that the value 12 is outside the range.", "Home", "News", "Sport" };
    const bool adjacent[] = { false, true, true, true, true, true, false, false, true, true };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_BOILER, L_CODE, L_CODE, L_BOILER, L_DUP, L_CAPTION, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    const uint8_t want[N] = { L_BOILER, L_CODE, L_CODE, L_CODE, L_CODE, L_CODE, L_PARA, L_BOILER, L_BOILER, L_BOILER };
    expect_code(text, adjacent, N, labels, want);
}

/* A table drawn with box-drawing strokes beside kept text is the output of
 * the code above it, and the sentence after it explains it; three lines
 * with a dash ("──") alone, or a drawn table among furniture, are not. */
static void drawn_tables_code(void **state)
{
    (void)state;
    const char *text[] = { "LIMIT 20;", "code \u2502 period", "\u2500\u2500\u253c\u2500\u2500", "200 \u2502 18:00",
                           "We now have a score for every row, and we can try to find the odd ones.",
                           "\u30a4\u30fc\u30e0\u30ba\u2500\u2500\u30c7\u30b6\u30a4\u30f3", "\u2500\u2500 a", "\u2500\u2500 b", "Share",
                           "Home \u2502 News", "Sport \u2502 Weather", "Login \u2502 Join", "Menu" };
    const bool adjacent[] = { false, false, true, true, false, false, true, true, false, false, true, true, false };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_CODE, L_BOILER, L_BOILER, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_BOILER,
                          L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    const uint8_t want[N] = { L_CODE, L_CODE, L_CODE, L_CODE, L_PARA, L_BOILER, L_BOILER, L_BOILER,
                              L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    expect_code(text, adjacent, N, labels, want);
}

/* A number alone is no paragraph: a counter under the standfirst goes,
 * the numbers of an article's parts stay; a picture's word goes. */
static void bare_figures_go(void **state)
{
    (void)state;
    const char *text[] = { "0", "Abdullah Ocalan landed in Italy in November 1998 and asked for asylum.", "1",
                           "The first part.", "Image", "2", "The second part." };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_bare_figures, text, N, "PPPPPPP", "BPPPBPP");
}

/* The numbers of an article's parts are set alike: "2" made a heading
 * makes "1" and "3" headings; a heading "0" is a counter, a year heads. */
static void part_numbers_alike(void **state)
{
    (void)state;
    const char *text[] = { "0", "The standfirst of the piece, which says what it is about.", "1", "The first part.",
                           "2", "The second part.", "3", "The third part.", "1998", "The year it began." };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_bare_figures, text, N, "HPPPHPPPHP", "BPHPHPHPHP");
}

/* A box of links is no part of the article: its name and the headline
 * under it go, the paragraph after them stays. */
static void related_boxes_go(void **state)
{
    (void)state;
    const char *text[] = { "Safari sat in the middle of the room, and Photos against the wall.", "Related",
                           "I wore the Apple Vision Pro. It's the best headset demo ever.",
                           "My colleague David Pierce, who also tried the Vision Pro this week, has already pointed out that it will be a great TV." };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_related_boxes, text, N, "PHPP", "PBBP");
}

/* A line in brackets is no heading: it becomes the caption or the
 * paragraph the decode liked better; a heading without brackets stays. */
static void bracketed_no_heading(void **state)
{
    (void)state;
    const char *text[] = { "（某头部数据公司的部分报价单）", "[Alden: Et tu, Lexi?]", "Rock salt on icy streets", "(Really)" };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_HEADING, L_HEADING, L_HEADING, L_PARA };
    const uint8_t want[N] = { L_CAPTION, L_PARA, L_HEADING, L_PARA };
    float scores[N * L_COUNT];
    for (int i = 0; i < N * L_COUNT; i++)
        scores[i] = -5.0f;
    scores[0 * L_COUNT + L_CAPTION] = -1.0f;
    scores[1 * L_COUNT + L_PARA] = -1.0f;
    unit u[N];
    read_units(u, text, N, false);
    reader r = { .u = u, .n = N };
    folio_label_bracketed(&r, scores, labels);
    assert_memory_equal(labels, want, N);
}

/* The article opens under its header: the first paragraph of running prose
 * under the title, among share buttons and related links, that the decode
 * nearly kept, is kept; one the decode was sure of is not, nor one above
 * the title. */
static void first_paragraph_kept(void **state)
{
    (void)state;
    const char *prose = "Glass cloche terrariums are not only appealing to the eye, but they also preserve a bit of "
                        "nature in your home and serve as a simple, yet beautiful, piece of decor that takes little care "
                        "and less room.";
    const char *text[] = { prose, "How to Build a Terrarium", "Share", prose, "Other People Are Reading", prose, prose };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_BOILER, L_TITLE, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_PARA };
    const uint8_t want[N] = { L_BOILER, L_TITLE, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_PARA };
    float scores[N * L_COUNT];
    for (int i = 0; i < N; i++)
        for (int k = 0; k < L_COUNT; k++)
            scores[i * L_COUNT + k] = k == L_BOILER ? -0.3f : k == L_PARA ? -1.0f : -9.0f;
    unit u[N];
    read_units(u, text, N, true);
    reader r = { .u = u, .n = N };
    folio_label_first_paragraph(&r, scores, labels, 1);
    assert_memory_equal(labels, want, N);
    uint8_t sure[N] = { L_BOILER, L_TITLE, L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_PARA };
    scores[3 * L_COUNT + L_PARA] = -6.0f;
    scores[5 * L_COUNT + L_PARA] = -6.0f;
    folio_label_first_paragraph(&r, scores, sure, 1);
    assert_int_equal(sure[3], L_BOILER);
}

/* A rail of headlines is no part of the outline: three title-case
 * headlines in a row lose their heading labels; two in a row (a part's
 * title over its first section's) keep theirs. */
static void headline_rails_go(void **state)
{
    (void)state;
    const char *prose = "A photographer and Navy veteran is fighting back after a photo she posted started a debate.";
    const char *text[] = { prose, "Pizza Man Making Special Delivery to Afghanistan During Super Bowl",
                           "Redesigned Scopes Fail to Stop Superbug Outbreaks",
                           "Antarctica Penguin Post Office Attracts Record Number of Applicants", prose,
                           "Part One: The Early Years", "How the Harbour Was Built", prose };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_headline_rails, text, N, "PHPHPHHP", "PBPBPHHP");
}

/* A caption says something: one or two words in capitals are a label the
 * page prints; a caption in capitals with more to say, or in mixed case,
 * stays. */
static void shouted_captions_go(void **state)
{
    (void)state;
    const char *text[] = { "ADVERTISING", "GETTY IMAGES", "Scatter plot", "PHOTOGRAPH COURTESY OF MONOTYPE" };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_shouted_captions, text, N, "CCCC", "BBCC");
}

/* A contents list above the text names the section heads: the lines that
 * repeat its entries, in order, with text under them, become headings, and
 * a line of the list itself that the reading kept goes as a copy; the
 * footer's copy of a menu (an entry followed by the next entry) and a
 * list the body keeps as its own text do not. */
static void contents_names_heads(void **state)
{
    (void)state;
    const char *para = "The data has a clear pattern, and a careful reader sees it at once, as we show below.";
    const char *text[] = { "Home", "Contents", "Detecting Anomalies", "Backtesting", "Adding Thresholds", para,
                           "Detecting Anomalies", para, "Backtesting", para, "Adding Thresholds", para,
                           "Frontend", "Task Store", "Queue", "Frontend", para, "Task Store", para, "Queue", para,
                           "Home", "Contents", "Detecting Anomalies", "Backtesting" };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_BOILER, L_BOILER, L_BOILER, L_BOILER, L_PARA, L_PARA, L_BOILER, L_PARA,
                          L_PARA, L_PARA, L_BOILER, L_PARA, L_PARA, L_PARA, L_PARA, L_PARA, L_PARA,
                          L_PARA, L_PARA, L_PARA, L_PARA, L_BOILER, L_BOILER, L_BOILER, L_BOILER };
    uint8_t want[N];
    memcpy(want, labels, N);
    want[6] = want[8] = want[10] = L_HEADING;
    want[4] = L_DUP; /* the list's own line the reading kept: a copy */
    expect_labels(folio_label_contents_heads, text, N, labels, want);
}

/* Of two short lines over a section's text, the upper heads it and the
 * lower is the section's first line; not where the text under them is no
 * running text. */
static void head_comes_first(void **state)
{
    (void)state;
    const char *prose = "Pendant quelques jours, le doute a plané sur ce film, et sur la manière dont la "
                        "vape a conquis le monde en moins de dix ans, comme le raconte le réalisateur.";
    const char *text[] = { prose, "Pour dépasser le tabac", "Vape Wave (documentaire, 1h28, Planète+)", prose,
                           "Pour écouter parler un génie", "Dans la tête d'Alan Moore", "Voir la vidéo" };
    enum { N = sizeof text / sizeof text[0] };
    expect_letters(folio_label_head_first, text, N, "PPHPPHP", "PHPPPHP");
}

/* The headline right over the byline over the article's first paragraph
 * is the title, where the ranker likes it nearly as well as the line it
 * chose; not when it likes it much less, nor without a byline between. */
static void headline_over_byline(void **state)
{
    (void)state;
    const char *prose = "Les députés ont, sans surprise, adopté à une large majorité le projet de loi sur le "
                        "renseignement, qui donne aux services des moyens nouveaux de surveiller les communications.";
    const char *text[] = { "Le Monde Télérama Le Monde diplomatique Courrier international", "Accueil",
                           "Le projet de loi sur le renseignement approuvé à l'Assemblée",
                           "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger", prose, prose };
    enum { N = sizeof text / sizeof text[0] };
    unit u[N];
    read_units(u, text, N, false);
    reader r = { .u = u, .n = N };
    uint8_t labels[N] = { L_TITLE, L_BOILER, L_HEADING, L_META, L_PARA, L_PARA };
    float near[N] = { 8.2f, 1.0f, 6.6f, 0.0f, 0.0f, 0.0f }, far[N] = { 8.2f, 1.0f, 4.0f, 0.0f, 0.0f, 0.0f };
    assert_int_equal(folio_label_headline_over_byline(&r, labels, near, 0), 2);
    assert_int_equal(folio_label_headline_over_byline(&r, labels, far, 0), 0);
    labels[3] = L_BOILER;
    assert_int_equal(folio_label_headline_over_byline(&r, labels, near, 0), 0);
}

/* A list under a line that introduces it with a colon, right over the
 * article's text, is the article's; under "Share on:" or without text after
 * it, it stays out. */
static void introduced_lists(void **state)
{
    (void)state;
    const char *text[] = { "What You'll Need:", "Cloche", "Floral foam oasis", "Ruler", "Step 1",
                           "Share this on:", "Facebook", "Twitter", "Email", "Step 2",
                           "Other things you may need:", "Spoon", "Moss", "Tweezers", "Related stories" };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N];
    memset(labels, L_BOILER, N);
    labels[4] = labels[9] = L_PARA;
    uint8_t want[N];
    memcpy(want, labels, N);
    memset(want, L_PARA, 4);
    unit u[N];
    read_units(u, text, N, true);
    reader r = { .u = u, .n = N };
    folio_label_introduced_lists(&r, labels);
    assert_memory_equal(labels, want, N);
}

/* Short unpunctuated Chinese lines between paragraphs head sections (with a
 * colon-ended label right above); a line that ends a sentence, one that
 * introduces with a colon before prose, and one before a short line stay. */
static void cjk_section_heads(void **state)
{
    (void)state;
    const char *body = "\xE8\xA1\x8C" /* 行 */;
    char para[400] = "";
    for (int k = 0; k < 45; k++)
        strcat(para, body);
    strcat(para, "\xE3\x80\x82"); /* 。 */
    const char *text[] = { para,
                           "\xE8\x8B\xB1\xE5\x9B\xBD\xE3\x80\x8A\xE6\xB3\xB0\xE6\x99\xA4\xE5\xA3\xAB\xE6\x8A\xA5\xE3\x80\x8B\xEF\xBC\x9A", /* 英国《泰晤士报》： */
                           "\xE8\x93\xAC\xE5\x8B\x83\xE5\x8F\x91\xE5\xB1\x95\xE7\x9A\x84\xE6\xAD\xA6\xE6\xB1\x89", /* 蓬勃发展的武汉 */
                           para,
                           "\xE6\x88\x91\xE4\xBB\xAC\xE6\x9D\xA5\xE7\x9C\x8B\xE4\xB8\x80\xE4\xB8\xAA\xE5\x9C\xBA\xE6\x99\xAF\xEF\xBC\x9A", /* 我们来看一个场景： */
                           para,
                           "\xE6\xAD\xA6\xE6\xB1\x89\xE5\x86\x8D\xE6\xAC\xA1\xE8\x93\xAC\xE5\x8B\x83\xE3\x80\x82", /* 武汉再次蓬勃。 */
                           para };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N];
    memset(labels, L_PARA, N);
    uint8_t want[N];
    memset(want, L_PARA, N);
    want[1] = want[2] = L_HEADING;
    expect_labels(folio_label_cjk_heads, text, N, labels, want);
}

/* Speech is no heading: a line ending in a quotation closed after a
 * sentence's mark is dialogue; a quoted phrase without one may head a
 * section. */
static void speech_is_no_heading(void **state)
{
    (void)state;
    const char *yes[] = { "\xE2\x80\x9CRichy?\xE2\x80\x9D", "Haoyu blinked. \xE2\x80\x9CYou mean with your skill?\xE2\x80\x9D",
                          "\xE3\x80\x8C\xE8\xA1\x8C\xE3\x81\x93\xE3\x81\x86\xE3\x80\x82\xE3\x80\x8D" };
    const char *no[] = { "\xE2\x80\x9C\xE8\x89\xAF\xE5\xA5\xBD\xE5\xBC\x80\xE7\xAB\xAF\xE2\x80\x9D",
                         "Does this item bring you joy?", "Develop a Personal \"Should I Buy This?\" Test" };
    unit u[6];
    for (int k = 0; k < 6; k++) {
        memset(&u[k], 0, sizeof u[k]);
        u[k].text = (char *)(k < 3 ? yes[k] : no[k - 3]);
        u[k].len = strlen(u[k].text);
        folio_scraped_features(&u[k]);
        assert_int_equal(folio_label_speech(&u[k]), k < 3);
    }
    reader r = { .u = u, .n = 6 };
    folio_page *p = folio_page_new(&r);
    assert_non_null(p);
    assert_int_equal(folio_label_final(&r, p, 0, L_HEADING), L_PARA);
    assert_int_equal(folio_label_final(&r, p, 3, L_HEADING), L_HEADING);
    folio_page_free(p);
    /* nor is a sentence or an attribution */
    const char *sentence[] = { "\xE7\xBD\xAA\xE6\x82\xAA\xE6\x84\x9F\xE8\x96\x84\xE3\x82\x81\xE3\x80\x82", /* 罪悪感薄め。 */
                               "I code stuff. I take photos.", "\xE2\x80\x94\xE2\x80\x94\xEF\xBC\x88\xE5\xAE\x8B\xEF\xBC\x89\xE9\x99\x86\xE6\xB8\xB8" /* ——（宋）陆游 */ };
    const char *phrase[] = { "Why Neon Lasted", "Life in the U.S.", "And then..." };
    for (int k = 0; k < 6; k++) {
        unit v;
        memset(&v, 0, sizeof v);
        v.text = (char *)(k < 3 ? sentence[k] : phrase[k - 3]);
        v.len = strlen(v.text);
        folio_scraped_features(&v);
        assert_int_equal(folio_label_sentence_or_attribution(&v), k < 3);
    }
}

/* A line ending in a credit in brackets, inside the article, is a
 * caption; brackets that hold a number, one word or a lower-case phrase
 * are no credit, and a credited line among furniture stays furniture. */
static void credit_captions(void **state)
{
    (void)state;
    const char *yes[] = { "Attach moss. (Lucy Akins)", "Orchid in foam oasis (Lucy Akins)", "Protesters in Paris (Photo: AP)",
                          "Raspberry Pi in education - Image: Raspberry Pi Foundation",
                          "Photo: Ashraf Amra/Anadolu via Getty Images",
                          "\xE6\xB8\xB8\xE5\xAE\xA2\xE5\x9C\xA8\xE6\xB9\x96\xE8\xBE\xB9\xEF\xBC\x88\xE6\x91\x84\xE5\xBD\xB1\xEF\xBC\x9A\xE5\xBC\xA0\xE4\xB8\x89\xEF\xBC\x89" };
    const char *no[] = { "Cut the foam (2 cm) smaller (about 3/4 inch)", "Heartbeat and Status Controller (HSC)",
                         "Subscribe to: Post Comments (Atom)", "High-res accumulators (Ernestas, Albert)",
                         "The results were clear (and surprising)", "(Lucy Akins)",
                         "The image: a sentence about pictures", "Credit: where it is due: the team" };
    unit u;
    for (size_t k = 0; k < sizeof yes / sizeof yes[0] + sizeof no / sizeof no[0]; k++) {
        bool credit = k < sizeof yes / sizeof yes[0];
        const char *t = credit ? yes[k] : no[k - sizeof yes / sizeof yes[0]];
        memset(&u, 0, sizeof u);
        u.text = (char *)t;
        u.len = strlen(t);
        folio_scraped_features(&u);
        assert_int_equal(folio_label_credit_tail(&u), credit);
    }
    const char *prose = "Using floral pins, attach enough moss around the oasis to cover it.";
    const char *text[] = { prose, "Attach moss. (Lucy Akins)", prose, "Related", "Menu", "A teaser (Lucy Akins)", "Footer",
                           "Contact", "About", prose, "Raspberry Pi in education - Image: Raspberry Pi Foundation", prose };
    enum { N = sizeof text / sizeof text[0] };
    uint8_t labels[N] = { L_PARA, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_BOILER,
                          L_BOILER, L_BOILER, L_BOILER, L_PARA, L_HEADING, L_PARA };
    const uint8_t want[N] = { L_PARA, L_CAPTION, L_PARA, L_BOILER, L_BOILER, L_BOILER,
                              L_BOILER, L_BOILER, L_BOILER, L_PARA, L_CAPTION, L_PARA };
    unit v[N];
    for (int i = 0; i < N; i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].text = (char *)text[i];
        v[i].len = strlen(text[i]);
        folio_scraped_features(&v[i]);
    }
    reader r = { .u = v, .n = N };
    folio_label_credit_captions(&r, labels);
    assert_memory_equal(labels, want, N);
}

/* Units of the given texts, their features read, of the plain class. */
static void plain_units(unit *u, const char *const *text, int n)
{
    for (int i = 0; i < n; i++) {
        memset(&u[i], 0, sizeof u[i]);
        u[i].text = (char *)text[i];
        u[i].len = strlen(text[i]);
        folio_scraped_features(&u[i]);
        u[i].cls = C_PLAIN;
    }
}

/* On a web page, a line under a picture inside the article is its caption;
 * one under a picture in a rail (nothing kept below) stays furniture. */
static void picture_captions_on_pages(void **state)
{
    (void)state;
    const char *text[] = { "The first step is to measure the glass cloche and cut the foam to fit.",
                           "Attach moss. (Lucy Akins)", "Using floral pins, attach enough moss to cover the foam.",
                           "Related", "A teaser under a picture", "Footer" };
    uint8_t labels[] = { L_PARA, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_BOILER };
    const uint8_t want[] = { L_PARA, L_CAPTION, L_PARA, L_BOILER, L_BOILER, L_BOILER };
    unit u[6];
    plain_units(u, text, 6);
    u[1].hint.flags = u[4].hint.flags = HF_AFTER_IMG;
    html_page page;
    memset(&page, 0, sizeof page);
    reader r = { .u = u, .n = 6, .page = &page };
    folio_label_picture_captions(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
    r.page = NULL; /* plain text: no markup, no picture known */
    uint8_t text_labels[] = { L_PARA, L_BOILER, L_PARA, L_BOILER, L_BOILER, L_BOILER };
    folio_label_picture_captions(&r, text_labels);
    assert_int_equal(text_labels[1], L_BOILER);
}

/* A caption needs a picture: a sentence under the title taken for a caption
 * with no picture before it is the standfirst, and a byline under it the
 * header's; under a picture, or in a figure, a caption stays one. */
static void deck_no_caption(void **state)
{
    (void)state;
    const char *text[] = { "A Peaceful Answer to the Question", "The native peoples claim rights that remain unfulfilled, so it is wiser to channel the protest",
                           "A Peaceful Answer to the Question", "The native peoples claim rights that remain unfulfilled, so it is wiser to channel the protest" };
    uint8_t labels[] = { L_TITLE, L_CAPTION, L_TITLE, L_CAPTION };
    const uint8_t want[] = { L_TITLE, L_SUMMARY, L_TITLE, L_CAPTION };
    unit u[4];
    plain_units(u, text, 4);
    u[3].hint.flags = HF_FIGURE;
    html_page page;
    memset(&page, 0, sizeof page);
    reader r = { .u = u, .n = 4, .page = &page };
    folio_label_picture_captions(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
    /* in copied text, the picture shows in the credit under its caption */
    const char *copied[] = { text[0], text[1], "By Alex Heath, a deputy editor and author of the Command Line newsletter.",
                             text[0], text[1], "Photo: Ashraf Amra/Getty Images" };
    uint8_t text_labels[] = { L_TITLE, L_CAPTION, L_CAPTION, L_TITLE, L_CAPTION, L_CAPTION };
    const uint8_t text_want[] = { L_TITLE, L_SUMMARY, L_META, L_TITLE, L_CAPTION, L_CAPTION };
    unit t[6];
    plain_units(t, copied, 6);
    reader tr = { .u = t, .n = 6 };
    folio_label_picture_captions(&tr, text_labels);
    assert_memory_equal(text_labels, text_want, sizeof text_want);
}

/* A paragraph under a picture set all in small type is its caption; a
 * paragraph only small, or only under a picture, stays a paragraph. */
static void small_captions_on_pages(void **state)
{
    (void)state;
    const char *text = "The first train crosses the rebuilt bridge on Monday, watched by the crews who rebuilt it.";
    const uint32_t flags[] = { HF_AFTER_IMG | HF_SMALL, HF_SMALL, HF_AFTER_IMG, 0 };
    uint8_t labels[] = { L_PARA, L_PARA, L_PARA, L_PARA };
    const uint8_t want[] = { L_CAPTION, L_PARA, L_PARA, L_PARA };
    unit u[4];
    const char *texts[] = { text, text, text, text };
    plain_units(u, texts, 4);
    for (int i = 0; i < 4; i++)
        u[i].hint.flags = flags[i];
    html_page page;
    memset(&page, 0, sizeof page);
    reader r = { .u = u, .n = 4, .page = &page };
    folio_label_picture_captions(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

/* On a web page, a dropped line of running text inside the element that
 * holds the kept paragraphs is the article's; one in furniture inside it,
 * or outside it, stays dropped. */
static void article_element_on_pages(void **state)
{
    (void)state;
    const char *text[] = { "Home News Travel Food", "The road climbs through the maple woods above the river valley",
                           "The camp sits under the maples, and in December the leaves turn red and gold.",
                           "We stayed two nights and walked to the school in the village the next morning.",
                           "Share this post with your friends on every network you use today",
                           "Another blog post about a camp in the mountains that you may like to read" };
    const uint32_t node[] = { 1, 3, 3, 4, 4, 5 };
    const uint32_t flags[] = { HF_NAV | HF_LINK, 0, 0, 0, HF_FURNITURE, 0 };
    uint8_t labels[] = { L_BOILER, L_BOILER, L_PARA, L_PARA, L_BOILER, L_BOILER };
    const uint8_t want[] = { L_BOILER, L_PARA, L_PARA, L_PARA, L_BOILER, L_BOILER };
    /* the document (0): a menu (1), the post (2) of two blocks (3, 4), a rail (5) */
    html_node nodes[] = { { 5, 0 }, { 1, 0 }, { 4, 0 }, { 3, 2 }, { 4, 2 }, { 5, 0 } };
    unit u[6];
    plain_units(u, text, 6);
    for (int i = 0; i < 6; i++)
        u[i].hint = (line_hint){ .tag = HT_P, .flags = flags[i], .node = node[i] };
    html_page page;
    memset(&page, 0, sizeof page);
    page.nodes = nodes;
    page.n_nodes = 6;
    reader r = { .u = u, .n = 6, .page = &page };
    folio_label_article_element(&r, labels);
    assert_memory_equal(labels, want, sizeof want);
}

static void feature_names(void **state)
{
    (void)state;
    assert_string_equal(folio_feature_name(-1), "?");
    int n = 0;
    while (strcmp(folio_feature_name(n), "?") != 0)
        n++;
    assert_true(n > 100);
    for (int i = 0; i < n; i++) /* each name once */
        for (int j = i + 1; j < n; j++)
            assert_string_not_equal(folio_feature_name(i), folio_feature_name(j));
}

static void labeller_features(void **state)
{
    (void)state;
    char *page = long_page();
    explained x = { .want = { feature_index("template_repeats_log"), feature_index("body_overlap"),
                              feature_index("has_date"), feature_index("good_pair") } };
    folio_read_opts o = { .explain = collect_explained, .explain_user = &x };
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(page, strlen(page), &o, &doc, NULL), FOLIO_OK);
    int non_blank = 0;
    for (const char *p = page; *p; p++)
        non_blank += *p != '\n' && (p == page || p[-1] == '\n');
    assert_int_equal(x.n, non_blank); /* every unit explained once, in order */
    for (int i = 1; i < x.n; i++)
        assert_true(x.line[i] > x.line[i - 1]);
    /* "Reply" six times, "N hours ago" six times with the digits masked: log 6 */
    int reply = -1, hours = -1, headline = -1, date = -1, para = -1;
    for (int i = 0; i < x.n; i++) {
        if (x.line[i] == 5) headline = i;
        if (x.line[i] == 7) date = i;
        if (x.line[i] == 9) para = i;
        if (x.line[i] == 52) hours = i;
        if (x.line[i] == 54) reply = i;
    }
    assert_true(reply >= 0 && hours >= 0 && headline >= 0 && date >= 0 && para >= 0);
    assert_true(fabsf(x.value[reply][0] - logf(6)) < 0.01f);
    assert_true(fabsf(x.value[hours][0] - logf(6)) < 0.01f);
    assert_true(x.value[para][0] < logf(3)); /* paragraphs do not repeat */
    assert_true(x.value[headline][1] >= 0.5f); /* the body says harbours, work */
    assert_true(x.value[date][2] == 1);
    assert_true(x.value[para][3] == 1); /* long prose beside long prose */
    /* and the reading: the headline is the title, the thread is dropped */
    assert_string_equal(doc->meta.title, "How Small Harbours Found New Work");
    assert_string_equal(doc->meta.date, "2024-05-02");
    assert_string_equal(what(doc, 9), "paragraph");
    assert_true(what(doc, 54)[0] == '-'); /* dropped, as boilerplate or as the run under "Comments" */
    folio_doc_free(doc);
    free(page);
}

static void short_text_read_by_rules(void **state)
{
    (void)state;
    const char *t = HEAD P_EN "\n\n" P_EN2 "\n";
    explained x = { .want = { -1, -1, -1, -1 } };
    folio_read_opts o = { .explain = collect_explained, .explain_user = &x };
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(t, strlen(t), &o, &doc, NULL), FOLIO_OK);
    assert_int_equal(x.n, 4);
    assert_string_equal(x.label[0], "title");
    assert_string_equal(x.label[1], "meta");
    assert_string_equal(x.label[2], "paragraph");
    folio_doc_free(doc);
}

/* ---- nothing is lost ---- */

static void retention(void **state)
{
    (void)state;
    const char *t = HEAD_ZH "分享\n\n" P_ZH "\n\n图源:某处\n\n时代变了\n\n" P_ZH2 "\n\n责编：许安\n\n相关推荐\n\n一篇别的文章\n";
    folio_doc *doc = read_doc(t);
    int line = 0;
    const char *p = t;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        line++;
        if (n) {
            char *want = strndup(p, n);
            int found = 0;
            for (size_t i = 0; i < doc->n_blocks; i++)
                found |= strstr(doc->blocks[i].text, want) != NULL;
            for (size_t i = 0; i < doc->n_removed; i++)
                found |= strcmp(doc->removed[i].text, want) == 0;
            if (!found)
                fail_msg("line %d lost: %s", line, want);
            free(want);
        }
        p += n + (e != NULL);
    }
    folio_doc_free(doc);
}

static void empty_input(void **state)
{
    (void)state;
    const char *inputs[] = { "", "\n\n\n", " \t\u3000\u00a0\n\u200b\n", "\xEF\xBB\xBF\n" };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        folio_doc *doc = (folio_doc *)1;
        folio_error err;
        assert_int_equal(folio_read_text(inputs[i], strlen(inputs[i]), NULL, &doc, &err), FOLIO_ERR_INPUT);
        assert_null(doc);
        assert_string_equal(err.message, "no text");
    }
}

static void overrides(void **state)
{
    (void)state;
    const char *t = HEAD P_EN "\n";
    folio_read_opts o = { .title = "Mine", .author = "A One; B Two", .date = "31 May 2025", .lang = "fr",
                          .source = "Somewhere" };
    folio_doc *doc = NULL;
    assert_int_equal(folio_read_text(t, strlen(t), &o, &doc, NULL), FOLIO_OK);
    assert_string_equal(doc->meta.title, "Mine");
    assert_int_equal(doc->meta.n_authors, 2);
    assert_string_equal(doc->meta.authors[1], "B Two");
    assert_string_equal(doc->meta.date, "2025-05-31");
    assert_string_equal(doc->meta.lang, "fr");
    assert_string_equal(doc->meta.source, "Somewhere");
    folio_doc_free(doc);
    o = (folio_read_opts){ .date = "someday" };
    folio_error err;
    assert_int_equal(folio_read_text(t, strlen(t), &o, &doc, &err), FOLIO_ERR_USAGE);
    assert_non_null(strstr(err.message, "someday"));
}

/* ---- JSON ---- */

static void json_escapes(void **state)
{
    (void)state;
    folio_doc *doc = read_doc("A \"Quoted\" Title With \\ Backslash\n\n2024-05-01\n\n"
                              "Text with a\x01 control character and a tab\tinside, long enough to be prose.\n\n" P_EN "\n");
    folio_buf b = { 0 };
    assert_int_equal(folio_write_json(doc, NULL, to_buf, &b, NULL), FOLIO_OK);
    assert_non_null(strstr(b.data, "\"title\": \"A \\\"Quoted\\\" Title With \\\\ Backslash\""));
    assert_non_null(strstr(b.data, "a\\u0001 control"));
    assert_non_null(strstr(b.data, "{\"folio\": 1,"));
    assert_non_null(strstr(b.data, "\"type\": \"paragraph\", \"text\": "));
    folio_buf_free(&b);
    folio_error err;
    assert_int_equal(folio_write_json(doc, NULL, refuse, NULL, &err), FOLIO_ERR_WRITE);
    folio_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_before_date_line), cmocka_unit_test(title_cleanup),
        cmocka_unit_test(byline_and_standfirst),  cmocka_unit_test(zh_bylines),
        cmocka_unit_test(dates), cmocka_unit_test(world_bylines),                  cmocka_unit_test(summary_label_block),
        cmocka_unit_test(headings),               cmocka_unit_test(not_headings),
        cmocka_unit_test(quotes),                 cmocka_unit_test(not_quotes),
        cmocka_unit_test(captions),               cmocka_unit_test(indented_captions),
        cmocka_unit_test(notes_and_credits),      cmocka_unit_test(lists),
        cmocka_unit_test(code_block),             cmocka_unit_test(boilerplate),
        cmocka_unit_test(related_run_resumes),    cmocka_unit_test(keep_boilerplate),
        cmocka_unit_test(site_furniture),
        cmocka_unit_test(whitespace),             cmocka_unit_test(hard_wrap),
        cmocka_unit_test(language), cmocka_unit_test(languages_of_the_world),               cmocka_unit_test(regressions), cmocka_unit_test(regression_file),
        cmocka_unit_test(feature_names),
        cmocka_unit_test(labeller_features), cmocka_unit_test(title_over_dek), cmocka_unit_test(breadcrumbs_are_furniture),
        cmocka_unit_test(page_keeps_an_article),  cmocka_unit_test(nothing_kept_above_a_menu),
        cmocka_unit_test(page_level_rules),       cmocka_unit_test(picture_words_mark_captions),
        cmocka_unit_test(article_end_kept),       cmocka_unit_test(headings_are_lines),
        cmocka_unit_test(caption_said_twice),
        cmocka_unit_test(opening_prose_is_text),  cmocka_unit_test(title_beside_dek_or_kicker), cmocka_unit_test(title_under_blog_name),
        cmocka_unit_test(title_not_a_continuation),
        cmocka_unit_test(furniture_is_no_caption), cmocka_unit_test(pilcrow_marks_headings),
        cmocka_unit_test(teaser_said_over),       cmocka_unit_test(numbered_steps_kept), cmocka_unit_test(numbered_heads_go_on), cmocka_unit_test(credit_captions), cmocka_unit_test(speech_is_no_heading), cmocka_unit_test(cjk_section_heads), cmocka_unit_test(contents_names_heads), cmocka_unit_test(head_comes_first), cmocka_unit_test(headline_over_byline), cmocka_unit_test(introduced_lists), cmocka_unit_test(list_runs_whole), cmocka_unit_test(title_no_label), cmocka_unit_test(title_no_menu), cmocka_unit_test(reporters_named), cmocka_unit_test(footer_after_copyright), cmocka_unit_test(byline_names_taken), cmocka_unit_test(code_blocks_whole), cmocka_unit_test(drawn_tables_code), cmocka_unit_test(bare_figures_go), cmocka_unit_test(part_numbers_alike), cmocka_unit_test(related_boxes_go), cmocka_unit_test(bracketed_no_heading), cmocka_unit_test(first_paragraph_kept), cmocka_unit_test(headline_rails_go), cmocka_unit_test(shouted_captions_go), cmocka_unit_test(holes_filled), cmocka_unit_test(text_run_in_heads), cmocka_unit_test(comments_after_the_article), cmocka_unit_test(comments_opened), cmocka_unit_test(run_in_label_in_doc), cmocka_unit_test(name_said_below), cmocka_unit_test(teaser_cards), cmocka_unit_test(section_openings_kept), cmocka_unit_test(next_paragraph_kept), cmocka_unit_test(headline_ends_in_initials),
        cmocka_unit_test(picture_captions_on_pages), cmocka_unit_test(deck_no_caption),
        cmocka_unit_test(small_captions_on_pages),
        cmocka_unit_test(article_element_on_pages),
        cmocka_unit_test(short_text_read_by_rules),
        cmocka_unit_test(retention),              cmocka_unit_test(empty_input),
        cmocka_unit_test(overrides),              cmocka_unit_test(json_escapes),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
