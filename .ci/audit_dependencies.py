"""Known vulnerabilities in the installed dependencies, with pip-audit.

pip-audit asks PyPI's JSON API for each installed package. Where that API cannot be reached
(it answers "not found" for every package behind some mirrors), pip-audit prints "No known
vulnerabilities found" and exits 0 without having checked anything. This script reads its
JSON report instead and says plainly how many packages were checked.

Exit status: 1 when a vulnerability is found; 0 otherwise, with a loud NOT AUDITED notice
when nothing could be checked (set CI_REQUIRE_AUDIT=1 to make that fail too).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def main():
    result = subprocess.run(  # noqa: S603 - our own virtualenv's pip-audit
        [str(PIP_AUDIT), "--skip-editable", "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stdout + result.stderr, file=sys.stderr)
        return _not_audited("pip-audit did not produce a report")
    dependencies = report["dependencies"]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    vulnerable = [dep for dep in audited if dep.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            print(f"VULNERABLE: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    print(f"pip-audit: {len(audited)} package(s) checked, {len(skipped)} could not be checked.")
    if vulnerable:
        return 1
    if not audited:
        return _not_audited(skipped[0]["skip_reason"] if skipped else "no packages found")
    for dep in skipped:
        print(f"  not checked: {dep['skip_reason']}")
    return 0


def _not_audited(reason):
    print(
        "NOT AUDITED: no vulnerability database was reachable from this machine, so the "
        f"dependencies were not checked ({reason}). Run `make audit` where PyPI's JSON API "
        "is reachable; see SECURITY.md, 'Running the checks'.",
        file=sys.stderr,
    )
    return 1 if os.environ.get("CI_REQUIRE_AUDIT") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
