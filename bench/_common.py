"""Helpers shared by the bench scripts (not a benchmark itself).

Documents are built in memory with the same reader and segmenter ``check_pair`` uses, so the
benchmarks run the real pipeline (``check_documents``) without writing temporary files and
without ``check_pair``'s file-level language guard, which refuses one-line peer cases.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared").resolve()
if str(REPO) not in sys.path:  # run as ``python bench/x.py`` without an installed package
    sys.path.insert(0, str(REPO))

from mtcheck.model import Document, Finding, Severity  # noqa: E402
from mtcheck.pipeline import check_documents  # noqa: E402
from mtcheck.readers.text import parse  # noqa: E402
from mtcheck.segment import segment_paragraph  # noqa: E402

SETTINGS = {"mt": False}


def document(text: str, lang: str, path: str) -> Document:
    """A plain-text document, parsed and segmented exactly as ``read_document`` does."""
    doc = parse(path, text, lang)
    for paragraph in doc.paragraphs:
        segment_paragraph(paragraph, lang)
    return doc


def check_texts(target: str, source: str | None, src_lang: str = "fr", tgt_lang: str = "en", name: str = "case"):
    """Run the real pipeline on a target (and source) given as strings; returns a DocumentResult."""
    tgt_doc = document(target, tgt_lang, f"{name}.{tgt_lang}.txt")
    src_doc = document(source, src_lang, f"{name}.{src_lang}.txt") if source is not None and source.strip() else None
    return check_documents(tgt_doc, src_doc, src_lang, tgt_lang, dict(SETTINGS))


def is_problem(f: Finding) -> bool:
    """Error or warning (what the precision target counts), and not suppressed."""
    return not f.suppressed and Severity(f.severity) in (Severity.ERROR, Severity.WARNING)


def clip(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def missing_data_notice() -> list[str]:
    """Data files the rules read that are not (yet) in mtcheck/data: their rules stay silent."""
    from mtcheck.resources import DATA_DIR

    wanted = [
        "en/stopwords.txt", "fr/stopwords.txt", "en/abbreviations.txt", "fr/abbreviations.txt",
        "en/legit_doubles.txt", "en/doubled_names.txt", "en/weekdays.txt", "en/demonyms.txt",
        "en/languages.txt", "en/months.tsv", "fr/months.tsv", "en/ambiguous_months.txt",
        "en/number_words.tsv", "fr/number_words.tsv", "en/scales.tsv", "fr/scales.tsv",
        "en/lowercase_names.txt",
        "fr-en/exonyms.tsv", "fr-en/leftovers.tsv", "fr-en/keep_source.txt", "fr-en/calques.tsv",
    ]
    return [w for w in wanted if not (DATA_DIR / w).is_file()]


def injected(kinds, corpus, seed, extra) -> Iterator[tuple[object, object, object]]:
    """``(kind, document, injection)`` for each kind and each document the kind applies to, with
    a random generator seeded per kind and document (the same injections in every bench run);
    ``extra`` is what a kind's ``inject`` takes beside the document and the generator."""
    for kind in kinds:
        for d in corpus:
            inj = kind.inject(d, random.Random(f"{seed}:{kind.name}:{d.docid}"), extra)
            if inj is not None:
                yield kind, d, inj
