/* build_api.c - two outlets report one meeting, built through the API (no JSON),
 * reconciled, printed as value groups.  SPDX-License-Identifier: CC0-1.0 */
#include <claims.h>
#include <stdio.h>
#include <string.h>

#define S(s) ((claims_str){(s), sizeof(s) - 1})

static void report(claims_store *st, const char *id, const char *outlet, const char *minutes,
                   const char *speaker)
{
    size_t src; /* descriptions: every string with its length */
    claims_source_desc d = {CLAIMS_SOURCE_DESC_VERSION,
                            {id, strlen(id)},
                            {outlet, strlen(outlet)},
                            {0},
                            {0},
                            S("2016-11-20"),
                            {0},
                            S("en")};
    claims_subject_desc talk = {CLAIMS_SUBJECT_DESC_VERSION, S("talk"), S("event"),
                                S("Obama-Putin talk")};
    claims_store_add_source(st, &src, &d, NULL);
    claims_store_add_subject(st, src, &talk, NULL);
    claims_str who = {speaker, strlen(speaker)};
    const char *facts[][2] = {{"participant", "Barack Obama"},
                              {"participant", "Vladimir Putin"},
                              {"date", "Sunday"},
                              {"place", "Lima, Peru"},
                              {"duration", minutes}};
    for (size_t i = 0; i < 5; i++) {
        claims_claim_desc c = {CLAIMS_CLAIM_DESC_VERSION,
                               {0},
                               S("talk"),
                               {facts[i][0], strlen(facts[i][0])},
                               {facts[i][1], strlen(facts[i][1])},
                               {0},
                               &who,
                               i == 4,
                               {0},
                               -1,
                               -1,
                               CLAIMS_AFFIRMED,
                               CLAIMS_CERTAIN};
        claims_store_add_claim(st, NULL, src, &c, NULL);
    }
}

int main(void)
{
    claims_store *st;
    claims_result *res;
    claims_store_new(&st, NULL);
    report(st, "cbs", "CBS News", "four minutes", "the White House");
    report(st, "wsj", "The Wall Street Journal", "about four minutes", "a White House official");
    if (claims_reconcile(&res, NULL, st, NULL, NULL) != CLAIMS_OK)
        return 1;
    claims_cursor *su, *at, *va; /* rows are borrowed from their cursor */
    const claims_result_subject_info *s;
    const claims_attribute_info *a;
    const claims_value_info *v;
    claims_result_subjects(&su, res);
    while (claims_cursor_next_result_subject(&s, su) == CLAIMS_OK) {
        printf("%s (%zu sources)\n", s->label, s->source_count);
        for (claims_result_attributes(&at, res, s->index);
             claims_cursor_next_attribute(&a, at) == CLAIMS_OK; claims_cursor_free(va)) {
            printf("  %-12s %-13s", a->attribute, claims_agreement_name(a->agreement));
            claims_result_values(&va, res, s->index, a->index);
            while (claims_cursor_next_value(&v, va) == CLAIMS_OK)
                printf(" %s [%zu sources, %zu origins]", v->normalized, v->source_count,
                       v->origin_count);
            printf("\n");
        }
        claims_cursor_free(at);
    }
    claims_cursor_free(su), claims_result_free(res), claims_store_free(st);
    return 0;
}
