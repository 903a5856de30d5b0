/*
 * doc.c - document lifetime and the block type names.
 */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[FOLIO_BLOCK_TYPE_COUNT] = {
    [FOLIO_BLOCK_HEADING] = "heading",   [FOLIO_BLOCK_PARAGRAPH] = "paragraph",
    [FOLIO_BLOCK_QUOTE] = "quote",       [FOLIO_BLOCK_CAPTION] = "caption",
    [FOLIO_BLOCK_NOTE] = "note",         [FOLIO_BLOCK_CREDIT] = "credit",
    [FOLIO_BLOCK_LIST_ITEM] = "list_item", [FOLIO_BLOCK_CODE] = "code",
    [FOLIO_BLOCK_IMAGE] = "image",
};

const char *folio_block_type_name(folio_block_type type)
{
    if ((unsigned)type >= FOLIO_BLOCK_TYPE_COUNT)
        return "unknown";
    return type_names[type];
}

void folio_doc_free(folio_doc *doc)
{
    if (!doc)
        return;
    /* The doc struct itself lives in its own arena. */
    folio_arena_free(doc->arena);
}

/* BCP 47 as e-readers accept it: "zh-Hans"/"zh-Hant" when the script is
 * known, "_" turned into "-", anything malformed replaced by "und" (an empty
 * or locale-style tag makes Send to Kindle reject the book). */
char *folio_language_tag(const folio_doc *doc, char *out, size_t cap)
{
    const char *lang = doc->meta.lang && *doc->meta.lang ? doc->meta.lang : "und";
    const char *script = doc->meta.script;
    if (strcmp(lang, "zh") == 0 && script && (strcmp(script, "Hans") == 0 || strcmp(script, "Hant") == 0))
        snprintf(out, cap, "zh-%s", script);
    else
        snprintf(out, cap, "%s", lang);
    size_t part = 0;
    bool ok = out[0] != '\0';
    for (char *p = out; *p && ok; p++) {
        if (*p == '_')
            *p = '-';
        if (*p == '-') {
            ok = part > 0;
            part = 0;
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
            ok = ++part <= 8;
        } else {
            ok = false;
        }
    }
    if (!ok || part == 0)
        snprintf(out, cap, "und");
    return out;
}

bool folio_tag_is_cjk(const char *tag)
{
    return strncmp(tag, "zh", 2) == 0 || strncmp(tag, "ja", 2) == 0 || strncmp(tag, "ko", 2) == 0;
}

bool folio_tag_is_rtl(const char *tag)
{
    static const char *const rtl[] = { "ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb", NULL };
    size_t n = strcspn(tag, "-");
    for (const char *const *l = rtl; *l; l++)
        if (strlen(*l) == n && strncmp(tag, *l, n) == 0)
            return true;
    return false;
}

struct tm folio_doc_time(const folio_doc *doc, const folio_write_opts *opts)
{
    long long t = opts && opts->epoch >= 0 ? opts->epoch : -1;
    struct tm tm = { 0 };
    if (t < 0 && doc->meta.date &&
        sscanf(doc->meta.date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        t = (long long)timegm(&tm);
    }
    if (t < 0)
        t = 946684800; /* 2000-01-01 */
    time_t tt = (time_t)t;
    gmtime_r(&tt, &tm);
    return tm;
}

void folio_byline(const folio_meta *m, const char *author_sep, const char *part_sep, bool date_source,
                  folio_buf *out)
{
    for (size_t i = 0; i < m->n_authors; i++) {
        folio_buf_puts(out, i ? author_sep : "");
        folio_buf_puts(out, m->authors[i]);
    }
    const char *parts[] = { m->date, m->source };
    for (size_t i = 0; date_source && i < 2; i++)
        if (parts[i]) {
            folio_buf_puts(out, out->len ? part_sep : "");
            folio_buf_puts(out, parts[i]);
        }
}

/* The writers' own words, a row a language: the opening section's name, the
 * date's and the source's labels, the summary's, a page's footer. */
static const folio_words words[] = {
    { "en", "Opening", "Date: ", "Source: ", "Summary", "page %d of %d" },
    { "zh-Hant", "開篇", "日期：", "來源：", "摘要", "第 %d 頁，共 %d 頁" },
    { "zh", "开篇", "日期：", "来源：", "摘要", "第 %d 页，共 %d 页" },
    { "ja", "はじめに", "日付：", "出典：", "要約", "%d / %d ページ" },
    { "ko", "들어가며", "날짜: ", "출처: ", "요약", "%d / %d 쪽" },
    { "fr", "Introduction", "Date : ", "Source : ", "Résumé", "page %d sur %d" },
    { "de", "Einleitung", "Datum: ", "Quelle: ", "Zusammenfassung", "Seite %d von %d" },
    { "es", "Introducción", "Fecha: ", "Fuente: ", "Resumen", "página %d de %d" },
    { "pt", "Introdução", "Data: ", "Fonte: ", "Resumo", "página %d de %d" },
    { "it", "Introduzione", "Data: ", "Fonte: ", "Sommario", "pagina %d di %d" },
    { "nl", "Inleiding", "Datum: ", "Bron: ", "Samenvatting", "pagina %d van %d" },
    { "sv", "Inledning", "Datum: ", "Källa: ", "Sammanfattning", "sida %d av %d" },
    { "da", "Indledning", "Dato: ", "Kilde: ", "Resumé", "side %d af %d" },
    { "nb", "Innledning", "Dato: ", "Kilde: ", "Sammendrag", "side %d av %d" },
    { "pl", "Wstęp", "Data: ", "Źródło: ", "Streszczenie", "strona %d z %d" },
    { "cs", "Úvod", "Datum: ", "Zdroj: ", "Shrnutí", "strana %d z %d" },
    { "ru", "Вступление", "Дата: ", "Источник: ", "Краткое содержание", "страница %d из %d" },
    { "uk", "Вступ", "Дата: ", "Джерело: ", "Короткий зміст", "сторінка %d з %d" },
    { "ar", "مقدمة", "التاريخ: ", "المصدر: ", "ملخص", "صفحة %d من %d" },
    { "he", "פתיחה", "תאריך: ", "מקור: ", "תקציר", "עמוד %d מתוך %d" },
    { "tr", "Giriş", "Tarih: ", "Kaynak: ", "Özet", "sayfa %d / %d" },
    { "id", "Pendahuluan", "Tanggal: ", "Sumber: ", "Ringkasan", "halaman %d dari %d" },
};

const folio_words *folio_words_for(const char *tag)
{
    for (size_t k = 1; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k].lang);
        if (strncmp(tag, words[k].lang, n) == 0 && (tag[n] == '\0' || tag[n] == '-'))
            return &words[k];
    }
    return &words[0];
}

const folio_words *folio_doc_words(const folio_doc *doc)
{
    char tag[32];
    return folio_words_for(folio_language_tag(doc, tag, sizeof tag));
}

const char *folio_opening_label(const folio_doc *doc)
{
    return folio_doc_words(doc)->opening;
}

const char *folio_doc_title(const folio_doc *doc)
{
    return doc->meta.title && *doc->meta.title ? doc->meta.title : "Untitled";
}

/* Does text open with want, spaces aside? */
static bool opens_with(const char *text, size_t n, const char *want)
{
    size_t i = 0, w = 0, wn = strlen(want);
    while (w < wn) {
        int32_t a, b;
        size_t la = i < n ? folio_utf8_next(text + i, n - i, &a) : 0;
        size_t lb = folio_utf8_next(want + w, wn - w, &b);
        if (lb && folio_is_space(b)) {
            w += lb;
            continue;
        }
        if (la && folio_is_space(a)) {
            i += la;
            continue;
        }
        if (!la || a != b)
            return false;
        i += la;
        w += lb;
    }
    return true;
}

bool folio_summary_in_text(const folio_doc *doc)
{
    const char *sum = doc->meta.summary;
    if (!sum || !*sum)
        return false;
    for (size_t i = 0; i < doc->n_blocks && i < SUMMARY_LOOK; i++) {
        const folio_block *b = &doc->blocks[i];
        if (b->type == FOLIO_BLOCK_HEADING)
            break;
        if (b->type == FOLIO_BLOCK_PARAGRAPH && b->text &&
            opens_with(b->text + b->label_len, strlen(b->text) - b->label_len, sum))
            return true;
    }
    return false;
}

bool folio_has_opening(const folio_doc *doc)
{
    bool heading = false;
    for (size_t i = 0; i < doc->n_blocks && !heading; i++)
        heading = doc->blocks[i].type == FOLIO_BLOCK_HEADING;
    return heading && doc->blocks[0].type != FOLIO_BLOCK_HEADING;
}
