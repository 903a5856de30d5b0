/*
 * test_writers.c - the writers through the sink: output captured in memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../convert/folio.h"
#include "../convert/internal.h"

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

static int to_buf(void *user, const void *data, size_t len)
{
    folio_buf_append(user, data, len);
    return 0;
}

static int refuse(void *user, const void *data, size_t len)
{
    (void)user, (void)data, (void)len;
    return -1;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(epub_in_memory),
        cmocka_unit_test(epub_errors),
        cmocka_unit_test(language_tags),
    };
    return cmocka_run_group_tests_name("writers", tests, NULL, NULL);
}
