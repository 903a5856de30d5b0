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

void folio_model_score(const folio_model *m, const float *x, int n, float *scores, float *title)
{
    int nf = m->n_features;
    for (int i = 0; i < n; i++) {
        const float *f = x + (size_t)i * (size_t)nf;
        float *z = scores + (size_t)i * L_COUNT;
        /* most features of a unit are 0: walk the others once */
        float t = m->title_bias;
        for (int k = 0; k < L_COUNT; k++)
            z[k] = m->bias[k];
        for (int j = 0; j < nf; j++) {
            if (f[j] == 0)
                continue;
            for (int k = 0; k < L_COUNT; k++)
                z[k] += m->weight[(size_t)k * (size_t)nf + (size_t)j] * f[j];
            t += m->title_weight[j] * f[j];
        }
        log_softmax(z);
        title[i] = t;
    }
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
