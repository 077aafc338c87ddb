"""The strict YAML loader: positions, duplicate keys, and everything YAML could do behind an editor's back."""

from __future__ import annotations

import pytest

from generator.content.load import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Mapping,
    Scalar,
    Sequence,
    decode,
    describe,
    load_yaml_file,
    parse_yaml,
    read_text,
)
from generator.errors import Problem

F = "content/events/2024/11/kyiv-drones.yaml"


def problems_of(text: str) -> list[str]:
    return [p.format() for p in parse_yaml(text, F)[1]]


def only_problem(text: str) -> str:
    tree, problems = parse_yaml(text, F)
    assert len(problems) == 1, problems
    return problems[0].format()


def test_every_value_remembers_its_line_and_column():
    tree, problems = parse_yaml("title: Drones\nactors:\n  - klitchko\n  - id: x\n", F)
    assert problems == []
    assert isinstance(tree, Mapping)
    (k1, v1), (k2, v2) = tree.items
    assert (k1.text, k1.line, k1.column) == ("title", 1, 1)
    assert (v1.text, v1.line, v1.column) == ("Drones", 1, 8)
    assert isinstance(v2, Sequence)
    assert (v2.items[0].text, v2.items[0].line, v2.items[0].column) == ("klitchko", 3, 5)
    assert isinstance(v2.items[1], Mapping) and v2.items[1].line == 4


def test_columns_count_characters_not_bytes():
    tree, _ = parse_yaml("title: Дрони над Києвом\nb: [x, Київ, y]\n", F)
    assert tree.items[1][1].items[2].column == 14  # b: [x, Київ, y]: 4 letters, 4 columns


# --- YAML's own typing does not change what was written -------------------------


def test_an_unquoted_date_stays_the_text_written():
    tree, _ = parse_yaml("date: 2024-11-05\nquoted: '2024-11-05'\n", F)
    unquoted, quoted = tree.items[0][1], tree.items[1][1]
    assert unquoted.text == quoted.text == "2024-11-05"
    assert unquoted.yaml_type == "timestamp" and quoted.yaml_type == "str"


def test_no_as_a_country_stays_the_text_no():
    tree, _ = parse_yaml("country: NO\nother: yes\nnothing: ~\n", F)
    country, other, nothing = (v for _, v in tree.items)
    assert country.text == "NO" and country.yaml_type == "bool"
    assert other.text == "yes"
    assert nothing.text == "~" and nothing.yaml_type == "null"


def test_numbers_stay_text_until_a_field_asks_for_a_number():
    tree, _ = parse_yaml("a: 010\nb: 0x1F\nc: 1:30\nd: .inf\n", F)
    assert [v.text for _, v in tree.items] == ["010", "0x1F", "1:30", ".inf"]


def test_describe_names_what_an_editor_wrote():
    tree, _ = parse_yaml("a: [1]\nb: {c: 1}\nc: 3\nd: yes\ne: ~\nf: text\n", F)
    assert [describe(v) for _, v in tree.items] == [
        "a list",
        "a mapping",
        "the number 3",
        "the yes/no value yes",
        "nothing",
        "text",
    ]


def test_block_text_keeps_its_line_breaks():
    tree, _ = parse_yaml("summary: |\n  One.\n  Two.\n", F)
    value = tree.items[0][1]
    assert value.text == "One.\nTwo.\n" and value.block and not value.plain


# --- duplicate keys ---------------------------------------------------------------


def test_a_duplicate_key_is_reported_with_its_path_and_the_first_is_kept():
    tree, problems = parse_yaml("date: 2024-11-05\ntitle: x\ndate: 2024-11-06\n", F)
    assert [p.format() for p in problems] == [
        f"{F}:3:1: date: duplicate key 'date' (first written on line 1); YAML would silently keep only the last one"
    ]
    assert [(k.text, v.text) for k, v in tree.items] == [("date", "2024-11-05"), ("title", "x")]


def test_a_duplicate_key_deep_inside_names_the_whole_path():
    text = "sources:\n  - source: a\n  - source: b\n    quote: x\n    quote: y\n"
    assert problems_of(text) == [
        f"{F}:5:5: sources[1].quote: duplicate key 'quote' (first written on line 4); "
        "YAML would silently keep only the last one"
    ]


def test_quoted_and_plain_spellings_of_one_key_are_duplicates():
    assert "duplicate key 'title'" in only_problem('title: a\n"title": b\n')


def test_every_duplicate_key_of_a_file_is_reported():
    assert len(problems_of("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")) == 2


def test_a_key_that_is_not_a_plain_name_is_reported():
    assert only_problem("? [a, b]\n: c\n") == f"{F}:1:3: a key must be a plain name"
    assert only_problem("{a: 1}: x\n") == f"{F}:1:1: a key must be a plain name"


# --- tags, anchors, aliases: no arbitrary objects, no billion laughs ---------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("title: !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system"),
        ("title: !!python/name:os.system\n", "!!python/name:os.system"),
        ("date: !!str 2024-11-05\n", "!!str"),
        ("date: !!timestamp 2024-11-05\n", "!!timestamp"),
        ("title: !custom x\n", "!custom"),
        ("--- !!map\ntitle: x\n", "!!map"),
        ("title: !<tag:example.com,2024:x> y\n", "tag:example.com,2024:x"),
    ],
)
def test_a_yaml_tag_is_refused(text, shown):
    tree, problems = parse_yaml(text, F)
    assert tree is None
    assert [p.message for p in problems] == [f"YAML tag '{shown}' is not allowed: write plain values"]


def test_mkdocs_yml_may_keep_its_own_tags():
    tree, problems = parse_yaml(
        "a: !ENV X\nb: !!python/name:material.extensions.emoji.twemoji\n", "mkdocs.yml", allow_tags=True
    )
    assert problems == [] and isinstance(tree, Mapping)


def test_an_anchor_is_refused_where_it_is_written():
    assert only_problem("title: x\nsummary: &s text\n") == (
        f"{F}:2:10: YAML anchor '&s' is not allowed: write the value out in full"
    )


def test_an_alias_is_refused_where_it_is_written():
    assert only_problem("title: x\nsummary: *s\n") == (
        f"{F}:2:10: YAML alias '*s' is not allowed: write the value out in full"
    )


def test_a_merge_key_is_refused_with_its_anchor():
    assert "YAML anchor '&base'" in only_problem("base: &base {a: 1}\nother:\n  <<: *base\n")


def test_billion_laughs_stops_at_the_first_anchor_without_expanding():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    tree, problems = parse_yaml("\n".join(lines) + "\n", F)
    assert tree is None
    assert [p.format() for p in problems] == [f"{F}:1:4: YAML anchor '&a' is not allowed: write the value out in full"]


# --- characters, encodings, documents -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("title: Drones\x07\n", 1, 14, "U+0007"),
        ("title: x\nsummary: \x00\n", 2, 10, "U+0000"),
        ("title: x\x1b[31m\n", 1, 9, "U+001B"),
        ("title: Дрони\x07\n", 1, 13, "U+0007"),  # a column in characters, after Cyrillic
        ("title: a\x85b\n", 1, 9, "U+0085"),  # NEL: a line break to YAML, not to editors
        ("title: \ufffe\n", 1, 8, "U+FFFE"),
        ("title: \ud800\n", 1, 8, "U+D800"),
    ],
)
def test_a_control_character_is_reported_at_its_place(text, line, column, code):
    tree, problems = parse_yaml(text, F)
    assert tree is None
    assert problems == [
        Problem(F, line, column, "", f"invalid YAML: character {code} is not allowed in YAML; remove it")
    ]


def test_tabs_and_windows_line_ends_are_fine():
    tree, problems = parse_yaml("title: a\tb\r\nsummary: c\r\n", F)
    assert problems == []
    assert [v.text for _, v in tree.items] == ["a\tb", "c"]


def test_a_byte_order_mark_is_dropped():
    text, problems = decode("\ufefftitle: x\n".encode(), F)
    assert problems == [] and text == "title: x\n"
    tree, problems = parse_yaml(text, F)
    assert tree.items[0][0].text == "title" and tree.items[0][0].column == 1


def test_a_file_that_is_not_utf8_names_the_byte_and_its_place():
    text, problems = decode("title: Drones\nname: Café ".encode() + b"Jos\xe9\n", F)
    assert text is None
    assert problems == [Problem(F, 2, 15, "", "file is not UTF-8 (byte 0xe9); save it as UTF-8")]


def test_utf16_is_not_utf8():
    text, problems = decode("title: x\n".encode("utf-16"), F)
    assert text is None and "not UTF-8" in problems[0].message


def test_a_file_over_256_kib_is_not_read(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"title: x\n" + b"# padding\n" * (MAX_FILE_BYTES // 10))
    text, problems = read_text(path, F)
    size = path.stat().st_size
    assert text is None
    assert problems == [Problem(F, 1, 1, "", f"file is {size:,} bytes; the limit is 262,144 (256 KiB)")]


def test_a_file_of_exactly_256_kib_is_read(tmp_path):
    path = tmp_path / "edge.yaml"
    path.write_bytes(b"title: x\n" + b"#" * (MAX_FILE_BYTES - 10) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    tree, problems = load_yaml_file(path, F)
    assert problems == [] and isinstance(tree, Mapping)


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    text, problems = read_text(tmp_path / "missing.yaml", F)
    assert text is None and problems[0].message.startswith("cannot read file: ")


def test_a_second_document_is_refused():
    assert only_problem("title: a\n---\ntitle: b\n") == (
        f"{F}:2:1: file holds more than one YAML document ('---'); keep one"
    )


def test_one_document_with_its_markers_is_fine():
    tree, problems = parse_yaml("---\ntitle: a\n...\n", F)
    assert problems == [] and isinstance(tree, Mapping)


def test_an_empty_file_or_a_comment_gives_no_tree_and_no_problem():
    assert parse_yaml("", F) == (None, [])
    assert parse_yaml("# only a comment\n", F) == (None, [])


# --- invalid YAML: the parser's position, in words an editor can use ------------------


def test_a_colon_inside_a_value_says_to_quote_it():
    assert only_problem("title: Kyiv: drones\n") == (
        f"{F}:1:12: invalid YAML: the title holds ': ', so it must be in quotes: title: \"Kyiv: drones\""
    )


def test_a_colon_inside_a_list_items_field_names_the_field_and_shows_it_quoted():
    assert only_problem('claims:\n  - text: Kyiv: "drones"\n') == (
        f'{F}:2:15: invalid YAML: the text holds \': \', so it must be in quotes: - text: "Kyiv: \\"drones\\""'
    )


def test_a_key_indented_under_a_value_says_to_check_the_indentation():
    assert only_problem("title: x\n  date: 2024\n") == (
        f"{F}:2:7: invalid YAML: mapping values are not allowed in this context; check the indentation"
    )


def test_an_unclosed_quote_says_where_it_began():
    assert only_problem('title: "Drones\ndate: 2024\n') == (
        f"{F}:3:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 1, column 8)"
    )


def test_an_unclosed_bracket_says_where_it_began():
    assert only_problem("topics: [war\nsummary: x\n") == (
        f"{F}:2:8: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 9)"
    )


@pytest.mark.parametrize(
    "text",
    ["title: x\n\tdate: 2024\n", "title: x\nactors:\n\t- a\n", "title: x\nlocation:\n  name: y\n \tcountry: UA\n"],
)
def test_a_tab_used_for_indentation_says_so_where_it_is(text):
    line = text.count("\n", 0, text.index("\t")) + 1
    column = text.index("\t") - text.rfind("\n", 0, text.index("\t"))
    assert only_problem(text) == (
        f"{F}:{line}:{column}: invalid YAML: a tab is used for indentation; use spaces (set your editor to insert "
        "spaces for Tab)"
    )


def test_nesting_is_limited():
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert only_problem(deep).endswith(f"nesting deeper than {MAX_DEPTH} levels")


def test_absurd_nesting_is_a_problem_not_a_crash():
    tree, problems = parse_yaml("[" * 100_000, F)
    assert tree is None and problems[0].message.startswith("invalid YAML")


def test_a_scalar_root_is_returned_for_the_schema_to_judge():
    tree, problems = parse_yaml("just text\n", F)
    assert problems == [] and isinstance(tree, Scalar)
