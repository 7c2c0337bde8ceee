/* dossier-language.h: the interface language picked in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dossier_language_apply       (const char *language);
void dossier_language_apply_saved (void);

G_END_DECLS
