"""Boilerplate removal on plain text: what goes, what stays, and where it went."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.clean import remove_boilerplate
from eventscope.clean.lines import line_kind

SCRAPED = Path(__file__).parent / "data" / "scraped_article.txt"


def _source() -> str:
    return SCRAPED.read_text(encoding="utf-8")


def test_scraped_article_keeps_the_story_only() -> None:
    text, _ = remove_boilerplate(_source())
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Missile strike on Kharkiv apartment block kills three, officials say"
    assert paragraphs[1].startswith("KHARKIV, March 5 – A Russian missile struck")
    assert paragraphs[-1].startswith("Local officials said schools in the district")
    assert len(paragraphs) == 6
    for chrome in ("Share", "Advertisement", "Getty", "newsletter", "Related", "Editing by",
                   "rights reserved", "Tags:", "Comments", "cookies", "Staff Reporter",
                   "Published:", "Skip to content", "Sumy region"):  # fmt: skip
        assert chrome not in text, chrome


def test_scraped_article_records_every_removal_with_offsets() -> None:
    source = _source()
    _, removed = remove_boilerplate(source)
    for span in removed:
        assert source[span.start : span.end] == span.text
    kinds = [span.kind for span in removed]
    assert kinds == [
        "navigation", "byline", "timestamp", "share", "advertisement", "credit", "subscribe",
        "related", "credit", "disclaimer", "tags", "comments", "cookies",
    ]  # fmt: skip
    related = removed[kinds.index("related")]
    assert related.text.startswith("Related headlines:")
    assert related.text.endswith("EU agrees new sanctions package against Russia")
    assert related.text.count("\n") == 3  # the heading and its three headlines, one span


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share this article", "share"),
        ("Facebook  Twitter  WhatsApp  Email  Copy link", "share"),
        ("23 Comments", "comments"),
        ("Leave a comment", "comments"),
        ("View 45 comments", "comments"),
        ("3 hours ago", "comments"),
        ("Sign up for our newsletter", "subscribe"),
        ("Get the latest headlines delivered straight to your inbox.", "subscribe"),
        ("You have reached your free article limit.", "subscribe"),
        ("We use cookies to give you the best experience on our site.", "cookies"),
        ("This article contains affiliate links; we may earn a commission.", "affiliate"),
        ("The views expressed here do not necessarily reflect those of the publisher.",
         "disclaimer"),
        ("© 2024 Example Media Group. All rights reserved.", "disclaimer"),
        ("Privacy Policy | Terms of Use", "disclaimer"),
        ("Photo: Reuters", "credit"),
        ("(Photo by John Smith/AFP via Getty Images)", "credit"),
        ("Image caption, Rescuers search the rubble", "credit"),
        ("(Reporting by Tom Balmforth; Editing by Alex Richardson)", "credit"),
        ("Follow us on Twitter", "social"),
        ("Join our Telegram channel for the latest news", "social"),
        ("Home > News > World > Europe", "navigation"),
        ("Home | News | Sport | Business", "navigation"),
        ("Skip to main content", "navigation"),
        ("3 min read", "navigation"),
        ("https://example.com/article/123", "link"),
        ("Tags: Syria, Idlib, airstrike", "tags"),
        ("Read more: Ukraine says it downed 20 drones overnight", "related"),
        ("* * *", "separator"),
        ("||| — |||", "separator"),
    ],
)  # fmt: skip
def test_boilerplate_lines(line: str, kind: str) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The group's weekly newsletter, al-Naba, claimed responsibility for the attack.",
        "Share prices fell sharply in Moscow after the attack.",
        "Elsewhere, Russian forces shelled Kherson, killing two people.",
        "A resolution sponsored by France was adopted by the Security Council.",
        "Photos of the destroyed bridge were shared widely on social media.",
        "Reporters Without Borders condemned the killing of the journalist.",
        "The army said it would register all men of fighting age by the end of the month.",
        "Subscribers to the channel reported explosions near the airport.",
        "More than 30 people were killed in the attack, officials said.",
        "Comments by the minister drew criticism from the opposition.",
        "Killed | 12 | Wounded | 30",
        "Video footage showed smoke rising over the port.",
        "Advertisement boards were set on fire by protesters.",
        "The former governor used a private email address hosted on a US server.",
        "Kharkiv",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    assert line_kind(line) is None
    text, removed = remove_boilerplate(line)
    assert (text, removed) == (line, ())


BODY = "Fighting continued in the east on Sunday, with heavy shelling reported near Bakhmut."
TAIL = "The defence ministry said its forces had repelled eleven attacks along the front line."


@pytest.mark.parametrize(
    "listing",
    [
        # items right under the heading: a blank line ends the list
        "Read more:\nTroops advance near Kupiansk\nWhat we know about the new offensive?\n\n",
        # items spaced by blank lines: the list runs to the first prose line
        "You may also like\n\nTroops advance near Kupiansk\n\nPutin signs decree on reservists\n\n",
        "RELATED STORIES\n• Troops advance near Kupiansk\n• Putin signs decree on reservists\n\n",
    ],
)
def test_related_lists_go_up_to_the_next_prose(listing: str) -> None:
    text, removed = remove_boilerplate(f"{BODY}\n\n{listing}{TAIL}\n")
    assert text == f"{BODY}\n\n{TAIL}"
    assert [span.kind for span in removed] == ["related"]
    assert "Troops advance near Kupiansk" in removed[0].text


def test_related_list_stops_at_prose_directly_after_it() -> None:
    source = f"Related:\nDrone strike on Odesa port\n{TAIL}"
    text, removed = remove_boilerplate(source)
    assert text == TAIL
    assert removed[0].text == "Related:\nDrone strike on Odesa port"


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe, Staff Reporter",
        "By Jane Doe and John Smith | Reuters",
        "By Ahmed al-Rashid",
        "Jane Doe, BBC News, Kyiv",
        "By AFP",
    ],
)
def test_bylines_at_the_top_are_removed(byline: str) -> None:
    text, removed = remove_boilerplate(f"Headline about the attack\n{byline}\n{BODY}\n")
    assert text == f"Headline about the attack\n\n{BODY}"
    assert [(s.kind, s.text) for s in removed] == [("byline", byline)]


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, forces had withdrawn", "Zelensky Visits Front, Meets Troops", "Kharkiv, Ukraine"],
)
def test_byline_lookalikes_at_the_top_are_kept(line: str) -> None:
    text, removed = remove_boilerplate(f"{line}\n{BODY}\n")
    assert text == f"{line}\n\n{BODY}"
    assert removed == ()


@pytest.mark.parametrize(
    "stamp",
    ["Published: 5 March 2024, 10:32 GMT", "Updated 12:05 am, Tue, March 5, 2024", "5 March 2024"],
)
def test_timestamps_near_the_top_are_removed(stamp: str) -> None:
    text, removed = remove_boilerplate(f"{stamp}\n{BODY}")
    assert text == BODY
    assert [s.kind for s in removed] == ["timestamp"]


def test_bare_date_inside_the_story_is_kept() -> None:
    # In a live blog a date line heads a new entry: content, not page furniture.
    source = f"{BODY}\n\n5 March 2024\n\n{TAIL}"
    text, removed = remove_boilerplate(source)
    assert "5 March 2024" in text
    assert removed == ()


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    source = (
        "Russian forces launched a large-scale attack on the eastern\n"
        "town overnight, using drones and glide bombs, the regional\n"
        "governor said on Monday morning.\n"
        "\n"
        "At least four people were killed and a dozen injured as the\n"
        "strikes hit residential areas and a school near the centre.\n"
    )
    text, removed = remove_boilerplate(source)
    assert removed == ()
    first, second = text.split("\n\n")
    assert first.startswith("Russian forces launched") and first.endswith("Monday morning.")
    assert "eastern town overnight" in first
    assert second.endswith("near the centre.")


def test_one_paragraph_per_line_is_kept_apart() -> None:
    source = f"{BODY}\n{TAIL}\nA third paragraph follows here, also about the war."
    text, _ = remove_boilerplate(source)
    assert text.split("\n\n") == source.split("\n")


def test_sentence_broken_across_lines_is_joined() -> None:
    text, _ = remove_boilerplate("Shelling damaged the\nhospital in Kherson on Friday.")
    assert text == "Shelling damaged the hospital in Kherson on Friday."


def test_crlf_and_indentation_do_not_leak_into_text() -> None:
    source = "   First paragraph of the report.  \r\n\r\n\tSecond   paragraph here.\r\n"
    text, _ = remove_boilerplate(source.replace("\r\n", "\n"))
    assert text == "First paragraph of the report.\n\nSecond paragraph here."


def test_removed_span_offsets_skip_indentation() -> None:
    source = f"{BODY}\n    Advertisement   \n{TAIL}"
    _, (span,) = remove_boilerplate(source)
    assert (span.text, span.kind) == ("Advertisement", "advertisement")
    assert source[span.start : span.end] == "Advertisement"


WIRE = (
    "THE ARMY DENIED TODAY THAT GUERRILLAS ATTACKED THE PRESIDENTIAL FARM ON\n"
    "THE PACIFIC COAST, WHERE THE PRESIDENT HAS BEEN STAYING SINCE THE\n"
    "2 FEBRUARY.\n"
    "\n"
    "ON 10 JANUARY\n"
    "AT 1030, A REBEL UNIT AMBUSHED A MILITARY VEHICLE NEAR THE TOWN OF SAN\n"
    "MIGUEL, KILLING FOUR SOLDIERS AND WOUNDING TWO, A SPOKESMAN SAID.\n"
    "\n"
    "MOREOVER, THE INTER-AMERICAN PRESS ASSOCIATION HAS CONDEMNED THE\n"
    "ATTACKS AGAINST LOCAL AND FOREIGN JOURNALISTS AND MEDIA WORKERS.\n"
)


def test_wrapped_wire_copy_loses_nothing() -> None:
    # Fragments of wrapped sentences look like dates and bylines; they must stay.
    text, removed = remove_boilerplate(WIRE)
    assert removed == ()
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith("STAYING SINCE THE 2 FEBRUARY.")
    assert paragraphs[1].startswith("ON 10 JANUARY AT 1030, A REBEL UNIT")


def test_real_wire_copy_is_left_alone(shared_data: Path) -> None:
    """MUC-4 wire reports (hard-wrapped, upper case) hold no boilerplate: nothing may go."""
    path = shared_data / "events" / "muc4" / "dev.json"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    documents = [entry["doc"] for entry in json.loads(path.read_text(encoding="utf-8")).values()]
    assert len(documents) >= 100
    for document in documents:
        text, removed = remove_boilerplate(document)
        assert removed == ()
        assert " ".join(text.split()) == " ".join(document.split())
