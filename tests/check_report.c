/* check_report.c - the renderings streamed: claims_result_write() gives what
 * claims_result_render() gives for every format, thread count and chunk
 * size; compact JSON is the same document; a write callback that fails
 * stops the rendering cleanly; arguments are checked. */
#define _POSIX_C_SOURCE 200809L /* getpid, access */
#include "report/report.h"      /* the internal writer: tiny batches and windows */

#include "check_helpers.h"

#include <jansson.h>

#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

/* ---- inputs ------------------------------------------------------------------------- */

/* Texts that JSON, CSV and HTML must escape, short and long (the JSON
 * writer copies eight bytes at a time and reserves room in blocks). */
static const char *const AWKWARD[] = {
    "plain",
    "say \"hi\"",
    "back\\slash",
    "tab\there, line\nbreak, return\r, bell\a, escape\x1b, unit\x1f, del\x7f",
    "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10",
    "exactly8",
    "sixteen bytes!!!",
    "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 <b>&amp;</b> it's, \"so\"",
    "a long text of more than sixty-four bytes, so that it spans several blocks of the "
    "writer, with a quote \" near the end and a backslash \\ right after it",
    "seventy-two bytes of nothing to escape at all, just words and more words.....",
};
#define AWKWARD_COUNT (sizeof AWKWARD / sizeof AWKWARD[0])

/* Many events from many sources, with awkward texts: enough for many
 * batches and several windows of the parallel rendering. */
static claims_store *big_store(size_t sources, size_t events_per_source)
{
    claims_store *st;
    claims_error err;
    ck_assert_int_eq(claims_store_new(&st, &err), CLAIMS_OK);
    char id[64], label[256], value[256], ev[32];
    for (size_t s = 0; s < sources; s++) {
        snprintf(id, sizeof id, "source-%03zu", s);
        claims_source_desc sd = {CLAIMS_SOURCE_DESC_VERSION,
                                 S(id),
                                 S("Outlet \"Q\""),
                                 S("title"),
                                 S(""),
                                 S("2016-11-21"),
                                 S(""),
                                 S("en")};
        size_t si;
        ck_assert_int_eq(claims_store_add_source(st, &si, &sd, &err), CLAIMS_OK);
        for (size_t e = 0; e < events_per_source; e++) {
            /* two sources report each event: s and s ^ 1 */
            size_t event = (s / 2) * events_per_source + e;
            snprintf(ev, sizeof ev, "e%zu", e);
            snprintf(label, sizeof label, "Meeting %zu of %s", event,
                     AWKWARD[event % AWKWARD_COUNT]);
            claims_subject_desc sub = {CLAIMS_SUBJECT_DESC_VERSION, S(ev), S("event"), S(label)};
            ck_assert_int_eq(claims_store_add_subject(st, si, &sub, &err), CLAIMS_OK);
            static const char *const attrs[] = {"place",       "date",  "participant",
                                                "participant", "topic", "deaths"};
            for (size_t f = 0; f < sizeof attrs / sizeof attrs[0]; f++) {
                size_t n = event + (s & f);
                switch (f) {
                case 0: snprintf(value, sizeof value, "City %zu", n); break;
                case 1:
                    snprintf(value, sizeof value, "2016-%02zu-%02zu", n % 12 + 1, n % 28 + 1);
                    break;
                case 2: snprintf(value, sizeof value, "Person %zu", n); break;
                case 3: snprintf(value, sizeof value, "Other %zu", n); break;
                case 4:
                    snprintf(value, sizeof value, "%s", AWKWARD[(event + s) % AWKWARD_COUNT]);
                    break;
                default: snprintf(value, sizeof value, "%zu", n); break;
                }
                char cid[32];
                snprintf(cid, sizeof cid, "c%zu-%zu", e, f);
                claims_str chain[2] = {S("the \"ministry\""), S(AWKWARD[f % AWKWARD_COUNT])};
                claims_claim_desc cd = {CLAIMS_CLAIM_DESC_VERSION,
                                        S(cid),
                                        S(ev),
                                        S(attrs[f]),
                                        S(value),
                                        {NULL, 0},
                                        chain,
                                        f % 3,
                                        S(f == 4 ? AWKWARD[event % 9] : ""),
                                        -1,
                                        -1,
                                        f == 5 ? CLAIMS_NEGATED : CLAIMS_AFFIRMED,
                                        (claims_certainty)(f % 4)};
                ck_assert_int_eq(claims_store_add_claim(st, NULL, si, &cd, &err), CLAIMS_OK);
            }
        }
    }
    return st;
}

static claims_result *reconcile(const claims_store *st)
{
    claims_result *r;
    claims_error err;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, NULL, &err), CLAIMS_OK);
    return r;
}

/* ---- a collecting write callback ------------------------------------------------------- */

typedef struct sink {
    char *data;
    size_t len, cap;
    size_t calls, chunk_max; /* pieces received, the largest allowed */
    size_t fail_at;          /* the call (1-based) that fails; 0: none */
    atomic_int inside;       /* calls in progress: never more than one */
    bool overlapped, bad_length, no_memory;
} sink;

/* Checks nothing itself (a Check assertion per piece costs a system call):
 * sink_ok() does, after the rendering. */
static int collect(void *payload, const char *data, size_t len)
{
    sink *s = payload;
    if (atomic_fetch_add(&s->inside, 1) != 0)
        s->overlapped = true;
    s->calls++;
    s->bad_length |= len == 0 || (s->chunk_max && len > s->chunk_max);
    int rc = 0;
    if (s->fail_at && s->calls == s->fail_at) {
        rc = 42;
    } else {
        if (s->len + len > s->cap) {
            s->cap = (s->len + len) * 2;
            char *p = realloc(s->data, s->cap);
            s->no_memory |= !p;
            if (p)
                s->data = p;
        }
        if (!s->no_memory) {
            memcpy(s->data + s->len, data, len);
            s->len += len;
        }
    }
    atomic_fetch_sub(&s->inside, 1);
    return rc;
}

static void sink_ok(const sink *s)
{
    ck_assert(!s->overlapped);
    ck_assert(!s->bad_length);
    ck_assert(!s->no_memory);
}

static void sink_free(sink *s) { free(s->data); }

/* Streams a rendering into a new sink; asserts success. */
static sink stream(const claims_result *r, claims_render_format f, unsigned flags, unsigned threads,
                   size_t chunk)
{
    sink s = {0};
    s.chunk_max = chunk ? chunk : 65536;
    claims_render_options o;
    ck_assert_int_eq(claims_render_options_init(&o, CLAIMS_RENDER_OPTIONS_VERSION), CLAIMS_OK);
    o.flags = flags;
    o.threads = threads;
    o.chunk_size = chunk;
    claims_error err;
    int rc = claims_result_write(r, f, &o, collect, &s, &err);
    ck_assert_msg(rc == CLAIMS_OK, "write: %s", err.text);
    sink_ok(&s);
    return s;
}

static char *render(const claims_result *r, claims_render_format f, size_t *len)
{
    char *out;
    claims_error err;
    ck_assert_int_eq(claims_result_render(&out, len, r, f, &err), CLAIMS_OK);
    ck_assert_uint_eq(strlen(out), *len);
    return out;
}

static const claims_render_format FORMATS[] = {CLAIMS_RENDER_JSON, CLAIMS_RENDER_TEXT,
                                               CLAIMS_RENDER_HTML, CLAIMS_RENDER_CSV};

/* Every format, both JSON styles, 1 to 3 threads and several chunk sizes
 * give the bytes of claims_result_render() (or of the first compact one). */
static void check_same_bytes(const claims_result *r, const size_t *chunks, size_t nchunks)
{
    for (size_t f = 0; f < 4; f++) {
        size_t len;
        char *ref = render(r, FORMATS[f], &len);
        sink compact_ref = stream(r, FORMATS[f], CLAIMS_RENDER_COMPACT, 1, 0);
        if (FORMATS[f] != CLAIMS_RENDER_JSON) { /* the flag is JSON's alone */
            ck_assert_uint_eq(compact_ref.len, len);
            ck_assert(!memcmp(compact_ref.data, ref, len));
        }
        for (unsigned threads = 1; threads <= 3; threads++)
            for (size_t c = 0; c < nchunks; c++) {
                sink s = stream(r, FORMATS[f], 0, threads, chunks[c]);
                ck_assert_msg(s.len == len && !memcmp(s.data, ref, len),
                              "format %zu, %u threads, chunk %zu: %zu bytes, not %zu", f, threads,
                              chunks[c], s.len, len);
                if (chunks[c])
                    ck_assert_uint_ge(s.calls, (len + chunks[c] - 1) / chunks[c]);
                sink_free(&s);
                s = stream(r, FORMATS[f], CLAIMS_RENDER_COMPACT, threads, chunks[c]);
                ck_assert(s.len == compact_ref.len && !memcmp(s.data, compact_ref.data, s.len));
                sink_free(&s);
            }
        sink_free(&compact_ref);
        claims_free(ref);
    }
}

/* The compact JSON is the indented JSON, on one line. */
static void check_compact(const claims_result *r)
{
    size_t len;
    char *indented = render(r, CLAIMS_RENDER_JSON, &len);
    sink compact = stream(r, CLAIMS_RENDER_JSON, CLAIMS_RENDER_COMPACT, 0, 0);
    ck_assert_uint_lt(compact.len, len);
    ck_assert_ptr_null(memchr(compact.data, '\n', compact.len - 1));
    ck_assert_int_eq(compact.data[compact.len - 1], '\n');
    json_error_t je;
    json_t *a = json_loadb(indented, len, JSON_REJECT_DUPLICATES, &je);
    ck_assert_msg(a != NULL, "indented: %s at %d:%d", je.text, je.line, je.column);
    json_t *b = json_loadb(compact.data, compact.len, JSON_REJECT_DUPLICATES, &je);
    ck_assert_msg(b != NULL, "compact: %s at %d:%d", je.text, je.line, je.column);
    ck_assert(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    sink_free(&compact);
    claims_free(indented);
}

/* ---- tests ---------------------------------------------------------------------------- */

START_TEST(test_seed_stream_equals_render)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(st);
    static const size_t chunks[] = {0, 1, 7, 4096};
    check_same_bytes(r, chunks, sizeof chunks / sizeof chunks[0]);
    check_compact(r);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_many_batches_same_bytes)
{
    claims_store *st = big_store(40, 60); /* 2400 mentions, 14400 claims */
    claims_result *r = reconcile(st);
    static const size_t chunks[] = {0, 777};
    check_same_bytes(r, chunks, sizeof chunks / sizeof chunks[0]);
    check_compact(r);
    /* the awkward texts come back intact through the JSON */
    size_t len;
    char *json = render(r, CLAIMS_RENDER_JSON, &len);
    json_t *doc = json_loadb(json, len, 0, NULL);
    ck_assert_ptr_nonnull(doc);
    bool seen[AWKWARD_COUNT] = {false};
    json_t *ev, *at, *val;
    size_t i, j, k;
    json_array_foreach(json_object_get(doc, "events"), i, ev)
        json_array_foreach(json_object_get(ev, "attributes"), j, at)
            json_array_foreach(json_object_get(at, "values"), k, val)
    {
        const char *text = json_string_value(json_object_get(val, "text"));
        for (size_t a = 0; a < AWKWARD_COUNT; a++)
            seen[a] |= !strcmp(text, AWKWARD[a]);
    }
    for (size_t a = 0; a < AWKWARD_COUNT; a++)
        ck_assert_msg(seen[a], "text %zu lost", a);
    json_decref(doc);
    claims_free(json);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* A callback failing at its first, a middle and its last piece: the
 * rendering stops there with CLAIMS_EIO, and nothing leaks. */
START_TEST(test_failing_write)
{
    claims_store *st = big_store(20, 40);
    claims_result *r = reconcile(st);
    for (size_t f = 0; f < 4; f++)
        for (unsigned threads = 1; threads <= 2; threads++) {
            sink all = stream(r, FORMATS[f], 0, threads, 4096);
            size_t pieces = all.calls;
            ck_assert_uint_ge(pieces, 3);
            size_t at[] = {1, pieces / 2, pieces};
            for (size_t k = 0; k < 3; k++) {
                sink s = {0};
                s.fail_at = at[k];
                claims_render_options o = CLAIMS_RENDER_OPTIONS_INIT;
                o.threads = threads;
                o.chunk_size = 4096;
                claims_error err;
                ck_assert_int_eq(claims_result_write(r, FORMATS[f], &o, collect, &s, &err),
                                 CLAIMS_EIO);
                ck_assert_int_eq(err.code, CLAIMS_EIO);
                ck_assert_ptr_nonnull(strstr(err.text, "returned 42"));
                char after[64];
                snprintf(after, sizeof after, "after %zu bytes", s.len);
                ck_assert_msg(strstr(err.text, after) != NULL, "%s", err.text);
                ck_assert_uint_eq(s.calls, at[k]); /* nothing after the failure */
                sink_ok(&s);
                ck_assert(!memcmp(s.data ? s.data : "", all.data, s.len));
                sink_free(&s);
            }
            sink_free(&all);
        }
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_write_file)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(st);
    /* in the test's working directory (CTest runs it in the build tree) */
    char path[64];
    snprintf(path, sizeof path, "check_report_%ld.out", (long)getpid());
    for (size_t f = 0; f < 4; f++) {
        size_t len;
        char *ref = render(r, FORMATS[f], &len);
        claims_error err;
        ck_assert_int_eq(claims_result_write_file(r, FORMATS[f], NULL, path, strlen(path), &err),
                         CLAIMS_OK);
        FILE *in = fopen(path, "rb");
        ck_assert_ptr_nonnull(in);
        char *back = malloc(len + 2);
        ck_assert_uint_eq(fread(back, 1, len + 2, in), len); /* truncated, not appended */
        fclose(in);
        ck_assert(!memcmp(back, ref, len));
        free(back);
        claims_free(ref);
    }
    remove(path);
    claims_error err;
    const char *bad = "/nonexistent-folder/report.json";
    ck_assert_int_eq(claims_result_write_file(r, CLAIMS_RENDER_JSON, NULL, bad, strlen(bad), &err),
                     CLAIMS_EIO);
    ck_assert_str_eq(err.source, bad);
    ck_assert_ptr_nonnull(strstr(err.text, "cannot open"));
    if (access("/dev/full", W_OK) == 0) {
        const char *full = "/dev/full";
        ck_assert_int_eq(
            claims_result_write_file(r, CLAIMS_RENDER_JSON, NULL, full, strlen(full), &err),
            CLAIMS_EIO);
        ck_assert_str_eq(err.source, full);
        ck_assert_ptr_nonnull(strstr(err.text, "cannot write"));
    }
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

static int never(void *payload, const char *data, size_t len)
{
    (void)payload;
    (void)data;
    (void)len;
    ck_abort_msg("write called after an argument error");
    return 0;
}

START_TEST(test_arguments)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(st);
    claims_error err;
    claims_render_options o;
    ck_assert_int_eq(claims_render_options_init(NULL, CLAIMS_RENDER_OPTIONS_VERSION),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_render_options_init(&o, 0), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_render_options_init(&o, CLAIMS_RENDER_OPTIONS_VERSION + 1),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_render_options_init(&o, CLAIMS_RENDER_OPTIONS_VERSION), CLAIMS_OK);
    claims_render_options def = CLAIMS_RENDER_OPTIONS_INIT;
    ck_assert_int_eq(o.version, CLAIMS_RENDER_OPTIONS_VERSION);
    ck_assert_uint_eq(o.flags, def.flags);
    ck_assert_uint_eq(o.threads, def.threads);
    ck_assert_uint_eq(o.chunk_size, def.chunk_size);
    ck_assert_uint_eq(def.flags + def.threads + def.chunk_size, 0);
    /* NULL result, NULL callback */
    ck_assert_int_eq(claims_result_write(NULL, CLAIMS_RENDER_JSON, NULL, never, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(err.code, CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write(r, CLAIMS_RENDER_JSON, NULL, NULL, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write(r, CLAIMS_RENDER_JSON, NULL, NULL, NULL, NULL),
                     CLAIMS_EINVAL);
    /* unknown format, flags, version */
    ck_assert_int_eq(claims_result_write(r, (claims_render_format)7, NULL, never, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write(r, (claims_render_format)-1, NULL, never, NULL, &err),
                     CLAIMS_EINVAL);
    o.flags = 1u << 5;
    ck_assert_int_eq(claims_result_write(r, CLAIMS_RENDER_JSON, &o, never, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "flags"));
    ck_assert_ptr_nonnull(strstr(err.text, "0x20")); /* the unknown bits */
    o.flags = 0;
    o.version = 99;
    ck_assert_int_eq(claims_result_write(r, CLAIMS_RENDER_JSON, &o, never, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "version"));
    /* the file variant */
    ck_assert_int_eq(claims_result_write_file(NULL, CLAIMS_RENDER_JSON, NULL, "x", 1, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write_file(r, CLAIMS_RENDER_JSON, NULL, NULL, 3, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write_file(r, CLAIMS_RENDER_JSON, NULL, "x", 0, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write_file(r, CLAIMS_RENDER_JSON, NULL, "a\0b", 3, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_write_file(r, CLAIMS_RENDER_JSON, &o, "x", 1, &err),
                     CLAIMS_EINVAL);
    /* and the in-memory one */
    char *out = (char *)&o;
    ck_assert_int_eq(claims_result_render(&out, NULL, NULL, CLAIMS_RENDER_JSON, &err),
                     CLAIMS_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(claims_result_render(NULL, NULL, r, CLAIMS_RENDER_JSON, &err), CLAIMS_EINVAL);
    /* a successful call leaves err at CLAIMS_OK */
    sink s = {0};
    ck_assert_int_eq(claims_result_write(r, CLAIMS_RENDER_TEXT, NULL, collect, &s, &err),
                     CLAIMS_OK);
    ck_assert_int_eq(err.code, CLAIMS_OK);
    sink_free(&s);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* Renders through the internal writer with batches of `weight` and windows
 * of `window` batches, so that a small result spans many windows. */
static int stream_windows(const claims_result *r, claims_render_format f, bool compact,
                          unsigned threads, size_t weight, size_t window, size_t chunk, sink *s)
{
    claims__writer w;
    claims__w_init(&w, chunk, collect, s, chunk);
    w.threads = threads;
    w.batch_weight = weight;
    w.window = window;
    w.compact = compact;
    int rc = claims__render(&w, r, f);
    claims__w_free(&w);
    return rc;
}

START_TEST(test_many_windows)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(st);
    for (size_t f = 0; f < 4; f++)
        for (int compact = 0; compact <= 1; compact++) {
            sink ref = stream(r, FORMATS[f], compact ? CLAIMS_RENDER_COMPACT : 0, 1, 0);
            for (unsigned threads = 2; threads <= 3; threads++)
                for (size_t weight = 1; weight <= 40; weight *= 5)
                    for (size_t window = 1; window <= 3; window++) {
                        sink s = {0};
                        s.chunk_max = 100;
                        ck_assert_int_eq(stream_windows(r, FORMATS[f], compact, threads, weight,
                                                        window, 100, &s),
                                         0);
                        sink_ok(&s);
                        ck_assert_msg(s.len == ref.len && !memcmp(s.data, ref.data, s.len),
                                      "format %zu%s, %u threads, batches of %zu, windows of "
                                      "%zu: %zu bytes, not %zu",
                                      f, compact ? " compact" : "", threads, weight, window, s.len,
                                      ref.len);
                        sink_free(&s);
                    }
            /* a failure while a later window is rendered stops everything */
            size_t pieces = (ref.len + 99) / 100;
            for (size_t at = 1; at <= pieces; at += pieces / 7 + 1) {
                sink s = {0};
                s.fail_at = at;
                ck_assert_int_eq(stream_windows(r, FORMATS[f], compact, 2, 1, 2, 100, &s),
                                 CLAIMS_EIO);
                sink_ok(&s);
                ck_assert_uint_eq(s.calls, at);
                ck_assert(!memcmp(s.data ? s.data : "", ref.data, s.len));
                sink_free(&s);
            }
            sink_free(&ref);
        }
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* A result with nothing in it still renders every format. */
START_TEST(test_empty_result)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    claims_result *r = reconcile(st);
    for (size_t f = 0; f < 4; f++) {
        size_t len;
        char *ref = render(r, FORMATS[f], &len);
        for (unsigned threads = 1; threads <= 2; threads++) {
            sink s = stream(r, FORMATS[f], 0, threads, 0);
            ck_assert(s.len == len && !memcmp(s.data, ref, len));
            sink_free(&s);
        }
        claims_free(ref);
    }
    check_compact(r);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("streaming");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_seed_stream_equals_render);
    tcase_add_test(tc, test_many_batches_same_bytes);
    tcase_add_test(tc, test_many_windows);
    tcase_add_test(tc, test_failing_write);
    tcase_add_test(tc, test_write_file);
    tcase_add_test(tc, test_arguments);
    tcase_add_test(tc, test_empty_result);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
