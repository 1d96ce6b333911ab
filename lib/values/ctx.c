/* ctx.c - the context: what normalization and reconciliation consult. */
#include "values/values_int.h"

#include <stdlib.h>

int claims_ctx_new(claims_ctx **out, claims_error *err)
{
    claims__error_clear(err);
    if (!out)
        return claims__error_simple(err, CLAIMS_EINVAL, "out is NULL");
    claims_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    claims__arena_init(&ctx->arena);
    claims__strmap_init(&ctx->attr_index);
    ctx->gazetteer = &claims__gazetteer_builtin;
    if (claims__aliases_new(&ctx->aliases) != CLAIMS_OK || claims__schema_init(ctx) != CLAIMS_OK) {
        claims_ctx_free(ctx);
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    *out = ctx;
    return CLAIMS_OK;
}

void claims_ctx_free(claims_ctx *ctx)
{
    if (!ctx)
        return;
    if (ctx->view) {
        free(ctx);
        return;
    }
    claims__gaz_user_free(ctx->gaz_user);
    claims__aliases_free(ctx->aliases);
    claims__nicknames_free(ctx->nicknames);
    claims__schema_free(ctx);
    claims__arena_free(&ctx->arena);
    free(ctx);
}

const claims__gazetteer *claims__ctx_gazetteer(const claims_ctx *ctx)
{
    return ctx ? ctx->gazetteer : &claims__gazetteer_builtin;
}

int claims__ctx_view_new(claims_ctx **out, const claims_ctx *ctx,
                         const struct claims__places *learned)
{
    claims_ctx *v = malloc(sizeof *v);
    if (!v)
        return CLAIMS_ENOMEM;
    *v = *ctx;
    v->learned = learned;
    v->view = true;
    *out = v;
    return CLAIMS_OK;
}

void claims__ctx_view_free(claims_ctx *view)
{
    if (view && view->view)
        free(view);
}
