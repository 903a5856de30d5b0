"""What the output checkers share."""
import re

# folio --smart curls quotes and makes dashes and ellipses in the writers'
# output (not in the JSON model): the checkers compare both spellings alike.
_TYPO = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                       "\u2013": "-", "\u2014": "-", "\u2026": "..."})


def typographic_fold(s):
    """Straight quotes, hyphens for dashes, three dots for an ellipsis;
    "--" and "---" become one hyphen as the dashes they make do."""
    return re.sub(r"-{2,3}", "-", s.translate(_TYPO))


def blocks_in_order(blocks, text, norm, types=None):
    """Errors for the blocks (of the given types; all if None) whose text,
    normalised with norm, is not found in text after the previous one.
    text is already normalised.  A list item is looked for without its
    marker, which the output renders on its own."""
    errors, pos = [], 0
    for b in blocks:
        if types and b["type"] not in types:
            continue
        want = b["text"]
        if b["type"] == "list_item":
            want = re.sub(r"^(\S{1,4}\s)", "", want)
        n = norm(want)
        at = text.find(n, pos)
        if at < 0:
            errors.append("missing or out of order (line %d): %s" % (b["line"], b["text"][:60]))
        else:
            pos = at + len(n)
    return errors


# The words the writers add, per language (convert/doc.c): the opening
# section's name and the date's label; English for the rest.
OPENING = {"zh": "开篇", "ja": "はじめに", "ko": "들어가며", "fr": "Introduction", "de": "Einleitung",
           "es": "Introducción", "pt": "Introdução", "it": "Introduzione", "nl": "Inleiding", "sv": "Inledning",
           "da": "Indledning", "nb": "Innledning", "pl": "Wstęp", "cs": "Úvod", "ru": "Вступление", "uk": "Вступ",
           "ar": "مقدمة", "he": "פתיחה", "tr": "Giriş", "id": "Pendahuluan"}
DATE_LABEL = {"zh": "日期：", "ja": "日付：", "ko": "날짜: ", "fr": "Date : ", "de": "Datum: ", "es": "Fecha: ",
              "pt": "Data: ", "it": "Data: ", "nl": "Datum: ", "sv": "Datum: ", "da": "Dato: ", "nb": "Dato: ",
              "pl": "Data: ", "cs": "Datum: ", "ru": "Дата: ", "uk": "Дата: ", "ar": "التاريخ: ", "he": "תאריך: ",
              "tr": "Tarih: ", "id": "Tanggal: "}
