/* dossier-csv.c
 *
 * CSV as RFC 4180 has it: fields separated by commas, records by CRLF (or
 * LF, as spreadsheets on Linux write them), a field with a comma, a quote or
 * a line break in it quoted, its quotes doubled. UTF-8 only, a byte order
 * mark allowed at the start. What breaks these rules is refused with the
 * line it is on, never guessed at: a quote left open, a quote in the middle
 * of a field, bytes that are not UTF-8, a NUL byte (a binary file), a field
 * of megabytes. Checking the number of fields is for the caller, which
 * knows the header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-csv.h"

static void
record_free (gpointer data)
{
  DossierCsvRecord *record = data;

  g_strfreev (record->fields);
  g_free (record->quoted);
  g_free (record);
}

/* Whether *@p ends a line: LF, CR before anything but LF (CRLF ends on its
 * LF), so that files of old Macs, in CR alone, count lines too. */
static gboolean
ends_line (const char *p,
           const char *end)
{
  return *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
}

static guint
line_of (const char *data,
         const char *at,
         const char *end)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (ends_line (p, end))
      line++;
  return line;
}

static gboolean
fail (guint       *error_line,
      char       **error_message,
      guint        line,
      char        *message)
{
  *error_line = line;
  *error_message = message;
  return FALSE;
}

/* A record that is one empty, unquoted field is a blank line: skipped.
 * The others go to @each, then are let go of. The record's fields are in
 * @text one after the other, each ended by a NUL; @fields holds where
 * each starts until then (an offset: @text moves as it grows). */
static gboolean
end_record (DossierCsvEach  each,
            gpointer        user_data,
            GString        *text,
            GPtrArray      *fields,
            GArray         *quoted,
            guint           line,
            gsize           end,
            guint          *n_records)
{
  DossierCsvRecord record;
  gboolean go_on;

  if (fields->len == 1 && !g_array_index (quoted, gboolean, 0) && text->str[0] == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      g_array_set_size (quoted, 0);
      g_string_truncate (text, 0);
      return TRUE;
    }

  for (guint i = 0; i < fields->len; i++)
    fields->pdata[i] = text->str + GPOINTER_TO_SIZE (fields->pdata[i]);
  /* The arrays lent, and emptied after: their room serves every record,
   * with no allocation for a field. */
  g_ptr_array_add (fields, NULL);
  record.line = line;
  record.end = end;
  record.fields = (GStrv) fields->pdata;
  record.quoted = (gboolean *) (gpointer) quoted->data;
  (*n_records)++;
  go_on = each (&record, user_data);
  g_ptr_array_set_size (fields, 0);
  g_array_set_size (quoted, 0);
  g_string_truncate (text, 0);
  return go_on;
}

static gboolean
keep_record (DossierCsvRecord *record,
             gpointer          records)
{
  DossierCsvRecord *copy = g_new (DossierCsvRecord, 1);
  guint n = g_strv_length (record->fields);

  copy->line = record->line;
  copy->end = record->end;
  copy->fields = g_strdupv (record->fields);
  copy->quoted = g_memdup2 (record->quoted, sizeof (gboolean) * MAX (1, n));
  g_ptr_array_add (records, copy);
  return TRUE;
}

static gboolean
check_bytes (const char  *data,
             gsize        size,
             guint       *error_line,
             char       **error_message)
{
  const char *nul, *end = NULL;

  if (size == 0)
    return fail (error_line, error_message, 1, g_strdup (_("the file is empty")));

  nul = memchr (data, '\0', size);

  if (nul != NULL)
    return fail (error_line, error_message, line_of (data, nul, data + size),
                 g_strdup (_("this is not a text file (it holds a NUL byte); save the spreadsheet as CSV")));

  if (!g_utf8_validate_len (data, size, &end))
    return fail (error_line, error_message, line_of (data, end, data + size),
                 g_strdup (_("this line is not in UTF-8; save the spreadsheet as CSV UTF-8")));

  return TRUE;
}

/**
 * dossier_csv_parse:
 * @error_line: (out): where the first error is
 * @error_message: (out): what it is, translated
 *
 * Returns: (transfer full) (element-type DossierCsvRecord): the records,
 *   blank lines left out, or %NULL on an error
 */
GPtrArray *
dossier_csv_parse (const char  *data,
                   gsize        size,
                   guint       *error_line,
                   char       **error_message)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  guint n;

  if (!dossier_csv_parse_each (data, size, keep_record, records, &n, error_line, error_message))
    return NULL;
  return g_steal_pointer (&records);
}

/* Where a piece of a file starts: the records before it were read. */
typedef struct
{
  DossierCsvEach  each;
  gpointer        user_data;
  guint          *n_records;
  guint           line;     /* the line the piece starts on */
  gsize           offset;   /* its first byte in the file */
} Piece;

/* Reads the records of @data, a piece of a file that ends at the end of a
 * record (dossier_csv_parse_stream()) or the whole file. */
static gboolean
parse_piece (Piece       *piece,
             const char  *data,
             gsize        size,
             gboolean     first,
             guint       *error_line,
             char       **error_message)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GArray) quoted_fields = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) text = g_string_new (NULL);   /* the record's fields */
  gsize field_start = 0;                            /* the field's, in @text */
  const char *p, *end;
  guint line = piece->line, record_line = piece->line, quote_line = 0;
  gboolean quoted = FALSE, in_quotes = FALSE;

  /* Found by fuzzing: an empty buffer may come as NULL. */
  if (data == NULL)
    data = "";
  end = data + size;

  if (first && size == 0)
    return fail (error_line, error_message, 1, g_strdup (_("the file is empty")));
  if (!check_bytes (data, size, error_line, error_message))
    {
      *error_line += piece->line - 1;
      return FALSE;
    }

  p = data;
  if (first && size >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (first && p == end)
    {
      fail (error_line, error_message, 1, g_strdup (_("the file is empty")));
      return FALSE;
    }

  for (; p <= end; p++)
    {
      char c = p < end ? *p : '\0';
      gboolean at_end = p == end;

      if (in_quotes)
        {
          if (at_end)
            {
              fail (error_line, error_message, quote_line,
                    g_strdup (_("a quoted field starts here and is never closed")));
              return FALSE;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (text, '"');
              p++;
            }
          else if (c == '"')
            {
              in_quotes = FALSE;
              if (p + 1 < end && p[1] != ',' && p[1] != '\r' && p[1] != '\n')
                {
                  fail (error_line, error_message, line,
                        g_strdup (_("text after the quote that closes a field; double a quote inside a quoted field")));
                  return FALSE;
                }
            }
          else
            {
              if (ends_line (p, end))
                line++;
              g_string_append_c (text, c);
            }
        }
      else if (at_end || c == ',' || c == '\n' || c == '\r')
        {
          g_string_append_c (text, '\0');
          g_ptr_array_add (fields, GSIZE_TO_POINTER (field_start));
          g_array_append_val (quoted_fields, quoted);
          field_start = text->len;
          quoted = FALSE;

          if (c == ',')
            {
              if (at_end)
                break;
              continue;
            }

          field_start = 0;
          if (!end_record (piece->each, piece->user_data, text, fields, quoted_fields, record_line,
                           piece->offset + (gsize) (p - data), piece->n_records))
            {
              *error_message = NULL;
              return FALSE;
            }
          if (at_end)
            break;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          line++;
          record_line = line;
          /* A file ending in a line break has no record after it. */
          if (p + 1 == end)
            break;
        }
      else if (c == '"' && text->len == field_start && !quoted)
        {
          in_quotes = quoted = TRUE;
          quote_line = line;
        }
      else if (c == '"' || quoted)
        {
          fail (error_line, error_message, line,
                g_strdup (_("a quote in the middle of a field; quote the whole field and double the quotes in it")));
          return FALSE;
        }
      else
        {
          /* The plain bytes up to the next that means something. */
          const char *q = p + 1;

          while (q < end && *q != ',' && *q != '\n' && *q != '\r' && *q != '"')
            q++;
          g_string_append_len (text, p, q - p);
          p = q - 1;
        }

      if (text->len - field_start > DOSSIER_CSV_MAX_FIELD)
        {
          fail (error_line, error_message, in_quotes ? quote_line : line,
                g_strdup_printf (_("a field longer than %d bytes; is this the right file?"), DOSSIER_CSV_MAX_FIELD));
          return FALSE;
        }
    }

  piece->line = line;
  return TRUE;
}

/**
 * dossier_csv_parse_each:
 * @each: called with each record, blank lines left out; it may change
 *   the fields' bytes in place (g_strstrip()), not the pointers, which
 *   point into one buffer reused for the next record; %FALSE stops the
 *   reading
 * @n_records: (out): how many records @each was given
 * @error_line: (out): where the first error is
 * @error_message: (out): what it is, translated
 *
 * Reads @data a record at a time, so that a caller that keeps less than
 * each record needs less memory than the file takes.
 *
 * Returns: %FALSE on an error in @data (the records before it were given
 *   to @each), or when @each said stop (@error_message then %NULL)
 */
gboolean
dossier_csv_parse_each (const char       *data,
                        gsize             size,
                        DossierCsvEach    each,
                        gpointer          user_data,
                        guint            *n_records,
                        guint            *error_line,
                        char            **error_message)
{
  Piece piece = { each, user_data, n_records, 1, 0 };

  *n_records = 0;
  *error_message = NULL;
  if (!parse_piece (&piece, data, size, TRUE, error_line, error_message))
    return FALSE;

  if (*n_records == 0)
    {
      fail (error_line, error_message, 1, g_strdup (_("the file is empty")));
      return FALSE;
    }
  return TRUE;
}

/* Where the bytes read so far can be cut: after the last line break that
 * is not in quotes (an even number of quotes before it: a doubled quote
 * counts two, a field's opening and closing quotes two). */
static gsize
last_cut (const char *data,
          gsize       from,
          gsize       size,
          gboolean   *in_quotes,
          gsize       cut)
{
  for (gsize i = from; i < size; i++)
    if (data[i] == '"')
      *in_quotes = !*in_quotes;
    else if (data[i] == '\n' && !*in_quotes)
      cut = i + 1;
  return cut;
}

/**
 * dossier_csv_parse_stream:
 * @piece_size: how many bytes are read before records are given; a file
 *   that is smaller is read whole first, as dossier_csv_parse_each() does
 * @error: (out): set when @stream cannot be read (the @error_message of
 *   the file's mistakes is then %NULL)
 *
 * dossier_csv_parse_each() on a stream, read a piece at a time: the memory
 * it takes does not grow with the file. A mistake is found when its piece
 * is read, after the records before it were given.
 */
gboolean
dossier_csv_parse_stream (GInputStream     *stream,
                          gsize             piece_size,
                          DossierCsvEach    each,
                          gpointer          user_data,
                          guint            *n_records,
                          guint            *error_line,
                          char            **error_message,
                          GCancellable     *cancellable,
                          GError          **error)
{
  Piece piece = { each, user_data, n_records, 1, 0 };
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize scanned = 0, cut = 0;
  gboolean in_quotes = FALSE, first = TRUE, at_eof = FALSE;

  *n_records = 0;
  *error_message = NULL;

  while (!at_eof)
    {
      gsize length = buffer->len, wanted = MAX (piece_size, length), n_read = 0;

      /* A piece, or twice as much while it has no line break out of
       * quotes. */
      g_byte_array_set_size (buffer, length + wanted);
      if (!g_input_stream_read_all (stream, buffer->data + length, wanted, &n_read, cancellable, error))
        return FALSE;
      g_byte_array_set_size (buffer, length + n_read);
      at_eof = n_read < wanted;

      cut = last_cut ((const char *) buffer->data, scanned, buffer->len, &in_quotes, cut);
      scanned = buffer->len;
      if (at_eof)
        cut = buffer->len;
      if (cut == 0)
        continue;

      if (!parse_piece (&piece, (const char *) buffer->data, cut, first, error_line, error_message))
        return FALSE;
      first = FALSE;
      piece.offset += cut;
      g_byte_array_remove_range (buffer, 0, cut);
      scanned -= cut;
      cut = 0;
    }

  if (*n_records == 0)
    {
      fail (error_line, error_message, 1, g_strdup (_("the file is empty")));
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_csv_append_field:
 *
 * Appends @field to @out, quoted if it has a comma, a quote, a line break
 * or a space at either end.
 */
void
dossier_csv_append_field (GString    *out,
                          const char *field)
{
  gsize length = strlen (field);

  if (strpbrk (field, ",\"\r\n") == NULL &&
      (length == 0 || (!g_ascii_isspace (field[0]) && !g_ascii_isspace (field[length - 1]))))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
