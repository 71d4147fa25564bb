#!/usr/bin/env python3
"""scripts/bench, section 8: the national round on a PostgreSQL store, by one operator and by
four at once, next to the file store.

The round is section 5's (scripts/bench.d/national.py: the same seeded applicants, scores and
calendar), smaller, written as kemuning scripts that bind the ids they create (`let a7 =
applicant add ...`, `let p7 = apply $a7 $v2 ...`), so that any operator's part runs wherever
its ids fall:

  the whole round   one script: every vacancy announced, every applicant and application, then
                    screening, SKD, the SKD ranking, SKB and the final ranking, phase by phase
  part k of 4       the same commands for the vacancies V with V mod 4 = k-1 only (their
                    applicants, applications, scores and rankings), in the same order

and run, each on a fresh store, the median of BENCH_POSTGRES_RUNS repetitions:

  file store        `kemuning --store DIR run WHOLE`
  PostgreSQL x1     `kemuning --store URL run WHOLE` as the role op1
  PostgreSQL x4     four processes at once, `kemuning --store URL run PART_k` as the roles
                    op1..op4 (each with the operator's grants of docs/POSTGRESQL.md), timed
                    from the first start to the last exit
  diagnosis         PostgreSQL x1 again in a database with synchronous_commit off: what
                    waiting for the WAL flush at each command's commit costs

The cluster is a throwaway one of its own (initdb, as the `postgres` user when root; a Unix
socket in a folder under $TMPDIR, no TCP; fsync on), stopped and removed at the end, also when
something fails. Checked: every run exits 0, each store ends with every applicant and
application (ids 1..N, dense, also when four write at once), and every vacancy's final ranking
passes as many as section 5's rules say.

usage: postgres.py KEMUNING_BIN TMPDIR
environment: BENCH_POSTGRES_N (applicants, default 1000), BENCH_POSTGRES_V (vacancies, default 8),
             BENCH_POSTGRES_RUNS (default 3), BENCH_SEED
"""
import atexit, json, os, pwd, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

BIN, TMP = sys.argv[1], sys.argv[2]
N = int(os.environ.get("BENCH_POSTGRES_N", "1000"))
V = int(os.environ.get("BENCH_POSTGRES_V", "8"))
RUNS = int(os.environ.get("BENCH_POSTGRES_RUNS", "3"))
OPS = 4
RUNUSER = shutil.which("runuser", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
HERE = os.path.join(TMP, "postgres")

# section 5's round generator, at this size
os.environ["BENCH_NATIONAL_N"], os.environ["BENCH_NATIONAL_V"] = str(N), str(V)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import national as nat   # noqa: E402

ENV = {k: v for k, v in os.environ.items() if not k.startswith(("KEMUNING_", "PG"))}
ENV.update({"NO_COLOR": "1", "HOME": TMP, "XDG_DATA_HOME": os.path.join(TMP, "xdg"), "LC_ALL": "C.UTF-8"})


class Failed(Exception):
    pass


def say(*a):
    print(*a, flush=True)


# ---------------------------------------------------------------- the cluster

def server_programs():
    cands = []
    try:
        cands.append(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip())
    except OSError:
        pass
    if os.path.isdir("/usr/lib/postgresql"):
        for d in sorted(os.listdir("/usr/lib/postgresql"), key=lambda x: [int(p) if p.isdigit() else 0 for p in x.split(".")], reverse=True):
            cands.append(f"/usr/lib/postgresql/{d}/bin")
    if shutil.which("initdb"):
        cands.append(os.path.dirname(shutil.which("initdb")))
    for c in cands:
        if c and all(os.access(os.path.join(c, p), os.X_OK) for p in ("initdb", "pg_ctl", "postgres", "psql")):
            return c
    return None


class Cluster:
    def __init__(self, bindir):
        self.bin = bindir
        self.owner = None
        if os.geteuid() == 0:
            try:
                self.owner = pwd.getpwnam("postgres")
            except KeyError:
                raise Failed("running as root, and there is no `postgres` user to run the server as (initdb refuses root)")
        # Not under TMP: the postgres user must be able to enter it. Short: a socket path is at most ~100 bytes.
        self.dir = tempfile.mkdtemp(prefix="kemuning-bench-pg-", dir=os.environ.get("TMPDIR", "/tmp"))
        self.data = os.path.join(self.dir, "data")
        self.started = False
        atexit.register(self.remove)
        if self.owner:
            os.chown(self.dir, self.owner.pw_uid, self.owner.pw_gid)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        r = self.as_owner("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-N")
        if r.returncode:
            raise Failed("initdb failed: " + r.stdout[-600:] + r.stderr[-600:])
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write(f"\n# scripts/bench: a throwaway cluster\nlisten_addresses = ''\nunix_socket_directories = '{self.dir}'\n"
                    f"port = {self.port}\nmax_connections = 50\nfsync = on\nlog_min_messages = warning\n")
        r = self.as_owner("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60", "start")
        self.started = True
        if r.returncode:
            log = open(os.path.join(self.dir, "server.log")).read()[-1000:] if os.path.exists(os.path.join(self.dir, "server.log")) else ""
            raise Failed("the PostgreSQL server did not start: " + r.stderr[-400:] + log)
        self.roles = [f"op{i}" for i in range(1, OPS + 1)]
        self.psql("postgres", "".join(f"CREATE ROLE {r} LOGIN;" for r in self.roles))

    def as_owner(self, program, *args):
        argv = [os.path.join(self.bin, program), *args]
        if self.owner:
            argv = [RUNUSER, "-u", "postgres", "--"] + argv
        return subprocess.run(argv, cwd=self.dir, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C"})

    def psql(self, database, sql):
        r = subprocess.run([os.path.join(self.bin, "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.dir,
                            "-p", str(self.port), "-U", "postgres", "-d", database, "-c", sql],
                           capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
        if r.returncode:
            raise Failed(f"psql failed on {sql[:80]!r}: {r.stderr.strip()[:400]}")
        return r.stdout

    def url(self, database, user):
        return f"postgresql:///{database}?host={self.dir}&port={self.port}&user={user}"

    def fresh_store(self, name, synchronous_commit=True):
        """A new database with a Kemuning store (store init as the owner, postgres), the four
        operators granted what docs/POSTGRESQL.md's operator role is granted."""
        self.psql("postgres", f"CREATE DATABASE {name}")
        if not synchronous_commit:
            self.psql("postgres", f"ALTER DATABASE {name} SET synchronous_commit = off")
        r = subprocess.run([BIN, "--store", self.url(name, "postgres"), "-c", "store init"], env=ENV, capture_output=True, text=True)
        if r.returncode:
            raise Failed(f"store init failed (exit {r.returncode}): {r.stderr.strip()[:400]}")
        roles = ", ".join(self.roles)
        self.psql(name, f"""
            GRANT USAGE ON SCHEMA kemuning TO {roles};
            GRANT SELECT ON ALL TABLES IN SCHEMA kemuning TO {roles};
            GRANT INSERT ON kemuning.changes TO {roles};
            GRANT INSERT, DELETE ON kemuning.undo_log TO {roles};
            GRANT INSERT, UPDATE, DELETE ON kemuning.records, kemuning.policies, kemuning.snapshot, kemuning.named_snapshots TO {roles};
            GRANT USAGE ON SEQUENCE kemuning.undo_log_n_seq TO {roles};""")

    def remove(self):
        if self.started and os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self.as_owner("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------- the round as scripts

def admitted_of(people):
    """Section 5's rule: who goes on to SKB (the quota, full ties at the cut-off, the marks)."""
    out = set()
    for v in range(1, V + 1):
        sat = [p for p in people if p.vac == v and p.skd not in (None, "absent")]
        ok = sorted((p for p in sat if all(x >= m for x, m in zip(p.skd, nat.MARKS.values()))),
                    key=lambda p: (-sum(p.skd), -p.skd[2], -p.skd[1], -p.skd[0]))
        quota = nat.SEATS * nat.QUOTA_FACTOR
        want = {p.num for p in ok[:quota]}
        if len(ok) > quota:
            want |= {p.num for p in ok[quota:] if p.skd == ok[quota - 1].skd}
        out |= want
    return out


def round_script(people, admitted, skb, vacancies):
    """The round's commands for these vacancies, phase by phase, binding the ids it creates."""
    vs = sorted(vacancies)
    ps = [p for p in people if p.vac in vacancies]
    k = [f"set today {nat.D_ANNOUNCE}"]
    for v in vs:
        title, unit = nat.TITLES[v % len(nat.TITLES)], nat.UNITS[v % len(nat.UNITS)]
        k.append(f"let v{v} = vacancy add --title {nat.q(title)} --unit {nat.q(unit)} --seats {nat.SEATS} --education S1 --quota-factor {nat.QUOTA_FACTOR}")
        k.append(f"vacancy announce $v{v} --channel portal --channel social --opens {nat.D_ANNOUNCE} --closes {nat.D_CLOSE}")
    k.append(f"set today {nat.D_CLOSE}")
    for p in ps:
        k.append(f"let a{p.num} = applicant add --nik {p.nik} --name {nat.q(p.name)} --born {p.born} --education {nat.q(p.edu)} --gpa {nat.gpa_text(p.gpa)}")
    for p in ps:
        k.append(f"let p{p.num} = apply $a{p.num} $v{p.vac} --source {p.source} --date {p.applied}")
    k.append(f"set today {nat.D_SCREEN}")
    k += [f"vacancy advance $v{v}" for v in vs]
    for p in ps:
        k.append(f"screen $p{p.num} --pass" if p.screen else f"screen $p{p.num} --fail --reason {nat.q(p.reason)}")
    k.append(f"set today {nat.D_TO_SKD}")
    k += [f"vacancy advance $v{v}" for v in vs]
    k.append(f"set today {nat.D_SKD}")
    for p in ps:
        if p.skd == "absent":
            k.append(f"skd $p{p.num} --absent")
        elif p.skd:
            k.append(f"skd $p{p.num} --twk {p.skd[0]} --tiu {p.skd[1]} --tkp {p.skd[2]}")
    k.append("set format jsonl")
    k += [f"skd rank $v{v}" for v in vs]
    k.append(f"set today {nat.D_TO_SKB}")
    k += [f"vacancy advance $v{v}" for v in vs]
    k.append(f"set today {nat.D_SKB}")
    for p in ps:
        if p.num in admitted:
            k.append(f"skb $p{p.num} --cat {skb[p.num][0]} --practical {skb[p.num][1]}")
    k.append(f"set today {nat.D_TO_FINAL}")
    k += [f"vacancy advance $v{v}" for v in vs]
    k += [f"final rank $v{v}" for v in vs]
    return k


def write(name, lines):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def commands_in(lines):
    return sum(1 for l in lines if not l.startswith("set "))


# ---------------------------------------------------------------- running

def start(argv, tag):
    out = open(os.path.join(HERE, tag + ".out"), "wb")
    err = open(os.path.join(HERE, tag + ".err"), "wb")
    p = subprocess.Popen(argv, env=ENV, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    p.tag, p.files = tag, (out, err)
    return p


def finish(p, what):
    rc = p.wait()
    for f in p.files:
        f.close()
    if rc != 0:
        tail = open(os.path.join(HERE, p.tag + ".err"), encoding="utf-8", errors="replace").read().strip().splitlines()[-6:]
        raise Failed(f"{what} failed (exit {rc})" + "".join("\n    " + l for l in tail))
    return open(os.path.join(HERE, p.tag + ".out"), encoding="utf-8", errors="replace").read()


def check_final(outputs, passes_wanted, what):
    passed = ranked = 0
    for text in outputs:
        for line in text.splitlines():
            if line.startswith("{") and '"decidedBy"' in line:
                ranked += 1
                passed += json.loads(line).get("status") == "passed"
    if passed != sum(passes_wanted):
        raise Failed(f"{what}: the final rankings pass {passed} of {ranked}, the rules {sum(passes_wanted)}")


def main():
    bindir = server_programs()
    if bindir is None or (os.geteuid() == 0 and not RUNUSER):
        say()
        say("8. The round on a PostgreSQL store: skipped, PostgreSQL's server programs (initdb, pg_ctl, postgres, psql"
            + (", runuser" if os.geteuid() == 0 else "") + ") were not found (apt-get install postgresql)")
        return
    t_start = time.perf_counter()
    os.makedirs(HERE, exist_ok=True)
    people = nat.make_round()
    admitted = admitted_of(people)
    skb = {}
    for num in sorted(admitted):   # as section 5 scores them: twins of an earlier one tie the final
        p = people[num - 1]
        cat, practical = nat.clip(round(nat.rng.gauss(360, 45)), 0, nat.CAT_MAX), nat.clip(round(nat.rng.gauss(76, 9)), 0, 100)
        if p.twin in admitted:
            cat, practical = skb[p.twin]
        skb[num] = (cat, practical)
        p.skb = (cat, practical)
    whole_lines = round_script(people, admitted, skb, set(range(1, V + 1)))
    whole = write("round.kmn", whole_lines)
    parts = []
    for k in range(OPS):
        lines = round_script(people, admitted, skb, {v for v in range(1, V + 1) if v % OPS == k})
        parts.append((write(f"part{k + 1}.kmn", lines), commands_in(lines)))
    n_cmds = commands_in(whole_lines)
    if sum(c for _, c in parts) != n_cmds:
        raise Failed("the four parts do not add up to the whole round")
    per_v = {}
    for n in admitted:
        per_v[people[n - 1].vac] = per_v.get(people[n - 1].vac, 0) + 1
    passes_wanted = [min(nat.SEATS, per_v.get(v, 0)) for v in range(1, V + 1) if per_v.get(v, 0)]

    cluster = Cluster(bindir)
    try:
        version = cluster.psql("postgres", "SHOW server_version").strip()
        walls = {"file": [], "pg1": [], "pg4": [], "nosync": []}
        for r in range(1, RUNS + 1):
            # the file store
            store = os.path.join(HERE, f"store{r}")
            t0 = time.perf_counter()
            out = finish(start([BIN, "--store", store, "run", whole], "file"), "the file store's round")
            walls["file"].append(time.perf_counter() - t0)
            check_final([out], passes_wanted, "the file store")
            shutil.rmtree(store)
            # PostgreSQL, one operator
            db = f"bench_one_{r}"
            cluster.fresh_store(db)
            t0 = time.perf_counter()
            out = finish(start([BIN, "--store", cluster.url(db, "op1"), "run", whole], "pg1"), "the round on PostgreSQL, one operator")
            walls["pg1"].append(time.perf_counter() - t0)
            check_final([out], passes_wanted, "PostgreSQL, one operator")
            check_store(cluster, db, n_cmds, {"op1"})
            # PostgreSQL, four operators at once
            db = f"bench_four_{r}"
            cluster.fresh_store(db)
            t0 = time.perf_counter()
            procs = [start([BIN, "--store", cluster.url(db, f"op{k + 1}"), "run", path], f"pg4-{k + 1}") for k, (path, _) in enumerate(parts)]
            for p in procs:
                p.wait()   # all of them, before any is judged: none is left running on a removed cluster
            outs = [finish(p, f"operator op{k + 1}'s part of the round (four at once)") for k, p in enumerate(procs)]
            walls["pg4"].append(time.perf_counter() - t0)
            check_final(outs, passes_wanted, "PostgreSQL, four operators")
            check_store(cluster, db, n_cmds, set(cluster.roles))
            # PostgreSQL, one operator, without waiting for the WAL flush at each commit: what
            # that flush costs (not a setting to run with: a crash may lose the last changes)
            db = f"bench_nosync_{r}"
            cluster.fresh_store(db, synchronous_commit=False)
            t0 = time.perf_counter()
            finish(start([BIN, "--store", cluster.url(db, "op1"), "run", whole], "nosync"), "the round on PostgreSQL, synchronous_commit off")
            walls["nosync"].append(time.perf_counter() - t0)
            check_store(cluster, db, n_cmds, {"op1"})
    finally:
        cluster.remove()

    med = {k: statistics.median(w) for k, w in walls.items()}
    rate = {k: n_cmds / m for k, m in med.items()}
    say()
    say(f"8. The round on a PostgreSQL store ({V} vacancies, {N:,} applicants, {n_cmds:,} commands in one script, or in")
    say(f"   {OPS} parts of {', '.join(f'{c:,}' for _, c in parts)} by {OPS} operators at once; PostgreSQL {version}, a local")
    say(f"   throwaway cluster on a Unix socket, fsync on; median of {RUNS} runs, each on a fresh store)")
    say(f"   {'':<34}{'wall':>10}{'commands/s':>12}{'vs file':>9}")
    labels = {"file": "file store, one process", "pg1": "PostgreSQL, one operator", "pg4": f"PostgreSQL, {OPS} operators at once",
              "nosync": "  the same, synchronous_commit off"}
    for k in ("file", "pg1", "pg4", "nosync"):
        if k == "nosync":
            say(f"   diagnosis: one operator again without waiting for the WAL flush at each commit, which the")
            say(f"   write lock makes one after another (not a way to run: a server crash may lose the last changes):")
            labels[k] = "PostgreSQL, one operator, no flush"
        say(f"   {labels[k]:<34}{med[k]:>8.3f} s{rate[k]:>12,.0f}{rate[k] / rate['file']:>8.2f}x")
    say(f"   {OPS} operators at once / one operator: {rate['pg4'] / rate['pg1']:.2f}x the commands per second")
    say(f"   (runs: " + "; ".join(f"{k} " + ", ".join(f"{w:.2f}" for w in walls[k]) for k in walls) + " s)")
    say(f"   verified: every run exit 0; each PostgreSQL store holds applicants A1..A{N} and applications P1..P{N} (dense),")
    say(f"   the changes committed by the operators' roles (op1; op1..op{OPS}), and every final ranking passes what the rules pass")
    say(f"   section 8 took {time.perf_counter() - t_start:.0f} s")


def check_store(cluster, db, n_cmds, roles):
    got = cluster.psql(db, """
        SELECT (SELECT count(*) FROM kemuning.applicant) || ' ' ||
               (SELECT coalesce(max(substr(id, 2)::int), 0) FROM kemuning.applicant) || ' ' ||
               (SELECT count(*) FROM kemuning.application) || ' ' ||
               (SELECT coalesce(max(substr(id, 2)::int), 0) FROM kemuning.application) || ' ' ||
               (SELECT string_agg(DISTINCT committed_by::text, ',' ORDER BY committed_by::text) FROM kemuning.changes)""").split()
    want = [str(N), str(N), str(N), str(N), ",".join(sorted(roles))]
    if got != want:
        raise Failed(f"the PostgreSQL store {db} holds (applicants, highest A, applications, highest P, committers) {got}, not {want}")


def on_term(signum, frame):
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_term)
    try:
        main()
    except Failed as e:
        print(f"\nbench: FAILED in section 8: {e}", file=sys.stderr)
        sys.exit(1)
