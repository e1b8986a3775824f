"""A single-node Ceph cluster and its RADOS Gateway on loopback: a real S3-compatible server.

    python tests/cluster/ceph_rgw.py WORKDIR PORT MON_PORT ACCESS_KEY SECRET_KEY

Ceph's own daemons from Debian's packages (`ceph-mon`, `ceph-osd`, `radosgw`; `.ci/run`
installs them): one monitor, one object storage daemon keeping objects in memory (memstore, so
there is no disk to prepare) and the RADOS Gateway, Ceph's S3 server, on 127.0.0.1:PORT with
one S3 user; the monitor listens on 127.0.0.1:MON_PORT. Everything listens on loopback only,
so the cluster runs without cephx keys.

The command stays in the foreground with the daemons as its children, in one process group:
tests/cluster/objectstore.py starts it and stops the group with SIGTERM; then WORKDIR (the
cluster's configuration, logs and sockets) is removed.
"""

import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

BINARIES = (
    "ceph",
    "ceph-authtool",
    "ceph-mon",
    "ceph-osd",
    "monmaptool",
    "radosgw",
    "radosgw-admin",
)
DEBIAN_PACKAGES = ("ceph-mon", "ceph-osd", "radosgw", "ceph-common")

CONF = """\
[global]
fsid = {fsid}
mon host = v2:127.0.0.1:{mon_port}
public addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
# with no cephx, the monitor must also accept clients on the unencrypted "crc" mode
ms mon client mode = crc secure
osd objectstore = memstore
memstore device bytes = 1073741824
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon data avail crit = 0
mon data avail warn = 0
run dir = {work}/run
admin socket = {work}/run/$name.asok
log file = {work}/log/$name.log
[mon.a]
mon data = {work}/mon.a
[osd.0]
osd data = {work}/osd.0
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:{port}
rgw data = {work}/rgw
"""


def available():
    """Whether Ceph's daemons are installed here."""
    return all(shutil.which(name) for name in BINARIES)


class Cluster:
    def __init__(self, work, port, mon_port):
        self.work = Path(work)
        self.port = port
        self.mon_port = mon_port
        self.conf = str(self.work / "ceph.conf")
        self.daemons = []

    def run(self, *command):
        subprocess.run(  # noqa: S603 - Ceph's own tools, with our configuration
            [command[0], "-c", self.conf, *command[1:]],
            cwd=self.work,
            check=True,
            timeout=120,
            stdout=subprocess.DEVNULL,
        )

    def daemon(self, *command):
        self.daemons.append(
            subprocess.Popen([command[0], "-c", self.conf, *command[1:], "-f"], cwd=self.work)  # noqa: S603
        )

    def start(self, access_key, secret_key):
        fsid = str(uuid.uuid4())
        mon_port = self.mon_port
        for folder in ("run", "log", "mon.a", "osd.0", "rgw"):
            (self.work / folder).mkdir(parents=True, exist_ok=True)
        (self.work / "ceph.conf").write_text(
            CONF.format(fsid=fsid, mon_port=mon_port, port=self.port, work=self.work)
        )
        keyring = [
            "--create-keyring",
            "keyring",
            "--gen-key",
            "-n",
            "mon.",
            "--cap",
            "mon",
            "allow *",
        ]
        self.run("ceph-authtool", *keyring)
        monmap = ["--create", "--addv", "a", f"[v2:127.0.0.1:{mon_port}]", "--fsid", fsid, "monmap"]
        self.run("monmaptool", *monmap)
        self.run("ceph-mon", "--mkfs", "-i", "a", "--monmap", "monmap", "--keyring", "keyring")
        self.daemon("ceph-mon", "-i", "a")
        self.run("ceph", "--connect-timeout", "60", "osd", "create")
        self.run("ceph-osd", "-i", "0", "--mkfs")
        self.daemon("ceph-osd", "-i", "0")
        self.run("ceph", "osd", "crush", "add", "osd.0", "1.0", "host=localhost", "root=default")
        user = ["--uid=clinic", "--display-name=Clinic media"]
        self.run("radosgw-admin", "user", "create", *user,
                 f"--access-key={access_key}", f"--secret-key={secret_key}")  # fmt: skip
        self.daemon("radosgw", "-n", "client.rgw")

    def stop(self, *_):
        """Stop the gateway, then the OSD, then the monitor; objects live in memory only, so a
        daemon still shutting down after a few seconds (the gateway waits for a cluster that is
        gone when the whole process group was signalled at once) is killed."""
        for process in reversed(self.daemons):
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.work, ignore_errors=True)
        sys.exit(0)


def main():
    work, port, mon_port, access_key, secret_key = sys.argv[1:6]
    cluster = Cluster(work, int(port), int(mon_port))
    signal.signal(signal.SIGTERM, cluster.stop)
    signal.signal(signal.SIGINT, cluster.stop)
    try:
        cluster.start(access_key, secret_key)
    except (subprocess.SubprocessError, OSError) as error:
        print(f"the Ceph cluster did not start: {error}; logs in {work}/log", file=sys.stderr)
        for process in cluster.daemons:
            process.kill()
        sys.exit(1)
    while True:
        for process in cluster.daemons:
            if process.poll() is not None:
                print(f"{process.args[0]} stopped (exit {process.returncode})", file=sys.stderr)
                cluster.stop()
        time.sleep(1)


if __name__ == "__main__":
    main()
