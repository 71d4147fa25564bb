// Bahasa Indonesia for the rules of issue 13: SKB patterns, age limits, holidays and working days.
// Same format as `Catalog+id.swift`.
let catalogIndonesianRules13 = #"""
en: a regional scheme has at most one test besides CAT
id: skema daerah memuat paling banyak satu tes selain CAT

en: a regional scheme gives CAT at least 60% and its other test at most 40%, not {1}={2}
id: skema daerah memberi CAT paling sedikit 60% dan tes lainnya paling banyak 40%, bukan {1}={2}

en: a central one gives practical no weight
id: skema instansi pusat tidak memberi bobot pada tes praktik

en: a central one gives interview at most 30%, not {1}%
id: skema instansi pusat memberi wawancara paling banyak 30%, bukan {1}%

en: a central one gives certificate at most 20%, not {1}%
id: skema instansi pusat memberi sertifikat paling banyak 20%, bukan {1}%

en: is {1} on {2}, younger than the minimum age of {3}
id: berusia {1} pada {2}, lebih muda dari usia paling rendah {3}

en: is {1} on {2}, older than the maximum age of {3}
id: berusia {1} pada {2}, lebih tua dari usia paling tinggi {3}

en: {1} ({2}, born {3}) {4}, the limit of {5} counted on its closing date
id: {1} ({2}, lahir {3}) {4}, batas {5} dihitung pada tanggal penutupan pendaftarannya

en: the age limits are settings of the vacancy: vacancy set {1} --min-age N --max-age N
id: batas usia adalah pengaturan formasi: vacancy set {1} --min-age N --max-age N

en: the youngest an applicant may be on the closing date, in completed years
id: usia paling rendah pelamar pada tanggal penutupan, dalam tahun genap

en: the oldest an applicant may be on the closing date, in completed years
id: usia paling tinggi pelamar pada tanggal penutupan, dalam tahun genap

en: 18 (cpns) or 20 (pppk)
id: 18 (cpns) atau 20 (pppk)

en: 35 (cpns) or 56 (pppk)
id: 35 (cpns) atau 56 (pppk)

en: the maximum age ({1}) would be below the minimum age ({2})
id: usia paling tinggi ({1}) akan di bawah usia paling rendah ({2})

en: minimum age
id: usia paling rendah

en: maximum age
id: usia paling tinggi

en: holiday 'removed' is not true or false
id: 'removed' pada hari libur bukan true atau false

en: service 'workingDays' is not true or false
id: 'workingDays' pada layanan bukan true atau false

en: holiday
id: hari libur

en: record a public holiday, which working days skip; returns its id (H1, ...)
id: catat hari libur nasional, yang dilewati hitungan hari kerja; mengembalikan id-nya (H1, ...)

en: the day
id: harinya

en: what the day is, e.g. "Hari Raya Natal"
id: hari apa itu, mis. "Hari Raya Natal"

en: list the public holidays, by date
id: daftar hari libur nasional, menurut tanggal

en: only this calendar year
id: hanya tahun kalender ini

en: take a day off the holiday calendar (undo puts it back)
id: hapus satu hari dari kalender libur (undo mengembalikannya)

en: record public holidays from a CSV file (Tanggal;Keterangan), as import holidays does
id: catat hari libur nasional dari berkas CSV (Tanggal;Keterangan), seperti import holidays

en: a CSV file with a header row: the date and what the day is
id: berkas CSV dengan baris judul: tanggal dan keterangan harinya

en: HEADER=FIELD: read a column of another name as a field (date, name)
id: JUDUL=BIDANG: baca kolom bernama lain sebagai bidang (date, name)

en: public holidays, which working days skip: add, list, show, remove, import
id: hari libur nasional, yang dilewati hitungan hari kerja: add, list, show, remove, import

en: --name cannot be empty
id: --name tidak boleh kosong

en: {1} is a holiday already: {2} ({3})
id: {1} sudah menjadi hari libur: {2} ({3})

en: holiday on {1} put back: {2}
id: hari libur pada {1} dikembalikan: {2}

en: holiday {1} on {2} put back: {3}
id: hari libur {1} pada {2} dikembalikan: {3}

en: ; it falls on a weekend, which is no working day anyway
id: ; tanggal itu jatuh pada akhir pekan, yang memang bukan hari kerja

en: holiday on {1}: {2}
id: hari libur pada {1}: {2}

en: holiday {1} added
id: hari libur {1} ditambahkan

en: DAY
id: HARI

en: {1} is not on the holiday calendar
id: {1} tidak ada di kalender libur

en: holiday list shows the days that are
id: holiday list menampilkan hari-hari yang ada

en: holiday on {1} removed: {2}
id: hari libur pada {1} dihapus: {2}

en: holiday {1} on {2} removed: {3}
id: hari libur {1} pada {2} dihapus: {3}

en: record public holidays (Tanggal;Keterangan) from a CSV file; all or nothing
id: catat hari libur nasional (Tanggal;Keterangan) dari berkas CSV; semua atau tidak sama sekali

en: the standard counts working days (Monday to Friday, holidays skipped), not calendar days
id: standar dihitung dalam hari kerja (Senin sampai Jumat, hari libur dilewati), bukan hari kalender

en: service recorded: {1}, standard {2} working day{3}
id: layanan tercatat: {1}, standar {2} hari kerja

en: Monday
id: Senin

en: Tuesday
id: Selasa

en: Wednesday
id: Rabu

en: Thursday
id: Kamis

en: Friday
id: Jumat

en: Saturday
id: Sabtu

en: Sunday
id: Minggu
en: one holiday: its date, weekday and name, and whether it was removed
id: satu hari libur: tanggal, hari dan namanya, dan apakah sudah dihapus

en: removed
id: dihapus

en: the holiday
id: hari libur tersebut

"""#
