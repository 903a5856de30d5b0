/*
 * hyphen.c - where words may be hyphenated, with libhyphen and the TeX
 * pattern dictionaries Debian installs in /usr/share/hyphen (hyphen-en-us
 * and friends).  Justified text in a narrow measure needs it: without it a
 * long word that misses the line leaves wide gaps between the others.
 *
 * Loading a dictionary takes libhyphen about 6 ms (hyph_en_US.dic), as much
 * as the rest of an English brief's layout; it is loaded on a thread of its
 * own while the caller does other work (the PDF writer loads its fonts) and
 * waited for at the first word to hyphenate.  A dictionary no document uses
 * any more is kept (one a language, for the life of the process, about a
 * megabyte) for the next document in that language: a program writing many
 * briefs loads each dictionary once.  A kept dictionary belongs to one
 * document at a time.
 */
#include "internal.h"
#include <glob.h>
#include <hyphen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#ifndef FOLIO_HYPHEN_DIR
#define FOLIO_HYPHEN_DIR "/usr/share/hyphen"
#endif

struct folio_hyphenator {
    char path[512];
    HyphenDict *dict;
    pthread_t loader;
    bool loading;               /* the loader thread runs or is not joined yet */
};

/* Dictionaries no document holds now, by path. */
enum { SPARES = 8 };
static struct spare {
    char path[512];
    HyphenDict *dict;
} spares[SPARES];
static pthread_mutex_t spares_lock = PTHREAD_MUTEX_INITIALIZER;

static HyphenDict *take_spare(const char *path)
{
    HyphenDict *d = NULL;
    pthread_mutex_lock(&spares_lock);
    for (int i = 0; i < SPARES && !d; i++)
        if (spares[i].dict && strcmp(spares[i].path, path) == 0) {
            d = spares[i].dict;
            spares[i].dict = NULL;
        }
    pthread_mutex_unlock(&spares_lock);
    return d;
}

/* Keep d for the next document, or free it when a spare of that path is
 * kept already or there is no room. */
static void give_spare(const char *path, HyphenDict *d)
{
    pthread_mutex_lock(&spares_lock);
    int slot = -1;
    for (int i = 0; i < SPARES; i++) {
        if (spares[i].dict && strcmp(spares[i].path, path) == 0) {
            slot = -1;
            break;
        }
        if (!spares[i].dict && slot < 0)
            slot = i;
    }
    if (slot >= 0) {
        snprintf(spares[slot].path, sizeof spares[slot].path, "%s", path);
        spares[slot].dict = d;
        d = NULL;
    }
    pthread_mutex_unlock(&spares_lock);
    if (d)
        hnj_hyphen_free(d);
}

static void *load(void *arg)
{
    folio_hyphenator *h = arg;
    h->dict = hnj_hyphen_load(h->path);
    return NULL;
}

/* The dictionary, once loaded; NULL if it could not be. */
static HyphenDict *dict(folio_hyphenator *h)
{
    if (h->loading) {
        pthread_join(h->loader, NULL);
        h->loading = false;
    }
    return h->dict;
}

/* hyph_<lang>.dic, else the first hyph_<lang>_*.dic; NULL-free path or "". */
static void find_dict(const char *lang, char *path, size_t cap)
{
    path[0] = '\0';
    char pattern[256];
    size_t n = strcspn(lang, "-_");
    if (n == 0 || n > 8)
        return;
    snprintf(path, cap, "%s/hyph_%.*s.dic", FOLIO_HYPHEN_DIR, (int)n, lang);
    FILE *f = fopen(path, "r");
    if (f) {
        fclose(f);
        return;
    }
    path[0] = '\0';
    snprintf(pattern, sizeof pattern, "%s/hyph_%.*s_*.dic", FOLIO_HYPHEN_DIR, (int)n, lang);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc > 0)
        snprintf(path, cap, "%s", g.gl_pathv[0]);
    globfree(&g);
}

folio_hyphenator *folio_hyphenator_new(const char *lang)
{
    folio_hyphenator *h = lang ? calloc(1, sizeof *h) : NULL;
    if (!h)
        return NULL;
    find_dict(lang, h->path, sizeof h->path);
    if (!h->path[0]) {
        free(h);
        return NULL;
    }
    if ((h->dict = take_spare(h->path)))
        return h;
    h->loading = pthread_create(&h->loader, NULL, load, h) == 0;
    if (!h->loading)
        load(h); /* no thread: load here */
    return h;
}

void folio_hyphenator_free(folio_hyphenator *h)
{
    if (!h)
        return;
    if (dict(h))
        give_spare(h->path, h->dict);
    free(h);
}

/* Lower-case w into out (same length in bytes, or false); letters only, and
 * no capital: names ("Hajjaj", "October") and acronyms ("NATO") stay whole. */
static bool plain_word(const char *w, size_t n, char *out)
{
    size_t i = 0, upper = 0;
    while (i < n) {
        int32_t c;
        size_t k = folio_utf8_next(w + i, n - i, &c);
        if (!folio_is_letter(c))
            return false;
        if (folio_is_upper(c))
            upper++;
        uint8_t buf[4];
        if (utf8proc_encode_char(utf8proc_tolower(c), buf) != (utf8proc_ssize_t)k)
            return false;
        memcpy(out + i, buf, k);
        i += k;
    }
    return upper == 0;
}

bool folio_hyphen_points(void *user, const char *w, size_t n, char *at)
{
    folio_hyphenator *h = user;
    enum { MAX = 100 };
    char low[MAX + 1], marks[MAX + 5];
    if (!h || n < 5 || n > MAX || !plain_word(w, n, low) || !dict(h))
        return false;
    low[n] = '\0';
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    /* At least two letters before the hyphen and three after, as in print. */
    bool ok = hnj_hyphen_hyphenate3(h->dict, low, (int)n, marks, NULL, &rep, &pos, &cut, 2, 3, 2, 3) == 0;
    bool any = false;
    for (size_t i = 0; ok && i + 1 < n; i++) {
        /* odd: a break after byte i; only between characters, and only
         * plain breaks (no spelling changes such as Schiff=fahrt) */
        at[i] = (marks[i] & 1) && ((unsigned char)w[i + 1] & 0xC0) != 0x80 && !(rep && rep[i]);
        any |= at[i];
    }
    if (rep) {
        for (size_t i = 0; i < n; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return ok && any;
}
