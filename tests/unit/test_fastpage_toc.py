"""The table of contents of a page from our templates: its headings with a permalink, as the toc extension lists."""

from generator.site.fastpage import toc_tokens

LINK = '<a class="headerlink" href="#{0}" title="Link to this section">¶</a>'


def test_headings_with_a_permalink_are_listed_with_their_level_id_and_text():
    html = (
        f'<h1 id="top">Monday, <em>5 May</em>{LINK.format("top")}</h1>\n<p>Text</p>\n'
        f'<h2 id="a&amp;b">Energy &amp; grids{LINK.format("a&amp;b")}</h2>'
    )
    assert [(t["level"], t["id"], t["name"]) for t in toc_tokens(html)] == [
        (1, "top", "Monday, 5 May"),
        (2, "a&b", "Energy &amp; grids"),
    ]


def test_a_heading_without_a_permalink_is_not_listed_and_takes_nothing_of_the_next():
    html = (
        '<h3 id="place-1">Odesa <span class="map-count">· 4 events</span></h3>\n<ul><li>…</li></ul>\n'
        f'<h2 id="next">Next{LINK.format("next")}</h2>'
    )
    assert [(t["level"], t["id"], t["name"], t["html"]) for t in toc_tokens(html)] == [(2, "next", "Next", "Next")]
