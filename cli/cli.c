/*
 * cli.c - the folio command.  The command owns files: it reads the input,
 * picks the writer, and writes the output through a temporary file that is
 * renamed into place only when complete, so a failure never leaves a
 * half-written file behind.
 */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static const format formats[] = {
    { "json", ".json", 0, folio_write_json, 0 },
    { "epub", ".epub", 1, folio_write_epub, TAKES_COVER | TAKES_VERTICAL | TAKES_CSS | TAKES_EMBED },
    { "pdf", ".pdf", 1, folio_write_pdf, TAKES_PAPER | TAKES_FONTS },
    { "outline", ".txt", 0, folio_write_outline, TAKES_DEPTH | TAKES_WIDTH },
    { "outline-md", ".md", 0, folio_write_outline_md, TAKES_DEPTH | TAKES_WIDTH },
    { "opml", ".opml", 0, folio_write_opml, TAKES_DEPTH },
};

/* An option no chosen format takes is a one-line note, not silence
 * (`-o x.epub --paper a5` would otherwise look accepted). */
static void note_unused_options(const job *j)
{
    static const struct { unsigned flag; const char *option, *formats; } opts[] = {
        { TAKES_PAPER, "--paper", "PDF" }, { TAKES_FONTS, "--font/--cjk-font/--sans", "PDF" },
        { TAKES_COVER, "--cover", "EPUB" }, { TAKES_VERTICAL, "--vertical", "EPUB" },
        { TAKES_CSS, "--css", "EPUB" }, { TAKES_EMBED, "--embed-font", "EPUB" },
        { TAKES_DEPTH, "--outline-depth", "the outlines and OPML" },
        { TAKES_WIDTH, "--width", "the plain and Markdown outlines" },
    };
    const folio_write_opts *w = &j->wo;
    unsigned given = (w->paper ? TAKES_PAPER : 0) | (w->font || w->cjk_font || w->sans ? TAKES_FONTS : 0) |
                     (w->cover_path ? TAKES_COVER : 0) | (w->vertical ? TAKES_VERTICAL : 0) |
                     (w->css_path ? TAKES_CSS : 0) | (w->n_embed_fonts ? TAKES_EMBED : 0) |
                     (w->outline_depth ? TAKES_DEPTH : 0) | (w->width ? TAKES_WIDTH : 0), taken = 0;
    for (int i = 0; i < j->n_fmts; i++)
        taken |= j->fmts[i]->takes;
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
        if ((given & opts[k].flag) && !(taken & opts[k].flag))
            fprintf(stderr, "%s: note: %s applies to %s only; ignored for %s%s\n", cli_prog, opts[k].option,
                    opts[k].formats, j->fmts[0]->name, j->n_fmts > 1 ? " and the other formats" : "");
}

const char *cli_prog = "folio";
#define prog cli_prog

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
"  or:  folio [options] INPUT... -o BOOK\n"
"  or:  folio [options] -d DIR -t FORMAT INPUT...\n"
"\n"
"INPUT is a text file copied or scraped from a web page, a web page saved as\n"
"HTML, or - for standard input.  folio finds the title, byline, date, headings, quotes,\n"
"captions and notes, drops the page furniture (menus, share buttons,\n"
"related links, footers) and lists every dropped line with its reason.\n"
"One input makes one output; several make one book (a digest) with -o, or\n"
"one output each with -d DIR.\n"
"\n"
"Examples:\n"
"  folio article.txt -t epub              writes article.epub beside article.txt\n"
"  folio article.txt -o book.epub --vertical   vertical text for Chinese/Japanese\n"
"  folio article.txt -t pdf --paper letter   a printable brief\n"
"  folio article.txt -t outline           numbered headings and key sentences\n"
"  folio article.txt -o notes.opml        the outline for an outliner app\n"
"  folio article.txt --to json            the document model on standard output\n"
"  folio article.txt -o article.json      the same, into a file\n"
"  folio page.html -t epub                a saved web page: its article alone\n"
"  curl -s URL | folio - -t json          (a page on standard input is\n"
"                                         recognised by its first bytes)\n"
"  folio article.txt -t json --title \"A better title\" --author \"Ann Lee; Bo Chen\"\n"
"  folio a.txt b.txt c.txt -o week.epub --title \"Weekly reading\"   a digest\n"
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
"      --smart, --no-smart  curly quotes and apostrophes, -- and --- as en and\n"
"                        em dashes, ... as an ellipsis in EPUB, PDF and the\n"
"                        outlines (never in code, never in JSON, which keeps\n"
"                        the text as read).  Default: on for Latin-script\n"
"                        text, off for Chinese, Japanese and Korean; --smart\n"
"                        turns it on for those too\n"
"      --no-cjk-punct    keep ASCII , : ; ? ! ( ) beside Chinese and Japanese\n"
"                        characters as typed (default: their full-width forms,\n"
"                        as Chinese and Japanese books set them; not in JSON)\n"
"      --explain         print each line's label, how sure the reader is (the\n"
"                        margin over the runner-up) and the three features that\n"
"                        decided it, instead of converting\n"
"      --features        print every line's feature values (the table that\n"
"                        'make train' fits the reader's weights on)\n"
"      --from FORMAT     read the input as html or text (default: .html, .htm\n"
"                        and .xhtml files, and input that starts like a web\n"
"                        page, are read as HTML)\n"
"      --encoding NAME   the input's encoding (GB18030, BIG5, SHIFT_JIS, EUC-KR,\n"
"                        WINDOWS-1252, ...; any 'iconv -l' name); default: a BOM,\n"
"                        UTF-8, or detected\n"
"      --strict          refuse input with invalid bytes instead of replacing\n"
"                        them with U+FFFD\n"
"      --vertical        EPUB: vertical writing and right-to-left page order\n"
"                        (Chinese and Japanese text)\n"
"      --cover FILE      EPUB: a JPEG or PNG cover image (default: no cover)\n"
"      --css FILE        EPUB: your stylesheet, applied after folio's (as\n"
"                        pandoc's --css)\n"
"      --embed-font FILE EPUB: put a font (TrueType, OpenType, WOFF, WOFF2) in\n"
"                        the book, with an @font-face; the first one given\n"
"                        sets the text; repeatable (pandoc's\n"
"                        --epub-embed-font)\n"
"      --paper SIZE      PDF: a4 (default), letter, a5\n"
"      --font FAMILY     PDF: font for Latin text, a family name or a .ttf file\n"
"                        (default Noto Serif)\n"
"      --cjk-font FAMILY PDF: font for Chinese/Japanese/Korean text, a family\n"
"                        name or a font file (default Noto Serif CJK in the\n"
"                        document's variant where installed, else Droid Sans\n"
"                        Fallback); TrueType or OpenType/CFF outlines\n"
"      --sans            PDF: sans-serif with sans-serif (Noto Sans, Noto Sans\n"
"                        CJK) instead of the default serif faces\n"
"  -d, --output-dir DIR  batch: write every output here (FILE.ext per input)\n"
"  -j, --jobs N          batch: N files at a time (default: the number of cores)\n"
"  -q, --quiet           batch: no progress bar, no summary unless something failed\n"
"      --outline-depth N outline: 1 headings only, 2 key sentences (default),\n"
"                        3 every sentence\n"
"      --width N         outline: wrap at N columns (default 80, 0 = no wrap);\n"
"                        CJK characters take two columns, and in a Chinese,\n"
"                        Japanese or Korean document so do “ ” · — …; the\n"
"                        Markdown outline never breaks a line inside CJK text\n"
"  -h, --help            this help\n"
"      --version         print the version\n"
"\n"
"Environment: SOURCE_DATE_EPOCH (seconds) sets every timestamp in the output;\n"
"without it the article's date is used, so the same input gives the same file.\n"
"\n"
"Several inputs without -d make one book (a digest): each article is a part\n"
"with its own title, byline and sections in the table of contents, the PDF\n"
"bookmarks and the outline; --title names the collection (default: the\n"
"first article's title).  Any input that cannot be read stops the book.\n"
"\n"
"Many files, one output each: folio -d OUTDIR -t epub,pdf,outline FILE...\n"
"(-j N parallel jobs, default one per core; -q quiet).  One failing file\n"
"does not stop the rest; a summary line at the end; exit status 1 if any\n"
"failed.\n"
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

/* "epub,pdf,outline" into the formats it names; a usage error otherwise. */
static int parse_formats(const char *list, const format **out)
{
    int n = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        char name[32];
        if (len > 0) {
            snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
            const format *f = len < sizeof name ? format_by_name(name) : NULL;
            if (!f)
                usage_error("unknown format '%s' (formats: epub, pdf, outline, outline-md, opml, json)", name);
            if (n == MAX_FORMATS)
                usage_error("too many formats in '%s'", list);
            out[n++] = f;
        }
        p += len + (p[len] == ',');
    }
    if (!n)
        usage_error("no format in '%s'", list);
    return n;
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

int main(int argc, char **argv)
{
    enum { OPT_TITLE = 256, OPT_AUTHOR, OPT_DATE, OPT_LANG, OPT_SOURCE, OPT_KEEP, OPT_VERSION,
           OPT_VERTICAL, OPT_COVER, OPT_DEPTH, OPT_WIDTH, OPT_PAPER, OPT_FONT, OPT_CJK_FONT, OPT_SANS,
           OPT_ENCODING, OPT_STRICT, OPT_JOBS, OPT_EXPLAIN, OPT_FEATURES, OPT_SMART, OPT_NO_SMART, OPT_NO_CJK_PUNCT, OPT_CSS, OPT_FROM, OPT_EMBED_FONT };
    static const struct option longs[] = {
        { "to", required_argument, 0, 't' },      { "output", required_argument, 0, 'o' },
        { "title", required_argument, 0, OPT_TITLE }, { "author", required_argument, 0, OPT_AUTHOR },
        { "date", required_argument, 0, OPT_DATE },   { "lang", required_argument, 0, OPT_LANG },
        { "source", required_argument, 0, OPT_SOURCE },
        { "keep-boilerplate", no_argument, 0, OPT_KEEP },
        { "smart", no_argument, 0, OPT_SMART }, { "no-smart", no_argument, 0, OPT_NO_SMART },
        { "no-cjk-punct", no_argument, 0, OPT_NO_CJK_PUNCT }, { "css", required_argument, 0, OPT_CSS },
        { "vertical", no_argument, 0, OPT_VERTICAL }, { "cover", required_argument, 0, OPT_COVER },
        { "outline-depth", required_argument, 0, OPT_DEPTH }, { "width", required_argument, 0, OPT_WIDTH },
        { "paper", required_argument, 0, OPT_PAPER }, { "font", required_argument, 0, OPT_FONT },
        { "cjk-font", required_argument, 0, OPT_CJK_FONT }, { "sans", no_argument, 0, OPT_SANS },
        { "from", required_argument, 0, OPT_FROM }, { "embed-font", required_argument, 0, OPT_EMBED_FONT }, { "encoding", required_argument, 0, OPT_ENCODING }, { "strict", no_argument, 0, OPT_STRICT },
        { "output-dir", required_argument, 0, 'd' }, { "jobs", required_argument, 0, 'j' },
        { "quiet", no_argument, 0, 'q' },
        { "explain", no_argument, 0, OPT_EXPLAIN }, { "features", no_argument, 0, OPT_FEATURES },
        { "help", no_argument, 0, 'h' },          { "version", no_argument, 0, OPT_VERSION },
        { 0, 0, 0, 0 },
    };
    folio_read_opts ro = { 0 };
    folio_write_opts wo = { .epoch = -1 };
    int smart = 1, cjk_punct = 1;
    const char *to = NULL, *output = NULL, *outdir = NULL;
    int jobs = 0, quiet = 0, explain = 0, from = FROM_AUTO;
    static const char *embed[16];
    int c;
    opterr = 0;
    /* A closed pipe is reported as a write error, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    while ((c = getopt_long(argc, argv, ":t:o:d:j:qh", longs, NULL)) != -1) {
        switch (c) {
        case 't': to = optarg; break;
        case 'o': output = optarg; break;
        case 'd': outdir = optarg; break;
        case 'j': jobs = number_arg(optarg, 1, 256, "-j"); break;
        case 'q': quiet = 1; break;
        case OPT_EXPLAIN: explain = 1; break;
        case OPT_FEATURES: explain = 2; break;
        case OPT_TITLE: ro.title = optarg; break;
        case OPT_AUTHOR: ro.author = optarg; break;
        case OPT_DATE: ro.date = optarg; break;
        case OPT_LANG: ro.lang = optarg; break;
        case OPT_SOURCE: ro.source = optarg; break;
        case OPT_KEEP: ro.keep_boilerplate = 1; break;
        case OPT_SMART: smart = 2; break;
        case OPT_NO_SMART: smart = 0; break;
        case OPT_NO_CJK_PUNCT: cjk_punct = 0; break;
        case OPT_VERTICAL: wo.vertical = 1; break;
        case OPT_COVER: wo.cover_path = optarg; break;
        case OPT_CSS: wo.css_path = optarg; break;
        case OPT_EMBED_FONT:
            if (wo.n_embed_fonts == sizeof embed / sizeof embed[0])
                usage_error("--embed-font takes at most 16 fonts, not more: '%s'", optarg);
            embed[wo.n_embed_fonts++] = optarg;
            wo.embed_fonts = embed;
            break;
        case OPT_PAPER:
            if (strcasecmp(optarg, "a4") && strcasecmp(optarg, "letter") && strcasecmp(optarg, "a5"))
                usage_error("--paper takes a4, letter or a5, not '%s'", optarg);
            wo.paper = optarg;
            break;
        case OPT_FONT: wo.font = optarg; break;
        case OPT_ENCODING: ro.encoding = optarg; break;
        case OPT_FROM:
            if (strcasecmp(optarg, "html") && strcasecmp(optarg, "text"))
                usage_error("--from takes html or text, not '%s'", optarg);
            from = strcasecmp(optarg, "html") == 0 ? FROM_HTML : FROM_TEXT;
            break;
        case OPT_STRICT: ro.strict = 1; break;
        case OPT_CJK_FONT: wo.cjk_font = optarg; break;
        case OPT_SANS: wo.sans = 1; break;
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
        case ':': {
            char shortopt[3] = { '-', (char)optopt, 0 };
            usage_error("option '%s' needs a value", optopt > 0 && optopt < 128 ? shortopt : argv[optind - 1]);
            break;
        }
        default: {
            char shortopt[3] = { '-', (char)optopt, 0 };
            usage_error("unknown option '%s'", optopt > 0 && optopt < 128 ? shortopt : argv[optind - 1]);
            break;
        }
        }
    }
    if (optind >= argc)
        usage_error("%s", "no input file given");
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        /* The formats hold four-digit years: up to 9999-12-31T23:59:59Z. */
        if (*end || errno || v < 0 || v > 253402300799LL)
            usage_error("SOURCE_DATE_EPOCH must be seconds from 0 to 253402300799 (year 9999), not '%s'", sde);
        wo.epoch = v;
    }
    job j = { .ro = ro, .wo = wo, .explain = explain, .smart = smart, .cjk_punct = cjk_punct, .from = from };
    if (explain) {
        if (optind + 1 < argc || outdir || output || to)
            usage_error("%s", explain == 1 ? "--explain reads one input and prints to standard output"
                                           : "--features reads one input and prints to standard output");
        return cli_convert_one(&j, argv[optind], NULL);
    }
    if (outdir) {
        if (output)
            usage_error("%s", "-o names one output; with -d every input gets its own");
        if (!to)
            usage_error("%s", "-d needs -t FORMAT[,FORMAT...]");
        j.n_fmts = parse_formats(to, j.fmts);
        j.outdir = outdir;
        note_unused_options(&j);
        return cli_batch(&j, (const char **)argv + optind, argc - optind, jobs, quiet);
    }
    const char *input = argv[optind];
    int digest = optind + 1 < argc;
    if (to && strchr(to, ','))
        usage_error("several formats need -d OUTDIR ('%s')", to);
    if (to)
        parse_formats(to, j.fmts);
    else if (!output || strcmp(output, "-") == 0 || !(j.fmts[0] = format_by_path(output)))
        usage_error("%s", output && strcmp(output, "-") != 0 ? "cannot tell the format from the output's name; add -t FORMAT"
                                                             : "no output format: add -t FORMAT or -o FILE.EXT");
    j.n_fmts = 1;
    note_unused_options(&j);
    if (!output && j.fmts[0]->binary && strcmp(input, "-") == 0 && isatty(STDOUT_FILENO))
        usage_error("not writing %s to a terminal; add -o FILE", j.fmts[0]->name);
    if (digest) {
        /* several inputs, one book: --title names the collection; the
         * other metadata stays each article's own */
        if (!output && j.fmts[0]->binary)
            usage_error("several inputs make one %s: name it with -o FILE (or use -d DIR for one book each)",
                        j.fmts[0]->name);
        if (ro.author || ro.date || ro.source)
            usage_error("%s", "--author, --date and --source describe one article; a digest keeps each article's own");
        const char *title = j.ro.title;
        j.ro.title = NULL;
        return cli_convert_digest(&j, (const char **)argv + optind, argc - optind, output, title);
    }
    return cli_convert_one(&j, input, output);
}
