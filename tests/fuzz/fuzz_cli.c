/* libFuzzer: the folio command's options.  The input is an argument list
 * (arguments separated by NUL or newline); the command runs in a scratch
 * folder holding an article (a.txt, b.txt), a cover (c.png) and a font
 * (f.ttf).  Built with the CLI's sources, main renamed and exit() turned
 * into a jump back here (run.sh).  Left out: -d and -j (batch mode forks
 * workers) and any '/' in an argument (nothing outside the scratch folder
 * is touched). */
#include <dirent.h>
#include <getopt.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int folio_cli_main(int argc, char **argv);

static jmp_buf back;
static int exited;

void fuzz_exit(int status)
{
    exited = status;
    longjmp(back, 1);
}

static char scratch[64];

/* The scratch folder with its fixtures, made once; what a run writes is
 * removed after it. */
static void setup(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/fuzz-cli-%d", (int)getpid());
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && cp tests/samples/en-harbour.txt %s/a.txt && cp tests/samples/zh-library.txt %s/b.txt"
             " && cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf %s/f.ttf"
             " && printf '\\211PNG\\r\\n\\032\\n' > %s/c.png",
             scratch, scratch, scratch, scratch, scratch);
    if (system(cmd) != 0 || chdir(scratch) != 0 || !freopen("/dev/null", "r", stdin) ||
        !freopen("/dev/null", "w", stdout))
        abort();
}

static void clean(void)
{
    DIR *d = opendir(".");
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' && strcmp(e->d_name, "a.txt") && strcmp(e->d_name, "b.txt") &&
            strcmp(e->d_name, "c.png") && strcmp(e->d_name, "f.ttf"))
            unlink(e->d_name);
    if (d)
        closedir(d);
}

static int dropped(const char *a)
{
    return strcmp(a, "-d") == 0 || strncmp(a, "--output-dir", 12) == 0 || strncmp(a, "-j", 2) == 0 ||
           strncmp(a, "--jobs", 6) == 0 || strcmp(a, "--features") == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!scratch[0])
        setup();
    if (size > 4096)
        return 0;
    char buf[4097];
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *args[64];
    int n = 0;
    for (size_t i = 0, start = 0; i <= size && n < 64; i++)
        if (i == size || buf[i] == '\0' || buf[i] == '\n') {
            buf[i] = '\0';
            for (char *p = buf + start; *p; p++)
                if (*p == '/')
                    *p = '_';
            args[n++] = buf + start;
            start = i + 1;
        }
    char *argv[18] = { "folio" };
    int argc = 1;
    for (int k = 0; k < n && argc < 17; k++) {
        if (dropped(args[k])) {
            k++; /* and its value */
            continue;
        }
        argv[argc++] = args[k];
    }
    argv[argc] = NULL;
    optind = 0; /* getopt starts afresh */
    if (!setjmp(back))
        folio_cli_main(argc, argv);
    clean();
    return 0;
}
