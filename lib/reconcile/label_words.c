/* label_words.c - the words of a subject mention's label and of its values,
 * for resolution to compare labels beyond what the values already compare
 * (docs/reconciliation.md, "Labels"): of "Saturday's earthquake in Teskar
 * province" against "the quake in Marrow Valley", with both places
 * compared as places, "earthquake" is what is left, and agrees. Two reports
 * of one event call it by the same noun more often than not ("the fire",
 * "the ruling"); two events of one day and place are a fire and a
 * bombing. */
#include "reconcile/stage.h"
#include "values/calendar.h"

#include <stdlib.h>
#include <string.h>

/* Words that name no event: articles, prepositions, pronouns, time words.
 * Ordinals stay ("the first debate" is not "the second"). */
static const char *const STOP[] = {
    "a",    "about",  "after",   "against",  "ago",    "an",      "and",     "around", "as",
    "at",   "before", "between", "by",       "during", "earlier", "for",     "from",   "her",
    "his",  "in",     "into",    "its",      "last",   "later",   "month",   "near",   "next",
    "of",   "off",    "on",      "or",       "over",   "since",   "that",    "the",    "their",
    "this", "to",     "today",   "tonight",  "under",  "week",    "weekend", "which",  "while",
    "who",  "with",   "year",    "yesterday"};

/* strcmp of the word w[0..n) and the NUL-terminated s. */
static int word_cmp(const char *w, size_t n, const char *s)
{
    int c = strncmp(w, s, n);
    return c ? c : s[n] ? -1 : 0;
}

static bool stop_word(const char *w, size_t n)
{
    size_t lo = 0, hi = sizeof STOP / sizeof STOP[0];
    while (lo < hi) { /* STOP is sorted */
        size_t mid = (lo + hi) / 2;
        int c = word_cmp(w, n, STOP[mid]);
        if (c == 0)
            return true;
        if (c > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Nouns that news uses for one sort of event, each group compared as its
 * first word: "telephone conversation" and "phone call" are one call, a
 * "blaze" is a fire. General news vocabulary (docs/reconciliation.md);
 * words are stemmed (below) before they are looked up. */
static const char *const SYNONYMS[][8] = {
    {"talk", "meeting", "conversation", "discussion", "negotiation", "dialogue", "meet", NULL},
    {"call", "phone", "telephone", NULL},
    {"fire", "blaze", "inferno", "flames", NULL},
    {"earthquake", "quake", "tremor", "temblor", NULL},
    {"storm", "hurricane", "typhoon", "cyclone", "gale", "tempest", NULL},
    {"flood", "flooding", "deluge", NULL},
    {"crash", "collision", "wreck", NULL},
    {"explosion", "blast", "detonation", NULL},
    {"shooting", "gunfire", "gunman", NULL},
    {"ruling", "judgment", "judgement", "verdict", "decision", NULL},
    {"election", "vote", "poll", "ballot", NULL},
    {"match", "game", "fixture", NULL},
    {"agreement", "deal", "pact", "accord", "treaty", NULL},
    {"protest", "demonstration", "rally", NULL},
    {"landslide", "mudslide", "landslip", NULL},
    {"attack", "assault", "raid", NULL},
};

/* The word a synonym group is compared as, or w itself. */
static void canonical(const char **w, size_t *n)
{
    for (size_t g = 0; g < sizeof SYNONYMS / sizeof SYNONYMS[0]; g++)
        for (size_t i = 0; i < 8 && SYNONYMS[g][i]; i++)
            if (word_cmp(*w, *n, SYNONYMS[g][i]) == 0) {
                *w = SYNONYMS[g][0];
                *n = strlen(*w);
                return;
            }
}

/* A word as compared: without a possessive "'s" and a plural "s" (so that
 * "talks" meets "talk", "storm's" meets "storm"). */
static size_t stem(const char *w, size_t n)
{
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
        n -= 2;
    if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        n--;
    return n;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Appends the hashes of the words of folded text s (stemmed, without stop
 * words, numbers and calendar words) to *out. */
static int add_words(claims_buf *fold, const char *s, size_t len, uint64_t **out, size_t *n,
                     size_t *cap)
{
    if (claims__fold(fold, s, len, CLAIMS__FOLD_PUNCT) != CLAIMS_OK)
        return CLAIMS_OK; /* not text this can read: no words */
    const char *p = fold->data, *end = fold->data + fold->len;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '-' || *p == ','))
            p++;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '-' && *p != ',')
            p++;
        size_t wl = stem(w, (size_t)(p - w));
        bool digits = wl > 0;
        for (size_t i = 0; i < wl && digits; i++)
            digits = w[i] >= '0' && w[i] <= '9';
        if (wl < 2 || digits || stop_word(w, wl) || claims__month_lookup(w, wl) ||
            claims__weekday_lookup(w, wl))
            continue;
        canonical(&w, &wl);
        if (claims__grow((void **)out, cap, *n + 1, sizeof **out) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        (*out)[(*n)++] = claims__hash(w, wl);
    }
    return CLAIMS_OK;
}

int claims__words(claims_buf *fold, const char *text, uint64_t **words, size_t *n, size_t *cap)
{
    size_t first = *n;
    if (add_words(fold, text, strlen(text), words, n, cap) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    uint64_t *w = *words + first;
    size_t nl = *n - first, kept = 0;
    if (nl > 1)
        qsort(w, nl, sizeof *w, cmp_u64);
    for (size_t i = 0; i < nl; i++)
        if (!kept || w[kept - 1] != w[i]) /* once each */
            w[kept++] = w[i];
    *n = first + kept;
    return CLAIMS_OK;
}

size_t claims__shared_words(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, shared = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (b[j] < a[i])
            j++;
        else
            shared++, i++, j++;
    }
    return shared;
}
