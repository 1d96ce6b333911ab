/* claims_gen.h - synthetic claims documents for the reconciliation benchmark
 * (bench/gen_claims, bench/bench_reconcile). Deterministic: the same
 * parameters give the same bytes on every machine. */
#ifndef CLAIMS_GEN_H
#define CLAIMS_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct gen_params {
    uint64_t seed;
    size_t claims;                       /* exactly this many claims are written */
    size_t events;                       /* events reported (ground truth) */
    size_t sources;                      /* documents: one JSON line per source */
    size_t persons;                      /* size of the pool of invented persons */
    unsigned min_mentions, max_mentions; /* sources reporting each event */
    /* Share of the claims left for facts (duration, topics, deaths...)
     * once every mention has the claims that identify its event: the
     * number of sources per event is chosen to leave it. */
    double fact_share;
} gen_params;

#define GEN_PARAMS_INIT                             \
    {                                               \
        1, 1000000, 100000, 1000, 3000, 2, 10, 0.15 \
    }

typedef struct gen_stats {
    size_t documents, claims, bytes;
    size_t events, event_mentions, meetings, summit_meetings, calls, incidents, distractors,
        summits;
    size_t persons, person_mentions; /* person subjects written */
    size_t core_claims, fact_claims, person_claims;
    size_t wire_quotes; /* long quotes shared by wire partners */
    size_t negated, uncertain, hedged, wrong_dates;
    double more_mentions; /* the chance of one more source chosen */
} gen_stats;

/**
 * Writes the documents as JSON Lines to `out` and, when `truth` is not
 * NULL, the ground truth: a header line "# gen_claims ..." with the
 * parameters, a line "# subscriber ID" for each source that prints wire
 * copy, a line "# wire ID-A ID-B N" for each pair of sources that print
 * the same wire sentence (N stories), then one line per subject
 * mention: "source-id TAB
 * subject-id TAB E<event> TAB kind" (meeting, summit, call, incident,
 * distractor) or "source-id TAB subject-id TAB P<person>". Returns 0, or -1
 * with a message in err (parameters that cannot be satisfied, a write
 * error).
 */
int gen_write(const gen_params *p, FILE *out, FILE *truth, gen_stats *stats, char *err,
              size_t errlen);

/** The attribute schema (JSON for claims_ctx_load_schema) of the attributes
 *  gen_write writes beyond the library's built-in ones: reconcile its
 *  documents with it, as bench_reconcile does. */
extern const char GEN_SCHEMA[];

/** Parses "MIN-MAX" or "N" into the mention bounds; 0 on success. */
int gen_parse_range(const char *s, unsigned *min, unsigned *max);

#endif /* CLAIMS_GEN_H */
