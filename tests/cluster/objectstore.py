"""A local S3-compatible object store for laptops, CI and the multi-server test.

    python tests/cluster/objectstore.py start   # prints `export NAME=value` lines for the app
    python tests/cluster/objectstore.py stop

It runs moto's standalone server (`moto_server`, from the dev dependencies), which speaks the
S3 protocol over HTTP and keeps everything in memory: a stand-in for a real object store
(AWS S3, MinIO, Ceph RGW, ...), not one. It listens on a free loopback port, the bucket is
created, and its state (pid, port) is kept in OBJECTSTORE_STATE (default `.objectstore/`).
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BUCKET = "clinic-media"
ACCESS_KEY = "local-access-key"
SECRET_KEY = "local-secret-key"  # noqa: S105 - a local, in-memory stand-in
REGION = "us-east-1"


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


def start_server(port=None, log=None):
    """Start moto_server on 127.0.0.1 and wait until it answers; return (process, endpoint)."""
    port = port or free_port()
    server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(  # noqa: S603 - our own virtualenv's moto_server
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).close()  # noqa: S310
            return process, endpoint
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"moto_server did not start on {endpoint}")


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
    with open(state / "server.log", "ab") as log:
        process, endpoint = start_server(log=log)
    create_bucket(endpoint)
    pid_file.write_text(str(process.pid))
    exports = "".join(f"export {k}={v}\n" for k, v in settings_for(endpoint).items())
    env_file.write_text(exports)
    print(exports, end="")


if __name__ == "__main__":
    main()
