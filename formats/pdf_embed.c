/*
 * pdf_embed.c - the PDF's fonts, read and embedded by folio.  HarfBuzz
 * reads each face (glyphs, advances, names, metrics) and subsets it to the
 * glyphs the document draws (composite glyphs keep their parts); the font
 * objects are written here: a Type0 font with the Identity-H encoding over
 * a CIDFontType2 whose CIDs are the face's glyph ids (the subset keeps
 * them), a FontFile2 with the subset, the widths of the glyphs drawn and a
 * ToUnicode map from glyph to text, so the text copies out right.  Text is
 * set as glyph ids straight into the page's content stream.
 *
 * libharu stays the PDF writer (pages, streams, cross-references,
 * compression); the internals of it this needs (the object API, a page's
 * content stream and font resources, the catalog) are used here, and the
 * page streams in pdf_seal.c, each file checked against the version it was
 * written for.
 */
#include "pdf.h"
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_version.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <math.h>
#include <stdio.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "pdf_embed.c uses libharu 2.3's object API and page internals: check them against this version"
#endif

bool folio_pdf_embed_open(pdf_ctx *c, int i)
{
    const folio_face *ff = &c->fonts.face[i];
    pdf_face *pf = &c->face[i];
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(ff->path);
    if (!blob)
        return false;
    hb_face_t *face = hb_face_create(blob, (unsigned)ff->index);
    hb_blob_destroy(blob);
    unsigned upem = hb_face_get_upem(face);
    if (hb_face_get_glyph_count(face) == 0 || upem == 0) {
        hb_face_destroy(face);
        return false;
    }
    hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
    pf->cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    pf->hb = hb_font_create(face);
    hb_face_destroy(face); /* the font keeps it */
    pf->upem = upem;
    pf->owner = i;
    HPDF_Dict font = HPDF_Dict_New(c->pdf->mmgr);
    if (!font || HPDF_Xref_Add(c->pdf->xref, font) != HPDF_OK)
        return false; /* libharu frees an object it could not add */
    pf->font = font;
    return HPDF_Dict_AddName(font, "Type", "Font") == HPDF_OK &&
           HPDF_Dict_AddName(font, "Subtype", "Type0") == HPDF_OK &&
           HPDF_Dict_AddName(font, "Encoding", "Identity-H") == HPDF_OK;
}

unsigned folio_pdf_embed_glyph(const pdf_face *pf, int32_t cp)
{
    if (cp >= FOLIO_SHAPED_BASE && cp < FOLIO_SHAPED_BASE + 0x10000)
        return (unsigned)(cp - FOLIO_SHAPED_BASE);
    hb_codepoint_t g = 0;
    if (!pf->hb || !hb_font_get_nominal_glyph(pf->hb, (hb_codepoint_t)cp, &g))
        return 0;
    return g;
}

/* Glyph g's advance in the face, 1/1000 em. */
static float advance_of_glyph(const pdf_face *pf, unsigned g)
{
    return (float)hb_font_get_glyph_h_advance(pf->hb, g) * 1000.0f / (float)pf->upem;
}

float folio_pdf_embed_advance(const pdf_face *pf, int32_t cp)
{
    return pf->hb ? advance_of_glyph(pf, folio_pdf_embed_glyph(pf, cp)) : 500;
}

float folio_pdf_embed_kern(const pdf_face *pf, int32_t a, int32_t b)
{
    if (!pf->hb)
        return 0;
    hb_buffer_t *buf = hb_buffer_create();
    const uint32_t text[2] = { (uint32_t)a, (uint32_t)b };
    hb_buffer_add_utf32(buf, text, 2, 0, 2);
    hb_buffer_guess_segment_properties(buf);
    const hb_feature_t off[] = { { HB_TAG('l', 'i', 'g', 'a'), 0, 0, (unsigned)-1 },
                                 { HB_TAG('c', 'l', 'i', 'g'), 0, 0, (unsigned)-1 },
                                 { HB_TAG('c', 'a', 'l', 't'), 0, 0, (unsigned)-1 } };
    hb_shape(pf->hb, buf, off, 3);
    unsigned n = 0;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    float k = 0;
    if (n == 2 && info[0].codepoint == folio_pdf_embed_glyph(pf, a) && info[1].codepoint == folio_pdf_embed_glyph(pf, b) &&
        pos[1].x_offset == 0)
        k = (float)(pos[0].x_advance - hb_font_get_glyph_h_advance(pf->hb, info[0].codepoint)) * 1000.0f /
            (float)pf->upem;
    hb_buffer_destroy(buf);
    return k;
}

/* Note glyph g, drawn for the characters s[from, to), in pf->shaped (once);
 * two characters of a right-to-left glyph (lam-alef) are kept in the order
 * they are seen, right to left, as text extractors read them back. */
static void note_shaped(pdf_face *pf, unsigned g, const char *s, size_t from, size_t to, bool rtl, bool *nomem)
{
    if (!pf->shaped_seen && !(pf->shaped_seen = calloc(65536 / 8, 1))) {
        *nomem = true;
        return;
    }
    if (g > 0xFFFF || (pf->shaped_seen[g >> 3] & (1u << (g & 7))))
        return;
    if (pf->n_shaped == pf->cap_shaped) {
        size_t cap = pf->cap_shaped ? pf->cap_shaped * 2 : 64;
        shaped_glyph *more = realloc(pf->shaped, cap * sizeof *more);
        if (!more) {
            *nomem = true;
            return;
        }
        pf->shaped = more;
        pf->cap_shaped = cap;
    }
    pf->shaped_seen[g >> 3] |= (uint8_t)(1u << (g & 7));
    shaped_glyph *sg = &pf->shaped[pf->n_shaped++];
    *sg = (shaped_glyph){ g, { 0, 0 } };
    for (int k = 0; k < 2 && from < to; k++)
        from += folio_utf8_next(s + from, to - from, &sg->cp[k]);
    if (rtl && sg->cp[1]) {
        int32_t t = sg->cp[0];
        sg->cp[0] = sg->cp[1], sg->cp[1] = t;
    }
}

float folio_pdf_embed_shape(pdf_face *pf, const char *s, size_t n, folio_buf *out, bool *nomem)
{
    if (!pf->hb)
        return 0;
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, s, (int)n, 0, (int)n);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(pf->hb, buf, NULL, 0);
    bool rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
    unsigned count = 0;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
    hb_position_t total = 0;
    for (unsigned k = 0; k < count; k++) {
        total += pos[k].x_advance;
        if (!out)
            continue;
        char utf8[4];
        size_t len = (size_t)utf8proc_encode_char(FOLIO_SHAPED_BASE + (int32_t)(info[k].codepoint & 0xFFFF), (uint8_t *)utf8);
        folio_buf_append(out, utf8, len);
        /* the glyph's characters: from its cluster to the next one (the
         * first glyph of a cluster stands for them, the others for none) */
        size_t from = info[k].cluster, to = n;
        bool first = true;
        for (unsigned j = 0; j < count; j++) {
            if (info[j].cluster > from && info[j].cluster < to)
                to = info[j].cluster;
            if (info[j].cluster == from && j < k)
                first = false;
        }
        note_shaped(pf, info[k].codepoint, s, first ? from : to, to, rtl, nomem);
    }
    hb_buffer_destroy(buf);
    return (float)total * 1000.0f / (float)pf->upem;
}

/* The standard ligatures, longest first (a text is matched in this order);
 * lig[k] and bit k of lig_used are the k-th. */
static const char *const lig_text[FOLIO_LIGATURES] = { "ffi", "ffl", "ff", "fi", "fl" };

/* Which of them the face sets as one glyph (its 'liga' feature). */
static void read_ligatures(pdf_face *pf)
{
    pf->lig_read = true;
    for (int k = 0; pf->hb && k < FOLIO_LIGATURES; k++) {
        hb_buffer_t *buf = hb_buffer_create();
        hb_buffer_add_utf8(buf, lig_text[k], -1, 0, -1);
        hb_buffer_guess_segment_properties(buf);
        hb_shape(pf->hb, buf, NULL, 0);
        unsigned n = 0;
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
        pf->lig[k] = n == 1 ? info[0].codepoint : 0;
        hb_buffer_destroy(buf);
    }
}

/* The ligature that s[i..n) opens with in the face, or -1. */
static int ligature_at(pdf_face *pf, const char *s, size_t i, size_t n)
{
    if (s[i] != 'f')
        return -1;
    if (!pf->lig_read)
        read_ligatures(pf);
    for (int k = 0; k < FOLIO_LIGATURES; k++) {
        size_t len = strlen(lig_text[k]);
        if (pf->lig[k] && i + len <= n && memcmp(s + i, lig_text[k], len) == 0)
            return k;
    }
    return -1;
}

bool folio_pdf_embed_ink_left(const pdf_face *pf, int32_t cp)
{
    hb_glyph_extents_t e;
    unsigned g = folio_pdf_embed_glyph(pf, cp);
    if (!pf->hb || !g || !hb_font_get_glyph_extents(pf->hb, g, &e))
        return false;
    hb_position_t adv = hb_font_get_glyph_h_advance(pf->hb, g);
    return e.width > 0 && e.x_bearing + e.width <= adv * 11 / 20;
}

void folio_pdf_embed_free(pdf_face *pf)
{
    if (pf->hb)
        hb_font_destroy(pf->hb);
    pf->hb = NULL;

}

/* The document's language and its title in the viewer's title bar: entries
 * of the catalog libharu has no call for. */
void folio_pdf_embed_catalog(pdf_ctx *c, const char *tag)
{
    HPDF_Dict catalog = c->pdf->catalog, prefs = HPDF_Dict_New(c->pdf->mmgr);
    HPDF_String lang = HPDF_String_New(c->pdf->mmgr, tag, NULL);
    if (lang)
        HPDF_Dict_Add(catalog, "Lang", lang);
    if (prefs && HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) == HPDF_OK)
        HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    else if (prefs)
        HPDF_Dict_Free(prefs);
}

/* ------------------------------------------------------------------ */
/* drawing                                                             */

/* A number as PDF writes it, whatever the C locale: up to three decimals. */
static void put_num(folio_buf *b, float v)
{
    long m = lroundf(v * 1000.0f);
    char s[48];
    if (m % 1000 == 0)
        snprintf(s, sizeof s, "%ld", m / 1000);
    else
        snprintf(s, sizeof s, "%s%ld.%03ld", m < 0 ? "-" : "", labs(m) / 1000, labs(m) % 1000);
    folio_buf_puts(b, s);
}

/* The run's glyph ids: one string, or a TJ array of strings and moves
 * (moves[k]: how far the layout moved the k-th character's glyph, 1/1000 em;
 * NULL: none).  A ligature stands for its characters: the next glyph moves
 * by what they and their moves took less the ligature's advance, so that
 * it stands where the layout put it. */
static void put_hex(folio_buf *b, unsigned g)
{
    static const char digits[] = "0123456789ABCDEF";
    char hex[4] = { digits[(g >> 12) & 15], digits[(g >> 8) & 15], digits[(g >> 4) & 15], digits[g & 15] };
    folio_buf_append(b, hex, 4);
}

static void put_glyphs(pdf_ctx *c, int face, const char *s, const float *moves, bool ligate, folio_buf *b)
{
    pdf_face *pf = &c->face[face];
    size_t n = strlen(s), k = 0;
    bool any = false;
    for (size_t i = 0; i < n; k++) {
        int32_t cp;
        any |= (moves && moves[k] != 0) || (ligate && ligature_at(pf, s, i, n) >= 0);
        i += folio_utf8_next(s + i, n - i, &cp);
    }
    folio_buf_puts(b, any ? " [<" : " <");
    float pending = 0; /* 1/1000 em the next glyph moves besides its own move */
    k = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int lig = ligate ? ligature_at(pf, s, i, n) : -1;
        float move = pending + (moves ? moves[k] : 0);
        if (any && move != 0) {
            folio_buf_puts(b, "> ");
            put_num(b, -move);
            folio_buf_puts(b, " <");
        }
        pending = 0;
        if (lig >= 0) {
            size_t len = strlen(lig_text[lig]);
            for (size_t j = 0; j < len; j++) /* the characters' advances, the moves between them */
                pending += folio_pdf_embed_advance(pf, lig_text[lig][j]) + (j && moves ? moves[k + j] : 0);
            pending -= advance_of_glyph(pf, pf->lig[lig]);
            pf->lig_used |= (uint8_t)(1u << lig);
            put_hex(b, pf->lig[lig]);
            i += len;
            k += len;
            continue;
        }
        i += folio_utf8_next(s + i, n - i, &cp);
        k++;
        put_hex(b, folio_pdf_embed_glyph(pf, cp));
    }
    folio_buf_puts(b, any ? ">] TJ\n" : "> Tj\n");
}

/* "/Span <</ActualText <FEFF...>>> BDC": the UTF-16 of s marks what follows. */
static void actual_text(folio_buf *b, const char *s)
{
    folio_buf_puts(b, "/Span <</ActualText <FEFF");
    for (size_t i = 0, n = strlen(s); i < n;) {
        int32_t cp;
        i += folio_utf8_next(s + i, n - i, &cp);
        if (cp > 0xFFFF) {
            put_hex(b, 0xD800u + (((unsigned)cp - 0x10000u) >> 10));
            cp = (int32_t)(0xDC00u + (((unsigned)cp - 0x10000u) & 0x3FF));
        }
        put_hex(b, (unsigned)cp);
    }
    folio_buf_puts(b, ">>> BDC\n");
}

bool folio_pdf_embed_text(pdf_ctx *c, struct _HPDF_Dict_Rec *page, int face, float size, bool set_font, float x,
                          float y, float at[2], const char *s, const float *moves, bool ligate, const char *actual)
{
    const pdf_face *pf = &c->face[face];
    folio_buf b = { 0 };
    if (actual)
        actual_text(&b, actual);
    if (set_font) {
        const char *name = HPDF_Page_GetLocalFontName(page, pf->font);
        if (!name)
            return false;
        folio_buf_puts(&b, "/");
        folio_buf_puts(&b, name);
        folio_buf_puts(&b, " ");
        put_num(&b, size);
        folio_buf_puts(&b, " Tf\n");
    }
    put_num(&b, x - at[0]); /* from the start of the last run */
    folio_buf_puts(&b, " ");
    put_num(&b, y - at[1]);
    folio_buf_puts(&b, " Td");
    at[0] = x, at[1] = y;
    put_glyphs(c, face, s, moves, ligate, &b);
    if (actual)
        folio_buf_puts(&b, "EMC\n");
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    bool ok = !b.failed && HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len) == HPDF_OK;
    folio_buf_free(&b);
    return ok;
}

/* ------------------------------------------------------------------ */
/* the font objects                                                    */

typedef struct glyph_use {
    unsigned gid;
    int32_t cp, cp2;            /* the text drawn with it: one or two characters (cp2 0: one) */
} glyph_use;

static int by_gid(const void *a, const void *b)
{
    const glyph_use *x = a, *y = b;
    return x->gid != y->gid ? (x->gid < y->gid ? -1 : 1) : (x->cp < y->cp ? -1 : x->cp > y->cp);
}

/* g with one more glyph (grown as need be), or NULL (g freed) when out of memory. */
static glyph_use *add_use(glyph_use *g, size_t *n, size_t *cap, unsigned gid, int32_t cp, int32_t cp2)
{
    if (*n == *cap) {
        glyph_use *more = realloc(g, (*cap *= 2) * sizeof *g);
        if (!more) {
            free(g);
            return NULL;
        }
        g = more;
    }
    g[(*n)++] = (glyph_use){ gid, cp, cp2 };
    return g;
}

/* The glyphs drawn with the file face `owner` embeds (by any role that
 * shares it), by glyph id, one entry a glyph; *n of them. */
static glyph_use *glyphs_used(const pdf_ctx *c, int owner, size_t *n)
{
    size_t cap = 64;
    glyph_use *g = malloc(cap * sizeof *g);
    *n = 0;
    for (int j = 0; g && j < FOLIO_FACE_COUNT; j++) {
        const pdf_face *pf = &c->face[j];
        if (!pf->font || pf->owner != owner)
            continue;
        for (int32_t cp = 0; g && pf->used && cp < 65536; cp++) {
            if (!pf->used[cp >> 3]) {
                cp |= 7; /* none of these eight */
                continue;
            }
            if (!(pf->used[cp >> 3] & (1u << (cp & 7))))
                continue;
            g = add_use(g, n, &cap, folio_pdf_embed_glyph(&c->face[owner], cp), cp, 0);
        }
        for (size_t k = 0; g && k < pf->n_astral; k++)
            g = add_use(g, n, &cap, folio_pdf_embed_glyph(&c->face[owner], pf->astral[k]), pf->astral[k], 0);
        for (size_t k = 0; g && k < pf->n_shaped; k++) /* no text: a joiner, which copies as nothing */
            g = add_use(g, n, &cap, pf->shaped[k].gid, pf->shaped[k].cp[0] ? pf->shaped[k].cp[0] : 0x200C,
                        pf->shaped[k].cp[1]);
        for (int k = 0; g && k < FOLIO_LIGATURES; k++) /* a ligature's "code point": -1 - k */
            if (pf->lig_used & (1u << k))
                g = add_use(g, n, &cap, pf->lig[k], -1 - k, 0);
    }
    if (!g)
        return NULL;
    qsort(g, *n, sizeof *g, by_gid);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (k == 0 || g[i].gid != g[k - 1].gid)
            g[k++] = g[i];
    *n = k;
    return g;
}

/* The face's PostScript name, kept to the characters a PDF name may hold
 * without escapes, after a subset tag. */
static void base_font(hb_face_t *face, int owner, char *out, size_t cap)
{
    char ps[64] = "";
    unsigned len = sizeof ps;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, ps);
    size_t k = (size_t)snprintf(out, cap, "FOLIO%c+", 'A' + owner);
    for (const char *p = ps; *p && k + 1 < cap; p++)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
            out[k++] = *p;
    if (out[k - 1] == '+' && k + 4 < cap)
        k += (size_t)snprintf(out + k, cap - k, "Font");
    out[k] = '\0';
}

/* A deflated stream under key in parent; a font file says its length
 * (TrueType) or its subtype (OpenType). */
static bool add_stream(pdf_ctx *c, HPDF_Dict parent, const char *key, const void *data, size_t len,
                       const char *font)
{
    HPDF_Dict s = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
    if (!s)
        return false;
    s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    bool ttf = font && strcmp(font, "FontFile2") == 0, otf = font && !ttf;
    bool bare = font && strcmp(font, "CIDFontType0C") == 0;
    return HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len) == HPDF_OK &&
           (!ttf || HPDF_Dict_AddNumber(s, "Length1", (HPDF_INT32)len) == HPDF_OK) &&
           (!otf || HPDF_Dict_AddName(s, "Subtype", bare ? "CIDFontType0C" : "OpenType") == HPDF_OK) &&
           HPDF_Dict_Add(parent, key, s) == HPDF_OK;
}

/* The CID of a glyph drawn: its id, or (map) the subset's id for it. */
static unsigned cid_of(const hb_map_t *map, unsigned gid)
{
    hb_codepoint_t to = map ? hb_map_get(map, gid) : gid;
    return to == HB_MAP_VALUE_INVALID ? 0 : to;
}

/* A ligature's line of a ToUnicode map: the glyph to its letters. */
static void ligature_unicode(char *line, size_t cap, unsigned gid, const char *letters)
{
    size_t k = (size_t)snprintf(line, cap, "<%04X> <", gid & 0xFFFF);
    for (const char *p = letters; *p && k + 6 < cap; p++)
        k += (size_t)snprintf(line + k, cap - k, "%04X", (unsigned)*p);
    snprintf(line + k, cap - k, ">\n");
}

/* A CMap over the codes the pages hold (the face's glyph ids), in b: to
 * the text drawn with each (map NULL: a ToUnicode map, bfchar), or to the
 * subset's CIDs (an encoding, cidchar). */
static void cmap_text(folio_buf *b, const glyph_use *g, size_t n, const hb_map_t *map)
{
    const char *op = map ? "cidchar" : "bfchar";
    folio_buf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << "
                      "/Registry (Adobe) /Ordering (");
    folio_buf_puts(b, map ? "Identity" : "UCS");
    folio_buf_puts(b, ") /Supplement 0 >> def\n/CMapName /");
    folio_buf_puts(b, map ? "FOLIO-Subset def\n/CMapType 1" : "Adobe-Identity-UCS def\n/CMapType 2");
    folio_buf_puts(b, " def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        char line[64];
        snprintf(line, sizeof line, "%zu begin%s\n", k, op);
        folio_buf_puts(b, line);
        for (size_t j = i; j < i + k; j++) {
            if (map)
                snprintf(line, sizeof line, "<%04X> %u\n", g[j].gid & 0xFFFF, cid_of(map, g[j].gid));
            else if (g[j].cp < 0) /* a ligature: its letters */
                ligature_unicode(line, sizeof line, g[j].gid, lig_text[-1 - g[j].cp]);
            else if (g[j].cp2 > 0 && g[j].cp2 <= 0xFFFF && g[j].cp <= 0xFFFF) /* a shaped glyph of two characters */
                snprintf(line, sizeof line, "<%04X> <%04X%04X>\n", g[j].gid & 0xFFFF, (unsigned)g[j].cp, (unsigned)g[j].cp2);
            else if (g[j].cp > 0xFFFF) /* UTF-16: a surrogate pair */
                snprintf(line, sizeof line, "<%04X> <%04X%04X>\n", g[j].gid & 0xFFFF,
                         0xD800u + (((unsigned)g[j].cp - 0x10000u) >> 10), 0xDC00u + (((unsigned)g[j].cp - 0x10000u) & 0x3FF));
            else
                snprintf(line, sizeof line, "<%04X> <%04X>\n", g[j].gid & 0xFFFF, (unsigned)g[j].cp);
            folio_buf_puts(b, line);
        }
        snprintf(line, sizeof line, "end%s\n", op);
        folio_buf_puts(b, line);
    }
    folio_buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* The ToUnicode map: each glyph id back to the character drawn with it. */
static bool to_unicode(pdf_ctx *c, HPDF_Dict type0, const glyph_use *g, size_t n)
{
    folio_buf b = { 0 };
    cmap_text(&b, g, n, NULL);
    bool ok = !b.failed && add_stream(c, type0, "ToUnicode", b.data, b.len, NULL);
    folio_buf_free(&b);
    return ok;
}

/* The widths of the glyphs drawn by CID: runs of consecutive CIDs as
 * `cid [w w ...]` (a subset's CIDs rise with the ids they come from). */
static HPDF_Array widths(pdf_ctx *c, const pdf_face *pf, const glyph_use *g, size_t n, const hb_map_t *map)
{
    HPDF_Array w = HPDF_Array_New(c->pdf->mmgr);
    HPDF_Array run = NULL;
    for (size_t i = 0; w && i < n; i++) {
        if (!run || cid_of(map, g[i].gid) != cid_of(map, g[i - 1].gid) + 1) {
            run = HPDF_Array_New(c->pdf->mmgr);
            if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)cid_of(map, g[i].gid)) != HPDF_OK ||
                HPDF_Array_Add(w, run) != HPDF_OK)
                return NULL;
        }
        if (HPDF_Array_AddNumber(run, (HPDF_INT32)lroundf(advance_of_glyph(pf, g[i].gid))) != HPDF_OK)
            return NULL;
    }
    return w;
}

/* A signed 16-bit value of a table, scaled to 1000 units an em. */
static HPDF_INT32 table_em(const char *t, unsigned len, unsigned at, unsigned upem)
{
    if (at + 2 > len)
        return 0;
    int16_t v = (int16_t)(((unsigned char)t[at] << 8) | (unsigned char)t[at + 1]);
    return (HPDF_INT32)lroundf((float)v * 1000.0f / (float)upem);
}

static HPDF_Dict descriptor(pdf_ctx *c, const pdf_face *pf, const char *name, hb_blob_t *subset, bool bare)
{
    hb_face_t *face = hb_font_get_face(pf->hb);
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned hl = 0;
    const char *h = hb_blob_get_data(head, &hl);
    hb_position_t asc = 0, desc = 0, cap = 0;
    hb_ot_metrics_get_position(pf->hb, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
    hb_ot_metrics_get_position(pf->hb, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
    if (!hb_ot_metrics_get_position(pf->hb, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap))
        cap = asc;
    HPDF_Dict d = HPDF_Dict_New(c->pdf->mmgr);
    HPDF_Array bbox = HPDF_Array_New(c->pdf->mmgr);
    bool ok = d && bbox && HPDF_Xref_Add(c->pdf->xref, d) == HPDF_OK;
    for (unsigned k = 0; ok && k < 4; k++)
        ok = HPDF_Array_AddNumber(bbox, table_em(h, hl, 36 + 2 * k, pf->upem)) == HPDF_OK;
    hb_blob_destroy(head);
    unsigned len = 0;
    const char *data = hb_blob_get_data(subset, &len);
    float em = 1000.0f / (float)pf->upem;
    ok = ok && HPDF_Dict_AddName(d, "Type", "FontDescriptor") == HPDF_OK &&
         HPDF_Dict_AddName(d, "FontName", name) == HPDF_OK && HPDF_Dict_AddNumber(d, "Flags", 4) == HPDF_OK &&
         HPDF_Dict_Add(d, "FontBBox", bbox) == HPDF_OK && HPDF_Dict_AddNumber(d, "ItalicAngle", 0) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "Ascent", (HPDF_INT32)lroundf((float)asc * em)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "Descent", (HPDF_INT32)lroundf((float)desc * em)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "CapHeight", (HPDF_INT32)lroundf((float)cap * em)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "StemV", 80) == HPDF_OK &&
         add_stream(c, d, pf->cff ? "FontFile3" : "FontFile2", data, len,
                    bare ? "CIDFontType0C" : pf->cff ? "FontFile3" : "FontFile2");
    return ok ? d : NULL;
}

/* The CIDSystemInfo of Adobe's Identity ordering (glyph-id CIDs). */
static HPDF_Dict identity_system(pdf_ctx *c)
{
    HPDF_Dict info = HPDF_Dict_New(c->pdf->mmgr);
    bool ok = info && HPDF_Dict_Add(info, "Registry", HPDF_String_New(c->pdf->mmgr, "Adobe", NULL)) == HPDF_OK &&
              HPDF_Dict_Add(info, "Ordering", HPDF_String_New(c->pdf->mmgr, "Identity", NULL)) == HPDF_OK &&
              HPDF_Dict_AddNumber(info, "Supplement", 0) == HPDF_OK;
    return ok ? info : NULL;
}

/* The CIDFont (its CIDToGIDMap added by the caller), or NULL. */
static HPDF_Dict cid_font(pdf_ctx *c, HPDF_Dict type0, const pdf_face *pf, const char *name, hb_blob_t *subset,
                          bool bare, const glyph_use *g, size_t n, const hb_map_t *map)
{
    HPDF_Dict cid = HPDF_Dict_New(c->pdf->mmgr), info = identity_system(c);
    HPDF_Array desc = HPDF_Array_New(c->pdf->mmgr);
    HPDF_Dict fd = descriptor(c, pf, name, subset, bare);
    HPDF_Array w = widths(c, pf, g, n, map);
    bool ok = cid && info && desc && fd && w && HPDF_Xref_Add(c->pdf->xref, cid) == HPDF_OK &&
           HPDF_Dict_AddName(cid, "Type", "Font") == HPDF_OK &&
           HPDF_Dict_AddName(cid, "Subtype", pf->cff ? "CIDFontType0" : "CIDFontType2") == HPDF_OK &&
           HPDF_Dict_AddName(cid, "BaseFont", name) == HPDF_OK &&
           HPDF_Dict_Add(cid, "CIDSystemInfo", info) == HPDF_OK &&
           HPDF_Dict_Add(cid, "FontDescriptor", fd) == HPDF_OK && HPDF_Dict_AddNumber(cid, "DW", 1000) == HPDF_OK &&
           HPDF_Dict_Add(cid, "W", w) == HPDF_OK && HPDF_Array_Add(desc, cid) == HPDF_OK &&
           HPDF_Dict_Add(type0, "DescendantFonts", desc) == HPDF_OK &&
           HPDF_Dict_AddName(type0, "BaseFont", name) == HPDF_OK;
    return ok ? cid : NULL;
}

/* The map from the ids drawn (the CIDs) to the subset's glyph ids, two
 * bytes a CID: the subset numbers its glyphs afresh, and the pages were
 * written before the last glyph was known. */
static bool cid_to_gid(pdf_ctx *c, HPDF_Dict cid, const hb_map_t *map, const glyph_use *g, size_t n)
{
    size_t len = n ? 2 * ((size_t)g[n - 1].gid + 1) : 2;
    unsigned char *m = calloc(len, 1);
    for (size_t i = 0; m && i < n; i++) {
        unsigned to = cid_of(map, g[i].gid);
        m[2 * g[i].gid] = (unsigned char)(to >> 8);
        m[2 * g[i].gid + 1] = (unsigned char)to;
    }
    bool ok = m && add_stream(c, cid, "CIDToGIDMap", m, len, NULL);
    free(m);
    return ok;
}

/* The encoding of a CFF face: a CMap from the codes the pages hold (the
 * face's glyph ids) to the subset's CIDs. */
static bool cff_encoding(pdf_ctx *c, HPDF_Dict type0, const hb_map_t *map, const glyph_use *g, size_t n)
{
    folio_buf b = { 0 };
    cmap_text(&b, g, n, map);
    HPDF_Dict s = b.failed ? NULL : HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
    HPDF_Dict info = identity_system(c);
    bool ok = s && info && HPDF_Dict_AddName(s, "Type", "CMap") == HPDF_OK &&
              HPDF_Dict_AddName(s, "CMapName", "FOLIO-Subset") == HPDF_OK &&
              HPDF_Dict_Add(s, "CIDSystemInfo", info) == HPDF_OK &&
              HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len) == HPDF_OK &&
              HPDF_Dict_Add(type0, "Encoding", s) == HPDF_OK;
    if (s)
        s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    folio_buf_free(&b);
    return ok;
}

/* Subset one file's face to the glyphs drawn and write its objects. */
/* ---- a CFF subset's charset (Adobe TN #5176) ---- */

typedef struct cff_reader {
    const unsigned char *b;
    size_t n;
} cff_reader;

/* An INDEX at *at: its count and where its item k starts (k <= count); moves
 * *at past it.  False if it runs off the data. */
static bool cff_index(const cff_reader *r, size_t *at, unsigned *count, size_t *first, size_t *end)
{
    size_t o = *at;
    if (o + 2 > r->n)
        return false;
    *count = (unsigned)(r->b[o] << 8 | r->b[o + 1]);
    if (*count == 0) {
        *at = o + 2;
        *first = *end = o + 2;
        return true;
    }
    if (o + 3 > r->n)
        return false;
    unsigned size = r->b[o + 2];
    size_t offs = o + 3, data = offs + (size_t)(*count + 1) * size - 1;
    if (size < 1 || size > 4 || offs + (size_t)(*count + 1) * size > r->n)
        return false;
    size_t last = 0, one = 0;
    for (unsigned k = 0; k < size; k++) {
        one = one << 8 | r->b[offs + k];
        last = last << 8 | r->b[offs + (size_t)*count * size + k];
    }
    *first = data + one;
    *end = data + last;
    *at = *end;
    return *end <= r->n && *first <= *end;
}

/* The Top DICT's charset offset and whether it is CID-keyed (ROS). */
static bool cff_top(const cff_reader *r, size_t from, size_t to, long *charset, long *charstrings, bool *cid)
{
    long operand = 0;
    *charset = *charstrings = -1;
    *cid = false;
    for (size_t i = from; i < to;) {
        unsigned b0 = r->b[i];
        if (b0 == 12 && i + 1 < to) {
            *cid |= r->b[i + 1] == 30;
            i += 2;
        } else if (b0 <= 21) {
            if (b0 == 15)
                *charset = operand;
            else if (b0 == 17)
                *charstrings = operand;
            i++;
        } else if (b0 == 28 && i + 2 < to) {
            operand = (short)(r->b[i + 1] << 8 | r->b[i + 2]), i += 3;
        } else if (b0 == 29 && i + 4 < to) {
            operand = (long)((unsigned long)r->b[i + 1] << 24 | (unsigned long)r->b[i + 2] << 16 |
                             (unsigned long)r->b[i + 3] << 8 | r->b[i + 4]), i += 5;
        } else if (b0 == 30) {
            for (i++; i < to && (r->b[i] & 0x0F) != 0x0F && (r->b[i] & 0xF0) != 0xF0; i++)
                ;
            i++;
        } else if (b0 >= 32 && b0 <= 246) {
            operand = (long)b0 - 139, i++;
        } else if (b0 >= 247 && b0 <= 254 && i + 1 < to) {
            long v = (long)(b0 < 251 ? b0 - 247 : b0 - 251) * 256 + r->b[i + 1] + 108;
            operand = b0 < 251 ? v : -v, i += 2;
        } else {
            return false;
        }
    }
    return *charset > 0 && *charstrings > 0;
}

/* The CID of each glyph after .notdef, from a charset of format 0, 1 or 2,
 * compared with the face's glyph id the subset made it from. */
static bool charset_is_gids(const cff_reader *r, size_t at, unsigned glyphs, const hb_map_t *map,
                            const glyph_use *g, size_t n)
{
    unsigned *cid = calloc(glyphs ? glyphs : 1, sizeof *cid);
    bool ok = cid && at < r->n;
    unsigned format = ok ? r->b[at++] : 0, gid = 1;
    while (ok && gid < glyphs) {
        if (format == 0) {
            ok = at + 2 <= r->n;
            if (ok)
                cid[gid++] = (unsigned)(r->b[at] << 8 | r->b[at + 1]), at += 2;
            continue;
        }
        size_t w = format == 1 ? 3 : 4;
        ok = (format == 1 || format == 2) && at + w <= r->n;
        if (!ok)
            break;
        unsigned first = (unsigned)(r->b[at] << 8 | r->b[at + 1]);
        unsigned left = format == 1 ? r->b[at + 2] : (unsigned)(r->b[at + 2] << 8 | r->b[at + 3]);
        for (unsigned k = 0; k <= left && gid < glyphs; k++)
            cid[gid++] = first + k;
        at += w;
    }
    for (size_t i = 0; ok && i < n; i++) {
        unsigned to = cid_of(map, g[i].gid);
        ok = to < glyphs && (to == 0 ? g[i].gid == 0 : cid[to] == g[i].gid);
    }
    free(cid);
    return ok;
}

/* The subset's CFF table, when it is CID-keyed with the face's glyph ids
 * as CIDs for every glyph drawn; else NULL. */
static hb_blob_t *cff_keyed_by_gid(hb_face_t *sub, const hb_map_t *map, const glyph_use *g, size_t n)
{
    hb_blob_t *t = hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '));
    unsigned len = 0;
    cff_reader r = { (const unsigned char *)hb_blob_get_data(t, &len), 0 };
    r.n = len;
    size_t at = len > 4 ? r.b[2] : len, first, end;
    unsigned count, glyphs;
    long charset, charstrings;
    bool cid = false;
    bool ok = len > 4 && cff_index(&r, &at, &count, &first, &end) && /* Name */
              cff_index(&r, &at, &count, &first, &end) && count >= 1 && /* Top DICT: the first */
              cff_top(&r, first, end, &charset, &charstrings, &cid) && cid &&
              (size_t)charstrings < len && (at = (size_t)charstrings, cff_index(&r, &at, &glyphs, &first, &end)) &&
              (size_t)charset < len && charset_is_gids(&r, (size_t)charset, glyphs, map, g, n);
    if (!ok) {
        hb_blob_destroy(t);
        return NULL;
    }
    return t;
}

static bool embed(pdf_ctx *c, int owner)
{
    const pdf_face *pf = &c->face[owner];
    size_t n = 0;
    glyph_use *g = glyphs_used(c, owner, &n);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_subset_plan_t *plan = NULL;
    hb_face_t *sub = NULL;
    hb_blob_t *blob = NULL;
    bool ok = false;
    if (!g || !in)
        goto cleanup;
    hb_set_t *gids = hb_subset_input_glyph_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(gids, g[i].gid);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | (pf->cff ? HB_SUBSET_FLAGS_DESUBROUTINIZE : 0)); /* hinting is of no use on paper */
    /* The pages name glyphs, not characters: the layout tables and the
     * alternates their closure would add (a CJK face's locale and vertical
     * forms) are of no use in the file. */
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const char *const layout[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG" };
    for (size_t i = 0; i < sizeof layout / sizeof layout[0]; i++)
        hb_set_add(drop, hb_tag_from_string(layout[i], 4));
    plan = hb_subset_plan_create_or_fail(hb_font_get_face(pf->hb), in);
    sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    if (!sub)
        goto cleanup;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    /* The pages name the face's own glyph ids.  A TrueType subset's glyphs
     * are found from them by a CIDToGIDMap.  A CID-keyed CFF subset whose
     * CIDs are the face's glyph ids (Noto and Source Han CJK) is embedded
     * bare, its CIDs the codes (Identity-H): every reader finds the glyphs
     * by its charset.  Any other CFF subset numbers its CIDs as its glyphs,
     * so the codes are mapped to those by an encoding. */
    bool bare = pf->cff && (blob = cff_keyed_by_gid(sub, map, g, n)) != NULL;
    if (!blob)
        blob = hb_face_reference_blob(sub);
    char name[96];
    base_font(hb_font_get_face(pf->hb), owner, name, sizeof name);
    HPDF_Dict cid = cid_font(c, pf->font, pf, name, blob, bare, g, n, pf->cff && !bare ? map : NULL);
    ok = cid && (bare ? true : pf->cff ? cff_encoding(c, pf->font, map, g, n) : cid_to_gid(c, cid, map, g, n)) &&
         to_unicode(c, pf->font, g, n);
cleanup:
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(in);
    free(g);
    return ok;
}

bool folio_pdf_embed_finish(pdf_ctx *c)
{
    for (int i = 0; i < FOLIO_FACE_COUNT; i++)
        if (c->face[i].font && c->face[i].owner == i && !embed(c, i)) {
            snprintf(c->err->message, sizeof c->err->message, "cannot embed the font %s",
                     c->fonts.face[i].path);
            return false;
        }
    return true;
}
