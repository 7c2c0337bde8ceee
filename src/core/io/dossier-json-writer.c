/* dossier-json-writer.c
 *
 * JSON text written as it goes: two-space indents, one member a line, and
 * numbers in the shortest form that reads back to the same double (json-glib
 * writes 12.3 as 12.300000000000001, which a person editing the file should
 * not have to read). Strings are UTF-8 as they are, with only what JSON
 * requires escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-json-writer.h"

struct _DossierJsonWriter
{
  GString  *out;
  GArray   *counts;      /* per open object or array: elements written so far */
  gboolean  after_name;  /* a member's name was written, its value is next */
};

DossierJsonWriter *
dossier_json_writer_new (void)
{
  DossierJsonWriter *self = g_new0 (DossierJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
dossier_json_writer_free (DossierJsonWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

/**
 * dossier_json_writer_steal_bytes:
 *
 * Returns: (transfer full): the text written, ending with a newline
 */
GBytes *
dossier_json_writer_steal_bytes (DossierJsonWriter *self)
{
  g_return_val_if_fail (self->counts->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&self->out));
}

static void
newline (DossierJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

/* Before any value, or a member's name. */
static void
next (DossierJsonWriter *self)
{
  guint *count;

  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;

  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if ((*count)++ > 0)
    g_string_append_c (self->out, ',');
  newline (self);
}

static void
begin (DossierJsonWriter *self,
       char               c)
{
  guint zero = 0;

  next (self);
  g_string_append_c (self->out, c);
  g_array_append_val (self->counts, zero);
}

static void
end (DossierJsonWriter *self,
     char               c)
{
  guint count = g_array_index (self->counts, guint, self->counts->len - 1);

  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    newline (self);
  g_string_append_c (self->out, c);
}

void
dossier_json_writer_begin_object (DossierJsonWriter *self)
{
  begin (self, '{');
}

void
dossier_json_writer_end_object (DossierJsonWriter *self)
{
  end (self, '}');
}

void
dossier_json_writer_begin_array (DossierJsonWriter *self)
{
  begin (self, '[');
}

void
dossier_json_writer_end_array (DossierJsonWriter *self)
{
  end (self, ']');
}

static void
append_string (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

void
dossier_json_writer_member (DossierJsonWriter *self,
                            const char        *name)
{
  next (self);
  append_string (self->out, name);
  g_string_append (self->out, ": ");
  self->after_name = TRUE;
}

void
dossier_json_writer_string (DossierJsonWriter *self,
                            const char        *value)
{
  next (self);
  append_string (self->out, value);
}

void
dossier_json_writer_int (DossierJsonWriter *self,
                         gint64             value)
{
  next (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/**
 * dossier_json_format_number:
 * @buffer: (out caller-allocates): G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes @value in fixed notation (never "3e+01"), with as few decimals as
 * read back the same number, a dot whatever the locale; the exponent only
 * for what fixed notation cannot hold. Shared with the CSV writer.
 *
 * Returns: @buffer
 */
const char *
dossier_json_format_number (double  value,
                            char   *buffer)
{
  buffer[0] = '\0';
  for (int digits = 0; digits <= 17 && fabs (value) < 1e15; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", digits);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return buffer;
    }
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
}

void
dossier_json_writer_double (DossierJsonWriter *self,
                            double             value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  next (self);
  g_string_append (self->out, dossier_json_format_number (value, buffer));
}

void
dossier_json_writer_boolean (DossierJsonWriter *self,
                             gboolean           value)
{
  next (self);
  g_string_append (self->out, value ? "true" : "false");
}

/* A string member, left out when @value is NULL or empty. */
void
dossier_json_writer_opt_string (DossierJsonWriter *self,
                                const char        *name,
                                const char        *value)
{
  if (value == NULL || *value == '\0')
    return;
  dossier_json_writer_member (self, name);
  dossier_json_writer_string (self, value);
}
