/* bench-table.h: what the C benchmarks share with benchlib.py: a table of
 * medians (min, max, a ratio to a baseline row, the target) printed and
 * written to build/bench/NAME.txt, and the generated database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchTable BenchTable;

BenchTable *bench_table_new      (const char *name,
                                  const char *title);
double      bench_table_add      (BenchTable *table,
                                  const char *label,
                                  double     *values,
                                  guint       n,
                                  const char *baseline,
                                  const char *target);
void        bench_table_note     (BenchTable *table,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (2, 3);
void        bench_table_write    (BenchTable *table);
double      bench_percentile     (double     *values,
                                  guint       n,
                                  double      percent);
double      bench_now_ms         (void);
char       *bench_big_database   (void);
gsize       bench_peak_rss_kb    (void);
gsize       bench_rss_kb         (void);

G_END_DECLS
