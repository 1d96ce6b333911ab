/* result.c - pull cursors over a reconciliation result: resolved subjects,
 * their attributes, value clusters, the claims of a cluster, and dependent
 * sources. Each row is filled in the cursor's own storage and handed out by
 * pointer; its strings borrow from the result (and the store). */
#include "reconcile/stage.h"

#include <stdlib.h>

const claims__view *claims__result_view(const claims_result *r) { return r ? &r->view : NULL; }

static int result_cursor(claims_cursor **out, const claims_result *r, claims__cursor_kind kind,
                         size_t begin, size_t end)
{
    if (!out || !r)
        return CLAIMS_EINVAL;
    return claims__cursor_new_rows(out, r->store, r, kind, begin, end);
}

int claims_result_subjects(claims_cursor **out, const claims_result *result)
{
    return result_cursor(out, result, CLAIMS__CURSOR_RESULT_SUBJECTS, 0,
                         result ? result->subject_count : 0);
}

int claims_result_attributes(claims_cursor **out, const claims_result *result, size_t subject)
{
    if (result && subject >= result->subject_count)
        return CLAIMS_ENOTFOUND;
    const claims__rsubject *s = result ? &result->subjects[subject] : NULL;
    return result_cursor(out, result, CLAIMS__CURSOR_ATTRIBUTES, s ? s->attr_start : 0,
                         s ? s->attr_start + s->attr_count : 0);
}

/* The attribute entry `attribute` of `subject`, or NULL. */
static const claims__rattr *attr_at(const claims_result *r, size_t subject, size_t attribute)
{
    if (!r || subject >= r->subject_count || attribute >= r->subjects[subject].attr_count)
        return NULL;
    return &r->attrs[r->subjects[subject].attr_start + attribute];
}

int claims_result_values(claims_cursor **out, const claims_result *result, size_t subject,
                         size_t attribute)
{
    if (!out || !result)
        return CLAIMS_EINVAL;
    const claims__rattr *a = attr_at(result, subject, attribute);
    if (!a)
        return CLAIMS_ENOTFOUND;
    return result_cursor(out, result, CLAIMS__CURSOR_VALUES, a->value_start,
                         a->value_start + a->value_count);
}

int claims_result_claims(claims_cursor **out, const claims_result *result, size_t subject,
                         size_t attribute, size_t value)
{
    if (!out || !result)
        return CLAIMS_EINVAL;
    const claims__rattr *a = attr_at(result, subject, attribute);
    if (!a || value >= a->value_count)
        return CLAIMS_ENOTFOUND;
    const claims__rvalue *v = &result->values[a->value_start + value];
    return claims__cursor_new_list(out, result->store, result, result->claim_list + v->claim_start,
                                   v->claim_count);
}

int claims_result_dependencies(claims_cursor **out, const claims_result *result)
{
    return result_cursor(out, result, CLAIMS__CURSOR_DEPENDENCIES, 0,
                         result ? result->dep_count : 0);
}

/* Shared head of every next: checks out and the kind; returns the row index,
 * the result, the first row of the cursor and the cursor's row to fill. */
static int advance(const void *out, claims_cursor *c, claims__cursor_kind kind, size_t *row,
                   const claims_result **r, size_t *begin, claims__cursor_row **slot)
{
    if (!out)
        return CLAIMS_EINVAL;
    const void *owner = NULL;
    int rc = claims__cursor_advance(c, kind, &owner, row, begin, slot);
    *r = owner;
    return rc == CLAIMS_OK && !owner ? CLAIMS_EINVAL : rc;
}

int claims_cursor_next_result_subject(const claims_result_subject_info **row, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    claims__cursor_row *slot;
    if (row)
        *row = NULL;
    int rc = advance(row, cursor, CLAIMS__CURSOR_RESULT_SUBJECTS, &i, &r, &begin, &slot);
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rsubject *s = &r->subjects[i];
    claims_result_subject_info *out = &slot->result_subject;
    out->index = i;
    out->id = s->id;
    out->label = s->label;
    out->type = s->type;
    out->mention_count = s->mention_count;
    out->source_count = s->source_count;
    out->sources = s->sources;
    out->attribute_count = s->attr_count;
    out->explanation = s->explanation;
    *row = out;
    return CLAIMS_OK;
}

int claims_cursor_next_attribute(const claims_attribute_info **row, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    claims__cursor_row *slot;
    if (row)
        *row = NULL;
    int rc = advance(row, cursor, CLAIMS__CURSOR_ATTRIBUTES, &i, &r, &begin, &slot);
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rattr *a = &r->attrs[i];
    claims_attribute_info *out = &slot->attribute;
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
    *row = out;
    return CLAIMS_OK;
}

int claims_cursor_next_value(const claims_value_info **row, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    claims__cursor_row *slot;
    if (row)
        *row = NULL;
    int rc = advance(row, cursor, CLAIMS__CURSOR_VALUES, &i, &r, &begin, &slot);
    if (rc != CLAIMS_OK)
        return rc;
    const claims__rvalue *v = &r->values[i];
    claims_value_info *out = &slot->value;
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
    out->certainty = v->certainty;
    out->side = v->side;
    out->side_origin_count = v->side_origin_count;
    out->superseded = v->superseded;
    out->current = v->current;
    out->published_first = v->published_first;
    out->published_last = v->published_last;
    *row = out;
    return CLAIMS_OK;
}

int claims_cursor_next_dependency(const claims_dependency_info **row, claims_cursor *cursor)
{
    size_t i, begin;
    const claims_result *r;
    claims__cursor_row *slot;
    if (row)
        *row = NULL;
    int rc = advance(row, cursor, CLAIMS__CURSOR_DEPENDENCIES, &i, &r, &begin, &slot);
    if (rc != CLAIMS_OK)
        return rc;
    const claims__dependency *d = &r->deps[i];
    claims_dependency_info *out = &slot->dependency;
    out->index = i;
    out->source_a = d->a;
    out->source_b = d->b;
    out->passage_count = d->passage_count;
    out->passages = d->passages;
    *row = out;
    return CLAIMS_OK;
}
