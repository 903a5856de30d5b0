/*
 * cli.c - the folio command.  The command owns files: it reads the input,
 * picks the writer, and writes the output through a temporary file that is
 * renamed into place only when complete, so a failure never leaves a
 * half-written file behind.
 */
#include "folio.h"
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef folio_status (*writer_fn)(const folio_doc *, const folio_write_opts *, folio_sink_fn, void *,
                                  folio_error *);

typedef struct format {
    const char *name;
    const char *ext;      /* output file extension, with the dot */
    int binary;           /* never written to a terminal by default */
    writer_fn write;      /* NULL: not available in this build */
} format;

static folio_status write_json(const folio_doc *doc, const folio_write_opts *o, folio_sink_fn sink,
                               void *user, folio_error *err)
{
    (void)o;
    return folio_write_json(doc, sink, user, err);
}

static const format formats[] = {
    { "json", ".json", 0, write_json },
    { "epub", ".epub", 1, folio_write_epub },
    { "pdf", ".pdf", 1, folio_write_pdf },
    { "outline", ".txt", 0, folio_write_outline },
    { "outline-md", ".md", 0, folio_write_outline_md },
    { "opml", ".opml", 0, folio_write_opml },
};

static const char *prog = "folio";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see 'folio --help')\n");
    exit(EXIT_USAGE);
}

static int number_arg(const char *s, int lo, int hi, const char *opt)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) {
        fprintf(stderr, "%s: %s takes a number from %d to %d, not '%s' (see 'folio --help')\n", prog, opt,
                lo, hi, s);
        exit(EXIT_USAGE);
    }
    return (int)v;
}

static void help(void)
{
    printf(
"folio - turn scraped article text into a clean document\n"
"\n"
"Usage: folio [options] INPUT [-o OUTPUT]\n"
"\n"
"INPUT is a text file copied or scraped from a web page (UTF-8), or - for\n"
"standard input.  folio finds the title, byline, date, headings, quotes,\n"
"captions and notes, drops the page furniture (menus, share buttons,\n"
"related links, footers) and lists every dropped line with its reason.\n"
"\n"
"Examples:\n"
"  folio article.txt -t epub              writes article.epub beside article.txt\n"
"  folio article.txt -o book.epub --vertical   vertical text for Chinese/Japanese\n"
"  folio article.txt -t pdf --paper letter   a printable brief\n"
"  folio article.txt -t outline           numbered headings and key sentences\n"
"  folio article.txt -o notes.opml        the outline for an outliner app\n"
"  folio article.txt --to json            the document model on standard output\n"
"  folio article.txt -o article.json      the same, into a file\n"
"  curl -s URL | html2text | folio - -t json\n"
"  folio article.txt -t json --title \"A better title\" --author \"Ann Lee; Bo Chen\"\n"
"\n"
"Options:\n"
"  -t, --to FORMAT       output format: epub, pdf, outline, outline-md, opml,\n"
"                        json; without -t it comes from OUTPUT's extension\n"
"                        (.epub .pdf .txt .md .opml .json)\n"
"  -o, --output FILE     write here ('-' = standard output).  Default: standard\n"
"                        output for text formats; for EPUB and PDF, the input's\n"
"                        name with the new extension, beside the input\n"
"      --title TEXT      use this title instead of the one found\n"
"      --author NAMES    authors, separated by ';'\n"
"      --date DATE       publication date (2025-05-31, 31 May 2025, 2025年5月31日)\n"
"      --lang CODE       language code (zh, en, ja, ...), instead of the detected one\n"
"      --source TEXT     the publication or site the article comes from\n"
"      --keep-boilerplate  keep the lines folio would drop, as paragraphs\n"
"      --encoding NAME   the input's encoding (GB18030, BIG5, SHIFT_JIS, EUC-KR,\n"
"                        WINDOWS-1252, ...; any 'iconv -l' name); default: a BOM,\n"
"                        UTF-8, or detected\n"
"      --strict          refuse input with invalid bytes instead of replacing\n"
"                        them with U+FFFD\n"
"      --vertical        EPUB: vertical writing and right-to-left page order\n"
"                        (Chinese and Japanese text)\n"
"      --cover FILE      EPUB: a JPEG or PNG cover image (default: no cover)\n"
"      --paper SIZE      PDF: a4 (default), letter, a5\n"
"      --font FAMILY     PDF: font for Latin text, a family name or a .ttf file\n"
"                        (default Noto Serif)\n"
"      --cjk-font FAMILY PDF: font for Chinese/Japanese/Korean text, a family\n"
"                        name or a .ttf/.ttc file (default Droid Sans Fallback);\n"
"                        TrueType outlines only (not .otf/CFF)\n"
"      --outline-depth N outline: 1 headings only, 2 key sentences (default),\n"
"                        3 every sentence\n"
"      --width N         outline: wrap at N columns (default 80, 0 = no wrap)\n"
"  -h, --help            this help\n"
"      --version         print the version\n"
"\n"
"Environment: SOURCE_DATE_EPOCH (seconds) sets every timestamp in the output;\n"
"without it the article's date is used, so the same input gives the same file.\n"
"\n"
"Exit status: 0 done, 1 the input could not be read or converted, 2 usage error.\n"
"Errors are one line: 'folio: FILE: what is wrong'.\n");
}

static const format *format_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

static const format *format_by_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcasecmp(formats[i].ext, dot) == 0)
            return &formats[i];
    return NULL;
}

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
    /* A regular file's size is known: one exact allocation (memory stays
     * proportional to the input). */
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
    if (!buf)
        snprintf(msg, cap, "out of memory");
    else if (ferror(f)) {
        snprintf(msg, cap, "%s", strerror(errno ? errno : EIO));
        free(buf);
        buf = NULL;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

/* ---- output: a temporary file beside the target, renamed when done ---- */

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

/* Warnings from the writers: one line each, naming the input. */
static void warn(void *user, const char *message)
{
    fprintf(stderr, "%s: %s: warning: %s\n", prog, (const char *)user, message);
}

static void remove_tmp(int sig)
{
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static int write_output(const folio_doc *doc, const format *fmt, const folio_write_opts *wo,
                        const char *path)
{
    folio_error err = { { 0 } };
    sink_file s = { stdout, 0 };
    int to_stdout = !path || strcmp(path, "-") == 0;
    if (!to_stdout) {
        int fd = -1;
        if (snprintf(tmp_path, sizeof tmp_path, "%s.folio-XXXXXX", path) < (int)sizeof tmp_path)
            fd = mkstemp(tmp_path);
        else
            errno = ENAMETOOLONG;
        if (fd < 0 || !(s.f = fdopen(fd, "wb"))) {
            fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(errno));
            if (fd >= 0)
                close(fd), unlink(tmp_path);
            tmp_path[0] = '\0';
            return EXIT_INPUT;
        }
        signal(SIGINT, remove_tmp);
        signal(SIGTERM, remove_tmp);
    }
    folio_status st = fmt->write(doc, wo, file_sink, &s, &err);
    int failed = st != FOLIO_OK;
    if (fflush(s.f) != 0 || ferror(s.f)) {
        failed = 1;
        if (!s.error)
            s.error = errno ? errno : EIO;
    }
    if (!to_stdout) {
        fchmod(fileno(s.f), 0644);
        if (fclose(s.f) != 0)
            failed = 1;
        if (!failed && rename(tmp_path, path) != 0)
            failed = 1;
        if (failed)
            unlink(tmp_path);
        tmp_path[0] = '\0';
    }
    if (failed) {
        /* The system's words for a write failure ("No space left on device",
         * "Broken pipe"); the writer's for anything else. */
        const char *what = s.error ? strerror(s.error)
                         : st != FOLIO_OK && err.message[0] ? err.message : strerror(errno ? errno : EIO);
        fprintf(stderr, "%s: %s: %s\n", prog, to_stdout ? "standard output" : path, what);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    enum { OPT_TITLE = 256, OPT_AUTHOR, OPT_DATE, OPT_LANG, OPT_SOURCE, OPT_KEEP, OPT_VERSION,
           OPT_VERTICAL, OPT_COVER, OPT_DEPTH, OPT_WIDTH, OPT_PAPER, OPT_FONT, OPT_CJK_FONT,
           OPT_ENCODING, OPT_STRICT };
    static const struct option longs[] = {
        { "to", required_argument, 0, 't' },      { "output", required_argument, 0, 'o' },
        { "title", required_argument, 0, OPT_TITLE }, { "author", required_argument, 0, OPT_AUTHOR },
        { "date", required_argument, 0, OPT_DATE },   { "lang", required_argument, 0, OPT_LANG },
        { "source", required_argument, 0, OPT_SOURCE },
        { "keep-boilerplate", no_argument, 0, OPT_KEEP },
        { "vertical", no_argument, 0, OPT_VERTICAL }, { "cover", required_argument, 0, OPT_COVER },
        { "outline-depth", required_argument, 0, OPT_DEPTH }, { "width", required_argument, 0, OPT_WIDTH },
        { "paper", required_argument, 0, OPT_PAPER }, { "font", required_argument, 0, OPT_FONT },
        { "cjk-font", required_argument, 0, OPT_CJK_FONT },
        { "encoding", required_argument, 0, OPT_ENCODING }, { "strict", no_argument, 0, OPT_STRICT },
        { "help", no_argument, 0, 'h' },          { "version", no_argument, 0, OPT_VERSION },
        { 0, 0, 0, 0 },
    };
    folio_read_opts ro = { 0 };
    folio_write_opts wo = { .epoch = -1 };
    const char *to = NULL, *output = NULL;
    int c;
    opterr = 0;
    /* A closed pipe is reported as a write error, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    while ((c = getopt_long(argc, argv, ":t:o:h", longs, NULL)) != -1) {
        switch (c) {
        case 't': to = optarg; break;
        case 'o': output = optarg; break;
        case OPT_TITLE: ro.title = optarg; break;
        case OPT_AUTHOR: ro.author = optarg; break;
        case OPT_DATE: ro.date = optarg; break;
        case OPT_LANG: ro.lang = optarg; break;
        case OPT_SOURCE: ro.source = optarg; break;
        case OPT_KEEP: ro.keep_boilerplate = 1; break;
        case OPT_VERTICAL: wo.vertical = 1; break;
        case OPT_COVER: wo.cover_path = optarg; break;
        case OPT_PAPER:
            if (strcasecmp(optarg, "a4") && strcasecmp(optarg, "letter") && strcasecmp(optarg, "a5"))
                usage_error("--paper takes a4, letter or a5, not '%s'", optarg);
            wo.paper = optarg;
            break;
        case OPT_FONT: wo.font = optarg; break;
        case OPT_ENCODING: ro.encoding = optarg; break;
        case OPT_STRICT: ro.strict = 1; break;
        case OPT_CJK_FONT: wo.cjk_font = optarg; break;
        case OPT_DEPTH:
            wo.outline_depth = number_arg(optarg, 1, 3, "--outline-depth");
            break;
        case OPT_WIDTH: {
            int w = number_arg(optarg, 0, 10000, "--width");
            wo.width = w == 0 ? -1 : w < 20 ? 20 : w;
            break;
        }
        case 'h': help(); return EXIT_OK;
        case OPT_VERSION: printf("folio %s\n", FOLIO_VERSION); return EXIT_OK;
        case ':': usage_error("option '%s' needs a value", argv[optind - 1]); break;
        default: usage_error("unknown option '%s'", argv[optind - 1]); break;
        }
    }
    if (optind >= argc)
        usage_error("%s", "no input file given");
    if (optind + 1 < argc)
        usage_error("one input file at a time; '%s' is extra", argv[optind + 1]);
    const char *input = argv[optind];
    struct stat in_st, out_st;
    if (output && strcmp(input, "-") != 0 && strcmp(output, "-") != 0 &&
        (strcmp(output, input) == 0 || (stat(input, &in_st) == 0 && stat(output, &out_st) == 0 &&
                                        in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)))
        usage_error("output '%s' would overwrite the input", output);

    const format *fmt = NULL;
    if (to && !(fmt = format_by_name(to)))
        usage_error("unknown format '%s' (formats: epub, pdf, outline, outline-md, opml, json)", to);
    if (!fmt && output && strcmp(output, "-") != 0 && !(fmt = format_by_path(output)))
        usage_error("cannot tell the format from '%s'; add -t FORMAT", output);
    if (!fmt)
        usage_error("%s", "no output format: add -t FORMAT or -o FILE.EXT");
    char beside[PATH_MAX];
    if (!output && fmt->binary) {
        if (strcmp(input, "-") == 0) {
            if (isatty(STDOUT_FILENO))
                usage_error("not writing %s to a terminal; add -o FILE", fmt->name);
        } else {
            /* article.txt -> article.epub, beside the input */
            const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
            size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
            if (snprintf(beside, sizeof beside, "%.*s%s", (int)stem, input, fmt->ext) >= (int)sizeof beside)
                usage_error("input path too long: %s", input);
            output = beside;
        }
    }
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end || v < 0)
            usage_error("SOURCE_DATE_EPOCH must be a number of seconds, not '%s'", sde);
        wo.epoch = v;
    }

    char msg[256];
    size_t len;
    char *text = slurp(input, &len, msg, sizeof msg);
    const char *shown = strcmp(input, "-") == 0 ? "standard input" : input;
    if (!text) {
        fprintf(stderr, "%s: %s: %s\n", prog, shown, msg);
        return EXIT_INPUT;
    }
    folio_doc *doc = NULL;
    folio_error err;
    ro.warn = warn;
    ro.warn_user = (void *)shown;
    folio_status st = folio_read_bytes(text, len, &ro, &doc, &err);
    free(text);
    if (st != FOLIO_OK) {
        /* usage errors here come from --date or --encoding */
        fprintf(stderr, "%s: %s: %s\n", prog, st == FOLIO_ERR_USAGE ? (strstr(err.message, "encoding") ? "--encoding" : "--date") : shown,
                err.message);
        return st == FOLIO_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    if (wo.vertical && doc->meta.lang && strcmp(doc->meta.lang, "zh") != 0 &&
        strcmp(doc->meta.lang, "ja") != 0 && strcmp(doc->meta.lang, "ko") != 0)
        fprintf(stderr, "%s: %s: note: --vertical applies to Chinese, Japanese and Korean text; ignored\n",
                prog, shown);
    wo.warn = warn;
    wo.warn_user = (void *)shown;
    int rc = write_output(doc, fmt, &wo, output);
    folio_doc_free(doc);
    return rc;
}
