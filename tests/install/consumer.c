/* consumer.c - built against an installed libclaims (find_package and
 * pkg-config); loads one document from memory and checks the version. */
#include <claims.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    static const char doc[] =
        "{\"source\": {\"id\": \"s\"}, \"subjects\": [{\"id\": \"e\", \"type\": \"event\"}],"
        " \"claims\": [{\"subject\": \"e\", \"attribute\": \"duration\", \"value\": \"four minutes\"}]}";
    if (claims_version_number() != CLAIMS_VERSION_NUMBER) {
        fprintf(stderr, "header %s, library %s\n", CLAIMS_VERSION_STRING, claims_version_string());
        return 1;
    }
    claims_store *st;
    claims_error err;
    claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT; /* version set: the library fills it */
    if (claims_store_new(&st, &err) != CLAIMS_OK)
        return 1;
    claims_str name = {"doc", 3};
    int rc = claims_store_load_buffer(st, doc, sizeof doc - 1, name, NULL, &sum, &err);
    printf("consumer: rc=%d claims loaded=%zu\n", rc, sum.claims_loaded);
    claims_store_free(st);
    return rc == CLAIMS_OK && sum.claims_loaded == 1 ? 0 : 1;
}
