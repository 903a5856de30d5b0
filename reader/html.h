/*
 * html.h - a saved web page as the reader's input: the lines a browser's
 * innerText gives (blocks on their own lines, a paragraph between blank
 * lines, hidden elements and scripts left out), each with what its markup
 * said (html.c), and what the page's metadata declares.  Internal to the
 * reader.
 */
#ifndef FOLIO_READER_HTML_H
#define FOLIO_READER_HTML_H

#include "../convert/internal.h"

/* The block element a line came from. */
typedef enum {
    HT_NONE = 0, HT_P, HT_HEADING, HT_ITEM, HT_QUOTE, HT_CAPTION, HT_PRE, HT_CELL, HT_OTHER
} html_tag;

/* What surrounds a line (bits of line_hint.flags). */
enum {
    HF_NAV = 1 << 0,        /* inside nav/menu */
    HF_ASIDE = 1 << 1,      /* inside aside */
    HF_FOOTER = 1 << 2,     /* inside footer */
    HF_HEADER = 1 << 3,     /* inside header */
    HF_FORM = 1 << 4,       /* inside form/button/label */
    HF_ARTICLE = 1 << 5,    /* inside article/main/[itemprop=articleBody] */
    HF_FIGURE = 1 << 6,     /* inside figure */
    HF_AFTER_IMG = 1 << 7,  /* the first text after an image */
    HF_BOLD = 1 << 8,       /* all of the line is bold or strong */
    HF_LINK = 1 << 9,       /* most of the line is link text */
    HF_FURNITURE = 1 << 10, /* a class or id says comment/related/share/ad... */
    HF_CAPTION_CLASS = 1 << 11, /* a class or id says caption/credit */
    HF_META_CLASS = 1 << 12,    /* a class or id says byline/author/date */
    HF_TIME = 1 << 13,      /* inside <time> */
    HF_ORDERED = 1 << 14,   /* a list item of an ordered list */
    HF_SUBTITLE_CLASS = 1 << 15, /* a class or id says subtitle/dek/standfirst */
    HF_CENTER = 1 << 16,    /* set centred (text-align: center, align="center", <center>) */
    HF_SMALL = 1 << 17      /* all of the line is set in small type (<small>, a small font size) */
};

typedef struct line_hint {
    uint8_t tag;              /* html_tag */
    uint8_t level;            /* heading level 1..6; a list item's depth (0: top level) */
    uint32_t flags;
    uint32_t node;            /* the innermost block element holding the line (see html_page.nodes) */
} line_hint;

/* A block element, numbered in document order: node i's subtree holds
 * nodes i..end, its parent is the block element around it (0: none). */
typedef struct html_node {
    uint32_t end, parent;
} html_node;

/* A rendered page.  Strings are in the arena; NULL where the page says nothing. */
typedef struct html_page {
    folio_buf text;           /* the lines, '\n'-separated (heap: folio_buf_free) */
    line_hint *hints;         /* one per line of text (heap: free) */
    size_t n_hints, cap_hints;
    const char *title;        /* <title> */
    const char *headline;     /* og:title, twitter:title or JSON-LD headline */
    const char *date;         /* published time (any form folio_parse_date reads) */
    const char *author;
    const char *site;         /* og:site_name */
    const char *lang;         /* <html lang> */
    struct html_image {
        size_t line;          /* the line it stands before */
        const char *src, *alt;
    } *images_at;             /* n_images (heap: free) */
    size_t n_images, cap_images;
    struct html_span {
        size_t line;          /* the line it ends on */
        uint8_t kind;         /* folio_span_kind */
        const char *text;     /* its rendered text */
        const char *href;     /* LINK: absolute */
    } *spans;                 /* n_spans (heap: free) */
    size_t n_spans, cap_spans;
    const char *base;         /* the page's own address: <base>, canonical link or og:url */
    html_node *nodes;         /* n_nodes block elements (heap: free); node 0 stands for the document */
    uint32_t n_nodes, cap_nodes;
} html_page;

/* Render UTF-8 markup into page (zeroed by the caller); strings go to the
 * arena.  FOLIO_ERR_NOMEM or FOLIO_OK. */
folio_status folio_html_render(folio_arena *a, const char *html, size_t len, html_page *page);
void folio_html_page_free(html_page *page);

/* The encoding a page declares (<meta charset>, http-equiv) in its first
 * bytes, as an iconv name (gb2312/gbk read as GB18030), or NULL. */
const char *folio_html_charset(const char *data, size_t len, char *buf, size_t cap);

#endif
