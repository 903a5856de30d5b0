/*
 * vocab.h - the vocabulary of page furniture, as one table of data.
 *
 * A row says what to look for (a pattern), how it matches a line, what a
 * match makes the line (its kind) and the language the pattern is in.  The
 * line tests of lex.c read their lists from this table and nowhere else;
 * tests/test_vocab.c checks every row (a line made to match it is read as
 * its kind: no other row or test shadows it), that no two rows say the same
 * thing, and that no row names a string found on a single corpus page (rows
 * that spell one word, its variants and translations, are counted together:
 * "photo:", "image:", "图源:" are one picture credit).
 */
#ifndef FOLIO_VOCAB_H
#define FOLIO_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    VM_LINE,         /* the whole line (case, a trailing colon and white space ignored) */
    VM_PREFIX,       /* the start of the line */
    VM_ANYWHERE,     /* anywhere in a short line */
    VM_SUFFIX,       /* the end of the line */
    VM_LABEL,        /* a label: alone on its line, or before a colon and text */
    VM_COUNTER,      /* a word of a counter beside a number: "37评论", "4 min read" */
    VM_AFTER_NUMBER, /* after the number that opens the line: "12 comments" */
    VM_COUNT
} vocab_match;

typedef enum {
    VK_BOILER,   /* share buttons, menus, footers: never the article */
    VK_MARKER,   /* opens a run of links or an "about us" block */
    VK_COMMENTS, /* opens the comment thread */
    VK_RELATED,  /* a link to another article: "Read more: <headline>" */
    VK_CAPTION,  /* labels and credits of pictures */
    VK_CREDIT,   /* the names of the people who made the article */
    VK_NOTE,     /* editor's notes, first-published lines, about the author */
    VK_SUMMARY,  /* a summary's label: "摘要：", "Key points" */
    VK_LEAD,     /* a lead's label: "导语", "编者按" */
    VK_BYLINE,   /* the author's line: "By ", "作者：" */
    VK_SOURCE,   /* the source named: "来源：" */
    VK_ORIGINAL, /* the title as first published: "原标题：" */
    VK_COUNTER,  /* the words of a counter */
    VK_PICTURE,  /* the word a page shows where a picture stands: "Image", "图片" */
    VK_COMMENT_WORD, /* a word for the comments inside a short line: "View comments (27)" */
    VK_KIND_COUNT
} vocab_kind;

typedef struct vocab_row {
    const char *pattern;   /* UTF-8; lower-case where the match ignores case */
    uint8_t match;         /* vocab_match */
    uint8_t kind;          /* vocab_kind */
    const char *lang;      /* BCP 47 primary tag, or "*" for signs of any language */
    const char *concept;   /* the word of furniture a row spells, where several rows
                            * spell one (variants, translations); NULL: its own */
    const char *role;      /* VK_CREDIT: the contributor's role the label names, as a
                            * MARC relator code ("trl" translator, "edt" editor...);
                            * VK_NOTE: "aut" for a note about the author, who it names first */
} vocab_row;

/** The table: folio_vocab_count rows, static, never freed. */
extern const vocab_row folio_vocab[];
extern const size_t folio_vocab_count;

/** The patterns of one kind and one match mode, in table order, as a
 * NULL-terminated list owned by the library (built once, thread-safe);
 * NULL only when memory ran out. */
const char *const *folio_vocab_list(vocab_kind kind, vocab_match match);

/** The byte lengths of the patterns of folio_vocab_list(kind, match), in
 * the same order (ended by 0); owned by the library; NULL where that is. */
const size_t *folio_vocab_lengths(vocab_kind kind, vocab_match match);

/** The length in bytes of the longest pattern of a kind's VM_PREFIX rows
 * that the line s (n bytes) opens with (ASCII letters in any case), or 0:
 * the label before a byline's names ("By ", "Par ", "بقلم "). */
size_t folio_vocab_prefix(vocab_kind kind, const char *s, size_t n);

/** Whether the line s (n bytes, UTF-8, trimmed) matches the row's pattern
 * in the row's mode, without the length limits the line tests add.  Used
 * by the tests that count the pages a row is found on. */
bool folio_vocab_row_matches(const vocab_row *row, const char *s, size_t n);

/** Whether a row spelling `concept` ("copyright") matches the line s (n
 * bytes, UTF-8, trimmed), as folio_vocab_row_matches reads it. */
bool folio_vocab_says(const char *concept, const char *s, size_t n);

/** The length of the line s (n bytes) without a trailing colon (ASCII or
 * full-width) and white space: how VM_LINE and VM_LABEL compare a line. */
size_t folio_vocab_trim_label(const char *s, size_t n);

/** The names of a kind and of a match mode, for messages: static strings. */
const char *folio_vocab_kind_name(vocab_kind kind);
const char *folio_vocab_match_name(vocab_match match);

#endif
