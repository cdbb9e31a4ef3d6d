"""Chrome glued to the end of a paragraph line is removed and recorded (session 17)."""

from eventscope.clean.boilerplate import remove_boilerplate


def _clean(source: str) -> tuple[str, list[tuple[str, str]]]:
    text, spans = remove_boilerplate(source)
    for span in spans:  # nothing is lost: every removed stretch points into the source
        assert source[span.start : span.end] == span.text
    return text, [(s.kind, s.text) for s in spans]


def test_read_more_headline_after_the_last_sentence_is_cut_off() -> None:
    source = (
        "Drones struck a fuel depot in Dolinsk on Friday, the governor said. "
        "Read more: Army says it shot down 40 drones over the border region"
    )
    text, removed = _clean(source)
    assert text == "Drones struck a fuel depot in Dolinsk on Friday, the governor said."
    assert removed == [
        ("related", "Read more: Army says it shot down 40 drones over the border region")
    ]


def test_several_tails_are_peeled_one_by_one() -> None:
    source = (
        "Gunmen killed three traders near Kafo on Monday. Comments are closed. Share this article"
    )
    text, removed = _clean(source)
    assert text == "Gunmen killed three traders near Kafo on Monday."
    assert [kind for kind, _ in removed] == ["comments", "share"]


def test_prose_that_merely_mentions_sharing_stays() -> None:
    source = (
        "Villagers said they would share the harvest with displaced families. "
        "Follow-up talks are planned for March, the mayor said."
    )
    text, removed = _clean(source)
    assert text == source
    assert removed == []


def test_a_tail_on_its_own_paragraph_line_still_goes_as_before() -> None:
    source = "Militants attacked a checkpoint near Ruko.\n\nRead more: Talks stall in the capital"
    text, removed = _clean(source)
    assert text == "Militants attacked a checkpoint near Ruko."
    assert removed == [("related", "Read more: Talks stall in the capital")]


def test_reporting_that_looks_like_a_credit_stays() -> None:
    # review (session 17): "Footage, ...", "Photos by ..." open credits on a line of their own
    # but report facts inside a paragraph, and the sentences after them must stay too
    source = (
        "Gunmen stormed the village of Dolo on Sunday. Footage, verified by AFP, showed "
        "burning granaries. Survivors said the attackers killed 22 men in the square."
    )
    assert _clean(source) == (source, [])
    source = "A drone hit a market in Sennar. Photos by a local activist showed bodies."
    assert _clean(source) == (source, [])
