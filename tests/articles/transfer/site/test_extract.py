"""Each saved post page read into title, date, author, first sentence and images.

The expected values are what each page shows its readers (see pages/README.md for where each
page comes from).
"""

from datetime import datetime

import pytest

from articles.transfer.site.extract import extract_page
from articles.transfer.wordpress.content import html_to_markdown, plain_text
from tests.articles.transfer.site.sites import PAGES

EXPECTED = {
    "wix/strive-magazin.de.dating.html": {
        "url": "https://www.strive-magazine.de/post/das-dating-dilemma-erfolgreicher-frauen",
        "title": "Das Dating-Dilemma erfolgreicher Frauen",
        "author": "Bianca Praetorius",
        "date": "2022-10-02T13:08:09.815+00:00",
        "first": "Gastbeitrag | Warum haben es erfolgreiche, selbstbewusste Frauen schwerer "
        "eine:n Partner:in zu finden als Männer?",
        # Wix's original file, not the blurred 147×83 thumbnail the page's HTML holds
        "image": (
            "https://static.wixstatic.com/media/fcae51_e1ccf227a61447499248c4971981acf0~mv2.jpg",
            "",
        ),
        "images": 3,
    },
    "squarespace/befifty.montauk.html": {
        "url": "https://www.befifty.de/home/2017/7/12/unter-uns-montauk",
        "title": "Das vielleicht schönste Ende der Welt: Montauk",
        "author": "Beate Finken",
        # The page's own publication date (JSON-LD, <time>), not the 2017 in its address.
        "date": "2019-06-17T18:28:00+02:00",
        "first": "Ein Strand, ist ein Strand, ist ein Strand.",
        "alt": "IMG_8299.jpeg",
        "images": 8,
    },
    "squarespace/herzundblut.com.Besuch.html": {
        "url": "https://www.herzundblut.com/blog-1/kebbqe4kcwbrx62pr60i7gkd6mvlf7",
        "title": "Zu Besuch bei Véronique Lacaze",
        "author": "Jules",
        "date": "2022-11-21T18:24:08+01:00",
        "first": "In einer wunderschönen Penthousewohnung in Berlin-Schöneberg wohnt Véronique "
        "Lacaze zusammen mit ihrem Mann Christophe und ihren zwei Kindern.",
        "alt": "",  # the site gave its photos no alt text
        "images": 35,
    },
    "squarespace/pamelaandersonfoundation.org.yellow.html": {
        "url": "https://www.pamelaandersonfoundation.org/news/2018/12/4/yellow-vests-and-i",
        "title": "Yellow Vests and I",
        "author": "Pamela Anderson",
        "date": "2018-12-04T10:16:25+01:00",
        "first": "I am glad that the media noticed my brief Twitter take on the situation in "
        "France, my adopted country, which has been experiencing a series of mass protests in "
        "the last few weeks.",
        "alt": "image1-3.jpeg",
        "images": 1,
    },
    "wordpress/plantcaretoday.com.bougainvillea.html": {
        "url": "https://plantcaretoday.com/how-to-grow-and-care-for-bougainvillea.html",
        "title": "How To Grow and Care For Bougainvillea",
        "author": "Gary Antosh",
        "date": "2020-04-12T17:49:50+00:00",
        "first": "Question: I need some help with Bougainvillea care and watering.",
        "alt": "bougainvillea flower with a big smile",
        "images": 7,
    },
    "wordpress/thepostpartumparty.com.nursery.html": {
        "url": "https://thepostpartumparty.com/how-to-set-up-a-baby-nursery-in-a-small-space/",
        # the post's own title (its h1), not the SEO title in og:title
        "title": "20 Clever Small Nursery Ideas When You’re Tight On Space + Free Printable",
        "author": "Amy Motroni",  # JSON-LD author given as an @id reference
        "date": "2019-07-24T16:47:54+00:00",
        "first": "Working with a small space for your baby’s room?",
        "alt": "crib and nursery decor for small nursery ideas",
        "images": 21,
    },
    "wordpress/lemire.me.json.html": {
        "url": "https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/",
        "title": "JSON parsing: simdjson vs. JSON for Modern C++",
        "author": "Daniel Lemire",  # the theme's "View all posts by …" link, cleaned
        "date": "2019-08-02T15:57:41+00:00",
        "first": "JSON is the ubiquitous data format on the Internet.",
        "images": 0,
    },
    "wordpress/kulu-media.com.meta-outage.html": {
        "url": "https://kulu-media.com/meta-outage-hits-facebook-instagram-and-messenger/",
        # the first of three <h1> (the others are the next posts of an endless page)
        "title": "Meta Outage Hits Facebook, Instagram and Messenger Worldwide",
        "author": "Kulu Media News Desk",
        "date": "2026-06-12T18:11:51+03:00",
        "first": "A widespread Meta outage affected Facebook, Instagram and Messenger users "
        "worldwide, triggering login failures, loading errors and a surge in outage reports.",
        "alt": "Meta outage affecting Facebook, Instagram and Messenger users worldwide.",
        "images": 2,
    },
}


def read(name):
    expected = EXPECTED[name]
    page = extract_page((PAGES / name).read_text(encoding="utf-8"), expected["url"])
    markdown = html_to_markdown(page.body_html, base_url=page.url, block_editor=True).markdown
    return page, markdown


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_saved_page_gives_its_title_date_author_and_first_sentence(name):
    expected = EXPECTED[name]
    page, markdown = read(name)
    assert page.title == expected["title"]
    assert page.author == expected["author"]
    assert page.published_at == datetime.fromisoformat(expected["date"])
    assert plain_text(markdown).startswith(expected["first"])
    assert page.canonical == expected["url"]
    assert page.source in {"container", "page"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_saved_page_gives_its_images_with_their_alt_text(name):
    expected = EXPECTED[name]
    page, markdown = read(name)
    assert len(page.images) == expected["images"]
    if "image" in expected:
        assert page.images[0] == expected["image"]
    if "alt" in expected:
        src, alt = page.images[0]
        assert alt == expected["alt"]
        assert f"![{alt}]({src}" in markdown
    assert all(not src.startswith("data:") for src, _ in page.images)
    assert len({src for src, _ in page.images}) == len(page.images)  # no lazy-loading copies


def test_a_figure_caption_stays_with_its_image():
    page, markdown = read("wordpress/plantcaretoday.com.bougainvillea.html")
    assert (
        "![potted crimson red Bougainvillea at a Disney Resort ]"
        "(https://plantcaretoday.com/wp-content/uploads/bougainvillea-potted-red-disney-t1-min-600x315.jpg"
        ' "Large Pot of crimson red Bougainvillea at a Disney Resort")'
    ) in markdown


def test_what_surrounds_the_post_is_left_out():
    _, wix = read("wix/strive-magazin.de.dating.html")
    _, kulu = read("wordpress/kulu-media.com.meta-outage.html")
    _, nursery = read("wordpress/thepostpartumparty.com.nursery.html")
    assert "Das Dating-Dilemma erfolgreicher Frauen" not in wix  # the title is not repeated
    assert "Artemis" not in kulu  # the next posts of the endless page
    assert not kulu.startswith("### [Tech]")  # the category label above the title
    assert "ShareTweetPin" not in nursery and "You May Also Like" not in nursery
    assert "Gimme Please" not in nursery  # the sign-up form
