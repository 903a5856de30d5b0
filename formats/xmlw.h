/*
 * xmlw.h - libxml2's xmlTextWriter with one failure flag, shared by the
 * writers that produce XML (EPUB, OPML).  Each call records a failure
 * instead of returning it, so a writer checks once, at the end.
 */
#ifndef FOLIO_XMLW_H
#define FOLIO_XMLW_H

#include "../convert/internal.h"
#include <libxml/xmlwriter.h>

/* Linked as folio_xw_*: the library exports nothing without the prefix. */
#define xw_open folio_xw_open
#define x_check folio_xw_check
#define x_start folio_xw_start
#define x_attr folio_xw_attr
#define x_end folio_xw_end
#define x_text folio_xw_text
#define x_elem folio_xw_elem
#define xw_finish folio_xw_finish
#define xw_discard folio_xw_discard

typedef struct xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    bool failed;
} xw;

bool xw_open(xw *x);                 /* start a document in memory */
void x_check(xw *x, int rc);
void x_start(xw *x, const char *el);
void x_attr(xw *x, const char *name, const char *value);
void x_end(xw *x);
void x_text(xw *x, const char *s);   /* text and attributes drop characters XML 1.0 forbids */
void x_elem(xw *x, const char *el, const char *cls, const char *text);
/* Mixed content (an element inside text) must not be indented: a line
 * break there is a space in the text.  on = 1 while writing it. */
void x_inline(xw *x, int on);
/* End the document; returns its bytes (owned by x) or NULL on failure. */
const char *xw_finish(xw *x, size_t *len);
void xw_discard(xw *x);

#endif
