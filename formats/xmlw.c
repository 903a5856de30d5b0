/*
 * xmlw.c - see xmlw.h.
 */
#include "xmlw.h"
#include <string.h>

bool xw_open(xw *x)
{
    x->failed = false;
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w)
        return false;
    xmlTextWriterSetIndent(x->w, 1);
    xmlTextWriterSetIndentString(x->w, BAD_CAST "");
    if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
        x->failed = true;
    return true;
}

void x_check(xw *x, int rc)
{
    if (rc < 0)
        x->failed = true;
}

void x_start(xw *x, const char *el)
{
    x_check(x, xmlTextWriterStartElement(x->w, BAD_CAST el));
}

/* s as XML 1.0 text into b: without the characters XML forbids (C0
 * controls but tab and newline, U+FFFE, U+FFFF) and with U+FFFD for bytes
 * that are not UTF-8, so that no text makes a file that is not well-formed. */
static void xml_clean(folio_buf *b, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        int32_t c;
        size_t k = folio_utf8_next(s + i, n - i, &c);
        if (c == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            folio_buf_append(b, "\xEF\xBF\xBD", 3);
        else if (!((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF))
            folio_buf_append(b, s + i, k);
        i += k;
    }
    folio_buf_putc(b, '\0');
}

void x_attr(xw *x, const char *name, const char *value)
{
    folio_buf b = { 0 };
    xml_clean(&b, value);
    x_check(x, b.failed ? -1 : xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST b.data));
    folio_buf_free(&b);
}

void x_end(xw *x)
{
    x_check(x, xmlTextWriterEndElement(x->w));
}

void x_text(xw *x, const char *s)
{
    folio_buf b = { 0 };
    xml_clean(&b, s);
    x_check(x, b.failed ? -1 : xmlTextWriterWriteString(x->w, BAD_CAST b.data));
    folio_buf_free(&b);
}

void x_elem(xw *x, const char *el, const char *cls, const char *text)
{
    x_start(x, el);
    if (cls)
        x_attr(x, "class", cls);
    x_text(x, text);
    x_end(x);
}

void xw_discard(xw *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    x->w = NULL;
    x->buf = NULL;
}


const char *xw_finish(xw *x, size_t *len)
{
    x_check(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w);
    x->w = NULL;
    if (x->failed)
        return NULL;
    *len = (size_t)xmlBufferLength(x->buf);
    return (const char *)xmlBufferContent(x->buf);
}

void x_inline(xw *x, int on)
{
    x_check(x, xmlTextWriterSetIndent(x->w, !on));
}
