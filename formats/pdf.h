/*
 * pdf.h - shared state of the PDF writer: pdf_layout.c lays the document
 * out into a display list (text runs and rules with page and position),
 * pdf.c turns the display list into libharu pages once the page count is
 * known ("page N of M").
 */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H

#include "../convert/internal.h"
#include "../fonts/fonts.h"

/* libharu's objects, named but not opened: the layout (pdf_layout.c)
 * includes this header and knows nothing of libharu; the backend (pdf.c,
 * pdf_font.c, pdf_seal.c) includes <hpdf.h>, where these are HPDF_Doc and
 * HPDF_Dict (a font, a page). */
struct _HPDF_Doc_Rec;
struct _HPDF_Dict_Rec;

struct hb_font_t;

enum { FOLIO_LIGATURES = 5 };   /* the standard Latin ligatures: ffi ffl ff fi fl */

/* A glyph HarfBuzz chose for a script that is shaped (an Arabic letter's
 * joining form, an Indic conjunct) stands in a run's text as this private
 * code point plus its glyph id, in the order it is drawn. */
enum { FOLIO_SHAPED_BASE = 0xF0000 };

/* A shaped glyph and the text it stands for (one or two characters; none:
 * a second glyph of the same characters). */
typedef struct shaped_glyph {
    unsigned gid;
    int32_t cp[2];
} shaped_glyph;

typedef struct pdf_face {
    struct _HPDF_Dict_Rec *font; /* the Type0 font object (pdf_embed.c) */
    struct hb_font_t *hb;       /* HarfBuzz's reading of the file; owned by the owner's slot */
    unsigned upem;              /* the face's units an em */
    bool cff;                   /* CFF outlines (OpenType 'OTTO'), else TrueType */
    int owner;                  /* the slot that embeds the file (roles sharing a file share it) */
    float *adv;                 /* advance per BMP code point plus one, 1/1000 em; 0 unknown */
    uint8_t *used;              /* bitmap of the BMP code points drawn */
    int32_t *astral;            /* the code points beyond the BMP drawn (n_astral; heap) */
    uint8_t stop_known, stop_left; /* bit k: ink side of the k-th of ：；？！ read, and on the left */
    unsigned lig[FOLIO_LIGATURES]; /* the face's glyph for ff ffi ffl fi fl, 0 none (lig_read) */
    bool lig_read;
    uint8_t lig_used;           /* bit k: lig[k] drawn */
    int16_t *kern;              /* pair kerning of the first FOLIO_KERN_CHARS code points, 1/1000 em;
                                   INT16_MIN not known yet (heap, on first use) */
    size_t n_astral, cap_astral;
    shaped_glyph *shaped;       /* the shaped glyphs drawn, each once (n_shaped; heap) */
    size_t n_shaped, cap_shaped;
    uint8_t *shaped_seen;       /* bitmap of their glyph ids (heap, on first use) */
    struct shaped_width {       /* widths of runs measured shaped, by a hash of their text
                                   (SHAPED_WIDTHS slots, heap, on first use; emptied when full) */
        uint64_t key;
        float width;
    } *widths;
    size_t n_widths;
    bool tried;                 /* loading was attempted (it happens on first use) */
} pdf_face;

typedef struct dl_text {        /* one run of text in one face */
    int page;
    float x, y;                 /* baseline, from the page's top-left */
    float size, cspace;         /* font size; extra space after each character */
    int face;
    uint32_t color;             /* 0xRRGGBB */
    size_t off;                 /* NUL-terminated UTF-8 in the pool */
    size_t actual;              /* the text a shaped run stands for, in the pool after it (0: none) */
    bool stroke;                /* synthetic bold */
} dl_text;

typedef struct dl_rule {
    int page;
    float x1, y1, x2, y2, width;
    uint32_t color;
} dl_rule;

typedef struct dl_image {       /* a picture of the document, scaled */
    int page;
    float x, y, w, h;           /* top-left from the page's top-left; size in points */
    const folio_block *block;   /* FOLIO_BLOCK_IMAGE: the file and its type */
} dl_image;

typedef struct dl_link {        /* a link annotation over text */
    int page;
    float x0, y0, x1, y1;       /* from the page's top-left */
    const char *href;           /* the document's */
} dl_link;

typedef struct pdf_mark {       /* a bookmark */
    int page;
    float y;
    int level;                  /* 0 title, 1.. headings */
    const char *text;
} pdf_mark;

typedef struct pdf_ctx {
    const folio_doc *doc;
    const folio_write_opts *o;
    folio_error *err;
    struct _HPDF_Doc_Rec *pdf;  /* HPDF_Doc */
    unsigned long hpdf_error;   /* HPDF_STATUS, recorded by the error handler */
    folio_fonts fonts;
    pdf_face face[FOLIO_FACE_COUNT];
    char tag[32];
    bool cjk_doc;
    bool rtl;                   /* written right to left (Arabic, Hebrew...): lines are set mirrored */
    /* geometry, points */
    float pw, ph, ml, mr, mt, mb;
    float y;                    /* cursor from the top of the current page */
    int page;
    /* display list */
    folio_buf pool;
    float *moves;               /* scratch: the moves of the glyphs of one run (draw_texts) */
    size_t cap_moves;
    dl_text *texts;
    size_t n_texts, cap_texts;
    dl_rule *rules;
    size_t n_rules, cap_rules;
    dl_image *images;
    size_t n_images, cap_images;
    dl_link *links;
    size_t n_links, cap_links;
    const folio_block *placing; /* the block whose text place() sets (its links), or NULL */
    bool first_line;            /* the line being drawn is the first of its paragraph */
    int item_no[8];             /* by depth: the list item being placed, from 1 in its list */
    pdf_mark *marks;
    size_t n_marks, cap_marks;
    struct pdf_sealer *sealer;  /* pdf_seal.c */
    folio_hyphenator *hyphenator; /* the language's dictionary, or NULL */
    int n_pages;
    struct _HPDF_Dict_Rec **pages; /* HPDF_Page: libharu pages created so far */
    size_t n_hpages, cap_hpages;
    int8_t *pick[FOLIO_FACE_COUNT]; /* per role: face chosen per BMP code point, -2 not yet */
    struct astral_pick {        /* the same beyond the BMP (emoji, rare Han), the first few */
        int32_t cp;
        int8_t role, face;
    } astral_pick[128];
    size_t n_astral_pick;
    size_t substituted;         /* characters no font can show */
    int32_t replacement;        /* what they were replaced with */
    bool nomem;                 /* out of memory: stop */
    bool font_failed;           /* a face could not be embedded (err says which): stop */
    bool image_failed;          /* a picture could not be read any more (err says which): stop */
    /* The backend's: called by the layout when a page is complete (and at
     * the end) to paint what the display list holds so far. */
    void (*page_done)(struct pdf_ctx *c);
    struct dump *dump;          /* folio_pdf_dump_layout's sink, or NULL */
} pdf_ctx;

/* pdf_font.c: load face i (a FOLIO_FACE_ role) on first use; false if it has none. */
bool folio_pdf_face(pdf_ctx *c, int i);
/* The face that shows code point cp in role (CJK characters from the CJK
 * face first), or -1; remembered per role (beyond the BMP, the first 128). */
int folio_pdf_pick(pdf_ctx *c, int32_t cp, int role);
/* The character drawn for cp in role (a replacement where no face shows
 * it, counted in c->substituted) and, in *face, the face that shows it. */
int32_t folio_pdf_drawable(pdf_ctx *c, int32_t cp, int role, int *face);
/* Advance of cp in face, 1/1000 em. */
float folio_pdf_advance(pdf_ctx *c, int face, int32_t cp);
/* Kerning is read for pairs of characters below this (Latin letters,
 * digits, punctuation, Latin-1 and Latin Extended-A). */
#define FOLIO_KERN_CHARS 0x180
/* The face's kerning between a and b set side by side in it, 1/1000 em (0
 * for pairs it does not kern or outside FOLIO_KERN_CHARS); remembered. */
float folio_pdf_kern(pdf_ctx *c, int face, int32_t a, int32_t b);
/* The kerning after cp (set in face for role) before the character at byte
 * `at` of s[0, n), when that one is set in the same face. */
float folio_pdf_kern_next(pdf_ctx *c, int face, int role, int32_t cp, const char *s, size_t n, size_t at);
/* Note that cp is drawn in face (its glyph goes into the subset). */
void folio_pdf_mark_used(pdf_ctx *c, int face, int32_t cp);
/* The space a CJK text sets after cp (set in face) when the character at
 * byte `at` of s[0, n) follows, 1/1000 em (W3C clreq/jlreq): adjacent
 * punctuation compressed (negative), a quarter em between Han or kana and
 * Latin letters or digits; 0 at the end and outside CJK documents. */
float folio_pdf_spacing(pdf_ctx *c, int face, int32_t cp, const char *s, size_t n, size_t at);
/* Width of s set in role at size points. */
float folio_pdf_width(pdf_ctx *c, const char *s, size_t n, int role, float size);
/* Is cp of a script whose letters take their shapes and order from their
 * neighbours (Hebrew, Arabic, the Indic scripts, Thai, Khmer...)? */
bool folio_pdf_shaped_script(int32_t cp);
/* s[0, n) shaped in face: its width (1/1000 em), and (out not NULL) the
 * glyphs as FOLIO_SHAPED_BASE code points in drawing order, noted drawn. */
float folio_pdf_shape(pdf_ctx *c, int face, const char *s, size_t n, folio_buf *out);

/* pdf_embed.c: read face i's file and make its font object (filled in by
 * _finish once the document is drawn); false if the file is no font. */
bool folio_pdf_embed_open(pdf_ctx *c, int i);
/* The glyph id of cp in the face (0, .notdef, where it has none), its advance (1/1000 em). */
unsigned folio_pdf_embed_glyph(const pdf_face *pf, int32_t cp);
float folio_pdf_embed_advance(const pdf_face *pf, int32_t cp);
/* HarfBuzz's shaping of s[0, n) in the face (direction and script from the
 * text): its advance (1/1000 em); with out, the glyphs as FOLIO_SHAPED_BASE
 * code points in drawing order, each new one noted in pf->shaped with its
 * characters.  *nomem set when memory ran out. */
float folio_pdf_embed_shape(pdf_face *pf, const char *s, size_t n, folio_buf *out, bool *nomem);
/* Set the UTF-8 text s at (x, y) (PDF coordinates) on the page in face at
 * size, in the open text object (set_font: select the face and size first),
 * each glyph moved by moves[k] (1/1000 em, one a character; NULL: none);
 * at: where the last run started in this text object ((0, 0) at its start),
 * updated.  ligate: set ff, fi, fl, ffi, ffl as the face's ligatures where
 * it has them (never in letter-spaced text), each character after them
 * where the layout put it.  actual (or NULL): the text the glyphs stand
 * for, marked as their ActualText (a shaped run whose glyphs stand for
 * syllables: a glyph's ToUnicode entry can name only one text). */
/* The pair kerning HarfBuzz shapes for a then b in the face (GPOS or kern
 * table; ligatures off), 1/1000 em. */
float folio_pdf_embed_kern(const pdf_face *pf, int32_t a, int32_t b);
/* Does the face set cp's ink in the left half of its advance (a stop with
 * its right half blank)? */
bool folio_pdf_embed_ink_left(const pdf_face *pf, int32_t cp);
bool folio_pdf_embed_text(pdf_ctx *c, struct _HPDF_Dict_Rec *page, int face, float size, bool set_font, float x,
                          float y, float at[2], const char *s, const float *moves, bool ligate, const char *actual);
/* Subset every face to the glyphs drawn and write its objects (before saving). */
bool folio_pdf_embed_finish(pdf_ctx *c);
void folio_pdf_embed_free(pdf_face *pf);
/* /Lang (tag) and DisplayDocTitle in the document's catalog. */
void folio_pdf_embed_catalog(pdf_ctx *c, const char *tag);

/* pdf.c: draw what the display list holds into libharu pages and empty it
 * (the layout calls it through c->page_done at every page break: memory
 * stays at one page of runs). */
void folio_pdf_flush(pdf_ctx *c);

/* pdf_seal.c: take the body of a completed page out of libharu to be
 * deflated on a worker thread, and open a second content stream on the page
 * for its header and footer.  _finish waits and puts every body back (call
 * before saving); _free stops the worker (safe after any failure). */
void folio_pdf_seal(pdf_ctx *c, int page);
void folio_pdf_seal_finish(pdf_ctx *c);
void folio_pdf_seal_free(pdf_ctx *c);

/* pdf.c: the display list the layout makes of doc, as text (a line per
 * run, rule, picture, link and bookmark, with page and position), painted
 * by nothing: what the layout's golden tests compare. */
folio_status folio_pdf_dump_layout(const folio_doc *doc, const folio_write_opts *opts, folio_sink_fn sink,
                                   void *user, folio_error *err);

/* pdf_layout.c */
void folio_pdf_layout(pdf_ctx *c);
/* Lay one line of text at (x, y) in role/size/color, no wrapping. */
void folio_pdf_rule(pdf_ctx *c, float x1, float y1, float x2, float y2, float width, uint32_t color);
void folio_pdf_text(pdf_ctx *c, const char *s, size_t n, float x, float y, int role, float size,
                    uint32_t color);

#endif
