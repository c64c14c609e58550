"""The one-way flow: document → sentences → alignment → findings.

``check_pair`` reads a target (and its source), aligns them, runs every enabled rule and
returns a :class:`DocumentResult`; reports are written from results, never from here.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from pathlib import Path
from typing import Any

import regex

from mtcheck import langid, patterns
from mtcheck.align import align_documents, monolingual_segments, unit_segments
from mtcheck.align.scorers import Scorer, anchor_scorer
from mtcheck.checks import CheckContext, all_rules
from mtcheck.model import Document, DocumentResult, Finding, Segment, Span
from mtcheck.readers import InputError, decode, format_of, read_document, segment_document
from mtcheck.resources import languages
from mtcheck.rules_filter import rule_enabled, severity_for

try:  # as ``random`` does for sha512: ``hashlib`` loads OpenSSL, 2 ms of a start; same digests
    from _sha1 import sha1
except ImportError:  # pragma: no cover (a Python built without its own hashes)
    from hashlib import sha1

DEFAULT_PAIR = ("fr", "en")


def lang_tag(path: str | Path) -> str | None:
    """The language tag before the extension: ``story.en.txt`` → ``en``."""
    suffixes = Path(path).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:].lower() in languages():
        return suffixes[-2][1:].lower()
    return None


def swap_tag(path: str | Path, lang: str) -> Path | None:
    """``path`` with its last language tag replaced: ``a/story.en.txt`` → ``a/story.fr.txt``."""
    p = Path(path)
    suffixes = p.suffixes
    if len(suffixes) < 2 or lang_tag(p) is None:
        return None
    stem = p.name[: -len("".join(suffixes[-2:]))]
    return p.with_name(f"{stem}.{lang}{suffixes[-1]}")


def find_source(target: str | Path, src_lang: str) -> Path | None:
    """The source named by convention: the last language tag swapped for ``src_lang``."""
    candidate = swap_tag(target, src_lang)
    return candidate if candidate is not None and candidate.is_file() and candidate.resolve() != Path(target).resolve() else None


def locate_source(
    target: str | Path, source: str | Path | None, src_lang: str | None, tgt_lang: str | None
) -> tuple[Path | str | None, str, str]:
    """The source file and both languages: flags first, then file-name tags, then fr→en.

    Without ``--source``, the source is the sibling whose language tag replaces the target's:
    ``story.en.txt`` ← ``story.fr.txt``; with no ``--src-lang``, any sibling with a known tag
    (``story.de.txt``) is taken when there is no French one, and gives the source language.
    """
    _refuse_source_language_target(target, source, src_lang, tgt_lang)
    src, tgt = resolve_languages(target, source, src_lang, tgt_lang)
    if source is not None:
        return source, src, tgt
    found = find_source(target, src)
    if found is None and src_lang is None:
        for tag in languages():
            if tag not in (src, tgt) and (found := find_source(target, tag)) is not None:
                src = tag
                break
    return found, src, tgt


def _refuse_source_language_target(target: str | Path, source: str | Path | None, src_lang: str | None, tgt_lang: str | None) -> None:
    """A target tagged with the default pair's source language (``x.fr.txt``) and no language set: a usage error.

    Checking the French original as if it were the translation would run English rules on
    French text; the user meant the translation, or the other direction.
    """
    tag = lang_tag(target)
    if src_lang or tgt_lang or tag != DEFAULT_PAIR[0] or (source is not None and lang_tag(source) not in (None, tag)):
        return
    src, tgt = DEFAULT_PAIR
    sibling = swap_tag(target, tgt)
    instead = f"check {sibling}" if sibling is not None and sibling.is_file() else f"check the .{tgt} translation"
    raise InputError(
        target,
        f"is tagged '{tag}', the source language of the default {src}→{tgt} pair: {instead}, "
        f"or pass --src-lang {tgt} --tgt-lang {tag} to check a {tag} translation",
    )


def resolve_languages(target: str | Path, source: str | Path | None, src_lang: str | None, tgt_lang: str | None) -> tuple[str, str]:
    """Languages from the flags, else the file-name tags, else fr→en; unknown ones are refused."""
    tgt = tgt_lang or lang_tag(target) or DEFAULT_PAIR[1]
    src = src_lang or (lang_tag(source) if source else None) or (DEFAULT_PAIR[0] if tgt != DEFAULT_PAIR[0] else DEFAULT_PAIR[1])
    for lang in (src, tgt):
        if lang not in languages():
            raise InputError(target, f"unknown language {lang!r} (mtcheck has data for {', '.join(languages())})")
    return src, tgt


def check_pair(
    target_path: str | Path,
    source_path: str | Path | None = None,
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    settings: dict[str, Any] | None = None,
    find_by_name: bool = True,
) -> DocumentResult:
    """Check one target document against its source (found by name when not given)."""
    settings = settings or {}
    notices: list[str] = []
    if find_by_name:
        source_path, src_lang, tgt_lang = locate_source(target_path, source_path, src_lang, tgt_lang)
    else:
        src_lang, tgt_lang = resolve_languages(target_path, source_path, src_lang, tgt_lang)
    target = read_document(target_path, tgt_lang)
    _check_language(target, tgt_lang)
    source = None
    if source_path is not None:
        source = read_document(source_path, src_lang)
        if _same_text(source.text, target.text):
            raise InputError(target_path, f"is identical to its source {source_path}")
        _check_language(source, src_lang)
    else:
        notices.append(f"No source found for {target_path}: checked monolingually (pass --source to compare).")
    return check_documents(target, source, src_lang, tgt_lang, settings, notices)


def _same_text(a: str, b: str) -> bool:
    """``a.strip() == b.strip()`` without copying either text (whitespace-only texts are refused when read)."""
    (i, j), (k, l) = (_CORE.search(t).span() for t in (a, b))
    return j - i == l - k and a.startswith(b[k:l], i)


_CORE = patterns.compile(r"[^\s\x1c-\x1f](?:.*[^\s\x1c-\x1f])?", regex.DOTALL)  # what str.strip keeps


def check_documents(
    target: Document,
    source: Document | None,
    src_lang: str,
    tgt_lang: str,
    settings: dict[str, Any],
    notices: list[str] | None = None,
    *,
    segments: list[Segment] | None = None,
) -> DocumentResult:
    """Align parsed documents and run the enabled rules on them.

    ``segments`` given (pre-aligned units, see :func:`check_file`) are used as they are.
    """
    notices = list(notices or [])
    _check_suppressions(target)
    mt_session, mt_info = _open_mt(src_lang, tgt_lang, settings, notices)
    if segments is None and source is not None:
        if mt_session is not None:  # one batched model pass, reused by alignment and the MT rules
            mt_session.prefetch([s.text for s in source.sentences()])
        segments = align_documents(source, target, _alignment_scorer(mt_session, src_lang, tgt_lang))
        _check_translation_of(segments, target, source)
    elif segments is None:
        segments = monolingual_segments(target)
    ctx = CheckContext(target, source, segments, src_lang, tgt_lang, settings, mt_session)
    findings: list[Finding] = []
    overrides = settings.get("severity")
    for rule_cls in _rules_to_run(settings.get("select"), settings.get("ignore"), source is not None, tgt_lang):
        if overrides:
            for finding in rule_cls().check(ctx):
                finding.severity = severity_for(rule_cls.id, finding.severity, settings)
                findings.append(finding)
        else:
            findings.extend(rule_cls().check(ctx))
    findings = _finalise(findings, segments, target, source, settings.get("allowlist") or [])
    if mt_session is not None:  # models load on first use: report what actually happened
        mt_info = mt_session.describe()
        if mt_info.get("status") == "failed":
            notices.append(mt_info.get("reason", "MT failed"))
        else:  # the JSON contract has no MT field: record what produced the scores here
            models = ", ".join(f"{m['name']}@{m['revision']}" for m in mt_info.get("models", []))
            notices.append(
                f"MT: {models} ({mt_info.get('backend')}); chrF signature: {mt_info.get('chrf_signature') or 'n/a'}"
            )
            if mt_info.get("cache_error"):  # never an error of the check, but never silent either
                notices.append(mt_info["cache_error"])
    return DocumentResult(target, source, segments, findings, notices, mt_info, src_lang, tgt_lang)


def _rules_to_run(select: Any, ignore: Any, has_source: bool, tgt_lang: str) -> list[type]:
    """The rule classes a document is checked with, in registry order (decided once per settings)."""
    return _chosen_rules(tuple(select or ()), tuple(ignore or ()), has_source, tgt_lang)


@functools.lru_cache(maxsize=64)  # a few settings a process; never grows with the input
def _chosen_rules(select: tuple[str, ...], ignore: tuple[str, ...], has_source: bool, tgt_lang: str) -> list[type]:
    chosen = {"select": list(select), "ignore": list(ignore)}
    return [
        cls for rule_id, cls in all_rules().items()
        if rule_enabled(rule_id, cls.category, chosen)
        and (has_source or not cls.needs_source)
        and (cls.target_langs is None or tgt_lang in cls.target_langs)
    ]


def check_file(
    target_path: str | Path,
    source_path: str | Path | None = None,
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    settings: dict[str, Any] | None = None,
    find_by_name: bool = True,
) -> list[DocumentResult]:
    """Check every document a target file holds; one result per document, in file order.

    - Text, Markdown and HTML files are one document: exactly :func:`check_pair`.
    - JSON CMS exports (``.json``, ``.jsonl``, ``.ndjson``) give one result per article, each
      checked against its source article (see :mod:`mtcheck.readers.cms_json` for the
      ``json_*`` settings and how sources are found); all share the file's path.
    - XLIFF (``.xlf``, ``.xliff``) is bilingual: one result whose source and target are the
      file's ``<source>``/``<target>`` elements, aligned by unit (``source_path`` must be
      ``None``). Languages come from the arguments, else the file, else its name.
    """
    settings = settings or {}
    fmt = format_of(target_path)
    if fmt == "xliff":
        return [_check_xliff(target_path, source_path, src_lang, tgt_lang, settings)]
    if fmt == "json":
        return _check_json(target_path, source_path, src_lang, tgt_lang, settings, find_by_name)
    return [check_pair(target_path, source_path, src_lang=src_lang, tgt_lang=tgt_lang, settings=settings, find_by_name=find_by_name)]


def _check_xliff(target_path, source_path, src_lang, tgt_lang, settings) -> DocumentResult:
    from mtcheck.readers import xliff

    if source_path is not None:
        raise InputError(target_path, "is an XLIFF file, which holds its own source: --source does not apply")
    pair = xliff.parse(str(target_path), decode(target_path))
    file_src, file_tgt = resolve_languages(target_path, None, None, None)
    src = src_lang or pair.src_lang or file_src
    tgt = tgt_lang or pair.tgt_lang or file_tgt
    source, target = pair.source, pair.target
    source.lang, target.lang = src, tgt
    segment_document(target)
    segment_document(source)
    _check_language(target, tgt)
    _check_language(source, src)
    if all(" ".join(s.text.split()) == " ".join(t.text.split()) for s, t in zip(source.paragraphs, target.paragraphs)):
        raise InputError(target_path, "every <target> is identical to its <source> (not translated yet?)")
    return check_documents(target, source, src, tgt, settings, segments=unit_segments(source, target))


def _check_json(target_path, source_path, src_lang, tgt_lang, settings, find_by_name) -> list[DocumentResult]:
    from mtcheck.readers import cms_json

    if find_by_name:
        source_path, src_lang, tgt_lang = locate_source(target_path, source_path, src_lang, tgt_lang)
    else:
        src_lang, tgt_lang = resolve_languages(target_path, source_path, src_lang, tgt_lang)
    results: list[DocumentResult] = []
    problems: list[str] = []
    for pair in cms_json.pair_articles(target_path, source_path, src_lang, tgt_lang, settings, problems):
        try:
            results.append(_check_article(target_path, pair, src_lang, tgt_lang, settings))
        except InputError as e:
            problems.append(str(e))
    if problems:
        raise ArticleErrors(target_path, problems, results)
    return results


def _check_article(target_path, pair, src_lang: str, tgt_lang: str, settings: dict[str, Any]) -> DocumentResult:
    label = pair.article.label
    target = segment_document(pair.article.doc, label)
    _check_language_of(target, tgt_lang, label)
    source = pair.source
    if source is not None:
        segment_document(source, pair.source_label)
        _check_language_of(source, src_lang, pair.source_label)
        if [p.text for p in source.paragraphs] == [p.text for p in target.paragraphs]:
            raise InputError(target_path, f"{label} is identical to its source, {pair.source_label}")
    return check_documents(target, source, src_lang, tgt_lang, settings, pair.notices)


class ArticleErrors(InputError):
    """Some articles of a JSON export could not be checked; the others were.

    ``problems`` holds one one-line message per article refused (``str()`` is the first, with
    how many more), ``results`` the results of the articles checked, in file order.
    """

    def __init__(self, path: str | Path, problems: list[str], results: list[DocumentResult]) -> None:
        more = f" (and {len(problems) - 1} more refused)" if len(problems) > 1 else ""
        super().__init__(path, problems[0].removeprefix(f"{path}: ") + more)
        self.problems = problems
        self.results = results


def _check_language_of(doc: Document, expected: str, label: str | None) -> None:
    """:func:`_check_language` for one article of a file, naming the article."""
    try:
        _check_language(doc, expected)
    except InputError as e:
        raise InputError(e.path, f"{label}: {e.problem}" if label else e.problem) from None


def _open_mt(src_lang: str, tgt_lang: str, settings: dict[str, Any], notices: list[str]):
    if not settings.get("mt", True):
        return None, {"status": "skipped", "reason": "disabled (--no-mt)"}
    from mtcheck.mt.session import open_session

    session, notice = open_session(src_lang, tgt_lang, settings)
    if session is None:
        if settings.get("require_mt"):
            raise InputError(settings.get("models_dir", "models"), notice or "MT models unavailable")
        if notice:
            notices.append(notice)
        return None, {"status": "skipped", "reason": notice or "unavailable"}
    return session, session.describe()


def _alignment_scorer(mt_session: Any, src_lang: str, tgt_lang: str) -> Scorer | None:
    """Anchors alone, or anchors averaged with MT similarity when a model is loaded."""
    if mt_session is None:
        return None
    anchors = anchor_scorer(src_lang, tgt_lang)
    return lambda src, tgt: (anchors(src, tgt) + mt_session.similarity(src, tgt)) / 2


# A real translation pairs most of its sentences with some shared anchor; an unrelated article few.
# Share of beads above 0.2 in documents of 4+ sentences (bench/precision_pairs.py, precision.py):
# professional translations ≥ 0.50 in every pair (fr→en ≥ 0.83); another article of the same
# corpus ≤ 0.25 in every pair but fr→en (≤ 0.40, a story on the same event); mismatched samples 0.
_MIN_ALIGNED_SHARE = 0.35
_ALIGNED_SIMILARITY = 0.2


def _check_translation_of(segments: list[Segment], target: Document, source: Document) -> None:
    """Refuse a source that is not the target's original (the wrong file paired by name or by hand)."""
    # Measured on the shorter side, so that a partial translation (a lead and two paragraphs
    # of a long source) is still recognised as one.
    shorter = min(sum(1 for s in segments if s.target), sum(1 for s in segments if s.source))
    if shorter < 4:
        return
    aligned = sum(float(s.scores.get("align_similarity", 0)) > _ALIGNED_SIMILARITY for s in segments)
    if aligned / shorter < _MIN_ALIGNED_SHARE:
        raise InputError(
            target.path,
            f"does not look like a translation of {source.path} ({aligned} of {shorter} sentences align); check the pairing",
        )


def _check_language(doc: Document, expected: str) -> None:
    sample = " ".join(s.text for s in doc.sentences()[:40])
    found = langid.guess(sample, min_words=12)
    if found is not None and found != expected:
        raise InputError(doc.path, f"looks like {found!r} text, expected {expected!r} (set --src-lang/--tgt-lang)")


def _finalise(
    findings: list[Finding], segments: list[Segment], target: Document, source: Document | None, allowlist: list[str]
) -> list[Finding]:
    """Drop findings on masked text, mark suppressed ones, fingerprint and order the rest."""
    allowed = {" ".join(a.split()) for a in allowlist}
    kept = []
    for f in findings:
        if f.target is not None and target.is_masked(f.target):
            continue
        if f.source is not None and source is not None and source.is_masked(f.source):
            continue
        f.suppression = _suppressed(f, target) or _allowlisted(f, target, source, allowed)
        f.suppressed = f.suppression is not None
        if f.fix is not None and not _fixable(f.target, target):
            f.fix = None  # markup inside the span (`said <em>said</em>`): a suggestion only
        kept.append(f)
    kept = _one_finding_per_problem(kept)
    flagged = {f.segment for f in kept}  # not an entry per segment of a 100,000-paragraph file
    order = {seg.id: k for k, seg in enumerate(segments) if seg.id in flagged}
    kept.sort(key=lambda f: (
        order.get(f.segment or "", len(segments)),
        f.target.start if f.target else -1,
        f.source.start if f.source else -1,
        f.rule,
    ))
    seen: Counter[str] = Counter()
    contexts: dict[int, Any] = {}
    for f in kept:
        key = _fingerprint_key(f, target, source, contexts)
        seen[key] += 1
        f.id = sha1(f"{key}\0{seen[key]}".encode()).hexdigest()[:16]
    return kept


# Which finding of several on one span speaks for them: a deletion first, then the most severe,
# then the most specific category (the newsroom's glossary before a generic calque; a number in
# the source's format before the changed number it seems to be), then the
# shortest span.
_CATEGORY_RANK = {c: k for k, c in enumerate((
    "terminology/glossary", "accuracy/name", "locale/format", "accuracy/number", "fluency/repetition", "fluency/casing",
    "fluency/punctuation", "style/calque", "accuracy/untranslated",
))}


def _one_finding_per_problem(findings: list[Finding]) -> list[Finding]:
    """Merge findings of different rules on one problem into one; the others become ``related``.

    Two findings are one problem when one says to delete a span (``Rule.deletes``) that holds
    the other (no fix is offered for text that goes), or when their target spans share at
    least a third of the shorter one and the longer is at most ``_SAME_PROBLEM_RATIO`` times
    the shorter: ``said said`` and the calque ``said Japanese diplomacy`` merge, a name
    missing from a whole segment and a decimal point inside it do not. Suppressed findings
    and source-only ones stay as they are.
    """
    deletes = _deleting_rules()
    live = sorted((f for f in findings if f.target is not None and not f.suppressed), key=lambda f: (f.target.start, -f.target.end))
    parent = list(range(len(live)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    open_: list[int] = []  # findings whose span may still overlap the next one
    for k, f in enumerate(live):
        open_ = [i for i in open_ if live[i].target.end >= f.target.start]
        for i in open_:
            if live[i].rule != f.rule and _same_problem(live[i], f, deletes):
                parent[root(k)] = root(i)
        open_.append(k)
    clusters: dict[int, list[Finding]] = {}
    for k, f in enumerate(live):
        clusters.setdefault(root(k), []).append(f)
    absorbed: set[int] = set()
    for cluster in clusters.values():
        if len(cluster) < 2:
            continue
        head = min(cluster, key=lambda f: (
            f.rule not in deletes, -f.severity.rank, _CATEGORY_RANK.get(f.category, len(_CATEGORY_RANK)), len(f.target), f.target.start,
        ))
        for f in cluster:
            if f is not head and f.rule != head.rule:
                absorbed.add(id(f))
                if f.rule not in head.related:
                    head.related.append(f.rule)
    return [f for f in findings if id(f) not in absorbed]


@functools.cache
def _deleting_rules() -> frozenset[str]:
    """Ids of the rules whose findings ask to delete their span (``Rule.deletes``)."""
    return frozenset(r for r, cls in all_rules().items() if cls.deletes)


_SAME_PROBLEM_RATIO = 4


def _same_problem(a: Finding, b: Finding, deletes: set[str]) -> bool:
    """Whether two overlapping findings are about one problem (see ``_one_finding_per_problem``)."""
    x, y = a.target, b.target
    if any(f.rule in deletes and f.target.start <= g.target.start and g.target.end <= f.target.end for f, g in ((a, b), (b, a))):
        return True
    if a.rule in deletes and x.end == y.start or b.rule in deletes and y.end == x.start:
        return True  # a fix right after a line that goes
    shared = min(x.end, y.end) - max(x.start, y.start)
    short, long_ = sorted((len(x), len(y)))
    return shared > 0 and 3 * shared >= short and long_ <= _SAME_PROBLEM_RATIO * max(short, 1)


def _fingerprint_key(f: Finding, target: Document, source: Document | None, contexts: dict[int, Any]) -> str:
    """What identifies a finding across runs and unrelated edits: rule, flagged text, its sentence.

    ``contexts`` caches each paragraph's sentence starts and each sentence's normalised text,
    and a sentence over ``_LONG_CONTEXT`` characters stands as its digest, so that many
    findings in one huge sentence stay linear.
    """
    doc, span = (target, f.target) if f.target else (source, f.source)
    if doc is None or span is None:
        return f"{f.rule}\0{f.message}"
    paragraph = doc.paragraph_at(span.start)
    context = ""
    if paragraph is not None:
        if id(paragraph) not in contexts:
            contexts[id(paragraph)] = [s.span.start for s in paragraph.sentences]
        starts = contexts[id(paragraph)]
        k = bisect.bisect_right(starts, span.start) - 1
        while k > 0 and paragraph.sentences[k - 1].span.end >= span.start:  # the first sentence holding it
            k -= 1
        sentence = paragraph.sentences[k] if k >= 0 and paragraph.sentences[k].span.end >= span.start else None
        if sentence is not None:
            if id(sentence) not in contexts:
                text = " ".join(sentence.text.split())
                contexts[id(sentence)] = text if len(text) <= _LONG_CONTEXT else sha1(text.encode()).hexdigest()
            context = contexts[id(sentence)]
    return f"{f.rule}\0{doc.slice(span)}\0{context}"


_LONG_CONTEXT = 5000


def _check_suppressions(target: Document) -> None:
    """Refuse an ``mtcheck: ignore`` comment naming no known rule or category (a typo silences nothing)."""
    if not target.suppressions:
        return
    rules = all_rules()
    known = set(rules) | {c for cls in rules.values() for c in _prefixes(cls.category)}
    for paragraph, entries in target.suppressions.items():
        for rule, _ in entries:
            if rule not in known:
                from mtcheck.config import did_you_mean

                hint = did_you_mean(rule, known) or " (see `mtcheck rules`)"
                raise InputError(target.path, f"mtcheck comment before block {paragraph} names unknown rule {rule!r}{hint}")


def _prefixes(category: str) -> list[str]:
    parts = category.split("/")
    return ["/".join(parts[: k + 1]) for k in range(len(parts))]


def _fixable(span: Span | None, target: Document) -> bool:
    paragraph = target.paragraph_at(span.start) if span else None
    return paragraph is not None and paragraph.contiguous(span)


def _allowlisted(f: Finding, target: Document, source: Document | None, allowed: set[str]) -> dict[str, str] | None:
    """The suppression when the flagged text is on the configuration's allowlist (right here, though it looks wrong)."""
    if not allowed:
        return None
    doc, span = (target, f.target) if f.target else (source, f.source)
    if doc is not None and span is not None and " ".join(doc.slice(span).split()) in allowed:
        return {"by": "allowlist", "reason": "on the configuration's allowlist"}
    return None


def _suppressed(f: Finding, target: Document) -> dict[str, str] | None:
    """The inline ``mtcheck: ignore`` comment silencing ``f``, with its reason."""
    if f.target is None or not target.suppressions:
        return None
    paragraph = target.paragraph_at(f.target.start)
    rules = target.suppressions.get(paragraph.index, []) if paragraph else []
    reason = next((why for r, why in rules if f.rule == r or f.category == r or f.category.startswith(r + "/")), None)
    return {"by": "inline", "reason": reason} if reason is not None else None
