/* load.c - the smallest libclaims program: load one claims document and
 * list its claims, or print every error with its position.
 * Usage: example_load FILE.json      SPDX-License-Identifier: CC0-1.0 */
#include <claims.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.json\n", argv[0]);
        return 2;
    }
    claims_store *store;
    claims_error err;
    if (claims_store_new(&store, &err) != CLAIMS_OK)
        return 1;
    int rc = claims_store_load_file(store, argv[1], strlen(argv[1]), NULL, NULL, &err);
    for (size_t i = 0; i < claims_store_diagnostic_count(store); i++) {
        const claims_error *e = claims_store_diagnostic(store, i);
        fprintf(stderr, "%s:%d:%d: %s\n", e->source, e->line, e->column, e->text);
    }
    claims_cursor *cur;
    const claims_claim_info *c; /* borrowed from the cursor until its next step */
    claims_store_claims(&cur, store, CLAIMS_ALL);
    while (claims_cursor_next_claim(&c, cur) == CLAIMS_OK)
        printf("%s %s/%s: %s = \"%s\"\n", c->source_id, c->subject_id, c->id, c->attribute,
               c->value);
    claims_cursor_free(cur);
    claims_store_free(store);
    return rc == CLAIMS_OK ? 0 : 1;
}
