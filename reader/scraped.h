/*
 * scraped.h - shared state of the scraped-text reader (the files of reader/).
 *
 * The reader works on "units": one input line, or several hard-wrapped lines
 * joined into one paragraph.  Every unit first gets an intrinsic class from
 * its own text (scraped_lex.c: what a line *is* regardless of where it
 * stands: a credit, a share button, a date line...), then a role from its
 * context (scraped.c: title, heading, quote, paragraph, dropped...).
 */
#ifndef FOLIO_SCRAPED_H
#define FOLIO_SCRAPED_H

#include "../convert/internal.h"
#include "html.h"

/* What a unit is, judged from its own text. */
typedef enum {
    C_PLAIN = 0,
    C_BOILER,       /* share buttons, counters, copyright, QR prompts ... */
    C_MARKER,       /* starts a run of links: "Related", "相关推荐", "关于IPP" */
    C_CREDIT,       /* 责编：… / Edited by … */
    C_NOTE,         /* *作者简介… / Editor's note / Originally published … */
    C_CAPTION,      /* 图源：… / Photo: … / … 摄 */
    C_DATELINE,     /* a short line that carries the publication date */
    C_BYLINE,       /* By … / 作者：… / 文/… */
    C_SOURCE,       /* 来源：… / Source: … */
    C_SUMMARY,      /* 摘要：text on the same line */
    C_LABEL_SUMMARY,/* a bare "划重点：" / "Key points:" introducing summary lines */
    C_LABEL_LEAD,   /* a bare "导语：" / "编者按：" introducing the lead */
    C_LIST,         /* starts with a list marker */
    C_SERIES        /* 【第3回】… a link to another part of a series */
} unit_class;

/* Reasons in doc->removed (compared by address). */
extern const char folio_why_meta[], folio_why_nav[], folio_why_boiler[], folio_why_related[],
    folio_why_dup[], folio_why_image[];

/* Where a unit ends up. */
typedef enum {
    R_NONE = 0,
    R_DROP,         /* into removed, with `reason` */
    R_TITLE,
    R_SUMMARY,
    R_BLOCK         /* a body block of type `btype` */
} unit_role;

#define R_MERGED ((unit_role)100)   /* joined into the previous unit's block */

typedef struct unit {
    int first, last;          /* indices into the line array */
    int no;                   /* 1-based line number of the first line */
    char *text;               /* cleaned text (arena) */
    size_t len;
    /* features */
    /* Counts saturate at 4G characters: only comparisons with small numbers
     * use them.  Kept small: a million one-character lines are a million units. */
    uint32_t chars, cjk, words, width;
    bool indent : 1;          /* the source line began with white space */
    bool gaps : 1;            /* white space runs inside the source line (alignment) */
    uint8_t lead;             /* columns of white space before the text (capped) */
    bool adjacent : 1;        /* no blank line between this unit and the previous */
    bool ends_sentence : 1, ends_colon : 1, quoted_whole : 1, prose : 1;
    bool abbrev_end : 1;      /* the last word is initials ("U.S.", "N.Y.C."): a headline may end so */
    int32_t last_cp;
    int32_t end_cp;           /* last character before closing quotes and brackets */
    uint8_t cls;              /* unit_class */
    line_hint hint;           /* what the markup said (HTML input; zero for text) */
    /* result */
    uint8_t role;             /* unit_role */
    uint8_t btype;            /* folio_block_type */
    uint8_t level;
    uint16_t run_in;          /* bytes at the start of text that are a run-in head (0: none) */
    const char *reason;
} unit;

/* Layout of a source line that cleaning folds away (a byte per line). */
enum { LAYOUT_LEAD = 0x7F, LAYOUT_GAPS = 0x80 };

typedef struct src_line {
    const char *raw;          /* original line, trimmed of outer white space */
    size_t raw_len;
    int no;
} src_line;

typedef struct reader {
    folio_arena *arena;
    src_line *lines;
    int n_lines;
    unit *u;
    int n;
    bool indented_doc;        /* body paragraphs carry a first-line indent */
    const html_page *page;    /* HTML input: the hints of each line and the page's metadata; else NULL */
    struct placed_image *images; /* HTML input: the article's pictures, by the unit they precede */
    int n_images;
    size_t next_span;         /* HTML input: the first of page->spans not yet placed */
    /* metadata found */
    const char *title, *date, *source, *summary;
    const char *subtitle;     /* web pages: the dek the markup marks under the title */
    bool title_derived;       /* made from the first sentence: no line is the title */
    const char *authors[16];
    int n_authors;
    folio_buf summary_buf;
} reader;

/* roles.c (shared by the rules in scraped.c and the labeller in label.c) */
/* The unit goes to removed with the reason / becomes a block of type t. */
void folio_scraped_drop(unit *u, const char *why);
void folio_scraped_block(unit *u, folio_block_type t);
void folio_scraped_add_summary(reader *r, const char *s, size_t n);
/* A summary line ("摘要：…", "Summary: …") into the summary, without its label. */
void folio_scraped_add_summary_line(reader *r, const unit *u);
/* A title from the first sentence of a paragraph, at most 80 characters. */
const char *folio_scraped_derived_title(reader *r, const unit *u);

/* scraped.c: read text, with the markup's hints when it came from a web page (page may be NULL) */
folio_status folio_scraped_read(const char *text, size_t len, const html_page *page, const folio_read_opts *opts,
                                folio_doc **out, folio_error *err);

/* A picture of the article: kept (path set) or listed as removed (why). */
typedef struct placed_image {
    int unit;                 /* it stands before this unit */
    const char *alt, *src;
    const char *path, *media_type; /* kept: the checked local file */
    int width, height;
} placed_image;

/* markup.c: what a web page's markup settles (HTML input only) */
/* The pictures inside the article (between kept blocks, or above a
 * caption): local JPEG/PNG files under base_dir are kept, the others listed
 * as removed.  False when out of memory. */
bool folio_markup_images(reader *r, const char *base_dir);
/* The unit that says the headline the page declares in its metadata, or -1. */
int folio_markup_title(const reader *r);
/* The headline the page declares, cleaned of a site name; NULL if none. */
const char *folio_markup_declared_title(reader *r);
/* The line right under the title that the markup calls a subtitle (a
 * dek, a standfirst): it leaves the body for r->subtitle. */
void folio_markup_subtitle(reader *r, int title);
/* Structure the markup states, over the labels, for units kept in the body. */
void folio_markup_roles(reader *r, int title);
/* Does unit i open a web page's <p> whose text goes on after a line break
 * in the same element ("<p><b>Task gating</b><br>ATF enables …</p>")?  Such
 * a line is the paragraph's run-in head, not a section's heading: a
 * section's head stands in an element of its own. */
bool folio_markup_run_in(const reader *r, int i);

/* label.c: the labeller's reading over the rules' (see model.h) */
folio_status folio_reader_label(reader *r, const folio_read_opts *opts);

/* lex.c */
void folio_scraped_features(unit *u);
unit_class folio_scraped_classify(const unit *u);
/* Whether the text b goes on from a without a space (CJK on either side, a
 * word a hyphen broke). */
bool folio_scraped_joins_without_space(const char *a, size_t an, const char *b, size_t bn);
/* u's text becomes u's and next's, a space between where one belongs
 * (arena a); *head: the bytes before next's text.  False when memory ran
 * out (u unchanged). */
bool folio_scraped_join(folio_arena *a, unit *u, const unit *next, size_t *head);
bool folio_scraped_title_shaped(const unit *u);
bool folio_scraped_heading_shaped(const unit *u);
/* A short line that opens the comments: "12 Comments", "Leave a Reply", a
 * line of two words or more (three CJK characters, or a count) with the
 * word for them ("View comments (27)", "Enviá tu comentario", "我要评论"). */
bool folio_scraped_comments_opener(const unit *u);
bool folio_scraped_codeish(const unit *u);
/* The word a page shows where a picture stands ("Image", "图片"), alone. */
bool folio_scraped_picture_word(const char *s, size_t n);
/* The line that heads a box of links to other pages ("Related", "More from",
 * "相关推荐"), alone on the line. */
bool folio_scraped_related_word(const char *s, size_t n);
/* Does the text open with a byline's label ("By ", "作者：")? */
bool folio_scraped_byline_opens(const char *s, size_t n);
bool folio_scraped_is_open_quote(int32_t c);
bool folio_scraped_is_close_quote(int32_t c);

/* meta.c */
/* An author named under a byline split over two lines ("Written on Feb 24
 * by" above the name), wherever the page put it, when none is known. */
void folio_scraped_split_byline(reader *r);
bool folio_scraped_names_only(const char *s, size_t n);
/* The first date in s as YYYY-MM-DD into out: folio_parse_date reads the
 * forms the reader's features were fitted with (2025-05-31, 2025年5月31日,
 * "June 25, 2024", "8 Nov 2023"); folio_read_date, for the metadata, also a
 * day first with dots (08.04.2015), the months of es/pt/fr/de ("21.dez.2018")
 * and a weekday between ("Dec 28 Sat 2013").  Both read the months of the
 * languages no labelled page is in ("12 марта 2024", "12 مارس 2024"). */
bool folio_parse_date(const char *s, size_t n, char out[11]);
bool folio_read_date(const char *s, size_t n, char out[11]);

void folio_scraped_take_meta(reader *r, const unit *u);
/** Reporters named in parentheses in text s ("（记者陈智 整合）") become
 * r's authors, in its arena. */
void folio_scraped_reporters(reader *r, const char *s, size_t n);
void folio_scraped_add_authors(reader *r, const char *s, size_t n);
const char *folio_scraped_clean_title(folio_arena *a, const reader *r, const char *s, size_t n);
const char *folio_scraped_detect_lang(const folio_doc *doc, const char **script);

#endif

