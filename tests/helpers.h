/* helpers.h - sinks shared by the unit tests and the fuzz harnesses. */
#ifndef FOLIO_TEST_HELPERS_H
#define FOLIO_TEST_HELPERS_H

#include <stddef.h>

#ifdef FOLIO_INTERNAL_H
/* Append the bytes to a folio_buf. */
static int to_buf(void *user, const void *data, size_t len)
{
    folio_buf_append(user, data, len);
    return 0;
}
#endif

/* Fail every write, as a full disk would. */
static inline int refuse(void *user, const void *data, size_t len)
{
    (void)user, (void)data, (void)len;
    return -1;
}

/* Count the bytes and forget them. */
static inline int count(void *user, const void *data, size_t len)
{
    (void)data;
    *(size_t *)user += len;
    return 0;
}

#endif
