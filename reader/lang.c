/*
 * lang.c - the language of the text, from its script and, in Latin script,
 * from its commonest words.
 *
 * A script that one language writes (Greek, Hebrew, Thai, Georgian...)
 * names it; Arabic and Cyrillic script are told apart by the letters that
 * only some of their languages use (Persian پ چ ژ گ, Urdu ٹ ڈ ڑ ے, Ukrainian
 * і ї є ґ, Serbian ђ ћ џ); Han by kana (Japanese) and by the characters
 * that differ between simplified and traditional Chinese.  Latin-script
 * text is matched against the function words of the languages an article
 * is commonly written in: short words every paragraph uses ("the", "und",
 * "che", "och", "się"), each language's own distinguishing the rest.  A
 * text too short or too even to tell is English, as before there was a
 * test.  The words are a profile, not a dictionary: a few dozen a
 * language are enough on a paragraph of running text, and the whole test
 * costs a hash lookup a word (libexttextcat takes 13 ms to load its
 * fingerprints, longer than converting a page).
 */
#include "scraped.h"
#include <pthread.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Chinese: simplified or traditional                                  */

/* Characters common in running text that differ between the simplified and
 * traditional scripts; counting them is enough to tell zh-Hans from zh-Hant. */
static const char simp[] = "这们说为国时会发对过来实现经济门东车长开关问题么没与从让给";
static const char trad[] = "這們說為國時會發對過來實現經濟門東車長開關問題麼沒與從讓給";

/* One bit per BMP code point: is it one of the set? */
static uint8_t simp_bits[8192], trad_bits[8192];

static void decode_set(const char *set, uint8_t *bits)
{
    size_t n = strlen(set), i = 0;
    while (i < n) {
        int32_t c;
        i += folio_utf8_next(set + i, n - i, &c);
        if (c < 0x10000)
            bits[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
}

static bool in_set(const uint8_t *bits, int32_t c)
{
    return c < 0x10000 && (bits[c >> 3] >> (c & 7)) & 1;
}

/* ------------------------------------------------------------------ */
/* Latin script: function words                                        */

static const char *const latin_lang[] = { "en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs",
                                          "sk", "ro", "hu", "fi", "tr", "id", "vi", "ca" };
enum { N_LATIN = sizeof latin_lang / sizeof latin_lang[0] };

/* Each language's words, space-separated, in the order of latin_lang. */
static const char *const latin_words[N_LATIN] = {
    "the and of to is that with was for are this have from which were not but by it be has had been they their "
    "an would will there who what when he she we you his her",
    "le la les des est une dans que qui pour pas sur avec sont mais du et au aux ce cette il elle nous vous "
    "leur été être ont fait plus ou où par",
    "der die das und ist nicht ein eine mit von sich auf für dem den auch wird sind zu im es ich wir nach bei "
    "aus wie über noch oder werden hat",
    "el los las del por con para una que es se su al como más pero sus está son fue muy también y hay entre "
    "sobre desde cuando este esta",
    "os as do da dos das em no na um uma é não com mais ao foi pelo pela que se para são também há entre sobre "
    "quando este esta mas",
    "il lo gli della delle dei che è non per una sono con anche nel nella alla più ma come questo questa "
    "essere stato hanno degli sul",
    "de het een van en is dat niet op te zijn voor met die ook aan bij naar wordt maar er hij zij dit werd "
    "heeft",
    "och att det som en är på för med av inte den till har de om ett var men jag också efter eller sig",
    "og at det som en er på for med af ikke den til har de om et var men jeg også efter eller sig blev mig dig "
    "hvad havde noget bliver nu",
    "og at det som en er på for med av ikke den til har de om et var men jeg også etter eller seg ble meg deg "
    "hva hadde noe blir nå",
    "i w z na się nie do to że jest o jak po co tak od za ale przez są jego jej oraz który która było",
    "a v se na je že s z do to o jako ale jsou pro by byl která které který jeho také před podle není",
    "a v sa na je že s z do to o ako ale sú pre by bol ktorá ktoré ktorý jeho tiež pred podľa nie",
    "și în de la cu a pe nu care este o un din mai ce sunt pentru fost fi sau această acest",
    "a az és hogy nem is egy van meg de csak már mint volt ez el még kell lesz azt",
    "ja on ei että se hän oli ovat mutta kun tai myös joka mitä niin ole sen hänen",
    "ve bir bu da de için ile çok daha olarak gibi ama en ne var değil olan kadar sonra",
    "yang dan di ke dari ini itu dengan untuk tidak akan pada adalah dalam juga karena oleh",
    "của và là có được trong cho không những các một này với người đã để khi",
    "el la els les de del que i a en per amb un una és no com més però són va seu seva",
};

/* word -> a bit per language that uses it, in an open-addressing table */
enum { WORD_SLOTS = 2048 };
static struct word_slot {
    uint64_t hash;
    uint32_t langs;
} word_table[WORD_SLOTS];

static struct word_slot *word_slot(uint64_t h)
{
    size_t i = h & (WORD_SLOTS - 1);
    while (word_table[i].hash && word_table[i].hash != h)
        i = (i + 1) & (WORD_SLOTS - 1);
    return &word_table[i];
}

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void)
{
    decode_set(simp, simp_bits);
    decode_set(trad, trad_bits);
    for (int l = 0; l < N_LATIN; l++) {
        const char *s = latin_words[l];
        while (*s) {
            size_t n = strcspn(s, " ");
            uint64_t h = folio_word_hash(s, n);
            struct word_slot *slot = word_slot(h);
            slot->hash = h;
            slot->langs |= 1u << l;
            s += n + (s[n] == ' ');
        }
    }
}

/* Each language's share of the first words of s (at most *budget words,
 * counted down): a word one language uses counts one for it, a word n
 * languages use 1/n for each. */
static void count_words(const char *s, size_t n, float *score, size_t *budget)
{
    size_t i = 0;
    while (i < n && *budget > 0) {
        int32_t c = 0;
        size_t start = i, end = i;
        while (i < n) { /* a run of letters */
            size_t k = folio_utf8_next(s + i, n - i, &c);
            if (!folio_is_letter(c))
                break;
            i += k;
            end = i;
        }
        if (end == start) {
            i += folio_utf8_next(s + i, n - i, &c);
            continue;
        }
        (*budget)--;
        uint32_t langs = end - start <= 16 ? word_slot(folio_word_hash(s + start, end - start))->langs : 0;
        float share = langs ? 1.0f / (float)__builtin_popcount(langs) : 0.0f;
        for (int l = 0; langs; l++, langs >>= 1)
            score[l] += (float)(langs & 1) * share;
    }
}

/* The Latin-script language whose words the text uses most, more than any
 * other's (by a word and a half: sister languages share most of their
 * words, and their own few decide); "en" when none does. */
static const char *latin_language(const folio_doc *doc)
{
    float score[N_LATIN] = { 0 };
    size_t budget = 4000;
    for (size_t b = 0; b < doc->n_blocks && budget > 0; b++)
        if (doc->blocks[b].type == FOLIO_BLOCK_PARAGRAPH || doc->blocks[b].type == FOLIO_BLOCK_LIST_ITEM)
            count_words(doc->blocks[b].text, strlen(doc->blocks[b].text), score, &budget);
    int best = 0;
    for (int l = 1; l < N_LATIN; l++)
        if (score[l] > score[best])
            best = l;
    float second = 0;
    for (int l = 0; l < N_LATIN; l++)
        if (l != best && score[l] > second)
            second = score[l];
    return score[best] >= 5.0f && score[best] >= second + 1.5f ? latin_lang[best] : "en";
}

/* ------------------------------------------------------------------ */
/* scripts                                                             */

enum script { S_LATIN, S_HAN, S_KANA, S_HANGUL, S_ARABIC, S_HEBREW, S_CYRILLIC, S_GREEK, S_THAI, S_DEVANAGARI,
              S_BENGALI, S_TAMIL, S_GEORGIAN, S_ARMENIAN, S_COUNT };

static const struct {
    int32_t from, to;
    uint8_t script;
} ranges[] = {
    { 0x0370, 0x03FF, S_GREEK }, { 0x0400, 0x052F, S_CYRILLIC }, { 0x0530, 0x058F, S_ARMENIAN },
    { 0x0590, 0x05FF, S_HEBREW }, { 0x0600, 0x06FF, S_ARABIC }, { 0x0750, 0x077F, S_ARABIC },
    { 0x0900, 0x097F, S_DEVANAGARI }, { 0x0980, 0x09FF, S_BENGALI }, { 0x0B80, 0x0BFF, S_TAMIL },
    { 0x0E00, 0x0E7F, S_THAI }, { 0x10A0, 0x10FF, S_GEORGIAN }, { 0x1F00, 0x1FFF, S_GREEK },
    { 0xFB1D, 0xFB4F, S_HEBREW }, { 0xFB50, 0xFDFF, S_ARABIC }, { 0xFE70, 0xFEFF, S_ARABIC },
};

/* the script of a letter, or S_COUNT */
static int script_of(int32_t c)
{
    if (c < 0x250)
        return folio_is_letter(c) ? S_LATIN : S_COUNT;
    if (folio_is_han(c))
        return S_HAN;
    if (folio_is_kana(c))
        return S_KANA;
    if (folio_is_hangul(c))
        return S_HANGUL;
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++)
        if (c >= ranges[k].from && c <= ranges[k].to)
            return ranges[k].script;
    return S_COUNT;
}

/* What the letters of the text count. */
typedef struct letters {
    size_t script[S_COUNT];
    size_t hans, hant;         /* simplified-only, traditional-only characters */
    size_t persian, urdu;      /* پ چ ژ گ ک ی; ٹ ڈ ڑ ں ے ہ */
    size_t ukrainian, serbian; /* і ї є ґ; ђ ћ џ ј љ њ */
} letters;

static void count_letter(letters *k, int32_t c)
{
    int s = script_of(c);
    if (s == S_COUNT)
        return;
    k->script[s]++;
    if (s == S_HAN) {
        k->hans += in_set(simp_bits, c);
        k->hant += in_set(trad_bits, c);
    } else if (s == S_ARABIC) {
        k->persian += c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC;
        k->urdu += c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA || c == 0x06D2 || c == 0x06C1;
    } else if (s == S_CYRILLIC) {
        k->ukrainian += c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491;
        k->serbian += c == 0x0452 || c == 0x045B || c == 0x045F || c == 0x0458 || c == 0x0459 || c == 0x045A;
    }
}

/* The language of a script other than Latin and Han, from its letters. */
static const char *script_language(const letters *k, int s, const char **script)
{
    static const char *const name[S_COUNT] = { "en", "zh", "ja", "ko", "ar", "he", "ru", "el", "th", "hi",
                                                "bn", "ta", "ka", "hy" };
    static const char *const tag[S_COUNT] = { "Latn", "Hani", "Jpan", "Kore", "Arab", "Hebr", "Cyrl", "Grek",
                                               "Thai", "Deva", "Beng", "Taml", "Geor", "Armn" };
    *script = tag[s];
    size_t n = k->script[s];
    if (s == S_ARABIC && k->urdu * 50 >= n && k->urdu >= 3)
        return "ur";
    if (s == S_ARABIC && k->persian * 50 >= n && k->persian >= 3)
        return "fa";
    if (s == S_CYRILLIC && k->ukrainian * 100 >= n && k->ukrainian >= 3)
        return "uk";
    if (s == S_CYRILLIC && k->serbian * 100 >= n && k->serbian >= 3)
        return "sr";
    return name[s];
}

const char *folio_scraped_detect_lang(const folio_doc *doc, const char **script)
{
    letters k = { { 0 } };
    pthread_once(&tables_once, tables_init);
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const char *s = doc->blocks[b].text;
        size_t n = strlen(s), i = 0;
        while (i < n) {
            int32_t c;
            i += folio_utf8_next(s + i, n - i, &c);
            count_letter(&k, c);
        }
    }
    size_t han = k.script[S_HAN], kana = k.script[S_KANA], latin = k.script[S_LATIN];
    if (kana >= 10 && kana * 20 >= han + kana) {
        *script = "Jpan";
        return "ja";
    }
    if (k.script[S_HANGUL] > han && k.script[S_HANGUL] * 2 > latin) {
        *script = "Kore";
        return "ko";
    }
    if (han * 2 > latin / 3 && han >= 10) {
        *script = k.hant > k.hans ? "Hant" : "Hans";
        return "zh";
    }
    /* another script that writes more of the text than Latin does */
    int other = S_ARABIC;
    for (int s = S_ARABIC; s < S_COUNT; s++)
        if (k.script[s] > k.script[other])
            other = s;
    if (k.script[other] >= 10 && k.script[other] > latin)
        return script_language(&k, other, script);
    *script = "Latn";
    return latin_language(doc);
}
