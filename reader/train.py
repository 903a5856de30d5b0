#!/usr/bin/python3
"""Fit the reader's line labeller on the public corpora and write the weight
table the build compiles (reader/weights.c).

Usage: reader/train.py [--folio ./folio] [--shared ../shared] [--out reader/weights.c]
                       [--sets corpus,corpus-silver,corpus-cjk] [--exclude SET/NN ...]

For every page NN.txt with an NN.json beside it, `folio --features NN.txt`
gives each unit's first and last line and its feature values; the unit's
label is the gold line_labels letter of its first line (Q is read as P: a
block quote is invisible in copied text and the rules mark the ones that
are introduced or repeated).  A multinomial logistic regression (Debian's
python3-sklearn, lbfgs, deterministic) is fitted on standardised features,
with the scaling folded into the weights; label-to-label transitions are
counted over the same pages (add-one smoothing) for the Viterbi decode.
Nothing is downloaded; the same pages give the same table, byte for byte.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

LABELS = "TMSHPCNRKBD"
MAP = {"Q": "P", "q": "P", "c": "C"}
C_REG = 0.5
TITLE_C = 0.1
TRANS_SCALE = 1.0
HAND_WEIGHT = 1.0


def page_rows(folio, path):
    """Feature names and a row per unit: first line, last line, values, text."""
    out = subprocess.run([folio, "--features", path], capture_output=True, check=True).stdout.decode()
    lines = out.split("\n")
    names = lines[0].split("\t")[2:-1]
    rows = []
    for line in lines[1:]:
        if not line:
            continue
        parts = line.split("\t")
        rows.append((int(parts[0]), int(parts[1]), [float(v) for v in parts[2:-1]], parts[-1]))
    return names, rows


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def label_of(c):
    c = MAP.get(c, c)
    return c if c in LABELS else "B"


def article_only(text, labels, box=False):
    """The page as a reader who copied only the article would give it: the
    lines of the page that are not furniture (B) or copies (D), blank lines
    kept where they stand.  With box, a run of the page's own furniture
    (three lines from the middle of it) stands a third of the way into the
    article, as a newsletter box or a "Related" list does.  Returns the text
    and its labels."""
    lines = text.split("\n")
    boiler = [line for i, line in enumerate(lines) if i < len(labels) and labels[i] == "B" and line.strip()]
    paras = [i for i, c in enumerate(labels) if c == "P"]
    at = paras[len(paras) // 3] if box and len(paras) >= 3 and len(boiler) >= 3 else -1
    keep_text, keep_labels = [], ""
    for i, line in enumerate(lines):
        c = labels[i] if i < len(labels) else "."
        if i == at:
            mid = len(boiler) // 2
            keep_text += boiler[mid - 1:mid + 2] + [""]
            keep_labels += "BBB."
        if c in "BD":
            continue
        if c == "." and keep_labels.endswith("."):
            continue
        keep_text.append(line)
        keep_labels += c
    return "\n".join(keep_text), keep_labels


def add_page(folio, path, labels, page_id, X, y, pages):
    names, rows = page_rows(folio, path)
    for first, _last, values, _text in rows:
        c = label_of(labels[first - 1] if first - 1 < len(labels) else "B")
        X.append(values)
        y.append(LABELS.index(c))
        pages.append(page_id)
    return names


def add_html_page(folio, html, txt, labels, page_id, X, y, pages):
    """The page's HTML: its units are the lines folio renders, labelled by
    the labelled line of the page's text that says the same (in order, so
    that a headline and its later copy keep their own labels).  A unit no
    line says alone (rendered otherwise than the text was) is left out."""
    names, rows = page_rows(folio, html)
    where = {}
    with open(txt, encoding="utf-8") as f:
        for i, line in enumerate(f.read().split("\n")):
            if norm(line):
                where.setdefault(norm(line), []).append(i)
    at = 0
    for _first, _last, values, text in rows:
        found = where.get(norm(text))
        if not found:
            continue
        later = [i for i in found if i >= at]
        i = later[0] if later else found[-1]
        at = i + 1
        X.append(values)
        y.append(LABELS.index(label_of(labels[i] if i < len(labels) else "B")))
        pages.append(page_id)
    return names


def load(folio, shared, sets, exclude, augment=True):
    """Feature rows, labels and page ids of every labelled page, and (augment)
    of each page's article alone: people paste the whole page or just the
    article, and the corpora only show whole pages."""
    X, y, pages, names = [], [], [], None
    tmp = tempfile.mkdtemp(prefix="folio-train-")
    try:
        for s in sets:
            d = os.path.join(shared, s)
            for f in sorted(os.listdir(d)):
                if not f.endswith(".json"):
                    continue
                stem = f[:-5]
                txt = os.path.join(d, stem + ".txt")
                page_id = "%s/%s" % (s, stem)
                if not os.path.exists(txt) or page_id in exclude:
                    continue
                gold = json.load(open(os.path.join(d, f), encoding="utf-8"))
                labels = gold.get("line_labels")
                if isinstance(labels, list):
                    labels = "".join(labels)
                if not labels:
                    continue
                names = add_page(folio, txt, labels, page_id, X, y, pages)
                html = os.path.join(d, stem + ".html")
                if os.path.exists(html):
                    add_html_page(folio, html, txt, labels, page_id + "+html", X, y, pages)
                for box in ((False, True) if augment else ()):
                    text, kept = article_only(open(txt, encoding="utf-8").read(), labels, box)
                    alone = os.path.join(tmp, "%s-%s-%d.txt" % (s, stem, box))
                    with open(alone, "w", encoding="utf-8") as out:
                        out.write(text)
                    add_page(folio, alone, kept, page_id + ("+box" if box else "+article"), X, y, pages)
    finally:
        shutil.rmtree(tmp)
    return names, X, y, pages


def transitions(y, pages):
    n = len(LABELS)
    start = [1.0] * n
    trans = [[1.0] * n for _ in range(n)]
    for i, lab in enumerate(y):
        if i == 0 or pages[i] != pages[i - 1]:
            start[lab] += 1
        else:
            trans[y[i - 1]][lab] += 1
    start = [math.log(v / sum(start)) for v in start]
    trans = [[math.log(v / sum(row)) for v in row] for row in trans]
    return start, trans


def fit(X, y, pages, names, c_reg=C_REG, hand=HAND_WEIGHT, title_c=TITLE_C, title_keep=None):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd < 1e-6] = 1.0
    Z = (X - mu) / sd
    # Every page weighs about the same whatever its length (a long comment
    # thread must not outvote ten short articles), and every label about the
    # same whatever its frequency.
    count = {}
    for p in pages:
        count[p] = count.get(p, 0) + 1
    w = np.array([1.0 / math.sqrt(count[p]) for p in pages])
    # Pages labelled by hand count more than the silver set's machine labels
    # (a bold one-line heading is a paragraph there, a dropped dek furniture).
    w *= np.array([1.0 if p.startswith("corpus-silver/") else hand for p in pages])
    present = sorted(set(y.tolist()))
    for lab in present:
        m = y == lab
        w[m] *= len(y) / (len(present) * w[m].sum() / w.mean())
    model = LogisticRegression(C=c_reg, max_iter=3000, tol=1e-6)
    model.fit(Z, y, sample_weight=w)
    coef = np.full((len(LABELS), X.shape[1]), 0.0)
    bias = np.full(len(LABELS), -30.0)  # a label no page uses is never chosen
    for row, lab in enumerate(model.classes_):
        coef[lab] = model.coef_[row] / sd
        bias[lab] = model.intercept_[row] - (model.coef_[row] * mu / sd).sum()
    # The title is one line a page: a ranker of its own, title or not, with
    # the page's lines weighed as one page.
    keep = np.array(title_keep if title_keep is not None else [True] * X.shape[1])
    wt = np.zeros(X.shape[1])
    # A line of furniture's vocabulary is no likelier the title for it: the
    # ranker's weights of those classes are kept at zero or below.
    kept = [n for n, k in zip(names, keep) if k]
    upper = [0.0 if n in NOT_TITLE else None for n in kept]
    wt[keep] = title_ranker(Z[:, keep], y == LABELS.index("T"), pages, title_c, upper)
    title_coef = wt / sd
    title_bias = -(wt * mu / sd).sum()
    return coef, bias, title_coef, title_bias


NOT_TITLE = {"cls_boiler", "cls_marker", "cls_credit", "cls_caption", "cls_note", "cls_byline",
             "cls_dateline", "cls_source", "cls_series", "has_copyright", "rule_caption"}


def title_ranker(Z, is_title, pages, c_reg, upper=None):
    """Weights that make the title the best-scoring line of its page: a
    softmax over each page's lines (listwise), so that what is learnt is how
    the title differs from the other lines of the same page, not from lines
    in general.  Pages without a title line take no part."""
    import numpy as np
    from scipy.optimize import minimize
    groups = []
    start = 0
    for i in range(1, len(pages) + 1):
        if i == len(pages) or pages[i] != pages[start]:
            t = np.flatnonzero(is_title[start:i])
            if len(t):
                groups.append((start, i, start + t[0]))
            start = i
    lam = 1.0 / (2.0 * c_reg * max(len(groups), 1))

    def loss(w):
        s = Z @ w
        total, grad = lam * (w @ w), 2 * lam * w
        for a, b, t in groups:
            z = s[a:b] - s[a:b].max()
            e = np.exp(z)
            p = e / e.sum()
            total += (-(z[t - a]) + np.log(e.sum())) / len(groups)
            grad += (Z[a:b].T @ p - Z[t]) / len(groups)
        return total, grad
    bounds = [(None, u) for u in upper] if upper else None
    res = minimize(loss, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 2000, "gtol": 1e-7})
    return res.x


def fmt(v):
    s = "%.6g" % v
    return s + "f" if ("." in s or "e" in s) else s + ".0f"


def table_lines(tag, names, coef, bias, title_coef, title_bias, start, trans, trans_scale):
    """One model's arrays and its folio_model, named with tag."""
    n = len(names)
    out = ["static const float %s_bias[L_COUNT] = {%s};" % (tag, ", ".join(fmt(b) for b in bias)), "",
           "static const float %s_weight[L_COUNT * %d] = {" % (tag, n)]
    for k, lab in enumerate(LABELS):
        out.append("    /* %s */" % lab)
        row = [fmt(v) for v in coef[k]]
        for i in range(0, n, 8):
            out.append("    " + ", ".join(row[i:i + 8]) + ",")
    out.append("};")
    out.append("")
    out.append("static const float %s_start[L_COUNT] = {%s};" % (tag, ", ".join(fmt(v) for v in start)))
    out.append("")
    out.append("static const float %s_trans[L_COUNT * L_COUNT] = {" % tag)
    for row in trans:
        out.append("    " + ", ".join(fmt(v) for v in row) + ",")
    out.append("};")
    out.append("")
    out.append("static const float %s_title_weight[%d] = {" % (tag, n))
    row = [fmt(v) for v in title_coef]
    for i in range(0, n, 8):
        out.append("    " + ", ".join(row[i:i + 8]) + ",")
    out.append("};")
    out.append("")
    return out


def write_table(path, names, models, pages, trans_scale):
    """models: (C name, comment, fit result, (start, trans)) for each kind of input."""
    out = ["/* Generated by reader/train.py (make train) from %d pages: do not edit. */" % len(set(pages)),
           '#include "model.h"', "",
           "/* features, in order: %s */" % " ".join(names), ""]
    for name, comment, (coef, bias, title_coef, title_bias), (start, trans) in models:
        tag = name.replace("folio_model_", "")
        out.append("/* %s */" % comment)
        out += table_lines(tag, names, coef, bias, title_coef, title_bias, start, trans, trans_scale)
        out.append("const folio_model %s = { %d, %s_bias, %s_weight, %s_start, %s_trans, %s, %s_title_weight, %s };"
                   % (name, len(names), tag, tag, tag, tag, fmt(title_bias), tag, fmt(trans_scale)))
        out.append("")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folio", default="./folio")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="reader/weights.c")
    ap.add_argument("--sets", default="corpus,corpus-silver,corpus-cjk")
    ap.add_argument("--exclude", nargs="*", default=[])
    ap.add_argument("--C", type=float, default=C_REG, help="inverse regularisation strength")
    ap.add_argument("--title-C", type=float, default=TITLE_C, help="the title ranker's inverse regularisation")
    ap.add_argument("--title-drop", nargs="*", default=[], help="features (name substrings) the title ranker leaves out")
    ap.add_argument("--trans-scale", type=float, default=TRANS_SCALE,
                    help="weight of the label transitions against the scores in the decode")
    ap.add_argument("--hand-weight", type=float, default=HAND_WEIGHT,
                    help="weight of the hand-labelled pages against the silver ones")
    ap.add_argument("--no-augment", action="store_true", help="whole pages only")
    ap.add_argument("--text-from-html", action="store_true",
                    help="fit the text model on the pages' HTML lines too (markup features left out)")
    ap.add_argument("--drop", nargs="*", default=[], help="features (name substrings) left out, for ablations")
    a = ap.parse_args()
    names, X, y, pages = load(a.folio, a.shared, a.sets.split(","), set(a.exclude), not a.no_augment)
    if not X:
        sys.exit("train: no labelled pages under %s" % a.shared)
    gone = [j for j, n in enumerate(names) if any(d in n for d in a.drop)]
    for row in X:
        for j in gone:
            row[j] = 0.0
    keep = [not any(d in n for d in a.title_drop) for n in names]
    # Two weight tables: one for text (fitted on text alone: the markup
    # features are zero there), one for web pages (fitted on the text and
    # the HTML of the same pages: the text features learn from both).
    text = [i for i, p in enumerate(pages) if not p.endswith("+html")]
    plain = [j for j, n in enumerate(names) if not n.startswith("m_") and ":m_" not in n]
    models = []
    for name, comment, rows in (("folio_model_builtin", "text", text),
                                ("folio_model_html", "web pages: text and HTML", list(range(len(y))))):
        Xs, ys, ps = [X[i] for i in rows], [y[i] for i in rows], [pages[i] for i in rows]
        if name == "folio_model_builtin" and a.text_from_html:
            # the pages' HTML as more text: its lines without their markup
            for i, p in enumerate(pages):
                if p.endswith("+html"):
                    Xs.append([X[i][j] if j in plain else 0.0 for j in range(len(names))])
                    ys.append(y[i])
                    ps.append(p)
        models.append((name, comment, fit(Xs, ys, ps, names, a.C, a.hand_weight, a.title_C, keep),
                       transitions(ys, ps)))
    write_table(a.out, names, models, pages, a.trans_scale)
    print("train: %d units from %d pages, %d features -> %s" % (len(y), len(set(pages)), len(names), a.out))


if __name__ == "__main__":
    main()
