#!/usr/bin/env python3
"""scripts/bench, section 7: a national-portal export imported, next to sqlite3's `.import`.

The file is what the national portal's registrations look like after Indonesian Excel: a
byte-order mark, CRLF, `;` between cells, decimal commas, dd/mm/yyyy dates, Indonesian headers
(NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi;Sumber;Tanggal Daftar), one applicant with one
application per row over BENCH_IMPORT_V announced vacancies.

  kemuning   import applicants FILE, into a store holding the announced vacancies: every row
             checked as `applicant add` and `apply` check it, both records and their audit
             entries written; all or nothing
  --check    the same, changing nothing
  sqlite3    .import --skip 1 FILE into a table with the NIK as its primary key (the one rule
             sqlite3 can check while importing: a NIK once), in a fresh database file
  python3    csv.reader over the file, each row converted (decimal comma, date) into a dict,
             and json.dumps per line to a file: what a script author would write instead

Each is a fresh process, timed from spawn to exit, the median of BENCH_RUNS runs. The machine is
assumed noisy: compare the ratios.

usage: imports.py KEMUNING_BIN TMPDIR
environment: BENCH_IMPORT_N (default 100000), BENCH_IMPORT_V (default 50), BENCH_RUNS (default 5)
"""
import os, random, shutil, statistics, subprocess, sys, time

BIN, TMP = sys.argv[1], sys.argv[2]
N = int(os.environ.get("BENCH_IMPORT_N", "100000"))
V = int(os.environ.get("BENCH_IMPORT_V", "50"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SQLITE = shutil.which("sqlite3")
ENV = {k: v for k, v in os.environ.items() if not k.startswith("KEMUNING_")}
ENV.update({"NO_COLOR": "1", "HOME": TMP, "XDG_DATA_HOME": os.path.join(TMP, "xdg"), "LC_ALL": "C.UTF-8"})
HERE = os.path.join(TMP, "import")


class Failed(Exception):
    pass


def run(argv, stdin=None):
    t0 = time.perf_counter()
    p = subprocess.run(argv, env=ENV, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    return p, wall


def peak(argv):
    """Peak RSS in bytes through GNU time, when it is there."""
    gnu = "/usr/bin/time"
    if not os.access(gnu, os.X_OK):
        return None
    p = subprocess.run([gnu, "-f", "%M"] + argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return int(p.stderr.decode().strip().splitlines()[-1]) * 1024
    except (ValueError, IndexError):
        return None


def write_files():
    os.makedirs(HERE, exist_ok=True)
    rng = random.Random(20261130)
    path = os.path.join(HERE, "pendaftar.csv")
    lines = ["NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi;Sumber;Tanggal Daftar"]
    for i in range(1, N + 1):
        v = 1 + i % V
        x = rng.randint(250, 400)
        ipk = f"{x // 100},{x % 100:02d}"
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1988, 2003)}"
        name = f'"Pelamar {i}, S.Kom"' if i % 7 == 0 else f"Pelamar {i}"
        lines.append(f"{3201000000000000 + i};{name};{born};S1 Administrasi;{ipk};V{v};portal;05/11/2026")
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode())
    setup = os.path.join(HERE, "setup.kmn")
    with open(setup, "w") as f:
        f.write("set today 2026-11-02\n")
        for v in range(1, V + 1):
            f.write(f'vacancy add --title "Analis {v}" --unit "Unit {v}" --seats 20 --education S1\n')
            f.write(f"vacancy announce V{v} --channel portal --closes 2026-11-15\n")
    return path, setup


def ms(s):
    return f"{s * 1000:9.0f} ms"


def mb(b):
    return f"{b / 1e6:7.1f} MB" if b else "      n/a"


def row(label, value, note=""):
    print(f"  {label:<52} {value:>12}  {note}")


def main():
    csv, setup = write_files()
    size = os.path.getsize(csv)
    print()
    print(f"7. Import of a national-portal export: {N:,} applicants over {V} vacancies "
          f"({size / 1e6:.1f} MB: BOM, CRLF, ';', decimal commas, dd/mm/yyyy), medians of {RUNS}")
    base = os.path.join(HERE, "base")
    p, _ = run([BIN, "--store", base, "run", setup])
    if p.returncode != 0:
        raise Failed(f"the vacancies' setup failed: {p.stderr.decode()}")

    def fresh(k):
        s = os.path.join(HERE, f"store{k}")
        shutil.rmtree(s, ignore_errors=True)
        shutil.copytree(base, s)
        return s

    command = f"set today 2026-11-12; import applicants {csv}"
    walls, checks = [], []
    for k in range(RUNS):
        s = fresh(k)
        p, wall = run([BIN, "--store", s, "-c", command])
        want = f"{csv}: {N} rows imported (applicants)"
        if p.returncode != 0 or want not in p.stdout.decode():
            raise Failed(f"import exited {p.returncode}: {p.stdout.decode()[-300:]} {p.stderr.decode()[-600:]}")
        walls.append(wall)
        p, _ = run([BIN, "--store", s, "--format", "json", "-c", "store info"])
        if f'"applicants": {N}' not in p.stdout.decode() and f'"applicants":{N}' not in p.stdout.decode():
            raise Failed(f"store info after the import does not count {N} applicants: {p.stdout.decode()[:400]}")
        shutil.rmtree(s)
        s = fresh(k)
        p, wall = run([BIN, "--store", s, "-c", command + " --check"])
        if p.returncode != 0:
            raise Failed(f"import --check exited {p.returncode}: {p.stderr.decode()[-600:]}")
        checks.append(wall)
        shutil.rmtree(s)
    s = fresh("rss")
    rss = peak([BIN, "--store", s, "-c", command])
    shutil.rmtree(s)
    k_med, c_med = statistics.median(walls), statistics.median(checks)
    row("kemuning import applicants", ms(k_med), f"{N / k_med:,.0f} rows/s, peak {mb(rss).strip()}")
    row("kemuning import applicants --check", ms(c_med), f"{N / c_med:,.0f} rows/s")

    if SQLITE:
        sq = []
        for k in range(RUNS):
            db = os.path.join(HERE, f"t{k}.db")
            if os.path.exists(db):
                os.remove(db)
            script = ("CREATE TABLE pelamar(nik TEXT PRIMARY KEY, nama TEXT, lahir TEXT, pendidikan TEXT, ipk TEXT,"
                      " formasi TEXT, sumber TEXT, daftar TEXT);\n.mode csv\n.separator ;\n"
                      f".import --skip 1 {csv} pelamar\nSELECT count(*) FROM pelamar;\n")
            t0 = time.perf_counter()
            p = subprocess.run([SQLITE, db], input=script.encode(), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            wall = time.perf_counter() - t0
            if p.returncode != 0 or p.stdout.decode().strip() != str(N):
                raise Failed(f"sqlite3 .import: {p.stdout.decode()[:200]} {p.stderr.decode()[:400]}")
            sq.append(wall)
            os.remove(db)
        s_med = statistics.median(sq)
        row("sqlite3 .import into a table (NIK primary key)", ms(s_med), f"{N / s_med:,.0f} rows/s")
        row("ratio kemuning import / sqlite3 .import", f"{k_med / s_med:9.1f}x", "(aim: 1.0x or less)")

    py = os.path.join(HERE, "convert.py")
    with open(py, "w") as f:
        f.write(
            "import csv, json, sys\n"
            "src, dst = sys.argv[1], sys.argv[2]\n"
            "with open(src, encoding='utf-8-sig', newline='') as f, open(dst, 'w') as out:\n"
            "    r = csv.reader(f, delimiter=';')\n"
            "    next(r)\n"
            "    for nik, name, born, edu, ipk, vac, src_, applied in r:\n"
            "        d, m, y = born.split('/')\n"
            "        a, b, c = applied.split('/')\n"
            "        out.write(json.dumps({'nik': nik, 'name': name, 'born': f'{y}-{m}-{d}', 'education': edu,\n"
            "                              'gpa': ipk.replace(',', '.'), 'vacancy': vac, 'source': src_, 'applied': f'{c}-{b}-{a}'}) + '\\n')\n")
    pw = []
    for k in range(RUNS):
        p, wall = run([sys.executable, py, csv, os.path.join(HERE, "out.jsonl")])
        if p.returncode != 0:
            raise Failed(f"python3 csv -> json: {p.stderr.decode()[:400]}")
        pw.append(wall)
    p_med = statistics.median(pw)
    row("python3 csv.reader -> json.dumps per line", ms(p_med), f"{N / p_med:,.0f} rows/s (no checks)")
    row("ratio kemuning import / python3", f"{k_med / p_med:9.1f}x")


try:
    main()
except Failed as e:
    print(f"\nbench: FAILED: {e}", file=sys.stderr)
    sys.exit(1)
