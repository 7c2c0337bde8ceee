/* dossier-fields.h: what the user can write of each kind of node, with
 * labels and checks, for the store's writes and for the window's forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dossier-types.h"
#include "dossier-vocabulary.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_FIELD_TEXT,       /* one line */
  DOSSIER_FIELD_LONG_TEXT,  /* paragraphs */
  DOSSIER_FIELD_DATE,       /* "2019-10-25", "2019-10" or "2019" */
  DOSSIER_FIELD_TERM,       /* one of a vocabulary's terms */
  DOSSIER_FIELD_NODE,       /* the id of a node of @node_kinds, in decimal */
  DOSSIER_FIELD_URL,        /* http:// or https:// */
  DOSSIER_FIELD_LANGUAGE,   /* "en", "fr"… */
} DossierFieldType;

typedef struct
{
  const char        *key;         /* the name in a fields table */
  const char        *label;       /* translatable, with a mnemonic */
  DossierFieldType   type;
  gboolean           required;
  DossierVocabulary  vocabulary;  /* for a term */
  guint              node_kinds;  /* for a node: 1 << DossierNodeKind */
  const char        *hint;        /* translatable; placeholder text, or NULL */
} DossierField;

const DossierField *dossier_fields_get       (DossierNodeKind      kind,
                                              guint               *n_fields);
const DossierField *dossier_fields_get_series   (guint               *n_fields);
const DossierField *dossier_fields_get_note     (guint               *n_fields);
const DossierField *dossier_fields_get_citation (guint               *n_fields);
gboolean            dossier_field_validate   (const DossierField  *field,
                                              const char          *value,
                                              char               **message);
gboolean            dossier_fields_validate  (DossierNodeKind      kind,
                                              GHashTable          *values,
                                              GError             **error);
gboolean            dossier_percent_parse    (const char          *text,
                                              double              *percent,
                                              char               **message);

G_END_DECLS
