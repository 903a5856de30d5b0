/*
 * fonts.h - finding the faces the PDF writer can embed.
 *
 * The PDF writer embeds TrueType (`glyf`) and CFF (.otf, Noto CJK) outlines,
 * from a font file or one face of a collection.  Faces are looked up by
 * family name with fontconfig, or taken from a file path, and each keeps its
 * character coverage so text can fall back per character.
 */
#ifndef FOLIO_FONTS_H
#define FOLIO_FONTS_H

#include "../convert/internal.h"

typedef enum {
    FOLIO_FACE_TEXT,        /* Latin body text */
    FOLIO_FACE_BOLD,        /* Latin headings */
    FOLIO_FACE_MONO,        /* code */
    FOLIO_FACE_CJK,         /* Han, kana, hangul, full-width punctuation */
    FOLIO_FACE_FALLBACK,    /* the first of the faces found for characters the others lack */
    FOLIO_FACE_COUNT = FOLIO_FACE_FALLBACK + 4
} folio_face_role;

typedef struct folio_face {
    char *path;             /* NULL when no face was found for the role */
    int index;              /* face index inside a .ttc */
    char *family;
    void *charset;          /* FcCharSet *, owned */
    bool synthetic_bold;    /* no bold face: draw the regular one stroked */
} folio_face;

typedef struct folio_fonts {
    folio_face face[FOLIO_FACE_COUNT];
    int searches;           /* fallback lookups made (each scans the installed fonts) */
} folio_fonts;

/* Default families; --font and --cjk-font replace them. */
#define FOLIO_DEFAULT_TEXT_FONT "Noto Serif"
#define FOLIO_DEFAULT_MONO_FONT "DejaVu Sans Mono"
#define FOLIO_DEFAULT_CJK_FONT "Droid Sans Fallback"
/* The default CJK face where it is installed (fonts-noto-cjk): a serif face
 * like the Latin one, in the variant of the document's language. */
#define FOLIO_SERIF_CJK_FONT "Noto Serif CJK"
/* With sans: sans-serif Latin and CJK faces alike. */
#define FOLIO_SANS_TEXT_FONT "Noto Sans"
#define FOLIO_SANS_CJK_FONT "Noto Sans CJK"

/* Find the faces.  `text_font` and `cjk_font` are family names or file
 * paths (NULL for the defaults: serif, or sans-serif with `sans`); `lang`
 * picks a CJK face for that language; `need_cjk` makes a missing CJK face an
 * error.  On failure err says what to install.  Free with folio_fonts_free(). */
folio_status folio_fonts_find(const char *text_font, const char *cjk_font, bool sans, const char *lang,
                              bool need_cjk, folio_fonts *out, folio_error *err);
void folio_fonts_free(folio_fonts *fonts);

/* The family name a font file declares (TrueType, OpenType, WOFF, WOFF2:
 * what FreeType reads), into out[cap], and whether the face is bold and
 * italic; false if it is no font. */
bool folio_font_family(const char *path, char *out, size_t cap, bool *bold, bool *italic);
bool folio_face_has(const folio_face *face, int32_t cp);
/* A face for a character none of the roles' faces has: one of the fallback
 * faces found so far, or an installed TrueType face that has it, taken into
 * the next free fallback slot.  Returns its index (FOLIO_FACE_FALLBACK or
 * later), or -1: no installed face has it, the slots are full, or 32 lookups
 * were made already (a text of a thousand unknown characters stays fast). */
int folio_fonts_fallback(folio_fonts *fonts, int32_t cp);
/* Is the file a font folio can embed: TrueType (glyf) or CFF outlines (for a
 * collection, face `index`)?  deep (a file the user named): also that its
 * tables lie inside the file and agree with each other. */
bool folio_font_file_embeddable(const char *path, int index, bool deep);

#endif
