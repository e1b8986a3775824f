"""Which addresses an import may fetch: http(s) only, public hosts only, resolved once.

The host is looked up once; every address it resolves to must be public (not loopback,
private, link-local, shared, multicast or reserved), and the connection then goes to the first
of those very addresses (`Target.ip`), so a second lookup can never swap in another one (DNS
rebinding). A host named in the setting `IMPORT_SITE_ALLOWED_PRIVATE_HOSTS` (for tests and
intranets) may resolve to any address; it is still resolved once and pinned.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(Exception):
    """Why an address was not fetched, in words for the person importing.

    `temporary` when trying again later may work (no answer, a time limit, a name lookup that
    failed), not when the address itself is refused.
    """

    def __init__(self, message, *, temporary=False):
        super().__init__(message)
        self.temporary = temporary


@dataclass(frozen=True)
class Target:
    """One checked hop: where to connect (`ip`) and what to ask for (`host`, `path`)."""

    url: str
    scheme: str
    host: str  # the name, for the Host header, SNI and the certificate check
    port: int
    path: str  # path and query, percent-encoded
    ip: str

    @property
    def host_header(self):
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == DEFAULT_PORTS[self.scheme] else f"{name}:{self.port}"


def system_resolver(host, port):
    """Every address `host` resolves to, in the order the system gives them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def allowed_private_hosts():
    return {host.strip().lower() for host in settings.IMPORT_SITE_ALLOWED_PRIVATE_HOSTS}


def is_public(address):
    """True for an address on the public internet; False for every special-purpose range."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local)


def split_address(url):
    """(scheme, host, port, path) of an http(s) address, or FetchError saying what is wrong."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError(f"“{url}” is not a valid address") from error
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise FetchError(f"only http and https addresses are fetched, not “{url}”")
    if not parts.hostname:
        raise FetchError(f"“{url}” names no host")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"“{url}” carries a user name or password; give the address without it")
    try:
        host = parts.hostname.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise FetchError(f"the host in “{url}” is not a valid name") from error
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return scheme, host, port or DEFAULT_PORTS[scheme], path


def canonical_url(url):
    """The address as it is fetched: IDNA host, percent-encoded path, no fragment."""
    scheme, host, port, path = split_address(url)
    netloc = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path, _, query = path.partition("?")
    return urlunsplit((scheme, netloc, path, query, ""))


def same_site(host, site_host):
    """The same host, counting "www.example.org" and "example.org" as one site."""
    return host.removeprefix("www.") == site_host.removeprefix("www.")


def check(url, *, resolver=system_resolver, site_host=None):
    """The `Target` to connect to for `url`, or FetchError when the address is refused."""
    scheme, host, port, path = split_address(url)
    if site_host is not None and not same_site(host, site_host):
        raise FetchError(f"“{url}” is on another site ({host}); only {site_host} is read")
    try:
        addresses = [host] if _is_ip_literal(host) else resolver(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"the host {host} cannot be found", temporary=True) from error
    if not addresses:
        raise FetchError(f"the host {host} cannot be found")
    if host not in allowed_private_hosts():
        for address in addresses:
            if not is_public(address):
                raise FetchError(
                    f"the host {host} is not a public address ({address}); an import reads "
                    "only public sites"
                )
    return Target(canonical_url(url), scheme, host, port, path, addresses[0].split("%", 1)[0])


def _is_ip_literal(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
