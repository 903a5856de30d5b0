/*
 * fonts.c - fontconfig lookups for the PDF writer.  See fonts.h.
 */
#include "fonts.h"
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const unsigned char *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* A table of the font: where it is, checked to lie inside the file. */
typedef struct sfnt {
    const unsigned char *data;
    size_t size;
    size_t dir;               /* offset of the table directory's header */
} sfnt;

static bool table(const sfnt *f, const char *tag, size_t min_len, const unsigned char **at, size_t *len)
{
    unsigned n = be16(f->data + f->dir + 4);
    for (unsigned t = 0; t < n; t++) {
        const unsigned char *e = f->data + f->dir + 12 + 16 * (size_t)t;
        if (e + 16 > f->data + f->size)
            return false;
        if (memcmp(e, tag, 4) != 0)
            continue;
        size_t off = be32(e + 8), l = be32(e + 12);
        if (off > f->size || l > f->size - off || l < min_len)
            return false;
        *at = f->data + off;
        *len = l;
        return true;
    }
    return false;
}

/* The cmap's subtables lie inside it, and a format 4 subtable's arrays
 * inside the subtable (libharu reads them without checking). */
static bool cmap_consistent(const unsigned char *c, size_t len)
{
    unsigned n = be16(c + 2);
    if (4 + 8 * (size_t)n > len)
        return false;
    for (unsigned i = 0; i < n; i++) {
        size_t off = be32(c + 4 + 8 * i + 4);
        if (off + 4 > len)
            return false;
        if (be16(c + off) != 4)
            continue;
        size_t sub = be16(c + off + 2), seg2 = be16(c + off + 6);
        if (off + sub > len || seg2 == 0 || seg2 % 2 || 16 + 4 * seg2 > sub)
            return false;
    }
    return true;
}

static bool has_tag(const sfnt *f, const char *tag)
{
    unsigned n = be16(f->data + f->dir + 4);
    for (unsigned t = 0; t < n; t++)
        if (memcmp(f->data + f->dir + 12 + 16 * (size_t)t, tag, 4) == 0)
            return true;
    return false;
}

/* Are the tables libharu reads there and consistent with each other (head,
 * maxp, hhea, hmtx, loca, glyf, cmap)?  A damaged font crashed libharu. */
/* Every table of the directory lies inside the file: libharu copies
 * tables into the subset and loops for ever on one that runs past the end. */
static bool directory_inside(const sfnt *f)
{
    unsigned n = be16(f->data + f->dir + 4);
    for (unsigned t = 0; t < n; t++) {
        const unsigned char *e = f->data + f->dir + 12 + 16 * (size_t)t;
        if (e + 16 > f->data + f->size)
            return false;
        size_t off = be32(e + 8), l = be32(e + 12);
        if (off > f->size || l > f->size - off)
            return false;
    }
    return true;
}

static bool tables_consistent(const sfnt *f)
{
    const unsigned char *head, *maxp, *hhea, *hmtx, *loca, *glyf, *cmap;
    size_t lh, lm, lhh, lhm, ll, lg, lc;
    if (!directory_inside(f))
        return false;
    if (!table(f, "head", 54, &head, &lh) || !table(f, "maxp", 6, &maxp, &lm) ||
        !table(f, "hhea", 36, &hhea, &lhh) || !table(f, "hmtx", 0, &hmtx, &lhm) ||
        !table(f, "loca", 0, &loca, &ll) || !table(f, "glyf", 0, &glyf, &lg) || !table(f, "cmap", 4, &cmap, &lc))
        return false;
    unsigned em = be16(head + 18), long_loca = be16(head + 50), glyphs = be16(maxp + 4), metrics = be16(hhea + 34);
    if (em < 16 || em > 16384 || long_loca > 1 || glyphs == 0 || metrics == 0 || metrics > glyphs)
        return false;
    if (lhm < 4 * (size_t)metrics + 2 * (size_t)(glyphs - metrics) || ll < ((size_t)glyphs + 1) * (long_loca ? 4 : 2))
        return false;
    size_t prev = 0;
    for (unsigned g = 0; g <= glyphs; g++) { /* glyph offsets rise and stay inside glyf */
        size_t at = long_loca ? be32(loca + 4 * (size_t)g) : 2 * (size_t)be16(loca + 2 * (size_t)g);
        if (at < prev || at > lg)
            return false;
        prev = at;
    }
    return cmap_consistent(cmap, lc);
}

/* A CFF face: its tables inside the file, a character map that reads. */
static bool cff_consistent(const sfnt *f)
{
    const unsigned char *cmap;
    size_t lc;
    return directory_inside(f) && table(f, "cmap", 4, &cmap, &lc) && cmap_consistent(cmap, lc);
}

bool folio_font_file_embeddable(const char *path, int index, bool deep)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    unsigned char *data = NULL;
    long size = fseek(fp, 0, SEEK_END) == 0 ? ftell(fp) : -1;
    if (!deep && size > 65536) /* the header and the table directory */
        size = 65536;
    if (size >= 12 && size < (1L << 30) && fseek(fp, 0, SEEK_SET) == 0 && (data = malloc((size_t)size)) &&
        fread(data, 1, (size_t)size, fp) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(fp);
    if (!data)
        return false;
    sfnt f = { data, (size_t)size, 0 };
    bool ok = true;
    if (memcmp(data, "ttcf", 4) == 0) { /* a collection: find face `index` */
        ok = index >= 0 && (uint32_t)index < be32(data + 8) && 12 + 4 * (size_t)index + 4 <= f.size;
        f.dir = ok ? be32(data + 12 + 4 * (size_t)index) : 0;
    }
    /* 0x00010000 or 'true': TrueType outlines; 'OTTO': CFF outlines */
    bool cff = ok && f.dir + 12 <= f.size && memcmp(data + f.dir, "OTTO", 4) == 0;
    ok = ok && f.dir + 12 <= f.size &&
         (cff || be32(data + f.dir) == 0x00010000 || memcmp(data + f.dir, "true", 4) == 0) &&
         f.dir + 12 + 16 * (size_t)be16(data + f.dir + 4) <= f.size &&
         (cff ? has_tag(&f, "CFF ") && (!deep || cff_consistent(&f))
              : deep ? tables_consistent(&f) : has_tag(&f, "glyf"));
    free(data);
    return ok;
}

static bool looks_like_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 4 && (strcasecmp(s + n - 4, ".ttf") == 0 || strcasecmp(s + n - 4, ".ttc") == 0));
}

static void take(folio_face *face, const char *path, int index, const char *family, FcCharSet *cs)
{
    face->path = strdup(path);
    face->index = index;
    face->family = strdup(family ? family : path);
    face->charset = cs ? FcCharSetCopy(cs) : NULL;
}

/* Does fontconfig's family list for the face include the one asked for?
 * (FcFontSort always returns something; a named family must be that one.) */
static bool family_is(FcPattern *p, const char *spec)
{
    size_t n = strcspn(spec, ":");
    FcChar8 *family;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &family) == FcResultMatch; i++)
        if (strlen((const char *)family) == n && strncasecmp((const char *)family, spec, n) == 0)
            return true;
    return false;
}

static bool generic(const char *spec)
{
    return !*spec || strncmp(spec, "serif", 5) == 0 || strncmp(spec, "sans-serif", 10) == 0 ||
           strncmp(spec, "monospace", 9) == 0;
}

/* The best embeddable face for a fontconfig pattern that covers `probe`
 * (spec "": any family, ranked by their coverage of probe). */
static bool match(const char *spec, const char *lang, int32_t probe, int weight, int spacing, folio_face *out)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    if (!pat)
        return false;
    FcCharSet *want = *spec ? NULL : FcCharSetCreate();
    if (want && FcCharSetAddChar(want, (FcChar32)probe))
        FcPatternAddCharSet(pat, FC_CHARSET, want);
    if (want)
        FcCharSetDestroy(want);
    if (lang)
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
    if (weight >= 0)
        FcPatternAddInteger(pat, FC_WEIGHT, weight);
    if (spacing >= 0)
        FcPatternAddInteger(pat, FC_SPACING, spacing);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcFontSet *set = FcFontSort(NULL, pat, FcFalse, NULL, &res);
    bool found = false;
    for (int i = 0; set && i < set->nfont && !found; i++) {
        FcPattern *p = set->fonts[i];
        FcChar8 *file = NULL, *family = NULL;
        FcCharSet *cs = NULL;
        int index = 0, w = FC_WEIGHT_REGULAR;
        if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch || (!generic(spec) && !family_is(p, spec)))
            continue;
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        FcPatternGetString(p, FC_FAMILY, 0, &family);
        FcPatternGetCharSet(p, FC_CHARSET, 0, &cs);
        FcPatternGetInteger(p, FC_WEIGHT, 0, &w);
        if (cs && !FcCharSetHasChar(cs, (FcChar32)probe))
            continue;
        if (weight >= FC_WEIGHT_BOLD && w < FC_WEIGHT_DEMIBOLD)
            continue;
        if (!folio_font_file_embeddable((const char *)file, index, false))
            continue;
        take(out, (const char *)file, index, (const char *)family, cs);
        found = true;
    }
    if (set)
        FcFontSetDestroy(set);
    FcPatternDestroy(pat);
    return found;
}

/* A face from a file path given by the user: coverage from fontconfig's scan. */
static bool from_file(const char *path, folio_face *out)
{
    if (!folio_font_file_embeddable(path, 0, true))
        return false;
    int count = 0;
    FcBlanks *blanks = NULL;
    FcPattern *p = FcFreeTypeQuery((const FcChar8 *)path, 0, blanks, &count);
    FcCharSet *cs = NULL;
    FcChar8 *family = NULL;
    if (p) {
        FcPatternGetCharSet(p, FC_CHARSET, 0, &cs);
        FcPatternGetString(p, FC_FAMILY, 0, &family);
    }
    take(out, path, 0, family ? (const char *)family : path, cs);
    if (p)
        FcPatternDestroy(p);
    return true;
}

bool folio_font_family(const char *path, char *out, size_t cap, bool *bold, bool *italic)
{
    int count = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    if (!FcInit())
        return false;
    FcPattern *p = FcFreeTypeQuery((const FcChar8 *)path, 0, NULL, &count);
    FcChar8 *family = NULL;
    bool ok = p && FcPatternGetString(p, FC_FAMILY, 0, &family) == FcResultMatch && family && *family;
    if (ok) {
        snprintf(out, cap, "%s", (const char *)family);
        FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
        FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    }
    *bold = weight >= FC_WEIGHT_BOLD;
    *italic = slant != FC_SLANT_ROMAN;
    if (p)
        FcPatternDestroy(p);
    return ok;
}

/* A family the user named must be found as such; for the defaults, anything
 * fontconfig offers for the role will do. */
static bool find_role(const char *spec, bool user, const char *lang, int32_t probe, folio_face *out)
{
    if (looks_like_path(spec))
        return from_file(spec, out);
    return match(spec, lang, probe, FC_WEIGHT_REGULAR, -1, out) ||
           (!user && match(strcmp(lang, "en") == 0 ? "serif" : "sans-serif", lang, probe, FC_WEIGHT_REGULAR, -1, out));
}

/* Noto Serif CJK (or Sans) in the variant the language reads: Japanese,
 * Korean, traditional Chinese (zh-TW, zh-HK, zh-Hant) or simplified. */
static bool noto_cjk(const char *base, const char *lang, const char *cjk_lang, int32_t probe, folio_face *out)
{
    const char *v = strcmp(cjk_lang, "ja") == 0 ? "JP" : strcmp(cjk_lang, "ko") == 0 ? "KR" : "SC";
    if (lang && (strcasestr(lang, "-tw") || strcasestr(lang, "-hk") || strcasestr(lang, "hant")))
        v = "TC";
    char family[64];
    snprintf(family, sizeof family, "%s %s", base, v);
    return match(family, cjk_lang, probe, FC_WEIGHT_REGULAR, -1, out);
}

folio_status folio_fonts_find(const char *text_font, const char *cjk_font, bool sans, const char *lang,
                              bool need_cjk, folio_fonts *out, folio_error *err)
{
    memset(out, 0, sizeof *out);
    if (!FcInit()) {
        snprintf(err->message, sizeof err->message, "fontconfig could not start");
        return FOLIO_ERR_FORMAT;
    }
    const char *text = text_font ? text_font : sans ? FOLIO_SANS_TEXT_FONT : FOLIO_DEFAULT_TEXT_FONT;
    const char *cjk = cjk_font ? cjk_font : FOLIO_DEFAULT_CJK_FONT;
    bool user_text = text_font != NULL;
    if (!find_role(text, user_text, "en", 'a', &out->face[FOLIO_FACE_TEXT])) {
        if (looks_like_path(text))
            snprintf(err->message, sizeof err->message,
                     "%s: not a font that can be embedded (missing, not TrueType or CFF outlines, or damaged tables)", text);
        else
            snprintf(err->message, sizeof err->message,
                     "no font for Latin text found%s%s", user_text ? " for " : "", user_text ? text : "");
        err->option = "font"; /* another font gets past it */
        return FOLIO_ERR_FORMAT;
    }
    /* Bold: the same family's bold face, or the regular one drawn stroked. */
    if (looks_like_path(text) || !match(text, "en", 'a', FC_WEIGHT_BOLD, -1, &out->face[FOLIO_FACE_BOLD])) {
        folio_face *r = &out->face[FOLIO_FACE_TEXT];
        take(&out->face[FOLIO_FACE_BOLD], r->path, r->index, r->family, r->charset);
        out->face[FOLIO_FACE_BOLD].synthetic_bold = true;
    }
    if (!match(FOLIO_DEFAULT_MONO_FONT, "en", 'a', -1, FC_MONO, &out->face[FOLIO_FACE_MONO])) {
        folio_face *r = &out->face[FOLIO_FACE_TEXT];
        take(&out->face[FOLIO_FACE_MONO], r->path, r->index, r->family, r->charset);
    }
    const char *cjk_lang = lang && (strcmp(lang, "ja") == 0 || strcmp(lang, "ko") == 0) ? lang : "zh-cn";
    int32_t probe = strcmp(cjk_lang, "ja") == 0 ? 0x3042 : strcmp(cjk_lang, "ko") == 0 ? 0xAC00 : 0x4E2D;
    const char *noto = sans ? FOLIO_SANS_CJK_FONT : FOLIO_SERIF_CJK_FONT;
    if (!(cjk_font == NULL && noto_cjk(noto, lang, cjk_lang, probe, &out->face[FOLIO_FACE_CJK])) &&
        !find_role(cjk, cjk_font != NULL, cjk_lang, probe, &out->face[FOLIO_FACE_CJK]) && (need_cjk || cjk_font)) {
        snprintf(err->message, sizeof err->message,
                 "no font for %s text found%s%s (install fonts-noto-cjk, or name one with --cjk-font)",
                 strcmp(cjk_lang, "ja") == 0 ? "Japanese" : strcmp(cjk_lang, "ko") == 0 ? "Korean" : "Chinese",
                 cjk_font ? " for " : "", cjk_font ? cjk_font : "");
        err->option = "cjk_font";
        folio_fonts_free(out);
        return FOLIO_ERR_FORMAT;
    }
    return FOLIO_OK;
}

void folio_fonts_free(folio_fonts *fonts)
{
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        folio_face *f = &fonts->face[i];
        free(f->path);
        free(f->family);
        if (f->charset)
            FcCharSetDestroy(f->charset);
        memset(f, 0, sizeof *f);
    }
}

enum { MAX_FALLBACK_SEARCHES = 32 };

int folio_fonts_fallback(folio_fonts *fonts, int32_t cp)
{
    int i = FOLIO_FACE_FALLBACK;
    for (; i < FOLIO_FACE_COUNT && fonts->face[i].path; i++)
        if (folio_face_has(&fonts->face[i], cp))
            return i;
    if (i == FOLIO_FACE_COUNT || fonts->searches >= MAX_FALLBACK_SEARCHES)
        return -1;
    fonts->searches++;
    return match("", NULL, cp, -1, -1, &fonts->face[i]) ? i : -1;
}

bool folio_face_has(const folio_face *face, int32_t cp)
{
    return face->path && (!face->charset || FcCharSetHasChar(face->charset, (FcChar32)cp));
}
