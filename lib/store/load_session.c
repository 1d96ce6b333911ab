/* load_session.c - what every format loader shares during one load call:
 * recording a diagnostic, reporting progress (and stopping when the caller's
 * callback says so), and giving up on memory or read errors. */
#include "store/load.h"

#include <stdio.h>

void claims__load_report(claims__load *L, const claims_error *e)
{
    claims__store_diagnose(L->store, e);
    L->summary.errors++;
    if (L->err && L->err->code == CLAIMS_OK)
        *L->err = *e;
}

int claims__load_progress(claims__load *L, size_t done, size_t total)
{
    if (L->canceled)
        return CLAIMS_ECANCELED;
    if (total < done) /* a file that grew while it was read */
        total = done;
    if (claims__progress(L->opts->progress, L->opts->progress_payload, "load", done, total,
                         &L->progress_next) == CLAIMS_OK)
        return CLAIMS_OK;
    claims_error e;
    claims__error_clear(&e);
    e.code = CLAIMS_ECANCELED;
    snprintf(e.source, sizeof e.source, "%s", L->name);
    snprintf(e.text, sizeof e.text, "load canceled after %zu of %zu bytes", done, total);
    claims__load_report(L, &e);
    L->canceled = true;
    return CLAIMS_ECANCELED;
}

int claims__load_fail(claims__load *L, int code)
{
    claims_error e;
    claims__error_clear(&e);
    if (code == CLAIMS_ENOMEM)
        claims__error_set(&e, code, L->name, 0, 0, -1, -1, "out of memory");
    else
        claims__error_set(&e, code, L->name, 0, 0, -1, -1, "cannot read: %s",
                          claims_strerror(code));
    claims__load_report(L, &e);
    return code;
}
