import pytest

from extract.errors import InputError
from extract.text.document import decode, html_to_text


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"  \n", "empty"),
    ("bin.txt", b"abc\x00def", "binary"),
    ("noise.txt", bytes(range(128, 256)) * 20, "not text in a known encoding"),
    ("sheet.xlsx", b"data", "unsupported"),
    ("noext", b"data", "unsupported"),
    ("blank.html", b"<html><script>x()</script></html>", "no visible text"),
])
def test_document_decode_rejects_bad_input(name, data, reason):
    with pytest.raises(InputError) as err:
        decode(name, data)
    message = str(err.value)
    assert message.startswith(name) and reason in message and "\n" not in message


def test_document_decode_keeps_text_and_normalises_newlines():
    doc = decode("Note 1.md", "Línea uno\r\nLínea dos".encode())
    assert doc.text == "Línea uno\nLínea dos"
    assert doc.key == "note-1" and doc.name == "Note 1.md"


def test_document_html_reduced_to_visible_text():
    page = ("<html><head><title>Trade talks</title><style>p{}</style></head><body><h1>Trade talks</h1>"
            "<p>Minister &amp; envoy met.</p><script>alert(1)</script><div>Second</div></body></html>")
    assert html_to_text(page) == "Trade talks\nMinister & envoy met.\nSecond"


@pytest.mark.parametrize("head,iso", [
    ('<meta property="article:published_time" content="2025-03-14T09:00:00Z">', "2025-03-14"),
    ('<meta name="date" content="2024-11-02">', "2024-11-02"),
    ('<meta itemprop="datePublished" content="2023-05-01">', "2023-05-01"),
    ('<meta name="description" content="2023-05-01 was a day">', None),
])
def test_document_html_publication_date_from_meta(head, iso):
    page = f"<html><head>{head}<title>T</title></head><body><p>Body text here.</p></body></html>"
    assert decode("p.html", page.encode()).published == iso
