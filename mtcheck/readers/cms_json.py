"""JSON CMS exports: one article per file, an array of articles, or JSON Lines of articles.

Offsets point into the original file: each decoded character of a JSON string maps to its
whole escape in the file (``\\n``, ``\\"``, ``\\u00e9``, a ``\\ud83d\\ude00`` surrogate pair),
and in an HTML field each clean character maps through the HTML reader
(:mod:`mtcheck.readers.html`: entities, tags, suppression comments) to the file.

Forms: a ``.jsonl``/``.ndjson`` file holds one article object per non-blank line; a ``.json``
file holds one article object or an array of them (or, with ``json_articles_field``, an object
whose field holds that array). Each article becomes one document; all the articles of a file
share its path, and each paragraph's ``unit_id`` is ``<article id>:<field>``.

Settings (keys of the settings dict, e.g. ``[tool.mtcheck]``), with their defaults:

``json_fields = ["title", "standfirst", "body"]``
    The fields checked, in reading order; a dotted path reaches into objects
    (``"content.rendered"``). A field may hold a string or a list of strings; a missing or
    ``null`` field is skipped; an article with none of them is an input error. Plain fields
    are split into paragraphs at blank lines; bare URLs in them are masked.
``json_html_fields = ["body"]``
    Which of those fields hold HTML (blocks, entities, ``<!-- mtcheck: ignore … -->``).
``json_id_field = "id"``
    The article's id (string or number); without it an article is named ``#<n>``, its
    position in the file (1-based).
``json_source_id_fields = ["source_id", "translation_of"]``
    A field naming the id of the article's source in the source file. The source file is
    ``--source``, else the file found by name (``articles.en.jsonl`` → ``articles.fr.jsonl``),
    else the file named by a string ``source`` field. A named id missing from the source file
    is an input error.
``json_source_field = "source"``
    Either the source article itself, embedded as an object with the same fields (its offsets
    point into the same file), or a string: the path of the source file, relative to the
    target file's folder.
``json_articles_field = ""``
    For a ``.json`` file wrapping its articles (``{"articles": [...]}``): the dotted path of
    the array. Empty, or absent from a file, means the top-level value is the article or the
    array.

An article with neither an id reference nor an embedded source is paired with the source
file's article of the same id, else with the source file's only article when both files
hold exactly one; otherwise it is checked monolingually and a notice says so.
"""

from __future__ import annotations

import bisect
import functools
import json
import json.decoder
import json.scanner
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.model import Document, Paragraph, Span
from mtcheck.readers import html as html_reader
from mtcheck.readers.common import URL, MarkupError
from mtcheck.readers.text import paragraph_spans

DEFAULTS: dict[str, Any] = {
    "json_fields": ["title", "standfirst", "body"],
    "json_html_fields": ["body"],
    "json_id_field": "id",
    "json_source_id_fields": ["source_id", "translation_of"],
    "json_source_field": "source",
    "json_articles_field": "",
}

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def setting(settings: dict[str, Any], key: str) -> Any:
    value = settings.get(key)
    if value is None:
        return DEFAULTS[key]
    if isinstance(DEFAULTS[key], list) and isinstance(value, str):
        return [value]
    return value


# -- a JSON decoder that remembers where each string and object starts ----------------------


class _Str(str):
    """A decoded JSON string that knows its literal's span ``[start, end)`` (quotes included)."""

    start: int
    end: int


class _Obj(dict):
    """A decoded JSON object that knows its span ``[start, end)`` (braces included)."""

    start: int
    end: int


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _located_string(s: str, idx: int, strict: bool) -> tuple[_Str, int]:
    value, end = json.decoder.scanstring(s, idx, strict)
    out = _Str(_LONE_SURROGATE.sub("\ufffd", value))  # a lone ``\ud800`` is no character: U+FFFD
    out.start, out.end = idx - 1, end
    return out, end


def _located_object(s_and_end, *args):
    obj, end = json.decoder.JSONObject(s_and_end, *args)
    out = _Obj(obj)
    out.start, out.end = s_and_end[1] - 1, end
    return out, end


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__()
        self.parse_string = _located_string
        self.parse_object = _located_object
        self.scan_once = json.scanner.py_make_scanner(self)


def _parse_values(path: str, text: str, problems: list[str] | None = None) -> list[tuple[Any, int]]:
    """The file's top-level values with their 1-based line: one per line for JSON Lines.

    With ``problems``, a bad JSON Lines line is added there as its one-line message and
    skipped (the other articles are still read); without it, it is raised.
    """
    from mtcheck.readers import InputError

    decoder = _LocatingDecoder()
    suffix = Path(path).suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        out, pos = [], 0
        for number, line in enumerate(text.split("\n"), 1):
            start, pos = pos, pos + len(line) + 1
            if not line.strip():
                continue
            try:
                _validate(path, line, number)
                first = start + len(line) - len(line.lstrip())
                out.append((_decode_at(path, decoder, text, first), number))
            except InputError as e:
                _refuse(e, problems)
        return out
    _validate(path, text, 1)
    first = len(text) - len(text.lstrip())
    return [(_decode_at(path, decoder, text, first), text.count("\n", 0, first) + 1)]


def _validate(path: str, chunk: str, line_offset: int) -> None:
    from mtcheck.readers import InputError

    try:
        json.loads(chunk)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON at line {e.lineno + line_offset - 1}, column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise InputError(path, f"JSON nested too deeply (line {line_offset})") from None
    except ValueError:  # int() refuses more than 4,300 digits
        raise InputError(path, f"JSON number too long (line {line_offset})") from None


def _decode_at(path: str, decoder: _LocatingDecoder, text: str, idx: int) -> Any:
    from mtcheck.readers import InputError

    try:
        value, _ = decoder.scan_once(text, idx)
    except RecursionError:
        raise InputError(path, "JSON nested too deeply") from None
    finally:
        decoder.memo.clear()
    return value


def string_map(text: str, literal: _Str) -> tuple[Sequence[int], Sequence[int]]:
    """For each decoded character of ``literal``, the file span of the escape it came from.

    A literal without escapes maps one to one: two ``range`` objects, not two lists of ints
    (about 70 bytes per character, most of a large JSON Lines export's memory).
    """
    i, end = literal.start + 1, literal.end - 1
    if text.find("\\", i, end) == -1:
        return range(i, end), range(i + 1, end + 1)
    starts: list[int] = []
    ends: list[int] = []
    while i < end:
        if text[i] != "\\":
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        if text[i + 1] != "u":
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        j = i + 6
        code = int(text[i + 2 : j], 16)
        if 0xD800 <= code < 0xDC00 and text.startswith("\\u", j):
            low = int(text[j + 2 : j + 6], 16)
            if 0xDC00 <= low < 0xE000:
                j += 6
        starts.append(i)
        ends.append(j)
        i = j
    if len(starts) != len(literal):  # pragma: no cover - a guard on the decoder above
        raise AssertionError("JSON string map out of step with its value")
    return starts, ends


# -- articles ---------------------------------------------------------------------------------


@dataclass
class Article:
    """One article of a file: its unsegmented document and how to find its source."""

    id: str
    line: int
    doc: Document
    source_ref: str | None = None  # an id named by source_id / translation_of
    source_ref_field: str | None = None
    embedded: Document | None = None  # a ``source`` object
    source_file: str | None = None  # a ``source`` string
    notices: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"article {self.id!r} (line {self.line})"


def _lookup(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    return "a number"


def read_articles(
    path: str, text: str, lang: str, settings: dict[str, Any] | None = None, problems: list[str] | None = None
) -> list[Article]:
    """Every article of a JSON/JSON Lines file, as unsegmented documents in ``lang``.

    With ``problems``, an article that cannot be read (a bad line, a field of the wrong type,
    a repeated id…) is added there as its one-line message and left out; without it, the
    first such article refuses the file.
    """
    from mtcheck.readers import InputError

    settings = settings or {}
    values = _parse_values(path, text, problems)
    wrapper = setting(settings, "json_articles_field")
    raw: list[tuple[Any, int]] = []
    for value, line in values:
        if wrapper and isinstance(value, dict) and _lookup(value, wrapper) is not None:
            value = _lookup(value, wrapper)
            if not isinstance(value, list):
                raise InputError(path, f"line {line}: json_articles_field {wrapper!r} is not an array of articles")
        if isinstance(value, list):
            raw += _lines_of(text, value, line)
        else:
            raw.append((value, line))
    if not raw and not problems:
        raise InputError(path, "holds no articles")
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for n, (obj, line) in enumerate(raw, 1):
        try:
            articles.append(_article(path, text, lang, obj, n, line, seen, settings))
        except InputError as e:
            _refuse(e, problems)
    return articles


def _refuse(error: Exception, problems: list[str] | None) -> None:
    """Add ``error``'s message to ``problems``, or raise it when there is no such list."""
    if problems is None:
        raise error
    problems.append(str(error))


def _article(path: str, text: str, lang: str, obj: Any, n: int, line: int, seen: dict[str, int], settings: dict[str, Any]) -> Article:
    """Article number ``n`` (on ``line``); ``seen`` maps the ids read so far to their lines."""
    from mtcheck.readers import InputError

    if not isinstance(obj, dict):
        raise InputError(path, f"line {line}: article #{n} is {_type_name(obj)}, expected an object")
    ident = _lookup(obj, setting(settings, "json_id_field"))
    ident = f"#{n}" if ident is None or isinstance(ident, (dict, list)) else str(ident)
    if ident in seen:
        raise InputError(path, f"line {line}: article id {ident!r} also used on line {seen[ident]}")
    article = Article(ident, line, article_document(path, text, lang, obj, f"article {ident!r} (line {line})", ident, settings))
    for key in setting(settings, "json_source_id_fields"):
        ref = _lookup(obj, key)
        if ref is not None and not isinstance(ref, (dict, list)):
            article.source_ref, article.source_ref_field = str(ref), key
            break
    src = _lookup(obj, setting(settings, "json_source_field"))
    if isinstance(src, dict):
        article.embedded = article_document(path, text, "", src, f"the source of {article.label}", f"{ident}/source", settings)
    elif isinstance(src, str) and src.strip():
        article.source_file = str(src)
    seen[ident] = line
    return article


def _lines_of(text: str, values: list[Any], default: int) -> list[tuple[Any, int]]:
    """Each array item with its 1-based line, counting newlines once through the file."""
    out, line, pos = [], 1, 0
    for v in values:
        start = getattr(v, "start", None)
        if start is None:
            out.append((v, default))
            continue
        line += text.count("\n", pos, start)  # items come in file order
        pos = start
        out.append((v, line))
    return out


def article_document(
    path: str, text: str, lang: str, obj: dict, label: str, ident: str, settings: dict[str, Any]
) -> Document:
    """The configured fields of one article object as a document (paragraphs unsegmented)."""
    from mtcheck.readers import InputError

    fields = setting(settings, "json_fields")
    html_fields = set(setting(settings, "json_html_fields"))
    doc = Document(path=path, text=text, lang=lang, scope=Span(obj.start, obj.end) if isinstance(obj, _Obj) else None)
    found = False
    for name in fields:
        value = _lookup(obj, name)
        if value is None:
            continue
        found = True
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item is None:
                continue
            if not isinstance(item, _Str):
                raise InputError(path, f"{label}: field {name!r} is {_type_name(item)}, expected text")
            starts, ends = string_map(text, item)
            if name in html_fields:
                _add_html(doc, text, item, starts, ends, label, name, ident)
            else:
                for a, b in paragraph_spans(str(item)):
                    _add_paragraph(doc, item[a:b], starts[a:b], ends[a:b], f"{ident}:{name}")
                doc.masked += [Span(starts[u.start()], ends[u.end() - 1]) for u in URL.finditer(item)]
    if not found:
        raise InputError(path, f"{label} has none of the fields {', '.join(fields)} (set json_fields)")
    return doc


def _add_html(doc: Document, text: str, item: _Str, starts: list[int], ends: list[int], label: str, name: str, ident: str) -> None:
    from mtcheck.readers import InputError, line_col

    try:
        blocks, masked = html_reader.extract(str(item), fragment=True)
    except MarkupError as e:
        pos = starts[e.pos] if e.pos < len(starts) else item.end - 1
        line, col = line_col(text, pos)
        raise InputError(doc.path, f"{label}: broken HTML in field {name!r} at line {line}, column {col}: {e.message}") from None
    for a, b in masked:
        doc.masked.append(Span(starts[a], ends[b - 1]))
    for block in blocks:
        index = _add_paragraph(
            doc,
            block.text,
            [starts[s] for s in block.starts],
            [ends[e - 1] for e in block.ends],
            f"{ident}:{name}",
        )
        if block.suppress:
            doc.suppressions[index] = list(block.suppress)


def _add_paragraph(doc: Document, clean: str, starts: list[int], ends: list[int], unit_id: str) -> int:
    index = len(doc.paragraphs) + 1
    doc.paragraphs.append(
        Paragraph(index=index, span=Span(starts[0], ends[-1]), text=clean, char_starts=starts, char_ends=ends, unit_id=unit_id, file_text=doc.text)
    )
    return index


# -- pairing articles with their sources ------------------------------------------------------


@dataclass
class Pair:
    """A target article, its source article (or ``None``), and what to tell the user."""

    article: Article
    source: Document | None
    source_label: str | None = None
    notices: list[str] = field(default_factory=list)


def pair_articles(
    target_path: str | Path,
    source_path: str | Path | None,
    src_lang: str,
    tgt_lang: str,
    settings: dict[str, Any] | None = None,
    problems: list[str] | None = None,
) -> list[Pair]:
    """Read a target export and pair each article with its source (see the module docstring).

    With ``problems``, an article that cannot be read or paired (and a source article that
    cannot be read) is added there as its one-line message and the others are paired; without
    it, the first such article refuses the file.
    """
    from mtcheck.readers import InputError, decode, format_of

    settings = settings or {}
    target_path = str(target_path)
    before = len(problems or ())
    articles = read_articles(target_path, decode(target_path), tgt_lang, settings, problems)
    alone = len(articles) == 1 and len(problems or ()) == before  # the file's only article, none refused
    cache: dict[str, tuple[list[Article], dict[str, Article], bool]] = {}

    def load(p: str) -> tuple[list[Article], dict[str, Article], bool]:
        """A source export's articles, the same by id (built once: thousands of articles), and
        whether it holds exactly one article."""
        if p not in cache:
            if format_of(p) != "json":
                raise InputError(p, "is not a JSON export, but it is named as the source of a JSON export")
            before = len(problems or ())
            sources = read_articles(p, decode(p), src_lang, settings, problems)
            cache[p] = sources, {a.id: a for a in sources}, len(sources) == 1 and len(problems or ()) == before
        return cache[p]

    if source_path is not None and any(a.embedded is None for a in articles):
        load(str(source_path))  # a source file that cannot be read refuses the whole file, once
    pairs = []
    for article in articles:
        try:
            pairs.append(_paired(article, target_path, source_path, src_lang, alone, load, settings))
        except InputError as e:
            _refuse(e, problems)
    return pairs


def _paired(article: Article, target_path: str, source_path: str | Path | None, src_lang: str, alone: bool, load, settings: dict[str, Any]) -> Pair:
    """``article`` and its source (see :func:`pair_articles`)."""
    from mtcheck.readers import InputError

    if article.embedded is not None:
        article.embedded.lang = src_lang
        return Pair(article, article.embedded, f"the embedded source of {article.label}")
    file = str(source_path) if source_path is not None else None
    if file is None and article.source_file:
        file = str(Path(target_path).parent / article.source_file)
        if not Path(file).is_file():
            raise InputError(target_path, f"{article.label}: source file {article.source_file!r} not found")
    if file is None:
        note = " (it names source " + repr(article.source_ref) + ")" if article.source_ref else ""
        return Pair(article, None, None, [f"No source found for {article.label} of {target_path}{note}: checked monolingually (pass --source to compare)."])
    sources, by_id, single = load(file)
    if article.source_ref is not None:
        match = by_id.get(article.source_ref)
        if match is None:
            raise InputError(target_path, f"{article.label}: {article.source_ref_field} {article.source_ref!r} not found in {file}")
    else:
        match = by_id.get(article.id)
        if match is None and single and alone:
            match = sources[0]
    if match is None:
        return Pair(article, None, None, [
            f"No source article for {article.label} of {target_path} in {file} (no "
            f"{'/'.join(setting(settings, 'json_source_id_fields'))} field, no article with the same id): checked monolingually."
        ])
    return Pair(article, match.doc, f"{match.label} of {file}")


# -- writing a fix back into a JSON string ------------------------------------------------------


def encode_in_string(path: str, text: str, span: Span, replacement: str, settings: dict[str, Any]) -> str:
    """``replacement`` escaped for the JSON string literal holding ``span`` (HTML-escaped first
    when that string is one of ``json_html_fields``)."""
    starts, literals = _literals(path, text, frozenset(setting(settings, "json_html_fields")))
    k = bisect.bisect_left(starts, span.start) - 1  # the last literal opening before the span
    if k >= 0 and span.end < literals[k][1] and literals[k][2]:
        replacement = replacement.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return json.dumps(replacement, ensure_ascii=False)[1:-1]


@functools.lru_cache(maxsize=2)
def _literals(path: str, text: str, html_fields: frozenset[str]) -> tuple[list[int], list[tuple[int, int, bool]]]:
    """Every string value of the file as ``(start, end, is an HTML field)``, in file order.

    Parsed once per file text: ``fix`` on a 5,000-article JSON Lines file encodes thousands
    of replacements against the same text.
    """
    found = []
    todo: list[tuple[Any, tuple[str, ...]]] = [(value, ()) for value, _ in _parse_values(path, text)]
    while todo:  # no recursion: nesting is bounded only by the reader's own limit
        value, trail = todo.pop()
        if isinstance(value, _Str):
            found.append((value.start, value.end, any(".".join(trail[k:]) in html_fields for k in range(len(trail)))))
        elif isinstance(value, dict):
            todo.extend((v, (*trail, key)) for key, v in value.items())
        elif isinstance(value, list):
            todo.extend((v, trail) for v in value)
    found.sort()
    return [f[0] for f in found], found
