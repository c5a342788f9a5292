"""Time `vaultkit import mail` on a 1 GB mbox of 100,000 messages: the first import, then a second.

    python bench/import_mail.py                   # builds /tmp/vaultkit-bench-mail/ and removes it after
    python bench/import_mail.py --messages 20000 --keep

The mbox is written as Google Takeout writes one (a `From <id>@xxx <date>` line, X-GM-THRID,
X-Gmail-Labels, the Received/DKIM/ARC headers real mail carries), with bodies of varied
sizes (plain and HTML parts, some with a base64 attachment, a few `>From ` and unescaped
`From ` lines). About 4% of the messages are between the seeker and one of the vault's
contacts (make_vault.py's `Person N <person.n@example.org>`), 40% are mailing lists and
notifications, the rest strangers. The vault (make_vault.py, --notes) has its parse cache
warmed by one `vaultkit check` first, as a vault in use has.

Each import is a fresh process; the time is wall clock, the peak RSS that of the process
(os.wait4). Targets (issue 24): first import < 30 s and < 200 MB; second < 10 s, adding nothing.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_vault  # noqa: E402
from report import _tree_rss_kb  # noqa: E402

ME = "me@bench.example"
WORDS = make_vault.WORDS
TARGET_FIRST, TARGET_SECOND, TARGET_RSS = 30.0, 10.0, 200


def _text(rng: random.Random, size: int) -> str:
    lines, total = [], 0
    while total < size:
        line = " ".join(rng.choices(WORDS, k=rng.randint(6, 14)))
        if rng.random() < 0.01:
            line = ">From the archive, " + line  # escaped, as mboxrd writers do
        elif rng.random() < 0.01:
            line = "From what I heard, " + line  # left as it is, as mboxo writers do
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def bodies(rng: random.Random) -> list[str]:
    """A pool of bodies to pick from: plain + HTML alternatives, one in twenty with a PDF attached."""
    pool = []
    for n in range(300):
        size = int(rng.choice([300, 500, 900, 1400, 2200, 3500, 5000]) * rng.uniform(0.7, 1.3))
        text = _text(rng, size)
        html = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in text.split("\n")) + "</body></html>"
        parts = [f"--b{n}\nContent-Type: text/plain; charset=UTF-8\n\n{text}\n",
                 f"--b{n}\nContent-Type: text/html; charset=UTF-8\n\n{html}\n"]
        if n % 20 == 0:
            blob = base64.encodebytes(rng.randbytes(rng.randint(20_000, 60_000))).decode("ascii")
            parts.append(f'--b{n}\nContent-Type: application/pdf; name="cv.pdf"\n'
                         f'Content-Disposition: attachment; filename="cv.pdf"\nContent-Transfer-Encoding: base64\n\n'
                         f"{blob}")
        pool.append((f"b{n}", "".join(parts) + f"--b{n}--\n"))
    return pool


def _signature(rng: random.Random) -> str:
    raw = base64.b64encode(rng.randbytes(300)).decode("ascii")
    return "\n        ".join(raw[i:i + 70] for i in range(0, len(raw), 70))


def headers(rng: random.Random, n: int, when: dt.datetime, sender: str, to: str, boundary: str,
            automated: bool) -> str:
    stamp = format_datetime(when)
    lines = [f"From {1780297409960417690 + n}@xxx {when.strftime('%a %b %d %H:%M:%S +0000 %Y')}",
             f"X-GM-THRID: {1780297409960417690 + n // 3}",
             f"X-Gmail-Labels: {'Sent' if sender.endswith(ME + '>') else 'Inbox,Category Updates' if automated else 'Inbox,Opened'}",
             f"Delivered-To: {ME}"]
    for hop in range(rng.randint(2, 4)):
        lines.append(f"Received: from mail-{hop}.example.net (mail-{hop}.example.net. [203.0.113.{hop}])\n"
                     f"        by mx.google.com with ESMTPS id {rng.getrandbits(64):x}\n        for <{ME}>; {stamp}")
    lines += [f"ARC-Seal: i=1; a=rsa-sha256; t={int(when.timestamp())}; cv=none;\n        d=google.com; s=arc-20160816;\n"
              f"        b={_signature(rng)}",
              f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20230601;\n"
              f"        h=to:subject:message-id:date:from:mime-version;\n        bh={_signature(rng)[:44]}=;\n"
              f"        b={_signature(rng)}",
              "Authentication-Results: mx.google.com; dkim=pass header.i=@example.net; spf=pass",
              f"From: {sender}", f"To: {to}", f"Date: {stamp}",
              f"Subject: {' '.join(rng.choices(WORDS, k=rng.randint(2, 8))).capitalize()}",
              f"Message-ID: <{rng.getrandbits(80):x}.{n}@mail.example.net>", "MIME-Version: 1.0",
              f'Content-Type: multipart/{"mixed" if boundary.endswith("0") else "alternative"}; boundary="{boundary}"']
    if automated:
        lines += ["List-Id: <updates.jobs.example.com>", "List-Unsubscribe: <mailto:unsubscribe@jobs.example.com>",
                  "Precedence: bulk"]
    return "\n".join(lines) + "\n\n"


def build_mbox(path: Path, messages: int, contacts: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = bodies(rng)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    me = f"Bench <{ME}>"
    with open(path, "wb", buffering=1 << 20) as out:
        for n in range(messages):
            when = start + dt.timedelta(seconds=n * 600 + rng.randint(0, 500))
            roll = rng.random()
            automated = False
            if roll < 0.04:  # with a contact, either way
                person = rng.randrange(contacts)
                contact = f"Person {person} <person.{person}@example.org>"
                sender, to = (me, contact) if rng.random() < 0.5 else (contact, me)
            elif roll < 0.44:
                automated = True
                sender, to = f"Job alerts <alerts{rng.randrange(50)}@jobs.example.com>", me
            elif roll < 0.5:
                sender, to = me, f"Stranger {rng.randrange(2000)} <s{rng.randrange(2000)}@else.example>"
            else:
                sender, to = f"Stranger {rng.randrange(2000)} <s{rng.randrange(2000)}@else.example>", me
            boundary, body = rng.choice(pool)
            out.write(headers(rng, n, when, sender, to, boundary, automated).encode("utf-8"))
            out.write(body.encode("utf-8"))
            out.write(b"\n")
    return path.stat().st_size


def _tree_pss_kb(pid: int) -> int:
    """Proportional set size of `pid` and its children (a page shared by a worker forked from it counts
    once, split between them), from /proc/PID/smaps_rollup; 0 where that is missing."""
    total = 0
    for child in [pid, *_children(pid)]:
        try:
            with open(f"/proc/{child}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(c) for c in handle.read().split()]
    except OSError:
        return []


def timed(argv: list[str], env: dict) -> tuple[float, float, float, float, str]:
    """(seconds, CPU seconds, peak RSS in MB, peak PSS in MB, the summary line) of one run as its own
    process. The peak RSS is the largest total over the process and its workers, sampled every 50 ms
    (report.py's sampler), which counts the pages a forked worker shares with its parent twice; the
    PSS counts them once. The CPU time counts the workers too."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        begin = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        peak = peak_pss = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss_kb(process.pid))
            peak_pss = max(peak_pss, _tree_pss_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - begin
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode().strip().splitlines()
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}):\n{err.read().decode()[-2000:]}")
    summary = next((line for line in reversed(lines) if line.startswith("Read ")), lines[-1] if lines else "")
    rss = max(peak, usage.ru_maxrss) / 1024  # wait4's figure: the largest single process
    return seconds, usage.ru_utime + usage.ru_stime, rss, peak_pss / 1024, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path("/tmp/vaultkit-bench-mail"))
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=20_000, help="notes in the generated vault")
    parser.add_argument("--keep", action="store_true", help="keep the mbox and the vault afterwards")
    args = parser.parse_args()
    root = args.root
    vault, mbox = root / "vault", root / "All mail Including Spam and Trash.mbox"
    root.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "VAULTKIT_CACHE_DIR": str(root / "cache"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))}
    try:
        begin = time.perf_counter()
        make_vault.build(vault, args.notes)
        (vault / "vaultkit.toml").write_text(f'[me]\nname = "Bench"\nemail = "{ME}"\ntimezone = "Europe/Paris"\n')
        size = build_mbox(mbox, args.messages, 300)
        print(f"built {mbox.name}: {args.messages:,} messages, {size / 1e9:.2f} GB, and a vault of {args.notes:,} "
              f"notes ({time.perf_counter() - begin:.0f} s)")
        subprocess.run([sys.executable, "-m", "vaultkit", "check", "--vault", str(vault), "-q"], env=env)
        print(f"load average before the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        command = [sys.executable, "-m", "vaultkit", "import", "mail", str(mbox), "--vault", str(vault),
                   "--today", "2026-12-01"]
        rows = []
        for name, target in (("first import", TARGET_FIRST), ("second import", TARGET_SECOND)):
            seconds, cpu, rss, pss, summary = timed(command, env)
            ok = seconds < target and rss < TARGET_RSS
            rows.append(ok)
            print(f"{name:14} {seconds:6.1f} s (CPU {cpu:5.1f} s)  peak RSS {rss:5.0f} MB (PSS {pss:4.0f} MB)  "
                  f"(target < {target:.0f} s, < {TARGET_RSS} MB: {'met' if ok else 'MISSED'})")
            print(f"               {summary}")
        print("all targets met" if all(rows) else "a target was missed")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
