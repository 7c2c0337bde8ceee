/* bench-table.c: see bench-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-table.h"

typedef struct
{
  char  *label;
  double median, min, max;
  char  *ratio;
  char  *target;
  guint  n;
} Row;

struct _BenchTable
{
  char    *name;
  GString *text;
  GArray  *rows;
  GString *notes;
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.;
}

/* @values sorted in place; nearest rank. */
double
bench_percentile (double *values,
                  guint   n,
                  double  percent)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return percent == 50 ? values[n / 2] : values[MIN (n - 1, (guint) (percent / 100. * n))];
}

BenchTable *
bench_table_new (const char *name,
                 const char *title)
{
  BenchTable *table = g_new0 (BenchTable, 1);

  table->name = g_strdup (name);
  table->text = g_string_new (title);
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  table->notes = g_string_new (NULL);
  return table;
}

double
bench_table_add (BenchTable *table,
                 const char *label,
                 double     *values,
                 guint       n,
                 const char *baseline,
                 const char *target)
{
  Row row = { g_strdup (label), 0, 0, 0, NULL, g_strdup (target ? target : ""), n };

  if (n == 0)
    {
      bench_table_note (table, "%s: nothing measured", label);
      g_free (row.label);
      g_free (row.target);
      return 0;
    }
  row.median = bench_percentile (values, n, 50);
  row.min = values[0];
  row.max = values[n - 1];
  row.ratio = g_strdup ("");
  for (guint i = 0; baseline != NULL && i < table->rows->len; i++)
    {
      Row *base = &g_array_index (table->rows, Row, i);

      if (g_str_equal (base->label, baseline) && base->median > 0)
        {
          g_free (row.ratio);
          row.ratio = g_strdup_printf ("%.2f×", row.median / base->median);
        }
    }
  g_array_append_val (table->rows, row);
  return row.median;
}

void
bench_table_note (BenchTable *table,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (table->notes, format, args);
  g_string_append_c (table->notes, '\n');
  va_end (args);
}

static char *
machine (void)
{
  g_autofree char *cpuinfo = NULL;
  const char *model = "";
  g_auto(GStrv) lines = NULL;
  g_autofree char *kernel = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      lines = g_strsplit (cpuinfo, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (g_str_has_prefix (lines[i], "model name") && strchr (lines[i], ':'))
          {
            model = g_strstrip (strchr (lines[i], ':') + 1);
            break;
          }
    }
  g_file_get_contents ("/proc/sys/kernel/osrelease", &kernel, NULL, NULL);
  return g_strdup_printf ("%ld cores, %s, Linux %s", sysconf (_SC_NPROCESSORS_ONLN), model,
                          kernel ? g_strstrip (kernel) : "");
}

void
bench_table_write (BenchTable *table)
{
  g_autofree char *where = machine ();
  g_autofree char *dir = g_build_filename (g_getenv ("DOSSIER_BUILD_ROOT") ? g_getenv ("DOSSIER_BUILD_ROOT") : ".",
                                           "bench", NULL);
  g_autofree char *file = NULL;
  g_autofree char *name = g_strconcat (table->name, ".txt", NULL);
  guint width = 0;

  for (guint i = 0; i < table->rows->len; i++)
    width = MAX (width, g_utf8_strlen (g_array_index (table->rows, Row, i).label, -1));
  g_string_append_printf (table->text, "\nmachine: %s\n%-*s  %9s %9s %9s  %7s  runs  target\n",
                          where, width, "", "median", "min", "max", "ratio");
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      int pad = width - g_utf8_strlen (row->label, -1) + strlen (row->label);

      g_string_append_printf (table->text, "%-*s  %9.2f %9.2f %9.2f  %7s  %4u  %s\n",
                              pad, row->label, row->median, row->min, row->max, row->ratio, row->n, row->target);
    }
  g_string_append (table->text, table->notes->str);
  fputs (table->text->str, stdout);
  fflush (stdout);
  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_file_set_contents (file, table->text->str, -1, NULL);
}

/* The database benchlib.py's big_database() makes: made once, kept. */
char *
bench_big_database (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("DOSSIER_BUILD_ROOT") ? g_getenv ("DOSSIER_BUILD_ROOT") : ".",
                                           "bench", NULL);
  char *path = g_build_filename (dir, "big.db", NULL);

  g_mkdir_with_parents (dir, 0755);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { g_getenv ("DOSSIER_GENERATE"), path, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (argv[0] == NULL ||
          !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("generating %s: %s", path, error ? error->message : "DOSSIER_GENERATE is not set");
    }
  return path;
}

static gsize
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || !(line = strstr (status, key)))
    return 0;
  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

gsize
bench_peak_rss_kb (void)
{
  return status_kb ("VmHWM:");
}

gsize
bench_rss_kb (void)
{
  return status_kb ("VmRSS:");
}
