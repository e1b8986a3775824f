"""The one fetcher for other sites: checked addresses, one lookup pinned, limits, redirects.

Every request goes to a server on 127.0.0.1 started here; the public addresses a fake resolver
gives are never connected to (the connection step is intercepted before any packet is sent).
"""

import gzip
import re
import ssl
import time

import pytest
import trustme
import urllib3.util.connection

from articles.transfer.web.addresses import FetchError
from articles.transfer.web.fetcher import USER_AGENT, SafeFetcher
from tests.articles.transfer.local_server import LocalServer, Resolver, redirect, text

PUBLIC = "93.184.215.14"  # a public address: answered by the fake resolver, never contacted


@pytest.fixture
def allowed(settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["site.test", "other.test"]
    return settings


@pytest.fixture
def server():
    with LocalServer({"/": text("<p>home</p>")}) as running:
        yield running


def fetcher_for(resolver, **options):
    return SafeFetcher(resolver=resolver, **options)


@pytest.fixture
def intercepted(monkeypatch):
    """Records the addresses urllib3 is asked to connect to, and connects to none of them."""
    attempts = []

    def refuse(address, *args, **kwargs):
        attempts.append(address[0])
        raise OSError("connection intercepted by the test")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    return attempts


def test_a_page_is_fetched_with_the_name_in_the_host_header_and_its_own_user_agent(allowed, server):
    resolver = Resolver({"site.test": ["127.0.0.1"]})
    page = fetcher_for(resolver).get(f"http://site.test:{server.port}/")
    assert page.ok and page.content == b"<p>home</p>"
    assert server.seen[0].host == f"site.test:{server.port}"
    assert server.seen[0].user_agent == USER_AGENT
    assert resolver.lookups == ["site.test"]


def test_dns_rebinding_the_checked_answer_is_the_one_connected_to(allowed, intercepted):
    # First answer public, every later one loopback: the fetcher looks up once and connects
    # to that first answer; it never asks again, so 127.0.0.1 is never tried.
    resolver = Resolver({"rebind.example": [[PUBLIC], ["127.0.0.1"]]})
    with pytest.raises(FetchError, match="could not be fetched"):
        fetcher_for(resolver).get("http://rebind.example/secret")
    assert resolver.lookups == ["rebind.example"]
    assert intercepted == [PUBLIC]


def test_a_pinned_answer_serves_the_whole_request_even_if_dns_changes(allowed, server):
    resolver = Resolver({"site.test": [["127.0.0.1"], ["10.1.2.3"]]})
    page = fetcher_for(resolver).get(f"http://site.test:{server.port}/")
    assert page.content == b"<p>home</p>"
    assert resolver.lookups == ["site.test"]


@pytest.mark.parametrize(
    "answer",
    [
        "127.0.0.1",
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared (carrier-grade NAT)
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "0.0.0.0",  # noqa: S104 - an answer to refuse, not an address bound to
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
    ],
)
def test_special_purpose_addresses_are_refused(answer, intercepted, settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []
    resolver = Resolver({"sneaky.example": [answer]})
    with pytest.raises(FetchError, match="not a public address"):
        fetcher_for(resolver).get("http://sneaky.example/")
    assert intercepted == []


def test_one_private_answer_among_public_ones_is_enough_to_refuse(intercepted, settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []
    resolver = Resolver({"mixed.example": [PUBLIC, "10.0.0.1"]})
    with pytest.raises(FetchError, match="not a public address"):
        fetcher_for(resolver).get("http://mixed.example/")
    assert intercepted == []


def test_an_address_literal_is_checked_too(intercepted, settings):
    settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = []
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/"):
        with pytest.raises(FetchError, match="not a public address"):
            SafeFetcher().get(url)
    assert intercepted == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://site.test/x", "only http and https"),
        ("http://user:secret@site.test/", "user name or password"),
        ("http:///nothing", "names no host"),
        ("http://site.test:99999/", "not a valid address"),
    ],
)
def test_addresses_that_are_not_plain_http_are_refused(url, message, allowed):
    with pytest.raises(FetchError, match=re.escape(message)):
        fetcher_for(Resolver({})).get(url)


def test_redirects_are_followed_each_hop_checked_and_pinned_again(allowed, server):
    server.routes["/old"] = redirect("/middle")
    server.routes["/middle"] = redirect(f"http://www.site.test:{server.port}/new", 308)
    server.routes["/new"] = text("moved here")
    resolver = Resolver({"site.test": ["127.0.0.1"], "www.site.test": ["127.0.0.1"]})
    allowed.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS += ["www.site.test"]
    page = fetcher_for(resolver).get(f"http://site.test:{server.port}/old", site_host="site.test")
    assert page.content == b"moved here"
    assert page.url == f"http://www.site.test:{server.port}/new"
    assert resolver.lookups == ["site.test", "site.test", "www.site.test"]
    assert [seen.path for seen in server.seen] == ["/old", "/middle", "/new"]


def test_a_redirect_to_another_site_is_refused_when_reading_one_site(allowed, server):
    server.routes["/away"] = redirect(f"http://other.test:{server.port}/")
    resolver = Resolver({"site.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
    with pytest.raises(FetchError, match="on another site"):
        fetcher_for(resolver).get(f"http://site.test:{server.port}/away", site_host="site.test")
    assert [seen.path for seen in server.seen] == ["/away"]


def test_a_redirect_to_a_private_address_is_refused(allowed, server):
    server.routes["/to-loopback"] = redirect(f"http://127.0.0.1:{server.port}/")
    server.routes["/to-file"] = redirect("file:///etc/passwd")
    resolver = Resolver({"site.test": ["127.0.0.1"]})
    with pytest.raises(FetchError, match="not a public address"):
        fetcher_for(resolver).get(f"http://site.test:{server.port}/to-loopback")
    with pytest.raises(FetchError, match="only http and https"):
        fetcher_for(resolver).get(f"http://site.test:{server.port}/to-file")
    assert [seen.path for seen in server.seen] == ["/to-loopback", "/to-file"]


def test_a_redirect_loop_stops(allowed, server):
    server.routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        fetcher_for(Resolver({"site.test": ["127.0.0.1"]})).get(
            f"http://site.test:{server.port}/loop"
        )
    assert len(server.seen) == 6


def _stream(chunks, delay=0.0):
    """A route that sends `chunks` with no Content-Length (connection closed at the end)."""

    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            for chunk in chunks:
                handler.wfile.write(chunk)
                handler.wfile.flush()
                if delay:
                    time.sleep(delay)  # a server that drips: the pause is what is tested
        except OSError:
            pass  # the fetcher hung up, as it should

    return answer


def test_a_body_over_the_cap_is_refused_by_its_length_or_while_streaming(allowed, server):
    server.routes["/declared"] = text(b"x" * 5000)
    server.routes["/streamed"] = _stream([b"x" * 1000] * 50)
    fetcher = fetcher_for(Resolver({"site.test": ["127.0.0.1"]}), max_bytes=4000)
    for path in ("/declared", "/streamed"):
        with pytest.raises(FetchError, match="larger than 3 KiB"):
            fetcher.get(f"http://site.test:{server.port}{path}")


def test_truncate_keeps_the_first_bytes_up_to_the_cap(allowed, server):
    server.routes["/robots.txt"] = text(b"a" * 5000, "text/plain")
    fetcher = fetcher_for(Resolver({"site.test": ["127.0.0.1"]}))
    page = fetcher.get(f"http://site.test:{server.port}/robots.txt", max_bytes=1000, truncate=True)
    assert page.truncated and page.content == b"a" * 1000


def test_a_compressed_bomb_is_stopped_at_the_cap(allowed, server):
    bomb = gzip.compress(b"\0" * (20 * 2**20))  # 20 MB of zeros in about 20 KB
    server.routes["/bomb"] = text(bomb, **{"Content-Encoding": "gzip"})
    fetcher = fetcher_for(Resolver({"site.test": ["127.0.0.1"]}), max_bytes=2**20)
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetcher.get(f"http://site.test:{server.port}/bomb")


def test_a_silent_server_runs_into_the_read_timeout(allowed, server):
    server.routes["/silent"] = _silent
    fetcher = fetcher_for(Resolver({"site.test": ["127.0.0.1"]}), read_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(FetchError, match="could not be"):
        fetcher.get(f"http://site.test:{server.port}/silent")
    assert time.monotonic() - started < 3


def _silent(handler):
    handler.server.closing.wait(timeout=60)  # says nothing until the test is over


def test_a_slow_drip_runs_into_the_total_time_limit(allowed, server):
    server.routes["/drip"] = _stream([b"x"] * 40, delay=0.1)
    fetcher = fetcher_for(
        Resolver({"site.test": ["127.0.0.1"]}), read_timeout=1.0, total_timeout=0.5
    )
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 seconds"):
        fetcher.get(f"http://site.test:{server.port}/drip")
    assert time.monotonic() - started < 2


@pytest.fixture
def certificate_authority():
    return trustme.CA()


def _tls_server(ca, name, names_seen):
    certificate = ca.issue_cert(name)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    context.sni_callback = lambda sock, server_name, ctx: names_seen.append(server_name)
    return LocalServer({"/": text("over tls")}, ssl_context=context)


def test_https_connects_to_the_pinned_address_and_checks_the_certificate_for_the_name(
    allowed, certificate_authority, tmp_path
):
    allowed.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["secure.test"]
    ca_file = tmp_path / "ca.pem"
    certificate_authority.cert_pem.write_to_path(str(ca_file))
    names_seen = []
    with _tls_server(certificate_authority, "secure.test", names_seen) as server:
        fetcher = fetcher_for(Resolver({"secure.test": ["127.0.0.1"]}), ca_certs=str(ca_file))
        page = fetcher.get(f"https://secure.test:{server.port}/")
    assert page.content == b"over tls"
    assert names_seen == ["secure.test"]  # SNI carries the name, not the address
    assert server.seen[0].host == f"secure.test:{server.port}"


def test_https_refuses_a_certificate_for_another_name(allowed, certificate_authority, tmp_path):
    allowed.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS = ["secure.test"]
    ca_file = tmp_path / "ca.pem"
    certificate_authority.cert_pem.write_to_path(str(ca_file))
    with _tls_server(certificate_authority, "elsewhere.test", []) as server:
        fetcher = fetcher_for(Resolver({"secure.test": ["127.0.0.1"]}), ca_certs=str(ca_file))
        with pytest.raises(FetchError, match="could not be fetched"):
            fetcher.get(f"https://secure.test:{server.port}/")
        assert server.seen == []
