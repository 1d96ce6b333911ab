/* check_person.c - person names and author lists (person.c). */
#include "check_names.h"

#include <stdlib.h>

#define P CLAIMS_TYPE_PERSON
#define PS CLAIMS_TYPE_PERSONS
#define EQ CLAIMS_RELATION_EQUAL
#define COMPAT CLAIMS_RELATION_COMPATIBLE
#define CONFLICT CLAIMS_RELATION_CONFLICTING

START_TEST(test_seed_cases)
{
    ck_relation(NULL, P, "Sergei Lavrov", "Sergey Lavrov", EQ);
    ck_reason(NULL, P, "Sergei Lavrov", "Sergey Lavrov",
              "sergei lavrov and sergey lavrov both read as sergey lavrov");
    ck_relation(NULL, P, "François Hollande", "Francois Hollande", EQ);
    ck_relation(NULL, P, "Mr. Obama", "Barack Obama", COMPAT);
    ck_reason(NULL, P, "Mr. Obama", "Barack Obama", "surname only: obama matches barack obama");
    ck_relation(NULL, P, "Mr. Obama", "Michelle Obama", CONFLICT);
    ck_relation(NULL, P, "Barack Obama", "Michelle Obama", CONFLICT);
    ck_reason(NULL, P, "Barack Obama", "Michelle Obama",
              "different given name: barack vs michelle");
    ck_relation(NULL, P, "President Barack Obama", "Barack Obama", EQ);
    ck_relation(NULL, P, "Dmitry Peskov", "Dmitri Peskov", EQ);
    ck_relation(NULL, P, "Sean O’Brien", "Sean O'Brien", EQ);
    ck_norm(NULL, P, "Łukasz Kowalski", "lukasz kowalski");
    ck_norm(NULL, P, "Đorđe Øre", "dorde ore");
}
END_TEST

START_TEST(test_canonical_forms)
{
    ck_norm(NULL, P, "Knuth, Donald E.", "donald e. knuth");
    ck_norm(NULL, P, "Donald E. Knuth", "donald e. knuth");
    ck_norm(NULL, P, "John F. Kerry", "john f. kerry");
    ck_norm(NULL, P, "J.F.K.", "j. f. k.");
    ck_norm(NULL, P, "C.Bala Kumar", "c. bala kumar");
    ck_norm(NULL, P, "John Smith, Jr.", "john smith jr");
    ck_norm(NULL, P, "John Smith Jr.", "john smith jr");
    ck_norm(NULL, P, "Smith, John, Jr.", "john smith jr");
    ck_norm(NULL, P, "Martin Luther King III", "martin luther king iii");
    ck_norm(NULL, P, "Dr. Jane Doe, Ph.D.", "jane doe");
    ck_norm(NULL, P, "Jane Doe MD", "jane doe");
    ck_norm(NULL, P, "Ludwig van Beethoven", "ludwig van beethoven");
    ck_norm(NULL, P, "van Dam, Andries", "andries van dam");
    ck_norm(NULL, P, "Regis \"Bud\" Bates", "regis bates");
    ck_norm(NULL, P, "\"Regis Bates\"", "regis bates");
    ck_norm(NULL, P, "Joseph G. Boyce (Author)", "joseph g. boyce");
    ck_norm(NULL, P, "Felke-Morris, Terry", "terry felke-morris");
}
END_TEST

START_TEST(test_titles)
{
    ck_norm(NULL, P, "Mr. Obama", "mr obama");
    ck_norm(NULL, P, "Mrs. Clinton", "ms clinton");
    ck_norm(NULL, P, "Ms Clinton", "ms clinton");
    ck_norm(NULL, P, "President Obama", "obama");
    ck_norm(NULL, P, "Prof. Dr. Hans Müller", "hans muller");
    ck_norm(NULL, P, "Prime Minister Theresa May", "theresa may");
    ck_norm(NULL, P, "President-elect Donald Trump", "donald trump");
    ck_norm(NULL, P, "Russian Foreign Minister Sergei Lavrov", "sergey lavrov");
    ck_norm(NULL, P, "U.S. Secretary of State John Kerry", "john kerry");
    ck_norm(NULL, P, "Kremlin spokesman Dmitry Peskov", "dmitry peskov");
    ck_norm(NULL, P, "former President Bill Clinton", "bill clinton");
    ck_norm(NULL, P, "Ex-Chairman John Smith", "john smith");
    ck_norm(NULL, P, "The Right Honourable John Smith", "john smith");
    ck_norm(NULL, P, "Rt. Hon. John Smith", "john smith");
    ck_norm(NULL, P, "His Excellency John Smith", "john smith");
    ck_norm(NULL, P, "Dott.ssa Maria Rossi", "maria rossi");
    ck_norm(NULL, P, "Sir Elton John", "elton john");
    ck_norm(NULL, P, "King Abdullah", "abdullah");
    ck_norm(NULL, P, "Herr Müller", "mr muller");
    ck_norm(NULL, P, "Madame Lagarde", "ms lagarde");
    ck_norm(NULL, P, "Anderson, Prof Kim", "kim anderson");
    ck_norm(NULL, P, "Prime Minister Malcolm Turnbull of Australia", "malcolm turnbull");
    ck_norm(NULL, P, "Catherine of Aragon", "catherine of aragon");
    /* a title that is also a name stays when nothing else is left */
    ck_norm(NULL, P, "King", "king");
    /* words before a title need a full name after it */
    ck_norm(NULL, P, "Jane Chancellor Smith", "jane chancellor smith");
    ck_norm(NULL, P, "Alfred the Great", "alfred the great");
}
END_TEST

START_TEST(test_transliteration)
{
    ck_norm(NULL, P, "Zelenskiy", "zelensky");
    ck_norm(NULL, P, "Volodymyr Zelenskyy", "volodymyr zelensky");
    ck_norm(NULL, P, "Dmitriy Medvedev", "dmitry medvedev");
    ck_norm(NULL, P, "Dmitrii Medvedev", "dmitry medvedev");
    ck_norm(NULL, P, "Yuriy Gagarin", "yury gagarin");
    ck_norm(NULL, P, "Iouri Gagarine", "yury gagarine");
    ck_norm(NULL, P, "Alexei Navalny", "alexey navalny");
    ck_norm(NULL, P, "Mohammed bin Salman", "muhammad bin salman");
    ck_relation(NULL, P, "Muammar Qaddafi", "Muammar Gaddafi", EQ);
    ck_relation(NULL, P, "Andrei Kozyrev", "Andrey Kozyrev", EQ);
    /* not Russian endings */
    ck_norm(NULL, P, "Keiko Fujii", "keiko fujii");
    ck_norm(NULL, P, "Hiroshi Ishii", "hiroshi ishii");
    ck_relation(NULL, P, "Sergei Lavrov", "Sergei Lavrova", CONFLICT);
}
END_TEST

START_TEST(test_compare)
{
    ck_relation(NULL, P, "J. Kerry", "John Kerry", COMPAT);
    ck_reason(NULL, P, "J. Kerry", "John Kerry", "initial j. matches john");
    ck_relation(NULL, P, "John F. Kerry", "John Kerry", COMPAT);
    ck_reason(NULL, P, "John F. Kerry", "John Kerry", "middle name f. only in john f. kerry");
    ck_relation(NULL, P, "John F. Kerry", "John R. Kerry", CONFLICT);
    ck_reason(NULL, P, "John F. Kerry", "John R. Kerry", "different middle name: f. vs r.");
    ck_relation(NULL, P, "John Kerry", "John Smith", CONFLICT);
    ck_reason(NULL, P, "John Kerry", "John Smith", "different surname: kerry vs smith");
    ck_relation(NULL, P, "J. Kerry", "K. Kerry", CONFLICT);
    ck_relation(NULL, P, "John Smith Jr.", "John Smith Sr.", CONFLICT);
    ck_relation(NULL, P, "John Smith Jr.", "John Smith", COMPAT);
    ck_relation(NULL, P, "Kerry John", "John Kerry", COMPAT);
    ck_relation(NULL, P, "Mr. Obama", "Mrs. Obama", CONFLICT);
    ck_relation(NULL, P, "Mr. Obama", "Obama", COMPAT);
    ck_relation(NULL, P, "Ms. Obama", "Michelle Obama", COMPAT);
    ck_relation(NULL, P, "Ms. Obama", "Barack Obama", CONFLICT);
    ck_relation(NULL, P, "Mr. Smith", "Kelly Smith", COMPAT); /* unknown */
    ck_relation(NULL, P, "John Kennedy", "J. F. K.", COMPAT);
    ck_relation(NULL, P, "John Kennedy", "J. F. L.", CONFLICT);
    ck_relation(NULL, P, "John F. Kennedy", "J. F. K.", COMPAT);

    claims_comparison c = compare_texts(NULL, P, "Barack Obama", "Barack Obama");
    ck_assert_double_eq_tol(c.score, 1.0, 1e-12);
    c = compare_texts(NULL, P, "Mr. Obama", "Barack Obama");
    ck_assert_double_eq_tol(c.score, 0.5, 1e-12);
    c = compare_texts(NULL, P, "John Smith", "Jon Smith");
    ck_assert_int_eq(c.relation, CONFLICT);
    ck_assert(c.score > 0.9 && c.score < 1.0);
    c = compare_texts(NULL, P, "John Smith Jr.", "John Smith Sr.");
    ck_assert(c.score < 1.0);
}
END_TEST

START_TEST(test_canonical_reads_back)
{
    static const char *const names[] = {
        "Knuth, Donald E.",
        "Mr. Obama",
        "Mrs. Clinton",
        "J.F.K.",
        "Smith, John, Jr.",
        "Ludwig van Beethoven",
        "Dmitriy Zelenskiy",
        "Sean O’Brien",
        "King",
        "Rick F. Van Der Lans",
        "de la Cruz, Juan",
        "Dott.ssa Maria Rossi",
        "Martin Luther King III",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char once[1024];
        snprintf(once, sizeof once, "%s", norm_of(NULL, P, names[i]));
        ck_assert_str_eq(norm_of(NULL, P, once), once);
    }
}
END_TEST

START_TEST(test_errors)
{
    claims_error err;
    int none = 0;
    static const char *const bad[] = {
        "",    "   ",           "...",       "—",
        "Mr.", "The President", "Agent 007", "Smith, John, Doe, Jane",
        "Jr.", "(Author)",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(parse_rc(P, bad[i], strlen(bad[i]), &err, &none) == CLAIMS_ESYNTAX,
                      "%s accepted", bad[i]);
        ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
        ck_assert(err.text[0] != '\0');
    }
    char many[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(many, "Name ");
    ck_assert_int_eq(parse_rc(P, many, strlen(many), &err, NULL), CLAIMS_ESYNTAX);
    ck_assert_int_eq(parse_rc(P, "Not Available", 13, &err, &none), CLAIMS_OK);
    ck_assert(none);
    ck_assert_int_eq(parse_rc(P, "unknown", 7, &err, &none), CLAIMS_OK);
    ck_assert(none);
    ck_assert_int_eq(parse_rc(P, "Jo\0hn", 5, &err, NULL), CLAIMS_ENCODING);
}
END_TEST

/* ---- author lists ------------------------------------------------------------ */

START_TEST(test_list_forms)
{
    ck_norm(NULL, PS, "Knuth, Donald E., Graham, Ronald L.", "donald e. knuth; ronald l. graham");
    ck_norm(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.; Patashnik, Oren",
            "donald e. knuth; ronald l. graham; oren patashnik");
    ck_norm(NULL, PS, "Donald Knuth, Ronald Graham and Oren Patashnik",
            "donald knuth; ronald graham; oren patashnik");
    ck_norm(NULL, PS, "Knuth, Donald E.", "donald e. knuth");
    ck_norm(NULL, PS, "Joe Celko", "joe celko");
    ck_norm(NULL, PS, "Carter, Eric/ Lippert, Eric", "eric carter; eric lippert");
    ck_norm(NULL, PS, "Mellor &amp; Scott", "mellor; scott");
    ck_norm(NULL, PS, "Bill Joy;Guy Steele;James Gosling", "bill joy; guy steele; james gosling");
    ck_norm(NULL, PS, "David V. Hutton|David Hutton", "david v. hutton; david hutton");
    ck_norm(NULL, PS, "Smith, John with Jane Doe", "john smith; jane doe");
    ck_norm(NULL, PS, "Hanson, David R., Fraser, Christopher W.",
            "david r. hanson; christopher w. fraser");
    ck_norm(NULL, PS, "Rick F. Van Der Lans", "rick f. van der lans");
    ck_norm(NULL, PS, "Hapner, Mark, Burridge, Rich, Sharma, Rahul",
            "mark hapner; rich burridge; rahul sharma");
    ck_norm(NULL, PS, "Smith, John, Jr., Doe, Jane", "john smith jr; jane doe");
    ck_norm(NULL, PS, "o'leary, timothy j.;  o'leary, linda i.;  ",
            "timothy j. o'leary; linda i. o'leary");
}
END_TEST

START_TEST(test_list_noise)
{
    ck_norm(NULL, PS, "Boyce, Joseph G. (Author) Jennings, Dan W. (Author)",
            "joseph g. boyce; dan w. jennings");
    ck_norm(NULL, PS, "By (author) Ebert, David S. By (author) Musgrave, F. Kenton",
            "david s. ebert; f. kenton musgrave");
    ck_norm(NULL, PS, "Andrew Sloss, et al", "andrew sloss");
    ck_norm(NULL, PS, "Bowman, Doug A.; Kruijff, Ernst; etc.", "doug a. bowman; ernst kruijff");
    ck_norm(NULL, PS, "RAY KEMP, BRIAN D. HAHN (EDITOR)", "ray kemp; brian d. hahn");
    ck_norm(NULL, PS, "Ira Pohl, Al Kelley, Al Kelley", "ira pohl; al kelley");
    ck_norm(NULL, PS, "Banzhaf, Wolfgang/ Banzhaf, Wolfgang (EDT)/ Nordin, Peter",
            "wolfgang banzhaf; peter nordin");
    ck_norm(NULL, PS, "Plaszczak, Pawel; Jr., Richard Wellner", "pawel plaszczak; richard wellner");
    ck_norm(NULL, PS, "Arno Puder, Kay R&ouml;mer, Frank Pilhofer",
            "arno puder; kay romer; frank pilhofer");
    ck_norm(NULL, PS, "Bates, Regis \"Bud\"/ Gregory, Donald W.", "regis bates; donald w. gregory");
    ck_norm(NULL, PS, "Edited by John Smith", "john smith");
    ck_norm(NULL, PS, "ARMOUR, FRANK (ADJUNCT PROFESSOR, GEORGE MASON UNIVERSITY)", "frank armour");

    claims_error err;
    int none = 0;
    ck_assert_int_eq(parse_rc(PS, "Not Available", 13, &err, &none), CLAIMS_OK);
    ck_assert(none);
    ck_assert_int_eq(parse_rc(PS, "Anonymous", 9, &err, &none), CLAIMS_OK);
    ck_assert(none);
    static const char *const bad[] = {"", " ; / ", "0", "(Author)", "et al"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(parse_rc(PS, bad[i], strlen(bad[i]), &err, &none) == CLAIMS_ESYNTAX,
                      "%s accepted", bad[i]);
    /* a list longer than the limit is an error, not a silent cut */
    char big[4000] = "";
    for (int i = 0; i < 70; i++) {
        char one[40];
        snprintf(one, sizeof one, "%sPerson%c%c Name", i ? "; " : "", 'a' + i / 26, 'a' + i % 26);
        strcat(big, one);
    }
    ck_assert_int_eq(parse_rc(PS, big, strlen(big), &err, NULL), CLAIMS_ERANGE);
}
END_TEST

START_TEST(test_list_compare)
{
    ck_relation(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.",
                "Ronald L. Graham and Donald E. Knuth", EQ);
    ck_relation(NULL, PS, "Knuth, Donald E.", "Donald E. Knuth", EQ);
    ck_relation(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.", "Donald E. Knuth", COMPAT);
    ck_relation(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.", "Donald Knuth; Ronald Graham",
                COMPAT);
    ck_relation(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.", "Donald E. Knuth; Oren Patashnik",
                CONFLICT);
    ck_relation(NULL, PS, "Knuth, Donald E.", "Stroustrup, Bjarne", CONFLICT);
    claims_comparison c =
        compare_texts(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.; Patashnik, Oren",
                      "Donald E. Knuth; Ronald L. Graham");
    ck_assert_int_eq(c.relation, COMPAT);
    ck_assert_double_eq_tol(c.score, 2.0 / 3.0, 1e-12);
    c = compare_texts(NULL, PS, "Knuth, Donald E.; Graham, Ronald L.",
                      "Donald E. Knuth; Oren Patashnik");
    ck_assert_double_eq_tol(c.score, 0.5, 1e-12);
    c = compare_texts(NULL, PS, "Knuth, Donald E.", "Knuth, Donald E.");
    ck_assert_double_eq_tol(c.score, 1.0, 1e-12);
}
END_TEST

START_TEST(test_person_aliases)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, P, "Barack Obama", 12, "Barry Obama", 11, NULL),
                     CLAIMS_OK);
    ck_norm(ctx, P, "Mr. Barry Obama", "barack obama");
    ck_norm(ctx, PS, "Barry Obama; Joe Biden", "barack obama; joe biden");
    ck_norm(NULL, P, "Barry Obama", "barry obama");
    ck_relation(ctx, P, "Barry Obama", "President Barack Obama", EQ);
    claims_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("person");
    TCase *tc = tcase_create("person");
    tcase_add_test(tc, test_seed_cases);
    tcase_add_test(tc, test_canonical_forms);
    tcase_add_test(tc, test_titles);
    tcase_add_test(tc, test_transliteration);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_canonical_reads_back);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_person_aliases);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("persons");
    tcase_add_test(tl, test_list_forms);
    tcase_add_test(tl, test_list_noise);
    tcase_add_test(tl, test_list_compare);
    suite_add_tcase(s, tl);
    return run_suite(s);
}
