/* dossier-store-market.c
 *
 * Reading market series: who estimated which market, for which periods,
 * and each organization's share with its source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-series.h"
#include "dossier-share.h"
#include "dossier-store-private.h"

static gpointer
row_to_series (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  return dossier_series_new (sqlite3_column_int64 (stmt, 0),
                             dossier_db_column_text (stmt, 1),
                             dossier_db_column_text (stmt, 2),
                             dossier_db_column_text (stmt, 3),
                             dossier_db_column_text (stmt, 4),
                             sqlite3_column_int (stmt, 5),
                             sqlite3_column_int (stmt, 6),
                             sqlite3_column_double (stmt, 7));
}

static gpointer
row_to_share (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  return dossier_share_new (sqlite3_column_int64 (stmt, 0),
                            dossier_db_column_text (stmt, 1),
                            dossier_db_column_text (stmt, 2),
                            sqlite3_column_double (stmt, 3),
                            sqlite3_column_int64 (stmt, 4),
                            dossier_db_column_text (stmt, 6),
                            dossier_db_column_text (stmt, 5));
}

/**
 * dossier_store_list_series:
 *
 * Returns: (transfer full): every #DossierSeries, the case files' own first
 */
GListModel *
dossier_store_list_series (DossierStore  *self,
                           GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = dossier_db_prepare (self->db,
                             "SELECT s.id, s.slug, s.firm, COALESCE (t.market, d.market, ''), "
                             "  COALESCE (NULLIF (t.note, ''), d.note, ''), s.yearly, s.complete, "
                             "  (SELECT max (percent) FROM market_share m WHERE m.series_id = s.id) "
                             "FROM market_series s "
                             "LEFT JOIN market_series_text t ON t.series_id = s.id AND t.lang = ?1 "
                             "LEFT JOIN market_series_text d ON d.series_id = s.id AND d.lang = 'en' "
                             "ORDER BY s.id NOT IN (SELECT market_series_id FROM case_file "
                             "                      WHERE market_series_id IS NOT NULL), s.id",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "t", self->language))
    return NULL;

  return dossier_db_collect (self->db, stmt, DOSSIER_TYPE_SERIES, row_to_series, NULL, error);
}

/**
 * dossier_store_get_series:
 *
 * Returns: (transfer full): the series @series_id, or %NULL with @error set
 */
DossierSeries *
dossier_store_get_series (DossierStore  *self,
                          gint64         series_id,
                          GError       **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!(all = dossier_store_list_series (self, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (all, i);

      if (dossier_series_get_id (series) == series_id)
        return g_steal_pointer (&series);
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, series_id);
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
               _("%s: no market series with id %s"), dossier_db_get_path (self->db), id);
  return NULL;
}

/**
 * dossier_store_list_periods:
 *
 * Returns: (transfer full): the periods of a series that have figures,
 *   oldest first ("2019-Q3", "2018")
 */
char **
dossier_store_list_periods (DossierStore  *self,
                            gint64         series_id,
                            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row, ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = dossier_db_prepare (self->db,
                             "SELECT DISTINCT period FROM market_share WHERE series_id = ?1 ORDER BY period",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "i", series_id))
    return NULL;

  while ((ok = dossier_db_step_row (self->db, stmt, &has_row, error)) && has_row)
    g_strv_builder_add (builder, dossier_db_column_text (stmt, 0));

  if (!ok)
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * dossier_store_list_breaks:
 *
 * Returns: (transfer full) (element-type DossierMarketBreak): the breaks in
 *   the method of a series, oldest first, each with its note in the store's
 *   language (or English, or any, when it has none in that one)
 */
GPtrArray *
dossier_store_list_breaks (DossierStore  *self,
                           gint64         series_id,
                           GError       **error)
{
  g_autoptr(GPtrArray) breaks = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_market_break_free);
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row, ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = dossier_db_prepare (self->db,
                             "SELECT b.period, COALESCE (b.organization_id, 0), "
                             "  COALESCE ((SELECT note FROM market_break_text WHERE break_id = b.id "
                             "             ORDER BY lang = ?2 DESC, lang = 'en' DESC, lang LIMIT 1), '') "
                             "FROM market_break b WHERE b.series_id = ?1 ORDER BY b.period, b.id",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "it", series_id, self->language))
    return NULL;

  while ((ok = dossier_db_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      DossierMarketBreak *market_break = g_new0 (DossierMarketBreak, 1);

      market_break->period = g_strdup (dossier_db_column_text (stmt, 0));
      market_break->organization_id = sqlite3_column_int64 (stmt, 1);
      market_break->note = g_strdup (dossier_db_column_text (stmt, 2));
      g_ptr_array_add (breaks, market_break);
    }

  return ok ? g_steal_pointer (&breaks) : NULL;
}

/**
 * dossier_store_list_shares:
 *
 * Returns: (transfer full): the #DossierShare of one period of a series,
 *   largest first
 */
GListModel *
dossier_store_list_shares (DossierStore  *self,
                           gint64         series_id,
                           const char    *period,
                           GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  stmt = dossier_db_prepare (self->db,
                             "SELECT o.id, o.name, o.short_name, m.percent, m.source_id, "
                             "  COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), sn.name), "
                             "  s.publisher "
                             "FROM market_share m "
                             "JOIN node o ON o.id = m.organization_id "
                             "JOIN source s ON s.node_id = m.source_id "
                             "JOIN node sn ON sn.id = s.node_id "
                             "LEFT JOIN node_text t ON t.node_id = sn.id AND t.lang = ?3 "
                             "LEFT JOIN node_text d ON d.node_id = sn.id AND d.lang = 'en' "
                             "WHERE m.series_id = ?1 AND m.period = ?2 "
                             "ORDER BY m.percent DESC, o.name",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (self->db, stmt, error, "itt", series_id, period, self->language))
    return NULL;

  return dossier_db_collect (self->db, stmt, DOSSIER_TYPE_SHARE, row_to_share, NULL, error);
}

/**
 * dossier_store_get_case_market:
 * @series_id: (out): the series a case file's chart opens on, or 0
 * @period: (out) (transfer full) (nullable): its period
 */
gboolean
dossier_store_get_case_market (DossierStore  *self,
                               gint64         case_id,
                               gint64        *series_id,
                               char         **period,
                               GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  *series_id = 0;
  *period = NULL;

  stmt = dossier_db_prepare (self->db,
                             "SELECT market_series_id, market_period FROM case_file WHERE node_id = ?1",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "i", case_id) ||
      !dossier_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *series_id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *period = g_strdup (dossier_db_column_text (stmt, 1));
    }

  return TRUE;
}
