"""Recorded Crossref and PubMed answers, served on 127.0.0.1 as the real services would.

Crossref's `/works/{doi}` answers are the recorded works records (the trimmed cache records
are wrapped in the envelope Crossref sends: {"status": "ok", "message-type": "work", ...});
E-utilities' `efetch` answers are the recorded PubMed XML files, byte for byte. `esearch`
(a DOI's PMID) is answered in E-utilities' JSON shape from the DOI and PMID that a recorded
PubMed record itself carries. Anything without a recording gets 404: a test never sees an
answer that no service gave. `fail_with` and `hold_answers()` imitate an outage and a service
that stops answering.
Crossref's answers carry the rate-limit headers its documentation gives for the public and
polite pools (50 requests a second).
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures"


def _crossref_records():
    records = {}
    for path in sorted((FIXTURES / "crossref").glob("*.json")):
        data = json.loads(path.read_text())
        if "message-type" not in data:  # a trimmed cache record: wrap it as Crossref does
            data = {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                    "message": data["message"]}  # fmt: skip
            body = json.dumps(data).encode()
        else:
            body = path.read_bytes()
        records[data["message"]["DOI"].lower()] = body
    return records


def _pubmed_records():
    records, dois = {}, {}
    for path in sorted((FIXTURES / "pubmed").glob("*.xml")):
        body = path.read_bytes()
        pmid = re.search(rb"<PMID[^>]*>(\d+)</PMID>", body).group(1).decode()
        records[pmid] = body
        doi = re.search(rb'<ArticleId IdType="doi">([^<]+)</ArticleId>', body)
        if doi:
            dois[doi.group(1).decode().lower()] = pmid
    return records, dois


class RecordedServices:
    def __init__(self):
        self.crossref = _crossref_records()
        self.pubmed, self.pmid_of_doi = _pubmed_records()
        self.requests = []  # (path, query dict, headers)
        self.fail_with, self.headers = None, {}
        self.answering = threading.Event()
        self.answering.set()
        handler = type("Handler", (_Handler,), {"services": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self):
        self.requests.clear()
        self.fail_with, self.headers = None, {}
        self.answering.set()

    def hold_answers(self):
        """Requests get no answer until `reset()`: a service that has stopped answering."""
        self.answering.clear()

    def stop(self):
        self.answering.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, path, query):
        """(status, content type, body) for a request."""
        if path.startswith("/crossref/works/"):
            body = self.crossref.get(unquote(path.removeprefix("/crossref/works/")).lower())
            return (200, "application/json", body) if body else (404, "text/plain", b"")
        if path == "/eutils/efetch.fcgi" and query.get("db") == "pubmed":
            body = self.pubmed.get(query.get("id", ""))
            return (200, "text/xml", body) if body else (404, "text/plain", b"")
        if path == "/eutils/esearch.fcgi" and query.get("db") == "pubmed":
            doi = query.get("term", "").removesuffix("[doi]").lower()
            if pmid := self.pmid_of_doi.get(doi):
                result = {"count": "1", "retmax": "1", "retstart": "0", "idlist": [pmid],
                          "translationset": [], "querytranslation": f"{doi}[doi]"}  # fmt: skip
                body = json.dumps({"header": {"type": "esearch"}, "esearchresult": result})
                return 200, "application/json", body.encode()
        return 404, "text/plain", b"No recording of this request."


class _Handler(BaseHTTPRequestHandler):
    services = None

    def do_GET(self):  # noqa: N802 - http.server's name
        services = self.services
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        services.requests.append((parts.path, query, dict(self.headers)))
        services.answering.wait(timeout=60)
        if services.fail_with:
            status, kind, body = services.fail_with, "text/plain", b"Service unavailable"
        else:
            status, kind, body = services.answer(parts.path, query)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        crossref = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}
        headers = crossref if parts.path.startswith("/crossref/") else {}
        for name, value in {**headers, **services.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass
