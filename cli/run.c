/*
 * run.c - one input to its outputs.  The command owns files: it reads the
 * input once, and writes each output through a temporary file beside the
 * target that is renamed into place only when complete, so a failure or a
 * kill never leaves a half-written file (the old one, if any, stays).
 */
#include "cli.h"
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <fcntl.h>
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

/* Temporary files of this process, removed if a signal ends it. */
static char tmp_paths[MAX_FORMATS][PATH_MAX];

static void remove_tmps(int sig)
{
    for (int i = 0; i < MAX_FORMATS; i++)
        if (tmp_paths[i][0])
            unlink(tmp_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* What a user of the command line does about a library message that
 * points at a field of the options (the library never names flags). */
static const char *remedy(const char *option)
{
    if (!option)
        return NULL;
    if (strcmp(option, "encoding") == 0)
        return "--encoding NAME says what it is";
    if (strcmp(option, "strict") == 0)
        return "--strict refuses such files";
    if (strcmp(option, "font") == 0)
        return "give --font FILE (.ttf or .otf), or install a font: on Debian, fonts-noto-core";
    if (strcmp(option, "cjk_font") == 0)
        return "give --cjk-font FILE, or install a CJK font: on Debian, fonts-noto-cjk";
    return NULL;
}

/* A library message, with what to do about it where the command line can. */
static void print_message(const char *where, const char *what, const char *message, const char *option)
{
    const char *fix = remedy(option);
    if (fix)
        fprintf(stderr, "%s: %s: %s%s (%s)\n", cli_prog, where, what, message, fix);
    else
        fprintf(stderr, "%s: %s: %s%s\n", cli_prog, where, what, message);
}

/* Warnings from the library: one line each, naming the input. */
static void warn(void *user, const char *message, const char *option)
{
    print_message((const char *)user, "warning: ", message, option);
}

/* Where an output goes.  A regular file (or a new one) is written through a
 * temporary file beside it and renamed into place; a symbolic link is
 * followed, so its target is replaced and the link stays; a device, FIFO or
 * socket (/dev/null, a pipe) is written directly. */
typedef struct target {
    const char *shown;        /* the name the user gave */
    char path[PATH_MAX];      /* the file that is replaced (the link's target) */
    char *tmp;                /* tmp_paths slot, "" when written directly */
    FILE *f;
    mode_t mode;
    int error;                /* errno of the first failed write */
} target;

static int file_sink(void *user, const void *data, size_t len)
{
    target *t = user;
    if (fwrite(data, 1, len, t->f) == len)
        return 0;
    if (!t->error)
        t->error = errno ? errno : EIO;
    return -1;
}

static int fail_target(const target *t, const char *what)
{
    fprintf(stderr, "%s: %s: %s\n", cli_prog, t->shown, what);
    return EXIT_INPUT;
}

/* A link to a file that does not exist yet: the file it names, relative to
 * the link's folder. */
static bool dangling_link_target(target *t)
{
    char link[PATH_MAX];
    ssize_t n = readlink(t->shown, link, sizeof link - 1);
    if (n < 0)
        return false;
    link[n] = '\0';
    const char *slash = strrchr(t->shown, '/');
    int dir = link[0] != '/' && slash ? (int)(slash - t->shown + 1) : 0;
    if (snprintf(t->path, sizeof t->path, "%.*s%s", dir, t->shown, link) >= (int)sizeof t->path) {
        errno = ENAMETOOLONG;
        return false;
    }
    return true;
}

/* A temporary file of a folio that died (SIGKILL, a crash) beside the
 * target: "NAME.folio-PID-XXXXXX", ours (same owner), 0600 as mkstemp made
 * it, and no process PID alive.  It is removed before a new one is made;
 * nothing else is touched. */
static void remove_stale_temps(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], prefix[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path)
        snprintf(dir, sizeof dir, "/");
    int n = snprintf(prefix, sizeof prefix, "%s.folio-", slash ? slash + 1 : path);
    DIR *d = opendir(dir);
    if (!d || n <= 0 || (size_t)n >= sizeof prefix) {
        if (d)
            closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, (size_t)n) != 0)
            continue;
        char *end;
        long pid = strtol(e->d_name + n, &end, 10);
        if (pid <= 0 || *end != '-' || strlen(end + 1) != 6 || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue;
        char full[PATH_MAX];
        struct stat st;
        if (snprintf(full, sizeof full, "%s/%s", dir, e->d_name) < (int)sizeof full && lstat(full, &st) == 0 &&
            S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 07777) == 0600)
            unlink(full);
    }
    closedir(d);
}

/* Resolve the target, refuse an input itself, and open what to write. */
static int open_target(target *t, int slot, const struct stat *inputs, int n_inputs)
{
    struct stat st;
    t->tmp = tmp_paths[slot];
    t->tmp[0] = '\0';
    snprintf(t->path, sizeof t->path, "%s", t->shown);
    if (lstat(t->shown, &st) == 0 && S_ISLNK(st.st_mode) && !realpath(t->shown, t->path) &&
        !dangling_link_target(t))
        return fail_target(t, strerror(errno));
    bool exists = stat(t->path, &st) == 0;
    for (int i = 0; exists && i < n_inputs; i++)
        if (st.st_dev == inputs[i].st_dev && st.st_ino == inputs[i].st_ino) {
            fprintf(stderr, "%s: %s: would overwrite the input; choose another output name\n", cli_prog,
                    t->shown);
            return EXIT_USAGE;
        }
    if (exists && S_ISDIR(st.st_mode))
        return fail_target(t, "cannot write: is a directory");
    if (exists && !S_ISREG(st.st_mode)) { /* a device, FIFO or socket */
        int fd = open(t->path, O_WRONLY | O_CLOEXEC);
        if (fd < 0 || !(t->f = fdopen(fd, "wb"))) {
            int e = errno;
            if (fd >= 0)
                close(fd);
            return fail_target(t, strerror(e));
        }
        return EXIT_OK;
    }
    mode_t mask = umask(0);
    umask(mask);
    t->mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
    int fd = -1;
    remove_stale_temps(t->path);
    if (snprintf(t->tmp, PATH_MAX, "%s.folio-%ld-XXXXXX", t->path, (long)getpid()) < PATH_MAX)
        fd = mkstemp(t->tmp);
    else
        errno = ENAMETOOLONG;
    if (fd < 0 || !(t->f = fdopen(fd, "wb"))) {
        char what[300];
        snprintf(what, sizeof what, "cannot write: %s", strerror(errno));
        if (fd >= 0)
            close(fd), unlink(t->tmp);
        t->tmp[0] = '\0';
        return fail_target(t, what);
    }
    return EXIT_OK;
}

/* Close the target; its temporary file stays until commit_target(). */
static bool close_target(target *t)
{
    bool ok = !t->error;
    if (t->tmp[0])
        fchmod(fileno(t->f), t->mode);
    if (fclose(t->f) != 0 && ok)
        ok = false, t->error = errno ? errno : EIO;
    t->f = NULL;
    return ok;
}

static void discard_target(target *t)
{
    if (t->tmp[0])
        unlink(t->tmp);
    t->tmp[0] = '\0';
}

static int commit_target(target *t)
{
    if (t->tmp[0] && rename(t->tmp, t->path) != 0) {
        int e = errno;
        discard_target(t);
        return fail_target(t, strerror(e));
    }
    t->tmp[0] = '\0';
    return EXIT_OK;
}

/* Write one format to a file target (already open) or to standard output
 * (t->shown NULL).  A closed pipe downstream (`folio ... | head`) is not an
 * error: the reader has what it wanted. */
static int write_output(const folio_doc *doc, const format *fmt, const folio_write_opts *wo, target *t)
{
    folio_error err = { { 0 } };
    bool to_stdout = !t->shown;
    if (to_stdout)
        t->f = stdout;
    folio_status st = fmt->write(doc, wo, file_sink, t, &err);
    bool failed = st != FOLIO_OK;
    if (fflush(t->f) != 0 || ferror(t->f)) {
        failed = true;
        if (!t->error)
            t->error = errno ? errno : EIO;
    }
    if (!to_stdout && !close_target(t))
        failed = true;
    if (!failed)
        return EXIT_OK;
    if (to_stdout && t->error == EPIPE)
        return EXIT_OK;
    /* The system's words for a write failure ("No space left on device");
     * the writer's for anything else. */
    const char *what = t->error ? strerror(t->error) : err.message[0] ? err.message : "write error";
    print_message(to_stdout ? "standard output" : t->shown, "", what, t->error ? NULL : err.option);
    return st == FOLIO_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
}

/* article.txt -> DIR/article.epub (batch) or article.epub beside it. */
int cli_output_path(const char *input, const char *dir, const format *fmt, char *out, size_t cap)
{
    const char *base = strrchr(input, '/');
    base = dir && base ? base + 1 : input;
    const char *dot = strrchr(base, '.'), *slash = strrchr(base, '/');
    size_t stem = dot && (!slash || dot > slash) && dot != base ? (size_t)(dot - base) : strlen(base);
    int n = dir ? snprintf(out, cap, "%s/%.*s%s", dir, (int)stem, base, fmt->ext)
                : snprintf(out, cap, "%.*s%s", (int)stem, base, fmt->ext);
    return n > 0 && (size_t)n < cap;
}

/* Read as a web page?  --from says; else the extension (.html .htm
 * .xhtml), else the first bytes (a doctype, <html>). */
static bool is_html(const job *j, const char *input, const char *data, size_t len)
{
    if (j->from != FROM_AUTO)
        return j->from == FROM_HTML;
    const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
    if (dot && (!slash || dot > slash)) {
        static const char *const exts[] = { ".html", ".htm", ".xhtml", ".shtml", NULL };
        for (const char *const *e = exts; *e; e++)
            if (strcasecmp(dot, *e) == 0)
                return true;
    }
    return folio_looks_like_html(data, len) != 0;
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
    /* a saved page's pictures are read from its own folder ("page_files/") */
    char dir[PATH_MAX];
    const char *slash = strrchr(input, '/');
    if (strcmp(input, "-") != 0 && (size_t)snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - input) : 1,
                                                    slash ? input : ".") < sizeof dir)
        ro.base_dir = slash == input ? "/" : dir;
    folio_status st = is_html(j, input, text, len) ? folio_read_html(text, len, &ro, &doc, &err)
                                                    : folio_read_bytes(text, len, &ro, &doc, &err);
    free(text);
    if (st != FOLIO_OK) {
        /* a usage error names the option of folio_read_opts that was wrong */
        if (st == FOLIO_ERR_USAGE && err.option) {
            char flag[32]; /* the field's flag: cjk_font -> --cjk-font */
            snprintf(flag, sizeof flag, "%s", err.option);
            for (char *p = flag; *p; p++)
                *p = *p == '_' ? '-' : *p;
            fprintf(stderr, "%s: --%s: %s\n", cli_prog, flag, err.message);
        }
        else
            print_message(shown, "", err.message, err.option);
        *rc = st == FOLIO_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
        return NULL;
    }
    return doc;
}

/* folio --explain: a line per unit, "L12-13 heading  +2.31 (paragraph)
 * because heading_shaped, next:prose, blank_before | text". */
static void print_explained(void *user, const folio_explain_unit *e)
{
    (void)user;
    char lines[32];
    snprintf(lines, sizeof lines, e->last_line > e->line ? "%d-%d" : "%d", e->line, e->last_line);
    printf("%-9s %-11s %+6.2f (%s)", lines, e->label, (double)e->margin, e->runner_up);
    for (int k = 0; k < 3 && e->why[k]; k++)
        printf("%s%s", k ? ", " : " because ", e->why[k]);
    /* the first 60 characters, cut between characters */
    size_t n = 0;
    for (int chars = 0; e->text[n] && chars < 60; chars++)
        do
            n++;
        while ((e->text[n] & 0xC0) == 0x80);
    printf(" | %.*s%s\n", (int)n, e->text, e->text[n] ? "…" : "");
}

/* folio --features: the training table of `make train`, tab-separated. */
static void print_features(void *user, const folio_explain_unit *e)
{
    bool *header = user;
    if (!*header) {
        printf("line\tlast_line");
        for (int j = 0; j < e->n_features; j++)
            printf("\t%s", folio_feature_name(j));
        printf("\ttext\n");
        *header = true;
    }
    printf("%d\t%d", e->line, e->last_line);
    for (int j = 0; j < e->n_features; j++)
        printf("\t%.6g", (double)e->values[j]);
    /* the unit's text last (cleaned: no tabs or line ends), to align a
     * web page's units with the labelled lines of its text */
    printf("\t%s\n", e->text);
}

static int explain_one(const job *j, const char *input, const char *shown)
{
    job k = *j;
    bool header = false;
    k.ro.explain = j->explain == 2 ? print_features : print_explained;
    k.ro.explain_user = &header;
    int rc = EXIT_OK;
    folio_doc *doc = read_input(&k, input, shown, &rc);
    folio_doc_free(doc);
    if (fflush(stdout) != 0 && errno != EPIPE) {
        fprintf(stderr, "%s: standard output: %s\n", cli_prog, strerror(errno));
        rc = EXIT_INPUT;
    }
    return rc;
}

/* Write the document in every format of the job.  Every output is written
 * first and put in place only when all of them succeeded: a failed file
 * leaves no output.  `input` names the outputs beside it (or in -d DIR);
 * no output may be one of the inputs. */
/* The typography of the writers' output, by the document's own language:
 * --smart for Latin-script text (or forced), full-width punctuation in
 * Chinese and Japanese unless --no-cjk-punct.  False if memory ran out. */
static bool typeset(const job *j, folio_doc *doc)
{
    const char *lang = doc->meta.lang;
    bool zh_ja = strcmp(lang, "zh") == 0 || strcmp(lang, "ja") == 0, cjk = zh_ja || strcmp(lang, "ko") == 0;
    bool smart = j->smart == 2 || (j->smart == 1 && !cjk);
    return (!smart || folio_doc_smarten(doc) == FOLIO_OK) &&
           (!(zh_ja && j->cjk_punct) || folio_doc_cjk_punct(doc) == FOLIO_OK);
}

static int write_doc(const job *j, folio_doc *doc, const char *input, const char *shown,
                     const char *output, const struct stat *inputs, int n_inputs)
{
    bool from_stdin = strcmp(input, "-") == 0;
    int rc = EXIT_OK;
    const char *lang = doc->meta.lang;
    if (j->wo.vertical && strcmp(lang, "zh") != 0 && strcmp(lang, "ja") != 0 && strcmp(lang, "ko") != 0)
        fprintf(stderr, "%s: %s: note: --vertical applies to Chinese, Japanese and Korean text; ignored\n",
                cli_prog, shown);
    folio_write_opts wo = j->wo;
    wo.warn = warn;
    wo.warn_user = (void *)shown;
    signal(SIGINT, remove_tmps);
    signal(SIGTERM, remove_tmps);
    signal(SIGHUP, remove_tmps);
    signal(SIGQUIT, remove_tmps);
    target t[MAX_FORMATS];
    char names[MAX_FORMATS][PATH_MAX];
    int n = 0;
    /* JSON keeps the text as read; the other formats get typographic
     * punctuation (--smart; full-width punctuation in Chinese and Japanese
     * text unless --no-cjk-punct): JSON is written first, then the text
     * is changed. */
    bool curled = false;
    int order[MAX_FORMATS], k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < j->n_fmts; i++)
            if ((strcmp(j->fmts[i]->name, "json") == 0) == (pass == 0))
                order[k++] = i;
    for (int o = 0; o < j->n_fmts && rc == EXIT_OK; o++, n++) {
        int i = order[o];
        if (!curled && strcmp(j->fmts[i]->name, "json") != 0) {
            curled = true;
            if (!typeset(j, doc)) {
                fprintf(stderr, "%s: %s: out of memory\n", cli_prog, shown);
                rc = EXIT_INPUT;
                break;
            }
        }
        memset(&t[i], 0, sizeof t[i]);
        t[i].tmp = tmp_paths[i];
        t[i].tmp[0] = '\0';
        t[i].shown = output && strcmp(output, "-") != 0 ? output : NULL;
        bool beside = !output && j->fmts[i]->binary && !from_stdin;
        if (j->outdir || beside) {
            if (!cli_output_path(input, j->outdir, j->fmts[i], names[i], sizeof names[i])) {
                fprintf(stderr, "%s: %s: output path too long\n", cli_prog, shown);
                rc = EXIT_INPUT;
                break;
            }
            t[i].shown = names[i];
        }
        if (t[i].shown && (rc = open_target(&t[i], i, inputs, n_inputs)) != EXIT_OK)
            break;
        rc = write_output(doc, j->fmts[i], &wo, &t[i]);
    }
    for (int i = 0; i < n; i++) {
        if (rc != EXIT_OK)
            discard_target(&t[i]);
        else if (t[i].shown)
            rc = commit_target(&t[i]);
    }
    return rc;
}

int cli_convert_one(const job *j, const char *input, const char *output)
{
    bool from_stdin = strcmp(input, "-") == 0;
    const char *shown = from_stdin ? "standard input" : input;
    int rc = EXIT_OK;
    struct stat in_st;
    bool have_in = !from_stdin && stat(input, &in_st) == 0;
    if (j->explain)
        return explain_one(j, input, shown);
    folio_doc *doc = read_input(j, input, shown, &rc);
    if (!doc)
        return rc;
    rc = write_doc(j, doc, input, shown, output, &in_st, have_in ? 1 : 0);
    folio_doc_free(doc);
    return rc;
}

int cli_convert_digest(const job *j, const char **inputs, int n, const char *output, const char *title)
{
    folio_doc **docs = calloc((size_t)n, sizeof *docs);
    struct stat *st = calloc((size_t)n, sizeof *st);
    int rc = docs && st ? EXIT_OK : EXIT_INPUT, n_st = 0;
    if (rc != EXIT_OK)
        fprintf(stderr, "%s: out of memory\n", cli_prog);
    for (int i = 0; i < n && rc == EXIT_OK; i++) {
        bool from_stdin = strcmp(inputs[i], "-") == 0;
        if (!from_stdin && stat(inputs[i], &st[n_st]) == 0)
            n_st++;
        docs[i] = read_input(j, inputs[i], from_stdin ? "standard input" : inputs[i], &rc);
    }
    /* a digest is one format: each article typeset by its own language
     * (an English article curled, a Chinese one's punctuation full-width),
     * the book then written as it is */
    job k = *j;
    bool json = strcmp(j->fmts[0]->name, "json") == 0;
    for (int i = 0; i < n && rc == EXIT_OK && !json; i++)
        if (!typeset(j, docs[i])) {
            fprintf(stderr, "%s: out of memory\n", cli_prog);
            rc = EXIT_INPUT;
        }
    k.smart = k.cjk_punct = 0;
    folio_doc *digest = NULL;
    folio_error err;
    if (rc == EXIT_OK && folio_doc_digest((const folio_doc *const *)docs, (size_t)n, title, &digest, &err) != FOLIO_OK) {
        fprintf(stderr, "%s: %s\n", cli_prog, err.message);
        rc = EXIT_INPUT;
    }
    for (int i = 0; docs && i < n; i++)
        folio_doc_free(docs[i]);
    if (rc == EXIT_OK)
        rc = write_doc(&k, digest, inputs[0], output && strcmp(output, "-") != 0 ? output : "standard output",
                       output, st, n_st);
    folio_doc_free(digest);
    free(docs);
    free(st);
    return rc;
}
