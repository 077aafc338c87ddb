"""The content format: one declaration per file kind, used to check files and to export JSON Schema.

Each field is declared once with its type, whether it is required, its
default and a line of documentation; :func:`check_document` turns a node tree
from :mod:`generator.content.load` into plain values, and :func:`json_schema` exports
the same rules for editors' YAML language servers.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.content import texthygiene
from generator.content.countries import CODES as COUNTRY_CODES
from generator.content.dates import DateProblem, parse_when
from generator.content.load import Mapping, Node, Scalar, Sequence, describe
from generator.errors import Problem

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
MAX_ID_LENGTH = 100
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
URL_SCHEMES = ("http", "https")
MAX_URL = 2048
DATE_SCHEMA_PATTERN = (
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?)?)?"
    r"(/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?)?)?)?~?$"
)


def suggest(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """' (did you mean 'x'?)' for a near miss, else ''."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def slugify(text: str) -> str:
    """A valid id made from any text: 'Vitali Klitschko' → 'vitali-klitschko'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")


class Checker:
    """Collects problems, field positions and cross-file references while one file is checked."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.positions: dict[str, tuple[int, int]] = {}
        self.refs: list[tuple[str, str, str]] = []  # (kind, id, field path)

    def report(self, node: Node | tuple[int, int], path: str, message: str, severity: str = "error") -> None:
        line, column = node if isinstance(node, tuple) else (node.line, node.column)
        self.problems.append(Problem(self.file, line, column, path, message, severity))  # type: ignore[arg-type]


class Missing:
    """Marks a value that is absent or unusable (its problem is already reported)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()


def is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.yaml_type == "null"


@dataclass(frozen=True)
class Kind:
    """A value's type: how to check it and how to describe it in JSON Schema."""

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def scalar(self, node: Node, path: str, ck: Checker, expected: str) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        ck.report(node, path, f"expected {expected}, found {describe(node)}")
        return None


def _check_characters(node: Scalar, text: str, path: str, ck: Checker, multiline: bool) -> bool:
    """The text-hygiene rule (generator/texthygiene.py): False when a character is refused."""
    ok = True
    for finding in texthygiene.findings(text, line_breaks=multiline):
        ck.report(node, path, finding.message, finding.severity)
        ok = ok and finding.severity != "error"
    return ok


@dataclass(frozen=True)
class Text(Kind):
    max_length: int | None = None
    multiline: bool = False
    markdown: bool = False
    allow_empty: bool = False

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "Markdown text" if self.markdown else "text")
        if scalar is None:
            return MISSING
        text = "" if is_null(scalar) else scalar.text
        if not text.strip() and not self.allow_empty:
            ck.report(scalar, path, "must not be empty")
            return MISSING
        if not _check_characters(scalar, text, path, ck, self.multiline):
            return MISSING
        # A block's closing line break is not part of what an editor wrote.
        length = len(text.rstrip("\n")) if self.multiline else len(text)
        if self.max_length is not None and length > self.max_length:
            ck.report(scalar, path, f"is {length:,} characters long; the limit is {self.max_length:,}")
        return text

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if not self.allow_empty:
            out["minLength"] = 1
        if self.max_length:
            out["maxLength"] = self.max_length
        return out


@dataclass(frozen=True)
class Id(Kind):
    ref: str | None = None  # the kind of thing it names: actor, topic, source, story, event

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        noun = f"{self.ref} id" if self.ref else "id"
        scalar = self.scalar(node, path, ck, f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}")
        if scalar is None:
            return MISSING
        if is_null(scalar) or not scalar.text:
            ck.report(scalar, path, "must not be empty")
            return MISSING
        if not valid_id(scalar.text):
            ck.report(scalar, path, id_message(scalar.text))
            return MISSING
        if self.ref:
            ck.refs.append((self.ref, scalar.text, path))
        return scalar.text

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH}


def valid_id(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and ID_RE.fullmatch(text) is not None


def id_message(text: str) -> str:
    if len(text) > MAX_ID_LENGTH:
        return f"id is {len(text)} characters long; the limit is {MAX_ID_LENGTH}"
    hint = slugify(text)
    example = f" (e.g. '{hint}')" if hint else ""
    return f"'{text}' is not a valid id: use lower-case a-z, digits and single hyphens{example}"


@dataclass(frozen=True)
class Choice(Kind):
    choices: tuple[str, ...] = ()

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "one of " + ", ".join(self.choices))
        if scalar is None:
            return MISSING
        if scalar.text not in self.choices:
            ck.report(
                scalar,
                path,
                f"'{scalar.text}' is not one of {', '.join(self.choices)}{suggest(scalar.text, self.choices)}",
            )
            return MISSING
        return scalar.text

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices)}


# YAML 1.1 also types 0x1F, 0o17, 017, 1:30 (base 60) and .inf as numbers; an
# editor means none of them, and Python's int() and float() refuse most of them.
_WHOLE = re.compile(r"^[-+]?[0-9]{1,18}$")  # int() refuses over 4,300 digits
_DECIMAL = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")


def whole_number(scalar: Scalar) -> int | None:
    """The value of a plain decimal whole number such as 2 or -3, else None."""
    return int(scalar.text) if scalar.plain and _WHOLE.match(scalar.text) else None


def decimal_number(scalar: Scalar) -> float | None:
    """The value of a plain decimal number such as 50.45, 30 or -.5, else None."""
    return float(scalar.text) if scalar.plain and _DECIMAL.match(scalar.text) else None


@dataclass(frozen=True)
class Integer(Kind):
    choices: tuple[int, ...] = ()

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        allowed = ", ".join(map(str, self.choices[:-1])) + f" or {self.choices[-1]}"
        scalar = self.scalar(node, path, ck, f"a number {allowed}")
        if scalar is None:
            return MISSING
        value = whole_number(scalar)
        if value is None or value not in self.choices:
            shown = f"'{scalar.text}'" if scalar.plain else f'"{scalar.text}" (in quotes, so text)'
            ck.report(scalar, path, f"expected a number {allowed}, found {shown}")
            return MISSING
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "enum": list(self.choices)}


@dataclass(frozen=True)
class Number(Kind):
    minimum: float = 0
    maximum: float = 0

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "a number")
        if scalar is None:
            return MISSING
        value = decimal_number(scalar)
        if value is None:
            ck.report(scalar, path, f"expected a number, found '{scalar.text}'")
            return MISSING
        if not self.minimum <= value <= self.maximum:
            ck.report(scalar, path, f"{scalar.text} is outside {self.minimum:g} to {self.maximum:g}")
            return MISSING
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Date(Kind):
    ranges: bool = True
    approximate: bool = True

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "a date")
        if scalar is None:
            return MISSING
        try:
            return parse_when(scalar.text, allow_range=self.ranges, allow_approximate=self.approximate)
        except DateProblem as exc:
            ck.report(scalar, path, str(exc))
            return MISSING

    def schema(self) -> dict[str, Any]:
        # YAML 1.2 language servers read an unquoted 2024 as a number.
        return {"anyOf": [{"type": "string", "pattern": DATE_SCHEMA_PATTERN}, {"type": "integer"}]}


@dataclass(frozen=True)
class Url(Kind):
    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "a web address")
        if scalar is None:
            return MISSING
        problem = url_problem(scalar.text)
        if problem:
            ck.report(scalar, path, problem)
            return MISSING
        return scalar.text

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://[^\\s]+$", "maxLength": MAX_URL}


def url_problem(text: str) -> str | None:
    """Why a link may not be published, or None when it is a plain http(s) address."""
    if len(text) > MAX_URL:
        # Browsers, sitemaps and search engines stop at about 2,000 characters; longer is a mistake or an attack.
        return f"is {len(text):,} characters long; the limit for a web address is {MAX_URL:,}"
    hidden = texthygiene.findings(text, line_breaks=False)
    if hidden:
        # In an address even a zero-width character is an error: it sends the reader somewhere else.
        return f"is not a web address: it {hidden[0].what} (at character {hidden[0].offset + 1})"
    if any(c.isspace() for c in text) or any(unicodedata.category(c) == "Cc" for c in text):
        return f"'{text}' is not a web address: it contains spaces or control characters"
    try:
        parts = urlsplit(text)
    except ValueError:
        return f"'{text}' is not a web address"
    if parts.scheme.lower() not in URL_SCHEMES:
        return f"'{text}' is not allowed: links must start with http:// or https://"
    if not parts.hostname:
        return f"'{text}' has no host name"
    return None


@dataclass(frozen=True)
class Pattern(Kind):
    """A short code checked by a rule: a country, a language tag, a Wikidata id."""

    what: str = ""

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, self.what)
        if scalar is None:
            return MISSING
        problem = code_problem(self.what, scalar.text)
        if problem:
            ck.report(scalar, path, problem)
            return MISSING
        return scalar.text

    def schema(self) -> dict[str, Any]:
        if self.what == "a country code":
            return {"type": "string", "enum": sorted(COUNTRY_CODES)}
        if self.what == "a language tag":
            return {"type": "string", "pattern": LANGUAGE_RE.pattern}
        return {"type": "string", "pattern": WIKIDATA_RE.pattern}


def code_problem(what: str, text: str) -> str | None:
    if what == "a country code":
        if text in COUNTRY_CODES:
            return None
        if text.upper() in COUNTRY_CODES:
            return f"'{text}': write country codes in capitals ('{text.upper()}')"
        return f"'{text}' is not an ISO 3166-1 alpha-2 country code (such as UA, DE, KP)"
    if what == "a language tag":
        return None if LANGUAGE_RE.fullmatch(text) else f"'{text}' is not a BCP 47 language tag (such as en, uk, pt-BR)"
    return None if WIKIDATA_RE.fullmatch(text) else f"'{text}' is not a Wikidata id (Q followed by digits, e.g. Q42)"


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = field(default_factory=Kind)
    min_items: int = 0
    unique: bool = False

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        if not isinstance(node, Sequence):
            if is_null(node) and self.min_items == 0:
                return []
            hint = "; write each item on its own line starting with '- '" if isinstance(node, Scalar) else ""
            ck.report(node, path, f"expected a list, found {describe(node)}{hint}")
            return MISSING
        if len(node.items) < self.min_items:
            ck.report(node, path, f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        values = []
        seen: dict[str, int] = {}
        for index, item in enumerate(node.items):
            item_path = f"{path}[{index}]"
            ck.positions[item_path] = (item.line, item.column)
            value = self.item.check(item, item_path, ck)
            if value is MISSING:
                continue
            if self.unique and isinstance(value, str):
                if value in seen:
                    ck.report(item, item_path, f"'{value}' is listed twice (also at [{seen[value]}])")
                    continue
                seen[value] = index
            values.append(value)
        return values

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    default: Any = None
    doc: str = ""


def _field_schema(spec: Field) -> dict[str, Any]:
    """A field's JSON Schema; an optional field may also be left empty (`story:`), as the checker allows."""
    inner = spec.kind.schema()
    if spec.required:
        return {**inner, "description": spec.doc}
    return {"anyOf": [inner, {"type": "null"}], "description": spec.doc}


@dataclass(frozen=True)
class Requires:
    """``needed`` is required when ``field`` is ``value``, and allowed only then (a retraction needs its notice)."""

    field: str
    value: str
    needed: str

    def check(self, node: Mapping, path: str, values: dict[str, Any], ck: Checker) -> None:
        written = {k.text: (k, v) for k, v in node.items}
        own = written.get(self.field)
        wrong = (
            own is not None
            and not is_null(own[1])
            and not (isinstance(own[1], Scalar) and own[1].text == values.get(self.field))
        )
        if wrong:
            return  # the field itself is wrong, and said so
        has_value = values.get(self.field) == self.value
        if has_value and values.get(self.needed) is None and self.needed not in written:
            field_path = f"{path}.{self.needed}" if path else self.needed
            ck.report(node, field_path, f"required with {self.field}: {self.value}")
        elif not has_value and self.needed in written and not is_null(written[self.needed][1]):
            key = written[self.needed][0]
            shown = values.get(self.field) or "absent"
            field_path = f"{path}.{self.needed}" if path else self.needed
            ck.report(key, field_path, f"only with {self.field}: {self.value} ({self.field} is {shown})")

    def schema(self) -> list[dict[str, Any]]:
        has_value = {"properties": {self.field: {"const": self.value}}, "required": [self.field]}
        written = {"properties": {self.needed: {"not": {"type": "null"}}}, "required": [self.needed]}
        return [{"if": has_value, "then": {"required": [self.needed]}}, {"if": written, "then": has_value}]


@dataclass(frozen=True)
class Record(Kind):
    fields: tuple[Field, ...] = ()
    shorthand: str | None = None  # a bare value stands for {shorthand: value}
    title: str = ""
    doc: str = ""
    requires: tuple[Requires, ...] = ()

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        if self.shorthand and isinstance(node, Scalar):
            spec = next(f for f in self.fields if f.name == self.shorthand)
            value = spec.kind.check(node, path, ck)
            return MISSING if value is MISSING else {**self.defaults(), self.shorthand: value}
        if not isinstance(node, Mapping):
            ck.report(node, path, f"expected a mapping of {', '.join(self.names())}, found {describe(node)}")
            return MISSING
        return self.check_mapping(node, path, ck)

    def defaults(self) -> dict[str, Any]:
        return {f.name: f.default for f in self.fields if not f.required}

    def check_mapping(self, node: Mapping, path: str, ck: Checker) -> dict[str, Any]:
        specs = {f.name: f for f in self.fields}
        values = self.defaults()
        for key, value_node in node.items:
            spec = specs.get(key.text)
            field_path = f"{path}.{key.text}" if path else key.text
            if spec is None:
                ck.report(key, path, f"unknown field '{key.text}'{suggest(key.text, specs)}")
                continue
            ck.positions[field_path] = (value_node.line, value_node.column)
            if is_null(value_node) and not spec.required:
                continue
            value = spec.kind.check(value_node, field_path, ck)
            if value is not MISSING:
                values[spec.name] = value
        for spec in self.fields:
            if spec.required and spec.name not in values and all(k.text != spec.name for k, _ in node.items):
                field_path = f"{path}.{spec.name}" if path else spec.name
                ck.report(node, field_path, "required field is missing")
        for rule in self.requires:
            rule.check(node, path, values, ck)
        return values

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {f.name: _field_schema(f) for f in self.fields},
        }
        if self.title:
            out["title"] = self.title
        if self.doc:
            out["description"] = self.doc
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        if self.requires:
            out["allOf"] = [part for rule in self.requires for part in rule.schema()]
        if self.shorthand:
            inner = next(f for f in self.fields if f.name == self.shorthand)
            return {"anyOf": [inner.kind.schema(), out]}
        return out


# ---------------------------------------------------------------------------
# The file kinds.

CLAIM_STATUSES = ("confirmed", "reported", "claimed", "disputed", "denied", "unverified")
ACTOR_KINDS = ("person", "organization", "state", "group")
SOURCE_KINDS = ("article", "live-blog", "statement", "report", "social-post", "dataset")
MAX_TITLE = 140
MAX_QUOTE = 300
# Markdown bodies: about 1,500 words, more than any summary or profile needs; a limit keeps a pasted
# transcript out of every page, feed and PDF that shows the text (and keeps them fast to build).
MAX_PROSE = 10_000
MAX_TOPIC_DESCRIPTION = 2_000

LOCATION = Record(
    (
        Field("name", Text(max_length=200), required=True, doc="Place name as readers know it."),
        Field("country", Pattern("a country code"), doc="ISO 3166-1 alpha-2 code, e.g. UA."),
        Field("lat", Number(-90, 90), doc="Latitude in decimal degrees (with lon)."),
        Field("lon", Number(-180, 180), doc="Longitude in decimal degrees (with lat)."),
    )
)

ACTOR_REF = Record(
    (
        Field("id", Id("actor"), required=True, doc="Actor id (file name in content/actors/)."),
        Field("role", Text(max_length=100), doc="Free-text part played, e.g. attacker, spokesperson."),
    ),
    shorthand="id",
)

CLAIM = Record(
    (
        Field("text", Text(max_length=1000, multiline=True), required=True, doc="What was claimed, in your words."),
        Field("by", Id("actor"), required=True, doc="Actor id of who made the claim."),
        Field("status", Choice(CLAIM_STATUSES), required=True, doc="How far the claim is established."),
    )
)

SOURCE_REF = Record(
    (
        Field("source", Id("source"), required=True, doc="Source id (file name in content/sources/)."),
        Field("quote", Text(max_length=MAX_QUOTE, multiline=True), doc="A short exact excerpt."),
        Field("url", Url(), doc="Deep link to the exact item, when the source has one."),
    ),
    shorthand="source",
)


def notice(what: str, says: str) -> Record:
    """A dated note to readers, {date, text}: a correction, or the notice of a retraction (the same shape)."""
    return Record(
        (
            Field("date", Date(ranges=False, approximate=False), required=True, doc=f"When the {what} was made."),
            Field("text", Text(max_length=1000, multiline=True, markdown=True), required=True, doc=says),
        )
    )


CORRECTION = notice("correction", "What was corrected.")
RETRACTION = notice("retraction", "Why the event was withdrawn, for readers of its permanent link.")
EVENT_STATUSES = ("published", "draft", "retracted")


def replaces(kind: str) -> Field:
    """Old ids of a renamed or merged file: each old address is kept as a redirect to this one."""
    return Field(
        "replaces",
        ListOf(Id(), unique=True),
        default=(),
        doc=f"Old ids of this {kind} (renamed, or merged into it): their addresses redirect here.",
    )


EVENT = Record(
    (
        Field("title", Text(max_length=MAX_TITLE), required=True, doc="Plain-text headline, at most 140 characters."),
        Field("date", Date(), required=True, doc="When it happened (not when it was reported)."),
        Field(
            "summary",
            Text(max_length=MAX_PROSE, multiline=True, markdown=True, allow_empty=True),
            required=True,
            doc="Markdown, in the editors' own words.",
        ),
        Field(
            "topics",
            ListOf(Id("topic"), min_items=1, unique=True),
            required=True,
            doc="Topic ids from content/topics.yaml.",
        ),
        Field("actors", ListOf(ACTOR_REF), default=(), doc="Actor ids, or {id, role}."),
        Field("location", LOCATION, doc="Where it happened."),
        Field("claims", ListOf(CLAIM), default=(), doc="Who said what, and how far it is established."),
        Field("sources", ListOf(SOURCE_REF, min_items=1), required=True, doc="At least one {source, quote?, url?}."),
        Field("importance", Integer((1, 2, 3)), default=2, doc="1 = lead, 2 = normal, 3 = minor."),
        Field("story", Id("story"), doc="Id of the developing story this event belongs to."),
        Field("related", ListOf(Id("event"), unique=True), default=(), doc="Ids of related events."),
        Field(
            "status",
            Choice(EVENT_STATUSES),
            default="published",
            doc="draft: not published yet; retracted: withdrawn, with a retraction notice.",
        ),
        Field("corrections", ListOf(CORRECTION), default=(), doc="Published corrections: {date, text}."),
        Field("retraction", RETRACTION, doc="With status: retracted, the notice {date, text} readers see instead."),
        replaces("event"),
    ),
    title="Event",
    doc="One event of the record: content/events/**/<id>.yaml",
    requires=(Requires("status", "retracted", "retraction"),),
)

ROLE = Record(
    (
        Field("title", Text(max_length=200), required=True, doc="Role title, e.g. Foreign minister."),
        Field("of", Id("actor"), doc="Actor id of the organisation or state the role is in."),
        Field("from", Date(ranges=False, approximate=False), doc="Start date."),
        Field("to", Date(ranges=False, approximate=False), doc="End date (absent while current)."),
    )
)

ACTOR = Record(
    (
        Field("name", Text(max_length=200), required=True, doc="Name as readers know it."),
        Field("kind", Choice(ACTOR_KINDS), doc="person, organization, state or group."),
        Field("aliases", ListOf(Text(max_length=200), unique=True), default=(), doc="Other spellings and names."),
        Field("country", Pattern("a country code"), doc="ISO 3166-1 alpha-2 code."),
        Field("description", Text(max_length=MAX_PROSE, multiline=True, markdown=True), doc="Markdown profile."),
        Field("roles", ListOf(ROLE), default=(), doc="Positions held: {title, of?, from?, to?}."),
        Field("wikidata", Pattern("a Wikidata id"), doc="Wikidata Q-id, e.g. Q42."),
        replaces("actor"),
    ),
    title="Actor",
    doc="A person, organisation, state or group: content/actors/<id>.yaml",
)

SOURCE = Record(
    (
        Field("title", Text(max_length=300), required=True, doc="Title of the article, statement or dataset."),
        Field("publisher", Text(max_length=200), required=True, doc="Who published it."),
        Field(
            "kind",
            Choice(SOURCE_KINDS),
            default="article",
            doc="article, live-blog, statement, report, social-post or dataset.",
        ),
        Field("published", Date(ranges=False, approximate=False), doc="Publication date or date-time."),
        Field("url", Url(), doc="Where to read it."),
        Field("archive_url", Url(), doc="An archived copy (e.g. web.archive.org)."),
        Field("language", Pattern("a language tag"), default="en", doc="BCP 47 language tag."),
        replaces("source"),
    ),
    title="Source",
    doc="A document events cite: content/sources/<id>.yaml",
)

TOPIC = Record(
    (
        Field("id", Id(), required=True, doc="Topic id."),
        Field("title", Text(max_length=100), required=True, doc="Section heading."),
        Field(
            "description",
            Text(max_length=MAX_TOPIC_DESCRIPTION, multiline=True, markdown=True),
            doc="What the topic covers.",
        ),
        replaces("topic"),
    )
)

TOPICS = ListOf(TOPIC, min_items=1)

STORY = Record(
    (
        Field("title", Text(max_length=MAX_TITLE), required=True, doc="Name of the developing story."),
        Field("summary", Text(max_length=MAX_PROSE, multiline=True, markdown=True), doc="Markdown background."),
        replaces("story"),
    ),
    title="Story",
    doc="A developing story events join with story: content/stories/<id>.yaml",
)

FILE_KINDS: dict[str, Kind] = {
    "event": EVENT,
    "actor": ACTOR,
    "source": SOURCE,
    "topics": TOPICS,
    "story": STORY,
}


@dataclass
class Checked:
    """One file, checked on its own: its values, where each field was written, what it refers to."""

    file: str
    kind: str
    id: str | None
    value: Any
    problems: list[Problem]
    positions: dict[str, tuple[int, int]]
    refs: list[tuple[str, str, str]]

    @property
    def usable(self) -> bool:
        return self.value is not MISSING


def check_document(root: Node | None, kind: str, file: str, ident: str | None) -> Checked:
    """Check a parsed file against its kind; every problem is collected, none raised."""
    ck = Checker(file)
    spec = FILE_KINDS[kind]
    if root is None or is_null(root):
        article = "an" if kind[0] in "aeiou" else "a"
        expected = "a list of topics" if kind == "topics" else f"the fields of {article} {kind}"
        ck.report((1, 1), "", f"file is empty; expected {expected}")
        return Checked(file, kind, ident, MISSING, ck.problems, ck.positions, ck.refs)
    if kind != "topics" and not isinstance(root, Mapping):
        ck.report(root, "", f"expected a mapping of fields (name: value), found {describe(root)}")
        return Checked(file, kind, ident, MISSING, ck.problems, ck.positions, ck.refs)
    value = spec.check(root, "", ck)
    return Checked(file, kind, ident, value, ck.problems, ck.positions, ck.refs)


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for one file kind, or all of them under $defs."""
    base = "https://briefing.invalid/schema"
    if kind:
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{base}/{kind}.json",
            **FILE_KINDS[kind].schema(),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}/all.json",
        "title": "Briefing content files",
        "description": "Pick the definition that matches the file: events/**.yaml → event, actors/*.yaml → actor, ...",
        "$defs": {name: spec.schema() for name, spec in FILE_KINDS.items()},
    }
