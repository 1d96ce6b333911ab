/* clock.c - placeholder until its normalizer lands. */
#include "claims_private.h"

int claims__time_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                  size_t len, const claims_parse_options *opts, claims_error *err)
{
    (void)v; (void)ctx; (void)s; (void)len; (void)opts;
    return claims__error_simple(err, CLAIMS_ESYNTAX, "placeholder: time not written yet");
}

