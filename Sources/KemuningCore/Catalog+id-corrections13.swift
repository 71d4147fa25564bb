// Bahasa Indonesia for the messages of corrections (issue 13): decisions entered as of an
// earlier day, corrections of applicants, withdrawals. Same format as `Catalog+id.swift`.
let catalogIndonesianCorrections13 = #"""
en: audit entry has 'on' equal to 'at' (written only when the decision was on another day)
id: entri jejak audit memiliki 'on' sama dengan 'at' (hanya ditulis bila keputusan diambil pada hari lain)

en: the day it was decided, for work entered later (not after today, not before screening began)
id: hari keputusan diambil, untuk pekerjaan yang dicatat belakangan (tidak setelah hari ini, tidak sebelum seleksi administrasi dimulai)

en: --date {1} is before the result it objects to ({2})
id: --date {1} lebih awal dari hasil yang disanggah ({2})

en: DECIDED
id: DIPUTUSKAN

en: the day it moved on, for work entered later (not after today, not before the current stage began)
id: hari tahap berganti, untuk pekerjaan yang dicatat belakangan (tidak setelah hari ini, tidak sebelum tahap sekarang dimulai)

en: the session's date is set with: set today DATE
id: tanggal sesi diatur dengan: set today TANGGAL

en: --{1} {2} is before {3} entered {4} ({5})
id: --{1} {2} lebih awal dari saat {3} memasuki tahap {4} ({5})

"""#
