import pytest

from mtcheck.readers import InputError, read_document


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "is empty"),
        (b"  \n\n \t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Caf\u00e9 au lait, said the minister.".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_input_is_a_one_line_error(tmp_path, content, problem):
    path = tmp_path / "story.en.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_document(path, "en")
    assert problem in str(e.value) and str(path) in str(e.value) and "\n" not in str(e.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.en.txt", "en")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path, "en")


def test_bom_removed_and_offsets_kept(tmp_path):
    path = tmp_path / "story.en.txt"
    path.write_bytes("\ufeffFirst line.\r\n\r\nSecond\u00a0paragraph here.".encode())
    doc = read_document(path, "en")
    assert doc.text.startswith("First")
    assert [doc.slice(p.span) for p in doc.paragraphs] == ["First line.", "Second\u00a0paragraph here."]


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import mtcheck.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    path = tmp_path / "story.en.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_document(path, "en")
