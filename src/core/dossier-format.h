/* dossier-format.h: figures and dates as the user's locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

char *dossier_format_count   (guint64     n);
char *dossier_format_percent (double      percent);
char *dossier_format_date    (const char *iso_date);
char *dossier_format_date_time (GDateTime  *date,
                                const char *format);
char *dossier_format_delay   (const char *expected,
                              const char *actual);
char *dossier_format_period  (const char *period);
char *dossier_format_node_subtitle (DossierNode *node);

/* dossier-format-facts.c */
char  *dossier_format_role_span   (DossierNode *role);
char  *dossier_format_role        (DossierNode *role,
                                   gboolean     for_person);
char **dossier_format_node_facts  (DossierNode *node);

G_END_DECLS
