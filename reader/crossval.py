#!/usr/bin/python3
"""Honest figures for the reader: fit the weights without the pages that are
then scored, and score them with ../shared/tools/score-structure.

Usage: reader/crossval.py [--scheme sets|pages|silver] [--folds K] [--html]

  sets    fit on two public sets, score the third (three fits)
  pages   K folds over all public pages, split by page (default K=6)
  silver  leave one page out on corpus-silver (35 fits; the other sets are
          always in the training data)

Each fold gets its own folio binary, linked with that fold's weight table;
a small dispatcher hands every page to the binary that did not see it, so
one run of the scorer prints the cross-validated lines per set.  Needs the
objects of a normal build (`make`) and python3-sklearn.
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["corpus", "corpus-silver", "corpus-cjk"]


def pages(shared):
    out = []
    for s in SETS:
        d = os.path.join(shared, s)
        for f in sorted(os.listdir(d)):
            if f.endswith(".json") and os.path.exists(os.path.join(d, f[:-5] + ".txt")):
                out.append("%s/%s" % (s, f[:-5]))
    return out


def folds(scheme, all_pages, k):
    if scheme == "sets":
        return [[p for p in all_pages if p.startswith(s + "/")] for s in SETS]
    if scheme == "silver":
        return [[p] for p in all_pages if p.startswith("corpus-silver/")]
    return [all_pages[i::k] for i in range(k)]


def make_var(name):
    return subprocess.run(["make", "-s", "-C", ROOT, "print-" + name], capture_output=True,
                          check=True).stdout.decode().split()


def build(tmp, i, held_out, shared, extra):
    weights = os.path.join(tmp, "weights%d.c" % i)
    subprocess.run([sys.executable, os.path.join(ROOT, "reader/train.py"), "--folio",
                    os.path.join(ROOT, "folio"), "--shared", shared, "--out", weights] + extra +
                   ["--exclude"] + held_out, check=True, capture_output=True)
    obj = weights[:-2] + ".o"
    subprocess.run(["cc", "-c", "-O2", "-I", os.path.join(ROOT, "reader"), "-I",
                    os.path.join(ROOT, "convert"), weights, "-o", obj], check=True)
    objs = [os.path.join(ROOT, o) for o in make_var("cli-obj")]
    objs += [os.path.join(ROOT, s[:-2] + ".o") for s in make_var("lib-src") if not s.endswith("weights.c")]
    binary = os.path.join(tmp, "folio%d" % i)
    subprocess.run(["cc", "-o", binary] + objs + [obj] + make_var("ldlibs"), check=True)
    return binary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scheme", default="sets", choices=["sets", "pages", "silver"])
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--C", help="passed to train.py")
    ap.add_argument("--title-C", help="passed to train.py")
    ap.add_argument("--title-drop", nargs="*", default=[], help="passed to train.py")
    ap.add_argument("--drop", nargs="*", default=[], help="passed to train.py")
    ap.add_argument("--trans-scale", help="passed to train.py")
    ap.add_argument("--no-augment", action="store_true", help="passed to train.py")
    ap.add_argument("--text-from-html", action="store_true", help="passed to train.py")
    ap.add_argument("--hand-weight", help="passed to train.py")
    ap.add_argument("--keep", action="store_true", help="keep the fold binaries and print where")
    a = ap.parse_args()
    shared = os.path.realpath(a.shared)  # the dispatcher compares resolved paths
    all_pages = pages(shared)
    tmp = tempfile.mkdtemp(prefix="folio-cv-")
    try:
        table = []
        for i, held in enumerate(folds(a.scheme, all_pages, a.folds)):
            extra = (["--C", a.C] if a.C else []) + (["--drop"] + a.drop if a.drop else [])
            extra += ["--trans-scale", a.trans_scale] if a.trans_scale else []
            extra += ["--title-C", a.title_C] if a.title_C else []
            extra += ["--title-drop"] + a.title_drop if a.title_drop else []
            extra += ["--no-augment"] if a.no_augment else []
            extra += ["--text-from-html"] if a.text_from_html else []
            extra += ["--hand-weight", a.hand_weight] if a.hand_weight else []
            binary = build(tmp, i, held, shared, extra)
            for p in held:
                table.append((os.path.join(shared, p), binary))
        disp = os.path.join(tmp, "folio")
        with open(disp, "w") as f:
            f.write("#!/bin/sh\n# the binary that did not see this page\nfor a; do last=$a; done\n"
                    "last=$(realpath \"$last\")\ncase \"${last%.*}\" in\n")
            for page, binary in table:
                f.write("  %s) exec %s \"$@\";;\n" % (page, binary))
            f.write("esac\necho \"crossval: no fold for $last\" >&2; exit 1\n")
        os.chmod(disp, os.stat(disp).st_mode | stat.S_IEXEC)
        cmd = [os.path.join(shared, "tools/score-structure"), "--folio", disp]
        if a.html:
            cmd.append("--html")
        if a.verbose:
            cmd.append("--verbose")
        out = subprocess.run(cmd, capture_output=True).stdout.decode()
        lines = out.splitlines()
        print("\n".join(lines if a.verbose else lines[-4:]))
    finally:
        if a.keep:
            print("crossval: fold binaries and dispatcher in " + tmp)
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
