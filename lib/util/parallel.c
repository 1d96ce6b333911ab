/* parallel.c - a parallel for over independent tasks.
 *
 * The stages that cost most at scale (parsing documents, rendering events)
 * split into tasks that share nothing while they run; each writes only its
 * own slot, and the caller combines the slots in task order afterwards, so
 * the result never depends on which thread ran what. Threads are started
 * per call and joined before it returns: the library keeps no pool and no
 * global state. */
#if defined(__linux__)
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <sched.h>
#else
#define _POSIX_C_SOURCE 200809L /* sysconf */
#endif
#include "util/util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define MAX_THREADS 16

typedef struct parallel_run {
    claims__task_fn fn;
    void *arg;
    size_t n;
    atomic_size_t next; /* the next task to hand out */
    atomic_int failed;  /* first nonzero return, 0 while none */
} parallel_run;

/* Takes tasks until none are left or one has failed. */
static void *worker(void *p)
{
    parallel_run *run = p;
    for (;;) {
        if (atomic_load(&run->failed))
            break;
        size_t i = atomic_fetch_add(&run->next, 1);
        if (i >= run->n)
            break;
        int rc = run->fn(run->arg, i);
        if (rc != 0) {
            int none = 0;
            atomic_compare_exchange_strong(&run->failed, &none, rc);
        }
    }
    return NULL;
}

unsigned claims__cpu_count(void)
{
    long n;
#if defined(__linux__)
    /* The CPUs this process may run on (taskset, cgroup cpusets), which can
     * be fewer than the machine has online. */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    else
        n = sysconf(_SC_NPROCESSORS_ONLN);
#else
    n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    if (n < 1)
        return 1;
    return n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

unsigned claims__thread_count(unsigned requested)
{
    if (requested == 0)
        return claims__cpu_count();
    return requested > MAX_THREADS ? MAX_THREADS : requested;
}

int claims__parallel(size_t n, unsigned threads, claims__task_fn fn, void *arg)
{
    parallel_run run = {.fn = fn, .arg = arg, .n = n};
    atomic_init(&run.next, 0);
    atomic_init(&run.failed, 0);
    if (threads == 0)
        threads = claims__cpu_count();
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    if ((size_t)threads > n)
        threads = (unsigned)(n ? n : 1);
    pthread_t tid[MAX_THREADS];
    unsigned started = 0;
    /* The caller's thread works too; when a thread cannot be started the
     * ones that did (or the caller alone) take its share. */
    while (started + 1 < threads && pthread_create(&tid[started], NULL, worker, &run) == 0)
        started++;
    worker(&run);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    return atomic_load(&run.failed);
}
