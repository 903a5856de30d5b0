/*
 * html.c - a saved web page rendered as the reader's lines (see html.h).
 *
 * libxml2's HTML parser reports the page as events (SAX: an element starts,
 * text, an element ends; it repairs unclosed tags and other everyday
 * damage, and builds no tree); the handlers write the text a browser's
 * innerText would give and note, for each line, the element it came from
 * and what surrounds it, with a context per open element.  The page's
 * metadata (<title>, Open Graph, JSON-LD), its pictures and its inline
 * spans are collected on the way.  Nothing is fetched.
 */
#include "scraped.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

/* Elements whose content is not text a reader sees. */
static const char *const skipped[] = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "datalist", "textarea", "head", "video", "audio", "map", NULL
};

/* Elements that start and end a line. */
static const char *const blocks[] = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul", "summary",
    "caption", "menu", "body", "html", "tbody", "thead", "tfoot", "legend", "option", NULL
};

/* Words of class and id values that name page furniture, captions, and
 * bylines, as sites of every kind use them (whole words of the value, or
 * its start for the longer ones: "comments", "related-posts"). */
static const char *const furniture_words[] = {
    "comment", "related", "share", "sharing", "social", "sidebar", "promo", "ad", "ads", "advert",
    "advertisement", "newsletter", "subscribe", "subscription", "breadcrumb", "breadcrumbs", "recommend",
    "popular", "trending", "widget", "sponsor", "sponsored", "banner", "cookie", "login", "signup",
    "toolbar", "pagination", "pager", "tags", "tag", "rank", "ranking", "hot", "footer", "nav", "navbar",
    "menu", "masthead", "outbrain", "taboola", "disqus", "reply", "replies", "more", "next", "prev",
    "rail", "also", NULL
};
static const char *const caption_words[] = {
    "caption", "figcaption", "credit", "credits", "imgcaption", "photo-credit", "image-credit", NULL
};
static const char *const credit_words[] = {
    "credit", "credits", "photo-credit", "image-credit", "copyright", NULL
};
static const char *const subtitle_words[] = {
    "subtitle", "subheadline", "subhead", "dek", "deck", "standfirst", "strapline", "kicker-sub", NULL
};
static const char *const meta_words[] = {
    "byline", "author", "authors", "date", "dateline", "time", "timestamp", "pubdate", "published",
    "publish", "meta", "info", "source", NULL
};

/* An element as the parser reports its start: its name (libxml2's HTML
 * parser gives names in lower case) and its attributes (name, value pairs;
 * a value is NULL for an attribute written bare, as `hidden`). */
typedef struct elem {
    const xmlChar *name;
    const xmlChar **attrs;
    char style[256];          /* its inline style, lower-cased without white space (the first 255 bytes) */
} elem;

/* The value of attribute `name` as a new string ("" when written bare), or
 * NULL; free with xmlFree. */
static xmlChar *get_attr(const elem *n, const char *name)
{
    for (const xmlChar **a = n->attrs; a && a[0]; a += 2)
        if (strcasecmp((const char *)a[0], name) == 0)
            return xmlStrdup(a[1] ? a[1] : (const xmlChar *)"");
    return NULL;
}

static bool name_is(const elem *n, const char *name)
{
    /* the first letters differ for nearly every name asked: no call then */
    return n->name && n->name[0] == (xmlChar)name[0] && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const elem *n, const char *const *list)
{
    for (; *list; list++)
        if (name_is(n, *list))
            return true;
    return false;
}

/* Does one word of a class or id value (split at anything not a letter or
 * digit; case folded) belong to the list?  Words of 5+ letters also match
 * as the start of a longer word ("comments", "sharebar"). */
static bool words_match(const char *v, const char *const *list)
{
    for (const char *p = v; p && *p;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        const char *s = p;
        while (isalnum((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - s);
        if (!n)
            break;
        for (const char *const *w = list; *w; w++) {
            size_t k = strlen(*w);
            if ((n == k || (k >= 5 && n > k)) && strncasecmp(s, *w, k) == 0)
                return true;
        }
    }
    return false;
}

static bool attr_words(const elem *n, const char *const *list)
{
    bool hit = false;
    static const char *const names[] = { "class", "id", NULL };
    for (const char *const *a = names; *a && !hit; a++) {
        xmlChar *v = get_attr(n, *a);
        hit = v && words_match((const char *)v, list);
        xmlFree(v);
    }
    return hit;
}

static bool attr_has(const elem *n, const char *name, const char *needle)
{
    xmlChar *v = get_attr(n, name);
    bool hit = v && (needle ? strcasestr((const char *)v, needle) != NULL : true);
    xmlFree(v);
    return hit;
}

/* Read the element's inline style into n->style, once. */
static void flatten_style(elem *n)
{
    size_t k = 0;
    for (const xmlChar **a = n->attrs; a && a[0]; a += 2)
        if (strcasecmp((const char *)a[0], "style") == 0) {
            for (const xmlChar *p = a[1]; p && *p && k + 1 < sizeof n->style; p++)
                if (!isspace(*p))
                    n->style[k++] = (char)tolower(*p);
            break;
        }
    n->style[k] = '\0';
}

/* Does the class attribute hold the token `word` whole ("col-lg-12 modal
 * fade"; not "modal-open", "modal-header")? */
static bool class_token(const elem *n, const char *word)
{
    xmlChar *v = get_attr(n, "class");
    size_t k = strlen(word);
    bool hit = false;
    for (const char *p = (const char *)v; p && *p && !hit;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && !isspace((unsigned char)*e))
            e++;
        hit = (size_t)(e - p) == k && strncasecmp(p, word, k) == 0;
        p = e;
    }
    xmlFree(v);
    return hit;
}

/* A dialog the page opens on demand, closed as it was saved: <dialog>
 * without `open`, role="dialog" or "alertdialog", a "modal" class (the
 * frameworks' hidden-until-shown box).  Gold: 20 such elements on 11 of
 * the public pages, every one furniture (log in, sign up, settings,
 * consent, share, an advertisement, a video player's overlay). */
static bool closed_dialog(const elem *n)
{
    if (name_is(n, "body") || name_is(n, "html"))
        return false;
    return (name_is(n, "dialog") && !attr_has(n, "open", NULL)) || attr_has(n, "role", "dialog") ||
           class_token(n, "modal");
}

/* Hidden from every reader: the hidden attribute, aria-hidden, inline
 * display:none or visibility:hidden, a closed dialog. */
static bool hidden(const elem *n)
{
    if (attr_has(n, "hidden", NULL) || attr_has(n, "aria-hidden", "true") || closed_dialog(n))
        return true;
    return strstr(n->style, "display:none") || strstr(n->style, "visibility:hidden");
}

/* Set centred: <center>, align="center", inline text-align:center. */
static bool centred(const elem *n)
{
    return name_is(n, "center") || attr_has(n, "align", "center") || strstr(n->style, "text-align:center");
}

/* Set in small type, as captions under pictures are: <small>, <font
 * size> of 1, 2 or less than the body's, an inline font-size of a keyword
 * below medium, under 11pt or 14px, or under 0.9 of the body's (em, rem,
 * %). */
static bool small_type(const elem *n)
{
    if (name_is(n, "small"))
        return true;
    xmlChar *size = name_is(n, "font") ? get_attr(n, "size") : NULL;
    bool small = size && (strcmp((const char *)size, "1") == 0 || strcmp((const char *)size, "2") == 0 ||
                          size[0] == '-');
    xmlFree(size);
    const char *fs = strstr(n->style, "font-size:");
    if (small || !fs)
        return small;
    fs += strlen("font-size:");
    if (!strncmp(fs, "small", 5) || !strncmp(fs, "x-small", 7) || !strncmp(fs, "xx-small", 8))
        return true;
    char *u;
    double v = strtod(fs, &u);
    if (u == fs)
        return false;
    if (!strncmp(u, "pt", 2))
        return v < 11;
    if (!strncmp(u, "px", 2))
        return v < 14;
    if (!strncmp(u, "em", 2) || !strncmp(u, "rem", 3))
        return v < 0.9;
    return *u == '%' && v < 90;
}

/* ------------------------------------------------------------------ */
/* writing lines                                                       */

typedef struct ctx {
    line_hint hint;           /* what a line started here would carry (hint.node: the block around) */
    bool pre, bold, link, small;
    bool credit;              /* inside a picture's credit */
    uint8_t lists;            /* <ul>/<ol> open around */
    int8_t span;              /* the inline span this element opens (folio_span_kind), or -1 */
    size_t span_at;           /* where its text starts in page->text */
    size_t spans_at;          /* page->n_spans then */
    const char *href;         /* LINK: its absolute address */
} ctx;

typedef struct render {
    html_page *page;
    folio_arena *arena;
    size_t line_start;        /* offset of the current line in page->text */
    int breaks;               /* line breaks owed before the next text (0..2) */
    bool space;               /* white space owed before the next text */
    bool after_img;
    size_t said_at, said_end; /* the text the last element closed held, in page->text */
    size_t chars, bold_chars, link_chars; /* of the current line */
    size_t small_runs, other_runs; /* its runs of letters set small, and not (spaces U+00A0 and U+3000 aside) */
    bool failed;
    /* the parser's events: the contexts of the open elements */
    struct ctx *stack;
    size_t depth, cap;
    int skip;                 /* depth inside an element not read (script, hidden), 0: reading */
    bool skip_head;           /* that element is <head>: its children carry metadata */
    bool in_title, in_json;   /* gathering <title> or JSON-LD text */
    folio_buf title, json;
} render;

static line_hint *current_hint(render *w)
{
    return w->page->n_hints ? &w->page->hints[w->page->n_hints - 1] : NULL;
}

/* Close the current line's hint: whole-line bold, whole-line small type,
 * mostly links. */
static void finish_line(render *w)
{
    line_hint *h = current_hint(w);
    if (h && w->chars) {
        if (w->bold_chars == w->chars)
            h->flags |= HF_BOLD;
        if (w->small_runs && !w->other_runs)
            h->flags |= HF_SMALL;
        if (w->link_chars * 2 > w->chars)
            h->flags |= HF_LINK;
    }
    w->chars = w->bold_chars = w->link_chars = w->small_runs = w->other_runs = 0;
}

static bool push_hint(render *w, line_hint h)
{
    html_page *p = w->page;
    if (p->n_hints == p->cap_hints) {
        size_t cap = p->cap_hints ? p->cap_hints * 2 : 256;
        line_hint *grown = realloc(p->hints, cap * sizeof *grown);
        if (!grown)
            return false;
        p->hints = grown;
        p->cap_hints = cap;
    }
    p->hints[p->n_hints++] = h;
    return true;
}

/* Start a new line (and the blank lines owed) before text of context c. */
static void open_line(render *w, const ctx *c)
{
    html_page *p = w->page;
    bool empty_doc = p->n_hints == 0;
    if (!empty_doc) {
        finish_line(w);
        for (int k = 0; k < w->breaks; k++) {
            folio_buf_putc(&p->text, '\n');
            if (k > 0 && !push_hint(w, (line_hint){ 0 }))
                w->failed = true;
        }
    }
    line_hint h = c->hint;
    if (w->after_img)
        h.flags |= HF_AFTER_IMG;
    w->after_img = false;
    if (!push_hint(w, h))
        w->failed = true;
    w->line_start = p->text.len;
    w->breaks = 0;
    w->space = false;
}

/* Something other than no-break and ideographic spaces in s[0..n). */
static bool inked(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        if (p[0] == 0xC2 && end - p >= 2 && p[1] == 0xA0)
            p += 2;
        else if (p[0] == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x80)
            p += 3;
        else
            return true;
    }
    return false;
}

/* Text of a node in context c: white space folded (kept in <pre>). */
static void put_text(render *w, const ctx *c, const char *s, size_t n)
{
    const char *end = s + n;
    for (; s < end; s++) {
        unsigned char ch = (unsigned char)*s;
        if (c->pre && ch == '\n') {
            if (w->page->n_hints && w->breaks == 0 && w->page->text.len > w->line_start)
                w->breaks = 1;
            else if (w->breaks < 2)
                w->breaks++;
            continue;
        }
        if ((ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') && !c->pre) {
            w->space = w->page->text.len > w->line_start || c->pre;
            continue;
        }
        if (w->breaks || w->page->n_hints == 0) {
            open_line(w, c);
        } else if (w->space) {
            folio_buf_putc(&w->page->text, ' ');
        }
        w->space = false;
        /* the run of bytes up to the next white space, at once */
        const char *run = s;
        size_t chars = 0;
        do {
            chars += ((unsigned char)*s & 0xC0) != 0x80; /* a character starts */
            s++;
        } while (s < end && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f');
        folio_buf_append(&w->page->text, run, (size_t)(s - run));
        if (inked(run, (size_t)(s - run))) {
            w->small_runs += c->small;
            w->other_runs += !c->small;
        }
        s--;
        w->chars += chars;
        w->bold_chars += c->bold ? chars : 0;
        w->link_chars += c->link ? chars : 0;
    }
}

static void want_breaks(render *w, int n)
{
    if (w->page->n_hints == 0)
        return;
    if (w->breaks < n)
        w->breaks = n;
}

/* ------------------------------------------------------------------ */
/* metadata                                                            */

static const char *keep(render *w, const char *s)
{
    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return n ? folio_arena_strndup(w->arena, s, n) : NULL;
}

static void take_meta(render *w, const elem *n)
{
    xmlChar *key = get_attr(n, "property");
    if (!key)
        key = get_attr(n, "name");
    if (!key)
        key = get_attr(n, "itemprop");
    xmlChar *val = get_attr(n, "content");
    if (key && val) {
        const char *k = (const char *)key, *v = (const char *)val;
        html_page *p = w->page;
        if (!p->headline && (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title")))
            p->headline = keep(w, v);
        else if (!p->date && (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
                              !strcasecmp(k, "pubdate") || !strcasecmp(k, "publishdate") ||
                              !strcasecmp(k, "date") || !strcasecmp(k, "dc.date") ||
                              !strcasecmp(k, "og:published_time") || !strcasecmp(k, "publish-date")))
            p->date = keep(w, v);
        else if (!p->author && (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
                                !strcasecmp(k, "dc.creator")) && !strstr(v, "://"))
            p->author = keep(w, v);
        else if (!p->site && !strcasecmp(k, "og:site_name"))
            p->site = keep(w, v);
        else if (!p->base && !strcasecmp(k, "og:url") && (!strncasecmp(v, "http://", 7) || !strncasecmp(v, "https://", 8)))
            p->base = keep(w, v);
    }
    xmlFree(key);
    xmlFree(val);
}

/* The string value of "key" in JSON text (first occurrence), unescaped. */
static const char *json_string(render *w, const char *json, const char *key)
{
    char pat[40];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    const char *p = strstr(json, pat);
    if (!p)
        return NULL;
    p += strlen(pat);
    while (isspace((unsigned char)*p) || *p == ':')
        p++;
    if (*p == '{' || *p == '[') { /* "author": {"name": "..."} */
        const char *name = strstr(p, "\"name\"");
        const char *end = strpbrk(p + 1, "]}");
        return name && end && name < end ? json_string(w, p, "name") : NULL;
    }
    if (*p != '"')
        return NULL;
    folio_buf b = { 0 };
    for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1] == 'u' && isxdigit((unsigned char)p[2])) {
            unsigned cp = (unsigned)strtoul((char[]){ p[2], p[3], p[4], p[5], 0 }, NULL, 16);
            char u[4];
            size_t k = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            if (k == 1)
                u[0] = (char)cp;
            else if (k == 2)
                u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
            else
                u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
                u[2] = (char)(0x80 | (cp & 0x3F));
            if (cp >= 0xD800 && cp < 0xE000)
                memcpy(u, "\xEF\xBF\xBD", k = 3);
            folio_buf_append(&b, u, k);
            for (int j = 0; j < 5 && p[1]; j++)
                p++;
            continue;
        }
        if (*p == '\\' && p[1])
            p++;
        folio_buf_putc(&b, *p);
    }
    folio_buf_putc(&b, '\0');
    const char *out = b.failed ? NULL : keep(w, b.data);
    folio_buf_free(&b);
    return out;
}

static void take_json_ld(render *w, const char *j)
{
    html_page *p = w->page;
    if (!p->headline)
        p->headline = json_string(w, j, "headline");
    if (!p->date)
        p->date = json_string(w, j, "datePublished");
    if (!p->author)
        p->author = json_string(w, j, "author");
}

/* Metadata an element carries, wherever it stands. */
static void element_meta(render *w, const elem *n)
{
    html_page *p = w->page;
    if (name_is(n, "meta")) {
        take_meta(w, n);
    } else if (name_is(n, "title") && !p->title) {
        w->in_title = true; /* its text is gathered until it ends */
        w->title.len = 0;
    } else if (name_is(n, "script") && attr_has(n, "type", "ld+json")) {
        w->in_json = true;
        w->json.len = 0;
    } else if (name_is(n, "html") && !p->lang) {
        xmlChar *l = get_attr(n, "lang");
        p->lang = keep(w, (const char *)l);
        xmlFree(l);
    } else if ((name_is(n, "base") || (name_is(n, "link") && attr_has(n, "rel", "canonical"))) && !p->base) {
        xmlChar *h = get_attr(n, "href");
        p->base = h && (!strncasecmp((const char *)h, "http://", 7) || !strncasecmp((const char *)h, "https://", 8))
                      ? keep(w, (const char *)h) : NULL;
        xmlFree(h);
    } else if (name_is(n, "time") && !p->date) {
        xmlChar *d = get_attr(n, "datetime");
        p->date = keep(w, (const char *)d);
        xmlFree(d);
    }
}

/* ------------------------------------------------------------------ */
/* the elements                                                        */

/* The context inside element n, from its parent's. */
static ctx enter_ctx(const elem *n, ctx c)
{
    const char *name = (const char *)n->name;
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
        c.hint.tag = HT_HEADING;
        c.hint.level = (uint8_t)(name[1] - '0');
    } else if (name_is(n, "p") || name_is(n, "dd") || name_is(n, "dt")) {
        if (c.hint.tag == HT_NONE || c.hint.tag == HT_OTHER || c.hint.tag == HT_CELL)
            c.hint.tag = HT_P; /* a <p> inside a quote or an item stays one */
    } else if (name_is(n, "li")) {
        c.hint.tag = HT_ITEM;
        c.hint.level = c.lists ? (uint8_t)(c.lists - 1) : 0; /* its depth */
    } else if (name_is(n, "blockquote")) {
        c.hint.tag = HT_QUOTE;
    } else if (name_is(n, "figcaption") || name_is(n, "caption")) {
        c.hint.tag = HT_CAPTION;
    } else if (name_is(n, "pre")) {
        c.hint.tag = HT_PRE;
        c.pre = true;
    } else if (name_is(n, "td") || name_is(n, "th")) {
        c.hint.tag = HT_CELL;
    } else if (name_in(n, blocks) && c.hint.tag == HT_NONE) {
        c.hint.tag = HT_OTHER;
    }
    if (name_is(n, "ol"))
        c.hint.flags |= HF_ORDERED;
    else if (name_is(n, "ul"))
        c.hint.flags &= ~(uint32_t)HF_ORDERED;
    if ((name_is(n, "ol") || name_is(n, "ul")) && c.lists < 6)
        c.lists++;
    if (name_is(n, "nav") || name_is(n, "menu"))
        c.hint.flags |= HF_NAV;
    else if (name_is(n, "aside"))
        c.hint.flags |= HF_ASIDE;
    else if (name_is(n, "footer"))
        c.hint.flags |= HF_FOOTER;
    else if (name_is(n, "header"))
        c.hint.flags |= HF_HEADER;
    else if (name_is(n, "form") || name_is(n, "button") || name_is(n, "label"))
        c.hint.flags |= HF_FORM;
    else if (name_is(n, "article") || name_is(n, "main") || attr_has(n, "itemprop", "articleBody"))
        c.hint.flags |= HF_ARTICLE;
    else if (name_is(n, "figure"))
        c.hint.flags |= HF_FIGURE;
    else if (name_is(n, "time"))
        c.hint.flags |= HF_TIME;
    if (name_is(n, "b") || name_is(n, "strong"))
        c.bold = true;
    if (small_type(n))
        c.small = true;
    if (name_is(n, "a") && attr_has(n, "href", NULL))
        c.link = true;
    if (attr_words(n, furniture_words))
        c.hint.flags |= HF_FURNITURE;
    if (attr_words(n, caption_words))
        c.hint.flags |= HF_CAPTION_CLASS;
    if (attr_words(n, meta_words))
        c.hint.flags |= HF_META_CLASS;
    if (attr_words(n, subtitle_words))
        c.hint.flags |= HF_SUBTITLE_CLASS;
    if (centred(n))
        c.hint.flags |= HF_CENTER;
    return c;
}

static int breaks_of(const elem *n)
{
    if (name_is(n, "p"))
        return 2;
    return name_in(n, blocks) ? 1 : 0;
}

/* An image where it stands: before the next line (lazy pages keep the
 * address in data-src). */
static void note_image(render *w, const elem *n)
{
    html_page *p = w->page;
    xmlChar *src = get_attr(n, "src");
    if (!src || !*src || strncmp((const char *)src, "data:", 5) == 0) {
        xmlFree(src);
        src = get_attr(n, "data-src");
    }
    xmlChar *alt = get_attr(n, "alt");
    if (src && *src) {
        if (p->n_images == p->cap_images) {
            size_t cap = p->cap_images ? p->cap_images * 2 : 16;
            struct html_image *grown = realloc(p->images_at, cap * sizeof *grown);
            if (!grown)
                w->failed = true;
            else
                p->images_at = grown, p->cap_images = cap;
        }
        if (p->n_images < p->cap_images) {
            const char *s = keep(w, (const char *)src), *a = alt ? keep(w, (const char *)alt) : NULL;
            /* the next line opened is line n_hints (0-based) or later */
            p->images_at[p->n_images++] = (struct html_image){ p->n_hints, s, a ? a : "" };
        }
    }
    xmlFree(src);
    xmlFree(alt);
}

/* An address as a reader of the book can follow it: absolute http(s) and
 * mailto as they are, "//host/x" as https, "/x" and "x" against the page's
 * own address when it gave one; NULL for the rest (anchors, scripts). */
static const char *absolute_href(render *w, const char *href)
{
    const char *base = w->page->base;
    if (!strncasecmp(href, "http://", 7) || !strncasecmp(href, "https://", 8) || !strncasecmp(href, "mailto:", 7))
        return keep(w, href);
    if (href[0] == '#' || !strncasecmp(href, "javascript:", 11) || !*href)
        return NULL;
    folio_buf b = { 0 };
    if (href[0] == '/' && href[1] == '/') {
        folio_buf_puts(&b, "https:");
    } else if (base && (!strncasecmp(base, "http://", 7) || !strncasecmp(base, "https://", 8))) {
        const char *host_end = strchr(strstr(base, "//") + 2, '/');
        size_t keep_len = href[0] == '/' || !host_end ? (host_end ? (size_t)(host_end - base) : strlen(base))
                                                       : (size_t)(strrchr(base, '/') - base) + 1;
        folio_buf_append(&b, base, keep_len);
        if (href[0] != '/' && !host_end)
            folio_buf_putc(&b, '/');
    } else {
        return NULL;
    }
    folio_buf_puts(&b, href);
    folio_buf_putc(&b, '\0');
    const char *out = b.failed ? NULL : keep(w, b.data);
    folio_buf_free(&b);
    return out;
}

/* An element that opens an inline span: <em>/<i>, <strong>/<b>, <a href>. */
static void open_span(render *w, const elem *n, ctx *c)
{
    c->span = -1;
    c->href = NULL;
    if (name_is(n, "em") || name_is(n, "i"))
        c->span = FOLIO_SPAN_EMPHASIS;
    else if (name_is(n, "strong") || name_is(n, "b"))
        c->span = FOLIO_SPAN_STRONG;
    else if (name_is(n, "a")) {
        xmlChar *href = get_attr(n, "href");
        c->href = href ? absolute_href(w, (const char *)href) : NULL;
        c->span = c->href ? FOLIO_SPAN_LINK : -1;
        xmlFree(href);
    }
    c->span_at = w->page->text.len;
    c->spans_at = w->page->n_spans;
}

/* Its end: the text it held, when that stands on one line. */
static void close_span(render *w, const ctx *c)
{
    html_page *p = w->page;
    if (c->span < 0 || p->text.len <= c->span_at || p->text.failed)
        return;
    const char *t = p->text.data + c->span_at;
    size_t n = p->text.len - c->span_at;
    while (n && (*t == ' ' || *t == '\n')) /* the line it opened, the space before it */
        t++, n--;
    if (!n || memchr(t, '\n', n))
        return;
    if (p->n_spans == p->cap_spans) {
        size_t cap = p->cap_spans ? p->cap_spans * 2 : 64;
        struct html_span *grown = realloc(p->spans, cap * sizeof *grown);
        if (!grown) {
            w->failed = true;
            return;
        }
        p->spans = grown;
        p->cap_spans = cap;
    }
    const char *text = folio_arena_strndup(w->arena, t, n);
    if (!text) {
        w->failed = true;
        return;
    }
    p->spans[p->n_spans++] = (struct html_span){ p->n_hints ? p->n_hints - 1 : 0, (uint8_t)c->span, text, c->href };
}

/* Number a block element (its context c gets the number). */
static bool new_node(render *w, ctx *c)
{
    html_page *p = w->page;
    if (p->n_nodes == p->cap_nodes) {
        uint32_t cap = p->cap_nodes ? p->cap_nodes * 2 : 256;
        html_node *grown = realloc(p->nodes, cap * sizeof *grown);
        if (!grown) {
            w->failed = true;
            return false;
        }
        p->nodes = grown;
        p->cap_nodes = cap;
    }
    if (p->n_nodes == 0) /* node 0: the document */
        p->nodes[p->n_nodes++] = (html_node){ 0, 0 };
    p->nodes[p->n_nodes] = (html_node){ p->n_nodes, c->hint.node };
    c->hint.node = p->n_nodes++;
    return true;
}

/* Does the element name a picture's credit (class or id "credit",
 * itemprop "copyrightHolder")? */
static bool names_credit(const elem *n)
{
    return attr_words(n, credit_words) || attr_has(n, "itemprop", "copyrightholder");
}

/* A word said twice: an element whose text is the text of the element
 * closed right before it, with nothing between ("Credit" twice, one copy
 * for screen readers that the page's style sheet hides), is read once.
 * Short texts with letters, no line and no span of their own. */
enum { SAID_TWICE_MAX = 40 };

static void said_twice(render *w, const ctx *c)
{
    folio_buf *t = &w->page->text;
    size_t at = c->span_at;
    while (at < t->len && (t->data[at] == ' ' || t->data[at] == '\n')) /* the space or line it opened */
        at++;
    size_t n = t->len - at;
    int32_t first;
    if (!t->failed && n >= 4 && n <= SAID_TWICE_MAX && w->said_end == c->span_at && w->said_end - w->said_at == n &&
        !memchr(t->data + c->span_at, '\n', at - c->span_at) &&
        c->span < 0 && w->page->n_spans == c->spans_at && !memchr(t->data + at, '\n', n) &&
        memcmp(t->data + w->said_at, t->data + at, n) == 0 && folio_utf8_next(t->data + at, n, &first) &&
        folio_is_letter(first)) {
        t->len = c->span_at;
        return;
    }
    w->said_at = at;
    w->said_end = t->len;
}

/* The parser's events (SAX): no tree is built, so a page costs its text
 * and the contexts of the elements open at a time. */
static void on_start(void *user, const xmlChar *name, const xmlChar **attrs)
{
    render *w = user;
    elem e = { name, attrs, "" };
    if (w->failed || !name)
        return;
    if (w->skip) { /* inside an element not read; <head>'s children give metadata */
        w->skip++;
        if (w->skip == 2 && w->skip_head)
            element_meta(w, &e);
        return;
    }
    element_meta(w, &e);
    flatten_style(&e);
    if (name_in(&e, skipped) || hidden(&e)) {
        w->skip = 1;
        w->skip_head = name_is(&e, "head");
        return;
    }
    bool credit = w->stack[w->depth].credit || names_credit(&e);
    if (name_is(&e, "br")) {
        if (w->breaks < 2)
            w->breaks = w->page->text.len > w->line_start || w->breaks ? w->breaks + 1 : 1;
    } else if (name_is(&e, "img")) {
        w->after_img = true;
        note_image(w, &e);
    } else if (name_is(&e, "td") || name_is(&e, "th") || credit) {
        /* a cell; a picture's credit after its caption, and each of its parts
         * ("…underground. Credit Chang W. Lee", not "underground.CreditChang") */
        w->space = true;
    }
    want_breaks(w, breaks_of(&e));
    if (w->depth + 1 >= w->cap) {
        size_t cap = w->cap * 2;
        ctx *grown = realloc(w->stack, cap * sizeof *grown);
        if (!grown) {
            w->failed = true;
            return;
        }
        w->stack = grown;
        w->cap = cap;
    }
    ctx *c = &w->stack[w->depth + 1];
    *c = enter_ctx(&e, w->stack[w->depth]);
    c->credit = credit;
    open_span(w, &e, c);
    if (name_in(&e, blocks) && !new_node(w, c))
        return;
    w->depth++;
}

static void on_end(void *user, const xmlChar *name)
{
    render *w = user;
    elem e = { name, NULL, "" };
    if (w->failed || !name)
        return;
    if (w->in_title && name_is(&e, "title")) {
        folio_buf_putc(&w->title, '\0');
        w->page->title = w->title.failed ? NULL : keep(w, w->title.data);
        w->in_title = false;
    } else if (w->in_json && name_is(&e, "script")) {
        folio_buf_putc(&w->json, '\0');
        if (!w->json.failed)
            take_json_ld(w, w->json.data);
        w->in_json = false;
    }
    if (w->skip) {
        w->skip--;
        return;
    }
    if (w->depth == 0)
        return;
    const ctx *c = &w->stack[w->depth];
    said_twice(w, c);
    close_span(w, c);
    want_breaks(w, breaks_of(&e));
    if (c->hint.node != w->stack[w->depth - 1].hint.node)
        w->page->nodes[c->hint.node].end = w->page->n_nodes - 1;
    w->depth--;
}

static void on_text(void *user, const xmlChar *s, int len)
{
    render *w = user;
    if (w->failed || len <= 0)
        return;
    if (w->in_title)
        folio_buf_append(&w->title, (const char *)s, (size_t)len);
    if (w->in_json)
        folio_buf_append(&w->json, (const char *)s, (size_t)len);
    if (!w->skip)
        put_text(w, &w->stack[w->depth], (const char *)s, (size_t)len);
}

folio_status folio_html_render(folio_arena *a, const char *html, size_t len, html_page *page)
{
    render w = { .page = page, .arena = a, .cap = 64 };
    if (len > (size_t)INT32_MAX)
        return FOLIO_ERR_INPUT;
    w.stack = malloc(w.cap * sizeof *w.stack);
    htmlParserCtxtPtr ctxt = w.stack ? htmlCreateMemoryParserCtxt(html, (int)len) : NULL;
    folio_status st = FOLIO_ERR_NOMEM;
    if (!ctxt)
        goto cleanup;
    w.stack[0] = (ctx){ .span = -1 };
    memset(ctxt->sax, 0, sizeof *ctxt->sax);
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    ctxt->sax->characters = on_text;
    ctxt->sax->cdataBlock = on_text;
    ctxt->sax->initialized = 1;
    ctxt->userData = &w;
    /* the bytes are UTF-8 already: a <meta charset> in them says nothing now */
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    htmlParseDocument(ctxt);
    finish_line(&w);
    if (page->n_nodes)
        page->nodes[0].end = page->n_nodes - 1;
    st = w.failed || page->text.failed ? FOLIO_ERR_NOMEM : FOLIO_OK;
cleanup:
    if (ctxt) {
        if (ctxt->myDoc)
            xmlFreeDoc(ctxt->myDoc);
        htmlFreeParserCtxt(ctxt);
    }
    free(w.stack);
    folio_buf_free(&w.title);
    folio_buf_free(&w.json);
    return st;
}

void folio_html_page_free(html_page *page)
{
    folio_buf_free(&page->text);
    free(page->hints);
    page->hints = NULL;
    free(page->nodes);
    page->nodes = NULL;
    free(page->images_at);
    page->images_at = NULL;
    free(page->spans);
    page->spans = NULL;
}

/* ------------------------------------------------------------------ */
/* the declared encoding                                               */

const char *folio_html_charset(const char *data, size_t len, char *buf, size_t cap)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(data + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < n && (data[j] == ' ' || data[j] == '='))
            j++;
        while (j < n && (data[j] == '"' || data[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < cap && (isalnum((unsigned char)data[j]) || data[j] == '-' || data[j] == '_'))
            buf[k++] = data[j++];
        buf[k] = '\0';
        if (!k)
            continue;
        if (!strcasecmp(buf, "gb2312") || !strcasecmp(buf, "gbk") || !strcasecmp(buf, "x-gbk"))
            snprintf(buf, cap, "GB18030");
        else if (!strcasecmp(buf, "iso-8859-1") || !strcasecmp(buf, "latin1") || !strcasecmp(buf, "us-ascii"))
            snprintf(buf, cap, "WINDOWS-1252");
        else if (!strcasecmp(buf, "shift_jis") || !strcasecmp(buf, "sjis") || !strcasecmp(buf, "x-sjis"))
            snprintf(buf, cap, "CP932");
        return buf;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* entry                                                               */

int folio_looks_like_html(const void *data, size_t len)
{
    const char *s = data;
    size_t n = len < 1024 ? len : 1024, i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = memmem(s + i, n - i, "-->", 3);
            if (!end)
                return 0;
            i = (size_t)(end - s) + 3;
            continue;
        }
        break;
    }
    static const char *const starts[] = { "<!doctype html", "<html", "<head", "<?xml", NULL };
    for (const char *const *p = starts; *p; p++) {
        size_t k = strlen(*p);
        if (i + k <= n && strncasecmp(s + i, *p, k) == 0)
            return strcmp(*p, "<?xml") != 0 || memmem(s, n, "<html", 5) != NULL;
    }
    return 0;
}

/* Valid UTF-8 throughout (a BOM aside)? */
static bool valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t step = folio_utf8_next(s + i, n - i, &c);
        if (c == 0xFFFD && !(step == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            return false;
        i += step;
    }
    return true;
}

folio_status folio_read_html(const void *data, size_t len, const folio_read_opts *opts, folio_doc **out,
                             folio_error *err)
{
    folio_error scratch;
    if (!err)
        err = &scratch;
    err->message[0] = '\0';
    err->option = NULL;
    *out = NULL;
    folio_buf text = { 0 };
    html_page page = { 0 };
    char declared[48];
    folio_warning warning;
    const char *utf8 = NULL, *enc = opts ? opts->encoding : NULL;
    size_t n = 0;
    folio_status st = FOLIO_ERR_NOMEM;
    folio_arena *arena = folio_arena_new();
    if (!arena)
        goto cleanup;
    /* Saved pages are often re-encoded to UTF-8 and still declare their
     * old charset: valid UTF-8 wins over the declaration. */
    if (!(enc && *enc) && !valid_utf8(data, len))
        enc = folio_html_charset(data, len, declared, sizeof declared);
    st = folio_decode(data, len, enc, opts && opts->strict, &utf8, &n, &text, &warning, err);
    if (st != FOLIO_OK)
        goto cleanup;
    if ((st = folio_html_render(arena, utf8, n, &page)) != FOLIO_OK)
        goto cleanup;
    st = folio_scraped_read(page.text.data ? page.text.data : "", page.text.len, &page, opts, out, err);
    if (st == FOLIO_OK && warning.message[0] && opts && opts->warn)
        opts->warn(opts->warn_user, warning.message, warning.option);
cleanup:
    if (st == FOLIO_ERR_NOMEM && !err->message[0])
        snprintf(err->message, sizeof err->message, "out of memory");
    folio_html_page_free(&page);
    folio_buf_free(&text);
    folio_arena_free(arena);
    return st;
}
