/* origin.c - who a claim really comes from. The innermost element of the
 * attribution chain is the speaker; an anonymous official or a spokesman
 * speaks for the organization named before the role ("a White House
 * official", "Kremlin spokesman Dmitry Peskov"), so "the White House",
 * "a White House official" and "White House officials" are one origin.
 * A claim without attribution comes from its outlet; outlets that share
 * wording (dependence.c) are counted as one origin per value cluster, in
 * group.c. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

/* Words before the speaker that say nothing about who it is. */
static const char *const LEADING[] = {"a",         "an",        "the",  "one",    "two",
                                      "three",     "several",   "some", "many",   "unnamed",
                                      "anonymous", "senior",    "top",  "former", "other",
                                      "another",   "according", "to",   NULL};

/* Roles: whoever holds one speaks for the organization named before it. */
static const char *const ROLES[] = {
    "official",    "officials",      "spokesman",       "spokesmen", "spokeswoman",
    "spokeswomen", "spokesperson",   "spokespeople",    "aide",      "aides",
    "adviser",     "advisers",       "advisor",         "advisors",  "source",
    "sources",     "statement",      "statements",      "readout",   "officer",
    "officers",    "representative", "representatives", "diplomat",  "diplomats",
    "envoy",       "negotiator",     "negotiators",     "press",     NULL};

typedef struct span {
    const char *p;
    size_t n;
} span;

static bool word_in(span w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (claims__ascii_ieq(w.p, w.n, list[i]))
            return true;
    return false;
}

/* Words of s, split on spaces, with edge punctuation (",;:") removed. */
static size_t split_words(const char *s, span *w, size_t max)
{
    size_t n = 0, i = 0, len = strlen(s);
    while (i < len && n < max) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\t')
            i++;
        size_t end = i;
        while (end > start && strchr(",;:", s[end - 1]))
            end--;
        if (end > start)
            w[n++] = (span){s + start, end - start};
    }
    return n;
}

/* A comparison key: ASCII-lowercased, dots dropped ("U.S." = "US"),
 * "'s" dropped, single spaces. */
static int make_key(claims_buf *key, const span *w, size_t n)
{
    claims__buf_clear(key);
    for (size_t i = 0; i < n; i++) {
        size_t len = w[i].n;
        if (len > 2 && w[i].p[len - 2] == '\'' && w[i].p[len - 1] == 's')
            len -= 2;
        if (i && claims__buf_putc(key, ' '))
            return CLAIMS_ENOMEM;
        for (size_t k = 0; k < len; k++)
            if (w[i].p[k] != '.' && claims__buf_putc(key, claims__ascii_lower(w[i].p[k])))
                return CLAIMS_ENOMEM;
    }
    return CLAIMS_OK;
}

/* The origin of one attribution text: *key (lookup) and *name (display). */
static int origin_of(claims_result *r, const claims_ctx *ctx, const char *speaker,
                     const char *outlet, claims_buf *key, const char **name, claims_value *scratch)
{
    span w[64];
    size_t n = split_words(speaker, w, 64), first = 0;
    while (first < n && word_in(w[first], LEADING))
        first++;
    size_t role = first;
    while (role < n && !word_in(w[role], ROLES))
        role++;
    size_t end = role < n ? role : n;
    if (end == first) {
        /* "officials said", "a source": unnamed, as far as we know one per
         * outlet */
        claims__buf_clear(key);
        if (claims__buf_printf(key, "unnamed source of %s", outlet))
            return CLAIMS_ENOMEM;
        *name = claims__result_intern(r, key->data, key->len);
        return *name ? CLAIMS_OK : CLAIMS_ENOMEM;
    }
    const char *start = w[first].p;
    size_t len = (size_t)(w[end - 1].p + w[end - 1].n - start);
    *name = claims__result_intern(r, start, len);
    if (!*name)
        return CLAIMS_ENOMEM;
    /* the organization's canonical form, when the normalizer knows one */
    claims_error e;
    if (claims_value_parse(scratch, ctx, CLAIMS_TYPE_ORGANIZATION, start, len, NULL, &e) ==
            CLAIMS_OK &&
        claims_value_normalized(scratch)[0]) {
        const char *k = claims_value_normalized(scratch);
        claims__buf_clear(key);
        return claims__buf_append(key, k, strlen(k));
    }
    return make_key(key, w + first, end - first);
}

/* Display name of each dependence group: the outlet of a lone source, or
 * "A / B (shared copy)". Indexed by the group's representative source. */
int claims__origins(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    size_t n = st->claim_count;
    r->claim_origin = malloc((n ? n : 1) * sizeof *r->claim_origin);
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    claims_value *scratch = NULL;
    claims_strmap by_speaker, by_key; /* speaker -> slot; key -> slot */
    claims__strmap_init(&by_speaker);
    claims__strmap_init(&by_key);
    claims_buf key;
    claims__buf_init(&key);
    const char **slot_key = NULL, **slot_name = NULL; /* per distinct key */
    size_t slots = 0, cap1 = 0, cap2 = 0;
    int rc = CLAIMS_ENOMEM;
    if (!r->claim_origin || !keys || claims_value_new(&scratch) != CLAIMS_OK)
        goto done;

    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[i];
        keys[i] = NULL;
        if (c->attribution_count == 0)
            continue; /* the outlet itself: named below */
        const char *speaker = c->attribution[c->attribution_count - 1];
        size_t idx;
        if (claims__strmap_get(&by_speaker, speaker, strlen(speaker), &idx)) {
            keys[i] = slot_key[idx];
            continue;
        }
        const claims__source *src = &st->sources[c->source];
        const char *name;
        if (origin_of(r, run->ctx, speaker, src->outlet[0] ? src->outlet : src->id, &key, &name,
                      scratch) != CLAIMS_OK)
            goto done;
        const char *k = claims__result_intern(r, key.data, key.len);
        if (!k)
            goto done;
        if (claims__strmap_get(&by_key, k, strlen(k), &idx)) {
            /* one display per key: the smallest spelling, so that input
             * order does not matter */
            if (strcmp(name, slot_name[idx]) < 0)
                slot_name[idx] = name;
        } else {
            if (claims__grow((void **)&slot_key, &cap1, slots + 1, sizeof *slot_key) ||
                claims__grow((void **)&slot_name, &cap2, slots + 1, sizeof *slot_name) ||
                claims__strmap_put(&by_key, k, strlen(k), slots))
                goto done;
            slot_key[slots] = k;
            slot_name[slots] = name;
            idx = slots++;
        }
        if (claims__strmap_put(&by_speaker, speaker, strlen(speaker), idx))
            goto done;
        keys[i] = k;
    }
    for (size_t i = 0; i < n; i++) {
        size_t idx;
        const claims__source *so = &st->sources[st->claims[i].source];
        if (!keys[i])
            r->claim_origin[i] = so->outlet[0] ? so->outlet : so->id;
        else
            r->claim_origin[i] = claims__strmap_get(&by_key, keys[i], strlen(keys[i]), &idx)
                                     ? slot_name[idx]
                                     : keys[i];
    }
    rc = CLAIMS_OK;
done:
    free(keys);
    free(slot_key);
    free(slot_name);
    claims_value_free(scratch);
    claims__strmap_free(&by_speaker);
    claims__strmap_free(&by_key);
    claims__buf_free(&key);
    return rc;
}
