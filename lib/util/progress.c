/* progress.c - the throttled progress callback every long stage reports
 * through (loads and the reconcile stages). */
#include "util/util.h"

int claims__progress(claims_progress_fn fn, void *payload, const char *stage, size_t done,
                     size_t total, size_t *next)
{
    if (!fn || (done < *next && done < total))
        return CLAIMS_OK;
    *next = done + (total / 256 ? total / 256 : 1);
    return fn(stage, done, total, payload) ? CLAIMS_ECANCELED : CLAIMS_OK;
}
