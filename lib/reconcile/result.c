/* result.c - pull cursors over a reconciliation result: resolved subjects,
 * their attributes, value clusters, the claims of a cluster, and dependent
 * sources. Rows borrow from the result (and the store). */
#include "reconcile/stage.h"

#include <stdlib.h>

const claims__view *claims__result_view(const claims_result *r)
{
    return r ? &r->view : NULL;
}

static int result_cursor(claims_cursor **out, const claims_result *r,
                         claims__cursor_kind kind, size_t begin, size_t end)
{
    if (!out || !r)
        return CLAIMS_EINVAL;
    return claims__cursor_new_rows(out, r->store, r, kind, begin, end);
}

int claims_result_events(claims_cursor **out, const claims_result *result)
{
    return result_cursor(out, result, CLAIMS__CURSOR_EVENTS, 0,
                         result ? result->subject_count : 0);
}

int claims_result_attributes(claims_cursor **out, const claims_result *result,
                             size_t event)
{
    if (result && event >= result->subject_count)
        return CLAIMS_ENOTFOUND;
    const claims__rsubject *s = result ? &result->subjects[event] : NULL;
    return result_cursor(out, result, CLAIMS__CURSOR_ATTRIBUTES,
                         s ? s->attr_start : 0, s ? s->attr_start + s->attr_count : 0);
}

/* The attribute entry `attribute` of `event`, or NULL. */
static const claims__rattr *attr_at(const claims_result *r, size_t event,
                                    size_t attribute)
{
    if (!r || event >= r->subject_count ||
        attribute >= r->subjects[event].attr_count)
        return NULL;
    return &r->attrs[r->subjects[event].attr_start + attribute];
}

int claims_result_values(claims_cursor **out, const claims_result *result,
                         size_t event, size_t attribute)
{
    if (!out || !result)
        return CLAIMS_EINVAL;
    const claims__rattr *a = attr_at(result, event, attribute);
    if (!a)
        return CLAIMS_ENOTFOUND;
    return result_cursor(out, result, CLAIMS__CURSOR_VALUES, a->value_start,
                         a->value_start + a->value_count);
}

int claims_result_claims(claims_cursor **out, const claims_result *result,
                         size_t event, size_t attribute, size_t value)
{
    if (!out || !result)
        return CLAIMS_EINVAL;
    const claims__rattr *a = attr_at(result, event, attribute);
    if (!a || value >= a->value_count)
        return CLAIMS_ENOTFOUND;
    const claims__rvalue *v = &result->values[a->value_start + value];
    return claims__cursor_new_list(out, result->store, result,
                                   result->claim_list + v->claim_start, v->claim_count);
}

int claims_result_dependencies(claims_cursor **out, const claims_result *result)
{
    return result_cursor(out, result, CLAIMS__CURSOR_DEPENDENCIES, 0,
                         result ? result->dep_count : 0);
}

/* Shared head of every next: checks the kind, returns the row index, the
 * result and the first row of the cursor. */
static int advance(claims_cursor *c, claims__cursor_kind kind, size_t *row,
                   const claims_result **r, size_t *begin)
{
    const void *owner = NULL;
    int rc = claims__cursor_advance(c, kind, &owner, row, begin);
    *r = owner;
    return rc == CLAIMS_OK && !owner ? CLAIMS_EINVAL : rc;
}

int claims_cursor_next_event(claims_event_info *out, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    int rc = out ? advance(cursor, CLAIMS__CURSOR_EVENTS, &i, &r, &begin) : CLAIMS_EINVAL;
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rsubject *s = &r->subjects[i];
    out->index = i;
    out->id = s->id;
    out->label = s->label;
    out->type = s->type;
    out->mention_count = s->mention_count;
    out->source_count = s->source_count;
    out->sources = s->sources;
    out->attribute_count = s->attr_count;
    out->explanation = s->explanation;
    return CLAIMS_OK;
}

int claims_cursor_next_attribute(claims_attribute_info *out, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    int rc = out ? advance(cursor, CLAIMS__CURSOR_ATTRIBUTES, &i, &r, &begin) : CLAIMS_EINVAL;
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rattr *a = &r->attrs[i];
    /* numbered within the subject, as claims_result_values() expects */
    out->index = i - begin;
    out->attribute = a->name;
    out->type = a->type;
    out->known = a->known;
    out->cardinality = a->cardinality;
    out->agreement = a->agreement;
    out->value_count = a->value_count;
    out->source_count = a->source_count;
    out->uncertain_count = a->uncertain_count;
    out->reason = a->reason;
    return CLAIMS_OK;
}

int claims_cursor_next_value(claims_value_info *out, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    int rc = out ? advance(cursor, CLAIMS__CURSOR_VALUES, &i, &r, &begin) : CLAIMS_EINVAL;
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rvalue *v = &r->values[i];
    out->index = i - begin;
    out->normalized = v->normalized;
    out->text = v->text;
    out->polarity = v->polarity;
    out->uncertain = v->uncertain;
    out->hedged = v->hedged;
    out->preferred = v->preferred;
    out->claim_count = v->claim_count;
    out->source_count = v->source_count;
    out->sources = v->sources;
    out->origin_count = v->origin_count;
    out->origins = v->origins;
    return CLAIMS_OK;
}

int claims_cursor_next_dependency(claims_dependency_info *out, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    int rc = out ? advance(cursor, CLAIMS__CURSOR_DEPENDENCIES, &i, &r, &begin) : CLAIMS_EINVAL;
    if (rc != CLAIMS_OK)
        return rc;
    const claims__dependency *d = &r->deps[i];
    out->index = i;
    out->source_a = d->a;
    out->source_b = d->b;
    out->passage_count = d->passage_count;
    out->passages = d->passages;
    return CLAIMS_OK;
}
