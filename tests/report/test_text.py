"""The terminal report's rough edges: notices once per run, ⍽ explained, deletions, reasons."""

from __future__ import annotations

from mtcheck.report.text import render


def test_a_notice_shared_by_documents_is_printed_once(check):
    a = check("The minister met his counterpart on Tuesday in Paris for talks that lasted four hours.")
    b = a.replace(notices=list(a.notices))
    text = render([a, b])
    assert a.notices and text.count(a.notices[0]) == 1


def test_no_break_space_is_explained_and_a_deletion_reads_as_such(check):
    result = check("The rate is 4,5\u00a0% and he said : “yes”, the minister said on Tuesday in Paris.")
    text = render([result])
    assert "⍽" in text and "(⍽ is a no-break space)" in text
    assert "→ (delete)" in text and "→ ''" not in text


def test_suppression_reason_and_related_rules_are_shown(check):
    result = check("He met met the minister on Tuesday in Paris for talks that lasted four hours.")
    f = result.findings[0]
    f.suppressed, f.suppression, f.related = True, {"by": "decision", "reason": "a quotation"}, ["calque"]
    head = next(line for line in render([result]).splitlines() if f.rule in line)
    assert head.endswith("(also calque) (suppressed: a quotation)")


def test_control_characters_of_a_suppression_reason_are_escaped(check):  # issue 12 B2
    result = check("He met met the minister on Tuesday in Paris for talks that lasted four hours.")
    f = result.findings[0]
    f.suppressed, f.suppression = True, {"by": "inline", "reason": "quoted \x1b[2J\x07verbatim"}
    text = render([result])
    assert "\x1b" not in text and "\x07" not in text
    assert "(suppressed: quoted \\x1b[2J\\x07verbatim)" in text
