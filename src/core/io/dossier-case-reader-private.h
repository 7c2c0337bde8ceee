/* dossier-case-reader-private.h: what the parts of the case reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-db.h"
#include "dossier-json-split.h"
#include "dossier-vocabulary.h"

G_BEGIN_DECLS

/* A row this import refers to by slug. */
typedef struct
{
  gint64      id;
  const char *kind;     /* interned: "organization", "source"…; for a
                         * series, its kind of period: "quarter", "year" */
  gboolean    existing; /* was in the database before this file */
  gboolean    in_file;  /* named (not only referred to) by this file; for a
                         * series the database had, that it gained figures */
} Ref;

typedef struct
{
  DossierDb  *db;
  const char *file_name;
  GHashTable *refs;     /* slug → Ref, of this file and of the database */
  GHashTable *series;   /* slug → Ref */
  gint64      version;  /* of the file's format */
  gboolean    copy;     /* a case file already there is added as a copy */
  char        copy_suffix[16]; /* while reading such a copy: "-2", added to
                                * the slugs of what the case file owns */
  gint64      last_node;    /* the highest node id before this import: what */
  gint64      last_series;  /* is at or below was there already */
  guint       events_total; /* in the whole file, and read so far: */
  guint       events_done;  /* most of a file, they say how far it is */
  DossierJsonSplit *split;  /* the file, its events left out of the tree */
  GHashTable *lists;        /* case file object → its events' DossierJsonList */
  GByteArray *settling;     /* of the case file read, whether each event
                             * settles others: those read again */
  Ref         event;        /* the event just added (events are not kept
                             * in @refs) */
} Import;

/* Reads one object of a list; @where names it in messages. */
typedef gboolean (*DossierCaseObjectFunc) (Import      *import,
                                           JsonObject  *object,
                                           const char  *where,
                                           gpointer     user_data,
                                           GError     **error);

gboolean    _dossier_case_fail              (Import      *import,
                                             GError     **error,
                                             const char  *where,
                                             const char  *format,
                                             ...) G_GNUC_PRINTF (4, 5);
const char *_dossier_case_opt_string        (JsonObject  *object,
                                             const char  *member);
const char *_dossier_case_need_string       (Import      *import,
                                             JsonObject  *object,
                                             const char  *member,
                                             const char  *where,
                                             GError     **error);
JsonArray  *_dossier_case_need_array        (Import      *import,
                                             JsonObject  *object,
                                             const char  *member,
                                             const char  *where,
                                             GError     **error);
JsonObject *_dossier_case_need_object       (Import      *import,
                                             JsonNode    *node,
                                             const char  *where,
                                             GError     **error);
gboolean    _dossier_case_each_object       (Import                *import,
                                             JsonObject            *parent,
                                             const char            *member,
                                             const char            *parent_where,
                                             const char            *prefix,
                                             DossierCaseObjectFunc  func,
                                             gpointer               user_data,
                                             GError               **error);
gboolean    _dossier_case_check_date        (Import      *import,
                                             const char  *date,
                                             const char  *where,
                                             GError     **error);
Ref        *_dossier_case_remember          (GHashTable  *table,
                                             const char  *slug,
                                             gint64       id,
                                             const char  *kind,
                                             gboolean     existing);
gboolean    _dossier_case_lookup            (Import      *import,
                                             const char  *slug,
                                             const char  *kind1,
                                             const char  *kind2,
                                             const char  *where,
                                             gint64      *id,
                                             GError     **error);
gboolean    _dossier_case_step_insert       (Import        *import,
                                             sqlite3_stmt  *stmt,
                                             int            conflict_code,
                                             const char    *where,
                                             const char    *conflict,
                                             GError       **error);
gboolean    _dossier_case_insert_node       (Import      *import,
                                             const char  *kind,
                                             const char  *slug,
                                             const char  *name,
                                             const char  *short_name,
                                             gboolean     shareable,
                                             const char  *where,
                                             Ref        **ref,
                                             GError     **error);
gboolean    _dossier_case_insert_node_texts (Import      *import,
                                             JsonObject  *object,
                                             gint64       id,
                                             const char  *where,
                                             gboolean     need_english,
                                             GError     **error);
gboolean    _dossier_case_insert_citations  (Import      *import,
                                             JsonObject  *object,
                                             gint64       id,
                                             const char  *where,
                                             GError     **error);
gboolean    _dossier_case_import_sources    (Import      *import,
                                             JsonObject  *root,
                                             GError     **error);
gboolean    _dossier_case_import_entities   (Import      *import,
                                             JsonObject  *root,
                                             GError     **error);
gboolean    _dossier_case_import_series     (Import      *import,
                                             JsonObject  *root,
                                             GError     **error);


/* dossier-case-reader-facts.c */
gboolean    _dossier_case_opt_term          (Import             *import,
                                             JsonObject         *object,
                                             const char         *member,
                                             DossierVocabulary   vocabulary,
                                             const char         *where,
                                             const char        **term,
                                             GError            **error);
gboolean    _dossier_case_import_parents    (Import      *import,
                                             JsonObject  *root,
                                             GError     **error);
gboolean    _dossier_case_import_roles      (Import      *import,
                                             JsonObject  *root,
                                             GError     **error);
gboolean    _dossier_case_import_claims     (Import      *import,
                                             JsonObject  *case_object,
                                             gint64       case_id,
                                             const char  *case_where,
                                             GError     **error);
gboolean    _dossier_case_import_settled    (Import      *import,
                                             JsonObject  *case_object,
                                             const char  *case_where,
                                             GError     **error);
gboolean    _dossier_case_insert_notes      (Import      *import,
                                             JsonObject  *object,
                                             gint64       node_id,
                                             gint64       series_id,
                                             const char  *where,
                                             GError     **error);

/* dossier-case-reader-events.c */
gboolean    _dossier_case_parse_failed      (Import        *import,
                                             const GError  *parse_error,
                                             guint          line,
                                             guint          column,
                                             GError       **error);
void        _dossier_case_find_lists        (Import      *import,
                                             JsonObject  *root);
gboolean    _dossier_case_each_event        (Import                *import,
                                             JsonObject            *case_object,
                                             const char            *case_where,
                                             const char            *prefix,
                                             DossierCaseObjectFunc  func,
                                             gpointer               user_data,
                                             GByteArray            *only,
                                             GError               **error);
guint       _dossier_case_count_events      (Import      *import,
                                             JsonObject  *root);

/* dossier-case-reader-copy.c */
gboolean    _dossier_case_begin_case        (Import      *import,
                                             JsonObject  *case_object,
                                             const char  *slug,
                                             const char  *where,
                                             GError     **error);
gboolean    _dossier_case_mark_copy         (Import      *import,
                                             gint64       case_id,
                                             GError     **error);
gboolean    _dossier_case_import_breaks     (Import      *import,
                                             JsonObject  *series,
                                             Ref         *ref,
                                             const char  *where,
                                             GError     **error);

G_END_DECLS
