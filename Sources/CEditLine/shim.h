// Non-variadic wrappers around libedit's native <histedit.h> API for Swift.
//
// Swift does not import C variadic functions (el_set, el_get, history), and Swift 6
// rejects touching C globals such as stdin/stdout, so every such use lives here as a
// small static inline function. Nothing here keeps state of its own.
#ifndef KEMUNING_CEDITLINE_SHIM_H
#define KEMUNING_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

typedef unsigned char (*kem_el_func_t)(EditLine *, int);
typedef char *(*kem_el_prompt_t)(EditLine *);

// MARK: locale

/// setlocale(LC_CTYPE, "") and, when the resulting codeset is not UTF-8, fall back to
/// C.UTF-8 (then en_US.UTF-8). Without a UTF-8 codeset libedit drops non-ASCII input.
/// Returns 1 when the final LC_CTYPE codeset is UTF-8.
static inline int kem_setlocale_utf8(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL)
        setlocale(LC_CTYPE, "en_US.UTF-8");
    cs = nl_langinfo(CODESET);
    return (cs && strcmp(cs, "UTF-8") == 0) ? 1 : 0;
}

// MARK: stdio globals

static inline EditLine *kem_el_init_stdio(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
/// Write to stdout (libedit's output stream) and flush, so it interleaves with libedit's own output.
static inline void kem_write_stdout(const char *s) {
    fputs(s, stdout);
    fflush(stdout);
}

// MARK: el_set / el_get

/// Prompt whose non-printing parts (colour escapes) are enclosed between two `delim` chars.
static inline int kem_el_set_prompt_esc(EditLine *el, kem_el_prompt_t fn, char delim) {
    return el_set(el, EL_PROMPT_ESC, fn, delim);
}
static inline int kem_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int kem_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int kem_el_set_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int kem_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *kem_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int kem_el_addfn(EditLine *el, const char *name, const char *help, kem_el_func_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int kem_el_bind(EditLine *el, const char *key, const char *fname) {
    return el_set(el, EL_BIND, key, fname, (const char *)NULL);
}
/// EL_BIND in the alternate (vi command) map.
static inline int kem_el_bind_alt(EditLine *el, const char *key, const char *fname) {
    return el_set(el, EL_BIND, "-a", key, fname, (const char *)NULL);
}
/// EL_SETTY with one mode flag ("-d" edit, "-x" execute, "-q" quote) and one setting ("-intr").
static inline int kem_el_setty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, (const char *)NULL);
}
/// Terminal width as libedit sees it (termcap "co"); 0 if unknown.
static inline int kem_el_columns(EditLine *el) {
    int co = 0;
    if (el_get(el, EL_GETTC, "co", &co, (void *)NULL) != 0) return 0;
    return co;
}

// MARK: history

static inline int kem_history_setsize(History *h, int n) {
    HistEvent ev; return history(h, &ev, H_SETSIZE, n);
}
static inline int kem_history_setunique(History *h, int on) {
    HistEvent ev; return history(h, &ev, H_SETUNIQUE, on);
}
static inline int kem_history_enter(History *h, const char *s) {
    HistEvent ev; return history(h, &ev, H_ENTER, s);
}
/// H_LOAD: returns the number of entries loaded, or -1.
static inline int kem_history_load(History *h, const char *path) {
    HistEvent ev; return history(h, &ev, H_LOAD, path);
}
/// H_SAVE: returns the number of entries saved, or -1.
static inline int kem_history_save(History *h, const char *path) {
    HistEvent ev; return history(h, &ev, H_SAVE, path);
}
/// Oldest entry (H_LAST) or NULL; then kem_history_newer walks towards the newest (H_PREV).
static inline const char *kem_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) == -1) return NULL;
    return ev.str;
}
static inline const char *kem_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) == -1) return NULL;
    return ev.str;
}

// MARK: text

/// Columns a character takes on the terminal (wcwidth, in the current locale); -1 for
/// non-printing. glibc declares wcwidth only under _XOPEN_SOURCE, hence the declaration.
extern int wcwidth(wchar_t c);
static inline int kem_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// MARK: tty

/// Whether the terminal on `fd` is in normal (cooked) mode: canonical input, echo and
/// signal generation on. Returns -1 if `fd` is not a terminal.
static inline int kem_tty_is_cooked(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    return ((t.c_lflag & ICANON) && (t.c_lflag & ISIG) && (t.c_lflag & ECHO)) ? 1 : 0;
}
/// The terminal's interrupt character (normally 3, ^C); -1 if not a terminal, 0 if disabled.
static inline int kem_tty_intr_char(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    cc_t c = t.c_cc[VINTR];
    return c == _POSIX_VDISABLE ? 0 : (int)c;
}
/// A terminal's settings, saved before editing so they can be checked afterwards.
typedef struct { struct termios t; int valid; } kem_tty_state;
static inline kem_tty_state kem_tty_save(int fd) {
    kem_tty_state s;
    memset(&s, 0, sizeof s);
    s.valid = tcgetattr(fd, &s.t) == 0;
    return s;
}
/// If canonical mode, echo, signal generation or the interrupt character differ from the
/// saved settings, puts the saved settings back. Returns 1 if it had to, 0 if not, -1 on error.
static inline int kem_tty_restore_if_changed(int fd, const kem_tty_state *saved) {
    struct termios now;
    if (!saved->valid || tcgetattr(fd, &now) != 0) return -1;
    tcflag_t mask = ICANON | ISIG | ECHO;
    if ((now.c_lflag & mask) == (saved->t.c_lflag & mask) && now.c_cc[VINTR] == saved->t.c_cc[VINTR])
        return 0;
    return tcsetattr(fd, TCSADRAIN, &saved->t) == 0 ? 1 : -1;
}
/// Width of the terminal on `fd` in columns, 0 if unknown.
static inline int kem_tty_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}

#endif
