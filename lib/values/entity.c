/*
 * entity.c - names of places, organizations, topics and occasions, and free
 * text: folded keys, alias tables, place hierarchies, acronyms, group
 * numbers ("G-20", "Group of Twenty") and generic head nouns of topics.
 *
 * The canonical string is a folded key (fold.c) rewritten by the rules of
 * the type; the comparison reads two canonical strings and relates them by
 * equality, acronym, containment, or else calls them different.
 */
#include "values/values_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- word tables (our own curation) ------------------------------------------ */

typedef struct word_pair {
    const char *from, *to;
} word_pair;

/* Adjectives of countries and regions, for topics and occasions ("Syrian
 * crisis" is the "Syria crisis") and for the titles of person names
 * ("Russian Foreign Minister"). */
static const word_pair DEMONYMS[] = {
    {"afghan", "afghanistan"},   {"albanian", "albania"},
    {"algerian", "algeria"},     {"american", "america"},
    {"argentine", "argentina"},  {"argentinian", "argentina"},
    {"armenian", "armenia"},     {"australian", "australia"},
    {"austrian", "austria"},     {"azerbaijani", "azerbaijan"},
    {"belarusian", "belarus"},   {"belgian", "belgium"},
    {"bolivian", "bolivia"},     {"brazilian", "brazil"},
    {"british", "britain"},      {"bulgarian", "bulgaria"},
    {"cambodian", "cambodia"},   {"canadian", "canada"},
    {"chilean", "chile"},        {"chinese", "china"},
    {"colombian", "colombia"},   {"croatian", "croatia"},
    {"cuban", "cuba"},           {"cypriot", "cyprus"},
    {"danish", "denmark"},       {"dutch", "netherlands"},
    {"egyptian", "egypt"},       {"english", "england"},
    {"estonian", "estonia"},     {"ethiopian", "ethiopia"},
    {"european", "europe"},      {"finnish", "finland"},
    {"french", "france"},        {"georgian", "georgia"},
    {"german", "germany"},       {"greek", "greece"},
    {"hungarian", "hungary"},    {"indian", "india"},
    {"indonesian", "indonesia"}, {"iranian", "iran"},
    {"iraqi", "iraq"},           {"irish", "ireland"},
    {"israeli", "israel"},       {"italian", "italy"},
    {"japanese", "japan"},       {"jordanian", "jordan"},
    {"kenyan", "kenya"},         {"korean", "korea"},
    {"kuwaiti", "kuwait"},       {"latvian", "latvia"},
    {"lebanese", "lebanon"},     {"libyan", "libya"},
    {"lithuanian", "lithuania"}, {"malaysian", "malaysia"},
    {"mexican", "mexico"},       {"moldovan", "moldova"},
    {"mongolian", "mongolia"},   {"moroccan", "morocco"},
    {"nigerian", "nigeria"},     {"norwegian", "norway"},
    {"pakistani", "pakistan"},   {"palestinian", "palestine"},
    {"peruvian", "peru"},        {"polish", "poland"},
    {"portuguese", "portugal"},  {"qatari", "qatar"},
    {"romanian", "romania"},     {"russian", "russia"},
    {"scottish", "scotland"},    {"serbian", "serbia"},
    {"somali", "somalia"},       {"spanish", "spain"},
    {"sudanese", "sudan"},       {"swedish", "sweden"},
    {"swiss", "switzerland"},    {"syrian", "syria"},
    {"taiwanese", "taiwan"},     {"thai", "thailand"},
    {"tunisian", "tunisia"},     {"turkish", "turkey"},
    {"ukrainian", "ukraine"},    {"venezuelan", "venezuela"},
    {"vietnamese", "vietnam"},   {"welsh", "wales"},
    {"yemeni", "yemen"},
};

/* Generic head nouns of topics and occasions: each form to the name of its
 * class, so that "<X> deal" and "<X> agreements" are one topic. */
static const word_pair HEADS[] = {
    {"deal", "agreement"},       {"deals", "agreement"},    {"agreement", "agreement"},
    {"agreements", "agreement"}, {"accord", "agreement"},   {"accords", "agreement"},
    {"pact", "agreement"},       {"pacts", "agreement"},    {"treaty", "agreement"},
    {"treaties", "agreement"},   {"protocol", "agreement"}, {"protocols", "agreement"},
    {"talks", "talks"},          {"talk", "talks"},         {"negotiations", "talks"},
    {"negotiation", "talks"},    {"crisis", "crisis"},      {"crises", "crisis"},
    {"summit", "summit"},        {"summits", "summit"},     {"sanction", "sanctions"},
    {"sanctions", "sanctions"},  {"news", "news"},          {"series", "series"},
};

/* Built-in aliases for every type but text: names an acronym cannot
 * explain. Written in folded form (alias, canonical). */
static const word_pair BUILTIN_ALIASES[] = {
    {"us", "united states"},
    {"usa", "united states"},
    {"united states of america", "united states"},
    {"uk", "united kingdom"},
    {"britain", "united kingdom"},
    {"russian federation", "russia"},
    {"holland", "netherlands"},
    {"czech republic", "czechia"},
    {"turkiye", "turkey"},
    {"burma", "myanmar"},
    {"dprk", "north korea"},
    {"democratic people's republic of korea", "north korea"},
};

/* Legal forms dropped at the end of organization names. */
static const char *const CORPORATE_SUFFIXES[] = {
    "inc", "ltd", "llc", "plc", "corp", "gmbh", "co",
};

/* Words left out of acronyms ("Organization of the Petroleum ..."). */
static const char *const ACRONYM_STOPWORDS[] = {
    "of", "the", "and", "for", "on", "in", "a", "an", "to", "at",
};

static const char *const UNITS[] = {
    "one",     "two",     "three",     "four",     "five",     "six",      "seven",
    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const TENS[] = {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *pair_lookup(const word_pair *t, size_t n, claims_str w)
{
    for (size_t i = 0; i < n; i++)
        if (claims__str_eq(w, t[i].from))
            return t[i].to;
    return NULL;
}

static bool in_list(const char *const *t, size_t n, claims_str w)
{
    for (size_t i = 0; i < n; i++)
        if (claims__str_eq(w, t[i]))
            return true;
    return false;
}

const char *claims__entity_demonym(claims_str w)
{
    return pair_lookup(DEMONYMS, COUNT(DEMONYMS), w);
}

/* ---- words -------------------------------------------------------------------- */

/* The words of s, in a new array (*out); returns the count, or (size_t)-1
 * when out of memory. */
static size_t words_of(const char *s, size_t len, claims_str **out)
{
    size_t n = claims__fold_words(s, len, NULL, 0);
    *out = malloc((n ? n : 1) * sizeof **out);
    if (!*out)
        return (size_t)-1;
    claims__fold_words(s, len, *out, n);
    return n;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int word_value(claims_str w)
{
    for (size_t i = 0; i < COUNT(UNITS); i++)
        if (claims__str_eq(w, UNITS[i]))
            return (int)i + 1;
    for (size_t i = 0; i < COUNT(TENS); i++)
        if (claims__str_eq(w, TENS[i]))
            return (int)(i + 2) * 10;
    return 0;
}

/* A count of one to 999 in digits, or one to ninety-nine in words
 * ("twenty", "twenty-two", "twenty two") at w[i]; returns the words used. */
static size_t count_at(const claims_str *w, size_t n, size_t i, int *value)
{
    if (i >= n)
        return 0;
    if (all_digits(w[i].ptr, w[i].len) && w[i].len <= 3) {
        int v = 0;
        for (size_t k = 0; k < w[i].len; k++)
            v = v * 10 + (w[i].ptr[k] - '0');
        *value = v;
        return v > 0 ? 1 : 0;
    }
    const char *dash = memchr(w[i].ptr, '-', w[i].len);
    if (dash) {
        claims_str t = {w[i].ptr, (size_t)(dash - w[i].ptr)};
        claims_str u = {dash + 1, w[i].len - t.len - 1};
        int tv = word_value(t), uv = word_value(u);
        if (tv >= 20 && uv >= 1 && uv <= 9) {
            *value = tv + uv;
            return 1;
        }
        return 0;
    }
    int v = word_value(w[i]);
    if (v >= 20 && i + 1 < n) {
        int uv = word_value(w[i + 1]);
        if (uv >= 1 && uv <= 9) {
            *value = v + uv;
            return 2;
        }
    }
    *value = v;
    return v ? 1 : 0;
}

/* ---- acronyms ------------------------------------------------------------------- */

static bool stopword(claims_str w)
{
    return in_list(ACRONYM_STOPWORDS, COUNT(ACRONYM_STOPWORDS), w);
}

/* Initials of the words (hyphenated parts count separately), with or
 * without the stop words, compared with the letters of acr. */
static bool initials_match(claims_str acr, const claims_str *w, size_t n, bool skip_stopwords)
{
    size_t ai = 0, parts = 0;
    for (size_t i = 0; i < n; i++) {
        if (skip_stopwords && stopword(w[i]))
            continue;
        size_t k = 0;
        while (k < w[i].len) {
            size_t start = k;
            while (k < w[i].len && w[i].ptr[k] != '-')
                k++;
            if (k > start) {
                size_t p = start, q = ai;
                int32_t c = claims__utf8_next(w[i].ptr, w[i].len, &p);
                int32_t d = claims__utf8_next(acr.ptr, acr.len, &q);
                if (c < 0 || c != d)
                    return false;
                ai = q;
                parts++;
            }
            k++;
        }
    }
    return parts >= 2 && ai == acr.len;
}

size_t claims__entity_initials(const char *key, size_t len, bool skip_stopwords, char *out,
                               size_t cap)
{
    size_t n = 0, parts = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && key[i] != ' ')
            continue;
        claims_str w = {key + start, i - start};
        start = i + 1;
        if (!w.len || (skip_stopwords && stopword(w)))
            continue;
        /* the first character of each hyphenated part, as initials_match */
        for (size_t k = 0; k < w.len;) {
            size_t from = k;
            while (k < w.len && w.ptr[k] != '-')
                k++;
            if (k > from) {
                size_t p = from;
                claims__utf8_next(w.ptr, w.len, &p);
                if (n + (p - from) >= cap)
                    return 0;
                memcpy(out + n, w.ptr + from, p - from);
                n += p - from;
                parts++;
            }
            k++;
        }
    }
    out[n] = '\0';
    return parts >= 2 ? n : 0;
}

/* True when the single word acr (letters only) is the acronym of the words
 * w[0..n): "apec" of "asia-pacific economic cooperation". */
static bool is_acronym(claims_str acr, const claims_str *w, size_t n)
{
    if (n < 1 || acr.len < 2)
        return false;
    size_t i = 0;
    while (i < acr.len) {
        int32_t c = claims__utf8_next(acr.ptr, acr.len, &i);
        if (c < 0 || !claims__fold_is_alnum(c) || (c >= '0' && c <= '9'))
            return false;
    }
    return initials_match(acr, w, n, true) || initials_match(acr, w, n, false);
}

/* ---- rewriting rules ------------------------------------------------------------ */

static int put_word(claims_buf *b, const char *s, size_t n)
{
    if (b->len && claims__buf_putc(b, ' ') != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    return claims__buf_append(b, s, n);
}

/* "G-20", "G 20", "Group of 20", "Group of Twenty" -> "g20"; for topics and
 * occasions also demonyms -> countries. */
static int rewrite_words(claims_buf *out, claims_type type, const char *s, size_t len)
{
    claims_str *w;
    size_t n = words_of(s, len, &w);
    if (n == (size_t)-1)
        return CLAIMS_ENOMEM;
    claims__buf_clear(out);
    int rc = claims__buf_append(out, "", 0);
    bool demonyms = type == CLAIMS_TYPE_TOPIC || type == CLAIMS_TYPE_OCCASION;
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        int value = 0;
        size_t used = 0;
        if (claims__str_eq(w[i], "group") && i + 2 < n && claims__str_eq(w[i + 1], "of") &&
            (used = count_at(w, n, i + 2, &value)) > 0) {
            used += 2;
        } else if (claims__str_eq(w[i], "g") && i + 1 < n &&
                   all_digits(w[i + 1].ptr, w[i + 1].len) && count_at(w, n, i + 1, &value) == 1) {
            used = 2;
        } else if (w[i].len > 2 && w[i].ptr[0] == 'g' && w[i].ptr[1] == '-' &&
                   all_digits(w[i].ptr + 2, w[i].len - 2)) {
            claims_str d = {w[i].ptr + 2, w[i].len - 2};
            used = count_at(&d, 1, 0, &value);
        }
        if (used) {
            char g[16];
            int gn = snprintf(g, sizeof g, "g%d", value);
            rc = put_word(out, g, (size_t)gn);
            i += used - 1;
            continue;
        }
        const char *country = demonyms ? claims__entity_demonym(w[i]) : NULL;
        rc = country ? put_word(out, country, strlen(country)) : put_word(out, w[i].ptr, w[i].len);
    }
    free(w);
    return rc;
}

static bool ends_with(claims_str w, const char *suffix)
{
    size_t n = strlen(suffix);
    return w.len >= n && memcmp(w.ptr + w.len - n, suffix, n) == 0;
}

/* English plural of a head noun to its singular: -ies -> -y, -(s|sh|ch|x|z)es
 * -> drop "es", -s -> drop, keeping -ss -us -is -ics. Returns the singular
 * length; *y is set when a final "y" must be appended. */
static size_t singular(claims_str w, bool *y)
{
    *y = false;
    if (w.len < 4 || !ends_with(w, "s") || ends_with(w, "ss") || ends_with(w, "us") ||
        ends_with(w, "is") || ends_with(w, "ics"))
        return w.len;
    if (ends_with(w, "ies") && w.len > 4) {
        *y = true;
        return w.len - 3;
    }
    if (ends_with(w, "sses") || ends_with(w, "shes") || ends_with(w, "ches") ||
        ends_with(w, "xes") || ends_with(w, "zes"))
        return w.len - 2;
    return w.len - 1;
}

/* The last word of a topic or occasion: its head-noun class, or its
 * singular when the name has a modifier before it. */
static int rewrite_head(claims_buf *out, const char *s, size_t len)
{
    const char *sp = NULL;
    for (size_t i = len; i > 0; i--)
        if (s[i - 1] == ' ') {
            sp = s + i - 1;
            break;
        }
    size_t head_at = sp ? (size_t)(sp - s) + 1 : 0;
    claims_str head = {s + head_at, len - head_at};
    claims__buf_clear(out);
    int rc = claims__buf_append(out, s, head_at);
    const char *cls = pair_lookup(HEADS, COUNT(HEADS), head);
    if (rc != CLAIMS_OK)
        return rc;
    if (cls)
        return claims__buf_append(out, cls, strlen(cls));
    bool y = false;
    size_t n = sp ? singular(head, &y) : head.len;
    rc = claims__buf_append(out, head.ptr, n);
    return rc == CLAIMS_OK && y ? claims__buf_putc(out, 'y') : rc;
}

/* Copies s without parenthesized acronyms of the words just before them:
 * "Asia-Pacific Economic Cooperation (APEC)", "Islamic State (IS)". */
static int drop_acronym_asides(claims_buf *out, const char *s, size_t len)
{
    claims__buf_clear(out);
    int rc = claims__buf_append(out, "", 0);
    claims_buf before, inner;
    claims__buf_init(&before);
    claims__buf_init(&inner);
    size_t i = 0;
    while (rc == CLAIMS_OK && i < len) {
        const char *open = memchr(s + i, '(', len - i);
        const char *close = open ? memchr(open, ')', len - (size_t)(open - s)) : NULL;
        if (!close) {
            rc = claims__buf_append(out, s + i, len - i);
            break;
        }
        size_t o = (size_t)(open - s), c = (size_t)(close - s);
        rc = claims__buf_append(out, s + i, o - i);
        bool repeat = false;
        if (rc == CLAIMS_OK &&
            (rc = claims__fold(&inner, open + 1, c - o - 1, CLAIMS__FOLD_PUNCT)) == CLAIMS_OK &&
            (rc = claims__fold(&before, out->data, out->len, CLAIMS__FOLD_PUNCT)) == CLAIMS_OK &&
            !memchr(inner.data, ' ', inner.len) && !memchr(inner.data, '(', inner.len)) {
            claims_str *w;
            size_t n = words_of(before.data, before.len, &w);
            if (n == (size_t)-1) {
                rc = CLAIMS_ENOMEM;
                break;
            }
            claims_str acr = {inner.data, inner.len};
            for (size_t k = 2; k <= n && k <= 12 && !repeat; k++)
                repeat = is_acronym(acr, w + n - k, k);
            free(w);
        }
        if (rc == CLAIMS_OK && !repeat)
            rc = claims__buf_append(out, open, c - o + 1);
        i = c + 1;
    }
    claims__buf_free(&before);
    claims__buf_free(&inner);
    return rc;
}

/* "ceasefire in Syria" -> "Syria ceasefire": one or two words, then the
 * only "in", "on" or "over" of a topic or occasion, then what it is about
 * (without a leading "the"). "of" is left alone: it belongs to names
 * ("Bank of America"). */
static int invert_phrase(claims_buf *out, const char *s, size_t len)
{
    claims_str *w;
    size_t n = words_of(s, len, &w);
    if (n == (size_t)-1)
        return CLAIMS_ENOMEM;
    size_t at = 0, count = 0;
    for (size_t i = 0; i < n; i++)
        if (claims__str_eq(w[i], "in") || claims__str_eq(w[i], "on") ||
            claims__str_eq(w[i], "over")) {
            at = i;
            count++;
        }
    size_t from = at + 1;
    while (count == 1 && from < n && claims__str_eq(w[from], "the"))
        from++;
    claims__buf_clear(out);
    int rc = claims__buf_append(out, "", 0);
    if (count != 1 || at < 1 || at > 2 || from >= n) {
        rc = claims__buf_append(out, s, len);
    } else {
        for (size_t i = from; i < n && rc == CLAIMS_OK; i++)
            rc = put_word(out, w[i].ptr, w[i].len);
        for (size_t i = 0; i < at && rc == CLAIMS_OK; i++)
            rc = put_word(out, w[i].ptr, w[i].len);
    }
    free(w);
    return rc;
}

/* Drops a legal form ("Inc", "Ltd") at the end of an organization name. */
static void drop_legal_form(claims_buf *b)
{
    char *sp = strrchr(b->data, ' ');
    if (!sp)
        return;
    claims_str last = {sp + 1, strlen(sp + 1)};
    if (in_list(CORPORATE_SUFFIXES, COUNT(CORPORATE_SUFFIXES), last)) {
        b->len = (size_t)(sp - b->data);
        b->data[b->len] = '\0';
    }
}

/* ---- keys and alias lookups ------------------------------------------------------ */

static unsigned key_flags(int type)
{
    if (type == CLAIMS_TYPE_PLACE)
        return CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_ARTICLE | CLAIMS__FOLD_COMMAS;
    return CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_ARTICLE;
}

int claims__entity_key(claims_buf *out, int type, const char *s, size_t len, claims_error *err)
{
    int rc = claims__fold(out, s, len, key_flags(type));
    if (rc == CLAIMS_OK && out->len == 0)
        rc = claims__error_simple(err, CLAIMS_ESYNTAX, "no letters or digits in \"%.*s\"",
                                  claims__clip(s, len, 40), s);
    else if (rc != CLAIMS_OK)
        claims__error_simple(err, rc, "cannot fold \"%.*s\"", claims__clip(s, len, 40), s);
    return rc;
}

/* Canonical text for a key: the type's table, then the all-types table, then
 * the built-in rows (not for text). `flat` is the key without commas. */
static const char *find_alias(const claims_ctx *ctx, claims_type type, const char *key, size_t len,
                              const char *flat, size_t flen)
{
    const char *c = claims__aliases_find(ctx, (int)type, key, len);
    if (!c)
        c = claims__aliases_find(ctx, CLAIMS__ALIAS_ALL, flat, flen);
    if (!c && type != CLAIMS_TYPE_TEXT) {
        claims_str k = {flat, flen};
        c = pair_lookup(BUILTIN_ALIASES, COUNT(BUILTIN_ALIASES), k);
    }
    return c;
}

/* A part that names a country by another of its names or its alpha-3 code
 * ("USA", "Türkiye", "Viet Nam") is written as the country's name in the
 * gazetteer, then as the built-in rows spell it ("turkiye" -> "turkey").
 * Two-letter codes stay as written ("CA" is also California): the
 * comparison still reads them through the gazetteer. */
static const char *country_name(const claims_ctx *ctx, const char *p, size_t n)
{
    const claims__gazetteer *g = claims__ctx_gazetteer(ctx);
    const char *c = g && n > 2 ? claims__gaz_country_name(g, p, n) : NULL;
    if (c) {
        claims_str k = {c, strlen(c)};
        const char *b = pair_lookup(BUILTIN_ALIASES, COUNT(BUILTIN_ALIASES), k);
        return b ? b : c;
    }
    return NULL;
}

/* The parts of a place ("lima, peru"), each looked up as an alias (with
 * `lookups`), or else as a country. When a part's canonical name brings its
 * containers ("lima" -> "lima, peru"), the parts that follow and repeat them
 * are not written twice. */
static int place_parts(claims_buf *out, const claims_ctx *ctx, bool lookups, const char *key)
{
    claims__buf_clear(out);
    int rc = claims__buf_append(out, "", 0);
    const char *p = key;
    while (rc == CLAIMS_OK && *p) {
        const char *comma = strstr(p, ", ");
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        const char *c = find_alias(lookups ? ctx : NULL, CLAIMS_TYPE_PLACE, p, n, p, n);
        if (!c && lookups)
            c = country_name(ctx, p, n);
        if (out->len)
            rc = claims__buf_append(out, ", ", 2);
        if (rc == CLAIMS_OK)
            rc = c ? claims__buf_append(out, c, strlen(c)) : claims__buf_append(out, p, n);
        p = comma ? comma + 2 : p + n;
        /* skip the following parts that the canonical name already has */
        for (const char *cp = c ? strstr(c, ", ") : NULL; cp && *p; cp = strstr(cp, ", ")) {
            cp += 2;
            const char *cend = strstr(cp, ", ");
            size_t cn = cend ? (size_t)(cend - cp) : strlen(cp);
            const char *pend = strstr(p, ", ");
            size_t pn = pend ? (size_t)(pend - p) : strlen(p);
            if (cn != pn || memcmp(cp, p, pn) != 0)
                break;
            p = pend ? pend + 2 : p + pn;
        }
    }
    return rc;
}

/* The canonical string of s for `type` into out. `aliases`: look the name
 * and the parts of a place up (not when normalizing a canonical name found
 * there: it is written as its author wants it). */
static int entity_normalize(claims_buf *out, const claims_ctx *ctx, claims_type type, const char *s,
                            size_t len, bool aliases, claims_error *err)
{
    claims_buf key, flat, tmp, text;
    claims__buf_init(&key);
    claims__buf_init(&flat);
    claims__buf_init(&tmp);
    claims__buf_init(&text);
    int rc = drop_acronym_asides(&text, s, len);
    if (rc != CLAIMS_OK) {
        claims__buf_free(&text);
        return claims__error_simple(err, rc, "out of memory");
    }
    s = text.data;
    len = text.len;
    rc = claims__entity_key(&key, (int)type, s, len, err);
    if (rc == CLAIMS_OK && aliases)
        rc = claims__fold(&flat, s, len, key_flags(CLAIMS__ALIAS_ALL));
    const char *canonical = NULL;
    if (rc == CLAIMS_OK && aliases)
        canonical = find_alias(ctx, type, key.data, key.len, flat.data, flat.len);
    if (canonical) {
        rc = entity_normalize(out, ctx, type, canonical, strlen(canonical), false, err);
    } else if (rc == CLAIMS_OK) {
        switch (type) {
        case CLAIMS_TYPE_PLACE: rc = place_parts(out, ctx, aliases, key.data); break;
        case CLAIMS_TYPE_ORGANIZATION:
            rc = rewrite_words(out, type, key.data, key.len);
            if (rc == CLAIMS_OK)
                drop_legal_form(out);
            break;
        case CLAIMS_TYPE_TOPIC:
        case CLAIMS_TYPE_OCCASION:
            rc = invert_phrase(&tmp, key.data, key.len);
            if (rc == CLAIMS_OK)
                rc = rewrite_words(&key, type, tmp.data, tmp.len);
            if (rc == CLAIMS_OK)
                rc = rewrite_head(out, key.data, key.len);
            break;
        default: /* text keeps its articles */
            rc = claims__fold(out, s, len, CLAIMS__FOLD_PUNCT);
            break;
        }
        if (rc == CLAIMS_ENOMEM)
            claims__error_simple(err, rc, "out of memory");
    }
    claims__buf_free(&key);
    claims__buf_free(&flat);
    claims__buf_free(&tmp);
    claims__buf_free(&text);
    return rc;
}

int claims__entity_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err)
{
    (void)opts;
    claims_buf key;
    claims__buf_init(&key);
    int rc = claims__entity_key(&key, CLAIMS__ALIAS_ALL, s, len, err);
    if (rc == CLAIMS_OK && claims__fold_is_none(key.data, key.len)) {
        v->none = true;
    } else if (rc == CLAIMS_OK) {
        rc = entity_normalize(&v->norm, ctx, v->type, s, len, true, err);
    }
    claims__buf_free(&key);
    return rc;
}

/* ---- comparison ------------------------------------------------------------------ */

/* Acronym in either direction between two word lists; *acr and *full name
 * the sides for the reason. */
static bool acronym_pair(const claims_str *a, size_t na, const claims_str *b, size_t nb,
                         bool *a_is_acronym)
{
    if (na == 1 && nb > 1 && is_acronym(a[0], b, nb)) {
        *a_is_acronym = true;
        return true;
    }
    if (nb == 1 && na > 1 && is_acronym(b[0], a, na)) {
        *a_is_acronym = false;
        return true;
    }
    return false;
}

static claims_str span(const claims_str *w, size_t n)
{
    if (n == 0)
        return (claims_str){"", 0};
    return (claims_str){w[0].ptr, (size_t)(w[n - 1].ptr + w[n - 1].len - w[0].ptr)};
}

static bool word_eq(claims_str a, claims_str b)
{
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* Does the shorter list occur in the longer in order: contiguously, or
 * (with gaps) when `gaps`? Returns the index where the match starts, or -1. */
static long find_run(const claims_str *shorter, size_t ns, const claims_str *longer, size_t nl,
                     bool gaps)
{
    if (ns == 0 || ns > nl)
        return -1;
    for (size_t start = 0; start + ns <= nl; start++) {
        size_t k = 0;
        for (size_t j = start; j < nl && k < ns; j++) {
            if (word_eq(shorter[k], longer[j]))
                k++;
            else if (!gaps || k == 0)
                break;
        }
        if (k == ns)
            return (long)start;
    }
    return -1;
}

/* Does l name s and more through an acronym? A word of l is the acronym
 * of all of s ("apec summit" and "asia-pacific economic cooperation"), or s
 * is one word, the acronym of a run of l. */
static bool acronym_inside(const claims_str *l, size_t nl, const claims_str *s, size_t ns)
{
    for (size_t i = 0; i < nl && ns >= 2 && nl >= 2; i++)
        if (is_acronym(l[i], s, ns))
            return true;
    for (size_t i = 0; i < nl && ns == 1; i++)
        for (size_t k = 2; i + k <= nl; k++)
            if (k < nl && is_acronym(s[0], l + i, k))
                return true;
    return false;
}

static const char *type_noun(claims_type t)
{
    switch (t) {
    case CLAIMS_TYPE_PLACE: return "places";
    case CLAIMS_TYPE_ORGANIZATION: return "organizations";
    case CLAIMS_TYPE_TOPIC: return "topics";
    case CLAIMS_TYPE_OCCASION: return "occasions";
    default: return "texts";
    }
}

static double jw(const char *a, const char *b)
{
    double s;
    return claims_jaro_winkler(&s, a, strlen(a), b, strlen(b)) == CLAIMS_OK ? s : 0.0;
}

/* Splits a place into its ", " parts (words of a copy where ", " became
 * single separators). */
static size_t place_split(const char *s, claims_str **out)
{
    size_t n = 1;
    for (const char *p = s; (p = strstr(p, ", ")) != NULL; p += 2)
        n++;
    *out = malloc(n * sizeof **out);
    if (!*out)
        return (size_t)-1;
    const char *p = s;
    for (size_t i = 0; i < n; i++) {
        const char *c = strstr(p, ", ");
        size_t len = c ? (size_t)(c - p) : strlen(p);
        (*out)[i] = (claims_str){p, len};
        p = c ? c + 2 : p + len;
    }
    return n;
}

/* Two place parts are one place when equal or one is the other's acronym. */
static bool part_eq(claims_str a, claims_str b)
{
    if (word_eq(a, b))
        return true;
    claims_str *wa, *wb;
    size_t na = words_of(a.ptr, a.len, &wa);
    size_t nb = words_of(b.ptr, b.len, &wb);
    bool acr = false,
         r = na != (size_t)-1 && nb != (size_t)-1 && acronym_pair(wa, na, wb, nb, &acr);
    free(na != (size_t)-1 ? wa : NULL);
    free(nb != (size_t)-1 ? wb : NULL);
    return r;
}

static bool place_compare(claims_comparison *out, const char *ka, const char *kb)
{
    claims_str *pa, *pb;
    size_t na = place_split(ka, &pa);
    if (na == (size_t)-1)
        return false;
    size_t nb = place_split(kb, &pb);
    if (nb == (size_t)-1) {
        free(pa);
        return false;
    }
    bool a_short = na <= nb;
    const claims_str *s = a_short ? pa : pb, *l = a_short ? pb : pa;
    size_t ns = a_short ? na : nb, nl = a_short ? nb : na;
    const char *ks = a_short ? ka : kb, *kl = a_short ? kb : ka;
    bool found = false;
    for (size_t start = 0; start + ns <= nl && !found; start++) {
        size_t k = 0;
        while (k < ns && part_eq(s[k], l[start + k]))
            k++;
        if (k < ns)
            continue;
        found = true;
        out->score = (double)ns / (double)nl;
        if (ns == nl) {
            out->relation = CLAIMS_RELATION_EQUAL;
            claims__reason(out, "%s and %s name the same place (acronym)", ka, kb);
        } else {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            if (start == 0)
                claims__reason(out, "%s specifies %s", kl, ks);
            else
                claims__reason(out, "%s contains %s", ks, kl);
        }
    }
    free(pa);
    free(pb);
    return found;
}

void claims__entity_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b)
{
    const char *ka = claims_value_normalized(a), *kb = claims_value_normalized(b);
    if (strcmp(ka, kb) == 0) {
        claims__fold_equal(out, a, b, key_flags(a->type),
                           a->type == CLAIMS_TYPE_TEXT ? "text" : "name");
        return;
    }
    out->relation = CLAIMS_RELATION_CONFLICTING;
    out->score = jw(ka, kb);
    if (a->type == CLAIMS_TYPE_TEXT) {
        claims__reason(out, "different texts: %s vs %s", ka, kb);
        return;
    }
    if (a->type == CLAIMS_TYPE_PLACE && place_compare(out, ka, kb))
        return;
    claims_str *wa, *wb;
    size_t na = words_of(ka, strlen(ka), &wa);
    size_t nb = na == (size_t)-1 ? (size_t)-1 : words_of(kb, strlen(kb), &wb);
    if (na == (size_t)-1 || nb == (size_t)-1) {
        if (na != (size_t)-1)
            free(wa);
        out->relation = CLAIMS_RELATION_INCOMPARABLE;
        claims__reason(out, "out of memory");
        return;
    }
    bool a_acr = false;
    claims_str acr = {"", 0}, full = {"", 0};
    if (acronym_pair(wa, na, wb, nb, &a_acr)) {
        out->relation = CLAIMS_RELATION_EQUAL;
        out->score = 1.0;
        acr = a_acr ? wa[0] : wb[0];
        full = a_acr ? span(wb, nb) : span(wa, na);
    } else if (na >= 2 && nb >= 2 && word_eq(wa[na - 1], wb[nb - 1]) &&
               acronym_pair(wa, na - 1, wb, nb - 1, &a_acr)) {
        /* "apec summit" and "asia-pacific economic cooperation summit" */
        out->relation = CLAIMS_RELATION_EQUAL;
        out->score = 1.0;
        acr = a_acr ? wa[0] : wb[0];
        full = a_acr ? span(wb, nb - 1) : span(wa, na - 1);
    }
    if (out->relation == CLAIMS_RELATION_EQUAL) {
        claims__reason(out, "%.*s is the acronym of %.*s", (int)acr.len, acr.ptr, (int)full.len,
                       full.ptr);
    } else {
        bool a_short = na <= nb;
        const char *ks = a_short ? ka : kb, *kl = a_short ? kb : ka;
        size_t ns = a_short ? na : nb, nl = a_short ? nb : na;
        bool topical = a->type == CLAIMS_TYPE_TOPIC || a->type == CLAIMS_TYPE_OCCASION;
        long at = find_run(a_short ? wa : wb, ns, a_short ? wb : wa, nl, topical);
        /* a longer organization name extends the shorter at its end only:
         * "white house press office", but not "bank of america" */
        bool a_in_b = topical && acronym_inside(wb, nb, wa, na);
        bool b_in_a = topical && !a_in_b && acronym_inside(wa, na, wb, nb);
        /* ... or names it by its last words after a qualifier: "rovers" of
         * "brannock rovers", never across a function word ("america" of
         * "bank of america") */
        bool tail = a->type == CLAIMS_TYPE_ORGANIZATION && at > 0 && (size_t)at == nl - ns;
        for (size_t i = 0; tail && i < (size_t)at; i++)
            tail = !stopword((a_short ? wb : wa)[i]);
        if (at >= 0 && ns < nl && (topical || at == 0 || tail)) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = (double)ns / (double)nl;
            claims__reason(out, "%s is more specific than %s", kl, ks);
        } else if (a_in_b || b_in_a) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = 0.5;
            claims__reason(out, "%s is more specific than %s (acronym)", a_in_b ? kb : ka,
                           a_in_b ? ka : kb);
        } else if (a->type != CLAIMS_TYPE_PLACE || !claims__places_relate(out, ctx, ka, kb)) {
            claims__reason(out, "different %s: %s vs %s", type_noun(a->type), ka, kb);
        }
    }
    free(wa);
    free(wb);
}
