/* gen_claims.c - writes synthetic claims documents (JSON Lines) for the
 * reconciliation benchmark; see claims_gen.c for what they contain.
 *
 *   gen_claims [--claims N] [--events E] [--sources S] [--persons P]
 *              [--mentions MIN-MAX] [--facts SHARE] [--seed X] [--truth FILE]
 *              [--schema FILE] [-o FILE]
 *
 * Defaults: 1000000 claims, 100000 events, 1000 sources, 3000 persons,
 * 2-10 sources per event, 15% of the claims left for facts (the number of
 * sources per event is chosen to leave them), seed 1, output to standard
 * output. --truth writes the ground truth (which event or person each
 * subject mention is); --schema writes the attribute schema to reconcile
 * them with (claims reconcile --schema FILE). */
#include "claims_gen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f)
{
    fputs("usage: gen_claims [--claims N] [--events E] [--sources S] [--persons P]\n"
          "                  [--mentions MIN-MAX] [--facts SHARE] [--seed X]\n"
          "                  [--truth FILE] [--schema FILE] [-o FILE]\n",
          f);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *end || errno || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

int main(int argc, char **argv)
{
    gen_params p = GEN_PARAMS_INIT;
    const char *out_path = NULL, *truth_path = NULL, *schema_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        size_t n = 0;
        int bad = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!v) {
            bad = 1;
        } else if (!strcmp(a, "--claims")) {
            bad = parse_size(v, &p.claims);
        } else if (!strcmp(a, "--events")) {
            bad = parse_size(v, &p.events);
        } else if (!strcmp(a, "--sources")) {
            bad = parse_size(v, &p.sources);
        } else if (!strcmp(a, "--persons")) {
            bad = parse_size(v, &p.persons);
        } else if (!strcmp(a, "--seed")) {
            bad = parse_size(v, &n);
            p.seed = n;
        } else if (!strcmp(a, "--mentions")) {
            bad = gen_parse_range(v, &p.min_mentions, &p.max_mentions);
        } else if (!strcmp(a, "--facts")) {
            char *end;
            p.fact_share = strtod(v, &end);
            bad = end == v || *end || !(p.fact_share >= 0.0 && p.fact_share < 1.0);
        } else if (!strcmp(a, "--truth")) {
            truth_path = v;
        } else if (!strcmp(a, "--schema")) {
            schema_path = v;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            out_path = v;
        } else {
            bad = 1;
        }
        if (bad) {
            fprintf(stderr, "gen_claims: bad argument %s%s%s\n", a, v ? " " : "", v ? v : "");
            usage(stderr);
            return 2;
        }
        i++;
    }
    if (schema_path) {
        FILE *f = fopen(schema_path, "w");
        int bad = !f || fputs(GEN_SCHEMA, f) == EOF;
        if ((f && fclose(f) != 0) || bad) {
            fprintf(stderr, "gen_claims: cannot write %s: %s\n", schema_path, strerror(errno));
            return 1;
        }
    }
    FILE *out = out_path ? fopen(out_path, "wb") : stdout;
    if (!out) {
        fprintf(stderr, "gen_claims: cannot write %s: %s\n", out_path, strerror(errno));
        return 1;
    }
    FILE *truth = truth_path ? fopen(truth_path, "w") : NULL;
    if (truth_path && !truth) {
        fprintf(stderr, "gen_claims: cannot write %s: %s\n", truth_path, strerror(errno));
        return 1;
    }
    static char buf[1 << 20];
    setvbuf(out, buf, _IOFBF, sizeof buf);
    gen_stats st;
    char err[256] = "";
    struct timespec t0, t1;
    timespec_get(&t0, TIME_UTC);
    int rc = gen_write(&p, out, truth, &st, err, sizeof err);
    if (out != stdout && fclose(out) != 0 && rc == 0) {
        rc = -1;
        snprintf(err, sizeof err, "cannot write %s", out_path);
    }
    if (truth && fclose(truth) != 0 && rc == 0) {
        rc = -1;
        snprintf(err, sizeof err, "cannot write %s", truth_path);
    }
    timespec_get(&t1, TIME_UTC);
    if (rc != 0) {
        fprintf(stderr, "gen_claims: %s\n", err);
        return 1;
    }
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    fprintf(stderr,
            "gen_claims: %zu documents, %zu claims (%zu identifying, %zu facts, %zu about "
            "persons), %.1f MB in %.2f s\n"
            "  %zu events (%zu meetings, %zu at %zu summits, %zu calls, %zu incidents, "
            "%zu distractors), %zu event mentions (%.2f per event; one more source with "
            "chance %.3f)\n"
            "  %zu person subjects of %zu persons; %zu wire quotes, %zu negated, %zu "
            "uncertain, %zu hedged, %zu wrong dates\n",
            st.documents, st.claims, st.core_claims, st.fact_claims, st.person_claims,
            (double)st.bytes / 1e6, secs, st.events, st.meetings + st.distractors,
            st.summit_meetings, st.summits, st.calls, st.incidents, st.distractors,
            st.event_mentions, st.events ? (double)st.event_mentions / (double)st.events : 0.0,
            st.more_mentions, st.person_mentions, st.persons, st.wire_quotes, st.negated,
            st.uncertain, st.hedged, st.wrong_dates);
    return 0;
}
