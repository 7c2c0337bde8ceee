#!/usr/bin/env python3
"""Fills translations into a .po file from a JSON dictionary.

    build-aux/po-fill.py po/fr.po translations.json

The JSON maps a msgid (or "context\\u0004msgid") to its translation, or to a
list of translations for a plural entry. An entry it fills loses its fuzzy
flag; entries it does not name are left as they are.
"""
import json
import re
import sys


def unquote(lines):
    return "".join(json.loads(line) for line in lines)


def quote(text):
    if "\n" not in text[:-1]:
        return [json.dumps(text, ensure_ascii=False)]
    parts = re.findall(r".*?\n|.+$", text)
    return ['""'] + [json.dumps(p, ensure_ascii=False) for p in parts]


def entries(lines):
    block = []
    for line in lines:
        if line.strip() == "":
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def fields(block):
    out, key = {}, None
    for line in block:
        m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (.*)$", line)
        if m:
            key = m.group(1)
            out[key] = [m.group(2)]
        elif line.startswith('"') and key:
            out[key].append(line)
    return out


def main(po_path, json_path):
    table = json.load(open(json_path, encoding="utf-8"))
    text = open(po_path, encoding="utf-8").read()
    result, used = [], set()
    for block in entries(text.split("\n")):
        f = fields(block)
        if "msgid" not in f or unquote(f["msgid"]) == "" or block[0].startswith("#~"):
            result.append(block)
            continue
        msgid = unquote(f["msgid"])
        key = (unquote(f["msgctxt"]) + "\u0004" if "msgctxt" in f else "") + msgid
        if key not in table:
            result.append(block)
            continue
        used.add(key)
        value = table[key]
        head = []
        for line in block:
            if re.match(r"^(msgstr|\")", line) and not line.startswith('"') or line.startswith("msgstr"):
                break
            head.append(line)
        # Keep comments and msgctxt/msgid(_plural) lines; drop old msgstr lines.
        kept = []
        in_str = False
        for line in block:
            if line.startswith("msgstr"):
                in_str = True
                continue
            if in_str and line.startswith('"'):
                continue
            in_str = False
            if line.startswith("#,"):
                flags = [x.strip() for x in line[2:].split(",") if x.strip() and x.strip() != "fuzzy"]
                if flags:
                    kept.append("#, " + ", ".join(flags))
                continue
            if line.startswith("#|"):
                continue
            kept.append(line)
        if isinstance(value, list):
            for i, v in enumerate(value):
                q = quote(v)
                kept.append(f"msgstr[{i}] {q[0]}")
                kept.extend(q[1:])
        else:
            q = quote(value)
            kept.append(f"msgstr {q[0]}")
            kept.extend(q[1:])
        result.append(kept)
    open(po_path, "w", encoding="utf-8").write("\n\n".join("\n".join(b) for b in result) + "\n")
    unknown = set(table) - used
    if unknown:
        print("not in the .po file:", *sorted(unknown), sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
