/* dossier-ui-main.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

G_MODULE_EXPORT int dossier_ui_main (int    argc,
                                     char **argv);

G_END_DECLS
