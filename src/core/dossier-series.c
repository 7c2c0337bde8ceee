/* dossier-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-series"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-series.h"

struct _DossierSeries
{
  GObject   parent_instance;
  gint64    id;
  char     *slug;
  char     *firm;
  char     *market;
  char     *note;
  gboolean  yearly;
  gboolean  complete;
  double    max_percent;
};

G_DEFINE_FINAL_TYPE (DossierSeries, dossier_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_series_finalize (GObject *object)
{
  DossierSeries *self = (DossierSeries *)object;

  g_free (self->slug);
  g_free (self->firm);
  g_free (self->market);
  g_free (self->note);

  G_OBJECT_CLASS (dossier_series_parent_class)->finalize (object);
}

static void
dossier_series_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSeries *self = DOSSIER_SERIES (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_take_string (value, dossier_series_dup_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_series_class_init (DossierSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_series_finalize;
  object_class->get_property = dossier_series_get_property;

  /* What a series is called in a list: firm and market. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_series_init (DossierSeries *self)
{
}

DossierSeries *
dossier_series_new (gint64      id,
                    const char *slug,
                    const char *firm,
                    const char *market,
                    const char *note,
                    gboolean    yearly,
                    gboolean    complete,
                    double      max_percent)
{
  DossierSeries *self = g_object_new (DOSSIER_TYPE_SERIES, NULL);

  self->id = id;
  self->slug = g_strdup (slug ? slug : "");
  self->firm = g_strdup (firm ? firm : "");
  self->market = g_strdup (market ? market : "");
  self->note = g_strdup (note ? note : "");
  self->yearly = !!yearly;
  self->complete = !!complete;
  self->max_percent = max_percent;

  return self;
}

gint64
dossier_series_get_id (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), 0);
  return self->id;
}

const char *
dossier_series_get_slug (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), NULL);
  return self->slug;
}

const char *
dossier_series_get_firm (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), NULL);
  return self->firm;
}

/**
 * dossier_series_get_market:
 *
 * Returns: the market definition, in the store's language
 */
const char *
dossier_series_get_market (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), NULL);
  return self->market;
}

const char *
dossier_series_get_note (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), NULL);
  return self->note;
}

gboolean
dossier_series_get_yearly (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), FALSE);
  return self->yearly;
}

/**
 * dossier_series_get_complete:
 *
 * Returns: whether the source names every organization of the market, so
 *   that "others" is what the named shares leave
 */
gboolean
dossier_series_get_complete (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), FALSE);
  return self->complete;
}

/**
 * dossier_series_get_max_percent:
 *
 * Returns: the largest share in any period of the series: a chart's scale
 *   that stays the same from one period to the next
 */
double
dossier_series_get_max_percent (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), 0.);
  return self->max_percent;
}

char *
dossier_series_dup_label (DossierSeries *self)
{
  g_return_val_if_fail (DOSSIER_IS_SERIES (self), NULL);

  /* Translators: a market-share series: the firm, then its market definition */
  return g_strdup_printf (_("%s — %s"), self->firm, self->market);
}
