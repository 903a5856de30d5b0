/*
 * cli.h - the folio command (not the library): options in cli.c, file
 * handling in run.c, many files at once in batch.c.
 */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include "../convert/folio.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef folio_status (*writer_fn)(const folio_doc *, const folio_write_opts *, folio_sink_fn, void *,
                                  folio_error *);

/* The options a format takes, besides the reading options every one does. */
enum { TAKES_PAPER = 1, TAKES_FONTS = 2, TAKES_COVER = 4, TAKES_VERTICAL = 8, TAKES_DEPTH = 16,
       TAKES_WIDTH = 32, TAKES_CSS = 64, TAKES_EMBED = 128 };

typedef struct format {
    const char *name;
    const char *ext;      /* output file extension, with the dot */
    int binary;           /* never written to a terminal by default */
    writer_fn write;
    unsigned takes;       /* TAKES_* */
} format;

#define MAX_FORMATS 8

/* One conversion job: the options, the formats, where outputs go. */
typedef struct job {
    folio_read_opts ro;
    folio_write_opts wo;
    const format *fmts[MAX_FORMATS];
    int n_fmts;
    const char *outdir;   /* batch: every output goes here */
    int quiet;            /* batch: no per-file errors on a progress line */
    int explain;          /* 1: print each line's label and why; 2: the feature table */
    int smart;            /* typographic punctuation: 0 off, 1 Latin-script text, 2 always */
    int cjk_punct;        /* full-width punctuation beside CJK letters (zh, ja) */
    int from;             /* FROM_AUTO: by extension, then by the first bytes; FROM_TEXT, FROM_HTML */
} job;

enum { FROM_AUTO = 0, FROM_TEXT, FROM_HTML };

extern const char *cli_prog;

/* Convert one input to every format of the job.  `output` (single mode) is
 * a path, "-" or NULL (standard output for text, beside the input for binary
 * formats); in batch mode outputs go to job->outdir.  Prints one line per
 * error; returns an exit status. */
int cli_convert_one(const job *j, const char *input, const char *output);

/* Several inputs as one book (a digest, folio_doc_digest): the collection
 * titled `title` (NULL: the first article's).  `output` as for
 * cli_convert_one; no input is written.  Returns an exit status. */
int cli_convert_digest(const job *j, const char **inputs, int n, const char *output, const char *title);

/* The output path of `input` in format `fmt`: DIR/stem.ext (batch) or
 * stem.ext beside the input.  0 if it does not fit in cap bytes. */
int cli_output_path(const char *input, const char *dir, const format *fmt, char *out, size_t cap);

/* Convert many inputs with `jobs` worker processes; a summary line at the
 * end, a progress bar on a terminal unless quiet.  Returns 1 if any failed. */
int cli_batch(const job *j, const char **inputs, int n, int jobs, int quiet);

#endif
