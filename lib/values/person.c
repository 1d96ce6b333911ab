/*
 * person.c - person names ("President Barack Obama", "Knuth, Donald E.",
 * "Mr. Obama") and author lists ("Knuth, Donald E., Graham, Ronald L.").
 *
 * A name is read from its folded text into words: titles and honorifics
 * stripped at the start (keeping the gender they imply), generational
 * suffixes (jr, sr, ii, iii, iv) and degrees at the end, "Last, First"
 * reordered, single letters marked as initials, and each word mapped to one
 * spelling per transliteration class (sergei, serguei -> sergey). The
 * canonical string is the given names then the surname, initials written
 * "j.", the suffix last: "john f. kerry", "sergey lavrov", "smith jr". A name
 * of a surname only keeps a gendered honorific: "mr obama".
 *
 * Comparisons read canonical strings again, so that they depend on nothing
 * but the two values.
 */
#include "values/values_int.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PERSON_MAX_WORDS 24
#define PERSONS_MAX 64

/* ---- word tables (our own curation) ------------------------------------------ */

enum { MALE = 'm', FEMALE = 'f' };

typedef struct title {
    const char *phrase; /* folded words separated by one space */
    char gender;        /* honorifics used with a surname: MALE, FEMALE */
    bool name_word;     /* also a given name or surname ("King", "Lady") */
} title;

/* English (and a few European) titles and honorifics written before a
 * name. Stripped repeatedly, so "The Right Honourable" is "the" then
 * "right honourable", and "Prof. Dr." is "prof" then "dr". */
static const title TITLES[] = {
    /* honorifics */
    {"mr", MALE, false},
    {"mister", MALE, false},
    {"messrs", MALE, false},
    {"mrs", FEMALE, false},
    {"misses", FEMALE, false},
    {"missis", FEMALE, false},
    {"missus", FEMALE, false},
    {"mistress", FEMALE, false},
    {"miss", FEMALE, false},
    {"ms", FEMALE, false},
    {"mx", 0, false},
    {"mixter", 0, false},
    {"madam", FEMALE, false},
    {"madame", FEMALE, false},
    {"mme", FEMALE, false},
    {"mmme", FEMALE, false},
    {"mlle", FEMALE, false},
    {"mademoiselle", FEMALE, false},
    {"monsieur", MALE, false},
    {"fraulein", FEMALE, false},
    {"frau", FEMALE, false},
    {"herr", MALE, false},
    {"hr", MALE, false},
    {"senor", MALE, false},
    {"senora", FEMALE, false},
    {"senorita", FEMALE, false},
    {"signor", MALE, false},
    {"signora", FEMALE, false},
    {"sir", 0, false},
    {"dame", 0, false},
    {"lord", 0, true},
    {"lady", 0, true},
    {"laird", 0, false},
    {"sr", 0, false},
    {"seigneur", 0, false},
    /* academic and professional */
    {"dr", 0, false},
    {"doctor", 0, false},
    {"prof", 0, false},
    {"professor", 0, false},
    {"associate professor", 0, false},
    {"assistant professor", 0, false},
    {"dott", 0, false},
    {"dottore", 0, false},
    {"dottor", 0, false},
    {"dott ssa", 0, false},
    {"dottssa", 0, false},
    {"dott sr", 0, false},
    {"dott sra", 0, false},
    /* government and politics */
    {"president", 0, false},
    {"prasident", 0, false},
    {"president-elect", 0, false},
    {"vice president", 0, false},
    {"vice-president", 0, false},
    {"prime minister", 0, false},
    {"premier", 0, false},
    {"chancellor", 0, false},
    {"minister", 0, false},
    {"foreign minister", 0, false},
    {"defence minister", 0, false},
    {"defense minister", 0, false},
    {"finance minister", 0, false},
    {"interior minister", 0, false},
    {"secretary", 0, false},
    {"secretary of state", 0, false},
    {"secretary-general", 0, false},
    {"secretary general", 0, false},
    {"foreign secretary", 0, false},
    {"home secretary", 0, false},
    {"senator", 0, false},
    {"sen", 0, false},
    {"representative", 0, false},
    {"rep", 0, false},
    {"congressman", 0, false},
    {"congresswoman", 0, false},
    {"governor", 0, false},
    {"gov", 0, false},
    {"mayor", 0, false},
    {"speaker", 0, false},
    {"ambassador", 0, false},
    {"amb", 0, false},
    {"envoy", 0, false},
    {"commissioner", 0, false},
    {"spokesman", 0, false},
    {"spokeswoman", 0, false},
    {"spokesperson", 0, false},
    {"leader", 0, false},
    {"chief executive", 0, false},
    {"ceo", 0, false},
    {"chairman", 0, false},
    {"chairwoman", 0, false},
    {"chair", 0, false},
    {"chairperson", 0, false},
    {"director", 0, false},
    {"managing director", 0, false},
    {"company secretary", 0, false},
    {"attorney general", 0, false},
    {"judge", 0, true},
    {"justice", 0, false},
    {"chief justice", 0, false},
    {"councillor", 0, false},
    {"councilman", 0, false},
    {"councilwoman", 0, false},
    /* military */
    {"field marshal", 0, false},
    {"marshal", 0, false},
    {"admiral", 0, false},
    {"rear admiral", 0, false},
    {"rear-admiral", 0, false},
    {"vice admiral", 0, false},
    {"general", 0, false},
    {"gen", 0, false},
    {"lieutenant general", 0, false},
    {"lt gen", 0, false},
    {"major general", 0, false},
    {"brigadier general", 0, false},
    {"lieutenant colonel", 0, false},
    {"lt col", 0, false},
    {"lieutenant", 0, false},
    {"lt", 0, false},
    {"brigadier", 0, false},
    {"colonel", 0, false},
    {"col", 0, false},
    {"commodore", 0, false},
    {"captain", 0, false},
    {"capt", 0, false},
    {"commander", 0, false},
    {"sergeant", 0, false},
    {"sgt", 0, false},
    {"corporal", 0, false},
    {"private", 0, false},
    {"pvt", 0, false},
    /* royal and aristocratic */
    {"emperor", 0, false},
    {"empress", 0, false},
    {"king", 0, true},
    {"queen", 0, true},
    {"prince", 0, true},
    {"princess", 0, true},
    {"princess royal", 0, false},
    {"grand duke", 0, false},
    {"grand duchess", 0, false},
    {"duchess", 0, false},
    {"his majesty", 0, false},
    {"her majesty", 0, false},
    {"his excellency", 0, false},
    {"her excellency", 0, false},
    {"excellency", 0, false},
    {"his royal highness", 0, false},
    {"her royal highness", 0, false},
    {"his highness", 0, false},
    {"her highness", 0, false},
    {"hrh", 0, false},
    {"baroness", 0, false},
    {"baronet", 0, false},
    {"baronetess", 0, false},
    {"count", 0, false},
    {"countess", 0, false},
    {"marchioness", 0, false},
    {"marquess", 0, false},
    {"marquis", 0, false},
    {"viscount", 0, false},
    {"viscountess", 0, false},
    {"sheikh", 0, true},
    /* religious */
    {"reverend", 0, false},
    {"rev", 0, false},
    {"pastor", 0, false},
    {"father", 0, true},
    {"pope", 0, true},
    {"cardinal", 0, false},
    {"archbishop", 0, false},
    {"bishop", 0, true},
    {"rabbi", 0, false},
    {"imam", 0, false},
    {"ayatollah", 0, false},
    {"fr", 0, false},
    /* forms of address built on honour */
    {"the", 0, false},
    {"honourable", 0, false},
    {"honorable", 0, false},
    {"hon", 0, false},
    {"honble", 0, false},
    {"his honour", 0, false},
    {"her honour", 0, false},
    {"his honor", 0, false},
    {"her honor", 0, false},
    {"right honourable", 0, false},
    {"right honorable", 0, false},
    {"rt hon", 0, false},
    {"most honourable", 0, false},
    {"most honorable", 0, false},
    {"most hon", 0, false},
    {"most honble", 0, false},
    {"much honoured", 0, false},
    {"much honored", 0, false},
    {"much hon", 0, false},
    {"most noble", 0, false},
    {"his grace", 0, false},
    {"her grace", 0, false},
    {"worshipful", 0, false},
};

/* Words that may stand before a title: "former President", "Russian
 * Foreign Minister" (demonyms are also accepted, see qualifier()). */
static const char *const QUALIFIERS[] = {
    "former", "ex",      "late", "acting", "deputy", "interim", "outgoing", "incoming",
    "then",   "current", "new",  "us",     "uk",     "un",      "eu",
};

/* Portfolios that stand before a title as qualifiers do: "Trade Minister
 * Marrou", "Energy Minister Vell", "Commerce Secretary Sayegh". */
static const char *const PORTFOLIOS[] = {
    "trade",       "commerce", "energy",     "health",         "education",      "transport",
    "environment", "economy",  "economic",   "labour",         "labor",          "agriculture",
    "culture",     "tourism",  "industry",   "housing",        "development",    "sports",
    "sport",       "science",  "technology", "communications", "fisheries",      "immigration",
    "security",    "welfare",  "youth",      "treasury",       "infrastructure", "planning",
    "employment",  "climate",  "affairs",    "foreign",        "interior",       "defence",
    "defense",     "finance",  "home",       "justice",        "water",          "mining",
};

typedef struct suffix {
    const char *phrase;
    const char *canonical; /* NULL: a degree or honour, dropped */
} suffix;

static const suffix SUFFIXES[] = {
    {"jr", "jr"},    {"junior", "jr"}, {"sr", "sr"},      {"senior", "sr"}, {"ii", "ii"},
    {"iii", "iii"},  {"iv", "iv"},     {"phd", NULL},     {"ph d", NULL},   {"md", NULL},
    {"m d", NULL},   {"esq", NULL},    {"esquire", NULL}, {"mba", NULL},    {"m b a", NULL},
    {"dphil", NULL}, {"d phil", NULL}, {"obe", NULL},     {"mbe", NULL},    {"cbe", NULL},
    {"kbe", NULL},   {"qc", NULL},     {"frs", NULL},
};

/* Words that join the surname that follows them ("van dam", "de la cruz"). */
static const char *const PARTICLES[] = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das",  "do",
    "du",  "la",  "le", "ten", "ter", "bin", "ibn",   "al", "el", "st",  "bint", "zu",
};

/* Particles a source may leave out, all of them at once ("von der Leyen" /
 * "Leyen", "al-Assad" / "Assad", "de Gaulle" / "Gaulle"). "bin", "ibn",
 * "bint" mean "son" or "daughter of" ("bin Salman" is not Salman) and "st"
 * is part of the name ("St John"): they must be written by both. */
static const char *const DROPPABLE_PARTICLES[] = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos",
    "das", "do",  "du", "la",  "le",  "ten", "ter",   "al", "el", "zu",
};

/* Particles that are also given names when they come first before a name
 * that is not a particle ("Van Morrison", "Al Gore"); any other particle
 * first starts a surname ("de Gaulle", "von der Leyen", "bin Laden"). */
static const char *const GIVEN_PARTICLES[] = {"van", "al"};

/* The Arabic article, written joined to the name after it ("al-Assad",
 * "el-Sisi"); a canonical name always writes it so. */
static const char *const ARTICLES[] = {"al", "el"};

/* Common given names whose gender is clear, to tell "Mr. Obama" from
 * "Michelle Obama". Names used for both are left out. */
static const char *const FEMALE_NAMES[] = {
    "mary",      "patricia",   "jennifer", "linda",     "elizabeth", "barbara",     "susan",
    "jessica",   "sarah",      "karen",    "lisa",      "nancy",     "betty",       "margaret",
    "sandra",    "kimberly",   "emily",    "donna",     "michelle",  "carol",       "amanda",
    "dorothy",   "melissa",    "deborah",  "stephanie", "rebecca",   "sharon",      "laura",
    "cynthia",   "kathleen",   "amy",      "angela",    "shirley",   "anna",        "brenda",
    "pamela",    "emma",       "nicole",   "helen",     "samantha",  "katherine",   "christine",
    "debra",     "rachel",     "carolyn",  "janet",     "catherine", "maria",       "heather",
    "diane",     "ruth",       "julie",    "olivia",    "joyce",     "virginia",    "victoria",
    "lauren",    "christina",  "joan",     "evelyn",    "judith",    "megan",       "cheryl",
    "hannah",    "jacqueline", "martha",   "gloria",    "teresa",    "theresa",     "ann",
    "anne",      "sara",       "frances",  "kathryn",   "janice",    "abigail",     "alice",
    "judy",      "sophia",     "grace",    "denise",    "doris",     "marilyn",     "danielle",
    "beverly",   "isabella",   "diana",    "natalie",   "charlotte", "hillary",     "melania",
    "ivanka",    "marine",     "ursula",   "kamala",    "jacinda",   "federica",    "julia",
    "yulia",     "golda",      "indira",   "benazir",   "madeleine", "condoleezza", "tatiana",
    "natalia",   "svetlana",   "olga",     "irina",     "elena",     "yelena",      "anastasia",
    "ekaterina", "valentina",  "lyudmila", "fatima",    "aisha",     "leila",       "sophie",
    "claire",    "isabelle",   "monique",  "francoise", "brigitte",  "ingrid",      "greta",
    "ilse",      "sabine",     "carmen",   "lucia",     "giulia",    "francesca",
};

static const char *const MALE_NAMES[] = {
    "james",    "robert",   "john",      "michael",     "william",   "david",     "richard",
    "joseph",   "thomas",   "charles",   "christopher", "daniel",    "matthew",   "anthony",
    "mark",     "donald",   "steven",    "paul",        "andrew",    "joshua",    "kenneth",
    "kevin",    "brian",    "george",    "timothy",     "ronald",    "edward",    "jason",
    "jeffrey",  "ryan",     "jacob",     "gary",        "nicholas",  "eric",      "jonathan",
    "stephen",  "larry",    "justin",    "scott",       "brandon",   "benjamin",  "samuel",
    "gregory",  "frank",    "alexander", "raymond",     "patrick",   "jack",      "dennis",
    "jerry",    "tyler",    "aaron",     "henry",       "adam",      "douglas",   "nathan",
    "peter",    "zachary",  "kyle",      "walter",      "harold",    "jeremy",    "ethan",
    "carl",     "keith",    "roger",     "gerald",      "christian", "arthur",    "lawrence",
    "jesse",    "joe",      "bryan",     "billy",       "albert",    "bruce",     "gabriel",
    "alan",     "juan",     "wayne",     "ralph",       "roy",       "eugene",    "randy",
    "vincent",  "russell",  "louis",     "philip",      "bobby",     "johnny",    "bradley",
    "barack",   "bill",     "hugh",      "boris",       "vladimir",  "sergey",    "dmitry",
    "francois", "emmanuel", "nicolas",   "recep",       "bashar",    "ali",       "muhammad",
    "ahmed",    "abdullah", "shinzo",    "narendra",    "mike",      "mitt",      "ted",
    "marco",    "bernie",   "chuck",     "viktor",      "petro",     "volodymyr", "alexey",
    "andrey",   "nikolay",  "mikhail",   "yury",        "fyodor",    "pyotr",     "ivan",
    "igor",     "oleg",     "hans",      "klaus",       "jacques",   "pierre",    "giuseppe",
    "giovanni", "carlos",   "jose",      "luis",        "antonio",
};

/* Words (not separators) that only say what part someone had in a book. */
static const char *const ROLE_WORDS[] = {
    "edited",     "editor",      "editors",      "foreword",    "introduction",
    "translated", "translator",  "illustrated",  "illustrator", "compiled",
    "compiler",   "contributor", "contributors", "author",      "authors",
    "coauthor",   "others",      "etc",          "edt",
};

/* Markers for "no value" besides those of every type (fold.c). */
static const char *const NONE_PERSONS[] = {
    "anonymous", "anon", "various", "various authors", "not available",
};

static bool in_list(const char *const *t, size_t n, claims_str w)
{
    for (size_t i = 0; i < n; i++)
        if (claims__str_eq(w, t[i]))
            return true;
    return false;
}

/* ---- reading a name ------------------------------------------------------------ */

typedef struct person {
    claims_buf text;                   /* the cleaned folded text */
    claims_str word[PERSON_MAX_WORDS]; /* into text, or static spellings */
    bool initial[PERSON_MAX_WORDS];
    size_t n;          /* words of the name, suffix excluded */
    size_t nsurname;   /* the last nsurname words are the surname... */
    size_t nparticles; /* ...of which the first nparticles are particles */
    const char *suffix;
    char gender; /* from a title: MALE, FEMALE or 0 */
} person;

static void person_init(person *p)
{
    memset(p, 0, sizeof *p);
    claims__buf_init(&p->text);
}

static void person_free(person *p) { claims__buf_free(&p->text); }

static bool word_char(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '\'' || c == '-';
}

/* The words of s[0..len): runs of letters, digits, ' and -, with ' and -
 * trimmed at their ends. Returns the count (may exceed max). */
static size_t tokenize(const char *s, size_t len, claims_str *tok, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && !word_char((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && word_char((unsigned char)s[i]))
            i++;
        size_t end = i;
        while (start < end && (s[start] == '\'' || s[start] == '-'))
            start++;
        while (end > start && (s[end - 1] == '\'' || s[end - 1] == '-'))
            end--;
        bool alnum = false;
        for (size_t k = start; k < end && !alnum;) {
            int32_t c = claims__utf8_next(s, end, &k);
            alnum = c < 0 || claims__fold_is_alnum(c);
            k += c < 0;
        }
        if (end > start && alnum) {
            if (n < max)
                tok[n] = (claims_str){s + start, end - start};
            n++;
        }
    }
    return n;
}

/* True when an aside such as "(Author)" or "(Foreword by)" names a role. */
static bool role_aside(const char *s, size_t len)
{
    claims_str tok[8];
    size_t n = tokenize(s, len, tok, COUNT(tok));
    for (size_t k = 0; k < n && k < COUNT(tok); k++)
        if (in_list(ROLE_WORDS, COUNT(ROLE_WORDS), tok[k]) || claims__str_eq(tok[k], "ed") ||
            claims__str_eq(tok[k], "eds") || claims__str_eq(tok[k], "by"))
            return true;
    return false;
}

/* True for an editor's "[sic]". */
static bool sic_aside(const char *s, size_t len)
{
    claims_str tok[2];
    return tokenize(s, len, tok, 2) == 1 && claims__str_eq(tok[0], "sic");
}

/* Copies s without parenthesized asides ("(Author)") and without quoted
 * nicknames (Regis "Bud" Bates); a name quoted as a whole loses its quotes
 * only. Square brackets are an editor's insertion into a quote ("Secretary
 * [John] Kerry"): their words stay, unless they name a role or are [sic].
 * With `roles`, an aside naming a role ends a name in a list ("Boyce,
 * Joseph G. (Author) Jennings, Dan W. (Author)"). */
static int clean_text(claims_buf *out, const char *s, size_t len, bool roles)
{
    while (len && s[0] == ' ')
        s++, len--;
    while (len && s[len - 1] == ' ')
        len--;
    if (len >= 2 && s[0] == '"' && s[len - 1] == '"' && !memchr(s + 1, '"', len - 2)) {
        s++;
        len -= 2;
    }
    claims__buf_clear(out);
    if (claims__buf_reserve(out, len) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    char *o = out->data;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c != '(' && c != '[' && c != '{' && c != '"') {
            o[i++] = c;
            continue;
        }
        /* the aside runs to its matching closer, or to the end */
        size_t j = i + 1;
        int depth = 1;
        while (j < len && depth > 0) {
            if (c == '"')
                depth = s[j] == '"' ? 0 : 1;
            else if (s[j] == '(' || s[j] == '[' || s[j] == '{')
                depth++;
            else if (s[j] == ')' || s[j] == ']' || s[j] == '}')
                depth--;
            j++;
        }
        if (c == '"' && (j > len || s[j - 1] != '"' || j == i + 1))
            j = i + 1; /* an unpaired quote is dropped alone */
        if (c == '[' && !role_aside(s + i, j - i) && !sic_aside(s + i, j - i)) {
            o[i++] = ' '; /* an insertion: its words are read (the ] is no word) */
            continue;
        }
        char fill = roles && c != '"' && role_aside(s + i, j - i) ? ';' : ' ';
        memset(o + i, ' ', j - i);
        o[i] = fill;
        i = j;
    }
    out->len = len;
    o[len] = '\0';
    return CLAIMS_OK;
}

/* Words of a phrase ("secretary of state") matching tok[i..]; returns the
 * number of words, 0 when it does not match. The first word may carry
 * "ex-" ("ex-chairman"). */
static size_t match_phrase(const claims_str *tok, size_t n, size_t i, const char *phrase)
{
    size_t k = 0;
    const char *p = phrase;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t plen = sp ? (size_t)(sp - p) : strlen(p);
        if (i + k >= n)
            return 0;
        claims_str t = tok[i + k];
        if (k == 0 && t.len > 3 && memcmp(t.ptr, "ex-", 3) == 0) {
            t.ptr += 3;
            t.len -= 3;
        }
        if (t.len != plen || memcmp(t.ptr, p, plen) != 0)
            return 0;
        k++;
        p += plen;
        if (*p == ' ')
            p++;
    }
    return k;
}

/* The longest title at tok[i]; returns its word count (0: none). */
static size_t find_title(const claims_str *tok, size_t n, size_t i, const title **which)
{
    size_t best = 0;
    for (size_t t = 0; t < COUNT(TITLES); t++) {
        size_t m = match_phrase(tok, n, i, TITLES[t].phrase);
        if (m > best) {
            best = m;
            *which = &TITLES[t];
        }
    }
    return best;
}

static bool is_initial(claims_str w)
{
    size_t i = 0;
    int32_t c = claims__utf8_next(w.ptr, w.len, &i);
    return i == w.len && c >= 0 && claims__fold_is_alnum(c);
}

/* A word that may stand before a title without being part of the name. */
static bool qualifier(claims_str w)
{
    return in_list(QUALIFIERS, COUNT(QUALIFIERS), w) || in_list(PORTFOLIOS, COUNT(PORTFOLIOS), w) ||
           is_initial(w) || claims__entity_demonym(w) != NULL;
}

/* Strips the titles at the start of tok[*start..n). Up to three words may
 * stand before a title ("Kremlin spokesman", "U.S. Secretary of State");
 * unless they are known qualifiers, two words of name must follow. */
static int strip_titles(const claims_str *tok, size_t n, size_t *start, char *gender,
                        claims_error *err)
{
    for (;;) {
        size_t s = *start;
        const title *t = NULL;
        size_t m = find_title(tok, n, s, &t);
        if (m > 0 && s + m == n) {
            if (t->name_word)
                return CLAIMS_OK; /* "King" alone is a name */
            return claims__error_simple(err, CLAIMS_ESYNTAX, "only a title, no name");
        }
        if (m > 0) {
            *start = s + m;
            *gender = t->gender ? t->gender : *gender;
            continue;
        }
        bool stripped = false;
        for (size_t k = 1; k <= 3 && s + k < n && !stripped; k++) {
            if (claims__str_eq(tok[s + k - 1], "of"))
                break; /* "Charles III of the United Kingdom": no title after "of" */
            m = find_title(tok, n, s + k, &t);
            if (m == 0)
                continue;
            bool known = true;
            for (size_t q = s; q < s + k; q++)
                known = known && qualifier(tok[q]);
            if (known && s + k + m == n) /* "the [U.S.] secretary", "Russian President" */
                return claims__error_simple(err, CLAIMS_ESYNTAX, "only a title, no name");
            size_t need = known ? 1 : 2;
            if (s + k + m + need <= n && (known || !t->name_word)) {
                *start = s + k + m;
                *gender = t->gender ? t->gender : *gender;
                stripped = true;
            }
            if (!known)
                break; /* an unknown word is only allowed right before */
        }
        if (!stripped)
            return CLAIMS_OK;
    }
}

/* Strips suffixes and degrees at the end of tok[start..*end); the
 * generational one is kept in *sfx. */
static void strip_suffixes(const claims_str *tok, size_t start, size_t *end, const char **sfx)
{
    bool again = true;
    while (again) {
        again = false;
        for (size_t k = 0; k < COUNT(SUFFIXES) && !again; k++) {
            size_t words = 1;
            for (const char *p = SUFFIXES[k].phrase; *p; p++)
                words += *p == ' ';
            if (*end < start + words + 1)
                continue;
            if (match_phrase(tok, *end, *end - words, SUFFIXES[k].phrase) == words) {
                *end -= words;
                if (SUFFIXES[k].canonical && !*sfx)
                    *sfx = SUFFIXES[k].canonical;
                again = true;
            }
        }
    }
}

/* Words that are only a suffix ("jr", "ph d"): its canonical spelling, ""
 * for a degree, NULL when they are not one. */
static const char *suffix_words(const claims_str *tok, size_t n)
{
    for (size_t k = 0; k < COUNT(SUFFIXES) && n > 0; k++)
        if (match_phrase(tok, n, 0, SUFFIXES[k].phrase) == n)
            return SUFFIXES[k].canonical ? SUFFIXES[k].canonical : "";
    return NULL;
}

/* A part of a comma list that is only a suffix ("Jr."). */
static const char *suffix_part(const char *s, size_t len)
{
    claims_str tok[4];
    size_t n = tokenize(s, len, tok, 4);
    return n <= 3 ? suffix_words(tok, n) : NULL;
}

static bool has_digit(claims_str w)
{
    for (size_t i = 0; i < w.len; i++)
        if (w.ptr[i] >= '0' && w.ptr[i] <= '9')
            return true;
    return false;
}

/* Reads a name from folded text. Errors are ESYNTAX (not a name) or
 * ENOMEM. */
static int person_read(person *p, const char *f, size_t len, claims_error *err)
{
    /* room after the text for one word glued to its article (al-assad) */
    if (clean_text(&p->text, f, len, false) != CLAIMS_OK ||
        claims__buf_reserve(&p->text, p->text.len + 4) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    char *t = p->text.data;
    /* comma parts, without those that are only a suffix */
    claims_str part[3];
    size_t nparts = 0;
    const char *sfx = NULL;
    size_t i = 0;
    while (i <= p->text.len) {
        const char *comma = memchr(t + i, ',', p->text.len - i);
        size_t end = comma ? (size_t)(comma - t) : p->text.len;
        claims_str tok1[1];
        const char *sp = suffix_part(t + i, end - i);
        if (sp) {
            sfx = *sp && !sfx ? sp : sfx;
        } else if (tokenize(t + i, end - i, tok1, 1) > 0) {
            if (nparts == 2)
                return claims__error_simple(err, CLAIMS_ESYNTAX,
                                            "more than one comma: a list of names? (type persons)");
            part[nparts++] = (claims_str){t + i, end - i};
        }
        i = end + 1;
    }
    if (nparts == 0)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "no name");
    /* "Last, First" is read as "First Last" */
    claims_str tok[PERSON_MAX_WORDS * 2];
    size_t cap = COUNT(tok), n = 0;
    for (size_t k = nparts; k-- > 0;) {
        size_t m = tokenize(part[k].ptr, part[k].len, tok + n, cap - n);
        if (m > cap - n)
            return claims__error_simple(err, CLAIMS_ESYNTAX, "too many words for a person name");
        n += m;
    }
    size_t start = 0, end = n;
    char gender = 0;
    strip_suffixes(tok, start, &end, &sfx);
    int rc = strip_titles(tok, end, &start, &gender, err);
    if (rc != CLAIMS_OK)
        return rc;
    /* after a title, "of <country>" is not part of the name: "Prime
     * Minister Malcolm Turnbull of Australia", "Chancellor Weber of
     * Austria" (one word of name is enough) */
    for (size_t k = start + 1; start > 0 && k < end; k++)
        if (claims__str_eq(tok[k], "of"))
            end = k;
    strip_suffixes(tok, start, &end, &sfx);
    if (suffix_words(tok + start, end - start))
        return claims__error_simple(err, CLAIMS_ESYNTAX, "only a suffix, no name");
    if (end - start > PERSON_MAX_WORDS)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "too many words for a person name");
    p->n = 0;
    for (size_t k = start; k < end; k++) {
        if (has_digit(tok[k]))
            return claims__error_simple(err, CLAIMS_ESYNTAX, "a digit in a person name");
        p->initial[p->n] = is_initial(tok[k]);
        p->word[p->n] =
            p->initial[p->n] ? tok[k] : claims__name_word_spelling(tok[k], t + (tok[k].ptr - t));
        p->n++;
    }
    /* particles join the surname; a first one starts it ("de Gaulle")
     * unless it is also a given name before a name ("Van Morrison") */
    size_t s = p->n - 1;
    while (s >= 1 && !p->initial[s - 1] && in_list(PARTICLES, COUNT(PARTICLES), p->word[s - 1]))
        s--;
    if (s == 0 && p->n >= 2 && in_list(GIVEN_PARTICLES, COUNT(GIVEN_PARTICLES), p->word[0]) &&
        !in_list(PARTICLES, COUNT(PARTICLES), p->word[1]))
        s = 1;
    /* the article is written joined to the name it belongs to: "Bashar al
     * Assad" -> "bashar al-assad" */
    size_t last = p->n - 1;
    if (last >= 1 && last - 1 >= s && in_list(ARTICLES, COUNT(ARTICLES), p->word[last - 1]) &&
        !p->initial[last]) {
        char *glued = t + p->text.len + 1;
        memcpy(glued, p->word[last - 1].ptr, p->word[last - 1].len);
        glued[p->word[last - 1].len] = '-';
        memcpy(glued + p->word[last - 1].len + 1, p->word[last].ptr, p->word[last].len);
        p->word[last - 1] = (claims_str){glued, p->word[last - 1].len + 1 + p->word[last].len};
        p->n--;
    }
    p->nsurname = p->n - s;
    p->nparticles = 0;
    while (p->nparticles + 1 < p->nsurname &&
           in_list(PARTICLES, COUNT(PARTICLES), p->word[s + p->nparticles]))
        p->nparticles++;
    p->suffix = sfx;
    p->gender = gender;
    return CLAIMS_OK;
}

/* given names then surname, initials as "j.", suffix last; a surname only
 * keeps "mr" or "ms" */
static int person_render(claims_buf *out, const person *p)
{
    claims__buf_clear(out);
    int rc = claims__buf_append(out, "", 0);
    if (p->nsurname == p->n && p->gender)
        rc = claims__buf_append(out, p->gender == MALE ? "mr " : "ms ", 3);
    for (size_t k = 0; k < p->n && rc == CLAIMS_OK; k++) {
        if (k > 0)
            rc = claims__buf_putc(out, ' ');
        if (rc == CLAIMS_OK)
            rc = claims__buf_append(out, p->word[k].ptr, p->word[k].len);
        if (rc == CLAIMS_OK && p->initial[k])
            rc = claims__buf_putc(out, '.');
    }
    if (rc == CLAIMS_OK && p->suffix) {
        rc = claims__buf_putc(out, ' ');
        if (rc == CLAIMS_OK)
            rc = claims__buf_append(out, p->suffix, strlen(p->suffix));
    }
    return rc;
}

/* Canonical name of folded text f into out, then (when ctx has them) the
 * canonical name of its alias. */
static int person_canonical(claims_buf *out, const claims_ctx *ctx, const char *f, size_t len,
                            claims_error *err)
{
    person p;
    person_init(&p);
    int rc = person_read(&p, f, len, err);
    if (rc == CLAIMS_OK)
        rc = person_render(out, &p);
    const char *alias = NULL;
    claims_buf flat;
    claims__buf_init(&flat);
    if (rc == CLAIMS_OK && ctx) {
        alias = claims__aliases_find(ctx, CLAIMS_TYPE_PERSON, out->data, out->len);
        if (!alias && (rc = claims__fold(&flat, out->data, out->len,
                                         CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_ARTICLE)) == CLAIMS_OK)
            alias = claims__aliases_find(ctx, CLAIMS__ALIAS_ALL, flat.data, flat.len);
    }
    if (rc == CLAIMS_OK && alias) {
        person_free(&p);
        person_init(&p);
        rc = person_read(&p, alias, strlen(alias), err);
        if (rc == CLAIMS_OK)
            rc = person_render(out, &p);
    }
    if (rc == CLAIMS_ENOMEM)
        claims__error_simple(err, rc, "out of memory");
    claims__buf_free(&flat);
    person_free(&p);
    return rc;
}

int claims__person_key(claims_buf *out, const char *s, size_t len, claims_error *err)
{
    claims_buf f;
    claims__buf_init(&f);
    int rc = claims__fold(&f, s, len, 0);
    if (rc == CLAIMS_OK)
        rc = person_canonical(out, NULL, f.data, f.len, err);
    else
        claims__error_simple(err, rc, "cannot fold the name");
    claims__buf_free(&f);
    return rc;
}

/* Is s a "no value" marker ("Not Available", "Anonymous")? */
static int none_marker(const char *s, size_t len, bool *none)
{
    claims_buf k;
    claims__buf_init(&k);
    int rc = claims__fold(&k, s, len, CLAIMS__FOLD_PUNCT);
    claims_str w = {k.data, k.len};
    *none = rc == CLAIMS_OK &&
            (claims__fold_is_none(k.data, k.len) || in_list(NONE_PERSONS, COUNT(NONE_PERSONS), w));
    claims__buf_free(&k);
    return rc;
}

static void person_detail_free(void *d)
{
    person_free(d);
    free(d);
}

/* Keeps the canonical name read back as the value's detail: comparisons
 * read names from there instead of parsing them again each time. */
static void keep_detail(claims_value *v)
{
    person *p = malloc(sizeof *p);
    if (!p)
        return; /* comparisons will read the name themselves */
    person_init(p);
    if (person_read(p, v->norm.data, v->norm.len, NULL) != CLAIMS_OK) {
        person_detail_free(p);
        return;
    }
    v->detail = p;
    v->detail_free = person_detail_free;
}

int claims__person_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err)
{
    (void)opts;
    bool none = false;
    claims_buf f;
    claims__buf_init(&f);
    int rc = none_marker(s, len, &none);
    if (rc == CLAIMS_OK && none)
        v->none = true;
    else if (rc == CLAIMS_OK && (rc = claims__fold(&f, s, len, 0)) == CLAIMS_OK)
        rc = person_canonical(&v->norm, ctx, f.data, f.len, err);
    claims__buf_free(&f);
    if (rc == CLAIMS_OK && !v->none)
        keep_detail(v);
    if (rc != CLAIMS_OK && (!err || err->code == CLAIMS_OK))
        claims__error_simple(err, rc, "cannot read a person name");
    return rc;
}

/* ---- comparing two names ---------------------------------------------------------- */

typedef enum word_rel {
    WORD_DIFFERENT,
    WORD_NICKNAME, /* given names only: bill / william */
    WORD_VARIANT,  /* one name spelt two ways: jinping / jingping */
    WORD_INITIAL,
    WORD_EQUAL
} word_rel;

/* w without a joined article: "al-assad" -> "assad". */
static claims_str without_article(claims_str w)
{
    for (size_t k = 0; k < COUNT(ARTICLES); k++) {
        size_t n = strlen(ARTICLES[k]);
        if (w.len > n + 1 && memcmp(w.ptr, ARTICLES[k], n) == 0 && w.ptr[n] == '-')
            return (claims_str){w.ptr + n + 1, w.len - n - 1};
    }
    return w;
}

/* Index of the surname's first word after its particles: the word that
 * carries a joined article, if any. */
static size_t core_at(const person *p) { return p->n - p->nsurname + p->nparticles; }

/* Word i of a against word j of b: given names (`given`) may also be
 * nicknames of each other; the first word of a surname is compared
 * without its article. */
static word_rel word_match(const claims_ctx *ctx, const person *a, size_t i, const person *b,
                           size_t j, bool given)
{
    claims_str x = a->word[i], y = b->word[j];
    if (!given && i == core_at(a) && j == core_at(b)) {
        x = without_article(x);
        y = without_article(y);
    }
    if (x.len == y.len && memcmp(x.ptr, y.ptr, x.len) == 0 && a->initial[i] == b->initial[j])
        return WORD_EQUAL;
    if (a->initial[i] != b->initial[j]) {
        size_t p = 0, q = 0;
        if (claims__utf8_next(x.ptr, x.len, &p) == claims__utf8_next(y.ptr, y.len, &q))
            return WORD_INITIAL;
        return WORD_DIFFERENT;
    }
    if (a->initial[i])
        return WORD_DIFFERENT;
    if (claims__name_spelling_variant(x, y))
        return WORD_VARIANT;
    if (given && claims__nickname_match(ctx, x, y) != CLAIMS__NICK_NONE)
        return WORD_NICKNAME;
    return WORD_DIFFERENT;
}

static double word_sim(const claims_ctx *ctx, const person *a, size_t i, const person *b, size_t j,
                       bool given)
{
    switch (word_match(ctx, a, i, b, j, given)) {
    case WORD_EQUAL: return 1.0;
    case WORD_INITIAL:
    case WORD_NICKNAME: return 0.8;
    default: {
        double s;
        return claims_jaro_winkler(&s, a->word[i].ptr, a->word[i].len, b->word[j].ptr,
                                   b->word[j].len) == CLAIMS_OK
                   ? s
                   : 0.0;
    }
    }
}

/* Token agreement: given names aligned from the left, surnames from the
 * right, over the longer name. */
static double name_score(const claims_ctx *ctx, const person *a, const person *b)
{
    size_t ga = a->n - a->nsurname, gb = b->n - b->nsurname;
    double sum = 0.0;
    for (size_t k = 0; k < ga && k < gb; k++)
        sum += word_sim(ctx, a, k, b, k, true);
    for (size_t k = 1; k <= a->nsurname && k <= b->nsurname; k++)
        sum += word_sim(ctx, a, a->n - k, b, b->n - k, false);
    size_t n = a->n > b->n ? a->n : b->n;
    if (a->suffix || b->suffix) { /* a suffix counts as one more word */
        n++;
        sum += a->suffix && b->suffix && strcmp(a->suffix, b->suffix) == 0;
    }
    return n ? sum / (double)n : 0.0;
}

/* Words [from, to) of p, initials with their period, for reasons. */
static void words_text(char *out, size_t cap, const person *p, size_t from, size_t to)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t k = from; k < to; k++) {
        int n = snprintf(out + len, cap - len, "%s%.*s%s", k > from ? " " : "", (int)p->word[k].len,
                         p->word[k].ptr, p->initial[k] ? "." : "");
        if (n < 0 || (size_t)n >= cap - len) {
            out[len] = '\0';
            break;
        }
        len += (size_t)n;
    }
}

static char name_gender(const person *p)
{
    if (p->n == p->nsurname)
        return p->gender;
    if (p->initial[0])
        return 0;
    if (in_list(FEMALE_NAMES, COUNT(FEMALE_NAMES), p->word[0]))
        return FEMALE;
    if (in_list(MALE_NAMES, COUNT(MALE_NAMES), p->word[0]))
        return MALE;
    return 0;
}

static bool same_words(const person *a, const person *b)
{
    if (a->n != b->n)
        return false;
    bool used[PERSON_MAX_WORDS] = {false};
    for (size_t i = 0; i < a->n; i++) {
        size_t j = 0;
        while (j < b->n &&
               (used[j] || a->initial[i] != b->initial[j] || a->word[i].len != b->word[j].len ||
                memcmp(a->word[i].ptr, b->word[j].ptr, a->word[i].len) != 0))
            j++;
        if (j == b->n)
            return false;
        used[j] = true;
    }
    return true;
}

/* The particles of a surname as one string ("von der", "al" for a joined
 * article, "el" read as "al"); returns false when some cannot be left
 * out. */
static bool particle_text(char *out, size_t cap, const person *p)
{
    size_t len = 0, from = p->n - p->nsurname;
    bool droppable = true;
    out[0] = '\0';
    for (size_t k = from; k <= core_at(p); k++) {
        claims_str w = p->word[k];
        if (k == core_at(p)) { /* its joined article, if any */
            claims_str rest = without_article(w);
            if (rest.len == w.len)
                break;
            w.len -= rest.len + 1;
        }
        if (claims__str_eq(w, "el"))
            w = (claims_str){"al", 2};
        droppable = droppable && in_list(DROPPABLE_PARTICLES, COUNT(DROPPABLE_PARTICLES), w);
        int n = snprintf(out + len, cap - len, "%s%.*s", len ? " " : "", (int)w.len, w.ptr);
        if (n > 0 && (size_t)n < cap - len)
            len += (size_t)n;
    }
    return droppable;
}

/* What made two names compatible rather than equal: the first such word. */
typedef struct name_note {
    word_rel rel; /* WORD_EQUAL: none */
    size_t i, j;  /* the words of a and b */
} name_note;

static void note(name_note *n, word_rel r, size_t i, size_t j)
{
    if (r != WORD_EQUAL && r != WORD_DIFFERENT && n->rel == WORD_EQUAL)
        *n = (name_note){r, i, j};
}

typedef enum particles_rel { PARTICLES_SAME, PARTICLES_DROPPED, PARTICLES_DIFFERENT } particles_rel;

/* Surnames match when their last words match (equal, an initial, a
 * spelling variant) and their particles are the same, or one side has
 * none and the other's can be left out ("von der Leyen" / "Leyen"; not
 * "der Leyen", not "bin Salman" / "Salman"). */
static bool surnames_match(const claims_ctx *ctx, const person *a, const person *b, name_note *sn,
                           particles_rel *prel, char *particles, size_t cap)
{
    word_rel r = word_match(ctx, a, a->n - 1, b, b->n - 1, false);
    if (r == WORD_DIFFERENT)
        return false;
    note(sn, r, a->n - 1, b->n - 1);
    char pa[64], pb[64];
    bool da = particle_text(pa, sizeof pa, a), db = particle_text(pb, sizeof pb, b);
    *prel = PARTICLES_SAME;
    if (strcmp(pa, pb) == 0)
        return true;
    if ((pa[0] && pb[0]) || (!pa[0] && !db) || (!pb[0] && !da))
        return false;
    *prel = PARTICLES_DROPPED;
    snprintf(particles, cap, "%s", pa[0] ? pa : pb);
    return true;
}

static void note_reason(claims_comparison *out, const claims_ctx *ctx, const name_note *n,
                        const person *a, const person *b)
{
    char x[48], y[48];
    bool a_initial = a->initial[n->i];
    if (n->rel == WORD_INITIAL) {
        words_text(x, sizeof x, a_initial ? a : b, a_initial ? n->i : n->j,
                   (a_initial ? n->i : n->j) + 1);
        words_text(y, sizeof y, a_initial ? b : a, a_initial ? n->j : n->i,
                   (a_initial ? n->j : n->i) + 1);
        claims__reason(out, "initial %s matches %s", x, y);
        return;
    }
    words_text(x, sizeof x, a, n->i, n->i + 1);
    words_text(y, sizeof y, b, n->j, n->j + 1);
    if (n->rel == WORD_VARIANT) {
        claims__reason(out, "spelling variant: %s / %s", x, y);
        return;
    }
    switch (claims__nickname_match(ctx, a->word[n->i], b->word[n->j])) {
    case CLAIMS__NICK_OF_B: claims__reason(out, "nickname: %s is short for %s", x, y); break;
    case CLAIMS__NICK_OF_A: claims__reason(out, "nickname: %s is short for %s", y, x); break;
    default: claims__reason(out, "nicknames of one name: %s / %s", x, y); break;
    }
}

/* A name of one word that is the first word of the other: a family name
 * written first ("Xi" / "Xi Jinping", "Kim" / "Kim Jong-un"). */
static bool family_first(const person *one, const person *other)
{
    return one->n == 1 && !one->initial[0] && other->n >= 2 && !other->initial[0] &&
           one->word[0].len == other->word[0].len &&
           memcmp(one->word[0].ptr, other->word[0].ptr, one->word[0].len) == 0;
}

/* Relates two names that are not written the same; na and nb are their
 * canonical strings. */
static void compare_names(claims_comparison *out, const claims_ctx *ctx, const person *a,
                          const char *na, const person *b, const char *nb)
{
    char x[48], y[48], particles[64] = "";
    size_t ga = a->n - a->nsurname, gb = b->n - b->nsurname;
    out->score = name_score(ctx, a, b);
    out->relation = CLAIMS_RELATION_CONFLICTING;
    name_note sn = {WORD_EQUAL, 0, 0}, gn = {WORD_EQUAL, 0, 0};
    particles_rel prel = PARTICLES_SAME;
    if (!surnames_match(ctx, a, b, &sn, &prel, particles, sizeof particles)) {
        if (same_words(a, b)) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            claims__reason(out, "same names in another order: %s / %s", na, nb);
        } else if (family_first(a, b) || family_first(b, a)) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = 1.0 / (double)(a->n > b->n ? a->n : b->n);
            claims__reason(out, "%s may be the family name of %s, written first",
                           a->n == 1 ? na : nb, a->n == 1 ? nb : na);
        } else {
            words_text(x, sizeof x, a, ga, a->n);
            words_text(y, sizeof y, b, gb, b->n);
            claims__reason(out, "different surname: %s vs %s", x, y);
        }
        return;
    }
    if (a->suffix && b->suffix && strcmp(a->suffix, b->suffix) != 0) {
        claims__reason(out, "different suffix: %s vs %s", na, nb);
        return;
    }
    out->relation = CLAIMS_RELATION_COMPATIBLE;
    if (ga == 0 || gb == 0) {
        /* "Mr. Obama" is not "Michelle Obama" */
        char gxa = name_gender(a), gxb = name_gender(b);
        if (gxa && gxb && gxa != gxb) {
            out->relation = CLAIMS_RELATION_CONFLICTING;
            claims__reason(out, "different given name: %s is not %s", na, nb);
            return;
        }
        const person *s = ga == 0 ? a : b;
        words_text(x, sizeof x, s, 0, s->n);
        if (sn.rel == WORD_VARIANT)
            note_reason(out, ctx, &sn, a, b);
        else if (ga == 0 && gb == 0 && prel == PARTICLES_DROPPED)
            claims__reason(out, "particle %s only in %s", particles,
                           a->nsurname > b->nsurname || strlen(na) > strlen(nb) ? na : nb);
        else if (ga == 0 && gb == 0)
            claims__reason(out, "%s and %s may be one person", na, nb);
        else
            claims__reason(out, "surname only: %s matches %s", x, ga == 0 ? nb : na);
        return;
    }
    for (size_t k = 0; k < ga && k < gb; k++) {
        word_rel r = word_match(ctx, a, k, b, k, true);
        if (r == WORD_DIFFERENT) {
            out->relation = CLAIMS_RELATION_CONFLICTING;
            words_text(x, sizeof x, a, k, k + 1);
            words_text(y, sizeof y, b, k, k + 1);
            claims__reason(out, "different %s name: %s vs %s", k == 0 ? "given" : "middle", x, y);
            return;
        }
        note(&gn, r, k, k);
    }
    if (gn.rel != WORD_EQUAL) {
        note_reason(out, ctx, &gn, a, b);
    } else if (sn.rel != WORD_EQUAL) {
        note_reason(out, ctx, &sn, a, b);
    } else if (prel == PARTICLES_DROPPED) {
        claims__reason(out, "particle %s only in %s", particles,
                       a->nsurname > b->nsurname || strlen(na) > strlen(nb) ? na : nb);
    } else if (ga != gb) {
        const person *l = ga > gb ? a : b;
        words_text(x, sizeof x, l, ga < gb ? ga : gb, ga > gb ? ga : gb);
        claims__reason(out, "middle name %s only in %s", x, l == a ? na : nb);
    } else {
        claims__reason(out, "%s and %s differ only in title or suffix", na, nb);
    }
}

/* The name in v, as kept when it was parsed or read again into *tmp;
 * NULL when v holds none. */
static const person *value_person(const claims_value *v, person *tmp)
{
    if (v->detail_free == person_detail_free)
        return v->detail;
    const char *norm = claims_value_normalized(v);
    return person_read(tmp, norm, strlen(norm), NULL) == CLAIMS_OK ? tmp : NULL;
}

void claims__person_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b)
{
    const char *na = claims_value_normalized(a), *nb = claims_value_normalized(b);
    if (strcmp(na, nb) == 0) {
        claims__fold_equal(out, a, b, CLAIMS__FOLD_PUNCT, "name");
        return;
    }
    person pa, pb;
    person_init(&pa);
    person_init(&pb);
    const person *xa = value_person(a, &pa), *xb = xa ? value_person(b, &pb) : NULL;
    if (xa && xb) {
        compare_names(out, ctx, xa, na, xb, nb);
    } else {
        out->relation = CLAIMS_RELATION_INCOMPARABLE;
        claims__reason(out, "cannot read %s or %s again", na, nb);
    }
    person_free(&pa);
    person_free(&pb);
}

size_t claims__person_block_key(const claims_value *v, int which, char *out, size_t cap)
{
    if (cap)
        out[0] = '\0';
    if (!v || v->type != CLAIMS_TYPE_PERSON || v->none)
        return 0;
    person tmp;
    person_init(&tmp);
    const person *p = value_person(v, &tmp);
    size_t n = 0;
    if (p && p->n > 0 && which == CLAIMS__BLOCK_SURNAME)
        n = claims__name_skeleton(out, cap, without_article(p->word[p->n - 1]));
    else if (p && p->n > 1 && which == CLAIMS__BLOCK_FIRST_WORD && !p->initial[0])
        n = claims__name_skeleton(out, cap, p->word[0]);
    person_free(&tmp);
    return n;
}

/* ---- author lists ------------------------------------------------------------------- */

/* A part such as "Knuth" or "van Dam": one name word besides particles, no
 * initial. */
static bool surname_like(claims_str part)
{
    claims_str tok[8];
    size_t n = tokenize(part.ptr, part.len, tok, COUNT(tok));
    if (n == 0 || n > COUNT(tok))
        return false;
    size_t names = 0;
    for (size_t k = 0; k < n; k++) {
        if (is_initial(tok[k]))
            return false;
        names += !in_list(PARTICLES, COUNT(PARTICLES), tok[k]);
    }
    return names == 1;
}

/* Blanks the words that only name a role ("editor", "et al") and turns
 * what joins names ("and", "with", "by", / & |) into ';'. */
static void mark_separators(char *c, size_t len)
{
    size_t i = 0, et = (size_t)-1; /* where a preceding "et" starts */
    while (i < len) {
        if (!word_char((unsigned char)c[i])) {
            if (c[i] == '/' || c[i] == '|' || c[i] == '&' || c[i] == '+') {
                c[i] = ';';
                et = (size_t)-1;
            }
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && word_char((unsigned char)c[i]))
            i++;
        claims_str t[1];
        if (tokenize(c + start, i - start, t, 1) == 0)
            continue;
        claims_str w = t[0]; /* without ' and - at its ends */
        start = (size_t)(w.ptr - c);
        bool dotted = i < len && (c[i] == '.' || c[i] == ':');
        if (claims__str_eq(w, "al") && et != (size_t)-1) {
            memset(c + et, ' ', start + w.len - et); /* "et al" */
        } else if (claims__str_eq(w, "and") || claims__str_eq(w, "with") ||
                   claims__str_eq(w, "by")) {
            memset(c + start, ' ', w.len);
            c[start] = ';';
        } else if (in_list(ROLE_WORDS, COUNT(ROLE_WORDS), w) ||
                   ((claims__str_eq(w, "ed") || claims__str_eq(w, "eds")) && dotted)) {
            memset(c + start, ' ', w.len);
            if (dotted)
                c[i] = ' ';
        }
        et = claims__str_eq(w, "et") ? start : (size_t)-1;
    }
}

typedef struct author_list {
    claims_buf *norm;
    size_t offsets[PERSONS_MAX]; /* start of each person in norm */
    size_t lens[PERSONS_MAX];
    size_t count;
    const claims_ctx *ctx;
    claims_buf item, canon;
} author_list;

/* Adds one person, written as folded text, unless it is not a name or is
 * already in the list. */
static int add_person(author_list *l, const char *text, size_t len, claims_error *err)
{
    claims_error e;
    claims__error_clear(&e);
    int rc = person_canonical(&l->canon, l->ctx, text, len, &e);
    if (rc == CLAIMS_ESYNTAX)
        return CLAIMS_OK; /* noise in a list ("0", "Jr.") is skipped */
    if (rc != CLAIMS_OK)
        return claims__error_simple(err, rc, "%s", e.text);
    for (size_t k = 0; k < l->count; k++)
        if (l->lens[k] == l->canon.len &&
            memcmp(l->norm->data + l->offsets[k], l->canon.data, l->canon.len) == 0)
            return CLAIMS_OK;
    if (l->count == PERSONS_MAX)
        return claims__error_simple(err, CLAIMS_ERANGE, "more than %d persons in a list",
                                    PERSONS_MAX);
    if ((l->count && claims__buf_append(l->norm, "; ", 2) != CLAIMS_OK) ||
        claims__buf_reserve(l->norm, l->canon.len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    l->offsets[l->count] = l->norm->len;
    l->lens[l->count] = l->canon.len;
    l->count++;
    return claims__buf_append(l->norm, l->canon.data, l->canon.len);
}

/* One chunk between separators. Its comma parts are "Last, First" pairs
 * when every other part, from the first, is a surname alone ("Knuth, Donald
 * E., Graham, Ronald L."); otherwise each part is one name ("Donald Knuth,
 * Ronald Graham"). A part that is only a suffix joins the name before it. */
static int add_chunk(author_list *l, const char *c, size_t len, claims_error *err)
{
    claims_str parts[PERSONS_MAX * 2];
    bool sfx[PERSONS_MAX * 2];
    size_t n = 0, i = 0;
    while (i <= len) {
        const char *comma = memchr(c + i, ',', len - i);
        size_t end = comma ? (size_t)(comma - c) : len;
        claims_str t[1];
        if (tokenize(c + i, end - i, t, 1) > 0) {
            if (n == COUNT(parts))
                return claims__error_simple(err, CLAIMS_ERANGE, "more than %d persons in a list",
                                            PERSONS_MAX);
            parts[n] = (claims_str){c + i, end - i};
            sfx[n] = suffix_part(c + i, end - i) != NULL;
            n++;
        }
        i = end + 1;
    }
    size_t names = 0;
    bool pairs = true;
    for (size_t k = 0; k < n; k++) {
        if (sfx[k])
            continue;
        if (names % 2 == 0 && !surname_like(parts[k]))
            pairs = false;
        names++;
    }
    pairs = pairs && names >= 2;
    int rc = CLAIMS_OK;
    for (size_t k = 0; k < n && rc == CLAIMS_OK;) {
        if (sfx[k]) { /* a suffix before any name */
            k++;
            continue;
        }
        size_t next = k + 1;
        claims__buf_clear(&l->item);
        rc = claims__buf_append(&l->item, parts[k].ptr, parts[k].len);
        if (pairs && next < n && !sfx[next])
            next++;
        while (next < n && sfx[next])
            next++;
        /* the name and what belongs to it: its first names, its suffixes */
        for (size_t j = k + 1; j < next && rc == CLAIMS_OK; j++) {
            rc = claims__buf_append(&l->item, ", ", 2);
            if (rc == CLAIMS_OK)
                rc = claims__buf_append(&l->item, parts[j].ptr, parts[j].len);
        }
        if (rc != CLAIMS_OK)
            return claims__error_simple(err, rc, "out of memory");
        rc = add_person(l, l->item.data, l->item.len, err);
        k = next;
    }
    return rc;
}

int claims__persons_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                          const claims_parse_options *opts, claims_error *err)
{
    (void)opts;
    bool none = false;
    int rc = none_marker(s, len, &none);
    if (rc != CLAIMS_OK)
        return claims__error_simple(err, rc, "cannot fold the list");
    if (none) {
        v->none = true;
        return CLAIMS_OK;
    }
    author_list l;
    l.norm = &v->norm;
    l.count = 0;
    l.ctx = ctx;
    claims__buf_init(&l.item);
    claims__buf_init(&l.canon);
    claims_buf f, c;
    claims__buf_init(&f);
    claims__buf_init(&c);
    claims__buf_clear(&v->norm);
    if ((rc = claims__fold(&f, s, len, 0)) != CLAIMS_OK ||
        (rc = clean_text(&c, f.data, f.len, true)) != CLAIMS_OK ||
        (rc = claims__buf_append(&v->norm, "", 0)) != CLAIMS_OK) {
        claims__error_simple(err, rc, "out of memory");
    } else {
        mark_separators(c.data, c.len);
        size_t i = 0;
        while (rc == CLAIMS_OK && i <= c.len) {
            const char *semi = memchr(c.data + i, ';', c.len - i);
            size_t end = semi ? (size_t)(semi - c.data) : c.len;
            rc = add_chunk(&l, c.data + i, end - i, err);
            i = end + 1;
        }
        if (rc == CLAIMS_OK && l.count == 0)
            rc = claims__error_simple(err, CLAIMS_ESYNTAX, "no person name in the list");
    }
    claims__buf_free(&f);
    claims__buf_free(&c);
    claims__buf_free(&l.item);
    claims__buf_free(&l.canon);
    return rc;
}

/* ---- comparing author lists ---------------------------------------------------------- */

typedef struct name_list {
    person p[PERSONS_MAX];
    const char *text[PERSONS_MAX]; /* canonical of each, NUL-terminated copy */
    claims_buf buf;
    size_t n;
} name_list;

/* Reads a canonical list ("a b; c d") into its persons. */
static int read_list(name_list *l, const char *norm)
{
    l->n = 0;
    claims__buf_init(&l->buf);
    if (claims__buf_append(&l->buf, norm, strlen(norm)) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    char *s = l->buf.data;
    while (*s && l->n < PERSONS_MAX) {
        char *semi = strstr(s, "; ");
        if (semi)
            *semi = '\0';
        person_init(&l->p[l->n]);
        l->text[l->n] = s;
        int rc = person_read(&l->p[l->n], s, strlen(s), NULL);
        l->n++;
        if (rc != CLAIMS_OK)
            return rc;
        s = semi ? semi + 2 : s + strlen(s);
    }
    return CLAIMS_OK;
}

static void free_list(name_list *l)
{
    for (size_t k = 0; k < l->n; k++)
        person_free(&l->p[k]);
    claims__buf_free(&l->buf);
}

/* Best pairs first: equal before compatible, then by score. */
static size_t match_lists(const claims_ctx *ctx, const name_list *a, const name_list *b,
                          size_t *equal, claims_comparison *first_partial)
{
    static const size_t none = (size_t)-1;
    size_t na = a->n, nb = b->n, matched = 0;
    bool used_a[PERSONS_MAX] = {false}, used_b[PERSONS_MAX] = {false};
    *equal = 0;
    first_partial->reason[0] = '\0';
    for (;;) {
        size_t bi = none, bj = none;
        claims_comparison best = {CLAIMS_COMPARISON_VERSION, CLAIMS_RELATION_CONFLICTING, 0.0, ""};
        for (size_t i = 0; i < na; i++) {
            for (size_t j = 0; j < nb && !used_a[i]; j++) {
                if (used_b[j])
                    continue;
                claims_comparison c = {CLAIMS_COMPARISON_VERSION, CLAIMS_RELATION_EQUAL, 1.0, ""};
                if (strcmp(a->text[i], b->text[j]) != 0)
                    compare_names(&c, ctx, &a->p[i], a->text[i], &b->p[j], b->text[j]);
                if (c.relation > CLAIMS_RELATION_COMPATIBLE)
                    continue;
                if (bi == none || c.relation < best.relation ||
                    (c.relation == best.relation && c.score > best.score)) {
                    bi = i;
                    bj = j;
                    best = c;
                }
            }
        }
        if (bi == none)
            return matched;
        used_a[bi] = used_b[bj] = true;
        matched++;
        if (best.relation == CLAIMS_RELATION_EQUAL)
            (*equal)++;
        else if (!first_partial->reason[0])
            *first_partial = best;
    }
}

void claims__persons_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                             const claims_value *b)
{
    const char *na = claims_value_normalized(a), *nb = claims_value_normalized(b);
    if (strcmp(na, nb) == 0) {
        out->relation = CLAIMS_RELATION_EQUAL;
        out->score = 1.0;
        claims__reason(out, "same persons: %s", na);
        return;
    }
    name_list *la = malloc(sizeof *la), *lb = malloc(sizeof *lb);
    int rc = la && lb ? CLAIMS_OK : CLAIMS_ENOMEM;
    if (la)
        la->n = 0, claims__buf_init(&la->buf);
    if (lb)
        lb->n = 0, claims__buf_init(&lb->buf);
    if (rc == CLAIMS_OK)
        rc = read_list(la, na);
    if (rc == CLAIMS_OK)
        rc = read_list(lb, nb);
    if (rc != CLAIMS_OK) {
        out->relation = CLAIMS_RELATION_INCOMPARABLE;
        claims__reason(out, "cannot read the lists again");
    } else {
        size_t equal;
        claims_comparison partial;
        size_t m = match_lists(ctx, la, lb, &equal, &partial);
        size_t big = la->n > lb->n ? la->n : lb->n;
        size_t small = la->n < lb->n ? la->n : lb->n;
        out->score = big ? (double)m / (double)big : 0.0;
        if (m == big && equal == m) {
            out->relation = CLAIMS_RELATION_EQUAL;
            claims__reason(out, "same %zu persons in another order", m);
        } else if (m == small) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            if (m < big)
                claims__reason(out,
                               "%zu of %zu persons match, the rest only "
                               "in one list",
                               m, big);
            else
                claims__reason(out, "all %zu persons match; %s", m, partial.reason);
        } else {
            out->relation = CLAIMS_RELATION_CONFLICTING;
            claims__reason(out, "%zu of %zu persons match; %zu and %zu differ", m, big, la->n - m,
                           lb->n - m);
        }
    }
    if (la)
        free_list(la);
    if (lb)
        free_list(lb);
    free(la);
    free(lb);
}
