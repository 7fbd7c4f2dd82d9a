"""The forms probe (bench/probe_check_forms.py) keeps reading the forms it read at the end of session 14."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_forms_probe_reads_what_it_read():
    out = subprocess.run([sys.executable, str(REPO / "bench" / "probe_check_forms.py")], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in out.splitlines() if line.startswith("| ") and "/" in line}
    got = {k: tuple(int(x) for x in v.split("/")) for k, v in rows.items()}
    assert got["links to the research"] == (7, 7)
    assert got["in-text citations"][0] >= 38 and got["journals cited by name"][0] >= 19
    assert got["reference-list layouts"][0] >= 27 and got["HTML around a citation"][0] >= 8
