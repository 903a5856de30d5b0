/*
 * batch.c - many inputs at once: `folio -d OUT -t epub,pdf FILE...`.
 *
 * Each input is converted in a worker process (at most `jobs` at a time), so
 * one bad file, even one that crashes, cannot stop the rest.  On a terminal
 * a progress line shows files done, elapsed time and rate; the summary line
 * is printed at the end.  Outputs are deterministic, so a batch can as well
 * be split across machines by any job runner.
 */
#include "cli.h"
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void progress(int done, int total, int failed, double start, bool tty)
{
    if (!tty)
        return;
    double el = now() - start;
    int width = 28, fill = total ? done * width / total : width;
    fprintf(stderr, "\r[%.*s%*s] %d/%d files  %.1f s  %.1f files/s%s", fill,
            "############################", width - fill, "", done, total, el, el > 0 ? done / el : 0.0,
            failed ? "  (some failed)" : "");
    fflush(stderr);
}

static pid_t start_one(const job *j, const char *input)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        _exit(cli_convert_one(j, input, NULL));
    }
    return pid;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Refuse, before any work, a batch whose outputs would overwrite each other
 * (a/x.txt and b/x.txt both give OUT/x.epub) or standard input as a file. */
static bool outputs_distinct(const job *j, const char **inputs, int n)
{
    char **paths = calloc((size_t)n * (size_t)j->n_fmts + 1, sizeof *paths);
    int k = 0;
    bool ok = paths != NULL;
    for (int i = 0; ok && i < n; i++) {
        if (strcmp(inputs[i], "-") == 0) {
            fprintf(stderr, "%s: standard input ('-') cannot be part of a batch: convert it with -o FILE\n", cli_prog);
            ok = false;
        }
        for (int f = 0; ok && f < j->n_fmts; f++) {
            char path[PATH_MAX];
            if (cli_output_path(inputs[i], j->outdir, j->fmts[f], path, sizeof path) &&
                !(paths[k++] = strdup(path)))
                ok = false;
        }
    }
    if (ok) {
        qsort(paths, (size_t)k, sizeof *paths, cmp_str);
        for (int i = 1; ok && i < k; i++)
            if (strcmp(paths[i - 1], paths[i]) == 0) {
                fprintf(stderr, "%s: %s: two inputs have the same name; rename one or convert them into separate folders\n",
                        cli_prog, paths[i]);
                ok = false;
            }
    }
    for (int i = 0; paths && i < k; i++)
        free(paths[i]);
    free(paths);
    return ok;
}

int cli_batch(const job *j, const char **inputs, int n, int jobs, int quiet)
{
    struct stat st;
    if (!outputs_distinct(j, inputs, n))
        return EXIT_USAGE;
    if (mkdir(j->outdir, 0777) != 0 && (errno != EEXIST || stat(j->outdir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "%s: %s: cannot make the output folder: %s\n", cli_prog, j->outdir,
                errno == EEXIST ? "not a folder" : strerror(errno));
        return EXIT_INPUT;
    }
    if (jobs <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (int)cores : 1;
    }
    bool tty = !quiet && isatty(STDERR_FILENO);
    double start = now();
    int next = 0, running = 0, done = 0, failed = 0;
    pid_t *pids = calloc((size_t)n, sizeof *pids);
    if (!pids) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        return EXIT_INPUT;
    }
    while (done < n) {
        while (running < jobs && next < n) {
            if ((pids[next] = start_one(j, inputs[next])) < 0) {
                fprintf(stderr, "%s: %s: cannot start a worker: %s\n", cli_prog, inputs[next], strerror(errno));
                failed++, done++;
            } else {
                running++;
            }
            next++;
        }
        int status;
        pid_t pid = wait(&status);
        if (pid < 0)
            break;
        running--;
        done++;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            failed++;
            int who = 0;
            while (who < n && pids[who] != pid)
                who++;
            if (WIFSIGNALED(status))
                fprintf(stderr, "%s%s: %s: the conversion died (%s)\n", tty ? "\n" : "", cli_prog,
                        who < n ? inputs[who] : "?", strsignal(WTERMSIG(status)));
        }
        progress(done, n, failed, start, tty);
    }
    free(pids);
    if (tty)
        fputc('\n', stderr);
    double el = now() - start;
    if (!quiet || failed)
        fprintf(stderr, "%s: %d file%s, %d format%s, %d failed, %.2f s\n", cli_prog, n, n == 1 ? "" : "s",
                j->n_fmts, j->n_fmts == 1 ? "" : "s", failed, el);
    return failed ? EXIT_INPUT : EXIT_OK;
}
