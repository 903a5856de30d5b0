/*
 * folio.h - the document model and the library API of folio.
 *
 * folio reads scraped article text once into a folio_doc (metadata, a flat
 * array of typed blocks, and the list of input lines it chose not to keep),
 * then hands that model to one writer per output format.
 *
 * Ownership, in one sentence: a folio_doc owns every byte reachable from it
 * (one arena), folio_doc_free() releases all of it at once, and writers only
 * read the document.  Strings are UTF-8 and NUL-terminated.
 */
#ifndef FOLIO_H
#define FOLIO_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FOLIO_VERSION "0.1.0"
/** Version of the JSON form printed by folio_write_json ("folio": 1). */
#define FOLIO_JSON_VERSION 1

/** Return codes of every fallible library call. */
typedef enum {
    FOLIO_OK = 0,
    FOLIO_ERR_NOMEM,   /* out of memory */
    FOLIO_ERR_INPUT,   /* the input cannot be read as article text */
    FOLIO_ERR_WRITE,   /* the sink refused bytes (disk full, closed pipe) */
    FOLIO_ERR_FORMAT,  /* the backend failed (a library it uses reported an error) */
    FOLIO_ERR_USAGE    /* the caller passed something that makes no sense */
} folio_status;

/** Block types; the JSON names are given by folio_block_type_name(). */
typedef enum {
    FOLIO_BLOCK_HEADING,
    FOLIO_BLOCK_PARAGRAPH,
    FOLIO_BLOCK_QUOTE,
    FOLIO_BLOCK_CAPTION,
    FOLIO_BLOCK_NOTE,
    FOLIO_BLOCK_CREDIT,
    FOLIO_BLOCK_LIST_ITEM,
    FOLIO_BLOCK_CODE,
    FOLIO_BLOCK_IMAGE,        /* a picture of a saved web page: text is its alt text */
    FOLIO_BLOCK_TYPE_COUNT
} folio_block_type;

/** Inline structure of a block's text (web pages): emphasis, strong
 *  emphasis, a link.  start and len are bytes of the block's text. */
typedef enum { FOLIO_SPAN_EMPHASIS, FOLIO_SPAN_STRONG, FOLIO_SPAN_LINK } folio_span_kind;

typedef struct folio_span {
    folio_span_kind kind;
    size_t start, len;
    const char *href;         /* LINK: an absolute address (http, https, mailto) */
} folio_span;

/**
 * One block of the body.  `text` is the source text of the block with white
 * space normalised (wrapped lines joined); it is never shortened, so every
 * input line the block came from can be found in it.  Type-specific
 * structure lives in the union.
 */
typedef struct folio_block {
    folio_block_type type;
    int line;                 /* 1-based input line where the block starts */
    const char *text;         /* owned by the document */
    size_t label_len;         /* bytes at the start of text that are a run-in label ("导语：",
                                 "Editor's note: "), set off by the writers; 0: none */
    const folio_span *spans;  /* n_spans, in order of start, nested or apart, never crossing */
    size_t n_spans;
    union {
        struct {
            int level;                         /* 1 = section, 2 = subsection */
            size_t number_len;                 /* bytes of text that are the heading's own number
                                                  ("2. ", "一、", "Part II ", "第三章 "); 0: none */
        } heading;
        struct {
            int ordered;                       /* 1 for "1." "(1)" "一、" markers */
            size_t body_offset;                /* bytes of `text` taken by the marker */
            int depth;                         /* 0: a top-level item; 1: in a list inside an item... */
        } list_item;
        struct {
            const char *path;                  /* a local JPEG or PNG file, checked when read */
            const char *media_type;            /* "image/jpeg" or "image/png" */
            int width, height;                 /* pixels */
        } image;
    } u;
} folio_block;

/** An input line the reader did not put into the body, and why. */
typedef struct folio_removed {
    int line;                 /* 1-based input line */
    const char *text;         /* the whole original line (trimmed), owned by the document */
    const char *reason;       /* static string: "metadata", "navigation", "boilerplate",
                                 "related", "duplicate", "image" (a picture of the article
                                 not carried over: remote, missing or not JPEG/PNG; text is
                                 its address) */
} folio_removed;

/** Someone besides the authors who made the article: a translator, an
 * editor, a designer, a photographer.  `role` is a MARC relator code
 * ("trl", "edt", "dsr", "pht", "rev", "pfr", "pro", "ill", "res", "vdg"), as
 * EPUB and library catalogues use them. */
typedef struct folio_contributor {
    const char *name;
    const char *role;
} folio_contributor;

/** Document metadata; NULL where unknown.  All strings owned by the document. */
typedef struct folio_meta {
    const char *title;
    const char *subtitle;
    const char **authors;     /* n_authors entries */
    size_t n_authors;
    const char *date;         /* "YYYY-MM-DD" */
    const char *source;
    const char *lang;         /* "zh", "en", "ja", "ko", ... never NULL after reading */
    const char *script;       /* "Hans", "Hant", "Jpan", "Kore", "Latn" or NULL */
    const char *summary;
    const folio_contributor *contributors; /* n_contributors entries, from the credit lines */
    size_t n_contributors;
} folio_meta;

typedef struct folio_arena folio_arena;

/** The document model.  Create with folio_read_text(), free with folio_doc_free(). */
typedef struct folio_doc {
    folio_meta meta;
    folio_block *blocks;
    size_t n_blocks;
    folio_removed *removed;
    size_t n_removed;
    folio_arena *arena;       /* owns everything above */
} folio_doc;

/**
 * One unit of the input (a line, or hard-wrapped lines joined) as the
 * reader labelled it; see folio_read_opts.explain.  Everything is borrowed
 * for the call only.
 */
typedef struct folio_explain_unit {
    int line, last_line;      /* 1-based input lines of the unit */
    const char *text;         /* its cleaned text */
    const char *label;        /* "title", "meta", "summary", "heading", "paragraph", "caption",
                                 "note", "credit", "code", "boilerplate", "duplicate" */
    const char *runner_up;    /* the next most likely label; "rules" where the rules alone
                                 read the text (fewer than 36 units), margin 0 */
    float margin;             /* log-probability of the label less the runner-up's */
    const char *why[3];       /* the features that most favoured label over runner-up */
    int n_features;           /* all feature values (the training data of `make train`) */
    const float *values;
} folio_explain_unit;

/** Name of feature j of folio_explain_unit.values (static storage), or "?". */
const char *folio_feature_name(int j);

/** Options of the reader; zero-initialise, then set what you need. */
typedef struct folio_read_opts {
    const char *title;        /* overrides what the reader found, copied */
    const char *author;       /* one author, or several separated by ";" */
    const char *date;         /* any form the reader understands, or YYYY-MM-DD */
    const char *lang;
    const char *source;
    int keep_boilerplate;     /* keep dropped lines as paragraphs, in place */
    const char *encoding;     /* folio_read_bytes: the input's encoding (iconv name); NULL detects */
    const char *base_dir;     /* folio_read_html: the folder a saved page's images are read from
                                 (its own folder, "page_files/" beside it); NULL reads none */
    int strict;               /* folio_read_bytes: refuse invalid bytes instead of replacing them */
    /* One-line warnings (nothing is printed): the message, and the field of
     * these options whose setting would change what happened ("strict":
     * refuse instead; "encoding": the guess may be wrong) or NULL. */
    void (*warn)(void *user, const char *message, const char *option);
    void *warn_user;
    /* Called once per unit, in order, with the label the reader gave it and
     * why (folio --explain); NULL: not called. */
    void (*explain)(void *user, const folio_explain_unit *unit);
    void *explain_user;
} folio_read_opts;

/** Error details: a one-line message without the file name.  For
 *  FOLIO_ERR_USAGE, `option` names the field of the options that was wrong
 *  ("encoding", "date", "title", "paper"...; static storage); for other
 *  errors the field whose setting would get past it ("encoding" for text
 *  that is not UTF-8 under strict, "font"/"cjk_font" when no font was
 *  found), else NULL.  Messages never name command-line flags or packages:
 *  a program says how its users set those fields. */
typedef struct folio_error {
    char message[256];
    const char *option;
} folio_error;

/**
 * Where writers send bytes.  Return 0 on success, non-zero to make the writer
 * stop with FOLIO_ERR_WRITE.  The bytes are only valid during the call.
 */
typedef int (*folio_sink_fn)(void *user, const void *data, size_t len);

/* ------------------------------------------------------------------ */
/* The document as a tree: sections nested by heading level, lists that own
 * their items, walked cmark-style with enter and exit events.  The tree is
 * computed from the flat block array as it is walked; nothing is stored. */

typedef enum {
    FOLIO_NODE_DOCUMENT,
    FOLIO_NODE_SECTION,       /* a heading and what follows it, up to a heading of its level or above */
    FOLIO_NODE_LIST,          /* consecutive list items of one kind and depth (a deeper list nests
                                 inside, after the item it belongs to) */
    FOLIO_NODE_BLOCK          /* any other block, and each list item: a leaf (enter only) */
} folio_node_kind;

typedef enum { FOLIO_EVENT_DONE = 0, FOLIO_EVENT_ENTER, FOLIO_EVENT_EXIT } folio_event;

typedef struct folio_node {
    folio_node_kind kind;
    const folio_block *block; /* SECTION: its heading (NULL: the opening, the text before the first
                                 heading); LIST: its first item; BLOCK: the block */
    int level;                /* SECTION: 1.. after clamping (never deeper than its parent + 1);
                                 LIST: its depth (0: a top-level list) */
    int number;               /* SECTION: its place among its parent's sections, from 1 (the
                                 opening is 0); LIST: ordered (1) or not (0) */
} folio_node;

typedef struct folio_iter folio_iter;

/**
 * A walk over doc's tree.  Headings deeper than max_level (1..6) count as
 * max_level; a heading closes the open sections whose headings were of its
 * level or deeper, and opens a section one level below the one left open
 * (an h4 right under an h2 is level 2, and the h4 after it its sibling).  With opening, the blocks before the first heading form an
 * unnumbered section of level 1 (when there are headings after them).  The
 * iterator borrows doc; free it with folio_iter_free().  NULL: out of memory.
 */
folio_iter *folio_iter_new(const folio_doc *doc, int max_level, int opening);
/** The next event and its node (borrowed until the next call); DONE at the end. */
folio_event folio_iter_next(folio_iter *it, const folio_node **node);
/** The numbers of the open sections, outermost first ("2.1" is {2, 1}); returns how many. */
int folio_iter_numbers(const folio_iter *it, int *out, int cap);
void folio_iter_free(folio_iter *it);

/**
 * Read scraped article text (UTF-8, any line ends) into a new document.
 * `text` is borrowed for the call only.  On FOLIO_OK *out receives a document
 * the caller must release with folio_doc_free(); on failure *out is NULL and
 * err (if not NULL) holds a message.  Text that has no visible characters
 * gives FOLIO_ERR_INPUT "no text".
 */
folio_status folio_read_text(const char *text, size_t len, const folio_read_opts *opts,
                             folio_doc **out, folio_error *err);

/**
 * Read the bytes of a file in any common encoding: a BOM (UTF-8, UTF-16),
 * opts->encoding, valid UTF-8, or a guess by uchardet (GB18030, Big5,
 * Shift_JIS, EUC-KR, Windows-1252...) converted with iconv; then as
 * folio_read_text().  Invalid bytes become U+FFFD with a warning naming the
 * first bad byte (opts->warn), or with opts->strict give FOLIO_ERR_INPUT.
 * Binary files give FOLIO_ERR_INPUT "not text (...)".  `data` is borrowed.
 */
folio_status folio_read_bytes(const void *data, size_t len, const folio_read_opts *opts,
                              folio_doc **out, folio_error *err);

/**
 * Read a saved web page (HTML, as a browser saves it or curl fetches it):
 * the text a reader sees, read like scraped text, with what the markup says
 * (heading elements, figure captions, block quotes, lists, <pre>, page
 * furniture such as nav and aside) and the page's metadata (Open Graph,
 * JSON-LD, <title>, <html lang>) settling what the text alone cannot.  The
 * encoding: a BOM, opts->encoding, valid UTF-8, the page's <meta charset>,
 * else a guess.  Scripts, styles and hidden elements are not read; nothing
 * is fetched.  Ownership as folio_read_text(); `data` is borrowed.
 */
folio_status folio_read_html(const void *data, size_t len, const folio_read_opts *opts, folio_doc **out,
                             folio_error *err);

/** Whether bytes look like a web page (a doctype, <html> or <head> first,
 *  after a BOM, white space and comments).  Only the first 1 KB is read. */
int folio_looks_like_html(const void *data, size_t len);

/**
 * Several documents as one book (a digest): each becomes a part headed by
 * its title (a level-1 heading), a paragraph with its authors, date and
 * source, and its summary; its headings move one level down (at most 6).
 * The digest's title is `title` when given (bytes that are not UTF-8 become
 * U+FFFD), else the first document's; its
 * authors and contributors are everyone's; a date or source only where all documents share
 * it; its language the first document's.  Removed lines are not carried
 * over (they belong to each input).  The digest copies what it uses: the
 * documents stay the caller's and may be freed first.  *out is new, freed
 * with folio_doc_free().
 */
folio_status folio_doc_digest(const folio_doc *const *docs, size_t n, const char *title, folio_doc **out,
                              folio_error *err);

/**
 * Typographic punctuation, as pandoc's smart extension gives it: straight
 * double and single quotes curled by context (“ ” ‘ ’, the apostrophe ’),
 * "---" an em dash, "--" an en dash, "..." an ellipsis; in the title,
 * subtitle, summary and every block but code, never inside a web address
 * or a list item's marker.  Meant for Latin-script text (the caller
 * decides: folio leaves Chinese, Japanese and Korean documents alone).
 * The new strings live in the document's arena.  FOLIO_ERR_NOMEM leaves
 * some text as it was.
 */
folio_status folio_doc_smarten(folio_doc *doc);

/**
 * Chinese and Japanese punctuation, as W3C clreq and jlreq set it: ASCII
 * , : ; ? ! ( ) beside CJK letters become their full-width forms (，：；？！
 * （）) in the title, subtitle, summary and every block but code; "1,000",
 * "10:30" and parentheses inside Latin text stay.  Meant for zh and ja
 * documents (the caller decides).  New strings live in the document's
 * arena; FOLIO_ERR_NOMEM leaves some text as it was.
 */
folio_status folio_doc_cjk_punct(folio_doc *doc);

/** Free a document and everything it owns.  NULL is allowed. */
void folio_doc_free(folio_doc *doc);

/** JSON name of a block type ("heading", "list_item", ...); static storage. */
const char *folio_block_type_name(folio_block_type type);

/** Options shared by the writers; zero-initialise, then set what you need. */
typedef struct folio_write_opts {
    /* Timestamp for reproducible output (zip entries, dcterms:modified, PDF
     * dates), seconds since 1970.  Negative: the document date, else
     * 2000-01-01.  The CLI fills it from SOURCE_DATE_EPOCH. */
    long long epoch;
    int vertical;              /* EPUB: vertical writing for zh/ja, right-to-left pages */
    const char *cover_path;    /* EPUB: a JPEG or PNG cover image, read by the writer */
    const char *css_path;      /* EPUB: a stylesheet (UTF-8) added after folio's, read by the writer */
    const char *const *embed_fonts; /* EPUB: n_embed_fonts font files (TrueType, OpenType, WOFF,
                                       WOFF2) put in the book with an @font-face each; the first
                                       one's family sets the text (pandoc's --epub-embed-font) */
    size_t n_embed_fonts;
    int outline_depth;         /* outline: 1 headings, 2 key sentences (0 = 2), 3 every sentence */
    int width;                 /* outline: wrap column (0 = 80), negative = no wrap */
    const char *paper;         /* PDF: "a4" (NULL), "letter", "a5" */
    const char *font;          /* PDF: Latin font family or .ttf path (NULL: Noto Serif) */
    const char *cjk_font;      /* PDF: CJK font family or .ttf/.ttc path (NULL: Noto Serif CJK in the
                                  document's variant, else Droid Sans Fallback) */
    int sans;                  /* PDF: non-zero: sans-serif defaults (Noto Sans, Noto Sans CJK) for the faces
                                  font and cjk_font leave unnamed */
    /* Warnings (nothing is printed by the library): called with a one-line
     * message, e.g. characters a PDF font cannot show. */
    void (*warn)(void *user, const char *message, const char *option); /* as folio_read_opts.warn */
    void *warn_user;
} folio_write_opts;

/**
 * Write the document model as JSON (the form documented in README.md) to the
 * sink.  The document is only read; `opts` may be NULL (JSON takes none of
 * them: the signature is every writer's).  Returns FOLIO_ERR_WRITE if the
 * sink fails.
 */
folio_status folio_write_json(const folio_doc *doc, const folio_write_opts *opts, folio_sink_fn sink,
                              void *user, folio_error *err);

/**
 * Write the document as an EPUB 3 package (with an EPUB 2 NCX) to the sink.
 * The whole archive is built in memory and handed to the sink at the end, so
 * a failure never sends a partial file.  The document is only read; opts may
 * be NULL.  Returns FOLIO_ERR_INPUT if the cover cannot be read.
 */
folio_status folio_write_epub(const folio_doc *doc, const folio_write_opts *opts,
                              folio_sink_fn sink, void *user, folio_error *err);

/**
 * Write the outline: title, a line of authors/date/source, then each heading
 * numbered (1., 1.1) with one bullet per paragraph holding its key sentence
 * ("> " for block quotes), wrapped at opts->width columns (East Asian wide
 * characters count two).  The document is only read; opts may be NULL.
 */
folio_status folio_write_outline(const folio_doc *doc, const folio_write_opts *opts,
                                 folio_sink_fn sink, void *user, folio_error *err);

/** The same outline as Markdown: ATX headings and bullet lists. */
folio_status folio_write_outline_md(const folio_doc *doc, const folio_write_opts *opts,
                                    folio_sink_fn sink, void *user, folio_error *err);

/**
 * The outline as OPML 2.0 (libxml2) for outliners and note apps: head with
 * title, dateCreated, ownerName; metadata and summary as nodes; each heading
 * a node; each key sentence a child node with the whole paragraph in _note.
 */
folio_status folio_write_opml(const folio_doc *doc, const folio_write_opts *opts,
                              folio_sink_fn sink, void *user, folio_error *err);

/**
 * Typeset the document as a PDF brief with libharu: embedded TrueType fonts
 * (Type0, Identity-H, subset) with a correct ToUnicode map, UAX #14 line
 * breaking with real font advances, running header, "page N of M" footer,
 * bookmarks for the title and every heading.  The whole file is built in
 * memory and handed to the sink at the end.  Characters outside the Basic
 * Multilingual Plane are replaced (with a warning through opts->warn).
 * Returns FOLIO_ERR_FORMAT with a message when no usable font exists.
 */
folio_status folio_write_pdf(const folio_doc *doc, const folio_write_opts *opts,
                             folio_sink_fn sink, void *user, folio_error *err);

/** Language tag for e-readers: "zh-Hans", "zh-Hant", "ja", "en"... never empty.
 *  Writes at most cap bytes (NUL included) into out and returns out. */
char *folio_language_tag(const folio_doc *doc, char *out, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* FOLIO_H */
