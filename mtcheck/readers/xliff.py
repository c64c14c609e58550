"""XLIFF 1.2 and 2.x: bilingual files whose units give the alignment directly.

Both documents of a file share its text: the source document's paragraphs are the
``<source>`` elements, the target document's the ``<target>`` elements, so findings point into
the target elements (and omissions into the source ones).

- XLIFF 1.2: each ``<trans-unit>`` is one paragraph on each side; its ``<source>`` and
  ``<target>`` are its direct children (those of ``<alt-trans>`` and ``<seg-source>`` are
  ignored).
- XLIFF 2.x: each ``<segment>`` of a ``<unit>`` is one paragraph on each side
  (``<ignorable>`` is skipped).
- Paragraph ``index`` is the unit's position in the file (1-based, every unit counted, so ids
  do not move when a unit is marked ``translate="no"``), ``unit_id`` the unit's ``id`` (with
  ``/<segment id or n>`` in 2.x); :func:`mtcheck.align.unit_segments` pairs them into segments
  ``p<unit index>.s<segment n>``.
- Inline markup: ``<g>``, ``<mrk>``, ``<pc>`` keep their text; ``<x/>``, ``<bx/>``, ``<ex/>``,
  ``<ph/>``, ``<sc/>``, ``<ec/>``, ``<sm/>``, ``<em/>`` are dropped, and so is the native code
  inside 1.2's ``<ph>``, ``<bpt>``, ``<ept>`` and ``<it>``; ``<cp hex="…"/>`` is its character.
  A space on both sides of dropped markup counts once. Character references are decoded and
  map to their whole span; bare URLs are masked (never reported).
- Units with ``translate="no"`` (on the unit or an enclosing group or file) are skipped.
- Suppression: a note ``mtcheck: ignore RULE[, RULE] -- reason`` in the unit (1.2
  ``<note>``, 2.x ``<notes><note>``) silences those rules in that unit.

A unit whose source has text but whose target is missing or empty is an input error naming
the unit: a file with untranslated units is not ready to be checked, and reporting it as an
omission would hide short units (the omission rule skips sentences under four words).

Safety: the file is checked for well-formedness with expat before reading; a DOCTYPE (and so
any DTD or entity declaration) is refused, which rules out entity-expansion attacks and
external entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from mtcheck.model import Document, Paragraph, Span
from mtcheck.readers import html as html_reader
from mtcheck.readers.common import URL, MarkupError, parse_suppression

_TOKEN = re.compile(
    r"""
      (?P<comment><!--.*?-->)
    | <!\[CDATA\[(?P<cdata>.*?)\]\]>
    | (?P<pi><\?.*?\?>)
    | (?P<decl><![^>]*>)
    | </(?P<end>[^\s>]+)\s*>
    | <(?P<start>[^\s/>]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?P<empty>/)?>
    | (?P<text>[^<]+)
    """,
    re.S | re.X,
)
_ATTR = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|apos|quot));")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}
_DROP_CONTENT = frozenset({"ph", "bpt", "ept", "it", "originalData"})
NAMESPACES = {"urn:oasis:names:tc:xliff:document:1.2": "1.2", "urn:oasis:names:tc:xliff:document:2.0": "2.0"}


@dataclass
class Bilingual:
    """The two sides of an XLIFF file, unsegmented; languages as the file declares them."""

    source: Document
    target: Document
    version: str
    src_lang: str | None = None
    tgt_lang: str | None = None
    units: int = 0


@dataclass
class _Unit:
    id: str
    index: int
    line: int
    translate: bool
    segments: list[dict] = field(default_factory=list)  # {"id", "line", "source": (a, b) | None, "target": ...}
    notes: list[tuple[str, int]] = field(default_factory=list)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _unescape(value: str) -> str:
    return _REF.sub(lambda m: _ref_char(m), value)


def _ref_char(m: re.Match) -> str:
    hexa, dec, name = m.groups()
    if name:
        return _PREDEFINED[name]
    return _char(int(hexa, 16) if hexa else int(dec))


def _char(code: int) -> str:
    """The character ``code`` names; a surrogate (no character on its own) becomes U+FFFD."""
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


def _attrs(raw: str) -> dict[str, str]:
    """Attributes by local name (``xml:lang`` → ``lang``); namespace declarations keep theirs."""
    out = {}
    for m in _ATTR.finditer(raw):
        name, value = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
        out[name if name.startswith("xmlns") else _local(name)] = _unescape(value)
    return out


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    return re.split(r"[-_]", value.strip())[0].lower() or None


class _Refused(Exception):
    pass


def _well_formed(path: str, text: str) -> None:
    """Refuse a DOCTYPE and anything expat finds not well-formed, with line and column."""
    from mtcheck.readers import InputError, line_col

    parser = expat.ParserCreate(encoding="UTF-8")

    def refuse(*_args) -> None:
        raise _Refused()

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    data = text.encode("utf-8")

    def where(index: int, near: str | None = None) -> str:
        pos = len(data[: max(index, 0)].decode("utf-8", "replace"))
        if near is not None and text.rfind(near, 0, pos + 1) >= 0:
            pos = text.rfind(near, 0, pos + 1)
        line, col = line_col(text, pos)
        return f"line {line}, column {col}"

    try:
        parser.Parse(data, True)
    except _Refused:
        at = where(parser.CurrentByteIndex, "<!DOCTYPE")
        raise InputError(path, f"has a DOCTYPE at {at}: DTDs and entity declarations are refused in XLIFF") from None
    except expat.ExpatError as e:
        raise InputError(path, f"not well-formed XML at {where(parser.ErrorByteIndex)}: {expat.ErrorString(e.code)}") from None


class _Lines:
    """Line numbers of increasing offsets, counted incrementally."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def __call__(self, pos: int) -> int:
        if pos < self.pos:
            self.pos, self.line = 0, 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def parse(path: str, text: str, src_lang: str | None = None, tgt_lang: str | None = None) -> Bilingual:
    """Read an XLIFF file into its source and target documents (paragraphs unsegmented).

    ``src_lang``/``tgt_lang`` set the documents' languages; when ``None`` the file's
    declared languages are used (``Bilingual.src_lang``/``tgt_lang`` always hold those).
    """
    from mtcheck.readers import InputError

    _well_formed(path, text)
    version: str | None = None
    unit_tag = ""
    declared: dict[str, str | None] = {"src": None, "tgt": None}
    stack: list[tuple[str, bool]] = []  # (local name, translate)
    units: list[_Unit] = []
    unit: _Unit | None = None
    capture: tuple[str, int, int] | None = None  # (side, content start, depth)
    note: tuple[int, int] | None = None
    segment: dict | None = None
    line_of = _Lines(text)

    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "attrs":
            kind = "start"
        if kind in {"start", "empty"}:
            name = _local(m.group("start"))
            attrs = _attrs(m.group("attrs") or "")
            empty = bool(m.group("empty"))
            parent = stack[-1][0] if stack else None
            translate = (stack[-1][1] if stack else True) and attrs.get("translate", "yes") != "no"
            if not stack:
                version, unit_tag = _root(path, text, name, attrs)
                declared["src"], declared["tgt"] = _lang(attrs.get("srcLang")), _lang(attrs.get("trgLang"))
            elif name == "file" and version == "1.2":
                declared["src"] = declared["src"] or _lang(attrs.get("source-language"))
                declared["tgt"] = declared["tgt"] or _lang(attrs.get("target-language"))
            if name == unit_tag and capture is None:
                unit = _Unit(attrs.get("id") or f"#{len(units) + 1}", len(units) + 1, line_of(m.start()), translate)
                units.append(unit)
                if version == "1.2":
                    segment = {"id": None, "line": unit.line, "source": None, "target": None}
                    unit.segments.append(segment)
            elif unit is not None and version != "1.2" and name == "segment" and parent == "unit":
                segment = {"id": attrs.get("id"), "line": line_of(m.start()), "source": None, "target": None}
                unit.segments.append(segment)
            elif (
                unit is not None
                and segment is not None
                and capture is None
                and name in {"source", "target"}
                and parent == ("trans-unit" if version == "1.2" else "segment")
            ):
                if empty:
                    segment[name] = (m.end(), m.end())
                else:
                    capture = (name, m.end(), len(stack) + 1)
            elif unit is not None and name == "note" and parent in {"trans-unit", "notes"} and not empty:
                note = (m.end(), len(stack) + 1)
            if not empty:
                stack.append((name, translate))
        elif kind == "end":
            name = _local(m.group("end"))
            depth = len(stack)
            if capture is not None and depth == capture[2]:
                assert segment is not None
                segment[capture[0]] = (capture[1], m.start())
                capture = None
            if note is not None and depth == note[1]:
                assert unit is not None
                unit.notes.append((text[note[0] : m.start()], note[0]))
                note = None
            stack.pop()
            if name == unit_tag:
                unit, segment = None, None
            elif name == "segment":
                segment = None
    if version is None:
        raise InputError(path, "has no root element, expected <xliff>")

    src_doc = Document(path=path, text=text, lang=src_lang or declared["src"] or "")
    tgt_doc = Document(path=path, text=text, lang=tgt_lang or declared["tgt"] or "")
    for unit in units:
        if not unit.translate:
            continue
        suppress = _suppressions(path, text, unit)
        for n, seg in enumerate(unit.segments, 1):
            where = f"unit {unit.id!r}" + (f", segment {seg['id'] or n}" if version != "1.2" else "")
            unit_id = unit.id if version == "1.2" else f"{unit.id}/{seg['id'] or n}"
            src = _block(text, seg["source"], version)
            if src is None or not src.text.strip():
                continue
            if seg["target"] is None:
                raise InputError(path, f"{where} (line {seg['line']}) has no <target>: translate it before checking")
            tgt = _block(text, seg["target"], version)
            if tgt is None or not tgt.text.strip():
                raise InputError(path, f"{where} (line {seg['line']}) has an empty <target>: translate it before checking")
            for doc, block in ((src_doc, src), (tgt_doc, tgt)):
                doc.masked += [Span(block.starts[u.start()], block.ends[u.end() - 1]) for u in URL.finditer(block.text)]
                doc.paragraphs.append(
                    Paragraph(unit.index, Span(block.starts[0], block.ends[-1]), block.text, block.starts, block.ends, unit_id=unit_id, file_text=text)
                )
            if suppress:
                tgt_doc.suppressions[unit.index] = suppress
    if not tgt_doc.paragraphs:
        what = "<trans-unit>" if version == "1.2" else "<unit>"
        raise InputError(path, f"has no translation units with text (XLIFF {version} {what})")
    return Bilingual(src_doc, tgt_doc, version, declared["src"], declared["tgt"], len(units))


def _root(path: str, text: str, name: str, attrs: dict[str, str]) -> tuple[str, str]:
    from mtcheck.readers import InputError

    if name != "xliff":
        raise InputError(path, f"root element is <{name}>, expected <xliff> (XLIFF 1.2 or 2.x)")
    namespaces = {v for k, v in attrs.items() if k.startswith("xmlns")}
    version = attrs.get("version") or next((v for ns, v in NAMESPACES.items() if ns in namespaces), "")
    if version.startswith("1."):
        return "1.2", "trans-unit"
    if version.startswith("2."):
        return version, "unit"
    raise InputError(path, f"unsupported XLIFF version {version or '(none given)'!r}: expected 1.2 or 2.x")


def _suppressions(path: str, text: str, unit: _Unit) -> list[tuple[str, str]]:
    from mtcheck.readers import InputError, line_col

    out: list[tuple[str, str]] = []
    for body, pos in unit.notes:
        try:
            rules = parse_suppression(_unescape(body), pos)
        except MarkupError as e:
            line, col = line_col(text, pos)
            raise InputError(path, f"unit {unit.id!r}, note at line {line}, column {col}: {e.message}") from None
        out += rules or []
    return out


def _block(text: str, rng: tuple[int, int] | None, version: str) -> html_reader.Block | None:
    """The clean text of a <source>/<target> element's content ``text[a:b]``."""
    if rng is None:
        return None
    a, b = rng
    chars: list[tuple[str, int, int]] = []
    drop = 0
    skipped = False  # markup dropped since the last character

    def add(ch: str, s: int, e: int) -> None:
        nonlocal skipped
        if skipped and ch == " " and chars and chars[-1][0] == " ":
            return
        chars.append((ch, s, e))
        skipped = False

    for m in _TOKEN.finditer(text, a, b):
        kind = m.lastgroup
        if kind == "text":
            if drop:
                continue
            i = m.start()
            for r in _REF.finditer(text, m.start(), m.end()):
                for k in range(i, r.start()):
                    add(text[k], k, k + 1)
                add(_ref_char(r), r.start(), r.end())
                i = r.end()
            for k in range(i, m.end()):
                add(text[k], k, k + 1)
        elif kind == "cdata":
            if not drop:
                for k in range(m.start("cdata"), m.end("cdata")):
                    add(text[k], k, k + 1)
        elif kind in {"start", "attrs", "empty"}:
            name = _local(m.group("start"))
            if name == "cp" and not drop:
                value = _attrs(m.group("attrs") or "").get("hex", "")
                if re.fullmatch(r"[0-9a-fA-F]{1,6}", value) and int(value, 16) <= 0x10FFFF:
                    add(_char(int(value, 16)), m.start(), m.end())
                    continue
            skipped = True
            if name in _DROP_CONTENT and not m.group("empty"):
                drop += 1
        elif kind == "end":
            skipped = True
            if _local(m.group("end")) in _DROP_CONTENT and drop:
                drop -= 1
        else:
            skipped = True
    while chars and chars[-1][0].isspace():
        chars.pop()
    lead = next((i for i, c in enumerate(chars) if not c[0].isspace()), len(chars))
    del chars[:lead]
    if not chars:
        return html_reader.Block("", [], [])
    return html_reader.Block("".join(c for c, _, _ in chars), [s for _, s, _ in chars], [e for _, _, e in chars])
