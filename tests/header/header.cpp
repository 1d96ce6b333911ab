/* header.c - claims.h compiles alone, first, with every warning on. */
#include <claims.h>

int claims_header_test_anchor(void);
int claims_header_test_anchor(void)
{
    return CLAIMS_VERSION_CHECK(0, 1, 0) ? CLAIMS_OK : CLAIMS_ERROR;
}

/* The initialisers of the caller-filled structs compile without warnings
 * (every field given), and the rows are only ever read through pointers. */
int claims_header_test_inits(const claims_claim_info *row);
int claims_header_test_inits(const claims_claim_info *row)
{
    claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;
    claims_result_stats stats = CLAIMS_RESULT_STATS_INIT;
    claims_comparison cmp = CLAIMS_COMPARISON_INIT;
    claims_load_options lo = CLAIMS_LOAD_OPTIONS_INIT;
    claims_parse_options po = CLAIMS_PARSE_OPTIONS_INIT;
    claims_reconcile_options ro = CLAIMS_RECONCILE_OPTIONS_INIT;
    claims_render_options rend = CLAIMS_RENDER_OPTIONS_INIT;
    return (int)(sum.version + stats.version + cmp.version + lo.version + po.version + ro.version +
                 rend.version) +
           (row ? row->line : 0);
}
