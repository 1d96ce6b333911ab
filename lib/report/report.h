/*
 * report/report.h - the renderings of a result, one file each, over the
 * writer (writer.h); report.c has the public entry points.
 *
 *   json.c   the JSON report (docs/report.md)
 *   text.c   plain text for terminals
 *   csv.c    one row per claim
 *   html.c   the HTML page
 */
#ifndef CLAIMS_REPORT_H
#define CLAIMS_REPORT_H

#include "report/writer.h"

/* Renders result in `format` (checked) into w, then flushes it; returns
 * w->failed. w->threads and w->compact say how. */
int claims__render(claims__writer *w, const claims_result *result, claims_render_format format);

void claims__render_json(claims__writer *w, const claims__view *r);
void claims__render_text(claims__writer *w, const claims__view *r);
void claims__render_csv(claims__writer *w, const claims__view *r);
void claims__render_html(claims__writer *w, const claims__view *r);

#endif /* CLAIMS_REPORT_H */
