#!/usr/bin/env python3
"""Bad input and hostile situations, table-driven: each case gives the input,
the arguments, the exit code and the one-line message expected on standard
error (a regular expression).  Also: the same article in each encoding gives
the same JSON, and output files are never half-written."""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLIO = os.path.join(ROOT, "folio")
ARTICLE = ("A Test Article About Harbours\n\n2024-05-01\n\n"
           "This is an ordinary paragraph of running text, long enough to be prose.\n\n"
           "This is a second paragraph of running text, long enough to be prose too.\n").encode()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

CASES = [
    # name, input bytes (None: no file), extra args, exit, stderr pattern
    ("missing file", None, [], 1, r"^folio: \S*missing\.txt: No such file or directory$"),
    ("an option of another format", ARTICLE, ["-o", "OUT.epub", "--paper", "a5"], 0,
     r"^folio: note: --paper applies to PDF only; ignored for epub$"),
    ("--cover on a PDF", ARTICLE, ["-o", "OUT.pdf", "--cover", "INPUT"], 0,
     r"^folio: note: --cover applies to EPUB only; ignored for pdf$"),
    ("--css that cannot be read", ARTICLE, ["-o", "OUT.epub", "--css", "OUT-none.css"], 1,
     r"^folio: \S+: \S+none\.css: cannot read the stylesheet$"),
    ("--css that is not text", ARTICLE, ["-o", "OUT.epub", "--css", FOLIO], 1,
     r"^folio: \S+: \S+folio: not a UTF-8 stylesheet$"),
    ("directory", "DIR", [], 1, r"^folio: \S+: is a directory$"),
    ("empty file", b"", [], 1, r"^folio: \S+: no text$"),
    ("white space only", " \t\r\n\u00a0\u3000\n\u200b\n\n".encode(), [], 1, r"^folio: \S+: no text$"),
    ("PNG image", PNG, [], 1, r"^folio: \S+: not text \(a PNG image\)$"),
    ("binary data", bytes([0, 1, 2, 3, 0, 0, 255, 254] * 500), [], 1, r"^folio: \S+: not text \(binary data\)$"),
    ("zip archive", b"PK\x03\x04" + bytes(200), [], 1, r"^folio: \S+: not text \(a zip archive"),
    ("invalid UTF-8 replaced", ARTICLE.replace(b"ordinary", "caf\u00e9 ordin".encode() + b"\xffary"), [], 0,
     r"^folio: \S+: warning: invalid UTF-8 at byte 65: replaced by U\+FFFD"),
    ("invalid UTF-8 strict", ARTICLE.replace(b"ordinary", "caf\u00e9 ordin".encode() + b"\xffary"), ["--strict"], 1,
     r"^folio: \S+: invalid UTF-8 at byte 65$"),
    ("UTF-8 BOM, bad byte", b"\xef\xbb\xbf" + ARTICLE.replace(b"ordinary", b"ordin\xffary"), [], 0,
     r"^folio: \S+: warning: invalid UTF-8 at byte 59"),
    ("stray NUL bytes", ARTICLE.replace(b"ordinary", b"ordi\x00nary"), [], 0, r"^$"),
    ("unknown encoding", ARTICLE, ["--encoding", "NO-SUCH-CHARSET"], 2,
     r"^folio: --encoding: unknown encoding 'NO-SUCH-CHARSET'"),
    ("bad date", ARTICLE, ["--date", "someday"], 2, r"^folio: --date: cannot read 'someday' as a date"),
    ("unknown option", ARTICLE, ["--frobnicate"], 2, r"^folio: unknown option '--frobnicate' \(see 'folio --help'\)$"),
    ("option without value", ARTICLE, ["-t", "json", "--title"], 2, r"^folio: option '--title' needs a value"),
    ("unknown format", ARTICLE, ["-t", "docx"], 2, r"^folio: unknown format 'docx'"),
    ("bad paper", ARTICLE, ["-t", "pdf", "--paper", "b5"], 2, r"^folio: --paper takes a4, letter or a5"),
    ("bad width", ARTICLE, ["-t", "outline", "--width", "wide"], 2, r"^folio: --width takes a number"),
    ("output is input", ARTICLE, ["-o", "INPUT"], 2, r"^folio: \S+: would overwrite the input"),
    ("output dir missing", ARTICLE, ["-o", "/nonexistent/dir/out.json"], 1,
     r"^folio: /nonexistent/dir/out.json: cannot write: No such file or directory$"),
    ("disk full (stdout)", ARTICLE, ["-t", "json", "STDOUT=/dev/full"], 1,
     r"^folio: standard output: No space left on device$"),
    ("bad cover", ARTICLE, ["-t", "epub", "--cover", "INPUT", "-o", "OUT.epub"], 1,
     r"^folio: \S+: \S+: the cover must be a JPEG or PNG image$"),
]


def run_case(tmp, name, data, args, want_rc, pattern):
    path = os.path.join(tmp, "missing.txt")
    if data == "DIR":
        path = os.path.join(tmp, "adir")
        os.makedirs(path, exist_ok=True)
    elif data is not None:
        path = os.path.join(tmp, "in-%d.txt" % abs(hash(name)))
        with open(path, "wb") as f:
            f.write(data)
    stdout = subprocess.DEVNULL
    argv = [FOLIO, path]
    for a in args:
        if a.startswith("STDOUT="):
            stdout = open(a[7:], "wb")
            continue
        argv.append(a.replace("INPUT", path).replace("OUT", os.path.join(tmp, "out")))
    if not any(a in argv for a in ("-t", "-o", "--to")):
        argv += ["-t", "json"]
    p = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode("utf-8", "replace").rstrip("\n")
    ok = p.returncode == want_rc and re.search(pattern, err) and err.count("\n") == 0
    if not ok:
        print("FAIL %s: exit %d (want %d), stderr %r (want /%s/)" % (name, p.returncode, want_rc, err, pattern))
    return bool(ok)


def encodings(tmp):
    """The same article in each encoding gives the same JSON as the UTF-8 original."""
    table = [("zh-library", "../samples/zh-library.txt", ["GB18030", "UTF-16LE", "UTF-16BE", "UTF-16LE-NOBOM",
                                                          "UTF-16BE-NOBOM"]),
             ("zh-hant", "zh-hant.txt", ["BIG5"]), ("ja", "ja.txt", ["SHIFT_JIS"]),
             ("ko", "ko.txt", ["EUC-KR"]), ("en-1252", "en-1252.txt", ["WINDOWS-1252"])]
    ok = True
    for name, rel, encs in table:
        src = os.path.join(ROOT, "tests", "encoding", rel)
        want = subprocess.run([FOLIO, src, "-t", "json"], capture_output=True).stdout
        for enc in encs:
            codec = enc.replace("-NOBOM", "").lower().replace("_", "-").replace("windows-", "cp")
            data = open(src, encoding="utf-8").read().encode(codec)
            if enc.startswith("UTF-16") and not enc.endswith("NOBOM"):
                data = (b"\xff\xfe" if enc.endswith("LE") else b"\xfe\xff") + data
            path = os.path.join(tmp, "%s.%s.txt" % (name, enc))
            open(path, "wb").write(data)
            p = subprocess.run([FOLIO, path, "-t", "json"], capture_output=True)
            # a single-byte code page is a guess, and folio says so (once)
            note = b"not UTF-8: read as " if enc == "WINDOWS-1252" else b""
            said = p.stderr.startswith(b"folio: ") and note in p.stderr and p.stderr.count(b"\n") == 1 if note \
                else not p.stderr
            if p.returncode or p.stdout != want or not said:
                print("FAIL encoding %s in %s: exit %d, %s" % (name, enc, p.returncode,
                      p.stderr.decode(errors="replace").strip() or "different JSON"))
                ok = False
        # --strict takes no guess at a single-byte code page
        if "WINDOWS-1252" in encs:
            p = subprocess.run([FOLIO, os.path.join(tmp, "%s.WINDOWS-1252.txt" % name), "-t", "json", "--strict"],
                               capture_output=True)
            if p.returncode != 1 or b"--encoding" not in p.stderr:
                print("FAIL encoding %s: --strict took a guessed code page (exit %d)" % (name, p.returncode))
                ok = False
        # and with --encoding given
        p = subprocess.run([FOLIO, path, "-t", "json", "--encoding", encs[-1].replace("-NOBOM", "")], capture_output=True)
        ok &= p.returncode == 0 and p.stdout == want
    return ok


def never_half_written(tmp):
    """Killed while writing: the old file stays; a failure leaves no new file."""
    big = os.path.join(tmp, "big.txt")
    with open(big, "wb") as f:  # distinct paragraphs: repeats would be dropped as copies
        f.write(ARTICLE)
        for i in range(20000):
            f.write(("In season %d the harbour master counted %d boats, %d of them back from the north, "
                     "and wrote the figures in book %d.\n\n" % (i, i * 7 % 997, i * 3 % 101, i)).encode())
    target = os.path.join(tmp, "target.pdf")
    open(target, "wb").write(b"OLD")
    open(os.path.join(tmp, "small.txt"), "wb").write(ARTICLE)
    temps = lambda: [n for n in os.listdir(tmp) if n.startswith("target.pdf.folio-")]

    def interrupted(sig):
        """Start a conversion, send sig once its temporary file exists."""
        p = subprocess.Popen([FOLIO, big, "-o", target], stderr=subprocess.DEVNULL)
        for _ in range(600):
            if temps() or p.poll() is not None:
                break
            time.sleep(0.05)
        running = p.poll() is None
        p.send_signal(sig)
        p.wait()
        if not running:
            print("FAIL never half-written: the conversion ended before it could be interrupted")
        return running

    ok = interrupted(signal.SIGTERM)  # caught: the temporary file goes too
    ok = ok and open(target, "rb").read() == b"OLD" and not temps()
    ok &= interrupted(signal.SIGKILL)  # cannot be caught: the target is still the old file
    ok &= open(target, "rb").read() == b"OLD"
    left = temps()  # what SIGKILL left: the next conversion to that target removes it
    if not left:
        print("FAIL never half-written: SIGKILL left no temporary file to test the clean-up with")
        ok = False
    alive = os.path.join(tmp, "target.pdf.folio-%d-abcdef" % os.getpid())  # a live process's: kept
    open(alive, "wb").close()
    os.chmod(alive, 0o600)
    ok &= subprocess.run([FOLIO, os.path.join(tmp, "small.txt"), "-o", target], capture_output=True).returncode == 0
    if sorted(temps()) != [os.path.basename(alive)]:
        print("FAIL stale temporary files: %r left (only the live process's should be)" % temps())
        ok = False
    os.unlink(alive)
    # a closed pipe downstream (folio ... | head) ends quietly, as cat does
    p = subprocess.Popen([FOLIO, big, "-t", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.read(100)
    p.stdout.close()
    err = p.stderr.read().decode()
    rc = p.wait()
    if rc != 0 or err:
        print("FAIL closed pipe: exit %d, %r" % (rc, err))
        ok = False
    if not ok:
        print("FAIL never half-written")
    return ok


def run(args, **kw):
    return subprocess.run([FOLIO] + args, capture_output=True, **kw)


def output_safety(tmp):
    """Outputs never replace the input, a device, a link or each other; a
    failed file leaves no output; modes follow the file or the umask."""
    d = os.path.join(tmp, "safety")
    os.makedirs(d)
    fails = []

    def check(name, cond):
        if not cond:
            fails.append(name)

    def put(name, data=ARTICLE):
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    notes = put("notes.txt")
    r = run(["-d", d, "-t", "outline", notes])
    check("default batch output onto the input refused", r.returncode != 0 and read(notes) == ARTICLE)
    art = put("art.pdf")
    r = run([art, "-t", "pdf"])
    check("default PDF output onto the input refused",
          r.returncode == 2 and read(art) == ARTICLE and b"would overwrite the input" in r.stderr)
    target = put("real.json", b"old")
    link = os.path.join(d, "link.json")
    os.symlink("real.json", link)
    r = run([notes, "-t", "json", "-o", link])
    check("a symbolic link is written through", r.returncode == 0 and os.path.islink(link)
          and read(target).startswith(b'{"folio"'))
    os.chmod(target, 0o600)
    run([notes, "-t", "json", "-o", target])
    check("an existing file keeps its mode", os.stat(target).st_mode & 0o777 == 0o600)
    fresh = os.path.join(d, "fresh.json")
    r = run([notes, "-t", "json", "-o", fresh], preexec_fn=lambda: os.umask(0o077))
    check("a new file follows the umask", os.stat(fresh).st_mode & 0o777 == 0o600)
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    r = run([notes, "-t", "json", "-o", fifo])
    got = reader.communicate(timeout=20)[0]
    check("a FIFO is written, not replaced", r.returncode == 0 and got.startswith(b'{"folio"')
          and not os.path.isfile(fifo))
    r = run([notes, "-t", "json", "-o", "/dev/null"])
    check("/dev/null stays a device", r.returncode == 0 and not os.path.isfile("/dev/null"))
    put("a/x.txt")
    put("b/x.txt")
    out = os.path.join(d, "out")
    r = run(["-d", out, "-t", "json", os.path.join(d, "a/x.txt"), os.path.join(d, "b/x.txt")])
    check("two inputs with one output name refused", r.returncode == 2 and b"same name" in r.stderr
          and not os.path.exists(os.path.join(out, "x.json")))
    r = run(["-d", out, "-t", "json", "-", notes], input=ARTICLE)
    check("standard input in a batch refused", r.returncode == 2 and not os.path.exists(os.path.join(out, "-.json")))
    r = run(["-d", out, "-t", "json,epub", "--cover", notes, notes])
    check("a failed file leaves no output", r.returncode == 1 and not os.path.exists(os.path.join(out, "notes.json")))
    check("no temporary file left", not [f for f in os.listdir(d) + (os.listdir(out) if os.path.isdir(out) else [])
                                          if ".folio-" in f])
    r = run(["-x.txt"])
    check("an unknown short option is named", r.returncode == 2 and b"unknown option '-x'" in r.stderr)
    for epoch, rc in (("9223372036854775807", 2), ("99999999999999", 2), ("253402300799", 0)):
        r = run([notes, "-t", "pdf", "-o", os.path.join(d, "e.pdf")], env=dict(os.environ, SOURCE_DATE_EPOCH=epoch))
        check("SOURCE_DATE_EPOCH=%s exits %d" % (epoch, rc), r.returncode == rc and b"runtime error" not in r.stderr)
    for opt in ("--title", "--author", "--source"):
        r = run([notes, "-t", "opml", opt, "Bad\x03 \ufffe \U0001F1F5 bytes"])
        check("%s with controls makes well-formed OPML" % opt,
              r.returncode == 0 and subprocess.run(["xmllint", "--noout", "-"], input=r.stdout).returncode == 0)
        r = run([notes, "-t", "json", opt, os.fsdecode(b"Bad \xff")])
        check("%s with invalid UTF-8 repaired with a warning" % opt,
              r.returncode == 0 and "\ufffd" in r.stdout.decode() and b"not valid UTF-8" in r.stderr)
        r = run([notes, "-t", "json", "--strict", opt, os.fsdecode(b"Bad \xff")])
        check("%s with invalid UTF-8 refused with --strict" % opt, r.returncode == 2)
    for text in ("\U0001F1F5.", "e\uffff", "\uffff\ufffe x", "\U0001F1F5\U0001F1F1 flag"):
        src = put("odd.txt", text.encode())
        for fmt in ("outline", "outline-md", "pdf", "opml", "epub"):
            r = run([src, "-t", fmt, "-o", os.path.join(d, "odd." + fmt)])
            check("%r to %s converts" % (text, fmt), r.returncode == 0)
    # covers are decoded whole: a header over junk, a cut file, absurd sizes are refused
    import struct, zlib

    def png(w, h, rows=None):
        def chunk(t, d):
            return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
        raw = rows if rows is not None else b"".join(b"\x00" + b"\x80" * w for _ in range(h))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    for name, data, rc, msg in (("good.png", png(20, 30), 0, b""),
                                ("cut.png", png(20, 30)[:60], 1, b"damaged PNG"),
                                ("huge.png", png(20000, 20000, b"\x00"), 1, b"more than a reader can show"),
                                ("junk.jpg", b"\xff\xd8\xff\xe0" + b"junk" * 100, 1, b"damaged JPEG")):
        cover = put(name, data)
        r = run([notes, "-t", "epub", "--cover", cover, "-o", os.path.join(d, "c.epub")])
        check("cover %s exits %d" % (name, rc), r.returncode == rc and msg in r.stderr)
    # a damaged --font file is refused before libharu reads it (bytes of its tables changed;
    # seed 7 gave a heap corruption in libharu before the check)
    import random
    ttf = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if os.path.exists(ttf):
        src = open(ttf, "rb").read()
        tables = {}
        for i in range(struct.unpack(">H", src[4:6])[0]):
            tag, _, off, ln = struct.unpack(">4sIII", src[12 + 16 * i:28 + 16 * i])
            tables[tag] = (off, ln)
        rnd = random.Random(7)
        for k in range(40):
            data = bytearray(src)
            tag = rnd.choice([b"cmap", b"head", b"hhea", b"maxp", b"loca", b"hmtx", b"OS/2", b"post", b"name"])
            off, ln = tables[tag]
            for _ in range(8):
                data[off + rnd.randrange(min(ln, 512))] = rnd.randrange(256)
            font = put("damaged.ttf", bytes(data))
            r = run([notes, "-t", "pdf", "--font", font, "-o", os.path.join(d, "f.pdf")])
            check("damaged font %d (%s) exits 0 or 1" % (k, tag.decode()), r.returncode in (0, 1))
        # a table running past the end of the file (fuzz_font: libharu looped for ever copying it)
        data = bytearray(src)
        i = [t for t in range(struct.unpack(">H", src[4:6])[0]) if src[12 + 16 * t:16 + 16 * t] == b"name"][0]
        data[12 + 16 * i + 12:12 + 16 * i + 16] = struct.pack(">I", len(src))
        font = put("past-end.ttf", bytes(data))
        try:
            r = subprocess.run([FOLIO, notes, "-t", "pdf", "--font", font, "-o", os.path.join(d, "f.pdf")],
                               capture_output=True, timeout=30)
            check("a font table past the end of the file is refused",
                  r.returncode == 1 and b"not a font that can be embedded" in r.stderr)
        except subprocess.TimeoutExpired:
            check("a font table past the end of the file is refused (it hung)", False)
    r = run([notes, "-t", "outline-md", "--title", "two\nlines <script>x</script>"])
    md = r.stdout.decode()
    check("Markdown outline escapes HTML and keeps the title on one line",
          "<script>" not in md and md.splitlines()[0].startswith("# two"))
    for f in fails:
        print("FAIL output safety: " + f)
    return not fails


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            if run_case(tmp, *case):
                passed += 1
            else:
                failed += 1
        for check in (encodings, never_half_written, output_safety):
            if check(tmp):
                passed += 1
            else:
                failed += 1
    print("bad inputs: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
