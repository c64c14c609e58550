"""HTML articles (CMS exports): text from block elements, every character mapped to its file span.

What is checked: the text of ``p``, ``h1``–``h6``, ``li``, ``blockquote``, ``figcaption``,
``td``/``th``, ``dt``/``dd``, ``caption`` and ``div`` elements. A block nested in another
(``<li>`` in ``<li>``, ``<p>`` in ``<blockquote>``) is its own paragraph; the outer block's
own text around it makes further paragraphs. Text outside every block element is not checked.

- Tags and attributes never reach the clean text, so they are never flagged; inline tags
  (``<em>``, ``<a>``, ``<span>`` …) vanish and their text joins the surrounding words.
- Entities are decoded (``&amp;`` → ``&``, ``&#233;`` → ``é``, ``&nbsp;`` → U+00A0) and the
  decoded character maps to the entity's whole span, so a fix over it replaces the entity.
- Runs of ASCII whitespace collapse to one space, as a browser shows them (the space maps to
  the whole run); ``<br>`` becomes a line break mapped to the tag; no-break spaces are kept.
- The content of ``script``, ``style``, ``template``, ``pre``, ``noscript``, ``svg``, ``math``,
  ``nav``, ``select``, ``textarea``, ``title`` and ``head`` is ignored; inline ``code``,
  ``kbd`` and ``samp`` and bare URLs stay in the text (so the words around them do not join)
  but are masked: nothing inside them is reported.
- ``<!-- mtcheck: ignore RULE[, RULE] -- reason -->`` silences those rules (ids or category
  prefixes) in the next block; the reason is required, and a malformed ``mtcheck:`` comment
  is an input error rather than a suppression that silently does nothing.

Markup that cannot be read sensibly is an :class:`~mtcheck.readers.InputError` naming the line
and column: an unterminated comment, tag, ``<script>``/``<style>``, or an attribute whose
unclosed quote swallows the following blocks. Everything else browsers tolerate (implicitly
closed ``<p>``/``<li>``/``<td>``, stray end tags, unclosed blocks at the end) is tolerated.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mtcheck.model import Document, Offsets, Paragraph, Span
from mtcheck.readers.common import URL, MarkupError, parse_suppression

BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "dt", "dd", "caption", "div"}
)
# Elements whose text is never checked (raw-text ones are skipped without looking inside).
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
IGNORED = frozenset({"template", "pre", "noscript", "svg", "math", "nav", "select", "head", "object"}) | RAW_TEXT
CODE = frozenset({"code", "kbd", "samp"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Start tags that close an open <p> (HTML's implied end tags, simplified).
_CLOSES_P = frozenset(
    {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
     "pre", "section", "table", "ul"}
)
# For elements that close an open sibling: the element, and the containers that stop the search.
_CLOSES_SIBLING = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
}

_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", re.S)
_END_TAG = re.compile(r"</([A-Za-z][^\s/>]*)[^>]*>")
_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))")
_SWALLOWED_BLOCK = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|td|th|div)\s*>", re.I)
_ASCII_SPACE = " \t\n\r\f"
_BLANK_LINE = re.compile(r"\n[ \t\r\f]*\n\s*")
@dataclass
class Block:
    """One block's clean text; ``starts``/``ends`` give each character's span in the markup."""

    text: str
    starts: Sequence[int]  # model.Offsets from the extractor: a 20 MiB page holds millions
    ends: Sequence[int]
    suppress: list[tuple[str, str]] = field(default_factory=list)


def decode_entities(markup: str, a: int, b: int):
    """Yield ``(char, start, end)`` for the text ``markup[a:b]`` with character references decoded."""
    pos = a
    while pos < b:
        amp = markup.find("&", pos, b)
        if amp < 0:
            for i in range(pos, b):
                yield markup[i], i, i + 1
            return
        for i in range(pos, amp):
            yield markup[i], i, i + 1
        m = _ENTITY.match(markup, amp, b)
        decoded, end = _entity(m) if m else (None, amp + 1)
        if decoded is None:
            yield "&", amp, amp + 1
            pos = amp + 1
            continue
        for ch in decoded:
            yield ch, amp, end
        pos = end


def _entity(m: re.Match) -> tuple[str | None, int]:
    hexa, dec, name = m.groups()
    if hexa is not None or dec is not None:
        value = int(hexa, 16) if hexa is not None else int(dec)
        return _numeric(value), m.end()
    if name.endswith(";") and name in html.entities.html5:
        return html.entities.html5[name], m.end()
    bare = name.rstrip(";")
    for k in range(len(bare), 1, -1):  # legacy references without ';' (&amp, &copy …)
        if bare[:k] in html.entities.html5:
            return html.entities.html5[bare[:k]], m.start() + 1 + k
    return None, m.start() + 1


def _numeric(value: int) -> str:
    """A numeric character reference's character, with HTML's replacements for bad values."""
    if value > 0x10FFFF:
        return "\ufffd"
    return html.unescape(f"&#{value};")


class _Extractor:
    def __init__(self, markup: str, fragment: bool = False) -> None:
        self.m = markup
        self.fragment = fragment
        self.stack: list[str] = []
        self.open_at: dict[str, list[int]] = {}  # each open element's stack positions, by name
        self.ignored = 0
        self.code = 0
        self.blocks_open = int(fragment)  # a fragment's loose text is a block of its own
        self.buf: list[tuple[str, int, int, bool]] = []
        self.merged_space = False
        self.blocks: list[Block] = []
        self.masked: list[tuple[int, int]] = []
        self.pending: list[tuple[int, list[tuple[str, str]]]] = []

    # -- the scan ---------------------------------------------------------------------------
    def run(self) -> tuple[list[Block], list[tuple[int, int]]]:
        m, n, pos = self.m, len(self.m), 0
        while pos < n:
            lt = m.find("<", pos)
            if lt < 0:
                self.text(pos, n)
                break
            if lt > pos:
                self.text(pos, lt)
            pos = self.markup(lt)
        self.flush()
        if self.pending:
            # a suppression after the last block silences nothing: say so rather than ignore it
            raise MarkupError("mtcheck comment is not followed by any block to apply to", self.pending[-1][0])
        return self.blocks, self.masked

    def markup(self, lt: int) -> int:
        """Handle the markup at ``lt`` (a ``<``); return where scanning resumes."""
        m = self.m
        if m.startswith("<!--", lt):
            if m.startswith("<!-->", lt) or m.startswith("<!--->", lt):
                return m.index(">", lt) + 1
            end = m.find("-->", lt + 4)
            if end < 0:
                raise MarkupError("unterminated comment (`<!--` without `-->`)", lt)
            rules = parse_suppression(m[lt + 4 : end], lt)
            if rules:
                self.pending.append((lt, rules))
            return end + 3
        if m.startswith("<![CDATA[", lt):
            end = m.find("]]>", lt)
            if end < 0:
                raise MarkupError("unterminated CDATA section", lt)
            return end + 3
        if m.startswith(("<!", "<?"), lt):
            end = m.find(">", lt)
            if end < 0:
                raise MarkupError("unterminated declaration", lt)
            return end + 1
        if m.startswith("</", lt):
            if lt + 2 < len(m) and m[lt + 2].isascii() and m[lt + 2].isalpha():
                t = _END_TAG.match(m, lt)
                if not t:
                    raise MarkupError(f"unterminated end tag `{m[lt:lt + 12].split()[0]}`", lt)
                self.end_tag(t.group(1).lower())
                return t.end()
            self.literal(lt)
            return lt + 1
        if lt + 1 < len(m) and m[lt + 1].isascii() and m[lt + 1].isalpha():
            t = _START_TAG.match(m, lt)
            name = re.match(r"[A-Za-z][^\s/>]*", m[lt + 1 : lt + 40]).group().lower()  # type: ignore[union-attr]
            if not t:
                head = m[lt : (m.find(">", lt) + 1) or len(m)]
                if head.count('"') % 2 or head.count("'") % 2:
                    raise MarkupError(f"unclosed quote in the attributes of `<{name}>`", lt)
                raise MarkupError(f"unterminated tag `<{name}` (no closing `>`)", lt)
            if _SWALLOWED_BLOCK.search(t.group(2)):
                raise MarkupError(f"unclosed quote in the attributes of `<{name}>` swallows the text after it", lt)
            return self.start_tag(name, t, lt)
        self.literal(lt)  # a lone "<", as in "a < b"
        return lt + 1

    def start_tag(self, name: str, t: re.Match, lt: int) -> int:
        self.implied_ends(name)
        if name == "br":
            if self.collecting():
                self.buf.append(("\n", lt, t.end(), False))
                self.merged_space = True
            return t.end()
        if name in VOID or t.group(3):
            return t.end()
        if name in RAW_TEXT:
            close = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(self.m, t.end())
            if not close:
                raise MarkupError(f"`<{name}>` is never closed (no `</{name}>`)", lt)
            return close.end()
        if name in BLOCKS:
            self.flush()
            self.blocks_open += 1
        self.ignored += name in IGNORED
        self.code += name in CODE
        self.open_at.setdefault(name, []).append(len(self.stack))
        self.stack.append(name)
        return t.end()

    def end_tag(self, name: str) -> None:
        if name == "br":  # </br> is read as <br> by browsers
            return
        if not self.open_at.get(name):
            return  # a stray end tag, ignored as browsers do
        while self.stack:
            top = self.pop()
            if top == name:
                break

    def pop(self) -> str:
        top = self.stack.pop()
        self.open_at[top].pop()
        if top in BLOCKS:
            self.flush()
            self.blocks_open -= 1
        self.ignored -= top in IGNORED
        self.code -= top in CODE
        return top

    def implied_ends(self, name: str) -> None:
        if name in _CLOSES_P:
            self.close_open(("p",), ("button", "td", "th", "li", "blockquote", "div", "table", "dd", "dt"))
        if name in _CLOSES_SIBLING:
            targets, stops = _CLOSES_SIBLING[name]
            self.close_open(tuple(targets), tuple(stops))

    def close_open(self, targets: tuple[str, ...], stops: tuple[str, ...]) -> None:
        """Close the innermost open ``targets`` element unless a ``stops`` element is nearer
        (without scanning the stack: thousands of unclosed ``<span>`` stay linear)."""
        target = max((self.open_at[t][-1] for t in targets if self.open_at.get(t)), default=-1)
        if target < 0 or max((self.open_at[s][-1] for s in stops if self.open_at.get(s)), default=-1) > target:
            return
        while len(self.stack) > target:
            self.pop()

    # -- text -------------------------------------------------------------------------------
    def collecting(self) -> bool:
        return self.blocks_open > 0 and not self.ignored

    def literal(self, lt: int) -> None:
        if self.collecting():
            self.add("<", lt, lt + 1, plain=False)

    def text(self, a: int, b: int) -> None:
        if not self.collecting():
            return
        if self.fragment and self.blocks_open == 1:  # loose text: blank lines end paragraphs
            for blank in _BLANK_LINE.finditer(self.m, a, b):
                self.chars(a, blank.start())
                self.flush()
                a = blank.end()
        self.chars(a, b)

    def chars(self, a: int, b: int) -> None:
        m = self.m
        if "&" not in m[a:b]:
            for i in range(a, b):
                self.add(m[i], i, i + 1, plain=True)
            return
        for ch, s, e in decode_entities(m, a, b):
            self.add(ch, s, e, plain=e - s == 1)

    def add(self, ch: str, s: int, e: int, plain: bool) -> None:
        masked = self.code > 0
        if plain and ch in _ASCII_SPACE:
            if self.buf and self.merged_space:
                last = self.buf[-1]
                if last[0] == " " and last[2] == s:  # extend a contiguous run
                    self.buf[-1] = (" ", last[1], e, last[3])
                return  # a run broken by markup, or after <br>: the browser shows one space
            self.buf.append((" ", s, e, masked))
            self.merged_space = True
            return
        self.buf.append((ch, s, e, masked))
        self.merged_space = False

    def flush(self) -> None:
        buf, self.buf, self.merged_space = self.buf, [], False
        while buf and buf[-1][0] in _ASCII_SPACE:
            buf.pop()
        k = 0
        while k < len(buf) and buf[k][0] in _ASCII_SPACE:
            k += 1
        buf = buf[k:]
        if not buf:
            return
        block = Block("".join(c for c, *_ in buf), Offsets(s for _, s, _, _ in buf), Offsets(e for _, _, e, _ in buf))
        first = block.starts[0]
        while self.pending and self.pending[0][0] < first:
            block.suppress += self.pending.pop(0)[1]
        run: int | None = None
        for k, (_, s, e, masked) in enumerate(buf + [("", 0, 0, False)]):
            if masked and run is None:
                run = k
            elif not masked and run is not None:
                self.masked.append((buf[run][1], buf[k - 1][2]))
                run = None
        for u in URL.finditer(block.text):
            self.masked.append((block.starts[u.start()], block.ends[u.end() - 1]))
        self.blocks.append(block)


def extract(markup: str, fragment: bool = False) -> tuple[list[Block], list[tuple[int, int]]]:
    """The blocks of ``markup`` and its masked ranges (code, URLs), all indexing ``markup``.

    With ``fragment`` (an HTML field of a JSON export), text outside every block element is
    checked too, split into paragraphs at blank lines as CMSs do. Raises :class:`MarkupError`
    for markup that cannot be read sensibly.
    """
    return _Extractor(markup, fragment).run()


BLOCK_NAMES = "p, h1–h6, li, blockquote, figcaption, td, th"


def parse(path: str, text: str, lang: str) -> Document:
    from mtcheck.readers import InputError, line_col

    try:
        blocks, masked = extract(text)
    except MarkupError as e:
        line, col = line_col(text, e.pos)
        raise InputError(path, f"broken HTML at line {line}, column {col}: {e.message}") from None
    if not blocks:
        raise InputError(path, f"has no text in HTML block elements ({BLOCK_NAMES})")
    doc = Document(path=path, text=text, lang=lang, masked=[Span(a, b) for a, b in masked])
    for index, block in enumerate(blocks, 1):
        doc.paragraphs.append(
            Paragraph(
                index=index,
                span=Span(block.starts[0], block.ends[-1]),
                text=block.text,
                char_starts=block.starts,
                char_ends=block.ends,
                file_text=text,
            )
        )
        if block.suppress:
            doc.suppressions[index] = list(block.suppress)
    return doc
