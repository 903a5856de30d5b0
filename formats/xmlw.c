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

void x_attr(xw *x, const char *name, const char *value)
{
    x_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

void x_end(xw *x)
{
    x_check(x, xmlTextWriterEndElement(x->w));
}

/* Text without the characters XML 1.0 forbids (C0 controls, U+FFFE/F). */
void x_text(xw *x, const char *s)
{
    folio_buf b = { 0 };
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 && c != '\t' && c != '\n')
            continue;
        if (c == 0xEF && (unsigned char)p[1] == 0xBF && ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF)) {
            p += 2;
            continue;
        }
        folio_buf_putc(&b, (char)c);
    }
    x_check(x, b.failed ? -1 : xmlTextWriterWriteString(x->w, BAD_CAST (b.data ? b.data : "")));
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
