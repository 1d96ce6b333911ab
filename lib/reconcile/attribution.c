/* attribution.c - who one attribution text names, read from its words alone
 * (origin.c decides which readings are one origin). Three kinds:
 *
 *   unnamed      "officials", "a spokesman", "sources", "Engineers inspecting
 *                the dam": nobody a second outlet could name the same way
 *   named        an organization or a person: "the White House", "a Kremlin
 *                official" (the organization before a role), "Presidential
 *                spokeswoman Carine Albret" (the person after a role that
 *                names no organization), "NEA", "Interior Minister Oduya"
 *   institution  an institution known by its kind, of a place: "the Foreign
 *                Ministry", "police", "a spokesman at the city's main
 *                hospital" (the hospital, of the story's city), "Ardenia's
 *                Foreign Ministry" (owner "Ardenia")
 *
 * A word names someone when it is capitalized and not a word of the
 * vocabularies below (which a sentence may capitalize: "Officials said"). */
#include "reconcile/stage.h"

#include <string.h>

/* Words before the speaker that say nothing about who it is. */
static const char *const LEADING[] = {
    "a",     "an",      "the",       "one",       "two",          "three", "several",
    "some",  "many",    "unnamed",   "anonymous", "senior",       "top",   "former",
    "other", "another", "according", "to",        "unidentified", "both",  "all",
    "its",   "their",   "his",       "her",       "our",          NULL};

/* Roles: whoever holds one speaks for the organization named before it
 * ("a White House official") or after a preposition ("a spokesman for the
 * Foreign Ministry"). */
static const char *const ROLES[] = {"official",     "officials",      "spokesman",
                                    "spokesmen",    "spokeswoman",    "spokeswomen",
                                    "spokesperson", "spokespeople",   "spokespersons",
                                    "aide",         "aides",          "adviser",
                                    "advisers",     "advisor",        "advisors",
                                    "source",       "sources",        "statement",
                                    "statements",   "readout",        "officer",
                                    "officers",     "representative", "representatives",
                                    "diplomat",     "diplomats",      "envoy",
                                    "negotiator",   "negotiators",    "press",
                                    "insider",      "insiders",       NULL};

/* People who are nobody in particular. */
static const char *const GENERIC[] = {
    "people",      "witnesses",  "witness",     "residents",     "resident",
    "engineers",   "experts",    "expert",      "analysts",      "analyst",
    "observers",   "rescuers",   "survivors",   "survivor",      "doctors",
    "workers",     "staff",      "authorities", "investigators", "reporters",
    "journalists", "lawmakers",  "legislators", "relatives",     "neighbours",
    "neighbors",   "passengers", "crew",        "students",      "activists",
    "protesters",  "organisers", "organizers",  "locals",        "someone",
    "person",      NULL};

/* The kinds of institution a place has ("the Foreign Ministry", "the main
 * hospital", "police"): a phrase of these words and no name is the
 * institution of that kind where the story is. */
static const char *const HEADS[] = {
    "ministry",   "department",   "agency",       "hospital",   "office",         "police",
    "government", "guard",        "court",        "council",    "parliament",     "army",
    "navy",       "military",     "embassy",      "consulate",  "services",       "service",
    "media",      "television",   "radio",        "presidency", "administration", "cabinet",
    "authority",  "command",      "headquarters", "force",      "forces",         "prosecutors",
    "prosecutor", "municipality", "clinic",       "bureau",     "commission",     "committee",
    "brigade",    "station",      "chancellery",  NULL};
static const char *const KINDS[] = {
    "foreign",   "interior",   "health", "defence",      "defense",  "finance",  "justice",
    "education", "transport",  "energy", "environment",  "economy",  "trade",    "labour",
    "labor",     "home",       "main",   "central",      "city",     "general",  "local",
    "regional",  "provincial", "state",  "federal",      "public",   "fire",     "coast",
    "municipal", "district",   "county", "presidential", "military", "security", "rescue",
    "emergency", "border",     "civil",  "armed",        "traffic",  "maritime", "aviation",
    "press",     "university", NULL};

/* Possessors that are the story's own place ("the city's main hospital"). */
static const char *const DEICTIC[] = {"city",     "town",     "village", "country", "nation",
                                      "region",   "province", "state",   "capital", "island",
                                      "district", "county",   NULL};

/* Prepositions after a role that lead to whom it speaks for. */
static const char *const FOR[] = {"at", "for", "of", "from", "with", "in", NULL};

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

/* Words of s (len bytes), split on spaces, edge punctuation (",;:") removed. */
static size_t split_words(const char *s, size_t len, span *w, size_t max)
{
    size_t n = 0, i = 0;
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

/* Bytes of a possessive ending ("'s", "’s", "s'"), 0 when w has none. */
static size_t possessive(span w)
{
    if (w.n > 2 && w.p[w.n - 2] == '\'' && (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
        return 2;
    if (w.n > 4 && memcmp(w.p + w.n - 4, "\xe2\x80\x99s", 4) == 0)
        return 4;
    if (w.n > 2 && w.p[w.n - 1] == '\'' && w.p[w.n - 2] == 's')
        return 1;
    return 0;
}

static bool vocabulary(span w)
{
    return word_in(w, LEADING) || word_in(w, ROLES) || word_in(w, GENERIC) || word_in(w, HEADS) ||
           word_in(w, KINDS);
}

/* Capitalized (any non-ASCII lead byte counts: "Émile"), a digit or an
 * acronym, and no common word a sentence may have capitalized. */
static bool names_someone(span w)
{
    unsigned char c = (unsigned char)w.p[0];
    bool upper = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0 || c == '(';
    return upper && !vocabulary(w);
}

/* A clause after the head of a noun phrase: "inspecting the dam", "who
 * spoke", "close to the talks". */
static bool starts_clause(span w)
{
    static const char *const CLAUSE[] = {"who",      "that",    "which",    "close", "familiar",
                                         "involved", "briefed", "speaking", NULL};
    unsigned char c = (unsigned char)w.p[0];
    if (c >= 'A' && c <= 'Z')
        return false;
    return word_in(w, CLAUSE) || (w.n > 4 && memcmp(w.p + w.n - 3, "ing", 3) == 0);
}

static span join(const span *w, size_t a, size_t b) /* words [a, b), b > a */
{
    return (span){w[a].p, (size_t)(w[b - 1].p + w[b - 1].n - w[a].p)};
}

static void set(claims__speaker *out, claims__speaker_kind kind, span name)
{
    out->kind = kind;
    out->name = name.p;
    out->name_len = name.n;
}

/* Reads the noun phrase w[a, b) into *out. */
static void noun_phrase(const span *w, size_t a, size_t b, claims__speaker *out)
{
    while (a < b && word_in(w[a], LEADING))
        a++;
    size_t end = a;
    while (end < b && (end == a || !starts_clause(w[end])))
        end++;
    out->kind = CLAIMS__SPEAKER_UNNAMED;
    if (end == a)
        return;
    /* "Ardenia's Foreign Ministry", "the city's main hospital" */
    for (size_t i = end - 1; i > a; i--) {
        size_t cut = possessive(w[i - 1]);
        if (!cut)
            continue;
        bool institution = word_in(w[end - 1], HEADS);
        for (size_t k = i; k < end && institution; k++)
            institution = word_in(w[k], HEADS) || word_in(w[k], KINDS);
        size_t oa = a;
        while (oa < i - 1 && word_in(w[oa], LEADING))
            oa++;
        span owner = join(w, oa, i);
        owner.n -= cut;
        if (!institution) {
            /* "the country's Civil Protection Directorate": the story's own
             * place says nothing of who the named body is */
            if (oa == i - 1 && word_in(owner, DEICTIC))
                a = i;
            break;
        }
        bool owner_named = false;
        for (size_t k = oa; k < i; k++)
            owner_named |= names_someone(w[k]);
        if (!owner_named) {
            /* "the city's main hospital": the hospital of the story's city;
             * "the chancellor's office": the story's chancellor's */
            bool deictic = oa == i - 1 && word_in(owner, DEICTIC);
            set(out, CLAIMS__SPEAKER_INSTITUTION, join(w, deictic ? i : oa, end));
            return;
        }
        set(out, CLAIMS__SPEAKER_INSTITUTION, join(w, i, end));
        out->owner = owner.p;
        out->owner_len = owner.n;
        out->full = w[oa].p;
        out->full_len = (size_t)(w[end - 1].p + w[end - 1].n - w[oa].p);
        return;
    }
    bool named = false, kinds = true;
    for (size_t i = a; i < end; i++) {
        named |= names_someone(w[i]);
        kinds &= word_in(w[i], HEADS) || word_in(w[i], KINDS);
    }
    if (!named && kinds && word_in(w[end - 1], HEADS))
        set(out, CLAIMS__SPEAKER_INSTITUTION, join(w, a, end));
    else if (named)
        set(out, CLAIMS__SPEAKER_NAMED, join(w, a, end));
}

void claims__attribution_parse(const char *text, size_t len, claims__speaker *out)
{
    memset(out, 0, sizeof *out);
    span w[64];
    size_t n = split_words(text, len, w, 64), first = 0;
    while (first < n && word_in(w[first], LEADING))
        first++;
    size_t role = first;
    while (role < n && !word_in(w[role], ROLES))
        role++;
    if (role == n) {
        noun_phrase(w, first, n, out);
        return;
    }
    /* "a spokesman at the city's main hospital": whom the role is for */
    if (role + 1 < n && word_in(w[role + 1], FOR)) {
        noun_phrase(w, role + 2, n, out);
        if (out->kind != CLAIMS__SPEAKER_UNNAMED)
            return;
    }
    /* "a White House official", "an SCG spokesman", "a police spokesman" */
    if (role > first) {
        noun_phrase(w, first, role, out);
        if (out->kind != CLAIMS__SPEAKER_UNNAMED)
            return;
    }
    /* "Presidential spokeswoman Carine Albret": the person */
    bool person = role + 1 < n;
    for (size_t i = role + 1; i < n && person; i++)
        person = names_someone(w[i]);
    if (person)
        set(out, CLAIMS__SPEAKER_NAMED, join(w, role + 1, n));
}
