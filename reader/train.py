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
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import warnings

LABELS = "TMSHPCNRKBD"
MAP = {"Q": "P", "q": "P", "c": "C"}
C_REG = 0.5
TITLE_C = 0.1
TRANS_SCALE = 0.5
HAND_WEIGHT = 1.0
OOF_ITER = 100


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


# The second pass: what the first pass made of the unit and of the units
# around it (the probability of each label here, on the lines before and
# after, and how much of the text near it is kept, a paragraph, a heading).
# reader/decode.c computes the same values in the same order.
CTX_WINDOWS = (3, 10, 30)


def context_names():
    names = ["s1:" + c for c in LABELS] + ["s1prev:" + c for c in LABELS] + ["s1next:" + c for c in LABELS]
    for w in CTX_WINDOWS:
        names += ["ctx_keep_%d" % w, "ctx_para_%d" % w]
    return names + ["ctx_head_10", "ctx_keep_ahead_10", "ctx_keep_behind_10"]


def window_mean(v, lo, hi, i):
    """Mean of v[lo:hi] without v[i] (0 when nothing is left)."""
    n = hi - lo - (1 if lo <= i < hi else 0)
    if n <= 0:
        return 0.0
    return (v[lo:hi].sum() - (v[i] if lo <= i < hi else 0.0)) / n


def context(P, pages):
    """The second pass's features of every row, page by page, from the
    first pass's probabilities P (rows x labels)."""
    import numpy as np
    L = len(LABELS)
    out = np.zeros((P.shape[0], 3 * L + 2 * len(CTX_WINDOWS) + 3))
    b, d, para, head = LABELS.index("B"), LABELS.index("D"), LABELS.index("P"), LABELS.index("H")
    start = 0
    for end in range(1, len(pages) + 1):
        if end < len(pages) and pages[end] == pages[start]:
            continue
        Q = P[start:end]
        n = end - start
        keep = 1.0 - Q[:, b] - Q[:, d]
        for i in range(n):
            row = out[start + i]
            row[0:L] = Q[i]
            if i > 0:
                row[L:2 * L] = Q[i - 1]
            if i + 1 < n:
                row[2 * L:3 * L] = Q[i + 1]
            j = 3 * L
            for w in CTX_WINDOWS:
                lo, hi = max(0, i - w), min(n, i + w + 1)
                row[j] = window_mean(keep, lo, hi, i)
                row[j + 1] = window_mean(Q[:, para], lo, hi, i)
                j += 2
            row[j] = window_mean(Q[:, head], max(0, i - 10), min(n, i + 11), i)
            row[j + 1] = window_mean(keep, i + 1, min(n, i + 11), i)
            row[j + 2] = window_mean(keep, max(0, i - 10), i, i)
        start = end
    return out


def base_page(p):
    return p.split("+")[0]


def out_of_fold(Z, y, w, pages, c_reg, start, folds=4):
    """First-pass probabilities of every row from a model that did not see
    its page (nor the page's other renderings), as the second pass will
    meet them on a page the model never saw.  Each fold's fit starts from
    the whole fit (start: the fitted model), which it is close to, and
    stops after OOF_ITER iterations: near enough for what it is used for."""
    import numpy as np
    base = sorted(set(base_page(p) for p in pages))
    fold_of = {p: i % folds for i, p in enumerate(base)}
    fold = np.array([fold_of[base_page(p)] for p in pages])
    P = np.zeros((len(y), len(LABELS)))
    for f in range(folds):
        train, test = fold != f, fold == f
        model = regression(c_reg, y[train], Z.shape[1], start, OOF_ITER)
        with warnings.catch_warnings():  # stopped short on purpose
            warnings.simplefilter("ignore")
            model.fit(Z[train], y[train], sample_weight=w[train])
        P[np.ix_(test, model.classes_)] = model.predict_proba(Z[test])
    return P


def regression(c_reg, y, width, start=None, iterations=3000):
    """A multinomial logistic regression over width features
    (deterministic: lbfgs), started from start's coefficients (a fitted
    model over the first columns; the others start at zero) when it has the
    same labels."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(C=c_reg, max_iter=iterations, tol=1e-6, warm_start=start is not None)
    if start is not None and list(start.classes_) == sorted(set(y.tolist())):
        pad = np.zeros((start.coef_.shape[0], width - start.coef_.shape[1]))
        model.coef_ = np.hstack([start.coef_, pad])
        model.intercept_ = start.intercept_
    return model


def weights_of(X, y, pages, hand):
    """Every page weighs about the same whatever its length (a long comment
    thread must not outvote ten short articles), and every label about the
    same whatever its frequency."""
    import numpy as np
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
    return w


def linear(X, y, w, c_reg, start=None):
    """A multinomial logistic regression on standardised X, the scaling
    folded into the weights: (coef, bias, Z, mu, sd, model).  start: a
    fitted model over the first columns of X to begin from."""
    import numpy as np
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd < 1e-6] = 1.0
    Z = (X - mu) / sd
    model = regression(c_reg, y, X.shape[1], start)
    model.fit(Z, y, sample_weight=w)
    coef = np.full((len(LABELS), X.shape[1]), 0.0)
    bias = np.full(len(LABELS), -30.0)  # a label no page uses is never chosen
    for row, lab in enumerate(model.classes_):
        coef[lab] = model.coef_[row] / sd
        bias[lab] = model.intercept_[row] - (model.coef_[row] * mu / sd).sum()
    return coef, bias, Z, mu, sd, model


def fit(X, y, pages, names, c_reg=C_REG, hand=HAND_WEIGHT, title_c=TITLE_C, title_keep=None):
    """The first pass over the unit's features, the second over those and
    the first pass's reading of the neighbourhood, and the title ranker
    over the second pass's features."""
    import numpy as np
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    w = weights_of(X, y, pages, hand)
    coef1, bias1, Z1, _, _, first = linear(X, y, w, c_reg)
    ctx = context(out_of_fold(Z1, y, w, pages, c_reg, first), pages)
    X = np.hstack([X, ctx])
    names = names + context_names()
    # the title ranker reads the unit's own features: the first pass's
    # reading of the page around a line told it less than they do
    # (cross-validated title 0.69 with them alone, 0.65 with both)
    title_keep = list(title_keep or [True] * (len(names) - len(context_names())))
    title_keep += [False] * (len(names) - len(title_keep))
    coef, bias, Z, mu, sd, _ = linear(X, y, w, c_reg, first)
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
    return coef1, bias1, coef, bias, title_coef, title_bias


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


def rows(out, values, indent="    "):
    row = [fmt(v) for v in values]
    for i in range(0, len(row), 8):
        out.append(indent + ", ".join(row[i:i + 8]) + ",")


def table_lines(tag, n, fitted, start, trans):
    """One model's arrays, named with tag: the first pass over n features,
    the second pass and the title ranker over n and the context features."""
    coef1, bias1, coef, bias, title_coef, _ = fitted
    out = []
    for suffix, b, c in (("1", bias1, coef1), ("2", bias, coef)):
        out.append("static const float %s_bias%s[L_COUNT] = {%s};" % (tag, suffix, ", ".join(fmt(v) for v in b)))
        out.append("")
        out.append("static const float %s_weight%s[L_COUNT * %d] = {" % (tag, suffix, c.shape[1]))
        for k, lab in enumerate(LABELS):
            out.append("    /* %s */" % lab)
            rows(out, c[k])
        out.append("};")
        out.append("")
    out.append("static const float %s_start[L_COUNT] = {%s};" % (tag, ", ".join(fmt(v) for v in start)))
    out.append("")
    out.append("static const float %s_trans[L_COUNT * L_COUNT] = {" % tag)
    for row in trans:
        out.append("    " + ", ".join(fmt(v) for v in row) + ",")
    out.append("};")
    out.append("")
    out.append("static const float %s_title_weight[%d] = {" % (tag, len(title_coef)))
    rows(out, title_coef)
    out.append("};")
    out.append("")
    return out


def write_table(path, names, models, pages, trans_scale):
    """models: (C name, comment, fit result, (start, trans)) for each kind of input."""
    out = ["/* Generated by reader/train.py (make train) from %d pages: do not edit. */" % len(set(pages)),
           '#include "model.h"', "",
           "/* features, in order: %s */" % " ".join(names),
           "/* then the second pass's: %s */" % " ".join(context_names()), ""]
    for name, comment, fitted, (start, trans) in models:
        tag = name.replace("folio_model_", "")
        out.append("/* %s */" % comment)
        out += table_lines(tag, len(names), fitted, start, trans)
        out.append("const folio_model %s = { %d, %d, %s_bias1, %s_weight1, %s_bias2, %s_weight2, %s_start, "
                   "%s_trans, %s, %s_title_weight, %s };"
                   % (name, len(names), len(context_names()), tag, tag, tag, tag, tag, tag,
                      fmt(fitted[5]), tag, fmt(trans_scale)))
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
    jobs = []
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
        jobs.append((name, comment, (Xs, ys, ps, names, a.C, a.hand_weight, a.title_C, keep)))
    # the two fits are independent: one process each (the same result as
    # one after the other)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        fitted = pool.starmap(fit, [j[2] for j in jobs])
    models = [(name, comment, f, transitions(args[1], args[2])) for (name, comment, args), f in zip(jobs, fitted)]
    write_table(a.out, names, models, pages, a.trans_scale)
    print("train: %d units from %d pages, %d features -> %s" % (len(y), len(set(pages)), len(names), a.out))


if __name__ == "__main__":
    main()
