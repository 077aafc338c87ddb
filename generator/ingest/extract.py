"""A source document → its metadata and its posts: the first step of `briefing ingest`.

A saved web page is read with trafilatura (the field's standard extractor,
which drops navigation, cookie banners, newsletter boxes, "most read" lists,
comments and adverts) and its metadata with trafilatura and htmldate. A live
blog is more than an article: each post carries its own ``<time datetime>``,
which dates the post better than the page does, so posts are found in the
page's own markup and only the text trafilatura kept is read from them.

Plain text (``.txt``, ``.md``) is one paragraph a line, as a desk saves a page
by copying it; it has no metadata, so its publication time must be given.

Nothing here touches the network: pages are handed to the libraries as parsed
trees, never as addresses (htmldate downloads a string that looks like a URL).
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date, datetime
from pathlib import Path

from generator.ingest.document import LIVE_TITLE, SUMMARY_HEADINGS, Block, Document, ExtractError, Post
from generator.ingest.sentences import clean_line, ends_sentence, unglue
from generator.ingest.zones import writer_zone

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WEB_ARCHIVE_SUFFIXES = (".mhtml", ".mht")  # Chrome's and Edge's "save as a single file"
TEXT_SUFFIXES = (".txt", ".md", ".text")
MAX_BYTES = 20 * 1024 * 1024


def read_document(path: Path, published: datetime | date | None = None) -> Document:
    """Read a saved page or a plain-text document; raise :class:`ExtractError` with a reason."""
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in WEB_ARCHIVE_SUFFIXES or (suffix not in TEXT_SUFFIXES and data[:64].lstrip().startswith(b"From:")):
        data = _page_of_archive(data, path)
    elif not (suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(data))):
        return read_text(_decode(data, path), path.as_posix(), published)
    # trafilatura takes a third of a second to import; plain text needs none of it
    from generator.ingest.page import read_html

    return read_html(data, path.as_posix(), published)


def _page_of_archive(data: bytes, path: Path) -> bytes:
    """The page inside a browser's single-file save (MHTML: the page and its pictures as MIME parts)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_content().encode("utf-8")
    raise ExtractError(f"{path}: a web archive with no page in it")


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExtractError(f"{path}: the document is over {MAX_BYTES // (1024 * 1024)} MB; save only the page")
        return path.read_bytes()
    except FileNotFoundError:
        raise ExtractError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ExtractError(f"{path}: is a folder; give the saved page or text file") from None
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!-- saved from")) or b"<body" in head


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"{path}: is not UTF-8 (byte {exc.start + 1}); save the text as UTF-8 and run again"
        ) from None


def read_text(text: str, file: str, published: datetime | date | None) -> Document:
    """Plain text: the first line is the title, a short unpunctuated second line is the standfirst. A Markdown
    heading (``## …``) is known to be a heading; any other line is left for the splitter to judge."""
    lines = [_block(part) for raw in text.splitlines() for part in unglue(clean_line(raw))]
    blocks = [b for b in lines if b.text]
    if not blocks:
        raise ExtractError(f"{file}: the document is empty")
    title, rest = blocks[0].text, blocks[1:]
    standfirst = None
    if (
        len(rest) > 1
        and not rest[0].heading
        and _standfirst_like(rest[0].text)
        and not _news_paragraph(rest[1].text)
        and not SUMMARY_HEADINGS.match(rest[0].text)
    ):
        standfirst, rest = rest[0].text, rest[1:]
    return Document(
        file=file,
        shape="text",
        title=title,
        posts=(Post(tuple(rest), None, opening=True),),
        published=published,
        standfirst=standfirst,
        live=bool(LIVE_TITLE.search(title)),
        zone=writer_zone("", published if isinstance(published, datetime) else None),
    )


def _block(line: str) -> Block:
    """A line as a block, without its Markdown heading marks or list bullet (the words are what count); a
    bulleted line is a point of a list."""
    heading = re.match(r"^#{1,6}\s+", line)
    bullet = re.match(r"^([-*+•·▪◦‣●]|\d{1,2}[.)])\s+", line)
    text = re.sub(r"^(#{1,6}\s+|[-*+•·▪◦‣●]\s+|>\s*)", "", line).strip()
    return Block(text, True if heading else None, bool(bullet))


def _standfirst_like(line: str) -> bool:
    return not ends_sentence(line) and len(line.split()) <= 40


def _news_paragraph(line: str) -> bool:
    """A line that reads as news copy: a sentence of some length that does not talk to the reader. A short line
    right after the title and right before such a paragraph is that paragraph's headline, not a standfirst."""
    return ends_sentence(line) and len(line.split()) >= 8 and not re.search(r"\b(you|your|we|our|us)\b", line, re.I)
