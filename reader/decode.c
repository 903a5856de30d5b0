/*
 * decode.c - from features to labels: a linear score per label turned into
 * log-probabilities (softmax), then the most likely sequence of labels over
 * the page (Viterbi, with the label-to-label transitions fitted on the
 * corpora), so that runs form: a header, an article, a comment thread.
 */
#include "model.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char folio_label_letters[L_COUNT + 1] = "TMSHPCNRKBD";

static void log_softmax(float *z)
{
    float top = z[0];
    for (int k = 1; k < L_COUNT; k++)
        top = z[k] > top ? z[k] : top;
    double sum = 0;
    for (int k = 0; k < L_COUNT; k++)
        sum += exp((double)(z[k] - top));
    float lse = top + (float)log(sum);
    for (int k = 0; k < L_COUNT; k++)
        z[k] -= lse;
}

/* Columns from..from+count of a weight table of L_COUNT rows (stride
 * columns each) laid out by feature: the L_COUNT weights of a feature side
 * by side, as the scoring loops read them (a row-major walk down a column
 * touches a cache line per label).  NULL when out of memory. */
static float *by_feature(const float *w, int stride, int from, int count)
{
    float *t = malloc((size_t)count * L_COUNT * sizeof *t);
    if (t)
        for (int j = 0; j < count; j++)
            for (int k = 0; k < L_COUNT; k++)
                t[(size_t)j * L_COUNT + k] = w[(size_t)k * (size_t)stride + (size_t)(from + j)];
    return t;
}

bool folio_model_score(const folio_model *m, const float *x, int n, float *z1, float *z2, float *title)
{
    int nf = m->n_features, nw = m->n_features + m->n_context;
    float *w1 = by_feature(m->weight1, nf, 0, nf), *w2 = by_feature(m->weight, nw, 0, nf);
    if (!w1 || !w2) {
        free(w1);
        free(w2);
        return false;
    }
    for (int i = 0; i < n; i++) {
        const float *f = x + (size_t)i * (size_t)nf;
        float a[L_COUNT], b[L_COUNT];
        /* most features of a unit are 0: walk the others once */
        float t = m->title_bias;
        for (int k = 0; k < L_COUNT; k++)
            a[k] = m->bias1[k], b[k] = m->bias[k];
        for (int j = 0; j < nf; j++) {
            if (f[j] == 0)
                continue;
            const float *u = w1 + (size_t)j * L_COUNT, *v = w2 + (size_t)j * L_COUNT;
            for (int k = 0; k < L_COUNT; k++) {
                a[k] += u[k] * f[j];
                b[k] += v[k] * f[j];
            }
            t += m->title_weight[j] * f[j];
        }
        memcpy(z1 + (size_t)i * L_COUNT, a, sizeof a);
        memcpy(z2 + (size_t)i * L_COUNT, b, sizeof b);
        title[i] = t;
    }
    free(w1);
    free(w2);
    return true;
}

static const char *const context_names[FOLIO_CONTEXT_FEATURES] = {
    "s1:T", "s1:M", "s1:S", "s1:H", "s1:P", "s1:C", "s1:N", "s1:R", "s1:K", "s1:B", "s1:D",
    "s1prev:T", "s1prev:M", "s1prev:S", "s1prev:H", "s1prev:P", "s1prev:C", "s1prev:N",
    "s1prev:R", "s1prev:K", "s1prev:B", "s1prev:D",
    "s1next:T", "s1next:M", "s1next:S", "s1next:H", "s1next:P", "s1next:C", "s1next:N",
    "s1next:R", "s1next:K", "s1next:B", "s1next:D",
    "ctx_keep_3", "ctx_para_3", "ctx_keep_10", "ctx_para_10", "ctx_keep_30", "ctx_para_30",
    "ctx_head_10", "ctx_keep_ahead_10", "ctx_keep_behind_10",
};

const char *folio_context_name(int j)
{
    return j >= 0 && j < FOLIO_CONTEXT_FEATURES ? context_names[j] : "?";
}

bool folio_model_sums(int n, const float *p, folio_sums *s)
{
    s->keep = malloc((size_t)(n + 1) * sizeof(double));
    s->para = malloc((size_t)(n + 1) * sizeof(double));
    s->head = malloc((size_t)(n + 1) * sizeof(double));
    if (!s->keep || !s->para || !s->head) {
        folio_model_sums_free(s);
        return false;
    }
    s->keep[0] = s->para[0] = s->head[0] = 0;
    for (int i = 0; i < n; i++) {
        const float *q = p + (size_t)i * L_COUNT;
        s->keep[i + 1] = s->keep[i] + (1.0 - q[L_BOILER] - q[L_DUP]);
        s->para[i + 1] = s->para[i] + q[L_PARA];
        s->head[i + 1] = s->head[i] + q[L_HEADING];
    }
    return true;
}

void folio_model_sums_free(folio_sums *s)
{
    free(s->keep);
    free(s->para);
    free(s->head);
    s->keep = s->para = s->head = NULL;
}

/* The mean of a running-summed value over units [lo, hi) less unit i. */
static float window_mean(const double *sum, int n, int lo, int hi, int i)
{
    lo = lo < 0 ? 0 : lo;
    hi = hi > n ? n : hi;
    bool inside = lo <= i && i < hi;
    int count = hi - lo - inside;
    if (count <= 0)
        return 0;
    double v = sum[hi] - sum[lo] - (inside ? sum[i + 1] - sum[i] : 0);
    return (float)(v / count);
}

void folio_model_context_of(int n, const float *p, const folio_sums *s, int i, float *out)
{
    static const int windows[3] = { 3, 10, 30 };
    memset(out, 0, FOLIO_CONTEXT_FEATURES * sizeof *out);
    memcpy(out, p + (size_t)i * L_COUNT, L_COUNT * sizeof *out);
    if (i > 0)
        memcpy(out + L_COUNT, p + (size_t)(i - 1) * L_COUNT, L_COUNT * sizeof *out);
    if (i + 1 < n)
        memcpy(out + 2 * L_COUNT, p + (size_t)(i + 1) * L_COUNT, L_COUNT * sizeof *out);
    float *o = out + 3 * L_COUNT;
    for (int w = 0; w < 3; w++) {
        *o++ = window_mean(s->keep, n, i - windows[w], i + windows[w] + 1, i);
        *o++ = window_mean(s->para, n, i - windows[w], i + windows[w] + 1, i);
    }
    *o++ = window_mean(s->head, n, i - 10, i + 11, i);
    *o++ = window_mean(s->keep, n, i + 1, i + 11, i);
    *o = window_mean(s->keep, n, i - 10, i, i);
}

static void softmax(float *z)
{
    log_softmax(z);
    for (int k = 0; k < L_COUNT; k++)
        z[k] = expf(z[k]);
}

bool folio_model_context(const folio_model *m, int n, float *z1, float *z2, float *title)
{
    for (int i = 0; i < n; i++)
        softmax(z1 + (size_t)i * L_COUNT);
    folio_sums s;
    int nf = m->n_features, nw = nf + m->n_context;
    float *w = by_feature(m->weight, nw, nf, m->n_context);
    if (!w || !folio_model_sums(n, z1, &s)) {
        free(w);
        return false;
    }
    float c[FOLIO_CONTEXT_FEATURES];
    for (int i = 0; i < n; i++) {
        folio_model_context_of(n, z1, &s, i, c);
        float *b = z2 + (size_t)i * L_COUNT;
        for (int j = 0; j < m->n_context; j++) {
            if (c[j] == 0)
                continue;
            const float *v = w + (size_t)j * L_COUNT;
            for (int k = 0; k < L_COUNT; k++)
                b[k] += v[k] * c[j];
            title[i] += m->title_weight[nf + j] * c[j];
        }
        log_softmax(b);
    }
    folio_model_sums_free(&s);
    free(w);
    return true;
}

bool folio_model_decode(const folio_model *m, int n, const float *scores, uint8_t *out)
{
    if (n == 0)
        return true;
    uint8_t *back = malloc((size_t)n * L_COUNT);
    if (!back)
        return false;
    float best[L_COUNT], next[L_COUNT];
    for (int k = 0; k < L_COUNT; k++)
        best[k] = m->trans_scale * m->start[k] + scores[k];
    for (int i = 1; i < n; i++) {
        for (int k = 0; k < L_COUNT; k++) {
            int arg = 0;
            float top = -INFINITY;
            for (int p = 0; p < L_COUNT; p++) {
                float v = best[p] + m->trans_scale * m->trans[p * L_COUNT + k];
                if (v > top)
                    top = v, arg = p;
            }
            next[k] = top + scores[(size_t)i * L_COUNT + k];
            back[(size_t)i * L_COUNT + k] = (uint8_t)arg;
        }
        float top = next[0]; /* keep the sums small: only differences matter */
        for (int k = 1; k < L_COUNT; k++)
            top = next[k] > top ? next[k] : top;
        for (int k = 0; k < L_COUNT; k++)
            best[k] = next[k] - top;
    }
    int k = 0;
    for (int j = 1; j < L_COUNT; j++)
        if (best[j] > best[k])
            k = j;
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (uint8_t)k;
        k = back[(size_t)i * L_COUNT + k];
    }
    free(back);
    return true;
}
