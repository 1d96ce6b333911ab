/* check_parallel.c - the internal parallel for. */
#include "util/util.h"

#include <check.h>

#include "check_helpers.h"
#include <stdatomic.h>

typedef struct tasks {
    size_t *slots;  /* each task writes only its own slot */
    size_t fail_at; /* the task that fails, or SIZE_MAX */
    atomic_size_t ran;
} tasks;

static int square(void *arg, size_t i)
{
    tasks *t = arg;
    atomic_fetch_add(&t->ran, 1);
    if (i == t->fail_at)
        return -7;
    t->slots[i] = i * i + 1;
    return 0;
}

START_TEST(test_every_task_runs_once)
{
    enum { N = 10000 };
    static size_t slots[N];
    tasks t = {.slots = slots, .fail_at = SIZE_MAX};
    atomic_init(&t.ran, 0);
    for (unsigned threads = 0; threads <= 4; threads++) {
        memset(slots, 0, sizeof slots);
        atomic_store(&t.ran, 0);
        ck_assert_int_eq(claims__parallel(N, threads, square, &t), 0);
        ck_assert_uint_eq(atomic_load(&t.ran), N);
        for (size_t i = 0; i < N; i++)
            ck_assert_uint_eq(slots[i], i * i + 1);
    }
}
END_TEST

START_TEST(test_no_tasks)
{
    tasks t = {.slots = NULL, .fail_at = SIZE_MAX};
    atomic_init(&t.ran, 0);
    ck_assert_int_eq(claims__parallel(0, 0, square, &t), 0);
    ck_assert_uint_eq(atomic_load(&t.ran), 0);
}
END_TEST

START_TEST(test_failure_is_returned_and_stops)
{
    enum { N = 100000 };
    static size_t slots[N];
    tasks t = {.slots = slots, .fail_at = 3};
    atomic_init(&t.ran, 0);
    ck_assert_int_eq(claims__parallel(N, 2, square, &t), -7);
    /* tasks already taken finish, no new ones start after the failure */
    ck_assert_uint_lt(atomic_load(&t.ran), N);
    ck_assert_uint_ge(claims__cpu_count(), 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("parallel");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_every_task_runs_once);
    tcase_add_test(tc, test_no_tasks);
    tcase_add_test(tc, test_failure_is_returned_and_stops);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }
