/* claims_gen.c - synthetic claims documents shaped like the seed corpus.
 *
 * The world: a pool of invented persons (given names with their
 * transliteration and accent variants, syllable surnames that collide, a
 * role, a country), real countries and cities, summits, and events:
 * bilateral meetings, meetings on the sidelines of a summit (many per
 * summit: same place, date and occasion, different participants), phone
 * calls, incidents with casualties, and distractors (the participants of an
 * earlier meeting meeting again elsewhere, weeks apart: APEC vs G-20).
 *
 * The documents: one JSON line per source, that source's reporting over a
 * window of days before its publication date. Every event is reported by
 * several sources (min_mentions..max_mentions, geometric), each writing
 * the names, dates ("Sunday", "Nov. 20", "November 2016"), places and
 * numbers in its own way, with hedges, attribution chains, quotes (some
 * with offsets), negations, uncertainty, conflicting figures and a few
 * wrong dates. Pairs of wire partners print the same long sentence. A few
 * persons are subjects of their own.
 *
 * The claim budget is exact: every mention first gets the claims that
 * identify its event (participants, and date, place or occasion); the rest
 * of the budget is spread over mentions as facts (duration, topics,
 * statements, deaths...).
 *
 * Every random choice comes from a stream derived from (seed, purpose,
 * event, source), so the content of a mention does not depend on the order
 * in which it is written. */
#include "claims_gen.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NONE32 UINT32_MAX

#if defined(__GNUC__) || defined(__clang__)
#define GEN_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GEN_PRINTF(f, a)
#endif

/* ---- random streams -------------------------------------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* splitmix64 */
static uint64_t next64(rng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL;
    return mix64(r->s);
}

static uint32_t below(rng *r, size_t n)
{
    return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

static double unit(rng *r) { return (double)(next64(r) >> 11) * (1.0 / 9007199254740992.0); }

static bool chance(rng *r, double p) { return unit(r) < p; }

/* The stream of one purpose ('E' event, 'M' mention...) and one item. */
static rng stream(uint64_t seed, int purpose, uint64_t a, uint64_t b)
{
    rng r = {mix64(seed ^ mix64((uint64_t)purpose * 0x100000001b3ULL ^
                                mix64(a * 0x9e3779b97f4a7c15ULL + b + 1)))};
    return r;
}

/* ---- growable text ------------------------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("gen_claims: out of memory\n", stderr);
        exit(2);
    }
    return q;
}

static void sb_reserve(sbuf *b, size_t add)
{
    if (b->n + add + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + add + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

static void sb_put(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_putc(sbuf *b, char c)
{
    sb_reserve(b, 1);
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
}

static void sb_uint(sbuf *b, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sb_put(b, tmp + i, sizeof tmp - i);
}

static void sb_printf(sbuf *b, const char *fmt, ...) GEN_PRINTF(2, 3);
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

static void sb_clear(sbuf *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = '\0';
}

/* A JSON string literal. */
static void sb_json(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n + 2);
    b->p[b->n++] = '"';
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sb_put(b, s + run, i - run);
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            sb_put(b, esc, 2);
        } else {
            sb_printf(b, "\\u%04x", c);
        }
        run = i + 1;
    }
    sb_put(b, s + run, n - run);
    sb_putc(b, '"');
}

/* Characters (code points) of UTF-8 text. */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* ---- the vocabulary (our own curation) ---------------------------------------------- */

typedef struct country_def {
    const char *name, *demonym;
    const char *cities[3]; /* capital first */
    const char *office;    /* the head of government's office, or NULL */
    const char *office_short;
} country_def;

static const country_def COUNTRIES[] = {
    {"United States",
     "American",
     {"Washington", "New York", "Chicago"},
     "the White House",
     "White House"},
    {"Russia", "Russian", {"Moscow", "St. Petersburg", "Sochi"}, "the Kremlin", "Kremlin"},
    {"China", "Chinese", {"Beijing", "Shanghai", "Hangzhou"}, NULL, NULL},
    {"United Kingdom",
     "British",
     {"London", "Manchester", "Edinburgh"},
     "Downing Street",
     "Downing Street"},
    {"France", "French", {"Paris", "Marseille", "Lyon"}, "the Elysee Palace", "Elysee"},
    {"Germany", "German", {"Berlin", "Hamburg", "Munich"}, "the Chancellery", "Chancellery"},
    {"Italy", "Italian", {"Rome", "Milan", "Naples"}, NULL, NULL},
    {"Spain", "Spanish", {"Madrid", "Barcelona", "Seville"}, NULL, NULL},
    {"Japan", "Japanese", {"Tokyo", "Osaka", "Kyoto"}, NULL, NULL},
    {"India", "Indian", {"New Delhi", "Mumbai", "Bangalore"}, NULL, NULL},
    {"Brazil", "Brazilian", {"Brasilia", "Rio de Janeiro", "Sao Paulo"}, NULL, NULL},
    {"Mexico", "Mexican", {"Mexico City", "Guadalajara", "Monterrey"}, NULL, NULL},
    {"Canada", "Canadian", {"Ottawa", "Toronto", "Vancouver"}, NULL, NULL},
    {"Australia", "Australian", {"Canberra", "Sydney", "Melbourne"}, NULL, NULL},
    {"Turkey", "Turkish", {"Ankara", "Istanbul", "Antalya"}, NULL, NULL},
    {"Peru", "Peruvian", {"Lima", "Cusco", "Arequipa"}, NULL, NULL},
    {"Argentina", "Argentine", {"Buenos Aires", "Cordoba", "Rosario"}, NULL, NULL},
    {"Chile", "Chilean", {"Santiago", "Valparaiso", "Concepcion"}, NULL, NULL},
    {"Colombia", "Colombian", {"Bogota", "Medellin", "Cali"}, NULL, NULL},
    {"South Africa", "South African", {"Pretoria", "Johannesburg", "Cape Town"}, NULL, NULL},
    {"Nigeria", "Nigerian", {"Abuja", "Lagos", "Kano"}, NULL, NULL},
    {"Egypt", "Egyptian", {"Cairo", "Alexandria", "Sharm el-Sheikh"}, NULL, NULL},
    {"Kenya", "Kenyan", {"Nairobi", "Mombasa", "Kisumu"}, NULL, NULL},
    {"Ethiopia", "Ethiopian", {"Addis Ababa", "Dire Dawa", "Bahir Dar"}, NULL, NULL},
    {"Saudi Arabia", "Saudi", {"Riyadh", "Jeddah", "Dammam"}, NULL, NULL},
    {"Iran", "Iranian", {"Tehran", "Isfahan", "Mashhad"}, NULL, NULL},
    {"Iraq", "Iraqi", {"Baghdad", "Basra", "Mosul"}, NULL, NULL},
    {"Syria", "Syrian", {"Damascus", "Aleppo", "Homs"}, NULL, NULL},
    {"Israel", "Israeli", {"Jerusalem", "Tel Aviv", "Haifa"}, NULL, NULL},
    {"Jordan", "Jordanian", {"Amman", "Aqaba", "Irbid"}, NULL, NULL},
    {"Lebanon", "Lebanese", {"Beirut", "Tripoli", "Sidon"}, NULL, NULL},
    {"Ukraine", "Ukrainian", {"Kiev", "Kharkiv", "Odessa"}, NULL, NULL},
    {"Poland", "Polish", {"Warsaw", "Krakow", "Gdansk"}, NULL, NULL},
    {"Belarus", "Belarusian", {"Minsk", "Gomel", "Brest"}, NULL, NULL},
    {"Kazakhstan", "Kazakh", {"Astana", "Almaty", "Shymkent"}, NULL, NULL},
    {"Uzbekistan", "Uzbek", {"Tashkent", "Samarkand", "Bukhara"}, NULL, NULL},
    {"Pakistan", "Pakistani", {"Islamabad", "Karachi", "Lahore"}, NULL, NULL},
    {"Afghanistan", "Afghan", {"Kabul", "Kandahar", "Herat"}, NULL, NULL},
    {"Indonesia", "Indonesian", {"Jakarta", "Surabaya", "Denpasar"}, NULL, NULL},
    {"Vietnam", "Vietnamese", {"Hanoi", "Ho Chi Minh City", "Da Nang"}, NULL, NULL},
    {"Thailand", "Thai", {"Bangkok", "Chiang Mai", "Phuket"}, NULL, NULL},
    {"Philippines", "Philippine", {"Manila", "Cebu", "Davao"}, NULL, NULL},
    {"Malaysia", "Malaysian", {"Kuala Lumpur", "Penang", "Johor Bahru"}, NULL, NULL},
    {"Singapore", "Singaporean", {"Singapore", NULL, NULL}, NULL, NULL},
    {"South Korea", "South Korean", {"Seoul", "Busan", "Incheon"}, NULL, NULL},
    {"North Korea", "North Korean", {"Pyongyang", "Kaesong", "Wonsan"}, NULL, NULL},
    {"Sweden", "Swedish", {"Stockholm", "Gothenburg", "Malmo"}, NULL, NULL},
    {"Norway", "Norwegian", {"Oslo", "Bergen", "Trondheim"}, NULL, NULL},
    {"Finland", "Finnish", {"Helsinki", "Tampere", "Turku"}, NULL, NULL},
    {"Netherlands", "Dutch", {"Amsterdam", "Rotterdam", "The Hague"}, NULL, NULL},
    {"Belgium", "Belgian", {"Brussels", "Antwerp", "Ghent"}, NULL, NULL},
    {"Switzerland", "Swiss", {"Bern", "Geneva", "Zurich"}, NULL, NULL},
    {"Austria", "Austrian", {"Vienna", "Salzburg", "Graz"}, NULL, NULL},
    {"Greece", "Greek", {"Athens", "Thessaloniki", "Patras"}, NULL, NULL},
    {"Portugal", "Portuguese", {"Lisbon", "Porto", "Faro"}, NULL, NULL},
    {"Hungary", "Hungarian", {"Budapest", "Debrecen", "Szeged"}, NULL, NULL},
    {"Czechia", "Czech", {"Prague", "Brno", "Ostrava"}, NULL, NULL},
    {"Romania", "Romanian", {"Bucharest", "Cluj-Napoca", "Constanta"}, NULL, NULL},
    {"Serbia", "Serbian", {"Belgrade", "Novi Sad", "Nis"}, NULL, NULL},
    {"Georgia", "Georgian", {"Tbilisi", "Batumi", "Kutaisi"}, NULL, NULL},
    {"Armenia", "Armenian", {"Yerevan", "Gyumri", "Vanadzor"}, NULL, NULL},
    {"Azerbaijan", "Azerbaijani", {"Baku", "Ganja", "Sumgait"}, NULL, NULL},
    {"Qatar", "Qatari", {"Doha", NULL, NULL}, NULL, NULL},
    {"United Arab Emirates", "Emirati", {"Abu Dhabi", "Dubai", "Sharjah"}, NULL, NULL},
    {"Morocco", "Moroccan", {"Rabat", "Casablanca", "Marrakesh"}, NULL, NULL},
    {"Algeria", "Algerian", {"Algiers", "Oran", "Constantine"}, NULL, NULL},
    {"Tunisia", "Tunisian", {"Tunis", "Sfax", "Sousse"}, NULL, NULL},
    {"Libya", "Libyan", {"Tripoli", "Benghazi", "Misrata"}, NULL, NULL},
    {"Cuba", "Cuban", {"Havana", "Santiago de Cuba", "Varadero"}, NULL, NULL},
    {"Venezuela", "Venezuelan", {"Caracas", "Maracaibo", "Valencia"}, NULL, NULL},
    {"New Zealand", "New Zealand", {"Wellington", "Auckland", "Christchurch"}, NULL, NULL},
};
#define NCOUNTRY COUNT(COUNTRIES)

/* Given names: each group lists the spellings one person's name gets in
 * different outlets (transliterations, accents dropped or not). */
typedef struct given_name {
    const char *spell[3];
    char gender;
} given_name;

static const given_name GIVEN[] = {
    {{"Sergei", "Sergey", "Serguei"}, 'm'},
    {{"Dmitry", "Dmitri", "Dmitriy"}, 'm'},
    {{"Alexander", "Aleksandr", NULL}, 'm'},
    {{"Alexei", "Aleksei", "Alexey"}, 'm'},
    {{"Andrei", "Andrey", NULL}, 'm'},
    {{"Nikolai", "Nikolay", NULL}, 'm'},
    {{"Yuri", "Yury", "Iouri"}, 'm'},
    {{"Mikhail", NULL, NULL}, 'm'},
    {{"Vladimir", NULL, NULL}, 'm'},
    {{"Yevgeny", "Evgeny", NULL}, 'm'},
    {{"Pyotr", "Petr", NULL}, 'm'},
    {{"Fyodor", "Fedor", NULL}, 'm'},
    {{"Mohammed", "Muhammad", "Mohamed"}, 'm'},
    {{"Ahmed", "Ahmad", NULL}, 'm'},
    {{"Hussein", "Husain", NULL}, 'm'},
    {{"Hassan", "Hasan", NULL}, 'm'},
    {{"Yusuf", "Youssef", NULL}, 'm'},
    {{"Abdullah", "Abdallah", NULL}, 'm'},
    {{"Mahmoud", "Mahmud", NULL}, 'm'},
    {{"John", NULL, NULL}, 'm'},
    {{"James", NULL, NULL}, 'm'},
    {{"Robert", NULL, NULL}, 'm'},
    {{"Michael", NULL, NULL}, 'm'},
    {{"David", NULL, NULL}, 'm'},
    {{"Richard", NULL, NULL}, 'm'},
    {{"Thomas", NULL, NULL}, 'm'},
    {{"Charles", NULL, NULL}, 'm'},
    {{"Daniel", NULL, NULL}, 'm'},
    {{"Paul", NULL, NULL}, 'm'},
    {{"Mark", NULL, NULL}, 'm'},
    {{"George", NULL, NULL}, 'm'},
    {{"Peter", NULL, NULL}, 'm'},
    {{"Henry", NULL, NULL}, 'm'},
    {{"Jean", NULL, NULL}, 'm'},
    {{"Pierre", NULL, NULL}, 'm'},
    {{"Fran\xc3\xa7ois", "Francois", NULL}, 'm'},
    {{"Jos\xc3\xa9", "Jose", NULL}, 'm'},
    {{"Juan", NULL, NULL}, 'm'},
    {{"Carlos", NULL, NULL}, 'm'},
    {{"Luis", NULL, NULL}, 'm'},
    {{"Miguel", NULL, NULL}, 'm'},
    {{"Antonio", NULL, NULL}, 'm'},
    {{"Giuseppe", NULL, NULL}, 'm'},
    {{"Marco", NULL, NULL}, 'm'},
    {{"Hans", NULL, NULL}, 'm'},
    {{"Klaus", NULL, NULL}, 'm'},
    {{"J\xc3\xbcrgen", "Juergen", "Jurgen"}, 'm'},
    {{"Lars", NULL, NULL}, 'm'},
    {{"Erik", NULL, NULL}, 'm'},
    {{"Jan", NULL, NULL}, 'm'},
    {{"Piotr", NULL, NULL}, 'm'},
    {{"Tomasz", NULL, NULL}, 'm'},
    {{"\xc5\x81ukasz", "Lukasz", NULL}, 'm'},
    {{"Recep", NULL, NULL}, 'm'},
    {{"Mehmet", NULL, NULL}, 'm'},
    {{"Ali", NULL, NULL}, 'm'},
    {{"Hiroshi", NULL, NULL}, 'm'},
    {{"Takeshi", NULL, NULL}, 'm'},
    {{"Kenji", NULL, NULL}, 'm'},
    {{"Rajesh", NULL, NULL}, 'm'},
    {{"Arjun", NULL, NULL}, 'm'},
    {{"Kwame", NULL, NULL}, 'm'},
    {{"Emmanuel", NULL, NULL}, 'm'},
    {{"Kofi", NULL, NULL}, 'm'},
    {{"Olga", NULL, NULL}, 'f'},
    {{"Tatiana", "Tatyana", NULL}, 'f'},
    {{"Natalia", "Natalya", NULL}, 'f'},
    {{"Yulia", "Yuliya", NULL}, 'f'},
    {{"Mar\xc3\xad"
      "a",
      "Maria", NULL},
     'f'},
    {{"Anna", NULL, NULL}, 'f'},
    {{"Elena", "Yelena", NULL}, 'f'},
    {{"Svetlana", NULL, NULL}, 'f'},
    {{"Angela", NULL, NULL}, 'f'},
    {{"Theresa", NULL, NULL}, 'f'},
    {{"Catherine", NULL, NULL}, 'f'},
    {{"Margaret", NULL, NULL}, 'f'},
    {{"Sarah", NULL, NULL}, 'f'},
    {{"Jennifer", NULL, NULL}, 'f'},
    {{"Susan", NULL, NULL}, 'f'},
    {{"Fatima", NULL, NULL}, 'f'},
    {{"Aisha", "Ayesha", NULL}, 'f'},
    {{"Leila", "Layla", NULL}, 'f'},
    {{"Ingrid", NULL, NULL}, 'f'},
    {{"Sofia", NULL, NULL}, 'f'},
    {{"Isabel", NULL, NULL}, 'f'},
    {{"Carmen", NULL, NULL}, 'f'},
    {{"Monique", NULL, NULL}, 'f'},
    {{"Sylvie", NULL, NULL}, 'f'},
    {{"Ursula", NULL, NULL}, 'f'},
    {{"Helga", NULL, NULL}, 'f'},
    {{"Priya", NULL, NULL}, 'f'},
    {{"Yuki", NULL, NULL}, 'f'},
    {{"Amina", NULL, NULL}, 'f'},
    {{"Hanna", NULL, NULL}, 'f'},
};
#define NGIVEN COUNT(GIVEN)

/* Invented surnames: a first syllable and an ending. "sky" endings get the
 * -skiy and -skyy spellings in some outlets. */
static const char *const SUR_HEAD[] = {
    "Lav", "Pes", "Kor",  "Ush",  "Mel",  "Dar",  "Bel", "Tor", "Vin",  "Hal", "Mar", "Sok",
    "Ber", "Kal", "Nor",  "Fen",  "Gar",  "Ost",  "Rad", "Sel", "Tam",  "Vol", "Zar", "Bran",
    "Cal", "Dun", "Esk",  "Fal",  "Grim", "Hart", "Iv",  "Jar", "Kest", "Lom", "Mor", "Nesk",
    "Orl", "Pav", "Rost", "Stav", "Tel",  "Ul",   "Var", "Wes", "Yar",  "Zel"};
static const char *const SUR_TAIL[] = {
    "ov",    "rov",  "kov",  "enko", "sky",  "ski",  "ton",     "berg", "ez",    "ini",
    "ard",   "sen",  "ani",  "ovic", "escu", "oglu", "idis",    "ane",  "worth", "ley",
    "stein", "mann", "elli", "az",   "ian",  "yan",  "ashvili", "ic",   "er",    "ford"};
#define NSURNAME (COUNT(SUR_HEAD) * COUNT(SUR_TAIL))

typedef struct role {
    const char *title; /* written before a name */
    const char *name;  /* the role attribute */
    double share;
    bool leader; /* heads of state and government meet most */
} role;

static const role ROLES[] = {
    {"President", "president", 0.08, true},
    {"Prime Minister", "prime minister", 0.08, true},
    {"Foreign Minister", "foreign minister", 0.12, false},
    {"Defense Minister", "defense minister", 0.07, false},
    {"Finance Minister", "finance minister", 0.07, false},
    {"Trade Minister", "trade minister", 0.05, false},
    {"Ambassador", "ambassador", 0.12, false},
    {"Senator", "senator", 0.10, false},
    {"Governor", "governor", 0.08, false},
    {"Mayor", "mayor", 0.08, false},
    {"Secretary-General", "secretary-general", 0.01, false},
    {NULL, "spokesman", 0.07, false}, /* title by gender */
};
#define ROLE_SPOKES (COUNT(ROLES) - 1)

typedef struct summit_org {
    const char *spell[3]; /* short names */
    const char *full;     /* the expansion, or NULL */
} summit_org;

static const summit_org ORGS[] = {
    {{"APEC", NULL, NULL}, "Asia-Pacific Economic Cooperation"},
    {{"G-20", "G20", "Group of 20"}, NULL},
    {{"G-7", "G7", "Group of Seven"}, NULL},
    {{"NATO", NULL, NULL}, "North Atlantic Treaty Organization"},
    {{"ASEAN", NULL, NULL}, "Association of Southeast Asian Nations"},
    {{"EU", NULL, NULL}, "European Union"},
    {{"BRICS", NULL, NULL}, NULL},
    {{"SCO", NULL, NULL}, "Shanghai Cooperation Organization"},
    {{"OSCE", NULL, NULL}, NULL},
    {{"OPEC", NULL, NULL}, NULL},
    {{"African Union", NULL, NULL}, NULL},
    {{"Arab League", NULL, NULL}, NULL},
    {{"Commonwealth", NULL, NULL}, NULL},
    {{"Mercosur", NULL, NULL}, NULL},
    {{"CIS", NULL, NULL}, "Commonwealth of Independent States"},
    {{"East Asia", NULL, NULL}, NULL},
    {{"Nordic Council", NULL, NULL}, NULL},
    {{"Pacific Islands Forum", NULL, NULL}, NULL},
    {{"CELAC", NULL, NULL}, NULL},
    {{"GCC", NULL, NULL}, "Gulf Cooperation Council"},
    {{"Visegrad Group", NULL, NULL}, NULL},
    {{"Francophonie", NULL, NULL}, NULL},
};

static const char *const OCCASIONS[] = {
    "talks",         "bilateral talks",    "state visit",   "official visit",
    "working visit", "bilateral meeting",  "working lunch", "security talks",
    "trade talks",   "strategic dialogue", "peace talks",   "economic forum"};

static const char *const INCIDENTS[] = {"earthquake",       "bombing",       "plane crash",
                                        "train derailment", "flood",         "fire",
                                        "shooting",         "bus crash",     "landslide",
                                        "explosion",        "ferry sinking", "building collapse"};

static const char *const TOPICS[] = {"trade",
                                     "climate change",
                                     "energy cooperation",
                                     "nuclear weapons",
                                     "cybersecurity",
                                     "migration",
                                     "terrorism",
                                     "human rights",
                                     "arms control",
                                     "the economy",
                                     "tariffs",
                                     "investment",
                                     "security cooperation",
                                     "the refugee crisis",
                                     "maritime disputes",
                                     "gas supplies",
                                     "oil prices",
                                     "visa rules",
                                     "counterterrorism",
                                     "public health",
                                     "food security",
                                     "the peace process",
                                     "border security",
                                     "military exercises",
                                     "space cooperation",
                                     "fisheries",
                                     "water rights",
                                     "debt relief",
                                     "student exchanges",
                                     "the election",
                                     "drug trafficking",
                                     "the pipeline project",
                                     "tourism",
                                     "agriculture",
                                     "the arms embargo",
                                     "prisoner exchanges",
                                     "the trade deficit",
                                     "infrastructure",
                                     "digital taxes",
                                     "the nuclear deal"};

static const char *const WIRES[] = {"Reuters",     "the Associated Press",
                                    "AFP",         "Interfax",
                                    "TASS",        "Xinhua",
                                    "dpa",         "ANSA",
                                    "Kyodo",       "Yonhap",
                                    "EFE",         "Anadolu",
                                    "RIA Novosti", "Bloomberg"};

static const char *const OUTLET_NOUNS[] = {
    "Herald", "Courier", "Times",    "Post",   "Tribune", "Gazette", "Observer", "Chronicle",
    "Daily",  "Monitor", "Dispatch", "Record", "Journal", "Express", "Standard"};

static const char *const ZONES[] = {"-05:00", "+00:00", "+01:00", "+03:00", "+08:00",
                                    "-03:00", "+05:30", "+09:00", "+02:00", "-08:00"};

static const char *const MONTHS[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
/* AP style */
static const char *const MONTHS_AP[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                        "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
static const char *const MONTHS_3[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const WEEKDAYS[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

static const char *const ONES[] = {"zero",    "one",     "two",       "three",    "four",
                                   "five",    "six",     "seven",     "eight",    "nine",
                                   "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                   "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const TENS[] = {"",      "",      "twenty",  "thirty", "forty",
                                   "fifty", "sixty", "seventy", "eighty", "ninety"};

/* Minutes a meeting lasts, common values first. */
static const unsigned DURATIONS[] = {4,  5,  10, 15, 20,  30,  35,  40, 45,
                                     50, 60, 75, 90, 120, 150, 180, 8,  25};

static const char *const ADJ_TALKS[] = {"constructive", "useful",   "frank",   "productive",
                                        "difficult",    "positive", "cordial", "businesslike",
                                        "tense",        "warm"};

static const char *const FORMATS[] = {"face-to-face", "on the sidelines", "behind closed doors",
                                      "one-on-one",   "by video link",    "over dinner"};

static const char *const OUTCOMES[] = {"agreed to continue talks",
                                       "no agreement was reached",
                                       "signed a memorandum of understanding",
                                       "agreed to meet again",
                                       "announced a joint working group",
                                       "issued a joint statement"};

static const char *const AGREEMENTS[] = {"a trade deal",
                                         "an energy agreement",
                                         "a visa-free travel deal",
                                         "a memorandum on investment",
                                         "a ceasefire arrangement",
                                         "a customs agreement"};

/* ---- civil dates ----------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday */
static int weekday(long z) { return (int)(((z % 7) + 7 + 3) % 7); }

/* ---- the world --------------------------------------------------------------------- */

enum { K_MEETING, K_SUMMIT, K_CALL, K_INCIDENT };

typedef struct person {
    uint16_t given, surname;
    uint8_t role, country;
} person;

typedef struct summit {
    uint16_t org, city;
    int32_t day;
    uint8_t length;
} summit;

typedef struct event {
    uint32_t who[3];
    uint32_t summit;
    uint32_t first; /* first mention in mention order */
    int32_t day;
    uint16_t city;
    uint8_t np, kind, occasion, incident, nmentions;
    bool distractor;
} event;

enum { C_DATE = 1, C_PLACE = 2, C_OCCASION = 4, C_WRONG_DATE = 8, C_WIRE = 16 };

typedef struct mention {
    uint32_t event, source;
    uint8_t pmask, core, facts;
} mention;

typedef struct pmention {
    uint32_t person;
    uint8_t claims; /* bits: 1 name, 2 role, 4 nationality, 8 organization */
} pmention;

typedef struct source_def {
    int32_t day;      /* publication day */
    uint32_t partner; /* wire partner, or NONE32 */
    char id[80], outlet[48];
    char published[32];
} source_def;

typedef struct city_ref {
    uint8_t country, k;
} city_ref;

typedef struct gen {
    const gen_params *p;
    gen_stats *st;
    uint64_t seed;
    long base;        /* days since epoch of day 0 */
    int window, days; /* a source reports the `window` days before it */
    person *persons;
    size_t npersons;
    double q;        /* chance of one more source per event */
    double *all_cdf; /* popularity of all persons */
    uint32_t *leaders;
    double *leader_cdf;
    size_t nleaders;
    uint32_t spokes[NCOUNTRY];
    char surnames[NSURNAME][24];
    city_ref *cities;
    double *city_cdf;
    size_t ncities;
    summit *summits;
    size_t nsummits;
    event *events;
    mention *mentions; /* by source, then by day */
    size_t nmentions;
    size_t *src_first; /* per source, into mentions; [S] = total */
    pmention *pm;
    size_t npm;
    size_t *pm_first; /* per source, into pm */
    source_def *sources;
} gen;

static size_t pick_cdf(const double *cdf, size_t n, rng *r)
{
    double x = unit(r) * cdf[n - 1];
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Zipf-like weights 1/(rank + 8)^s, as a running sum. */
static double *zipf_cdf(size_t n, double s)
{
    double *cdf = xrealloc(NULL, n * sizeof *cdf), sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        sum += pow((double)i + 8.0, -s);
        cdf[i] = sum;
    }
    return cdf;
}

static const char *city_name(const city_ref *c) { return COUNTRIES[c->country].cities[c->k]; }

static void build_world(gen *g)
{
    rng r = stream(g->seed, 'W', 0, 0);
    for (size_t h = 0; h < COUNT(SUR_HEAD); h++)
        for (size_t t = 0; t < COUNT(SUR_TAIL); t++)
            snprintf(g->surnames[h * COUNT(SUR_TAIL) + t], sizeof g->surnames[0], "%s%s",
                     SUR_HEAD[h], SUR_TAIL[t]);
    /* cities: capitals weigh three times as much */
    g->cities = xrealloc(NULL, NCOUNTRY * 3 * sizeof *g->cities);
    g->city_cdf = xrealloc(NULL, NCOUNTRY * 3 * sizeof *g->city_cdf);
    double sum = 0.0;
    for (size_t c = 0; c < NCOUNTRY; c++)
        for (uint8_t k = 0; k < 3; k++) {
            if (!COUNTRIES[c].cities[k])
                continue;
            g->cities[g->ncities] = (city_ref){(uint8_t)c, k};
            sum += k == 0 ? 3.0 : 1.0;
            g->city_cdf[g->ncities++] = sum;
        }
    /* persons */
    size_t n = g->p->persons;
    g->persons = xrealloc(NULL, n * sizeof *g->persons);
    g->leaders = xrealloc(NULL, n * sizeof *g->leaders);
    double rsum = 0.0;
    for (size_t i = 0; i < COUNT(ROLES); i++)
        rsum += ROLES[i].share;
    for (size_t i = 0; i < n; i++) {
        person *x = &g->persons[i];
        x->given = (uint16_t)below(&r, NGIVEN);
        x->surname = (uint16_t)below(&r, NSURNAME);
        x->country = (uint8_t)below(&r, NCOUNTRY);
        double u = unit(&r) * rsum;
        size_t k = 0;
        while (k + 1 < COUNT(ROLES) && u >= ROLES[k].share) {
            u -= ROLES[k].share;
            k++;
        }
        x->role = (uint8_t)k;
        if (ROLES[k].leader)
            g->leaders[g->nleaders++] = (uint32_t)i;
    }
    g->npersons = n;
    g->all_cdf = zipf_cdf(n, 0.6);
    g->leader_cdf = zipf_cdf(g->nleaders ? g->nleaders : 1, 1.0);
    for (size_t c = 0; c < NCOUNTRY; c++) {
        g->spokes[c] = (uint32_t)below(&r, n);
        for (size_t i = 0; i < n; i++)
            if (g->persons[i].country == c && g->persons[i].role == ROLE_SPOKES) {
                g->spokes[c] = (uint32_t)i;
                break;
            }
    }
    /* summits: one per 200 events */
    g->nsummits = g->p->events / 200 + 1;
    g->summits = xrealloc(NULL, g->nsummits * sizeof *g->summits);
    for (size_t i = 0; i < g->nsummits; i++) {
        summit *s = &g->summits[i];
        s->org = (uint16_t)below(&r, COUNT(ORGS));
        s->city = (uint16_t)pick_cdf(g->city_cdf, g->ncities, &r);
        s->length = (uint8_t)(1 + below(&r, 3));
        s->day = g->window + (int32_t)below(&r, (size_t)(g->days > 3 ? g->days - 3 : 1));
    }
    g->st->summits = g->nsummits;
}

static uint32_t pick_person(gen *g, rng *r, bool leader)
{
    if (leader && g->nleaders)
        return g->leaders[pick_cdf(g->leader_cdf, g->nleaders, r)];
    return (uint32_t)pick_cdf(g->all_cdf, g->npersons, r);
}

/* Participants of a meeting: distinct persons, from different countries
 * when it can be had. */
static void pick_participants(gen *g, rng *r, event *e, uint8_t np, bool leaders)
{
    e->np = np;
    for (uint8_t i = 0; i < np; i++) {
        uint32_t x = 0;
        for (int tries = 0; tries < 20; tries++) {
            x = pick_person(g, r, leaders || chance(r, 0.45));
            bool ok = true;
            for (uint8_t j = 0; j < i && ok; j++)
                ok = x != e->who[j] &&
                     (tries > 10 || g->persons[x].country != g->persons[e->who[j]].country);
            if (ok)
                break;
        }
        e->who[i] = x;
    }
}

static uint16_t capital_of(const gen *g, uint8_t country)
{
    for (size_t i = 0; i < g->ncities; i++)
        if (g->cities[i].country == country)
            return (uint16_t)i;
    return 0;
}

/* A day two weeks to two months from `day`, inside the reported period
 * when it can be had (at least a week away in any case). */
static int32_t distractor_day(const gen *g, int32_t day, rng *r)
{
    int32_t lo = g->window, hi = g->window + g->days; /* [lo, hi) */
    for (int tries = 0; tries < 16; tries++) {
        int32_t gap = 14 + (int32_t)below(r, 60);
        int32_t d = chance(r, 0.5) ? day - gap : day + gap;
        if (d >= lo && d < hi)
            return d;
    }
    for (int tries = 0; tries < 16; tries++) {
        int32_t d = lo + (int32_t)below(r, (size_t)(hi - lo));
        if (d - day >= 7 || day - d >= 7)
            return d;
    }
    return day + 7;
}

static void build_events(gen *g)
{
    size_t E = g->p->events;
    g->events = xrealloc(NULL, E * sizeof *g->events);
    for (size_t i = 0; i < E; i++) {
        rng r = stream(g->seed, 'E', i, 0);
        event *e = &g->events[i];
        memset(e, 0, sizeof *e);
        e->summit = NONE32;
        e->occasion = 255;
        e->day = g->window + (int32_t)below(&r, (size_t)g->days);
        double u = unit(&r);
        const event *base = NULL;
        if (u < 0.05 && i > 100) {
            for (int tries = 0; tries < 8 && !base; tries++) {
                const event *b = &g->events[below(&r, i)];
                if (b->kind != K_INCIDENT && !b->distractor)
                    base = b;
            }
        }
        if (base) {
            /* the same participants meet again elsewhere, weeks apart */
            e->kind = K_MEETING;
            e->distractor = true;
            e->np = base->np;
            memcpy(e->who, base->who, sizeof e->who);
            e->day = distractor_day(g, base->day, &r);
            do
                e->city = (uint16_t)pick_cdf(g->city_cdf, g->ncities, &r);
            while (e->city == base->city && g->ncities > 1);
            e->occasion = (uint8_t)below(&r, COUNT(OCCASIONS));
            g->st->distractors++;
        } else if (u < 0.55) {
            e->kind = K_MEETING;
            pick_participants(g, &r, e, chance(&r, 0.15) ? 3 : 2, false);
            double v = unit(&r);
            const person *a = &g->persons[e->who[below(&r, e->np)]];
            if (v < 0.7)
                e->city = capital_of(g, a->country);
            else
                e->city = (uint16_t)pick_cdf(g->city_cdf, g->ncities, &r);
            if (chance(&r, 0.8))
                e->occasion = (uint8_t)below(&r, COUNT(OCCASIONS));
            g->st->meetings++;
        } else if (u < 0.70) {
            e->kind = K_SUMMIT;
            e->summit = below(&r, g->nsummits);
            const summit *s = &g->summits[e->summit];
            e->city = s->city;
            e->day = s->day + (int32_t)below(&r, s->length);
            pick_participants(g, &r, e, 2, true);
            g->st->summit_meetings++;
        } else if (u < 0.80) {
            e->kind = K_CALL;
            pick_participants(g, &r, e, 2, chance(&r, 0.6));
            g->st->calls++;
        } else {
            e->kind = K_INCIDENT;
            e->city = (uint16_t)pick_cdf(g->city_cdf, g->ncities, &r);
            e->incident = (uint8_t)below(&r, COUNT(INCIDENTS));
            g->st->incidents++;
        }
    }
    g->st->events = E;
}

static void slug(char *out, size_t cap, const char *s)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[k++] = c;
        else if (k && out[k - 1] != '-')
            out[k++] = '-';
    }
    while (k && out[k - 1] == '-')
        k--;
    out[k] = '\0';
}

static void build_sources(gen *g)
{
    size_t S = g->p->sources;
    g->sources = xrealloc(NULL, S * sizeof *g->sources);
    for (size_t s = 0; s < S; s++) {
        rng r = stream(g->seed, 'S', s, 0);
        source_def *x = &g->sources[s];
        /* one pair of neighbours in ten are wire partners: 20% of the
         * sources, spread over the whole period */
        bool paired = (s / 2) % 5 == 0 && (s | 1) < S;
        x->partner = paired ? (uint32_t)(s ^ 1) : NONE32;
        size_t anchor = paired ? (s & ~(size_t)1) : s;
        /* publication days spread evenly over [window, days + 2 window) */
        x->day = g->window + (int32_t)((anchor * (size_t)(g->days + g->window)) / (S ? S : 1));
        const city_ref *c = &g->cities[s % g->ncities];
        size_t noun = (s / g->ncities) % COUNT(OUTLET_NOUNS);
        size_t round = s / (g->ncities * COUNT(OUTLET_NOUNS));
        if (round)
            snprintf(x->outlet, sizeof x->outlet, "%s %s %zu", city_name(c), OUTLET_NOUNS[noun],
                     round + 1);
        else
            snprintf(x->outlet, sizeof x->outlet, "%s %s", city_name(c), OUTLET_NOUNS[noun]);
        int y, m, d;
        civil_from_days(g->base + x->day, &y, &m, &d);
        char sl[64];
        slug(sl, sizeof sl, x->outlet);
        snprintf(x->id, sizeof x->id, "%s-%04d-%02d-%02d", sl, y, m, d);
        snprintf(x->published, sizeof x->published, "%04d-%02d-%02dT%02u:%02u:00%s", y, m, d,
                 6 + below(&r, 16), below(&r, 60), ZONES[below(&r, COUNT(ZONES))]);
    }
}

/* Number of sources reporting an event: min, plus one more with
 * probability q each time (geometric), up to max. */
static unsigned mention_count(const gen_params *p, rng *r, double q)
{
    unsigned k = p->min_mentions;
    while (k < p->max_mentions && chance(r, q))
        k++;
    return k;
}

static unsigned popcount8(unsigned x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static size_t core_claims(const mention *m)
{
    return popcount8(m->pmask) + popcount8(m->core & (C_DATE | C_PLACE | C_OCCASION));
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Sources publishing within the event's window: [lo, hi). Sources are
 * sorted by day. */
static void window_of(const gen *g, int32_t day, size_t *lo, size_t *hi)
{
    size_t S = g->p->sources, a = 0, b = S;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (g->sources[m].day < day)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = S;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (g->sources[m].day <= day + g->window)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
    if (*lo == *hi) { /* nothing in the window: the nearest later source */
        *lo = *lo < S ? *lo : S - 1;
        *hi = *lo + 1;
    }
}

static void build_mentions(gen *g, double q)
{
    const gen_params *p = g->p;
    size_t E = p->events, S = p->sources;
    size_t cap = E * 3 + 16;
    free(g->mentions);
    free(g->src_first);
    g->nmentions = 0;
    g->mentions = xrealloc(NULL, cap * sizeof *g->mentions);
    uint32_t chosen[64];
    for (size_t i = 0; i < E; i++) {
        event *e = &g->events[i];
        rng r = stream(g->seed, 'K', i, 0);
        unsigned k = mention_count(p, &r, q);
        size_t lo, hi;
        window_of(g, e->day, &lo, &hi);
        size_t avail = hi - lo;
        unsigned n = 0;
        if (k >= avail) {
            for (size_t s = lo; s < hi && n < COUNT(chosen); s++)
                chosen[n++] = (uint32_t)s;
        } else {
            while (n < k) {
                uint32_t s = (uint32_t)(lo + below(&r, avail));
                bool dup = false;
                for (unsigned j = 0; j < n && !dup; j++)
                    dup = chosen[j] == s;
                if (!dup)
                    chosen[n++] = s;
            }
            /* wire partners often both carry the story */
            for (unsigned j = 0; j < n && n < p->max_mentions; j++) {
                uint32_t mate = g->sources[chosen[j]].partner;
                if (mate == NONE32 || !chance(&r, 0.6))
                    continue;
                bool dup = false;
                for (unsigned t = 0; t < n && !dup; t++)
                    dup = chosen[t] == mate;
                if (!dup)
                    chosen[n++] = mate;
            }
        }
        qsort(chosen, n, sizeof *chosen, cmp_u32);
        if (g->nmentions + n > cap) {
            cap = cap * 2 + n;
            g->mentions = xrealloc(g->mentions, cap * sizeof *g->mentions);
        }
        e->nmentions = (uint8_t)n;
        for (unsigned j = 0; j < n; j++) {
            mention *m = &g->mentions[g->nmentions++];
            m->event = (uint32_t)i;
            m->source = chosen[j];
            m->facts = 0;
            rng c = stream(g->seed, 'M', i, chosen[j]);
            m->pmask = (uint8_t)((1u << e->np) - 1);
            if (e->np >= 2 && chance(&c, 0.08))
                m->pmask &= (uint8_t) ~(1u << below(&c, e->np)); /* one left out */
            uint8_t core = 0;
            switch (e->kind) {
            case K_INCIDENT: core = C_PLACE | (chance(&c, 0.9) ? C_DATE : 0); break;
            case K_CALL: core = C_DATE; break;
            default:
                if (chance(&c, 0.85))
                    core |= C_DATE;
                if (chance(&c, e->kind == K_SUMMIT ? 0.6 : 0.45))
                    core |= C_PLACE;
                if ((e->kind == K_SUMMIT || e->occasion != 255) &&
                    chance(&c, e->kind == K_SUMMIT ? 0.6 : 0.35))
                    core |= C_OCCASION;
                if (!core)
                    core = C_DATE;
            }
            if ((core & C_DATE) && chance(&c, 0.015))
                core |= C_WRONG_DATE;
            /* partners that both carry the story print one wire sentence */
            uint32_t mate = g->sources[chosen[j]].partner;
            for (unsigned t = 0; t < n && mate != NONE32; t++)
                if (chosen[t] == mate)
                    core |= C_WIRE;
            m->core = core;
        }
    }
    /* by source (counting sort), then by day within a source */
    g->src_first = xrealloc(NULL, (S + 1) * sizeof *g->src_first);
    memset(g->src_first, 0, (S + 1) * sizeof *g->src_first);
    for (size_t i = 0; i < g->nmentions; i++)
        g->src_first[g->mentions[i].source + 1]++;
    for (size_t s = 0; s < S; s++)
        g->src_first[s + 1] += g->src_first[s];
    mention *sorted = xrealloc(NULL, (g->nmentions ? g->nmentions : 1) * sizeof *sorted);
    size_t *fill = xrealloc(NULL, (S + 1) * sizeof *fill);
    memcpy(fill, g->src_first, (S + 1) * sizeof *fill);
    for (size_t i = 0; i < g->nmentions; i++)
        sorted[fill[g->mentions[i].source]++] = g->mentions[i];
    free(fill);
    free(g->mentions);
    g->mentions = sorted;
    for (size_t s = 0; s < S; s++) {
        /* insertion sort by (day, event): short runs */
        mention *a = g->mentions + g->src_first[s];
        size_t n = g->src_first[s + 1] - g->src_first[s];
        for (size_t i = 1; i < n; i++) {
            mention t = a[i];
            size_t j = i;
            while (j > 0) {
                const event *x = &g->events[a[j - 1].event], *y = &g->events[t.event];
                if (x->day < y->day || (x->day == y->day && a[j - 1].event < t.event))
                    break;
                a[j] = a[j - 1];
                j--;
            }
            a[j] = t;
        }
    }
    g->st->event_mentions = g->nmentions;
}

/* Person subjects: a few of the persons each source names get a subject of
 * their own (name, role, nationality, organization). */
static void build_person_mentions(gen *g)
{
    size_t S = g->p->sources;
    free(g->pm_first);
    free(g->pm);
    g->npm = 0;
    g->pm_first = xrealloc(NULL, (S + 1) * sizeof *g->pm_first);
    size_t cap = 1024;
    g->pm = xrealloc(NULL, cap * sizeof *g->pm);
    uint32_t *named = NULL;
    size_t ncap = 0;
    for (size_t s = 0; s < S; s++) {
        g->pm_first[s] = g->npm;
        size_t n = 0;
        for (size_t i = g->src_first[s]; i < g->src_first[s + 1]; i++) {
            const mention *m = &g->mentions[i];
            const event *e = &g->events[m->event];
            for (uint8_t k = 0; k < e->np; k++) {
                if (!(m->pmask & (1u << k)))
                    continue;
                if (n == ncap) {
                    ncap = ncap ? ncap * 2 : 256;
                    named = xrealloc(named, ncap * sizeof *named);
                }
                named[n++] = e->who[k];
            }
        }
        qsort(named, n, sizeof *named, cmp_u32);
        for (size_t i = 0; i < n; i++) {
            if (i && named[i] == named[i - 1])
                continue;
            rng r = stream(g->seed, 'P', s, named[i]);
            if (!chance(&r, 0.04))
                continue;
            uint8_t claims = 1;
            claims |= chance(&r, 0.7) ? 2 : 0;
            claims |= chance(&r, 0.5) ? 4 : 0;
            claims |= chance(&r, 0.15) ? 8 : 0;
            if (g->npm == cap) {
                cap *= 2;
                g->pm = xrealloc(g->pm, cap * sizeof *g->pm);
            }
            g->pm[g->npm++] = (pmention){named[i], claims};
        }
    }
    g->pm_first[S] = g->npm;
    free(named);
    g->st->person_mentions = g->npm;
}

/* ---- writing values ------------------------------------------------------------------ */

/* A number in words below 100 ("forty-five"), in digits above. */
static void words_below_100(sbuf *b, unsigned n)
{
    if (n >= 100) {
        sb_uint(b, n);
        return;
    }
    if (n < 20) {
        sb_puts(b, ONES[n]);
        return;
    }
    sb_puts(b, TENS[n / 10]);
    if (n % 10) {
        sb_putc(b, '-');
        sb_puts(b, ONES[n % 10]);
    }
}

/* A person's name as `source` writes it. Forms: */
enum {
    N_FULL,          /* Sergei Lavrov */
    N_TITLE_FULL,    /* Foreign Minister Sergei Lavrov */
    N_DEMONYM_FULL,  /* Russian Foreign Minister Sergei Lavrov */
    N_HONORIFIC,     /* Mr. Lavrov */
    N_TITLE_SURNAME, /* Foreign Minister Lavrov */
    N_SURNAME,       /* Lavrov */
    N_INITIAL        /* S. Lavrov */
};

static const char *title_of(const person *x)
{
    if (ROLES[x->role].title)
        return ROLES[x->role].title;
    return GIVEN[x->given].gender == 'f' ? "spokeswoman" : "spokesman";
}

static void put_surname(sbuf *b, const gen *g, uint32_t pid, uint32_t source)
{
    const char *sur = g->surnames[g->persons[pid].surname];
    size_t len = strlen(sur);
    /* -sky: some outlets write -skiy or -skyy */
    if (len > 3 && !strcmp(sur + len - 3, "sky")) {
        uint64_t h = mix64(g->seed ^ ((uint64_t)source << 32) ^ pid ^ 0x5a5aULL);
        if (h % 4 == 1) {
            sb_put(b, sur, len - 1);
            sb_puts(b, "iy");
            return;
        }
        if (h % 4 == 2) {
            sb_puts(b, sur);
            sb_putc(b, 'y');
            return;
        }
    }
    sb_puts(b, sur);
}

static void put_given(sbuf *b, const gen *g, uint32_t pid, uint32_t source)
{
    const given_name *gn = &GIVEN[g->persons[pid].given];
    size_t n = 1;
    while (n < 3 && gn->spell[n])
        n++;
    /* house style: one outlet always spells a person the same way */
    uint64_t h = mix64(g->seed ^ ((uint64_t)source << 20) ^ ((uint64_t)pid << 1));
    sb_puts(b, gn->spell[n > 1 ? h % n : 0]);
}

static void put_person(sbuf *b, const gen *g, uint32_t pid, uint32_t source, int form)
{
    const person *x = &g->persons[pid];
    bool spokes = ROLES[x->role].title == NULL;
    if (spokes && (form == N_TITLE_FULL || form == N_DEMONYM_FULL || form == N_TITLE_SURNAME))
        form = N_FULL;
    switch (form) {
    case N_DEMONYM_FULL:
        sb_puts(b, COUNTRIES[x->country].demonym);
        sb_putc(b, ' ');
        /* fall through */
    case N_TITLE_FULL:
        sb_puts(b, title_of(x));
        sb_putc(b, ' ');
        /* fall through */
    case N_FULL:
        put_given(b, g, pid, source);
        sb_putc(b, ' ');
        break;
    case N_HONORIFIC: sb_puts(b, GIVEN[x->given].gender == 'f' ? "Ms. " : "Mr. "); break;
    case N_TITLE_SURNAME:
        sb_puts(b, title_of(x));
        sb_putc(b, ' ');
        break;
    case N_INITIAL: {
        size_t at = b->n;
        put_given(b, g, pid, source);
        /* the first letter, which may take two bytes */
        size_t k = 1;
        while (at + k < b->n && ((unsigned char)b->p[at + k] & 0xC0) == 0x80)
            k++;
        b->n = at + k;
        sb_puts(b, ". ");
        break;
    }
    default: break;
    }
    put_surname(b, g, pid, source);
}

static int participant_form(rng *r)
{
    double u = unit(r);
    if (u < 0.30)
        return N_FULL;
    if (u < 0.50)
        return N_TITLE_FULL;
    if (u < 0.60)
        return N_DEMONYM_FULL;
    if (u < 0.72)
        return N_HONORIFIC;
    if (u < 0.86)
        return N_TITLE_SURNAME;
    if (u < 0.96)
        return N_SURNAME;
    return N_INITIAL;
}

/* A date as written by a source published on day `pub`. */
static void put_date(sbuf *b, const gen *g, int32_t day, int32_t pub, rng *r)
{
    long z = g->base + day;
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    int32_t delta = pub - day;
    if (delta == 0 && chance(r, 0.05)) {
        sb_puts(b, "today");
        return;
    }
    if (delta == 1 && chance(r, 0.15)) {
        sb_puts(b, "yesterday");
        return;
    }
    if (delta >= 0 && delta <= 6 && chance(r, 0.3)) {
        if (chance(r, 0.3))
            sb_puts(b, "on ");
        sb_puts(b, WEEKDAYS[weekday(z)]);
        return;
    }
    double u = unit(r);
    if (u < 0.25)
        sb_printf(b, "%04d-%02d-%02d", y, m, d);
    else if (u < 0.55)
        sb_printf(b, "%s %d, %d", MONTHS[m - 1], d, y);
    else if (u < 0.67)
        sb_printf(b, "%s %d, %d", MONTHS_AP[m - 1], d, y);
    else if (u < 0.75)
        sb_printf(b, "%d %s %d", d, MONTHS[m - 1], y);
    else if (u < 0.87 && delta >= 0)
        sb_printf(b, "%s %d", MONTHS_AP[m - 1], d);
    else if (u < 0.92)
        sb_printf(b, "%s %d", MONTHS[m - 1], y); /* month only */
    else
        sb_printf(b, "%s, %s %d, %d", WEEKDAYS[weekday(z)], MONTHS[m - 1], d, y);
}

static void put_place(sbuf *b, const city_ref *c, rng *r)
{
    const country_def *k = &COUNTRIES[c->country];
    const char *city = k->cities[c->k];
    double u = unit(r);
    if (!strcmp(city, k->name) || u < 0.38)
        sb_puts(b, city);
    else if (u < 0.88)
        sb_printf(b, "%s, %s", city, k->name);
    else
        sb_puts(b, k->name);
}

static void put_summit(sbuf *b, const summit_org *o, rng *r)
{
    size_t n = 1;
    while (n < 3 && o->spell[n])
        n++;
    double u = unit(r);
    if (u < 0.15)
        sb_puts(b, "the ");
    if (o->full && u > 0.8)
        sb_puts(b, o->full);
    else
        sb_puts(b, o->spell[below(r, n)]);
    sb_puts(b, " summit");
}

/* "about four minutes", "35 minutes", "an hour and a half". */
static void put_duration(sbuf *b, unsigned minutes, rng *r, gen_stats *st)
{
    if (minutes >= 60 && minutes % 30 == 0 && chance(r, 0.5)) {
        unsigned h = minutes / 60;
        bool half = minutes % 60 != 0;
        if (chance(r, 0.3)) {
            sb_puts(b, "about ");
            st->hedged++;
        }
        if (h == 1)
            sb_puts(b, chance(r, 0.5) ? "an hour" : "one hour");
        else {
            words_below_100(b, h);
            sb_puts(b, " hours");
        }
        if (half)
            sb_puts(b, " and a half");
        return;
    }
    if (minutes == 30 && chance(r, 0.4)) {
        sb_puts(b, "half an hour");
        return;
    }
    double u = unit(r);
    if (u < 0.3) {
        sb_uint(b, minutes);
    } else if (u < 0.5) {
        words_below_100(b, minutes);
    } else if (u < 0.7) {
        sb_puts(b, "about ");
        words_below_100(b, minutes);
        st->hedged++;
    } else if (u < 0.8) {
        sb_puts(b, "approximately ");
        sb_uint(b, minutes);
        st->hedged++;
    } else if (u < 0.87) {
        sb_puts(b, "roughly ");
        words_below_100(b, minutes);
        st->hedged++;
    } else if (u < 0.94 && minutes > 5) {
        sb_puts(b, "more than ");
        sb_uint(b, minutes % 5 ? minutes - minutes % 5 : minutes - 5);
        st->hedged++;
    } else {
        sb_puts(b, "nearly ");
        words_below_100(b, minutes);
        st->hedged++;
    }
    sb_puts(b, minutes == 1 ? " minute" : " minutes");
}

/* "at least 129", "twelve", "more than 120 people". */
static void put_count(sbuf *b, unsigned n, rng *r, gen_stats *st)
{
    double u = unit(r);
    if (u < 0.3) {
        sb_uint(b, n);
    } else if (u < 0.55) {
        sb_puts(b, "at least ");
        sb_uint(b, n);
        st->hedged++;
    } else if (u < 0.7 && n < 100) {
        words_below_100(b, n);
    } else if (u < 0.8 && n >= 20) {
        sb_puts(b, "more than ");
        sb_uint(b, n - n % 10 == n ? n - 10 : n - n % 10);
        st->hedged++;
    } else if (u < 0.9 && n >= 20) {
        sb_puts(b, "about ");
        sb_uint(b, (n + 5) / 10 * 10);
        st->hedged++;
    } else {
        sb_uint(b, n);
        sb_puts(b, " people");
    }
}

/* A clock time with its day, in the forms of news and flight pages. */
static void put_time(sbuf *b, const gen *g, int32_t day, unsigned minute_of_day, rng *r)
{
    int y, m, d;
    civil_from_days(g->base + day, &y, &m, &d);
    unsigned hh = minute_of_day / 60, mm = minute_of_day % 60;
    unsigned h12 = hh % 12 ? hh % 12 : 12;
    const char *ap = hh < 12 ? "AM" : "PM";
    double u = unit(r);
    if (u < 0.4)
        sb_printf(b, "%u:%02u %s, %s %02d", h12, mm, ap, MONTHS_3[m - 1], d);
    else if (u < 0.7)
        sb_printf(b, "%s %02d - %u:%02u%s", MONTHS_3[m - 1], d, h12, mm, hh < 12 ? "am" : "pm");
    else
        sb_printf(b, "%04d-%02d-%02d %02u:%02u", y, m, d, hh, mm);
}

/* ---- what an event is, independent of who reports it ---------------------------------- */

typedef struct event_truth {
    unsigned minutes, alt_minutes; /* alt: 0 when sources agree */
    unsigned deaths, early_deaths, injured;
    unsigned clock; /* minute of the day */
    uint16_t topics[3];
    uint8_t ntopics, nstatements;
    uint8_t statement_kind[3];
    uint8_t adj, format, tone, outcome, agreement;
} event_truth;

#define NTOPIC_GENERAL COUNT(TOPICS)
#define NTOPIC (NTOPIC_GENERAL + 3 * NCOUNTRY + 8)

static void truth_of(const gen *g, uint32_t ei, event_truth *t)
{
    const event *e = &g->events[ei];
    rng r = stream(g->seed, 'T', ei, 0);
    memset(t, 0, sizeof *t);
    t->minutes = DURATIONS[below(&r, COUNT(DURATIONS))];
    if (chance(&r, 0.12)) {
        do
            t->alt_minutes = DURATIONS[below(&r, COUNT(DURATIONS))];
        while (t->alt_minutes == t->minutes);
    }
    unsigned big = 1u << below(&r, 8);
    t->deaths = 1 + below(&r, big) + below(&r, 4);
    if (chance(&r, 0.25) && t->deaths > 4)
        t->early_deaths = t->deaths / 2 + below(&r, t->deaths / 4 + 1);
    t->injured = t->deaths * (1 + below(&r, 4)) + below(&r, 10);
    t->clock = below(&r, 24 * 60);
    t->ntopics = (uint8_t)(1 + below(&r, 3));
    for (uint8_t i = 0; i < t->ntopics; i++) {
        uint16_t topic;
        bool dup;
        do {
            if (e->np && chance(&r, 0.5)) /* about a participant's country */
                topic = (uint16_t)(NTOPIC_GENERAL +
                                   3 * g->persons[e->who[below(&r, e->np)]].country + below(&r, 3));
            else
                topic = (uint16_t)below(&r, NTOPIC_GENERAL);
            dup = false;
            for (uint8_t j = 0; j < i; j++)
                dup |= t->topics[j] == topic;
        } while (dup);
        t->topics[i] = topic;
    }
    t->nstatements = (uint8_t)(1 + below(&r, 3));
    for (uint8_t i = 0; i < t->nstatements; i++)
        t->statement_kind[i] = (uint8_t)below(&r, 6);
    t->adj = (uint8_t)below(&r, COUNT(ADJ_TALKS));
    t->format = (uint8_t)below(&r, COUNT(FORMATS));
    t->tone = (uint8_t)below(&r, COUNT(ADJ_TALKS));
    t->outcome = (uint8_t)below(&r, COUNT(OUTCOMES));
    t->agreement = (uint8_t)below(&r, COUNT(AGREEMENTS));
}

/* Topic forms: general topics as listed; per country "Syria", "the Syrian
 * crisis" / "the crisis in Syria", "relations with Syria"... */
static void put_topic(sbuf *b, uint16_t topic, rng *r)
{
    if (topic < NTOPIC_GENERAL) {
        sb_puts(b, TOPICS[topic]);
        return;
    }
    size_t c = (topic - NTOPIC_GENERAL) / 3, kind = (topic - NTOPIC_GENERAL) % 3;
    const country_def *k = &COUNTRIES[c % NCOUNTRY];
    switch (kind) {
    case 0:
        if (chance(r, 0.5))
            sb_puts(b, k->name);
        else
            sb_printf(b, "the situation in %s", k->name);
        break;
    case 1: sb_printf(b, "the %s crisis", k->demonym); break;
    default:
        if (chance(r, 0.5))
            sb_printf(b, "the %s agreements", k->cities[0]);
        else
            sb_printf(b, "the %s deal", k->cities[0]);
    }
}

/* The organization a claim about country c is attributed to, in a form
 * that reads as an origin ("the Kremlin", "a Kremlin official"). */
static void put_office(sbuf *b, const country_def *k, bool short_form)
{
    if (k->office)
        sb_puts(b, short_form ? k->office_short : k->office);
    else
        sb_printf(b, short_form ? "%s Foreign Ministry" : "the %s Foreign Ministry", k->demonym);
}

/* An attribution chain for a claim about event e; *n elements in b,
 * separated by '\0' markers at ends[]. */
typedef struct chain {
    sbuf text;
    size_t ends[2];
    size_t n;
} chain;

/* Ends the element being written. */
static void chain_add(chain *c)
{
    c->ends[c->n++] = c->text.n;
    sb_putc(&c->text, '\0');
}

static void make_chain(chain *c, const gen *g, const event *e, uint32_t source, rng *r)
{
    sb_clear(&c->text);
    c->n = 0;
    double u = unit(r);
    if (u < 0.5)
        return;
    uint8_t ci = e->np ? g->persons[e->who[below(r, e->np)]].country : g->cities[e->city].country;
    const country_def *k = &COUNTRIES[ci];
    if (e->kind == K_INCIDENT && u < 0.8) {
        static const char *const LOCAL[] = {"police", "local officials", "rescue services",
                                            "state media", "the fire department"};
        if (chance(r, 0.5))
            sb_printf(&c->text, "%s %s", k->cities[0], LOCAL[below(r, COUNT(LOCAL))]);
        else if (chance(r, 0.5))
            sb_printf(&c->text, "the %s Interior Ministry", k->demonym);
        else
            sb_puts(&c->text, LOCAL[below(r, COUNT(LOCAL))]);
        chain_add(c);
        return;
    }
    if (u < 0.65) {
        put_office(&c->text, k, false);
        chain_add(c);
    } else if (u < 0.77) {
        double v = unit(r);
        if (v < 0.4) {
            sb_puts(&c->text, "a ");
            put_office(&c->text, k, true);
            sb_puts(&c->text, " official");
        } else if (v < 0.7) {
            sb_puts(&c->text, "a senior ");
            put_office(&c->text, k, true);
            sb_puts(&c->text, " official");
        } else {
            put_office(&c->text, k, true);
            sb_puts(&c->text, " officials");
        }
        chain_add(c);
    } else {
        bool wire = u >= 0.85;
        if (wire) {
            sb_puts(&c->text, WIRES[below(r, COUNT(WIRES))]);
            chain_add(c);
        }
        if (!wire || u < 0.93) {
            uint32_t sp = g->spokes[ci];
            put_office(&c->text, k, true);
            sb_puts(&c->text,
                    GIVEN[g->persons[sp].given].gender == 'f' ? " spokeswoman " : " spokesman ");
            put_person(&c->text, g, sp, source, N_FULL);
            chain_add(c);
        }
    }
}

/* ---- one document ----------------------------------------------------------------------- */

typedef struct doc {
    gen *g;
    uint32_t source;
    sbuf claims, subjects, value, quote, scratch;
    chain ch;
    size_t nclaims;
    size_t pos; /* characters of article text so far */
    bool wire;  /* the quote is wire copy */
    const char *subject_id;
} doc;

enum { POL_AFFIRMED, POL_NEGATED };
enum { CERT_CERTAIN, CERT_PROBABLE, CERT_POSSIBLE, CERT_UNKNOWN };

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

/* An outlet's own wording rarely matches another's for eight words and
 * more: quotes that are not wire copy keep at most seven words outside
 * quotation marks (the wording libclaims compares), cut after the seventh. */
static void limit_quote(sbuf *q)
{
    size_t words = 0;
    bool quoted = false;
    for (size_t i = 0; i < q->n;) {
        unsigned char c = (unsigned char)q->p[i];
        if (c == '"') {
            quoted = !quoted;
            i++;
            continue;
        }
        if (!word_byte(c)) {
            i++;
            continue;
        }
        while (i < q->n && word_byte((unsigned char)q->p[i]))
            i++;
        if (!quoted && ++words == 7) {
            q->n = i;
            q->p[i] = '\0';
            return;
        }
    }
}

/* Appends one claim: the value is d->value, the quote d->quote (may be
 * empty; wire copy when d->wire), the attribution d->ch. */
static void emit_claim(doc *d, const char *attribute, int polarity, int certainty, rng *r)
{
    sbuf *b = &d->claims;
    if (d->nclaims)
        sb_putc(b, ',');
    d->nclaims++;
    sb_puts(b, "{\"id\":\"c");
    sb_uint(b, d->nclaims);
    sb_puts(b, "\",\"subject\":\"");
    sb_puts(b, d->subject_id);
    sb_puts(b, "\",\"attribute\":\"");
    sb_puts(b, attribute);
    sb_puts(b, "\",\"value\":");
    sb_json(b, d->value.p, d->value.n);
    if (d->ch.n) {
        sb_puts(b, ",\"attribution\":[");
        size_t start = 0;
        for (size_t i = 0; i < d->ch.n; i++) {
            if (i)
                sb_putc(b, ',');
            sb_json(b, d->ch.text.p + start, d->ch.ends[i] - start);
            start = d->ch.ends[i] + 1;
        }
        sb_putc(b, ']');
    }
    if (d->quote.n && !d->wire)
        limit_quote(&d->quote);
    d->wire = false;
    if (d->quote.n) {
        sb_puts(b, ",\"quote\":{\"text\":");
        sb_json(b, d->quote.p, d->quote.n);
        size_t len = utf8_chars(d->quote.p, d->quote.n);
        d->pos += below(r, 160);
        if (chance(r, 0.75)) {
            sb_puts(b, ",\"offset\":");
            sb_uint(b, d->pos);
            sb_puts(b, ",\"length\":");
            sb_uint(b, len);
        }
        d->pos += len;
        sb_putc(b, '}');
    }
    if (polarity == POL_NEGATED) {
        sb_puts(b, ",\"polarity\":\"negated\"");
        d->g->st->negated++;
    }
    static const char *const CERT[] = {"certain", "probable", "possible", "unknown"};
    if (certainty != CERT_CERTAIN) {
        sb_puts(b, ",\"certainty\":\"");
        sb_puts(b, CERT[certainty]);
        sb_putc(b, '"');
        d->g->st->uncertain++;
    }
    sb_putc(b, '}');
    sb_clear(&d->value);
    sb_clear(&d->quote);
    d->ch.n = 0;
    d->g->st->claims++;
}

/* The long sentence two wire partners both print. */
static void put_wire_sentence(sbuf *b, const gen *g, const event *e, const event_truth *t)
{
    int y, m, dd;
    long z = g->base + e->day;
    civil_from_days(z, &y, &m, &dd);
    const city_ref *c = &g->cities[e->city];
    if (e->kind == K_INCIDENT) {
        sb_printf(b,
                  "At least %u people were killed and %u others injured when a %s struck "
                  "%s on %s, %s %d, local officials told reporters at the scene",
                  t->deaths, t->injured, INCIDENTS[e->incident], city_name(c), WEEKDAYS[weekday(z)],
                  MONTHS[m - 1], dd);
        return;
    }
    const person *a = &g->persons[e->who[0]], *p2 = &g->persons[e->who[1 % e->np]];
    sb_printf(b, "%s %s %s and %s %s %s held %s talks", title_of(a), GIVEN[a->given].spell[0],
              g->surnames[a->surname], title_of(p2), GIVEN[p2->given].spell[0],
              g->surnames[p2->surname], ADJ_TALKS[t->adj]);
    if (e->kind != K_CALL)
        sb_printf(b, " in %s", city_name(c));
    else
        sb_puts(b, " by telephone");
    sb_printf(b,
              " on %s, %s %d, and both sides said afterwards that the conversation had "
              "focused on ",
              WEEKDAYS[weekday(z)], MONTHS[m - 1], dd);
    rng r = stream(g->seed, 'Q', (uint64_t)(e - g->events), 0);
    put_topic(b, t->topics[0], &r);
}

static void write_core(doc *d, const mention *m, const event *e, const event_truth *t, rng *r)
{
    gen *g = d->g;
    const source_def *src = &g->sources[d->source];
    bool wire_done = !(m->core & C_WIRE);
    /* participants, in an order of the source's choosing */
    uint8_t order[3] = {0, 1, 2};
    if (e->np > 1 && chance(r, 0.5)) {
        order[0] = 1;
        order[1] = 0;
    }
    for (uint8_t i = 0; i < e->np; i++) {
        uint8_t k = order[i];
        if (!(m->pmask & (1u << k)))
            continue;
        put_person(&d->value, g, e->who[k], d->source, participant_form(r));
        if (!wire_done) {
            put_wire_sentence(&d->quote, g, e, t);
            d->wire = true;
            g->st->wire_quotes++;
            wire_done = true;
        } else if (chance(r, 0.35)) {
            sb_put(&d->quote, d->value.p, d->value.n);
        }
        emit_claim(d, "participant", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (m->core & C_DATE) {
        int32_t day = e->day;
        if (m->core & C_WRONG_DATE) {
            day += day + 1 <= src->day ? 1 : -1;
            g->st->wrong_dates++;
        }
        put_date(&d->value, g, day, src->day, r);
        if (chance(r, 0.3)) {
            if (strncmp(d->value.p, "on ", 3) != 0 && strcmp(d->value.p, "today") != 0 &&
                strcmp(d->value.p, "yesterday") != 0)
                sb_puts(&d->quote, "on ");
            sb_put(&d->quote, d->value.p, d->value.n);
        }
        emit_claim(d, "date", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (m->core & C_PLACE) {
        put_place(&d->value, &g->cities[e->city], r);
        if (!wire_done) {
            put_wire_sentence(&d->quote, g, e, t);
            d->wire = true;
            g->st->wire_quotes++;
            wire_done = true;
        } else if (chance(r, 0.3)) {
            sb_printf(&d->quote, "%s in %s", e->kind == K_INCIDENT ? "struck" : "met", d->value.p);
        }
        emit_claim(d, "place", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (m->core & C_OCCASION) {
        if (e->kind == K_SUMMIT)
            put_summit(&d->value, &ORGS[g->summits[e->summit].org], r);
        else
            sb_printf(&d->value, "%s%s", chance(r, 0.2) ? "the " : "", OCCASIONS[e->occasion]);
        if (chance(r, 0.3))
            sb_printf(&d->quote, "%s%s", strncmp(d->value.p, "the ", 4) ? "at the " : "at ",
                      d->value.p);
        emit_claim(d, "occasion", POL_AFFIRMED, CERT_CERTAIN, r);
    }
}

static const char *const INCIDENT_STATEMENTS[] = {"rescue teams were still searching the area",
                                                  "the death toll was expected to rise",
                                                  "the cause was under investigation",
                                                  "hospitals were treating dozens of injured",
                                                  "a day of mourning would be held",
                                                  "there was no sign of foul play"};

/* A statement a participant (or an official, for incidents) made, as
 * reported speech ("Lavrov said the talks were useful"). */
static void put_statement(sbuf *b, const gen *g, const event *e, const event_truth *t, uint8_t i,
                          bool full_name, uint32_t source)
{
    if (e->kind == K_INCIDENT) {
        sb_puts(b, INCIDENT_STATEMENTS[t->statement_kind[i]]);
        return;
    }
    uint32_t who = e->who[i % e->np];
    if (full_name)
        put_person(b, g, who, source, N_FULL);
    else
        sb_puts(b, g->surnames[g->persons[who].surname]);
    rng r = stream(g->seed, 'X', (uint64_t)(e - g->events), i);
    switch (t->statement_kind[i]) {
    case 0: sb_printf(b, " said the talks were %s", ADJ_TALKS[t->adj]); break;
    case 1:
        sb_puts(b, " called for progress on ");
        put_topic(b, t->topics[0], &r);
        break;
    case 2: sb_puts(b, " said both sides agreed to continue the dialogue"); break;
    case 3: sb_puts(b, " warned against new sanctions"); break;
    case 4: sb_printf(b, " described the meeting as %s", ADJ_TALKS[t->tone]); break;
    default:
        sb_puts(b, " said differences remained over ");
        put_topic(b, t->topics[t->ntopics - 1], &r);
    }
}

/* The same statement as direct speech: every outlet quotes the same words
 * ("The talks were useful," Lavrov said). */
static void put_speech(sbuf *b, const gen *g, const event *e, const event_truth *t, uint8_t i)
{
    sb_putc(b, '"');
    if (e->kind == K_INCIDENT) {
        const char *s = INCIDENT_STATEMENTS[t->statement_kind[i]];
        sb_putc(b, (char)(s[0] - 'a' + 'A'));
        sb_puts(b, s + 1);
        sb_puts(b, ",\" officials said");
        return;
    }
    rng r = stream(g->seed, 'X', (uint64_t)(e - g->events), i);
    switch (t->statement_kind[i]) {
    case 0: sb_printf(b, "The talks were %s", ADJ_TALKS[t->adj]); break;
    case 1:
        sb_puts(b, "We need progress on ");
        put_topic(b, t->topics[0], &r);
        break;
    case 2: sb_puts(b, "Both sides agreed to continue the dialogue"); break;
    case 3: sb_puts(b, "We warn against new sanctions"); break;
    case 4: sb_printf(b, "It was a %s meeting", ADJ_TALKS[t->tone]); break;
    default: sb_puts(b, "Differences remain over "); put_topic(b, t->topics[t->ntopics - 1], &r);
    }
    sb_printf(b, ",\" %s said", g->surnames[g->persons[e->who[i % e->np]].surname]);
}

enum {
    F_DURATION,
    F_TOPIC,
    F_STATEMENT,
    F_KIND,
    F_FORMAT,
    F_TONE,
    F_SIGNIFICANCE,
    F_OUTCOME,
    F_AGREEMENT,
    F_DEATHS,
    F_INJURED,
    F_TIME,
    F_COUNT
};

static const char *const FACT_ATTR[F_COUNT] = {"duration",  "topic",  "statement",    "kind",
                                               "format",    "tone",   "significance", "outcome",
                                               "agreement", "deaths", "injured",      "time"};

/* Weights per event kind; sets may repeat in a mention, single attributes
 * not (mostly). */
static const double FACT_WEIGHT[4][F_COUNT] = {
    /* meeting */ {0.20, 0.28, 0.15, 0.09, 0.07, 0.06, 0.04, 0.06, 0.05, 0, 0, 0},
    /* summit  */ {0.22, 0.28, 0.15, 0.08, 0.10, 0.05, 0.04, 0.05, 0.03, 0, 0, 0},
    /* call    */ {0.30, 0.35, 0.20, 0.10, 0, 0.05, 0, 0, 0, 0, 0, 0},
    /* incident */ {0, 0, 0.15, 0.12, 0, 0, 0, 0.05, 0, 0.35, 0.2, 0.13},
};

static bool fact_is_set(int f)
{
    return f == F_TOPIC || f == F_STATEMENT || f == F_KIND || f == F_FORMAT || f == F_TONE ||
           f == F_OUTCOME || f == F_AGREEMENT || f == F_SIGNIFICANCE;
}

/* The facts above that the library's built-in news vocabulary leaves out:
 * the seed corpus's own, defined as its schema does
 * (examples/schemas/seed-corpus.json), sets of text. */
const char GEN_SCHEMA[] = "{\"attributes\": {\n"
                          "  \"format\": {\"type\": \"text\", \"cardinality\": \"set\"},\n"
                          "  \"tone\": {\"type\": \"text\", \"cardinality\": \"set\"},\n"
                          "  \"significance\": {\"type\": \"text\", \"cardinality\": \"set\"}}}\n";

static void write_fact(doc *d, const mention *m, const event *e, const event_truth *t, int f,
                       unsigned nth, rng *r)
{
    gen *g = d->g;
    const source_def *src = &g->sources[d->source];
    int polarity = POL_AFFIRMED, certainty = CERT_CERTAIN;
    make_chain(&d->ch, g, e, d->source, r);
    switch (f) {
    case F_DURATION: {
        unsigned min = t->alt_minutes && chance(r, 0.4) ? t->alt_minutes : t->minutes;
        put_duration(&d->value, min, r, g->st);
        if (chance(r, 0.4))
            sb_printf(&d->quote, "%s %s", chance(r, 0.5) ? "spoke for" : "lasted", d->value.p);
        break;
    }
    case F_TOPIC: {
        uint16_t topic = t->topics[nth % t->ntopics];
        double u = unit(r);
        if (u < 0.04) { /* "they did not discuss X": a topic not on the list */
            polarity = POL_NEGATED;
            topic = (uint16_t)below(r, NTOPIC_GENERAL);
        } else if (u < 0.05) { /* a source denies what others report */
            polarity = POL_NEGATED;
        } else if (u < 0.08) {
            certainty = CERT_UNKNOWN;
        } else if (u < 0.10) {
            certainty = CERT_PROBABLE;
        }
        put_topic(&d->value, topic, r);
        if (chance(r, 0.4)) {
            if (polarity == POL_NEGATED)
                sb_printf(&d->quote, "did not discuss %s", d->value.p);
            else if (certainty == CERT_UNKNOWN)
                sb_printf(&d->quote, "unclear if they discussed %s", d->value.p);
            else
                sb_printf(&d->quote, "%s %s", chance(r, 0.5) ? "discussed" : "talked about",
                          d->value.p);
        }
        break;
    }
    case F_STATEMENT: {
        uint8_t i = (uint8_t)((nth + below(r, 3)) % t->nstatements);
        /* most outlets report the speaker by surname; some paraphrase */
        put_statement(&d->value, g, e, t, i, chance(r, 0.15), d->source);
        if (chance(r, 0.5)) /* direct speech: left out of shared wording */
            put_speech(&d->quote, g, e, t, i);
        break;
    }
    case F_KIND:
        if (e->kind == K_INCIDENT)
            sb_puts(&d->value, INCIDENTS[e->incident]);
        else if (e->kind == K_CALL)
            sb_puts(&d->value, chance(r, 0.6) ? "phone call" : "telephone conversation");
        else {
            static const char *const K[] = {"meeting", "talks", "conversation", "handshake"};
            sb_puts(&d->value, K[below(r, COUNT(K))]);
        }
        break;
    case F_FORMAT:
        sb_puts(&d->value, FORMATS[e->kind == K_SUMMIT && chance(r, 0.6) ? 1 : t->format]);
        break;
    case F_TONE:
        sb_puts(&d->value, ADJ_TALKS[chance(r, 0.8) ? t->tone : below(r, COUNT(ADJ_TALKS))]);
        break;
    case F_SIGNIFICANCE:
        certainty = CERT_POSSIBLE;
        sb_puts(&d->value, chance(r, 0.5) ? "the last time" : "their first meeting this year");
        if (chance(r, 0.5))
            sb_printf(&d->quote, "possibly %s", d->value.p);
        break;
    case F_OUTCOME:
        sb_puts(&d->value, OUTCOMES[chance(r, 0.85) ? t->outcome : below(r, COUNT(OUTCOMES))]);
        if (e->kind == K_INCIDENT) {
            sb_clear(&d->value);
            sb_puts(&d->value, "a state of emergency was declared");
        }
        break;
    case F_AGREEMENT:
        sb_puts(&d->value, AGREEMENTS[t->agreement]);
        if (chance(r, 0.1))
            certainty = CERT_PROBABLE;
        break;
    case F_DEATHS: {
        /* early reports count fewer dead */
        bool early = t->early_deaths && src->day - e->day <= 1 && chance(r, 0.7);
        put_count(&d->value, early ? t->early_deaths : t->deaths, r, g->st);
        if (chance(r, 0.4))
            sb_printf(&d->quote, "killed %s", d->value.p);
        break;
    }
    case F_INJURED:
        put_count(&d->value, t->injured, r, g->st);
        if (chance(r, 0.3))
            sb_printf(&d->quote, "%s were injured", d->value.p);
        break;
    default: {
        unsigned clock = t->clock;
        if (chance(r, 0.1))
            clock = (clock + 60) % (24 * 60); /* an hour off: a time zone slip */
        put_time(&d->value, g, e->day, clock, r);
        break;
    }
    }
    (void)m;
    emit_claim(d, FACT_ATTR[f], polarity, certainty, r);
}

static void write_facts(doc *d, const mention *m, const event *e, const event_truth *t, rng *r)
{
    const double *w = FACT_WEIGHT[e->kind == K_MEETING ? 0 : e->kind];
    unsigned used = 0, nth[F_COUNT] = {0};
    for (unsigned i = 0; i < m->facts; i++) {
        int f = 0;
        for (int tries = 0; tries < 4; tries++) {
            double u = unit(r), acc = 0.0;
            for (f = 0; f < F_COUNT - 1; f++) {
                acc += w[f];
                if (u < acc)
                    break;
            }
            while (w[f] == 0.0)
                f = (f + 1) % F_COUNT;
            if (fact_is_set(f) || !(used & (1u << f)) || chance(r, 0.03))
                break; /* a source rarely gives two values of one attribute */
        }
        used |= 1u << f;
        write_fact(d, m, e, t, f, nth[f]++, r);
    }
}

static void event_label(sbuf *b, const gen *g, const event *e, uint32_t source, rng *r)
{
    if (e->kind == K_INCIDENT) {
        sb_printf(b, "%s in %s", INCIDENTS[e->incident], city_name(&g->cities[e->city]));
        b->p[0] = (char)(b->p[0] - 'a' + 'A');
        return;
    }
    for (uint8_t i = 0; i < e->np; i++) {
        if (i)
            sb_puts(b, i + 1 == e->np ? " and " : ", ");
        put_surname(b, g, e->who[i], source);
    }
    switch (e->kind) {
    case K_CALL: sb_puts(b, chance(r, 0.5) ? " phone call" : " telephone conversation"); break;
    case K_SUMMIT:
        sb_printf(b, " meeting on the sidelines of the %s summit",
                  ORGS[g->summits[e->summit].org].spell[0]);
        break;
    default:
        sb_printf(b, " %s in %s", e->occasion != 255 ? OCCASIONS[e->occasion] : "meeting",
                  city_name(&g->cities[e->city]));
    }
}

static void write_person(doc *d, const pmention *pm, rng *r)
{
    gen *g = d->g;
    const person *x = &g->persons[pm->person];
    const country_def *k = &COUNTRIES[x->country];
    d->ch.n = 0;
    if (pm->claims & 1) {
        double u = unit(r);
        put_person(&d->value, g, pm->person, d->source,
                   u < 0.6    ? N_FULL
                   : u < 0.85 ? N_DEMONYM_FULL
                              : N_TITLE_FULL);
        if (chance(r, 0.3))
            sb_put(&d->quote, d->value.p, d->value.n);
        emit_claim(d, "name", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (pm->claims & 2) {
        sb_puts(&d->value, ROLES[x->role].name);
        emit_claim(d, "role", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (pm->claims & 4) {
        sb_puts(&d->value, k->name);
        emit_claim(d, "nationality", POL_AFFIRMED, CERT_CERTAIN, r);
    }
    if (pm->claims & 8) {
        put_office(&d->value, k, false);
        emit_claim(d, "organization", POL_AFFIRMED, CERT_CERTAIN, r);
    }
}

static void subject_entry(doc *d, const char *id, const char *type, const char *label,
                          size_t label_len)
{
    sbuf *b = &d->subjects;
    if (b->n)
        sb_putc(b, ',');
    sb_puts(b, "{\"id\":\"");
    sb_puts(b, id);
    sb_puts(b, "\",\"type\":\"");
    sb_puts(b, type);
    sb_puts(b, "\",\"label\":");
    sb_json(b, label, label_len);
    sb_putc(b, '}');
}

static int write_source(gen *g, doc *d, uint32_t s, sbuf *line, FILE *out, FILE *truth)
{
    const source_def *src = &g->sources[s];
    d->source = s;
    sb_clear(&d->claims);
    sb_clear(&d->subjects);
    d->nclaims = 0;
    d->pos = 0;
    char sid[24];
    d->subject_id = sid;
    size_t local = 0;
    for (size_t i = g->src_first[s]; i < g->src_first[s + 1]; i++) {
        const mention *m = &g->mentions[i];
        const event *e = &g->events[m->event];
        event_truth t;
        truth_of(g, m->event, &t);
        rng r = stream(g->seed, 'D', m->event, s);
        snprintf(sid, sizeof sid, "e%zu", ++local);
        sb_clear(&d->scratch);
        event_label(&d->scratch, g, e, s, &r);
        subject_entry(d, sid, "event", d->scratch.p, d->scratch.n);
        static const char *const KIND[] = {"meeting", "summit", "call", "incident"};
        if (truth && fprintf(truth, "%s\t%s\tE%u\t%s\n", src->id, sid, m->event,
                             e->distractor ? "distractor" : KIND[e->kind]) < 0)
            return -1;
        d->ch.n = 0;
        write_core(d, m, e, &t, &r);
        write_facts(d, m, e, &t, &r);
    }
    local = 0;
    for (size_t i = g->pm_first[s]; i < g->pm_first[s + 1]; i++) {
        const pmention *pm = &g->pm[i];
        rng r = stream(g->seed, 'R', s, pm->person);
        snprintf(sid, sizeof sid, "p%zu", ++local);
        sb_clear(&d->scratch);
        put_person(&d->scratch, g, pm->person, s, N_DEMONYM_FULL);
        subject_entry(d, sid, "person", d->scratch.p, d->scratch.n);
        if (truth && fprintf(truth, "%s\t%s\tP%u\n", src->id, sid, pm->person) < 0)
            return -1;
        write_person(d, pm, &r);
    }
    sb_clear(line);
    sb_puts(line, "{\"format\":\"claims/1\",\"source\":{\"id\":\"");
    sb_puts(line, src->id);
    sb_puts(line, "\",\"outlet\":");
    sb_json(line, src->outlet, strlen(src->outlet));
    sb_puts(line, ",\"title\":");
    sb_clear(&d->scratch);
    sb_printf(&d->scratch, "%s: the week's world news", src->outlet);
    sb_json(line, d->scratch.p, d->scratch.n);
    sb_puts(line, ",\"published\":\"");
    sb_puts(line, src->published);
    sb_puts(line, "\",\"language\":\"en\",\"text\":{\"file\":\"");
    sb_puts(line, src->id);
    sb_puts(line, ".txt\",\"characters\":");
    sb_uint(line, d->pos + 200);
    sb_puts(line, "}},\"subjects\":[");
    sb_put(line, d->subjects.p ? d->subjects.p : "", d->subjects.n);
    sb_puts(line, "],\"claims\":[");
    sb_put(line, d->claims.p ? d->claims.p : "", d->claims.n);
    sb_puts(line, "]}\n");
    g->st->documents++;
    g->st->bytes += line->n;
    return fwrite(line->p, 1, line->n, out) == line->n ? 0 : -1;
}

/* ---- the budget ------------------------------------------------------------------------ */

static size_t person_claims(const pmention *pm) { return popcount8(pm->claims); }

static size_t all_core_claims(const gen *g)
{
    size_t core = 0;
    for (size_t i = 0; i < g->nmentions; i++)
        core += core_claims(&g->mentions[i]);
    return core;
}

/* How many sources report each event: the most the budget allows once
 * `fact_share` of the claims is kept for facts. Finds the probability q of
 * one more source by bisection; each trial plans all mentions (cheap). */
static void plan_mentions(gen *g)
{
    const double q_max = 0.85;
    build_mentions(g, 0.4);
    build_person_mentions(g);
    size_t pc = 0;
    for (size_t i = 0; i < g->npm; i++)
        pc += person_claims(&g->pm[i]);
    double target = (1.0 - g->p->fact_share) * (double)g->p->claims - (double)pc;
    double lo = 0.0, hi = q_max;
    for (int it = 0; it < 9; it++) {
        double q = (lo + hi) / 2.0;
        build_mentions(g, q);
        if ((double)all_core_claims(g) > target)
            hi = q;
        else
            lo = q;
    }
    g->q = lo;
    build_mentions(g, lo);
    build_person_mentions(g);
}

static int spread_facts(gen *g, char *err, size_t errlen)
{
    size_t core = all_core_claims(g), pc = 0;
    for (size_t i = 0; i < g->npm; i++)
        pc += person_claims(&g->pm[i]);
    g->st->core_claims = core;
    g->st->person_claims = pc;
    if (core + pc > g->p->claims) {
        snprintf(err, errlen,
                 "%zu claims are too few: the %zu events need %zu claims to be identified "
                 "(%zu mentions) and %zu for person subjects; raise --claims or lower "
                 "--events or --mentions",
                 g->p->claims, g->p->events, core + pc, g->nmentions, pc);
        return -1;
    }
    size_t rest = g->p->claims - core - pc;
    g->st->fact_claims = rest;
    if (!g->nmentions)
        return rest ? -1 : 0;
    rng r = stream(g->seed, 'F', 0, 0);
    for (size_t i = 0; i < rest; i++) {
        mention *m;
        do
            m = &g->mentions[below(&r, g->nmentions)];
        while (m->facts == UINT8_MAX);
        m->facts++;
    }
    return 0;
}

typedef struct wire_pair {
    uint32_t a, b; /* source indices, a < b */
} wire_pair;

static int cmp_wire(const void *x, const void *y)
{
    const wire_pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Wire subscribers ("# subscriber ID": the sources in partner pairs) print
 * the wire's sentences, which share a formula ("At least 3 people were
 * killed and 12 others injured when a..."); those that print one event's
 * sentence share it word for word: "# wire ID-A ID-B N" for each pair of
 * them, N the stories they share. */
static int write_wire_pairs(const gen *g, FILE *truth)
{
    size_t n = 0, np = 0, pcap = 256;
    wire_pair *by_event = xrealloc(NULL, (g->nmentions ? g->nmentions : 1) * sizeof *by_event);
    for (size_t i = 0; i < g->nmentions; i++)
        if (g->mentions[i].core & C_WIRE)
            by_event[n++] = (wire_pair){g->mentions[i].event, g->mentions[i].source};
    qsort(by_event, n, sizeof *by_event, cmp_wire);
    wire_pair *pairs = xrealloc(NULL, pcap * sizeof *pairs);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && by_event[j].a == by_event[i].a)
            j++;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++) {
                if (np == pcap) {
                    pcap *= 2;
                    pairs = xrealloc(pairs, pcap * sizeof *pairs);
                }
                pairs[np++] = (wire_pair){by_event[x].b, by_event[y].b};
            }
        i = j;
    }
    qsort(pairs, np, sizeof *pairs, cmp_wire);
    int rc = 0;
    for (size_t i = 0; i < g->p->sources && rc == 0; i++)
        if (g->sources[i].partner != NONE32 &&
            fprintf(truth, "# subscriber %s\n", g->sources[i].id) < 0)
            rc = -1;
    for (size_t i = 0; i < np && rc == 0;) {
        size_t j = i;
        while (j < np && !cmp_wire(&pairs[j], &pairs[i]))
            j++;
        if (fprintf(truth, "# wire %s %s %zu\n", g->sources[pairs[i].a].id,
                    g->sources[pairs[i].b].id, j - i) < 0)
            rc = -1;
        i = j;
    }
    free(by_event);
    free(pairs);
    return rc;
}

int gen_parse_range(const char *s, unsigned *min, unsigned *max)
{
    char *end;
    unsigned long a = strtoul(s, &end, 10), b = a;
    if (end == s)
        return -1;
    if (*end == '-') {
        const char *t = end + 1;
        b = strtoul(t, &end, 10);
        if (end == t)
            return -1;
    }
    if (*end || a < 1 || b < a || b > 60)
        return -1;
    *min = (unsigned)a;
    *max = (unsigned)b;
    return 0;
}

int gen_write(const gen_params *p, FILE *out, FILE *truth, gen_stats *stats, char *err,
              size_t errlen)
{
    memset(stats, 0, sizeof *stats);
    if (!p->events || !p->sources || !p->persons || p->persons > UINT32_MAX / 2 ||
        !(p->fact_share >= 0.0 && p->fact_share < 1.0) || p->events > UINT32_MAX / 16 ||
        p->sources > UINT32_MAX / 2 || p->min_mentions < 1 || p->max_mentions < p->min_mentions ||
        p->max_mentions > 60) {
        snprintf(err, errlen,
                 "events, sources and persons must be positive, the share of "
                 "facts in [0, 1), and 1 <= min mentions <= max mentions <= 60");
        return -1;
    }
    gen *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    g->p = p;
    g->st = stats;
    g->seed = mix64(p->seed ^ 0x636c61696d73ULL);
    g->base = days_from_civil(2016, 1, 4);
    g->window = 10;
    /* about 25 sources publish within any window of 11 days */
    long days = (long)(p->sources * 11 / 25) - g->window;
    g->days = (int)(days < 7 ? 7 : days > 20000 ? 20000 : days);
    build_world(g);
    build_events(g);
    build_sources(g);
    plan_mentions(g);
    stats->more_mentions = g->q;
    int rc = spread_facts(g, err, errlen);
    if (rc == 0 && truth &&
        fprintf(truth,
                "# gen_claims seed=%llu claims=%zu events=%zu sources=%zu persons=%zu "
                "mentions=%u-%u facts=%.2f\n",
                (unsigned long long)p->seed, p->claims, p->events, p->sources, p->persons,
                p->min_mentions, p->max_mentions, p->fact_share) < 0)
        rc = -1;
    if (rc == 0 && truth)
        rc = write_wire_pairs(g, truth);
    doc d;
    memset(&d, 0, sizeof d);
    d.g = g;
    sbuf line = {NULL, 0, 0};
    for (size_t s = 0; s < p->sources && rc == 0; s++)
        rc = write_source(g, &d, (uint32_t)s, &line, out, truth);
    if (rc == 0 && stats->claims != p->claims) {
        snprintf(err, errlen, "internal error: wrote %zu claims, planned %zu", stats->claims,
                 p->claims);
        rc = -1;
    } else if (rc != 0 && !err[0]) {
        snprintf(err, errlen, "write error");
    }
    /* persons that appear in some subject */
    if (rc == 0) {
        uint32_t *ids = xrealloc(NULL, (g->npm ? g->npm : 1) * sizeof *ids);
        for (size_t i = 0; i < g->npm; i++)
            ids[i] = g->pm[i].person;
        qsort(ids, g->npm, sizeof *ids, cmp_u32);
        for (size_t i = 0; i < g->npm; i++)
            stats->persons += !i || ids[i] != ids[i - 1];
        free(ids);
    }
    free(line.p);
    free(d.claims.p);
    free(d.subjects.p);
    free(d.value.p);
    free(d.quote.p);
    free(d.scratch.p);
    free(d.ch.text.p);
    free(g->persons);
    free(g->all_cdf);
    free(g->leaders);
    free(g->leader_cdf);
    free(g->cities);
    free(g->city_cdf);
    free(g->summits);
    free(g->events);
    free(g->mentions);
    free(g->src_first);
    free(g->pm);
    free(g->pm_first);
    free(g->sources);
    free(g);
    return rc;
}
