/* dossier-shares-writer.c
 *
 * Market shares to CSV, in the format dossier-shares-reader.c reads: a
 * header, then a figure a row (series, period, provider, share, source,
 * url, note), CRLF line ends as RFC 4180 has them, a field quoted when it
 * needs to be, shares in their shortest exact form with a dot (as numbers
 * in JSON: dossier_json_format_number()). The note of
 * a row is the note of a break in the series at that figure, in the
 * reader's language (or another when it has none in it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shares"

#include "config.h"

#include "dossier-csv.h"
#include "dossier-json-writer.h"
#include "dossier-shares-writer.h"

/**
 * dossier_shares_writer_write:
 * @series_id: a series, or 0 for all of them
 * @language: the language of the notes
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
GBytes *
dossier_shares_writer_write (DossierDb   *db,
                             gint64       series_id,
                             const char  *language,
                             GError     **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (db,
                        /* A name two organizations share is no name to find one by: the slug. */
                        "SELECT ms.slug, m.period, "
                        "  CASE WHEN (SELECT count (*) FROM node x WHERE x.kind = 'organization' "
                        "             AND x.name = o.name COLLATE NOCASE) > 1 THEN o.slug ELSE o.name END, "
                        "  m.percent, s.name, coalesce (src.url, ''), "
                        "  coalesce ((SELECT t.note FROM market_break b JOIN market_break_text t ON t.break_id = b.id "
                        "             WHERE b.series_id = m.series_id AND b.period = m.period "
                        "               AND b.organization_id = m.organization_id "
                        "             ORDER BY t.lang = ?2 DESC, t.lang = 'en' DESC, b.id LIMIT 1), '') "
                        "FROM market_share m JOIN market_series ms ON ms.id = m.series_id "
                        "JOIN node o ON o.id = m.organization_id JOIN node s ON s.id = m.source_id "
                        "JOIN source src ON src.node_id = m.source_id "
                        "WHERE ?1 = 0 OR m.series_id = ?1 "
                        "ORDER BY ms.id, m.period, m.percent DESC, o.name",
                        error);
  g_autoptr(GString) out = g_string_new ("series,period,provider,share,source,url,note\r\n");
  char share[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean has_row;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "it", series_id, language))
    return NULL;

  while (dossier_db_step_row (db, stmt, &has_row, error) && has_row)
    {
      for (int column = 0; column < 7; column++)
        {
          if (column > 0)
            g_string_append_c (out, ',');
          if (column == 3)
            g_string_append (out, dossier_json_format_number (sqlite3_column_double (stmt, column), share));
          else
            dossier_csv_append_field (out, dossier_db_column_text (stmt, column));
        }
      g_string_append (out, "\r\n");
    }
  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
