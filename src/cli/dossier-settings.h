/* dossier-settings.h: the user's settings, found installed or in the build
 * tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *dossier_settings_new (void);

G_END_DECLS
