/*
 * name_words.c - the words of person names, one at a time: the spelling a
 * word gets in its transliteration class (sergei, serguei -> sergey),
 * spelling variants that keep the sound (oskarsson / oskarson, jinping /
 * jingping), and nicknames (bill / william), built in and loaded by the
 * user (claims_ctx_load_nicknames).
 *
 * person.c reads and compares whole names with these; nothing here knows
 * about titles, particles or the order of names.
 */
#include "values/values_int.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- transliteration classes ------------------------------------------------ */

/* The first spelling is the canonical one. */
static const char *const *const VARIANTS[] = {
    (const char *const[]){"sergey", "sergei", "serguei", "sergej", NULL},
    (const char *const[]){"dmitry", "dmitri", "dmitrij", "dimitri", "dimitry", NULL},
    (const char *const[]){"yury", "yuri", "iouri", "jurij", "juri", NULL},
    (const char *const[]){"alexey", "alexei", "aleksei", "aleksey", "alexej", "aleksej", NULL},
    (const char *const[]){"andrey", "andrei", "andrej", NULL},
    (const char *const[]){"nikolay", "nikolai", "nikolaj", NULL},
    (const char *const[]){"mikhail", "michail", NULL},
    (const char *const[]){"yevgeny", "evgeny", "evgeni", "yevgeni", "jewgeni", NULL},
    (const char *const[]){"alexander", "aleksandr", "alexandr", NULL},
    (const char *const[]){"pyotr", "petr", NULL},
    (const char *const[]){"fyodor", "fedor", "feodor", "fiodor", NULL},
    (const char *const[]){"grigory", "grigori", NULL},
    (const char *const[]){"anatoly", "anatoli", NULL},
    (const char *const[]){"vitaly", "vitali", NULL},
    (const char *const[]){"valery", "valeri", NULL},
    (const char *const[]){"gennady", "gennadi", "genadi", NULL},
    (const char *const[]){"arkady", "arkadi", NULL},
    (const char *const[]){"vasily", "vasili", "vassily", "vassili", "wassily", NULL},
    (const char *const[]){"georgy", "georgi", NULL},
    (const char *const[]){"matvey", "matvei", NULL},
    (const char *const[]){"timofey", "timofei", NULL},
    (const char *const[]){"natalia", "natalya", NULL},
    (const char *const[]){"tatiana", "tatyana", NULL},
    (const char *const[]){"yulia", "yuliya", NULL},
    (const char *const[]){"elena", "yelena", NULL},
    (const char *const[]){"yekaterina", "ekaterina", NULL},
    (const char *const[]){"muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad",
                          "muhamad", NULL},
    (const char *const[]){"ahmed", "ahmad", NULL},
    (const char *const[]){"hussein", "husain", "hussain", "husayn", NULL},
    (const char *const[]){"hassan", "hasan", NULL},
    (const char *const[]){"osama", "usama", NULL},
    (const char *const[]){"abdullah", "abdallah", NULL},
    (const char *const[]){"mahmoud", "mahmud", NULL},
    (const char *const[]){"yusuf", "youssef", "yousef", "yousuf", "youssouf", NULL},
    (const char *const[]){"aisha", "ayesha", NULL},
    (const char *const[]){"leila", "layla", NULL},
    (const char *const[]){"gaddafi", "qaddafi", "kadhafi", "qadhafi", "gadhafi", "kaddafi", NULL},
};

claims_str claims__name_word_spelling(claims_str w, char *mutable_text)
{
    for (size_t c = 0; c < COUNT(VARIANTS); c++)
        for (size_t k = 0; VARIANTS[c][k]; k++)
            if (claims__str_eq(w, VARIANTS[c][k]))
                return (claims_str){VARIANTS[c][0], strlen(VARIANTS[c][0])};
    while (w.len >= 5 && mutable_text) {
        char a = w.ptr[w.len - 2], b = w.ptr[w.len - 1];
        char before = w.ptr[w.len - 3];
        bool ii = a == 'i' && b == 'i' && strchr("rlkdgnv", before);
        if (!(a == 'i' && b == 'y') && !(a == 'y' && b == 'y') && !ii)
            break;
        mutable_text[w.len - 2] = 'y';
        w.len--;
    }
    return w;
}

/* ---- spelling variants -------------------------------------------------------- */

static bool consonant(char c) { return c >= 'a' && c <= 'z' && !strchr("aeiouy", c); }

size_t claims__name_skeleton(char *out, size_t cap, claims_str w)
{
    size_t n = 0;
    char last = '\0'; /* the last byte kept (out may be too short to hold it) */
    for (size_t i = 0; i < w.len; i++) {
        char c = w.ptr[i];
        bool ascii = c >= 'a' && c <= 'z';
        if (ascii && c == last)
            continue; /* a doubled letter: oskarsson */
        if (c == 'h' && consonant(last))
            continue; /* a silent h: thomas, gadhafi */
        if (c == 'g' && last == 'n' && i + 1 < w.len && consonant(w.ptr[i + 1]))
            continue; /* pinyin n / ng before the next syllable: jingping */
        if (n + 1 < cap)
            out[n] = c;
        n++;
        last = c;
    }
    if (cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

/* Levenshtein distance of two short byte strings, or SIZE_MAX beyond 64. */
static size_t edit_distance(claims_str a, claims_str b)
{
    size_t row[65];
    if (a.len > 64 || b.len > 64)
        return SIZE_MAX;
    for (size_t j = 0; j <= b.len; j++)
        row[j] = j;
    for (size_t i = 1; i <= a.len; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.len; j++) {
            size_t up = row[j];
            size_t best = diag + (a.ptr[i - 1] != b.ptr[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[b.len];
}

size_t claims__name_variant_edits(size_t letters)
{
    return letters < CLAIMS__VARIANT_MIN_LETTERS ? 0 : letters < 10 ? 1 : 2;
}

bool claims__name_spelling_variant(claims_str a, claims_str b)
{
    /* the skeleton keeps the first letter, and the edits are at most two */
    if (a.len == 0 || b.len == 0 || a.ptr[0] != b.ptr[0] || a.len > b.len + 2 ||
        b.len > a.len + 2 || (a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0))
        return false;
    size_t la = claims__utf8_length(a.ptr, a.len), lb = claims__utf8_length(b.ptr, b.len);
    size_t allowed = claims__name_variant_edits(la < lb ? la : lb);
    if (allowed == 0 || a.len > 64 || b.len > 64)
        return false;
    char sa[65], sb[65];
    size_t na = claims__name_skeleton(sa, sizeof sa, a),
           nb = claims__name_skeleton(sb, sizeof sb, b);
    return na == nb && memcmp(sa, sb, na) == 0 && edit_distance(a, b) <= allowed;
}

/* ---- nicknames ------------------------------------------------------------------ */

/* Our own list of common diminutives (English, and Russian, German, Dutch,
 * Spanish and Italian ones heard in the news), as (nickname, full name)
 * with full names in their canonical spelling. Sorted by nickname, then
 * full name, for the binary search; check_person tests the order. */
static const claims__nickname_pair NICKNAMES[] = {
    {"abbie", "abigail"},     {"abby", "abigail"},        {"abe", "abraham"},
    {"al", "albert"},         {"alec", "alexander"},      {"alex", "alexander"},
    {"alex", "alexandra"},    {"alf", "alfred"},          {"alfie", "alfred"},
    {"alyosha", "alexey"},    {"andy", "andrew"},         {"annie", "anne"},
    {"art", "arthur"},        {"artie", "arthur"},        {"babs", "barbara"},
    {"barb", "barbara"},      {"bea", "beatrice"},        {"becca", "rebecca"},
    {"becky", "rebecca"},     {"ben", "benjamin"},        {"benji", "benjamin"},
    {"benny", "benjamin"},    {"beppe", "giuseppe"},      {"bernie", "bernard"},
    {"bert", "albert"},       {"bert", "herbert"},        {"bert", "robert"},
    {"bertie", "albert"},     {"bess", "elizabeth"},      {"beth", "elizabeth"},
    {"betsy", "elizabeth"},   {"betty", "elizabeth"},     {"bill", "william"},
    {"billy", "william"},     {"bob", "robert"},          {"bobby", "robert"},
    {"borya", "boris"},       {"brad", "bradley"},        {"carrie", "caroline"},
    {"carrie", "carolyn"},    {"cat", "catherine"},       {"cathy", "catherine"},
    {"charlie", "charles"},   {"charo", "rosario"},       {"chas", "charles"},
    {"chaz", "charles"},      {"chris", "christina"},     {"chris", "christine"},
    {"chris", "christopher"}, {"chrissy", "christine"},   {"christy", "christina"},
    {"chuck", "charles"},     {"cindy", "cynthia"},       {"cliff", "clifford"},
    {"concha", "concepcion"}, {"conchita", "concepcion"}, {"connie", "constance"},
    {"curro", "francisco"},   {"dan", "daniel"},          {"danny", "daniel"},
    {"dave", "david"},        {"davey", "david"},         {"deb", "deborah"},
    {"debbie", "deborah"},    {"denny", "dennis"},        {"dick", "richard"},
    {"dima", "dmitry"},       {"dolly", "dorothy"},       {"don", "donald"},
    {"donnie", "donald"},     {"dot", "dorothy"},         {"dottie", "dorothy"},
    {"doug", "douglas"},      {"drew", "andrew"},         {"ed", "edmund"},
    {"ed", "edward"},         {"eddie", "edward"},        {"eliza", "elizabeth"},
    {"ellie", "eleanor"},     {"emmy", "emily"},          {"fanny", "frances"},
    {"fran", "frances"},      {"fran", "francis"},        {"franco", "francesco"},
    {"frank", "francis"},     {"frank", "franklin"},      {"fred", "alfred"},
    {"fred", "frederick"},    {"freddie", "alfred"},      {"freddie", "frederick"},
    {"fritz", "friedrich"},   {"gabby", "gabrielle"},     {"gail", "abigail"},
    {"galya", "galina"},      {"gene", "eugene"},         {"geoff", "geoffrey"},
    {"gerd", "gerhard"},      {"gerry", "gerald"},        {"gianni", "giovanni"},
    {"gigi", "luigi"},        {"ginger", "virginia"},     {"ginny", "virginia"},
    {"greg", "gregory"},      {"grisha", "grigory"},      {"gus", "augustus"},
    {"hal", "harold"},        {"hal", "henry"},           {"hank", "henry"},
    {"hans", "johannes"},     {"harry", "harold"},        {"harry", "henry"},
    {"hattie", "harriet"},    {"henk", "hendrik"},        {"herb", "herbert"},
    {"ira", "irina"},         {"jaap", "jacobus"},        {"jack", "john"},
    {"jackie", "jacqueline"}, {"jake", "jacob"},          {"jamie", "james"},
    {"jeff", "geoffrey"},     {"jeff", "jeffrey"},        {"jen", "jennifer"},
    {"jenny", "jennifer"},    {"jerry", "gerald"},        {"jerry", "jerome"},
    {"jess", "jessica"},      {"jessie", "jessica"},      {"jim", "james"},
    {"jimmy", "james"},       {"jo", "josephine"},        {"joe", "joseph"},
    {"joey", "joseph"},       {"johnny", "john"},         {"jon", "jonathan"},
    {"jonny", "jonathan"},    {"josh", "joshua"},         {"josie", "josephine"},
    {"judy", "judith"},       {"kate", "catherine"},      {"kate", "katherine"},
    {"kate", "kathleen"},     {"kathi", "katharina"},     {"kathy", "katherine"},
    {"kathy", "kathleen"},    {"katie", "catherine"},     {"katie", "katherine"},
    {"katja", "katharina"},   {"katya", "yekaterina"},    {"kees", "cornelis"},
    {"ken", "kenneth"},       {"kenny", "kenneth"},       {"kim", "kimberly"},
    {"kit", "christopher"},   {"kit", "katherine"},       {"kolya", "nikolay"},
    {"koos", "jacobus"},      {"kostya", "konstantin"},   {"larry", "lawrence"},
    {"laurie", "lawrence"},   {"len", "leonard"},         {"lena", "elena"},
    {"lena", "magdalena"},    {"lenny", "leonard"},       {"leo", "leonard"},
    {"lexi", "alexandra"},    {"liam", "william"},        {"libby", "elizabeth"},
    {"liesel", "elisabeth"},  {"lisl", "elisabeth"},      {"liz", "elizabeth"},
    {"liza", "elizabeth"},    {"lizzie", "elizabeth"},    {"lola", "dolores"},
    {"lou", "louis"},         {"luda", "lyudmila"},       {"lyosha", "alexey"},
    {"lyuba", "lyubov"},      {"lyuda", "lyudmila"},      {"maddie", "madeleine"},
    {"madge", "margaret"},    {"magda", "magdalena"},     {"maggie", "margaret"},
    {"mamie", "mary"},        {"mandy", "amanda"},        {"manolo", "manuel"},
    {"manya", "maria"},       {"marge", "margaret"},      {"marty", "martha"},
    {"masha", "maria"},       {"matt", "matthew"},        {"max", "maximilian"},
    {"meg", "margaret"},      {"mel", "melissa"},         {"memo", "guillermo"},
    {"mick", "michael"},      {"mickey", "michael"},      {"mike", "michael"},
    {"mikey", "michael"},     {"mila", "lyudmila"},       {"misha", "mikhail"},
    {"missy", "melissa"},     {"mitya", "dmitry"},        {"molly", "mary"},
    {"nacho", "ignacio"},     {"nastya", "anastasia"},    {"nat", "natalie"},
    {"nat", "nathan"},        {"nat", "nathaniel"},       {"natasha", "natalia"},
    {"nate", "nathan"},       {"nate", "nathaniel"},      {"ned", "edmund"},
    {"ned", "edward"},        {"nell", "eleanor"},        {"nell", "helen"},
    {"nellie", "helen"},      {"nick", "nicholas"},       {"nicky", "nicholas"},
    {"nora", "eleanor"},      {"olya", "olga"},           {"paco", "francisco"},
    {"paddy", "patrick"},     {"pam", "pamela"},          {"pancho", "francisco"},
    {"pasha", "pavel"},       {"pat", "patricia"},        {"pat", "patrick"},
    {"patsy", "martha"},      {"patty", "patricia"},      {"peggy", "margaret"},
    {"penny", "penelope"},    {"pepe", "jose"},           {"peppe", "giuseppe"},
    {"pete", "peter"},        {"petya", "pyotr"},         {"phil", "philip"},
    {"pino", "giuseppe"},     {"polly", "mary"},          {"quique", "enrique"},
    {"randy", "randolph"},    {"ray", "raymond"},         {"rich", "richard"},
    {"richie", "richard"},    {"rick", "richard"},        {"ricky", "richard"},
    {"rob", "robert"},        {"robbie", "robert"},       {"ron", "ronald"},
    {"ronnie", "ronald"},     {"rosie", "rosemary"},      {"russ", "russell"},
    {"sadie", "sarah"},       {"sally", "sarah"},         {"sam", "samantha"},
    {"sam", "samuel"},        {"sammy", "samantha"},      {"sammy", "samuel"},
    {"sandy", "alexander"},   {"sandy", "alexandra"},     {"sandy", "sandra"},
    {"sanya", "alexander"},   {"sasha", "alexander"},     {"sasha", "alexandra"},
    {"sepp", "josef"},        {"sepp", "joseph"},         {"serezha", "sergey"},
    {"seryozha", "sergey"},   {"shura", "alexander"},     {"shura", "alexandra"},
    {"slava", "vyacheslav"},  {"slava", "yaroslav"},      {"sol", "solomon"},
    {"stan", "stanley"},      {"steph", "stephanie"},     {"steve", "stephen"},
    {"steve", "steven"},      {"stevie", "stephen"},      {"stevie", "steven"},
    {"sue", "susan"},         {"susie", "susan"},         {"suzy", "susan"},
    {"sveta", "svetlana"},    {"tanya", "tatiana"},       {"ted", "edward"},
    {"ted", "theodore"},      {"teddy", "edward"},        {"teddy", "theodore"},
    {"terry", "terence"},     {"terry", "teresa"},        {"terry", "theresa"},
    {"tess", "teresa"},       {"tess", "theresa"},        {"tessa", "theresa"},
    {"theo", "theodore"},     {"tilda", "matilda"},       {"tilly", "matilda"},
    {"tim", "timothy"},       {"timmy", "timothy"},       {"tina", "christina"},
    {"tolya", "anatoly"},     {"tom", "thomas"},          {"tommy", "thomas"},
    {"toni", "antonio"},      {"tony", "anthony"},        {"topher", "christopher"},
    {"tori", "victoria"},     {"tricia", "patricia"},     {"trish", "patricia"},
    {"val", "valerie"},       {"valya", "valentina"},     {"vanya", "ivan"},
    {"vicky", "victoria"},    {"vince", "vincent"},       {"vinny", "vincent"},
    {"vitya", "viktor"},      {"volodya", "vladimir"},    {"vova", "vladimir"},
    {"wally", "walter"},      {"walt", "walter"},         {"wes", "wesley"},
    {"will", "william"},      {"willi", "wilhelm"},       {"willie", "william"},
    {"willy", "wilhelm"},     {"willy", "william"},       {"wim", "willem"},
    {"yura", "yury"},         {"zach", "zachary"},        {"zack", "zachary"},
    {"zhenya", "yevgeny"},
};

const claims__nickname_pair *claims__nicknames_builtin(size_t *count)
{
    *count = COUNT(NICKNAMES);
    return NICKNAMES;
}

typedef struct loaded_pair {
    const char *nick, *full; /* in the table's arena */
    size_t nick_len, full_len;
    size_t next; /* the previous pair of the same nickname, or SIZE_MAX */
} loaded_pair;

struct claims_nicknames {
    claims_arena arena;
    loaded_pair *pairs;
    size_t count, cap;
    claims_strmap index; /* nickname -> its latest pair */
};

void claims__nicknames_free(struct claims_nicknames *t)
{
    if (!t)
        return;
    claims__arena_free(&t->arena);
    claims__strmap_free(&t->index);
    free(t->pairs);
    free(t);
}

static int str_cmp(claims_str a, const char *b)
{
    size_t bl = strlen(b);
    int c = memcmp(a.ptr, b, a.len < bl ? a.len : bl);
    return c ? c : a.len < bl ? -1 : a.len > bl;
}

/* Full names that w is a nickname of, into full[0..max); returns the count
 * (at most max). */
static size_t full_names(const claims_ctx *ctx, claims_str w, claims_str *full, size_t max)
{
    size_t n = 0, lo = 0, hi = COUNT(NICKNAMES);
    while (lo < hi) { /* the first pair whose nickname is not below w */
        size_t mid = lo + (hi - lo) / 2;
        if (str_cmp(w, NICKNAMES[mid].nick) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < COUNT(NICKNAMES) && str_cmp(w, NICKNAMES[i].nick) == 0 && n < max; i++)
        full[n++] = (claims_str){NICKNAMES[i].full, strlen(NICKNAMES[i].full)};
    const struct claims_nicknames *t = ctx ? ctx->nicknames : NULL;
    size_t at;
    if (t && claims__strmap_get(&t->index, w.ptr, w.len, &at))
        for (; at != SIZE_MAX && n < max; at = t->pairs[at].next)
            full[n++] = (claims_str){t->pairs[at].full, t->pairs[at].full_len};
    return n;
}

static bool same(claims_str a, claims_str b)
{
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

claims__nickname_rel claims__nickname_match(const claims_ctx *ctx, claims_str a, claims_str b)
{
    claims_str fa[32], fb[32];
    size_t na = full_names(ctx, a, fa, COUNT(fa)), nb = full_names(ctx, b, fb, COUNT(fb));
    for (size_t i = 0; i < na; i++)
        if (same(fa[i], b))
            return CLAIMS__NICK_OF_B;
    for (size_t j = 0; j < nb; j++)
        if (same(fb[j], a))
            return CLAIMS__NICK_OF_A;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (same(fa[i], fb[j]))
                return CLAIMS__NICK_SHARED;
    return CLAIMS__NICK_NONE;
}

/* ---- loading a nickname file ------------------------------------------------------ */

#define NAME_MAX_BYTES 64

typedef struct nick_load {
    struct claims_nicknames *t;
    const char *source;
    claims_error *err;
    int line;
} nick_load;

static int put_pair(struct claims_nicknames *t, claims_str nick, claims_str full)
{
    size_t at;
    bool known = claims__strmap_get(&t->index, nick.ptr, nick.len, &at);
    for (size_t k = known ? at : SIZE_MAX; k != SIZE_MAX; k = t->pairs[k].next)
        if (same((claims_str){t->pairs[k].full, t->pairs[k].full_len}, full))
            return CLAIMS_OK; /* already there */
    if (claims__grow((void **)&t->pairs, &t->cap, t->count + 1, sizeof *t->pairs) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    loaded_pair *p = &t->pairs[t->count];
    p->nick = known ? t->pairs[at].nick : claims__arena_strdup(&t->arena, nick.ptr, nick.len);
    p->full = claims__arena_strdup(&t->arena, full.ptr, full.len);
    if (!p->nick || !p->full)
        return CLAIMS_ENOMEM;
    p->nick_len = nick.len;
    p->full_len = full.len;
    p->next = known ? at : SIZE_MAX;
    if (claims__strmap_put(&t->index, p->nick, p->nick_len, t->count) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    t->count++;
    return CLAIMS_OK;
}

/* Removes the pairs from `count` on: the rollback of a failed load. */
static int truncate_pairs(struct claims_nicknames *t, size_t count)
{
    t->count = count;
    claims__strmap_clear(&t->index);
    for (size_t k = 0; k < count; k++)
        if (claims__strmap_put(&t->index, t->pairs[k].nick, t->pairs[k].nick_len, k) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    return CLAIMS_OK;
}

/* Column (1-based, in characters) of byte `at` of a line. */
static int column_of(const char *line, size_t at) { return (int)claims__utf8_length(line, at) + 1; }

/* One field as a given name: folded, one word of letters, ' and -, in its
 * canonical spelling, into key. */
static int field_name(nick_load *l, claims_buf *key, const char *line, size_t at, const char *s,
                      size_t len)
{
    int col = column_of(line, at);
    if (len > NAME_MAX_BYTES)
        return claims__error_set(l->err, CLAIMS_ERANGE, l->source, l->line, col, -1, -1,
                                 "a name of more than %d bytes", NAME_MAX_BYTES);
    int rc = claims__fold(key, s, len, CLAIMS__FOLD_PUNCT);
    if (rc != CLAIMS_OK)
        return claims__error_set(l->err, rc, l->source, l->line, col, -1, -1, "cannot fold '%.*s'",
                                 claims__clip(s, len, 40), s);
    bool ok = key->len > 0;
    for (size_t i = 0; i < key->len && ok;) {
        int32_t c = claims__utf8_next(key->data, key->len, &i);
        ok = c == '\'' || c == '-' || (claims__fold_is_alnum(c) && !(c >= '0' && c <= '9'));
    }
    if (!ok)
        return claims__error_set(l->err, CLAIMS_ESYNTAX, l->source, l->line, col, -1, -1,
                                 "'%.*s' is not a given name (one word of letters)",
                                 claims__clip(s, len, 40), s);
    claims_str w = claims__name_word_spelling((claims_str){key->data, key->len}, key->data);
    if (w.ptr != key->data) {
        claims__buf_clear(key);
        return claims__buf_append(key, w.ptr, w.len);
    }
    key->len = w.len;
    key->data[w.len] = '\0';
    return CLAIMS_OK;
}

typedef struct field {
    size_t at, len; /* content, quotes removed, within the line (or in unq) */
    size_t col_at;  /* where the field starts, for errors */
    bool quoted;
} field;

/* Splits a line on sep with RFC 4180 quotes ("a ""b"""); unquoted fields
 * are trimmed of spaces. Quoted content is unescaped into unq. Returns the
 * field count (may exceed max) or a negative code. */
static int split_fields(nick_load *l, const char *line, size_t len, char sep, field *f, size_t max,
                        claims_buf *unq, size_t *count)
{
    size_t n = 0, i = 0;
    claims__buf_clear(unq);
    if (claims__buf_append(unq, "", 0) != CLAIMS_OK) /* an empty quoted field points here */
        return CLAIMS_ENOMEM;
    for (;;) {
        while (i < len && line[i] == ' ')
            i++;
        field x = {i, 0, i, false};
        if (i < len && line[i] == '"') {
            x.quoted = true;
            x.at = unq->len;
            i++;
            for (;;) {
                if (i >= len)
                    return claims__error_set(l->err, CLAIMS_ESYNTAX, l->source, l->line,
                                             column_of(line, x.col_at), -1, -1,
                                             "a quoted field without its closing quote");
                if (line[i] == '"' && i + 1 < len && line[i + 1] == '"') {
                    if (claims__buf_putc(unq, '"') != CLAIMS_OK)
                        return CLAIMS_ENOMEM;
                    i += 2;
                } else if (line[i] == '"') {
                    i++;
                    break;
                } else {
                    if (claims__buf_putc(unq, line[i]) != CLAIMS_OK)
                        return CLAIMS_ENOMEM;
                    i++;
                }
            }
            x.len = unq->len - x.at;
            while (i < len && line[i] == ' ')
                i++;
            if (i < len && line[i] != sep)
                return claims__error_set(l->err, CLAIMS_ESYNTAX, l->source, l->line,
                                         column_of(line, i), -1, -1,
                                         "text after the closing quote of a field");
        } else {
            while (i < len && line[i] != sep)
                i++;
            size_t end = i;
            while (end > x.at && line[end - 1] == ' ')
                end--;
            x.len = end - x.at;
        }
        if (n < max)
            f[n] = x;
        n++;
        if (i >= len)
            break;
        i++; /* the separator */
    }
    *count = n;
    return CLAIMS_OK;
}

/* One line that is not blank, a comment or the header. */
static int load_line(nick_load *l, const char *line, size_t len, char sep, claims_buf *unq,
                     claims_buf *full, claims_buf *nick)
{
    field f[4];
    size_t n = 0;
    int rc = split_fields(l, line, len, sep, f, COUNT(f), unq, &n);
    if (rc != CLAIMS_OK)
        return rc;
    if (n != 2 && n != 3)
        return claims__error_set(l->err, CLAIMS_ESYNTAX, l->source, l->line, 1, -1, -1,
                                 "%zu fields; want name%cnickname or name%chas_nickname%cnickname",
                                 n, sep == '\t' ? ' ' : sep, sep == '\t' ? ' ' : sep,
                                 sep == '\t' ? ' ' : sep);
    const field *fn = &f[0], *fk = &f[n - 1];
#define FIELD_TEXT(x) ((x)->quoted ? unq->data + (x)->at : line + (x)->at)
    if (n == 3 && !(f[1].len == 12 && memcmp(FIELD_TEXT(&f[1]), "has_nickname", 12) == 0))
        return claims__error_set(l->err, CLAIMS_ESYNTAX, l->source, l->line,
                                 column_of(line, f[1].col_at), -1, -1,
                                 "unknown relation '%.*s' (the middle field must be has_nickname)",
                                 claims__clip(FIELD_TEXT(&f[1]), f[1].len, 40), FIELD_TEXT(&f[1]));
    if ((rc = field_name(l, full, line, fn->col_at, FIELD_TEXT(fn), fn->len)) != CLAIMS_OK ||
        (rc = field_name(l, nick, line, fk->col_at, FIELD_TEXT(fk), fk->len)) != CLAIMS_OK)
        return rc;
#undef FIELD_TEXT
    if (full->len == nick->len && memcmp(full->data, nick->data, full->len) == 0)
        return CLAIMS_OK; /* two spellings of one name: nothing to learn */
    if (put_pair(l->t, (claims_str){nick->data, nick->len}, (claims_str){full->data, full->len}) !=
        CLAIMS_OK)
        return claims__error_set(l->err, CLAIMS_ENOMEM, l->source, l->line, 1, -1, -1,
                                 "out of memory");
    return CLAIMS_OK;
}

static int load_text(nick_load *l, const char *text, size_t len, unsigned int flags)
{
    claims_buf unq, full, nick;
    claims__buf_init(&unq);
    claims__buf_init(&full);
    claims__buf_init(&nick);
    char sep = 0;
    bool header = (flags & CLAIMS_NICKNAMES_HEADER) != 0;
    int rc = CLAIMS_OK;
    size_t i = 0;
    l->line = 0;
    while (rc == CLAIMS_OK && i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len, n = end - i;
        const char *line = text + i;
        i = end + 1;
        l->line++;
        if (n && line[n - 1] == '\r')
            n--;
        size_t lead = 0;
        while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == n || line[lead] == '#')
            continue;
        if (!sep) /* the first line with content says how fields are separated */
            sep = memchr(line, '\t', n) ? '\t' : ',';
        if (header) {
            header = false;
            continue;
        }
        rc = load_line(l, line, n, sep, &unq, &full, &nick);
    }
    claims__buf_free(&unq);
    claims__buf_free(&full);
    claims__buf_free(&nick);
    return rc;
}

int claims_ctx_load_nicknames(claims_ctx *ctx, const char *text, size_t len, claims_str name,
                              unsigned int flags, claims_error *err)
{
    claims__error_clear(err);
    char source[CLAIMS_ERROR_SOURCE_LENGTH];
    claims__config_source(source, name);
    if (!ctx || (!text && len))
        return claims__error_set(err, CLAIMS_EINVAL, source, 0, 0, -1, -1,
                                 "ctx is NULL, or text is NULL with a length");
    if (flags & ~(unsigned int)CLAIMS_NICKNAMES_HEADER)
        return claims__error_set(err, CLAIMS_EINVAL, source, 0, 0, -1, -1, "unknown flags 0x%x",
                                 flags & ~(unsigned int)CLAIMS_NICKNAMES_HEADER);
    size_t bad;
    if (len && claims__utf8_check(text, len, &bad) != CLAIMS_OK) {
        int line = 1;
        size_t start = 0;
        for (size_t k = 0; k < bad; k++)
            if (text[k] == '\n')
                line++, start = k + 1;
        return claims__error_set(err, CLAIMS_ENCODING, source, line,
                                 column_of(text + start, bad - start), -1, -1,
                                 "invalid UTF-8 or a NUL byte");
    }
    if (!ctx->nicknames) {
        struct claims_nicknames *t = calloc(1, sizeof *t);
        if (!t)
            return claims__error_set(err, CLAIMS_ENOMEM, source, 0, 0, -1, -1, "out of memory");
        claims__arena_init(&t->arena);
        claims__strmap_init(&t->index);
        ctx->nicknames = t;
    }
    nick_load l = {ctx->nicknames, source, err, 0};
    size_t before = ctx->nicknames->count;
    int rc = load_text(&l, text ? text : "", len, flags);
    if (rc != CLAIMS_OK && truncate_pairs(ctx->nicknames, before) != CLAIMS_OK)
        rc = claims__error_set(err, CLAIMS_ENOMEM, source, 0, 0, -1, -1, "out of memory");
    return rc;
}

size_t claims__nicknames_count(const claims_ctx *ctx)
{
    return ctx && ctx->nicknames ? ctx->nicknames->count : 0;
}
