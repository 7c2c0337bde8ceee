/* dossier-generate.c: a Dossier database of any size, for benchmarks
 *
 *   dossier-generate OUT.db [--cases N] [--events N] [--big N] [--seed N]
 *
 * OUT.db is created by the store (schema and the bundled case file), then
 * filled in one transaction with raw prepared statements: organizations,
 * people and their roles, sources, N case files with two or three parties
 * each and a court, N events with a title in English and in French (a
 * summary in both for one event in four), actors, citations and the user's
 * notes, and a market series of 20 providers over 80 quarters that the
 * largest case file shows. --big events go to that one case file (a
 * multidistrict docket, for the timeline); the rest are spread over the
 * others. The content is drawn from a fixed vocabulary with a seeded
 * random generator, so that the same arguments give the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "dossier-store.h"

#define N_PROVIDERS 20
#define N_QUARTERS 80

static const char *const syllables[] = {
  "ar", "bel", "cor", "dan", "el", "fir", "gal", "hal", "is", "jor", "kel", "lum", "mar", "nor", "ost",
  "pra", "quin", "ros", "sal", "tor", "ul", "vex", "wen", "xan", "yor", "zel", "tri", "ven", "cal", "mir",
};
static const char *const org_kinds[] = {
  "Cloud", "Systems", "Networks", "Data", "Technologies", "Labs", "Computing", "Services", "Federal", "Digital",
};
static const char *const given[] = {
  "Alice", "Bruno", "Chloé", "David", "Élodie", "Farid", "Grace", "Hugo", "Inès", "James", "Karim", "Léa",
  "Marc", "Nadia", "Olivier", "Paula", "Quentin", "Rosa", "Samuel", "Thérèse", "Ugo", "Valérie", "William", "Yasmine",
};

/* An event's title: what happened, to what, with a number. */
static const char *const en_actions[] = {
  "Motion to dismiss", "Protest", "Hearing", "Ruling", "Status report", "Amended complaint", "Notice of appeal",
  "Declaration", "Protective order", "Stay of proceedings", "Supplemental brief", "Reply brief", "Oral argument",
  "Cross-motion", "Settlement conference", "Sealed exhibit", "Scheduling order", "Remand", "Injunction", "Transcript",
};
static const char *const fr_actions[] = {
  "Requête en irrecevabilité", "Contestation", "Audience", "Décision", "Rapport d’étape", "Plainte modifiée",
  "Déclaration d’appel", "Attestation", "Ordonnance de protection", "Suspension de la procédure",
  "Mémoire complémentaire", "Mémoire en réplique", "Plaidoirie", "Demande reconventionnelle",
  "Conférence de règlement", "Pièce sous scellés", "Calendrier de procédure", "Renvoi", "Injonction", "Transcription",
};
static const char *const en_objects[] = {
  "on the cloud contract", "on the evaluation", "about the price analysis", "on the security clearance",
  "about the award", "on the record", "about the bidders", "on the technical factors", "about the conflict of interest",
  "on the discovery schedule", "about the hosting requirements", "on the data centres",
};
static const char *const fr_objects[] = {
  "sur le contrat d’informatique en nuage", "sur l’évaluation", "sur l’analyse des prix", "sur l’habilitation de sécurité",
  "sur l’attribution", "sur le dossier administratif", "sur les soumissionnaires", "sur les critères techniques",
  "sur le conflit d’intérêts", "sur le calendrier des pièces", "sur les exigences d’hébergement", "sur les centres de données",
};
/* Words a summary is made of. */
static const char *const en_words[] = {
  "agency", "contract", "court", "judge", "protest", "award", "evaluation", "price", "technical", "security",
  "storage", "network", "compute", "latency", "availability", "region", "zone", "classified", "unclassified",
  "offeror", "solicitation", "amendment", "proposal", "factor", "rating", "deficiency", "weakness", "strength",
  "record", "injunction", "remedy", "prejudice", "standing", "timeliness", "corrective", "action", "reevaluation",
  "deadline", "filing", "exhibit", "witness", "testimony", "deposition", "counsel", "government", "defense",
  "department", "procurement", "officer", "memorandum", "analysis", "market", "share", "quarter", "revenue",
  "growth", "provider", "infrastructure", "platform", "service", "migration", "workload", "budget", "billion",
  "million", "competition", "bias", "interference", "president", "secretary", "inspector", "general", "report",
};
static const char *const fr_words[] = {
  "agence", "contrat", "tribunal", "juge", "recours", "attribution", "évaluation", "prix", "technique", "sécurité",
  "stockage", "réseau", "calcul", "latence", "disponibilité", "région", "zone", "classifié", "public",
  "candidat", "appel", "avenant", "offre", "critère", "notation", "lacune", "faiblesse", "atout",
  "dossier", "injonction", "réparation", "préjudice", "qualité", "délai", "correctif", "mesure", "réexamen",
  "échéance", "dépôt", "pièce", "témoin", "témoignage", "audition", "avocat", "gouvernement", "défense",
  "ministère", "marché", "responsable", "note", "analyse", "part", "trimestre", "chiffre", "croissance",
  "fournisseur", "infrastructure", "plateforme", "service", "migration", "charge", "budget", "milliard",
  "million", "concurrence", "partialité", "ingérence", "président", "secrétaire", "inspecteur", "général", "rapport",
};
static const char *const kinds[] = {
  "filing", "motion", "hearing", "report", "ruling", "appeal", "award", "announcement", "deadline", "investigation",
};

typedef struct
{
  sqlite3 *db;
  GRand *rand;
  GHashTable *statements;   /* SQL → sqlite3_stmt */
  gint64 first_org, n_orgs;
  gint64 first_person, n_people;
  gint64 first_source, n_sources;
} Gen;

static void
check (Gen *gen,
       int  rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("dossier-generate: %s", sqlite3_errmsg (gen->db));
}

/* Runs a cached statement with text (s), integer (i), real (r) or null (n)
 * arguments, and gives the row it inserted. */
static gint64
run (Gen        *gen,
     const char *sql,
     const char *types,
     ...)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (gen->statements, sql);
  va_list args;

  if (stmt == NULL)
    {
      check (gen, sqlite3_prepare_v2 (gen->db, sql, -1, &stmt, NULL));
      g_hash_table_insert (gen->statements, (gpointer) sql, stmt);
    }
  va_start (args, types);
  for (int i = 0; types[i]; i++)
    switch (types[i])
      {
      case 's': check (gen, sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT)); break;
      case 'i': check (gen, sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64))); break;
      case 'r': check (gen, sqlite3_bind_double (stmt, i + 1, va_arg (args, double))); break;
      default: check (gen, sqlite3_bind_null (stmt, i + 1)); break;
      }
  va_end (args);
  check (gen, sqlite3_step (stmt));
  check (gen, sqlite3_reset (stmt));
  return sqlite3_last_insert_rowid (gen->db);
}

#define pick(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static char *
made_up_name (Gen *gen)
{
  GString *name = g_string_new (NULL);
  int n = g_rand_int_range (gen->rand, 2, 4);

  for (int i = 0; i < n; i++)
    g_string_append (name, pick (gen, syllables));
  name->str[0] = g_ascii_toupper (name->str[0]);
  return g_string_free (name, FALSE);
}

static char *
words (Gen               *gen,
       const char *const *list,
       guint              n_list,
       guint              n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, list[g_rand_int_range (gen->rand, 0, n_list)]);
      g_string_append_c (text, i + 1 < n ? ' ' : '.');
    }
  text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (text, FALSE);
}

static gint64
node (Gen        *gen,
      const char *kind,
      const char *slug,
      const char *name,
      const char *short_name)
{
  return run (gen, "INSERT INTO node (kind, slug, name, short_name) VALUES (?1, ?2, ?3, ?4)", "ssss",
              kind, slug, name, short_name);
}

static void
texts (Gen        *gen,
       gint64      id,
       const char *en_title,
       const char *fr_title,
       const char *en_summary,
       const char *fr_summary)
{
  static const char sql[] = "INSERT INTO node_text (node_id, lang, title, summary) VALUES (?1, ?2, ?3, ?4)";

  run (gen, sql, "isss", id, "en", en_title, en_summary ? en_summary : "");
  run (gen, sql, "isss", id, "fr", fr_title, fr_summary ? fr_summary : "");
}

static void
date_of (Gen   *gen,
         char  *date,
         gsize  size)
{
  g_snprintf (date, size, "%04d-%02d-%02d", g_rand_int_range (gen->rand, 1995, 2026),
              g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
}

static void
make_entities (Gen   *gen,
               gint64 n_cases)
{
  gint64 n_orgs = MAX (50, n_cases / 50), n_people = MAX (100, n_cases / 20), n_sources = MAX (100, n_cases / 5);

  gen->n_orgs = n_orgs;
  for (gint64 i = 0; i < n_orgs; i++)
    {
      g_autofree char *base = made_up_name (gen);
      g_autofree char *name = g_strdup_printf ("%s %s", base, pick (gen, org_kinds));
      g_autofree char *slug = g_strdup_printf ("gen-org-%" G_GINT64_FORMAT, i);
      gint64 id = node (gen, "organization", slug, name, base);

      if (i == 0)
        gen->first_org = id;
    }
  gen->n_people = n_people;
  for (gint64 i = 0; i < n_people; i++)
    {
      g_autofree char *family = made_up_name (gen);
      g_autofree char *name = g_strdup_printf ("%s %s", pick (gen, given), family);
      g_autofree char *slug = g_strdup_printf ("gen-person-%" G_GINT64_FORMAT, i);
      g_autofree char *role_slug = g_strdup_printf ("gen-role-%" G_GINT64_FORMAT, i);
      gint64 id = node (gen, "person", slug, name, "");
      gint64 role = node (gen, "role", role_slug, "", "");
      char started[16];

      if (i == 0)
        gen->first_person = id;
      date_of (gen, started, sizeof started);
      run (gen, "INSERT INTO role (node_id, person_id, organization_id, started) VALUES (?1, ?2, ?3, ?4)", "iiis",
           role, id, gen->first_org + g_rand_int_range (gen->rand, 0, n_orgs), started);
      texts (gen, role, "General counsel", "Directeur juridique", NULL, NULL);
    }
  gen->n_sources = n_sources;
  for (gint64 i = 0; i < n_sources; i++)
    {
      g_autofree char *slug = g_strdup_printf ("gen-source-%" G_GINT64_FORMAT, i);
      g_autofree char *url = g_strdup_printf ("https://example.org/docket/%" G_GINT64_FORMAT, i);
      /* A source's title is its own, in its language: its name. */
      g_autofree char *title = words (gen, en_words, G_N_ELEMENTS (en_words), 5);
      char published[16];
      gint64 id = node (gen, "source", slug, title, "");

      if (i == 0)
        gen->first_source = id;
      date_of (gen, published, sizeof published);
      run (gen, "INSERT INTO source (node_id, publisher, published, url, lang) VALUES (?1, ?2, ?3, ?4, 'en')", "isss",
           id, "Generated Docket Service", published, url);
    }
}

static gint64
make_market (Gen *gen)
{
  gint64 series = run (gen, "INSERT INTO market_series (slug, firm, complete) VALUES ('gen-market', 'Generated Research', 1)", "");
  double weights[N_PROVIDERS];

  run (gen, "INSERT INTO market_series_text (series_id, lang, market) VALUES (?1, 'en', 'Generated cloud market')", "i", series);
  run (gen, "INSERT INTO market_series_text (series_id, lang, market) VALUES (?1, 'fr', 'Marché du nuage généré')", "i", series);
  for (int p = 0; p < N_PROVIDERS; p++)
    weights[p] = g_rand_double_range (gen->rand, 1, 10);
  for (int q = 0; q < N_QUARTERS; q++)
    {
      char period[16];
      double total = 0;

      g_snprintf (period, sizeof period, "%04d-Q%d", 2005 + q / 4, 1 + q % 4);
      for (int p = 0; p < N_PROVIDERS; p++)
        {
          weights[p] = MAX (0.2, weights[p] * g_rand_double_range (gen->rand, 0.9, 1.12));
          total += weights[p];
        }
      for (int p = 0; p < N_PROVIDERS; p++)
        run (gen, "INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)", "isiri",
             series, period, gen->first_org + p, 80. * weights[p] / total, gen->first_source);
    }
  return series;
}

static void
make_event (Gen    *gen,
            gint64  case_id,
            gint64  index)
{
  g_autofree char *slug = g_strdup_printf ("gen-event-%" G_GINT64_FORMAT, index);
  int action = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (en_actions));
  int object = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (en_objects));
  int number = g_rand_int_range (gen->rand, 1, 5000);
  g_autofree char *en = g_strdup_printf ("%s %s, no. %d", en_actions[action], en_objects[object], number);
  g_autofree char *fr = g_strdup_printf ("%s %s, nº %d", fr_actions[action], fr_objects[object], number);
  g_autofree char *en_summary = NULL, *fr_summary = NULL;
  gboolean expected = g_rand_int_range (gen->rand, 0, 50) == 0;
  char date[16];
  gint64 id = node (gen, "event", slug, "", "");

  if (g_rand_int_range (gen->rand, 0, 4) == 0)
    {
      en_summary = words (gen, en_words, G_N_ELEMENTS (en_words), 14);
      fr_summary = words (gen, fr_words, G_N_ELEMENTS (fr_words), 14);
    }
  date_of (gen, date, sizeof date);
  run (gen, "INSERT INTO event (node_id, case_id, date, kind, status) VALUES (?1, ?2, ?3, ?4, ?5)", "iisss",
       id, case_id, date, pick (gen, kinds), expected ? "expected" : "happened");
  texts (gen, id, en, fr, en_summary, fr_summary);
  run (gen, "INSERT INTO event_actor (event_id, node_id) VALUES (?1, ?2)", "ii",
       id, gen->first_org + g_rand_int_range (gen->rand, 0, gen->n_orgs));
  run (gen, "INSERT OR IGNORE INTO citation (node_id, source_id, stance) VALUES (?1, ?2, 'supports')", "ii",
       id, gen->first_source + g_rand_int_range (gen->rand, 0, gen->n_sources));
  if (g_rand_int_range (gen->rand, 0, 100) == 0)
    {
      g_autofree char *body = words (gen, en_words, G_N_ELEMENTS (en_words), 10);
      run (gen, "INSERT INTO note (node_id, body) VALUES (?1, ?2)", "is", id, body);
    }
}

static gint64
make_case (Gen    *gen,
           gint64  index,
           gint64  series)
{
  g_autofree char *slug = g_strdup_printf ("gen-case-%" G_GINT64_FORMAT, index);
  g_autofree char *docket = g_strdup_printf ("%d-%05" G_GINT64_FORMAT "C", g_rand_int_range (gen->rand, 10, 26), index % 100000);
  gint64 a = gen->first_org + g_rand_int_range (gen->rand, 1, gen->n_orgs);
  /* Another party, never the court (the first organization). */
  gint64 b = gen->first_org + 1 + (a - gen->first_org + g_rand_int_range (gen->rand, 0, gen->n_orgs - 2)) % (gen->n_orgs - 1);
  g_autofree char *a_name = NULL, *b_name = NULL, *en = NULL, *fr = NULL, *en_summary = NULL, *fr_summary = NULL;
  char filed[16];
  gint64 id;
  sqlite3_stmt *stmt;

  check (gen, sqlite3_prepare_v2 (gen->db, "SELECT (SELECT short_name FROM node WHERE id = ?1), "
                                           "(SELECT short_name FROM node WHERE id = ?2)", -1, &stmt, NULL));
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  check (gen, sqlite3_step (stmt));
  a_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  b_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  en = g_strdup_printf ("%s v. %s", a_name, b_name);
  fr = g_strdup_printf ("%s contre %s", a_name, b_name);
  en_summary = words (gen, en_words, G_N_ELEMENTS (en_words), 20);
  fr_summary = words (gen, fr_words, G_N_ELEMENTS (fr_words), 20);
  date_of (gen, filed, sizeof filed);
  id = node (gen, "case", slug, "", "");
  run (gen, "INSERT INTO case_file (node_id, docket, court_id, filed, market_series_id, market_period, status) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open')", series ? "isisis" : "isisnn",
       id, docket, gen->first_org, filed, series, "2019-Q3");
  texts (gen, id, en, fr, en_summary, fr_summary);
  run (gen, "INSERT INTO participant (case_id, node_id, position, standing) VALUES (?1, ?2, 0, 'protester')", "ii", id, a);
  run (gen, "INSERT INTO participant (case_id, node_id, position, standing) VALUES (?1, ?2, 1, 'awardee')", "ii", id, b);
  run (gen, "INSERT INTO participant (case_id, node_id, position, standing) VALUES (?1, ?2, 2, 'court')", "ii",
       id, gen->first_org);
  run (gen, "INSERT OR IGNORE INTO case_source (case_id, source_id) VALUES (?1, ?2)", "ii",
       id, gen->first_source + g_rand_int_range (gen->rand, 0, gen->n_sources));
  if (index % 10 == 0)
    run (gen, "INSERT INTO note (node_id, body) VALUES (?1, 'Follow the next hearing.')", "i", id);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_cases = 100000, n_events = 1200000, big = 1000000, seed = 20191025;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT64, &n_cases, "Case files to add (100000)", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT64, &n_events, "Events to add in all (1200000)", "N" },
    { "big", 0, 0, G_OPTION_ARG_INT64, &big, "Of them, in the first case file (1000000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) sqlite3_finalize);
  Gen gen = { .statements = statements };
  g_autofree char *partial = NULL;
  gint64 series, big_case = 0, t0 = g_get_monotonic_time ();

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_cases < 1 || big > n_events)
    {
      g_printerr ("%s\n", error ? error->message : "usage: dossier-generate OUT.db [--cases N] [--events N] [--big N]");
      return 2;
    }

  /* Written beside, renamed into place when whole. */
  partial = g_strconcat (argv[1], ".partial", NULL);
  g_unlink (partial);
  g_object_unref (dossier_store_open (partial, &error));
  if (error)
    {
      g_printerr ("dossier-generate: %s\n", error->message);
      return 1;
    }
  gen.rand = g_rand_new_with_seed ((guint32) seed);
  check (&gen, sqlite3_open (partial, &gen.db));
  check (&gen, sqlite3_exec (gen.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;"
                                     "PRAGMA foreign_keys = OFF; BEGIN", NULL, NULL, NULL));
  make_entities (&gen, n_cases);
  series = make_market (&gen);
  for (gint64 c = 0, e = 0; c < n_cases; c++)
    {
      gint64 id = make_case (&gen, c, c == 0 ? series : 0);
      /* The rest spread evenly over the other case files. */
      gint64 until = c == 0 ? big : big + (n_events - big) * c / MAX (1, n_cases - 1);

      if (c == 0)
        big_case = id;
      for (; e < until || (c == n_cases - 1 && e < n_events); e++)
        make_event (&gen, id, e);
    }
  check (&gen, sqlite3_exec (gen.db, "COMMIT; PRAGMA journal_mode = WAL", NULL, NULL, NULL));
  g_hash_table_remove_all (statements);
  check (&gen, sqlite3_close (gen.db));
  g_rand_free (gen.rand);
  if (g_rename (partial, argv[1]) != 0)
    {
      g_printerr ("dossier-generate: %s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }
  g_print ("%s: %" G_GINT64_FORMAT " case files, %" G_GINT64_FORMAT " events (%" G_GINT64_FORMAT
           " in gen-case-0, node %" G_GINT64_FORMAT "), %d × %d market shares, written in %.1f s\n",
           argv[1], n_cases, n_events, big, big_case, N_PROVIDERS, N_QUARTERS,
           (g_get_monotonic_time () - t0) / 1e6);
  return 0;
}
