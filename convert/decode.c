/*
 * decode.c - bytes from a file to UTF-8 text, or a clear refusal.
 *
 * Order of evidence: a byte-order mark; the caller's --encoding; valid UTF-8
 * (most input); uchardet's guess, converted with iconv.  Text that claims to
 * be UTF-8 but has bad bytes keeps going with U+FFFD and a warning that names
 * the first bad byte, unless strict.  Files that are not text (images,
 * archives, executables) are recognised by their magic numbers and by NUL
 * bytes, and refused.
 */
#include "internal.h"
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>

static const struct { const char *magic; size_t len; const char *what; } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8, "a PNG image" }, { "\xFF\xD8\xFF", 3, "a JPEG image" },
    { "GIF8", 4, "a GIF image" },              { "%PDF-", 5, "a PDF file" },
    { "PK\x03\x04", 4, "a zip archive (EPUB, DOCX...)" }, { "\x7F" "ELF", 4, "a program" },
    { "\x1F\x8B", 2, "a gzip file" },          { "BZh", 3, "a bzip2 file" },
    { "\xFD" "7zXZ", 5, "an xz file" },        { "RIFF", 4, "a RIFF media file" },
    { "\x00\x00\x01\x00", 4, "an icon" },      { "OggS", 4, "an Ogg media file" },
};

/* Length of the valid UTF-8 prefix of s[0..n). */
static size_t utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        if (!k || i + k > n)
            return i;
        for (size_t j = 1; j < k; j++)
            if ((p[i + j] & 0xC0) != 0x80)
                return i;
        /* overlong forms, surrogates, beyond U+10FFFF */
        if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0) ||
            (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))
            return i;
        i += k;
    }
    return n;
}

/* Valid multi-byte UTF-8 sequences and invalid bytes in s[0..n): text with
 * more of the first than the second is UTF-8, damaged. */
static void utf8_census(const char *s, size_t n, size_t *multi, size_t *bad)
{
    *multi = *bad = 0;
    size_t i = 0;
    while (i < n) {
        size_t v = utf8_valid_prefix(s + i, n - i);
        for (size_t k = i; k < i + v; k++)
            *multi += ((unsigned char)s[k] & 0xC0) == 0xC0;
        i += v;
        if (i < n) {
            (*bad)++;
            i++;
        }
    }
}

/* UTF-16 without a BOM: most odd (LE) or even (BE) bytes of ASCII text are 0. */
static const char *utf16_guess(const char *s, size_t n)
{
    size_t zero_even = 0, zero_odd = 0, m = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 1 < m; i += 2) {
        zero_even += s[i] == 0;
        zero_odd += s[i + 1] == 0;
    }
    size_t pairs = m / 2;
    if (pairs >= 4 && zero_odd * 10 >= pairs * 4 && zero_even * 20 < pairs)
        return "UTF-16LE";
    if (pairs >= 4 && zero_even * 10 >= pairs * 4 && zero_odd * 20 < pairs)
        return "UTF-16BE";
    /* Chinese or Japanese text has few ASCII characters, so few zeros: but
     * nearly every high byte is 0 (ASCII), 0x30-0x9F (kana, CJK) or 0xFF
     * (full-width forms). */
    size_t cjk_le = 0, cjk_be = 0;
    for (size_t i = 0; i + 1 < m; i += 2) {
        unsigned char lo = (unsigned char)s[i], hi = (unsigned char)s[i + 1];
        cjk_le += hi == 0 || (hi >= 0x30 && hi <= 0x9F) || hi == 0xFF;
        cjk_be += lo == 0 || (lo >= 0x30 && lo <= 0x9F) || lo == 0xFF;
    }
    if (pairs >= 8 && cjk_le * 20 >= pairs * 19 && cjk_be * 20 < pairs * 19)
        return "UTF-16LE";
    if (pairs >= 8 && cjk_be * 20 >= pairs * 19 && cjk_le * 20 < pairs * 19)
        return "UTF-16BE";
    return NULL;
}

/* Convert with iconv; bad input bytes become U+FFFD unless strict. */
static folio_status convert(const char *from, const char *in, size_t len, bool strict, folio_buf *out,
                            size_t *first_bad, folio_error *err)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        snprintf(err->message, sizeof err->message, "unknown encoding '%s' (see 'iconv -l')", from);
        err->option = "encoding";
        return FOLIO_ERR_USAGE;
    }
    char chunk[16384];
    char *ip = (char *)in;
    size_t il = len;
    *first_bad = (size_t)-1;
    folio_status rc = FOLIO_OK;
    while (il > 0 && rc == FOLIO_OK) {
        char *op = chunk;
        size_t ol = sizeof chunk;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        folio_buf_append(out, chunk, (size_t)(op - chunk));
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (a truncated sequence at the end) */
        if (*first_bad == (size_t)-1)
            *first_bad = (size_t)(ip - in);
        if (strict) {
            snprintf(err->message, sizeof err->message, "invalid %s at byte %zu", from, *first_bad);
            rc = FOLIO_ERR_INPUT;
        } else {
            folio_buf_append(out, "\xEF\xBF\xBD", 3);
            ip++, il--;
        }
    }
    iconv_close(cd);
    if (rc == FOLIO_OK && out->failed) {
        snprintf(err->message, sizeof err->message, "out of memory");
        rc = FOLIO_ERR_NOMEM;
    }
    return rc;
}

/* uchardet's guess into name[cap] (the caller's: several threads may read
 * documents at once), or NULL. */
static const char *detect(const char *s, size_t n, char *name, size_t cap)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return NULL;
    uchardet_handle_data(ud, s, n < (1u << 20) ? n : (1u << 20)); /* a megabyte tells */
    uchardet_data_end(ud);
    const char *cs = uchardet_get_charset(ud);
    snprintf(name, cap, "%s", cs ? cs : "");
    uchardet_delete(ud);
    return name[0] ? name : NULL;
}

static bool single_byte(const char *charset)
{
    static const char *const multi[] = { "GB", "BIG5", "SHIFT", "SJIS", "EUC", "2022", "UHC", "JOHAB", "UTF", NULL };
    for (const char *const *m = multi; *m; m++)
        if (strcasestr(charset, *m))
            return false;
    return true;
}

folio_status folio_decode(const char *in, size_t len, const char *encoding, bool strict, const char **text,
                          size_t *text_len, folio_buf *out, folio_warning *warning, folio_error *err)
{
    warning->message[0] = '\0';
    warning->option = NULL;
    *text = "";
    *text_len = 0;
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (len >= magics[i].len && memcmp(in, magics[i].magic, magics[i].len) == 0 &&
            !(encoding && *encoding)) {
            snprintf(err->message, sizeof err->message, "not text (%s)", magics[i].what);
            return FOLIO_ERR_INPUT;
        }
    const char *from = encoding && *encoding ? encoding : NULL;
    if (!from && len >= 2 && ((unsigned char)in[0] == 0xFF && (unsigned char)in[1] == 0xFE))
        from = "UTF-16LE", in += 2, len -= 2;
    else if (!from && len >= 2 && ((unsigned char)in[0] == 0xFE && (unsigned char)in[1] == 0xFF))
        from = "UTF-16BE", in += 2, len -= 2;
    else if (!from && len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        from = "UTF-8", in += 3, len -= 3; /* it says so: bad bytes are errors */
    size_t valid = from ? 0 : utf8_valid_prefix(in, len);
    if (!from && memchr(in, 0, len) && !(from = utf16_guess(in, len))) {
        /* A stray NUL in text is dropped later; many of them mean data. */
        size_t m = len < 65536 ? len : 65536, nul = 0;
        for (size_t i = 0; i < m; i++)
            nul += in[i] == 0;
        if (nul >= 4 && nul * 50 > m) {
            snprintf(err->message, sizeof err->message, "not text (binary data)");
            return FOLIO_ERR_INPUT;
        }
    }
    if (!from && valid == len) { /* nothing to convert: no copy either */
        *text = in;
        *text_len = len;
        return FOLIO_OK;
    }
    size_t multi = 0, bad = 0;
    if (!from) {
        utf8_census(in, len, &multi, &bad);
        if (multi > 0 && multi >= bad)
            from = "UTF-8";
    }
    bool guessed = false;
    char detected[64];
    if (!from) { /* no multi-byte UTF-8 at all: a legacy code page */
        from = detect(in, len, detected, sizeof detected);
        guessed = true;
        if (!from || strcmp(from, "ASCII") == 0 || strcasecmp(from, "UTF-8") == 0)
            from = "UTF-8";
    }
    /* A single-byte code page guessed for mostly-ASCII text is a weak
     * guess (WINDOWS-1252 or -1250, or UTF-8 with a few bad bytes): say
     * so, and --strict refuses it.  The multi-byte CJK encodings are
     * recognised reliably. */
    bool legacy = guessed && strcmp(from, "UTF-8") != 0 && single_byte(from);
    if (legacy && strict) { /* a guess is not what --strict accepts */
        snprintf(err->message, sizeof err->message, "not UTF-8 (it looks like %s)", from);
        err->option = "encoding"; /* setting the encoding reads it */
        return FOLIO_ERR_INPUT;
    }
    size_t first_bad;
    folio_status rc = convert(from, in, len, strict, out, &first_bad, err);
    if (rc == FOLIO_OK) {
        *text = out->data ? out->data : "";
        *text_len = out->len;
    }
    if (rc == FOLIO_OK && first_bad != (size_t)-1)
        warning->option = "strict", /* strict refuses such input */
        snprintf(warning->message, sizeof warning->message, "invalid %s%s at byte %zu: replaced by U+FFFD",
                 from, guessed && strcmp(from, "UTF-8") != 0 ? " (detected)" : "", first_bad);
    else if (rc == FOLIO_OK && legacy) /* say what was guessed: it may be wrong */
        warning->option = "encoding", /* the guess may be wrong */
        snprintf(warning->message, sizeof warning->message, "not UTF-8: read as %s, as detected", from);
    return rc;
}
