#!/usr/bin/env python3
"""folio's benchmark: folio against pandoc, calibre and gzip on the same input.

Runs the commands of each comparison alternately (folio, other, folio, ...),
reports medians of wall time and user+sys CPU, the peak RSS and the output
size, and the ratio.  Writes the table to bench/results.md and prints it.
Never part of `make check`.

Usage: bench/bench.py [--runs N] [--quick]
"""
import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
FOLIO = os.path.join(ROOT, "folio")


def run(cmd, out=None, direct_wall=False):
    """Run once; return (wall, cpu, peak_rss_kb) or None if it failed.
    GNU time reports the command's own peak RSS (a forked Python child would
    carry the parent's high-water mark).  GNU time's own start-up (~1 ms)
    would swamp a run of a few milliseconds, so with direct_wall the wall
    time comes from a second run of the command alone."""
    stats = os.path.join(WORK, "time.txt")
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        status = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", stats] + cmd,
                                 stdout=open(out, "wb") if out else devnull, stderr=devnull)
        wall = time.perf_counter() - t0
        if status != 0:
            return None
        if direct_wall:
            t0 = time.perf_counter()
            subprocess.call(cmd, stdout=open(out, "wb") if out else devnull, stderr=devnull)
            wall = time.perf_counter() - t0
    user, sys_, rss = open(stats).read().split()[-3:]
    return wall, float(user) + float(sys_), int(rss)


def measure(cmds, runs, direct_wall=False):
    """cmds: list of (label, argv, stdout_file_or_None, output_path).  Alternate."""
    res = {c[0]: [] for c in cmds}
    for _ in range(runs):
        for label, argv, out, _ in cmds:
            r = run(argv, out, direct_wall)
            if r:
                res[label].append(r)
    table = {}
    for label, argv, out, path in cmds:
        rs = res[label]
        if not rs:
            table[label] = None
            continue
        size = os.path.getsize(path) if path and os.path.exists(path) else 0
        table[label] = (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
                        max(r[2] for r in rs), size)
    return table


def make_inputs(quick):
    os.makedirs(WORK, exist_ok=True)
    sources = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*.txt")))
    sources += sorted(glob.glob(os.path.join(ROOT, "tests", "samples", "*.txt")))
    blob = "\n\n".join(open(f, encoding="utf-8").read() for f in sources)
    sizes = [("1MB", 1 << 20), ("10MB", 10 << 20)] + ([] if quick else [("100MB", 100 << 20)])
    made = []
    for name, size in sizes:
        path = os.path.join(WORK, "big-%s.txt" % name)
        if not os.path.exists(path) or os.path.getsize(path) < size:
            with open(path, "w", encoding="utf-8") as f:
                n = 0
                while n < size:
                    f.write(blob)
                    f.write("\n\n")
                    n += len(blob.encode()) + 2
        made.append((name, path))
    return made


def make_pages(big_1mb):
    """Web pages: the largest saved page of the public corpora (when ../shared
    is there: a real page, mostly script and markup) and a 1 MB page of
    article text made from the 1 MB text input (paragraphs in <p>, a menu
    and a footer around them)."""
    pages = []
    saved = glob.glob(os.path.join(ROOT, "..", "shared", "corpus*", "*.html"))
    if saved:
        pages.append(("saved page", max(saved, key=os.path.getsize)))
    path = os.path.join(WORK, "big-1MB.html")
    if not os.path.exists(path):
        import html
        paras = [q.strip() for q in open(big_1mb, encoding="utf-8").read().split("\n\n") if q.strip()]
        out, n = [], 0
        for q in paras:
            out.append("<p>%s</p>\n" % html.escape(q).replace("\n", "<br>"))
            n += len(out[-1].encode())
            if n > 1 << 20:
                break
        with open(path, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long page</title>'
                    '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
                    '<h1>A long page</h1>\n' + "".join(out) + '</article><footer>Example</footer></body></html>')
    pages.append(("1MB.html", path))
    return pages


def page_rows(pages, runs, have):
    """folio against pandoc on web pages, document model to JSON both (pandoc
    keeps every menu: it is the speed of reading HTML at all, not of finding
    the article; to EPUB pandoc would fetch the page's remote pictures)."""
    rows = []
    for name, path in pages:
        o = lambda ext: os.path.join(WORK, "%s.%s" % (name.replace(" ", "-"), ext))
        t = measure([("folio -t epub", [FOLIO, path, "-t", "epub", "-o", o("folio.epub")], None, o("folio.epub"))],
                    runs, direct_wall=True)
        rows.append("| %s | folio -t epub | %s | - |" % (name, fmt(t["folio -t epub"])))
        cmds = [("folio -t json", [FOLIO, path, "-t", "json", "-o", o("folio.json")], None, o("folio.json"))]
        if have["pandoc"]:
            cmds.append(("pandoc -f html -t json", ["pandoc", "-f", "html", "-t", "json", path, "-o",
                                                     o("pandoc.json")], None, o("pandoc.json")))
        rows += compared(name, cmds, measure(cmds, runs, direct_wall=True))
        print("\n".join(rows[-3:]), flush=True)
    return rows


def compared(label, cmds, t):
    """Rows for folio (cmds[0]) and, when there is one, the other program
    (cmds[-1]) timed alternately: the other's time over folio's."""
    la, lb = cmds[0][0], cmds[-1][0]
    ratio = "%.1fx" % (t[lb][0] / t[la][0]) if len(cmds) > 1 and t.get(lb) and t.get(la) else "-"
    rows = ["| %s | %s | %s | %s |" % (label, la, fmt(t[la]), ratio)]
    if len(cmds) > 1:
        rows.append("| %s | %s | %s | |" % (label, lb, fmt(t.get(lb))))
    return rows


def secs(t):
    return "%.1f ms" % (t * 1000) if t < 0.1 else "%.3f s" % t


def fmt(v):
    if v is None:
        return "n/a"
    wall, cpu, rss, size = v
    return "%s | %s | %.1f MB | %.1f KB" % (secs(wall), secs(cpu), rss / 1024, size / 1024)


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")          # calibre, headless
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="skip the 100 MB input")
    a = ap.parse_args()
    ref = os.path.join(ROOT, "..", "shared", "corpus", "00.txt")
    if not os.path.exists(ref):
        ref = os.path.join(ROOT, "tests", "samples", "zh-library.txt")
    inputs = [("00.txt" if "corpus" in ref else "sample", ref)] + make_inputs(a.quick)
    have = {t: shutil.which(t) for t in ("pandoc", "ebook-convert", "gzip")}
    rows = []
    growth = {}
    for name, path in inputs:
        big = name.endswith("MB")
        runs = 1 if name == "100MB" else (2 if big else a.runs)
        o = lambda ext: os.path.join(WORK, "%s.%s" % (name, ext))
        F = lambda fmt, ext: [FOLIO, path, "-t", fmt, "-o", o("folio." + ext)]
        cal = ["ebook-convert", path]
        comps = [("folio -t epub", F("epub", "epub"), o("folio.epub"),
                  "pandoc -f markdown -t epub3", ["pandoc", "-f", "markdown", "-t", "epub3", path,
                                                  "-o", o("pandoc.epub")], o("pandoc.epub"), "pandoc"),
                 ("folio -t epub", F("epub", "epub"), o("folio.epub"),
                  "calibre ebook-convert (epub)", cal + [o("calibre.epub")], o("calibre.epub"), "calibre"),
                 ("folio -t pdf", F("pdf", "pdf"), o("folio.pdf"),
                  "calibre ebook-convert (pdf)", cal + [o("calibre.pdf")], o("calibre.pdf"), "calibre"),
                 ("folio -t epub", F("epub", "epub"), o("folio.epub"),
                  "gzip -6", ["gzip", "-6", "-c", path], o("gz"), "gzip"),
                 ("folio -t pdf", F("pdf", "pdf"), o("folio.pdf"),
                  "gzip -6", ["gzip", "-6", "-c", path], o("gz"), "gzip"),
                 ("folio -t outline", F("outline", "txt"), o("folio.txt"), None, None, None, None),
                 ("folio -t json", F("json", "json"), o("folio.json"), None, None, None, None)]
        for la, ca, pa, lb, cb, pb, tool in comps:
            # pandoc and calibre take minutes on the big inputs: reference sizes only
            if tool == "pandoc" and (not have["pandoc"] or name == "100MB"):
                lb = None
            if tool == "calibre" and (not have["ebook-convert"] or big):
                lb = None
            cmds = [(la, ca, None, pa)]
            if lb:
                cmds.append((lb, cb, pb if tool == "gzip" else None, pb))
            t = measure(cmds, runs, direct_wall=not big)
            if t.get(la):
                growth.setdefault(la, {})[name] = t[la][0]
            ratio = ""
            if lb and t.get(lb) and t.get(la):
                # against gzip the question is how far above the floor folio is
                ratio = ("folio/gzip %.2fx" % (t[la][0] / t[lb][0]) if tool == "gzip"
                         else "%.1fx" % (t[lb][0] / t[la][0]))
            rows.append("| %s | %s | %s | %s |" % (name, la, fmt(t[la]), ratio or "-"))
            if lb:
                rows.append("| %s | %s | %s | |" % (name, lb, fmt(t.get(lb))))
            print(rows[-2] if lb else rows[-1], flush=True)
    rows += page_rows(make_pages(dict(inputs)["1MB"]), a.runs, have)
    # Many articles at once: batch mode pays the start-up once per worker.
    copies = os.path.join(WORK, "batch-in")
    os.makedirs(copies, exist_ok=True)
    files = []
    for i in range(20):
        f = os.path.join(copies, "a%02d.txt" % i)
        shutil.copyfile(ref, f)
        files.append(f)
    outdir = os.path.join(WORK, "batch-out")
    label = "20 x %s" % inputs[0][0]
    cmds = [("folio -d OUT -t epub (20 files)", [FOLIO, "-q", "-d", outdir, "-t", "epub"] + files, None, None)]
    if have["pandoc"]:
        loop = " ".join("pandoc -f markdown -t epub3 %s -o %s.epub;" % (f, f) for f in files)
        cmds.append(("pandoc, 20 runs", ["sh", "-c", loop], None, None))
    rows += compared(label, cmds, measure(cmds, a.runs))
    print("\n".join(rows[-2:]), flush=True)
    head = ["| input | command | wall (median) | user+sys | peak RSS | output | other/folio |",
            "|---|---|---|---|---|---|---|"]
    text = "# folio benchmark\n\nMachine: %d cores; %s\n\n" % (os.cpu_count(), time.strftime("%Y-%m-%d")) + \
           "Wall: median; runs under 1 MB timed without the GNU time wrapper. user+sys and peak RSS: " \
           "GNU time (user+sys in 10 ms steps). folio's EPUB and PDF deflate on worker threads, so " \
           "user+sys can exceed wall.\n\n" + \
           "\n".join(head + [r.replace(" | ", " | ", 1) for r in rows]) + "\n"
    sizes = [n for n, _ in inputs if n.endswith("MB")]
    if len(sizes) > 1:
        text += "\n## Growth (wall seconds; x10 input should cost x10 time)\n\n"
        text += "| command | " + " | ".join(sizes) + " | " + \
                " | ".join("%s/%s" % (b, a) for a, b in zip(sizes, sizes[1:])) + " |\n"
        text += "|---" * (2 * len(sizes)) + "|\n"
        for label, by in growth.items():
            if not all(n in by for n in sizes):
                continue
            text += "| %s | " % label + " | ".join("%.3f" % by[n] for n in sizes) + " | " + \
                    " | ".join("%.1fx" % (by[b] / by[a]) for a, b in zip(sizes, sizes[1:])) + " |\n"
    with open(os.path.join(HERE, "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
