"""scripts/bench.d/national.py — section 5 of scripts/bench: a national-scale round.

    python3 scripts/bench.d/national.py KEMUNING_BIN TMPDIR

One whole CPNS round (vacancies announced, applicants, applications, screening, SKD, the SKD
ranking, SKB, the final ranking, save) in a fresh kemuning store, one `kemuning --store DIR run
FILE` per phase, next to sqlite3 doing the equivalent SQL in a fresh file database (WAL), one
`sqlite3 DB < FILE` per phase. Every input is random but seeded. The results are checked:
kemuning's SKD outcome for every application, and its final order, scores and passes for every
vacancy, must be those sqlite3's window functions select; any difference exits 1. Then one
small command on the final store, `vacancy show V1` in a fresh process (median of 7), next to
sqlite3 reading the same row: what one row of a spreadsheet macro costs.

With BENCH_NATIONAL_MODE=one-process it then runs the same round again as one script in one
process of each (kemuning's phases `source`d by one script, sqlite3's `.read` by one input) in
a fresh store and database, checks that both end with the same final ranking as the round run
phase by phase, and prints only that comparison (scripts/bench's section 6).

environment (read by scripts/bench, see its --help):
    BENCH_NATIONAL_N     applicants (and applications)  (default 100000)
    BENCH_NATIONAL_V     vacancies of 20 seats          (default 50)
    BENCH_SEED           the random seed                (default 20261102)
"""
import json, os, random, shutil, sys, time
from collections import Counter, defaultdict

BIN, TMP = sys.argv[1], sys.argv[2]
N = int(os.environ.get("BENCH_NATIONAL_N", "100000"))
V = int(os.environ.get("BENCH_NATIONAL_V", "50"))
SEED = int(os.environ.get("BENCH_SEED", "20261102"))
ONE_PROCESS = os.environ.get("BENCH_NATIONAL_MODE", "phases") == "one-process"
SEATS, QUOTA_FACTOR = 20, 3
MARKS = {"twk": 65, "tiu": 80, "tkp": 166}
CAT_MAX = 500

# The round's calendar. The objection window is 3 days after screening (16th): the 20th is past it.
D_ANNOUNCE, D_CLOSE = "2026-11-02", "2026-11-15"
D_SCREEN, D_TO_SKD, D_SKD = "2026-11-16", "2026-11-20", "2026-11-25"
D_TO_SKB, D_SKB, D_TO_FINAL = "2026-11-26", "2026-12-03", "2026-12-05"


def exit_code(status):
    return os.waitstatus_to_exitcode(status)


ENV = {k: v for k, v in os.environ.items() if not k.startswith("KEMUNING_")}
ENV.update({"NO_COLOR": "1", "HOME": TMP, "XDG_DATA_HOME": os.path.join(TMP, "xdg"), "LC_ALL": "C.UTF-8"})
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
SQLITE = shutil.which("sqlite3") or ("/usr/bin/sqlite3" if os.access("/usr/bin/sqlite3", os.X_OK) else None)


class Failed(Exception):
    pass


class Run:
    def __init__(self, rc, wall, out, err, rss, read=None):
        self.rc, self.wall, self.out, self.err, self.rss = rc, wall, out, err, rss
        # Bytes the process (with GNU time around it) read through read(2) and the like: the
        # kernel's rchar of the finished process, its reaped children included.
        self.read = read

    def text(self, which="out"):
        with open(self.out if which == "out" else self.err, "rb") as f:
            return f.read().decode("utf-8", "replace")


def spawn(argv, stdin=os.devnull, tag="n5"):
    """Runs argv (under GNU time for its peak RSS when there is one) and returns its wall time,
    output files and max RSS in bytes (None without GNU time). GNU time adds one fork+exec,
    well under a millisecond next to phases of seconds."""
    out, err = os.path.join(TMP, tag + ".out"), os.path.join(TMP, tag + ".err")
    rssf = os.path.join(TMP, tag + ".rss")
    full = [GNU_TIME, "-f", "%M", "-o", rssf] + argv if GNU_TIME else argv
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, stdin, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    t0 = time.perf_counter()
    pid = os.posix_spawn(full[0], full, ENV, file_actions=actions)
    # Wait without reaping, so its /proc/PID/io (what it and its children read) is still there.
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    wall = time.perf_counter() - t0
    read = None
    try:
        with open(f"/proc/{pid}/io") as f:
            read = next(int(l.split()[1]) for l in f if l.startswith("rchar:"))
    except (OSError, StopIteration, ValueError):
        read = None
    _, status = os.waitpid(pid, 0)
    rss = None
    if GNU_TIME:
        try:
            rss = int(open(rssf).read().strip().splitlines()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            rss = None
    return Run(exit_code(status), wall, out, err, rss, read)


def kemuning(store, script, phase):
    r = spawn([BIN, "--store", store, "run", script], tag="n5-k")
    # What it read of the store: all it read, less the script.
    if r.read is not None:
        r.read = max(0, r.read - os.path.getsize(script))
    if r.rc != 0:
        tail = r.text("err").strip().splitlines()[-8:]
        raise Failed(f"kemuning failed in phase '{phase}' (exit {r.rc})" + "".join("\n    " + l for l in tail))
    return r


def sqlite(db, sql, phase):
    r = spawn([SQLITE, "-batch", "-bail", db], stdin=sql, tag="n5-s")
    if r.rc != 0:
        raise Failed(f"sqlite3 failed in phase '{phase}' (exit {r.rc}): " + r.text("err")[:400])
    return r


def lines_of(r):
    return r.text().splitlines()


def jsonl(line):
    return json.loads(line, parse_float=str)   # keep "76.1309" exact


# ---------------------------------------------------------------- the round's data (seeded)

rng = random.Random(SEED)
FIRST = ["Sukmawati", "Budi", "Ni Luh Putu", "Dewi", "Agus", "Siti Nurhaliza", "I Gede", "Rahmat", "Yohana", "Ṭeguh",
         "Wayan", "Fajar", "Rina", "Hendra", "Yusuf", "Wulan"]
LAST = ["Rahayu", "Santoso", "Ayu Ṣaraswati", "Lestari", "Wijaya", "Hasibuan", "Pratama", "Nasution", "Situmorang",
        "Ōktaviani", "Gunawan", "Maulana", "Nugroho", "Sari"]
FIELDS = ["Administrasi Publik", "Ilmu Pemerintahan", "Ekonomi", "Hukum", "Statistika", "Akuntansi", "Teknik Sipil",
          "Kesehatan Masyarakat", "Sistem Informasi", None]
UNITS = ["Bappeda", "Dinkes", "Disdik", "BKPSDM", "Diskominfo", "Dinas PUPR", "Inspektorat", "Setda", "Dispenduk", "BPKAD"]
TITLES = ["Analis Kebijakan", "Pranata Komputer", "Auditor", "Perencana", "Analis SDM Aparatur", "Statistisi"]
CHANNELS = ["portal", "portal", "portal", "social", "website", "campus", "newspaper"]
REASONS = ["ijazah belum dilegalisir", "IPK di bawah syarat", "surat lamaran tidak ditandatangani",
           "pas foto tidak sesuai — latar merah"]


def day(offset, base=(2026, 11, 2)):
    import datetime
    return (datetime.date(*base) + datetime.timedelta(days=offset)).isoformat()


def clip(x, lo, hi):
    return max(lo, min(hi, x))


class Person:
    __slots__ = ("num", "nik", "name", "born", "edu", "gpa", "vac", "source", "applied", "screen", "reason", "skd", "skb", "twin")


def make_round():
    import datetime
    born0 = datetime.date(1991, 1, 1)
    people = []
    niks = set()
    by_vac = defaultdict(list)
    for i in range(1, N + 1):
        p = Person()
        p.num = i
        while True:   # unique, exactly 16 digits, shaped like a NIK (province, regency, district, birth date, serial)
            nik = f"{rng.randrange(11, 95):02d}{rng.randrange(1, 80):02d}{rng.randrange(1, 40):02d}" \
                  f"{rng.randrange(1, 72):02d}{rng.randrange(1, 13):02d}{rng.randrange(90, 100):02d}{rng.randrange(1, 10000):04d}"
            if nik not in niks:
                break
        niks.add(nik)
        p.nik = nik
        p.name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        p.born = (born0 + datetime.timedelta(days=rng.randrange(0, 13 * 365))).isoformat()
        f = rng.choice(FIELDS)
        p.edu = "S1" if f is None else f"S1 {f}"
        p.gpa = rng.randrange(275, 401)            # hundredths: 2.75 .. 4.00, every applicant has one
        p.vac = rng.randrange(1, V + 1)
        p.source = rng.choice(CHANNELS)
        p.applied = day(rng.randrange(0, 14))
        p.screen = rng.random() >= 0.05            # 95% MS
        p.reason = None if p.screen else rng.choice(REASONS)
        p.skd = None
        if p.screen:
            if rng.random() < 0.01:
                p.skd = "absent"
            else:   # TWK and TIU come in steps of 5 (5 points a correct answer), TKP 1-5 an item
                p.skd = (clip(5 * round(rng.gauss(90, 18) / 5), 0, 150),
                         clip(5 * round(rng.gauss(100, 20) / 5), 0, 175),
                         clip(round(rng.gauss(172, 14)), 0, 225))
        p.skb = None
        p.twin = None
        # Some applicants tie an earlier one of the same vacancy on the whole SKD (and some on
        # GPA, some on birth date too), so every tie-break rule gets used, down to registration order.
        same = by_vac[p.vac]
        if same and rng.random() < 0.03:
            t = rng.choice(same)
            if isinstance(t.skd, tuple) and isinstance(p.skd, tuple):
                p.skd, p.twin = t.skd, t.num
                if rng.random() < 0.4:
                    p.gpa = t.gpa
                    if rng.random() < 0.5:
                        p.born = t.born
        same.append(p)
        people.append(p)
    return people


def gpa_text(g):
    return f"{g // 100}.{g % 100:02d}"


def q(s):   # a kemuning word in double quotes
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sq(s):  # an SQL string literal
    return "NULL" if s is None else "'" + s.replace("'", "''") + "'"


def expected_final(total, cat, practical):
    """final x 55000 as an exact integer: 0.4 x total/550 x 100 + 0.6 x (0.6 x cat/500 x 100 + 0.4 x practical)."""
    return 4000 * total + 3960 * cat + 13200 * practical


def final_text(key):
    """final, rounded half up to 4 decimals, as kemuning prints it."""
    x = (key * 10000 * 2 + 55000) // (2 * 55000)
    return f"{x // 10000}.{x % 10000:04d}"


# ---------------------------------------------------------------- scripts

def write(name, text_lines):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(text_lines) + "\n")
    return path


SCHEMA = f"""PRAGMA journal_mode=WAL;
CREATE TABLE vacancy(id INTEGER PRIMARY KEY, title TEXT NOT NULL, unit TEXT NOT NULL, seats INTEGER NOT NULL,
  education TEXT, quota_factor INTEGER NOT NULL, twk_mark INTEGER NOT NULL, tiu_mark INTEGER NOT NULL,
  tkp_mark INTEGER NOT NULL, state TEXT NOT NULL, opens TEXT, closes TEXT, channels TEXT);
CREATE TABLE applicant(id INTEGER PRIMARY KEY, nik TEXT NOT NULL UNIQUE, name TEXT NOT NULL, born TEXT NOT NULL,
  education TEXT, gpa INTEGER);  -- gpa in hundredths
CREATE TABLE application(id INTEGER PRIMARY KEY, applicant INTEGER NOT NULL UNIQUE REFERENCES applicant,
  vacancy INTEGER NOT NULL REFERENCES vacancy, source TEXT, applied TEXT NOT NULL,
  screen_pass INTEGER, screen_reason TEXT, screen_date TEXT);
CREATE INDEX application_vacancy ON application(vacancy);
CREATE TABLE skd(application INTEGER PRIMARY KEY REFERENCES application, twk INTEGER, tiu INTEGER, tkp INTEGER,
  date TEXT NOT NULL);  -- NULL scores: absent
CREATE TABLE skb(application INTEGER PRIMARY KEY REFERENCES application, cat INTEGER NOT NULL,
  practical INTEGER NOT NULL, date TEXT NOT NULL);
"""


def phase_a(people):
    k = [f"set today {D_ANNOUNCE}"]
    s = [SCHEMA, "BEGIN;"]
    for v in range(1, V + 1):
        title, unit = TITLES[v % len(TITLES)], UNITS[v % len(UNITS)]
        k.append(f"vacancy add --title {q(title)} --unit {q(unit)} --seats {SEATS} --education S1 --quota-factor {QUOTA_FACTOR}")
        k.append(f"vacancy announce V{v} --channel portal --channel social --opens {D_ANNOUNCE} --closes {D_CLOSE}")
        s.append(f"INSERT INTO vacancy VALUES({v},{sq(title)},{sq(unit)},{SEATS},'S1',{QUOTA_FACTOR},"
                 f"{MARKS['twk']},{MARKS['tiu']},{MARKS['tkp']},'announced','{D_ANNOUNCE}','{D_CLOSE}','portal,social');")
    k.append(f"set today {D_CLOSE}")
    for p in people:
        k.append(f"applicant add --nik {p.nik} --name {q(p.name)} --born {p.born} --education {q(p.edu)} --gpa {gpa_text(p.gpa)}")
        s.append(f"INSERT INTO applicant VALUES({p.num},'{p.nik}',{sq(p.name)},'{p.born}',{sq(p.edu)},{p.gpa});")
    for p in people:
        k.append(f"apply A{p.num} V{p.vac} --source {p.source} --date {p.applied}")
        s.append(f"INSERT INTO application(id,applicant,vacancy,source,applied) VALUES({p.num},{p.num},{p.vac},'{p.source}','{p.applied}');")
    s.append("COMMIT;")
    return write("n5-a.kmn", k), write("n5-a.sql", s), len(k) - 2


def phase_b(people):
    k = [f"set today {D_SCREEN}"] + [f"vacancy advance V{v}" for v in range(1, V + 1)]
    s = ["BEGIN;", "UPDATE vacancy SET state='screening';"]
    for p in people:
        if p.screen:
            k.append(f"screen P{p.num} --pass")
            s.append(f"UPDATE application SET screen_pass=1, screen_date='{D_SCREEN}' WHERE id={p.num};")
        else:
            k.append(f"screen P{p.num} --fail --reason {q(p.reason)}")
            s.append(f"UPDATE application SET screen_pass=0, screen_reason={sq(p.reason)}, screen_date='{D_SCREEN}' WHERE id={p.num};")
    k.append(f"set today {D_TO_SKD}")
    k += [f"vacancy advance V{v}" for v in range(1, V + 1)]
    k.append(f"set today {D_SKD}")
    s.append("UPDATE vacancy SET state='skd';")
    for p in people:
        if p.skd == "absent":
            k.append(f"skd P{p.num} --absent")
            s.append(f"INSERT INTO skd VALUES({p.num},NULL,NULL,NULL,'{D_SKD}');")
        elif p.skd:
            twk, tiu, tkp = p.skd
            k.append(f"skd P{p.num} --twk {twk} --tiu {tiu} --tkp {tkp}")
            s.append(f"INSERT INTO skd VALUES({p.num},{twk},{tiu},{tkp},'{D_SKD}');")
    s.append("COMMIT;")
    commands = sum(1 for line in k if not line.startswith("set "))
    return write("n5-b.kmn", k), write("n5-b.sql", s), commands


def phase_c():
    k = ["set format jsonl"] + [f"skd rank V{v}" for v in range(1, V + 1)]
    s = [".mode list", f"""
WITH sat AS (
  SELECT p.id, p.vacancy, s.twk, s.tiu, s.tkp, s.twk + s.tiu + s.tkp AS total,
         (s.twk >= v.twk_mark AND s.tiu >= v.tiu_mark AND s.tkp >= v.tkp_mark) AS ok,
         v.seats * v.quota_factor AS quota
  FROM skd s JOIN application p ON p.id = s.application JOIN vacancy v ON v.id = p.vacancy
  WHERE s.twk IS NOT NULL),
ranked AS (
  SELECT *, RANK() OVER (PARTITION BY vacancy, ok ORDER BY total DESC, tkp DESC, tiu DESC, twk DESC) AS rk FROM sat)
SELECT vacancy, id, CASE WHEN NOT ok THEN 'failed-marks' WHEN rk <= quota THEN 'skb' ELSE 'outside-quota' END, total
FROM ranked
UNION ALL
SELECT p.vacancy, p.id, 'absent', NULL FROM skd s JOIN application p ON p.id = s.application WHERE s.twk IS NULL
ORDER BY 1, 2;"""]
    return write("n5-c.kmn", k), write("n5-c.sql", s)


def phase_d(people, admitted):
    k = [f"set today {D_TO_SKB}"] + [f"vacancy advance V{v}" for v in range(1, V + 1)] + [f"set today {D_SKB}"]
    s = ["BEGIN;", "UPDATE vacancy SET state='skb';"]
    n = 0
    for num in sorted(admitted):
        p = people[num - 1]
        cat, practical = clip(round(rng.gauss(360, 45)), 0, CAT_MAX), clip(round(rng.gauss(76, 9)), 0, 100)
        if p.twin in admitted:   # its twin sat SKB too (a lower number, so already scored): tie the final
            cat, practical = people[p.twin - 1].skb
        p.skb = (cat, practical)
        k.append(f"skb P{num} --cat {cat} --practical {practical}")
        s.append(f"INSERT INTO skb VALUES({num},{cat},{practical},'{D_SKB}');")
        n += 1
    s.append("COMMIT;")
    return write("n5-d.kmn", k), write("n5-d.sql", s), n + V


def phase_e():
    k = [f"set today {D_TO_FINAL}"] + [f"vacancy advance V{v}" for v in range(1, V + 1)] + ["set format jsonl"]
    k += [f"final rank V{v}" for v in range(1, V + 1)]
    # final x 55000 = 4000 x SKD total + 3960 x CAT raw + 13200 x practical: an exact integer
    # (SKB 60% CAT / 500 x 100 + 40% practical; final 40% SKD / 550 x 100 + 60% SKB).
    s = ["UPDATE vacancy SET state='final';", ".mode list", """
WITH c AS (
  SELECT p.id, p.vacancy, v.seats, s.twk, s.tiu, s.tkp, s.twk + s.tiu + s.tkp AS total, a.gpa, a.born,
         4000 * (s.twk + s.tiu + s.tkp) + 3960 * b.cat + 13200 * b.practical AS fin
  FROM skb b JOIN application p ON p.id = b.application JOIN skd s ON s.application = p.id
       JOIN applicant a ON a.id = p.applicant JOIN vacancy v ON v.id = p.vacancy),
ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY vacancy
            ORDER BY fin DESC, total DESC, tkp DESC, tiu DESC, twk DESC, gpa DESC, born ASC, id ASC) AS rk FROM c)
SELECT vacancy, rk, id, fin, CASE WHEN rk <= seats THEN 'passed' ELSE 'failed' END FROM ranked ORDER BY vacancy, rk;"""]
    return write("n5-e.kmn", k), write("n5-e.sql", s)


# ---------------------------------------------------------------- the run

def main():
    t_start = time.perf_counter()
    people = make_round()
    vac_of = {p.num: p.vac for p in people}
    store = os.path.join(TMP, "national-store")
    db = os.path.join(TMP, "national.sqlite")
    shutil.rmtree(store, ignore_errors=True)
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f): os.unlink(f)
    have_sql = SQLITE is not None
    times = {}     # phase -> (kemuning Run, sqlite Run or None, commands)
    ran = []       # the scripts of each phase, in order: (kemuning, sqlite)

    def records_bytes():
        """The records the store holds: the snapshot's parts other than the audit trail, and the
        journal not folded yet (its lines carry whole records, a little more than their size)."""
        try:
            with open(os.path.join(store, "snapshot.json"), "rb") as f:
                listed = json.load(f).get("parts", {})
        except OSError:
            listed = {}
        journal = os.path.join(store, "journal.jsonl")
        return sum(p["bytes"] for k, p in listed.items() if k != "audit") + (os.path.getsize(journal) if os.path.exists(journal) else 0)

    def both(phase, kmn, sql, commands):
        ran.append((kmn, sql))
        rk = kemuning(store, kmn, phase)
        rk.held = records_bytes()
        ktext = rk.text()
        rs = sqlite(db, sql, phase) if have_sql else None
        stext = rs.text() if rs else ""
        times[phase] = (rk, rs, commands)
        return ktext, stext

    # --- A. applicants + applications
    kmn, sql, n_a = phase_a(people)
    out, _ = both("applicants + applications", kmn, sql, n_a)
    last = out.rstrip("\n").rsplit("\n", 1)[-1]
    if last != f"application P{N} added":
        raise Failed(f"phase A's last line is {last!r}, not 'application P{N} added'")
    if have_sql:
        c = spawn([SQLITE, db, "SELECT count(*) FROM applicant; SELECT count(*) FROM application;"], tag="n5-q").text().split()
        if c != [str(N), str(N)]:
            raise Failed(f"sqlite3 holds {c} applicants/applications, not {N}")

    # --- B. screening + SKD
    kmn, sql, n_b = phase_b(people)
    out, _ = both("screening + SKD", kmn, sql, n_b)
    in_screen = Counter(p.vac for p in people)
    passed_screen = Counter(p.vac for p in people if p.screen)
    for v in range(1, V + 1):
        want = f"V{v}: screening → skd ({passed_screen[v]} of {in_screen[v]} passed screening)"
        if want not in out:
            raise Failed(f"phase B did not say {want!r}")

    # --- C. skd rank x V
    kmn, sql = phase_c()
    out, sout = both(f"skd rank x{V}", kmn, sql, V)
    k_status = {}
    k_order = defaultdict(list)
    for line in out.splitlines():
        row = jsonl(line)
        num = int(row["application"][1:])
        if num in k_status:
            raise Failed(f"skd rank lists {row['application']} twice")
        k_status[num] = row["status"]
        k_order[vac_of[num]].append(num)
    sat_or_absent = {p.num for p in people if p.screen}
    if set(k_status) != sat_or_absent:
        raise Failed(f"skd rank x{V} listed {len(k_status)} applications, expected the {len(sat_or_absent)} screened in")
    for v in range(1, V + 1):   # each vacancy's rows came in one block, from its own command
        if any(vac_of[n] != v for n in k_order[v]):
            raise Failed(f"skd rank V{v} lists an application of another vacancy")
    admitted = {n for n, st in k_status.items() if st == "skb"}
    adm_per_v = Counter(vac_of[n] for n in admitted)
    # Independent check of the rule in python (no sqlite3 needed): quota, ties at the cut-off, marks.
    by_vac = defaultdict(list)
    for p in people:
        by_vac[p.vac].append(p)
    for v in range(1, V + 1):
        sat = [p for p in by_vac[v] if p.skd not in (None, "absent")]
        ok = sorted((p for p in sat if all(x >= m for x, m in zip(p.skd, MARKS.values()))),
                    key=lambda p: (-sum(p.skd), -p.skd[2], -p.skd[1], -p.skd[0]))
        quota = SEATS * QUOTA_FACTOR
        want = {p.num for p in ok[:quota]}
        if len(ok) > quota:
            edge = ok[quota - 1].skd
            want |= {p.num for p in ok[quota:] if p.skd == edge}
        got = {n for n in admitted if vac_of[n] == v}
        if got != want:
            raise Failed(f"skd rank V{v} sends {len(got)} to SKB, the rule gives {len(want)}; "
                         f"differ on {sorted('P%d' % n for n in got ^ want)[:8]}")
    if have_sql:
        s_status = {}
        for line in sout.splitlines():
            v, num, st, _ = line.split("|")
            s_status[int(num)] = st
        diff = [n for n in set(s_status) | set(k_status) if s_status.get(n) != k_status.get(n)]
        if diff:
            d = sorted(diff)[:6]
            raise Failed(f"SKD outcome differs between kemuning and sqlite3 for {len(diff)} applications, e.g. "
                         + ", ".join(f"P{n}: kemuning {k_status.get(n)}, sqlite3 {s_status.get(n)}" for n in d))
    ties = sum(max(0, adm_per_v[v] - SEATS * QUOTA_FACTOR) for v in range(1, V + 1))

    # --- D. SKB
    kmn, sql, n_d = phase_d(people, admitted)
    out, _ = both("SKB", kmn, sql, n_d)
    for v in range(1, V + 1):
        a = adm_per_v[v]
        want = f"V{v}: skd → skb ({a} go{'es' if a == 1 else ''} on to SKB)"
        if want not in out:
            raise Failed(f"phase D did not say {want!r}")

    # --- E. final rank x V
    kmn, sql = phase_e()
    out, sout = both(f"final rank x{V}", kmn, sql, V)
    k_final = defaultdict(list)
    decided = Counter()
    for line in out.splitlines():
        if not line.startswith("{"):
            continue   # the advance messages
        row = jsonl(line)
        num = int(row["application"][1:])
        k_final[vac_of[num]].append((int(row["rank"]), num, row["final"], row["status"]))
        decided[row["decidedBy"]] += 1
    n_passed = 0
    for v in range(1, V + 1):
        rows = k_final[v]
        passed = [r for r in rows if r[3] == "passed"]
        n_passed += len(passed)
        if len(rows) != adm_per_v[v]:
            raise Failed(f"final rank V{v} lists {len(rows)} candidates, {adm_per_v[v]} sat the SKB")
        if len(passed) != min(SEATS, adm_per_v[v]):
            raise Failed(f"final rank V{v}: {len(passed)} passed, not {min(SEATS, adm_per_v[v])} (seats {SEATS})")
        for r in rows:
            p = people[r[1] - 1]
            want = final_text(expected_final(sum(p.skd), *p.skb))
            if r[2] != want:
                raise Failed(f"final rank V{v}: P{r[1]} has final {r[2]}, expected {want} "
                             f"(SKD {p.skd}, CAT {p.skb[0]}, practical {p.skb[1]})")
        # the order by the rules, recomputed here (exact integers; the last key is registration order)
        def key(num):
            p = people[num - 1]
            return (-expected_final(sum(p.skd), *p.skb), -sum(p.skd), -p.skd[2], -p.skd[1], -p.skd[0], -p.gpa, p.born, num)
        want = sorted((r[1] for r in rows), key=key)
        got = [r[1] for r in sorted(rows)]
        if got != want or [r[0] for r in sorted(rows)] != list(range(1, len(rows) + 1)):
            i = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), 0)
            raise Failed(f"final rank V{v} is not in the order of the rules: at rank {i + 1} kemuning has P{got[i]}, "
                         f"the rules give P{want[i]}")
        if [r[1] for r in rows if r[3] == "passed"] != want[:SEATS]:
            raise Failed(f"final rank V{v} passes {[f'P{r[1]}' for r in rows if r[3] == 'passed']}, the rules pass {['P%d' % n for n in want[:SEATS]]}")
    if have_sql:
        s_final = defaultdict(list)
        for line in sout.splitlines():
            v, rk, num, fin, st = line.split("|")
            s_final[int(v)].append((int(rk), int(num), final_text(int(fin)), st))
        for v in range(1, V + 1):
            if k_final[v] != s_final[v]:
                kp = [f"P{r[1]}" for r in k_final[v] if r[3] == "passed"]
                sp = [f"P{r[1]}" for r in s_final[v] if r[3] == "passed"]
                first = next((i for i, (a, b) in enumerate(zip(k_final[v], s_final[v])) if a != b), None)
                raise Failed(f"final rank V{v} differs from sqlite3's ranking"
                             + (f" at rank {first + 1}: kemuning {k_final[v][first]}, sqlite3 {s_final[v][first]}" if first is not None else "")
                             + (f"; passed: kemuning {kp}, sqlite3 {sp}" if kp != sp else "; same passes, different order"))

    # --- F. save
    save_kmn = write("n5-f.kmn", ["save"])
    save_sql = write("n5-f.sql", ["PRAGMA wal_checkpoint(TRUNCATE);"])
    out, _ = both("save", save_kmn, save_sql, None)
    if "saved" not in out and "nothing to save" not in out:
        raise Failed("'save' did not say 'saved': " + out[:200])
    snap = os.path.getsize(os.path.join(store, "snapshot.json"))
    # Format 2: the manifest lists a file per kind under data/; all of them are the snapshot.
    with open(os.path.join(store, "snapshot.json"), "rb") as f:
        manifest = json.load(f)
    parts = manifest.get("parts", {})
    snap += sum(os.path.getsize(os.path.join(store, p["file"])) for p in parts.values())
    audit_bytes = parts.get("audit", {}).get("bytes", 0)
    on_disk = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(store) for f in fs)
    journal = os.path.join(store, "journal.jsonl")
    journal_bytes = os.path.getsize(journal) if os.path.exists(journal) else 0
    db_bytes = sum(os.path.getsize(f) for f in (db, db + "-wal") if os.path.exists(f)) if have_sql else None

    # the fixed cost inside every phase: one process loading the final store
    load = spawn([BIN, "--store", store, "--format", "json", "-c", "store info"], tag="n5-info")
    if load.rc != 0:
        raise Failed("store info failed on the round's store: " + load.text("err")[:300])
    info = json.loads(load.text())
    if info.get("applicants") != N or info.get("journal_records", 0) != 0:
        raise Failed(f"store info after the round says: { {k: info.get(k) for k in ('applicants', 'journal_records')} }")

    # one small command on the round's store, as a spreadsheet macro would run it row by row:
    # the median of 7 fresh processes, next to sqlite3 answering the same from its database
    def median_of_7(argv, tag, check):
        walls = []
        for _ in range(7):
            r = spawn(argv, tag=tag)
            if r.rc != 0 or not check(r.text()):
                raise Failed(f"{' '.join(argv[-2:])} failed on the round's store (exit {r.rc}): " + r.text("err")[:300])
            walls.append(r.wall)
        return sorted(walls)[3]
    show = median_of_7([BIN, "--store", store, "-c", "vacancy show V1"], "n5-show", lambda t: "V1" in t)
    sshow = median_of_7([SQLITE, db, "SELECT * FROM vacancy WHERE id = 1;"], "n5-sshow", lambda t: t.startswith("1|")) if have_sql else None

    def secs(x): return f"{x:7.3f} s"
    def ratio(a, b): return "n/a" if not b else (f"{a / b:.2f}x" if a / b < 10 else f"{a / b:.1f}x")

    if ONE_PROCESS:
        # The whole round again, each side in one process, in a fresh store and database.
        one_store = os.path.join(TMP, "one-process-store")
        one_db = os.path.join(TMP, "one-process.sqlite")
        shutil.rmtree(one_store, ignore_errors=True)
        for f in (one_db, one_db + "-wal", one_db + "-shm"):
            if os.path.exists(f): os.unlink(f)
        k_all = write("n6.kmn", [f"source {k}" for k, _ in ran])
        rk = kemuning(one_store, k_all, "the round in one process")
        rs = sqlite(one_db, write("n6.sql", [f".read {q}" for _, q in ran]), "the round in one process") if have_sql else None
        # Both must end where the phase-by-phase round ended: the same final ranking, read again.
        with open(ran[-2][0], encoding="utf-8") as f:
            ranking = [l for l in f.read().splitlines() if l.startswith("set format") or l.startswith("final rank")]
        k_check = write("n6-check.kmn", ranking)
        k_phases = kemuning(store, k_check, "reading the final ranking").text()
        k_one = kemuning(one_store, k_check, "reading the final ranking").text()
        if k_phases != k_one or len(k_one.splitlines()) < 3 * V:
            raise Failed("kemuning's round in one process ends with another final ranking than phase by phase")
        if have_sql:
            with open(ran[-2][1], encoding="utf-8") as f:
                query = [l for l in f.read().splitlines() if not l.startswith("UPDATE")]
            s_check = write("n6-check.sql", query)
            if sqlite(db, s_check, "check").text() != sqlite(one_db, s_check, "check").text():
                raise Failed("sqlite3's round in one process ends with another final ranking than phase by phase")
        commands = sum(c for _, _, c in times.values() if c)
        print()
        print(f"6. The same round as one script in one process ({V} vacancies, {N:,} applicants, "
              f"{commands:,} commands, save at the end; fresh store and database)")
        print(f"   {'':<28}{'kemuning':>10}{'sqlite3':>10}{'ratio':>8}")
        print(f"   {'the whole round':<28}{secs(rk.wall):>10}{secs(rs.wall) if rs else 'n/a':>10}{ratio(rk.wall, rs.wall if rs else 0):>8}"
              + (f"   ({'within' if rs.wall and rk.wall <= rs.wall else 'ABOVE'} the 1.0x aim)" if rs else ""))
        mb = lambda b: f"{b / 1e6:.1f} MB"
        if rk.rss:
            print(f"   peak RSS: kemuning {mb(rk.rss)}" + (f", sqlite3 {mb(rs.rss)}" if rs and rs.rss else ""))
        print("   verified: both end with the final ranking the phase-by-phase round ends with")
        return

    # ================================================================ report
    print()
    print(f"5. A national-scale round ({V} vacancies x {SEATS} seats, quota factor {QUOTA_FACTOR}, "
          f"{N:,} applicants, seed {SEED}; one run per phase, each a fresh process)")
    print(f"   {'phase':<28}{'kemuning':>10}{'sqlite3':>10}{'ratio':>8}   kemuning rate")
    tk = ts = 0.0
    for phase, (rk, rs, cmds) in times.items():
        tk += rk.wall
        ts += rs.wall if rs else 0
        note = f"{cmds / rk.wall:>9,.0f} commands/s ({cmds:,})" if cmds else ""
        print(f"   {phase:<28}{secs(rk.wall):>10}{secs(rs.wall) if rs else 'n/a':>10}{ratio(rk.wall, rs.wall if rs else 0):>8}   {note}")
    print(f"   {'total':<28}{secs(tk):>10}{secs(ts) if have_sql else 'n/a':>10}{ratio(tk, ts):>8}")
    if have_sql:
        over = [p for p, (rk, rs, _) in times.items() if rs and rk.wall / rs.wall > 3]
        print(f"   aims: the total at most 1.5x sqlite3's ({'met' if tk <= 1.5 * ts else 'NOT met'}); "
              f"no phase above 3x ({'met' if not over else 'NOT met: ' + ', '.join(over)})")
    print(f"   (each kemuning phase includes loading the store and folding the journal at exit; "
          f"a bare load, 'store info' of the final store: {load.wall:.3f} s)")
    print(f"   one small command on the final store, 'vacancy show V1' (median of 7): {show * 1000:.1f} ms "
          f"({'under' if show < 0.05 else 'ABOVE'} the 50 ms aim)"
          + (f"; sqlite3 'SELECT ... WHERE id = 1': {sshow * 1000:.1f} ms; ratio {ratio(show, sshow)}" if have_sql else ""))
    big = max(times.items(), key=lambda kv: kv[1][0].rss or 0)
    mb = lambda b: f"{b / 1e6:.1f} MB"
    print(f"   snapshot after save: {mb(snap)} ({snap:,} bytes, the manifest and the {len(parts)} files it lists, "
          f"{mb(audit_bytes)} of it the audit trail; journal {journal_bytes:,} bytes)")
    print(f"   size on disk, every file of the store: {mb(on_disk)}"
          + (f"; sqlite3 database: {mb(db_bytes)}; ratio {ratio(on_disk, db_bytes)}" if have_sql else ""))
    if big[1][0].rss:
        print(f"   peak RSS, biggest kemuning phase ({big[0]}): {mb(big[1][0].rss)} "
              f"({'under' if big[1][0].rss < 150e6 else 'ABOVE'} the 150 MB aim)"
              + (f"; sqlite3 at most {mb(max(t[1].rss for t in times.values()))}" if have_sql else ""))
        print("   peak RSS per phase, next to what it read of the store (rchar, the script left out) and the records")
        print("   it leaves (the snapshot's parts but the audit trail, and the journal); the ratio is to the larger:")
        worst = 0.0
        for p, t in times.items():
            k = t[0]
            base = max(k.read or 0, getattr(k, "held", 0) or 0)
            if base:
                worst = max(worst, k.rss / base)
            print(f"     {p:<28}{mb(k.rss):>10}  read {mb(k.read) if k.read is not None else 'n/a':>9}"
                  f"  records {mb(getattr(k, 'held', 0) or 0):>9}" + (f"  {k.rss / base:5.2f}x" if base else ""))
        if worst:
            print(f"   worst peak RSS / that size: {worst:.2f}x ({'within' if worst <= 1.5 else 'ABOVE'} the 1.5x aim)")
    else:
        print("   peak RSS: GNU /usr/bin/time not found, not measured")
    print(f"   verified: {len(admitted):,} went on to SKB ({ties} beyond the quota by full ties at the cut-off), "
          f"{n_passed:,} passed (final places decided by: "
          + ", ".join(f"{k} {n}" for k, n in decided.most_common() if k) + "); every SKD outcome and every final rank, score and pass "
          + ("equal to sqlite3's window functions" if have_sql else "equal to the rules recomputed in python (sqlite3 not found)"))
    print(f"   section 5 took {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":   # scripts/bench.d/postgres.py imports the round's generator
    try:
        main()
    except Failed as e:
        print(f"\nbench: FAILED in section 5: {e}", file=sys.stderr)
        sys.exit(1)
