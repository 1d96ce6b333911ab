/* number.c - placeholder until its normalizer lands. */
#include "claims_private.h"

int claims__number_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                  size_t len, const claims_parse_options *opts, claims_error *err)
{
    (void)v; (void)ctx; (void)s; (void)len; (void)opts;
    return claims__error_simple(err, CLAIMS_ESYNTAX, "placeholder: number not written yet");
}

void claims__number_compare(claims_comparison *out, const claims_ctx *ctx,
                    const claims_value *a, const claims_value *b)
{
    (void)ctx; (void)a; (void)b;
    out->relation = CLAIMS_RELATION_INCOMPARABLE;
}

