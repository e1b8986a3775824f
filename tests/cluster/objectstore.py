"""A local S3-compatible object store for laptops, CI and the multi-server test.

    python tests/cluster/objectstore.py start   # prints `export NAME=value` lines for the app
    python tests/cluster/objectstore.py stop

Two servers, chosen by OBJECTSTORE:
- "ceph": Ceph's RADOS Gateway, the S3 server of a real object store, on a single-node cluster
  made here (tests/cluster/ceph_rgw.py, Debian's ceph-mon, ceph-osd and radosgw). `.ci/run`
  installs the packages and requires it.
- "moto": moto's standalone server (`moto_server`, a dev dependency), which speaks S3 over HTTP
  and keeps everything in memory: a stand-in for a store, not one, for a machine without Ceph.
- "auto" (the default): Ceph when its daemons are installed, otherwise moto.

It listens on a free loopback port, the bucket is created (publicly readable, as the deployment
expects), and its state (pid, exports, log) is kept in OBJECTSTORE_STATE (default `.objectstore/`).
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.cluster import ceph_rgw

BUCKET = "clinic-media"
ACCESS_KEY = "local-access-key"
SECRET_KEY = "local-secret-key"  # noqa: S105 - a local, in-memory stand-in
REGION = "us-east-1"
SERVERS = {"ceph": "Ceph's RADOS Gateway", "moto": "moto's standalone server"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settings_for(endpoint, bucket=BUCKET):
    """The environment the app needs to keep its media in this store."""
    return {
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": endpoint,
        "MEDIA_S3_REGION": REGION,
        "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "MEDIA_PUBLIC_URL": f"{endpoint}/{bucket}/",
    }


def create_bucket(endpoint, bucket=BUCKET):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
    if bucket not in existing:
        client.create_bucket(Bucket=bucket)
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))


def server_kind():
    """OBJECTSTORE: "ceph" (Ceph's RADOS Gateway), "moto" (moto_server) or "auto" (the default:
    Ceph when its daemons are installed, as `.ci/run` makes sure, else moto)."""
    kind = os.environ.get("OBJECTSTORE", "auto")
    if kind == "auto":
        return "ceph" if ceph_rgw.available() else "moto"
    if kind not in ("ceph", "moto"):
        raise SystemExit(f"OBJECTSTORE={kind!r}: use ceph, moto or auto")
    if kind == "ceph" and not ceph_rgw.available():
        packages = " ".join(ceph_rgw.DEBIAN_PACKAGES)
        raise SystemExit(f"OBJECTSTORE=ceph needs Ceph's daemons: apt-get install {packages}")
    return kind


def start_server(port=None, log=None, kind=None):
    """Start the store on 127.0.0.1 and wait until it answers; return (process, endpoint).

    The process leads its own process group: SIGTERM to the group (or to it) stops the store.
    """
    kind = kind or server_kind()
    port = port or free_port()
    if kind == "ceph":
        work = tempfile.mkdtemp(prefix="clinic-ceph-")
        ports = [str(port), str(free_port())]  # the gateway's, the monitor's
        command = [sys.executable, ceph_rgw.__file__, work, *ports, ACCESS_KEY, SECRET_KEY]
        where = f"; Ceph's logs are in {work}/log"
        seconds = 180
    else:
        moto = Path(sys.executable).with_name("moto_server")
        command = [str(moto), "-H", "127.0.0.1", "-p", str(port)]
        seconds = 30
        where = ""
    process = subprocess.Popen(  # noqa: S603 - our own helper or our virtualenv's moto_server
        command,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"{endpoint}/", timeout=2).close()  # noqa: S310 - loopback
            return process, endpoint
        except urllib.error.HTTPError:  # it answers: an S3 error is still an answer
            return process, endpoint
        except OSError:
            time.sleep(0.2)
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)
    exit_code = process.returncode
    raise SystemExit(f"{SERVERS[kind]} did not start on {endpoint} (exit {exit_code}){where}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--state", default=os.environ.get("OBJECTSTORE_STATE", ".objectstore"))
    args = parser.parse_args()
    state = Path(args.state)
    pid_file, env_file = state / "pid", state / "env"
    if args.action == "stop":
        if pid_file.exists():
            try:
                os.killpg(int(pid_file.read_text()), signal.SIGTERM)
            except ProcessLookupError:
                pass
            pid_file.unlink()
        print("object store stopped", file=sys.stderr)
        return
    if pid_file.exists():
        try:
            os.kill(int(pid_file.read_text()), 0)
            print(env_file.read_text(), end="")
            return
        except ProcessLookupError:
            pid_file.unlink()
    state.mkdir(parents=True, exist_ok=True)
    kind = server_kind()
    with open(state / "server.log", "ab") as log:
        process, endpoint = start_server(log=log, kind=kind)
    create_bucket(endpoint)
    print(f"{SERVERS[kind]} on {endpoint}, bucket {BUCKET}", file=sys.stderr)
    pid_file.write_text(str(process.pid))
    exports = "".join(f"export {k}={v}\n" for k, v in settings_for(endpoint).items())
    env_file.write_text(exports)
    print(exports, end="")


if __name__ == "__main__":
    main()
