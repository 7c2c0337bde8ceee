/* dossier-store-series.c
 *
 * A market series typed by the user: its firm, its market, whether its
 * periods are quarters or years, the source of its figures, the figures
 * themselves one a line ("2024-Q1 Amazon Web Services 31"), and its
 * breaks in method ("2024-Q2 Microsoft: Synergy restated…"). Each line is
 * checked, and a bad one named by its number, before anything is written;
 * the series is then written in one transaction, with undo. A figure not
 * given is unknown, never zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-fields.h"
#include "dossier-history.h"
#include "dossier-period.h"
#include "dossier-store-private.h"

typedef struct
{
  char   *period;
  gint64  organization_id;   /* 0: the whole series (a break only) */
  double  percent;
  char   *note;              /* a break's */
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->period);
  g_free (line->note);
}

/* An organization by its name or short name, in any case. */
static gint64
find_organization (DossierStore *self,
                   const char   *name)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db,
    "SELECT id FROM node WHERE kind = 'organization' AND (name = ?1 COLLATE NOCASE OR "
    "  (short_name <> '' AND short_name = ?1 COLLATE NOCASE)) ORDER BY id LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL || !dossier_db_bind (self->db, stmt, NULL, "t", name) ||
      !dossier_db_query_int (self->db, stmt, &id, NULL))
    return 0;
  return id;
}

static gboolean
check_period (const char  *period,
              gboolean     yearly,
              guint        number,
              char       **message)
{
  int quarter = 0;

  if (dossier_period_parse (period, NULL, &quarter) && yearly == (quarter == 0))
    return TRUE;
  /* Translators: 1 a line number, 2 what was typed */
  *message = g_strdup_printf (yearly ? _("Line %1$u: “%2$s” is not a year, such as 2019")
                                     : _("Line %1$u: “%2$s” is not a quarter, such as 2019-Q3"),
                              number, period);
  return FALSE;
}

/* @text: one figure a line (a period, an organization's name, a share),
 * or with @breaks one break a line ("PERIOD [ORGANIZATION]: note"). The
 * lines read, or %NULL with @message naming the line that is wrong. */
static GArray *
parse_lines (DossierStore  *self,
             const char    *text,
             gboolean       yearly,
             gboolean       breaks,
             char         **message)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_auto(GStrv) rows = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (lines, line_clear);
  *message = NULL;

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autofree char *row = g_strstrip (g_strdup (rows[i]));
      g_autofree char *key = NULL;
      Line line = { 0 };
      char *space, *rest, *name;

      if (*row == '\0')
        continue;

      space = strpbrk (row, " \t");
      line.period = g_strndup (row, space ? (gsize) (space - row) : strlen (row));
      if (!check_period (line.period, yearly, i + 1, message))
        {
          line_clear (&line);
          return NULL;
        }
      rest = g_strstrip (space ? space + 1 : row + strlen (row));

      if (breaks)
        {
          char *colon = strchr (rest, ':');

          if (colon == NULL || *g_strstrip (colon + 1) == '\0')
            {
              *message = g_strdup_printf (_("Line %u: write the period, the organization if one, a colon and "
                                            "what changed"), i + 1);
              line_clear (&line);
              return NULL;
            }
          *colon = '\0';
          line.note = g_strdup (g_strstrip (colon + 1));
          name = g_strstrip (rest);
        }
      else
        {
          char *last = strrchr (rest, ' ');
          g_autofree char *problem = NULL;

          /* "31", "31,5" or "31 %" at the end. */
          while (last != NULL && (g_str_equal (last + 1, "%") || last[1] == '\0'))
            {
              *last = '\0';
              last = strrchr (rest, ' ');
            }
          if (last == NULL || !dossier_percent_parse (last + 1, &line.percent, &problem))
            {
              *message = g_strdup_printf (_("Line %u: write the period, the organization and its share, "
                                            "such as 2019-Q3 AWS 39"), i + 1);
              line_clear (&line);
              return NULL;
            }
          *last = '\0';
          name = g_strstrip (rest);
        }

      if (*name != '\0' && (line.organization_id = find_organization (self, name)) == 0)
        {
          /* Translators: 1 a line number, 2 a name as typed */
          *message = g_strdup_printf (_("Line %1$u: no organization is called “%2$s”; add it first"), i + 1, name);
          line_clear (&line);
          return NULL;
        }
      if (!breaks && line.organization_id == 0)
        {
          *message = g_strdup_printf (_("Line %u: whose share is it?"), i + 1);
          line_clear (&line);
          return NULL;
        }

      key = g_strdup_printf ("%s %" G_GINT64_FORMAT, line.period, line.organization_id);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          *message = g_strdup_printf (_("Line %u: the same organization and period are given twice"), i + 1);
          line_clear (&line);
          return NULL;
        }
      g_array_append_val (lines, line);
    }

  if (!breaks && lines->len == 0)
    {
      *message = g_strdup (_("Give at least one figure"));
      return NULL;
    }
  return g_steal_pointer (&lines);
}

/**
 * dossier_store_check_series_lines:
 * @key: "figures" or "breaks"
 * @yearly: whether periods are years
 *
 * Returns: (transfer full) (nullable): what is wrong with @text, naming its
 *   line, or %NULL if it can be written
 */
char *
dossier_store_check_series_lines (DossierStore *self,
                                  const char   *key,
                                  const char   *text,
                                  gboolean      yearly)
{
  g_autoptr(GArray) lines = NULL;
  char *message = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  lines = parse_lines (self, text, yearly, g_strcmp0 (key, "breaks") == 0, &message);
  return message;
}

typedef struct
{
  const char *language;
  gint64      case_id;
  GHashTable *values;
  GArray     *figures;
  GArray     *breaks;
  gint64      series_id;
} NewSeries;

static gboolean
write_series (DossierDb  *db,
              gpointer    user_data,
              GError    **error)
{
  NewSeries *new_series = user_data;
  GHashTable *values = new_series->values;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *slug = g_strconcat ("series-", uuid, NULL);
  gint64 source_id = g_ascii_strtoll (g_hash_table_lookup (values, "source"), NULL, 10);
  gboolean yearly = g_strcmp0 (g_hash_table_lookup (values, "period_kind"), "year") == 0;
  const char *note = g_hash_table_lookup (values, "note");

  if (!dossier_db_run (db, "INSERT INTO market_series (slug, firm, yearly, complete) VALUES (?1, ?2, ?3, 0)",
                       error, "tti", slug, (const char *) g_hash_table_lookup (values, "firm"), (gint64) yearly))
    return FALSE;
  new_series->series_id = dossier_db_last_insert_id (db);

  if (!dossier_db_run (db, "INSERT INTO market_series_text (series_id, lang, market, note) VALUES (?1, ?2, ?3, ?4)",
                       error, "itt" "t", new_series->series_id, new_series->language,
                       (const char *) g_hash_table_lookup (values, "market"), note ? note : ""))
    return FALSE;

  for (guint i = 0; i < new_series->figures->len; i++)
    {
      Line *line = &g_array_index (new_series->figures, Line, i);

      if (!dossier_db_run (db, "INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error, "itidi",
                           new_series->series_id, line->period, line->organization_id, line->percent, source_id))
        return FALSE;
    }

  for (guint i = 0; i < new_series->breaks->len; i++)
    {
      Line *line = &g_array_index (new_series->breaks, Line, i);

      if (!dossier_db_run (db, "INSERT INTO market_break (series_id, period, organization_id, source_id) "
                               "VALUES (?1, ?2, NULLIF (?3, 0), ?4)", error, "itii",
                           new_series->series_id, line->period, line->organization_id, source_id) ||
          !dossier_db_run (db, "INSERT INTO market_break_text (break_id, lang, note) VALUES (?1, ?2, ?3)",
                           error, "itt", dossier_db_last_insert_id (db), new_series->language, line->note))
        return FALSE;
    }

  dossier_db_note_change (db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_ADDED, new_series->series_id, 0);

  /* A case file without figures of its own shows these. */
  if (new_series->case_id != 0)
    {
      if (!dossier_db_run (db, "UPDATE case_file SET market_series_id = ?2 "
                               "WHERE node_id = ?1 AND market_series_id IS NULL", error, "ii",
                           new_series->case_id, new_series->series_id))
        return FALSE;
      if (sqlite3_changes (dossier_db_get_handle (db)) > 0)
        dossier_db_note_change (db, DOSSIER_OBJECT_CASE, DOSSIER_CHANGE_CHANGED, new_series->case_id,
                                new_series->case_id);
    }
  return TRUE;
}

/**
 * dossier_store_create_series:
 * @case_id: the case file to show the series for when it has none, or 0
 * @values: (element-type utf8 utf8): firm, market, period_kind ("quarter"
 *   or "year"), source (an id), figures, breaks and note, as the form of
 *   dossier_fields_get_series() has them
 * @series_id: (out) (optional): the new series
 */
gboolean
dossier_store_create_series (DossierStore  *self,
                             gint64         case_id,
                             GHashTable    *values,
                             gint64        *series_id,
                             GError       **error)
{
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GArray) breaks = NULL;
  g_autofree char *message = NULL;
  guint n_fields;
  const DossierField *fields = dossier_fields_get_series (&n_fields);
  gboolean yearly = g_strcmp0 (g_hash_table_lookup (values, "period_kind"), "year") == 0;
  NewSeries new_series = { self->language, case_id, values };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  for (guint i = 0; i < n_fields; i++)
    if (!dossier_field_validate (&fields[i], g_hash_table_lookup (values, fields[i].key), &message))
      {
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, "%s", message);
        return FALSE;
      }

  if ((figures = parse_lines (self, g_hash_table_lookup (values, "figures"), yearly, FALSE, &message)) == NULL ||
      (breaks = parse_lines (self, g_hash_table_lookup (values, "breaks"), yearly, TRUE, &message)) == NULL)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, "%s", message);
      return FALSE;
    }

  new_series.figures = figures;
  new_series.breaks = breaks;
  if (!dossier_history_record (self->db, "create-series", write_series, &new_series, error))
    return FALSE;
  if (series_id != NULL)
    *series_id = new_series.series_id;
  return TRUE;
}
