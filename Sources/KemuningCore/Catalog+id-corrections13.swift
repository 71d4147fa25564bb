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

en: --{1} {2} is before {3} entered {4} ({5})
id: --{1} {2} lebih awal dari saat {3} memasuki tahap {4} ({5})

en: application {1} withdrawn
id: lamaran {1} withdrawn

en: application {1} withdrawn has keys other than 'reason' and 'date'
id: lamaran {1} withdrawn memiliki kunci selain 'reason' dan 'date'

en: no applicant {1} to change
id: tidak ada pelamar {1} untuk diubah

en: applicant {1} cannot take the NIK of {2}
id: pelamar {1} tidak boleh memakai NIK milik {2}

en: correct what was registered: NIK, name, date of birth, education, GPA (checked as applicant add checks them)
id: perbaiki data yang terdaftar: NIK, nama, tanggal lahir, pendidikan, IPK (diperiksa seperti applicant add memeriksanya)

en: highest qualification
id: pendidikan tertinggi

en: give what to correct: --nik, --name, --born, --education or --gpa
id: sebutkan yang diperbaiki: --nik, --name, --born, --education atau --gpa

en: {1}: nothing changed
id: {1}: tidak ada yang berubah

en: {1} corrected
id: {1} diperbaiki

en: record that a candidate withdrew (mengundurkan diri): the application takes part in no later stage
id: catat bahwa peserta mengundurkan diri: lamarannya tidak mengikuti tahap berikutnya

en: why, as the candidate gave it
id: alasannya, sebagaimana disampaikan peserta

en: the day they withdrew, for work entered later
id: hari pengunduran diri, untuk pekerjaan yang dicatat belakangan

en: {1} was withdrawn on {2} ({3}): it takes part in no stage
id: {1} mengundurkan diri pada {2} ({3}): tidak mengikuti tahap apa pun

en: withdrawn on {1}
id: mengundurkan diri pada {1}

en: {1} was withdrawn already, on {2}
id: {1} sudah mengundurkan diri, pada {2}

en: {1} was hired already, as {2}: a member of staff leaves with 'employee leave'
id: {1} sudah diangkat, sebagai {2}: pegawai berhenti dengan 'employee leave'

en: {1} is closed: its applications no longer change
id: {1} sudah ditutup: lamarannya tidak lagi berubah

en: --date {1} is before the application ({2})
id: --date {1} sebelum tanggal lamaran ({2})

en: withdrawn: {1}
id: mengundurkan diri: {1}

en: {1} withdrawn on {2}
id: {1} mengundurkan diri pada {2}

en: withdrew
id: mengundurkan diri

en: cannot undo '{1}': {2} was changed after it, by change {3} ({4}, {5}, {6})
id: tidak dapat membatalkan '{1}': {2} diubah sesudahnya, oleh perubahan {3} ({4}, {5}, {6})

en: a later change depends on it; correct the record instead
id: perubahan sesudahnya bergantung padanya; perbaiki datanya saja

en: cannot undo '{1}': {2} is no longer as it left it
id: tidak dapat membatalkan '{1}': {2} sudah tidak seperti yang ditinggalkannya

en: a later change depends on it
id: perubahan sesudahnya bergantung padanya

en: cannot undo '{1}': {2}
id: tidak dapat membatalkan '{1}': {2}

en: the undo log: {1}, for undo after a session ended
id: catatan pembatalan: {1}, untuk undo setelah sesi berakhir

en: line
id: baris

en: lines
id: baris

en: {1} (the scale of its 'education' {2})
id: {1} (skala menurut 'education'-nya {2})

en: proposed: improve the service for: {1}
id: diusulkan: perbaikan layanan, karena: {1}

en: proposed: record the workload of {1} for: {2}
id: diusulkan: catat beban kerja {1}, karena: {2}

en: proposed: collect more responses for {1} for: {2}
id: diusulkan: kumpulkan lebih banyak jawaban untuk {1}, karena: {2}

"""#
