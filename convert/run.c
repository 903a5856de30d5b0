/*
 * run.c - one input to its outputs.  The command owns files: it reads the
 * input once, and writes each output through a temporary file beside the
 * target that is renamed into place only when complete, so a failure or a
 * kill never leaves a half-written file (the old one, if any, stays).
 */
#include "cli.h"
#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Read all of a file (or stdin for "-"); NULL with a message on failure. */
static char *slurp(const char *path, size_t *len, char *msg, size_t cap)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(msg, cap, "%s", strerror(errno));
        return NULL;
    }
    struct stat st = { 0 };
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(msg, cap, "is a directory");
        if (f != stdin)
            fclose(f);
        return NULL;
    }
    /* A regular file's size is known: one exact allocation. */
    size_t cap_buf = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 1 << 16, n = 0;
    char *buf = malloc(cap_buf);
    while (buf) {
        if (n == cap_buf) {
            char *bigger = realloc(buf, cap_buf * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap_buf *= 2;
        }
        size_t got = fread(buf + n, 1, cap_buf - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (!buf) {
        snprintf(msg, cap, "out of memory");
    } else if (ferror(f)) {
        snprintf(msg, cap, "%s", strerror(errno ? errno : EIO));
        free(buf);
        buf = NULL;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

typedef struct sink_file {
    FILE *f;
    int error;                /* errno of the first failed write */
} sink_file;

static int file_sink(void *user, const void *data, size_t len)
{
    sink_file *s = user;
    if (fwrite(data, 1, len, s->f) == len)
        return 0;
    if (!s->error)
        s->error = errno ? errno : EIO;
    return -1;
}

static char tmp_path[PATH_MAX];

static void remove_tmp(int sig)
{
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Warnings from the library: one line each, naming the input. */
static void warn(void *user, const char *message)
{
    fprintf(stderr, "%s: %s: warning: %s\n", cli_prog, (const char *)user, message);
}

static FILE *open_tmp(const char *path)
{
    int fd = -1;
    if (snprintf(tmp_path, sizeof tmp_path, "%s.folio-XXXXXX", path) < (int)sizeof tmp_path)
        fd = mkstemp(tmp_path);
    else
        errno = ENAMETOOLONG;
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        fprintf(stderr, "%s: %s: cannot write: %s\n", cli_prog, path, strerror(errno));
        if (fd >= 0)
            close(fd), unlink(tmp_path);
        tmp_path[0] = '\0';
        return NULL;
    }
    signal(SIGINT, remove_tmp);
    signal(SIGTERM, remove_tmp);
    return f;
}

static int write_output(const folio_doc *doc, const format *fmt, const folio_write_opts *wo, const char *path)
{
    folio_error err = { { 0 } };
    sink_file s = { stdout, 0 };
    int to_stdout = !path || strcmp(path, "-") == 0;
    if (!to_stdout && !(s.f = open_tmp(path)))
        return EXIT_INPUT;
    folio_status st = fmt->write(doc, wo, file_sink, &s, &err);
    int failed = st != FOLIO_OK;
    if (fflush(s.f) != 0 || ferror(s.f)) {
        failed = 1;
        if (!s.error)
            s.error = errno ? errno : EIO;
    }
    if (!to_stdout) {
        fchmod(fileno(s.f), 0644);
        if (fclose(s.f) != 0 && !s.error)
            failed = 1, s.error = errno;
        if (!failed && rename(tmp_path, path) != 0)
            failed = 1, s.error = errno;
        if (failed)
            unlink(tmp_path);
        tmp_path[0] = '\0';
    }
    if (!failed)
        return EXIT_OK;
    /* The system's words for a write failure ("No space left on device",
     * "Broken pipe"); the writer's for anything else. */
    const char *what = s.error ? strerror(s.error) : err.message[0] ? err.message : "write error";
    fprintf(stderr, "%s: %s: %s\n", cli_prog, to_stdout ? "standard output" : path, what);
    return st == FOLIO_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
}

/* article.txt -> DIR/article.epub (batch) or article.epub beside it. */
static int output_path(const char *input, const char *dir, const format *fmt, char *out, size_t cap)
{
    const char *base = strrchr(input, '/');
    base = dir && base ? base + 1 : input;
    const char *dot = strrchr(base, '.'), *slash = strrchr(base, '/');
    size_t stem = dot && (!slash || dot > slash) && dot != base ? (size_t)(dot - base) : strlen(base);
    int n = dir ? snprintf(out, cap, "%s/%.*s%s", dir, (int)stem, base, fmt->ext)
                : snprintf(out, cap, "%.*s%s", (int)stem, base, fmt->ext);
    return n > 0 && (size_t)n < cap;
}

static folio_doc *read_input(const job *j, const char *input, const char *shown, int *rc)
{
    char msg[256];
    size_t len;
    char *text = slurp(input, &len, msg, sizeof msg);
    if (!text) {
        fprintf(stderr, "%s: %s: %s\n", cli_prog, shown, msg);
        *rc = EXIT_INPUT;
        return NULL;
    }
    folio_doc *doc = NULL;
    folio_error err;
    folio_read_opts ro = j->ro;
    ro.warn = warn;
    ro.warn_user = (void *)shown;
    folio_status st = folio_read_bytes(text, len, &ro, &doc, &err);
    free(text);
    if (st != FOLIO_OK) {
        /* usage errors here come from --date or --encoding */
        const char *who = st != FOLIO_ERR_USAGE ? shown : strstr(err.message, "encoding") ? "--encoding" : "--date";
        fprintf(stderr, "%s: %s: %s\n", cli_prog, who, err.message);
        *rc = st == FOLIO_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
        return NULL;
    }
    return doc;
}

int cli_convert_one(const job *j, const char *input, const char *output)
{
    const char *shown = strcmp(input, "-") == 0 ? "standard input" : input;
    int rc = EXIT_OK;
    folio_doc *doc = read_input(j, input, shown, &rc);
    if (!doc)
        return rc;
    const char *lang = doc->meta.lang;
    if (j->wo.vertical && strcmp(lang, "zh") != 0 && strcmp(lang, "ja") != 0 && strcmp(lang, "ko") != 0)
        fprintf(stderr, "%s: %s: note: --vertical applies to Chinese, Japanese and Korean text; ignored\n",
                cli_prog, shown);
    folio_write_opts wo = j->wo;
    wo.warn = warn;
    wo.warn_user = (void *)shown;
    for (int i = 0; i < j->n_fmts; i++) {
        char path[PATH_MAX];
        const char *target = output;
        bool beside = !output && j->fmts[i]->binary && strcmp(input, "-") != 0;
        if (j->outdir || beside) {
            if (!output_path(input, j->outdir, j->fmts[i], path, sizeof path)) {
                fprintf(stderr, "%s: %s: output path too long\n", cli_prog, shown);
                rc = EXIT_INPUT;
                continue;
            }
            target = path;
        }
        int r = write_output(doc, j->fmts[i], &wo, target);
        if (r != EXIT_OK)
            rc = r;
    }
    folio_doc_free(doc);
    return rc;
}
