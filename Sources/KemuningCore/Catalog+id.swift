// Bahasa Indonesia for every message of the shell: pairs of `en:` (the English template, as
// the code writes it) and `id:` lines. See `Catalog` for the format. CatalogTests checks that
// every message in the sources is here, that every entry here is still used, and that each
// translation keeps to the placeholders of its English.
let catalogIndonesian = #"""
en: register an applicant; returns their id (A1, A2, ...)
id: daftarkan pelamar; mengembalikan id-nya (A1, A2, ...)

en: the 16-digit national identity number (unique)
id: Nomor Induk Kependudukan 16 digit (unik)

en: full name
id: nama lengkap

en: date of birth
id: tanggal lahir

en: highest qualification: a level (S1, D3, ...) with an optional field
id: pendidikan tertinggi: jenjang (S1, D3, ...) dengan jurusan opsional

en: list the applicants (NIKs masked)
id: tampilkan daftar pelamar (NIK disamarkan)

en: show NIKs in full (personal data)
id: tampilkan NIK secara lengkap (data pribadi)

en: show one applicant (NIK masked)
id: tampilkan satu pelamar (NIK disamarkan)

en: ID
id: ID

en: the applicant
id: pelamar

en: show the NIK in full (personal data)
id: tampilkan NIK secara lengkap (data pribadi)

en: --born {1} is not before today ({2})
id: --born {1} tidak lebih awal dari hari ini ({2})

en: --gpa must be from 0.00 to 4.00 with at most 2 decimals, not {1}
id: --gpa harus dari 0.00 sampai 4.00 dengan paling banyak 2 angka desimal, bukan {1}

en: NIK {1} is already registered, as applicant {2}
id: NIK {1} sudah terdaftar sebagai pelamar {2}

en: NIK
id: NIK

en: NAME
id: NAMA

en: BORN
id: LAHIR

en: EDUCATION
id: PENDIDIKAN

en: GPA
id: IPK

en: no applicant '{1}'
id: tidak ada pelamar '{1}'

en: bind a variable to a word or to the value a command returns
id: ikat variabel ke sebuah kata atau ke nilai yang dikembalikan perintah

en: the variable
id: nama variabel

en: an equals sign
id: tanda sama dengan

en: VALUE
id: NILAI

en: a word, or a command whose value is bound
id: sebuah kata, atau perintah yang nilainya diikat

en: print words
id: cetak kata-kata

en: WORDS
id: KATA

en: what to print
id: yang akan dicetak

en: echo "Vacancy $bappeda is open"
id: echo "Vacancy $bappeda is open"

en: stop a script unless a comparison holds (numeric when both sides are numbers)
id: hentikan skrip kecuali perbandingan terpenuhi (numerik bila kedua sisi berupa angka)

en: LEFT
id: KIRI

en: a value
id: sebuah nilai

en: OP
id: OP

en: the comparison
id: operator pembanding

en: RIGHT
id: KANAN

en: assert $bappeda == V1
id: assert $bappeda == V1

en: FILE
id: BERKAS

en: the script
id: skrip yang dijalankan

en: a script
id: sebuah skrip

en: change a setting (format, color, echo, keep-going, today, operator, lang, csv); no arguments lists them
id: ubah pengaturan (format, color, echo, keep-going, today, operator, lang, csv); tanpa argumen, tampilkan semuanya

en: SETTING
id: PENGATURAN

en: the setting
id: nama pengaturan

en: its new value
id: nilai barunya

en: list the variables
id: tampilkan daftar variabel

en: list the commands, or explain one
id: tampilkan daftar perintah, atau jelaskan salah satunya

en: COMMAND
id: PERINTAH

en: a command or group
id: perintah atau kelompok

en: list the commands whose name, summary or flags mention WORD
id: tampilkan perintah yang nama, ringkasan, atau opsinya memuat WORD

en: list the commands entered at the prompt
id: tampilkan perintah yang dimasukkan di prompt

en: wait a number of milliseconds (Ctrl-C stops it)
id: tunggu sejumlah milidetik (Ctrl-C menghentikannya)

en: MS
id: MS

en: take back the changes of the last command (or N commands); journaled, so it survives a crash
id: batalkan perubahan perintah terakhir (atau N perintah); tercatat di jurnal, sehingga tetap berlaku bila program mogok

en: how many commands
id: jumlah perintah

en: nothing to undo
id: tidak ada yang dapat dibatalkan

en: undid: {1}
id: dibatalkan: {1}

en: make again what undo took back
id: ulangi apa yang dibatalkan oleh undo

en: nothing to redo
id: tidak ada yang dapat diulangi

en: redid: {1}
id: diulangi: {1}

en: record the commands that succeed from now on as a replayable script
id: catat perintah yang berhasil mulai sekarang sebagai skrip yang dapat dijalankan ulang

en: the script to write
id: skrip yang akan ditulis

en: also write NAME.kmn and NAME.out, the commands and their output, for transcript tests
id: tulis juga NAME.kmn dan NAME.out, berisi perintah dan keluarannya, untuk uji transkrip

en: recording to {1}; stop with: record stop
id: mencatat ke {1}; hentikan dengan: record stop

en: stop recording and write the script
id: hentikan pencatatan dan tulis skripnya

en: recorded {1} command{2} to {3}
id: {1} perintah tercatat ke {3}

en: leave the shell
id: keluar dari shell

en: CODE
id: KODE

en: leave the shell (same as quit)
id: keluar dari shell (sama dengan quit)

en: assertion failed: {1} {2} {3} is false (left is '{4}', right is '{5}')
id: asersi gagal: {1} {2} {3} bernilai salah (kiri '{4}', kanan '{5}')

en: bad value '{1}' for {2}: expected on or off
id: nilai '{1}' untuk {2} salah: seharusnya on atau off

en: 'set {1}' needs a value
id: 'set {1}' memerlukan nilai

en: bad format '{1}': expected table, json, jsonl or csv
id: format '{1}' salah: seharusnya table, json, jsonl atau csv

en: bad color '{1}': expected auto, always or never
id: warna '{1}' salah: seharusnya auto, always atau never

en: the operator's name cannot be empty
id: nama operator tidak boleh kosong

en: bad language '{1}': expected en or id
id: bahasa '{1}' salah: seharusnya en atau id

en: unknown setting '{1}'
id: pengaturan '{1}' tidak dikenal

en: settings: {1}
id: pengaturan: {1}

en: --search needs a word
id: --search memerlukan sebuah kata

en: no command mentions '{1}'
id: tidak ada perintah yang memuat '{1}'

en: SUMMARY
id: RINGKASAN

en: MATCHES
id: KECOCOKAN

en: FAMILY
id: KELOMPOK

en: For one of them: help {1} SUB-COMMAND
id: Untuk salah satunya: help {1} SUB-COMMAND

en: did you mean 'help {1}'?
id: mungkin maksudnya 'help {1}'?

en: no command named '{1}'
id: tidak ada perintah bernama '{1}'

en: usage:
id: penggunaan:

en: arguments:
id: argumen:

en: flags:
id: opsi:

en: (default: {1})
id: (bawaan: {1})

en: (may be repeated)
id: (boleh diulang)

en: examples:
id: contoh:

en: TEXT
id: TEKS

en: NUMBER
id: ANGKA

en: YYYY-MM-DD
id: YYYY-MM-DD

en: {1}ID
id: {1}ID

en: WORD
id: KATA

en: CHANNEL|JID
id: SALURAN|JID

en: vacancies (formasi): add, set, announce, advance, close, list, show, optimize, results
id: formasi: add, set, announce, advance, close, list, show, optimize, results

en: final ranking: rank
id: peringkat akhir: rank

en: reports: funnel, sources, time-to-hire, response-times, complaints, cycle
id: laporan: funnel, sources, time-to-hire, response-times, complaints, cycle

en: named snapshots: save, list, restore, delete
id: snapshot bernama: save, list, restore, delete

en: the store: info, init, copy, check
id: penyimpanan: info, init, copy, check

en: rule settings: list, set
id: pengaturan kebijakan: list, set

en: recording a session as a script: start, stop
id: pencatatan sesi sebagai skrip: start, stop

en: '{1}' needs a sub-command: {2}
id: '{1}' memerlukan sub-perintah: {2}

en: see: help {1}
id: lihat: help {1}

en: did you mean '{1} {2}'?
id: mungkin maksudnya '{1} {2}'?

en: unknown sub-command '{1} {2}'
id: sub-perintah '{1} {2}' tidak dikenal

en: '{1}' has: {2}
id: '{1}' memiliki: {2}

en: unknown command '{1}'
id: perintah '{1}' tidak dikenal

en: type 'help' for the list of commands
id: ketik 'help' untuk daftar perintah

en: did you mean '--{1}'?
id: mungkin maksudnya '--{1}'?

en: '{1}' takes no flags
id: '{1}' tidak menerima opsi

en: unknown flag '--{1}' for '{2}'
id: opsi '--{1}' tidak dikenal untuk '{2}'

en: flag '--{1}' is given twice
id: opsi '--{1}' diberikan dua kali

en: flag '--{1}' is on or off, not '{2}'
id: opsi '--{1}' bernilai on atau off, bukan '{2}'

en: flag '--{1}' needs a value: --{2} {3}
id: opsi '--{1}' memerlukan nilai: --{2} {3}

en: unexpected argument '{1}' for '{2}'
id: argumen '{1}' berlebih untuk '{2}'

en: usage: {1}
id: penggunaan: {1}

en: '{1}' needs {2}
id: '{1}' memerlukan {2}

en: '{1}' needs --{2} {3}
id: '{1}' memerlukan --{2} {3}

en: bad number '{1}' for {2}: expected a whole number
id: angka '{1}' untuk {2} salah: seharusnya bilangan bulat

en: {1} must be from {2} to {3}, not {4}
id: {1} harus dari {2} sampai {3}, bukan {4}

en: bad number '{1}' for {2}: expected a decimal like 3.75
id: angka '{1}' untuk {2} salah: seharusnya bilangan desimal seperti 3.75

en: bad value '{1}' for {2}: expected one of {3}
id: nilai '{1}' untuk {2} salah: seharusnya salah satu dari {3}

en: bad {1} id '{2}': expected {3} and a number, like {4}1
id: id {1} '{2}' salah: seharusnya {3} diikuti angka, misalnya {4}1

en: add a member of staff; returns the id (E1, ...). A CPNS gets one year of probation
id: tambahkan pegawai; mengembalikan id (E1, ...). CPNS menjalani masa percobaan satu tahun

en: Nomor Induk Pegawai: 18 digits, unique
id: Nomor Induk Pegawai: 18 digit, unik

en: the full name
id: nama lengkap

en: the work unit, e.g. Disdukcapil
id: unit kerja, mis. Disdukcapil

en: the position (jabatan)
id: jabatan

en: the date of appointment
id: tanggal pengangkatan

en: pns, cpns (on probation) or pppk (contract)
id: pns, cpns (masa percobaan) atau pppk (perjanjian kerja)

en: list the staff, with status and probation
id: tampilkan daftar pegawai, dengan status dan masa percobaan

en: only this unit
id: hanya unit ini

en: one member of staff: probation, trainings, JP, mentoring and SKP
id: satu pegawai: masa percobaan, pelatihan, JP, mentoring, dan SKP

en: the employee
id: pegawai

en: add a training worth N JP (lesson hours); returns the id (T1, ...)
id: tambahkan pelatihan senilai N JP (jam pelajaran); mengembalikan id (T1, ...)

en: the training's name
id: nama pelatihan

en: what it develops
id: kompetensi yang dikembangkan

en: lesson hours (1 JP = 45 minutes) it is worth when passed
id: jam pelajaran (1 JP = 45 menit) yang diperoleh bila lulus

en: how it is given
id: cara penyelenggaraan

en: enrol an employee in a training
id: daftarkan pegawai ke pelatihan

en: EMPLOYEE
id: PEGAWAI

en: who takes it
id: pegawai yang mengikuti

en: TRAINING
id: PELATIHAN

en: the training
id: pelatihan

en: the date of enrolment
id: tanggal pendaftaran

en: record the result of an enrolment: --passed (earns its JP) or --failed
id: catat hasil keikutsertaan: --passed (memperoleh JP-nya) atau --failed

en: who took it
id: pegawai yang mengikuti

en: passed: the training's JP count
id: lulus: JP pelatihan diperhitungkan

en: did not pass
id: tidak lulus

en: the final score, 0-100
id: nilai akhir, 0-100

en: the date it was completed
id: tanggal selesai

en: each employee's JP for a year against the right to 20 JP, with the shortfall; binds the number short
id: JP tiap pegawai dalam setahun dibanding hak 20 JP, beserta kekurangannya; mengikat jumlah pegawai yang kurang

en: the calendar year
id: tahun kalender

en: this year
id: tahun ini

en: list the trainings, with enrolments and passes
id: tampilkan daftar pelatihan, dengan jumlah peserta terdaftar dan yang lulus

en: only this topic
id: hanya topik ini

en: a senior PNS mentors a newer member of staff; returns the id (M1, ...)
id: PNS senior membimbing pegawai yang lebih baru; mengembalikan id (M1, ...)

en: the senior
id: pegawai senior

en: who is guided
id: pegawai yang dibimbing

en: when it starts
id: tanggal mulai

en: when it is planned to end
id: rencana tanggal selesai

en: record a mentoring session; its minutes count towards the mentee's JP
id: catat sesi mentoring; menitnya diperhitungkan dalam JP mentee

en: the mentorship
id: mentoring

en: when it was held
id: tanggal pelaksanaan

en: how long
id: durasi (menit)

en: what it was about
id: pokok bahasan

en: end a mentorship, recording its outcome
id: akhiri mentoring dan catat hasilnya

en: what came of it
id: hasilnya

en: list mentorships with their sessions and minutes
id: tampilkan daftar mentoring beserta sesi dan menitnya

en: only this mentor's
id: hanya mentoring oleh mentor ini

en: only those still running
id: hanya yang masih berjalan

en: CPNS hired more than 30 days ago (policy mentor-gap-days) with no mentor; binds the count
id: CPNS yang diangkat lebih dari 30 hari lalu (kebijakan mentor-gap-days) tanpa mentor; mengikat jumlahnya

en: record a year's performance appraisal (SKP) and its predicate; returns the id (SKP1, ...)
id: catat penilaian kinerja tahunan (SKP) beserta predikatnya; mengembalikan id (SKP1, ...)

en: who is appraised
id: pegawai yang dinilai

en: the year appraised
id: tahun yang dinilai

en: work result against expectation
id: hasil kerja dibanding ekspektasi

en: work behaviour against expectation
id: perilaku kerja dibanding ekspektasi

en: list appraisals with their predicates
id: tampilkan daftar penilaian beserta predikatnya

en: only this year
id: hanya tahun ini

en: no employee '{1}'
id: tidak ada pegawai '{1}'

en: no {1} '{2}'
id: tidak ada {1} '{2}'

en: NIP {1} belongs to {2} ({3}) already
id: NIP {1} sudah dimiliki {2} ({3})

en: --since {1} is not after the birth date in the NIP ({2})
id: --since {1} tidak lebih lambat dari tanggal lahir dalam NIP ({2})

en: added as {1} in {2}
id: ditambahkan sebagai {1} di {2}

en: employee {1} added: {2}, {3}, {4}, {5}
id: pegawai {1} ditambahkan: {2}, {3}, {4}, {5}

en: , probation until {1}
id: , masa percobaan sampai {1}

en: NIP
id: NIP

en: UNIT
id: UNIT

en: POSITION
id: JABATAN

en: STATUS
id: STATUS

en: SINCE
id: SEJAK

en: PROBATION ENDS
id: AKHIR MASA PERCOBAAN

en: {1} {2} ({3} JP): 
id: {1} {2} ({3} JP): 

en: passed {1}
id: lulus {1}

en: failed {1}
id: tidak lulus {1}

en: enrolled {1}
id: terdaftar {1}

en: , score {1}
id: , nilai {1}

en: closed {1}
id: ditutup {1}

en: ended {1}
id: berakhir {1}

en: {1}: {2} (result {3}, behaviour {4})
id: {1}: {2} (hasil {3}, perilaku {4})

en: until {1}
id: sampai {1}

en: JP this year
id: JP tahun ini

en: JP target
id: target JP

en: mentored by
id: dibimbing oleh

en: SKP
id: SKP

en: training added: {1}, {2}, {3} JP
id: pelatihan ditambahkan: {1}, {2}, {3} JP

en: {1} is enrolled in {2} already ({3}, since {4})
id: {1} sudah terdaftar di {2} ({3}, sejak {4})

en: record the result: training complete {1} {2} --passed
id: catat hasilnya: training complete {1} {2} --passed

en: {1} passed {2} already, on {3}
id: {1} sudah lulus {2}, pada {3}

en: {1} is in the future
id: {1} adalah tanggal yang akan datang

en: the session's date is {1} (set today DATE)
id: tanggal hari ini dalam sesi: {1} (set today DATE)

en: {1} is before {2} joined ({3})
id: {1} sebelum {2} bergabung ({3})

en: {1} enrolled in {2}
id: {1} terdaftar di {2}

en: {1} ({2}) enrolled in {3} {4} as {5}
id: {1} ({2}) terdaftar di {3} {4} sebagai {5}

en: give --passed or --failed, not both
id: gunakan --passed atau --failed, jangan keduanya

en: give the result: --passed or --failed
id: sertakan hasilnya: --passed atau --failed

en: {1} is not enrolled in {2}
id: {1} tidak terdaftar di {2}

en: enrol first: training enroll {1} {2}
id: daftarkan terlebih dahulu: training enroll {1} {2}

en: {1} is before the enrolment ({2})
id: {1} sebelum tanggal pendaftaran ({2})

en: : +{1} JP in {2}
id: : +{1} JP pada tahun {2}

en: JP
id: JP

en: TARGET
id: TARGET

en: SHORTFALL
id: KEKURANGAN

en: no employees in {1}
id: tidak ada pegawai pada tahun {1}

en: {1}: everyone has {2} JP
id: {1}: semua pegawai sudah mencapai {2} JP

en: {1}: {2} of {3} below {4} JP: {5}
id: {1}: {2} dari {3} di bawah {4} JP: {5}

en: TITLE
id: JUDUL

en: TOPIC
id: TOPIK

en: MODE
id: MODA

en: ENROLLED
id: TERDAFTAR

en: PASSED
id: LULUS

en: the mentorship would end ({1}) before it starts ({2})
id: mentoring akan berakhir ({1}) sebelum dimulai ({2})

en: {1} mentors {2} already ({3})
id: {1} sudah menjadi mentor {2} ({3})

en: cannot assign: {1}
id: tidak dapat menetapkan mentor: {1}

en: active: {1}; close one (mentor close M) or raise the policy (policy set mentor-capacity N)
id: aktif: {1}; tutup salah satu (mentor close M) atau naikkan kebijakan (policy set mentor-capacity N)

en: {1} mentors {2} from {3}
id: {1} menjadi mentor {2} sejak {3}

en: mentorship {1}: {2} {3} mentors {4} {5} from {6}
id: mentoring {1}: {2} {3} menjadi mentor {4} {5} sejak {6}

en:  to {1}
id:  sampai {1}

en: {1} was closed on {2}
id: {1} telah ditutup pada {2}

en: {1} is before {2} starts ({3})
id: {1} sebelum {2} dimulai ({3})

en: {1} is after {2} ends ({3})
id: {1} setelah {2} berakhir ({3})

en: mentoring session {1}
id: sesi mentoring {1}

en: {1}: session {2} on {3}, {4} min; {5} min in all
id: {1}: sesi {2} pada {3}, {4} menit; total {5} menit

en: {1} was closed already, on {2}
id: {1} sudah ditutup pada {2}

en: mentorship closed
id: mentoring ditutup

en: {1} closed on {2} after {3} session{4} ({5} min)
id: {1} ditutup pada {2} setelah {3} sesi ({5} menit)

en: MENTOR
id: MENTOR

en: MENTOR NAME
id: NAMA MENTOR

en: MENTEE
id: MENTEE

en: MENTEE NAME
id: NAMA MENTEE

en: FROM
id: DARI

en: TO
id: SAMPAI

en: SESSIONS
id: SESI

en: MINUTES
id: MENIT

en: STATE
id: STATUS

en: DAYS WITHOUT MENTOR
id: HARI TANPA MENTOR

en: no CPNS has gone more than {1} days without a mentor
id: tidak ada CPNS yang lebih dari {1} hari tanpa mentor

en: period {1} has not started yet
id: periode {1} belum dimulai

en: {1} joined on {2}, after period {3}
id: {1} bergabung pada {2}, setelah periode {3}

en: {1} has an SKP for {2} already ({3}: {4})
id: {1} sudah memiliki SKP untuk {2} ({3}: {4})

en: one appraisal per employee and period
id: satu penilaian per pegawai per periode

en: SKP {1}: {2}
id: SKP {1}: {2}

en: {1}: {2} ({3}) SKP {4}: {5}
id: {1}: {2} ({3}) SKP {4}: {5}

en: PERIOD
id: PERIODE

en: RESULT
id: HASIL

en: BEHAVIOUR
id: PERILAKU

en: PREDICATE
id: PREDIKAT

en: satisfaction surveys (IKM): add, response, import, ikm, sample, compare, list, trend
id: survei kepuasan (IKM): add, response, import, ikm, sample, compare, list, trend

en: open a satisfaction survey of a unit for a period; returns its id (SV1, ...)
id: buka survei kepuasan suatu unit untuk satu periode; mengembalikan id-nya (SV1, ...)

en: the service unit
id: unit layanan

en: the period, e.g. 2026-S1
id: periode, mis. 2026-S1

en: people served in the period, for the minimum sample
id: jumlah orang yang dilayani dalam periode, untuk sampel minimum

en: record one respondent's nine scores (1-4)
id: catat sembilan nilai (1-4) dari satu responden

en: SURVEY
id: SURVEI

en: SV
id: SV

en: the survey
id: survei

en: add responses from a CSV file of nine columns (a header is optional); all or nothing
id: tambahkan jawaban dari berkas CSV sembilan kolom (baris judul opsional); semua atau tidak sama sekali

en: the CSV file
id: berkas CSV

en: the IKM: NRR per element, IKM on 1-4, the converted score and grade; binds the score
id: IKM: NRR per unsur, IKM skala 1-4, nilai konversi dan mutu; mengikat nilai konversi

en: the Krejcie-Morgan minimum number of respondents for a population
id: jumlah minimum responden menurut Krejcie-Morgan untuk suatu populasi

en: people served
id: jumlah orang yang dilayani

en: the change per element and overall between two surveys
id: perubahan per unsur dan secara keseluruhan antara dua survei

en: BEFORE
id: SEBELUM

en: the earlier survey
id: survei sebelumnya

en: AFTER
id: SESUDAH

en: the later survey
id: survei sesudahnya

en: list the surveys with their scores
id: tampilkan daftar survei beserta nilainya

en: a unit's IKM over its surveys, as a sparkline on a terminal
id: IKM suatu unit dari survei ke survei, sebagai sparkline di terminal

en: the unit
id: unit

en: record a task of a position: its yearly volume and standard minutes
id: catat tugas suatu jabatan: volume per tahun dan menit standarnya

en: the position
id: jabatan

en: the task
id: tugas

en: how many a year
id: berapa kali per tahun

en: standard minutes for one
id: menit standar untuk satu kali

en: staff needed = sum of volume x minutes / effective minutes; binds the rounded figure
id: kebutuhan pegawai = jumlah volume x menit / menit efektif; mengikat angka yang dibulatkan

en: current staff
id: pegawai saat ini

en: the employees holding the position
id: pegawai yang menduduki jabatan tersebut

en: turn findings (IKM grade D, late services, overdue complaints, forum advice) into actions
id: ubah temuan (IKM mutu D, layanan terlambat, pengaduan lewat tenggat, saran forum) menjadi tindak lanjut

en: list the actions
id: tampilkan daftar tindak lanjut

en: only open actions
id: hanya tindak lanjut yang terbuka

en: mark an action done
id: tandai tindak lanjut sebagai selesai

en: AC
id: AC

en: the action
id: tindak lanjut

en: create the draft vacancy or the training enrolments an action proposes
id: buat draf formasi atau pendaftaran pelatihan yang diusulkan suatu tindak lanjut

en: the whole loop for a unit: IKM now and before, response times, actions, training, vacancies
id: siklus lengkap suatu unit: IKM kini dan sebelumnya, waktu penyelesaian, tindak lanjut, pelatihan, formasi

en: no survey '{1}'
id: tidak ada survei '{1}'

en: warning: {1} holds {2}; a population of {3} needs at least {4} (Krejcie-Morgan)
id: peringatan: {1} berisi {2}; populasi {3} memerlukan sedikitnya {4} (Krejcie-Morgan)

en: {1} already has a survey for {2}
id: {1} sudah memiliki survei untuk {2}

en: survey opened for {1}, {2}
id: survei dibuka untuk {1}, {2}

en: survey {1} added
id: survei {1} ditambahkan

en: response {1} recorded
id: jawaban {1} tercatat

en: line {1}: {2} columns, expected 9
id: baris {1}: {2} kolom, seharusnya 9

en: line {1}, column {2}: '{3}' is not a score from 1 to 4
id: baris {1}, kolom {2}: '{3}' bukan nilai 1 sampai 4

en: {1} has {2} bad row{3}, so none was taken: {4}{5}
id: {1} memiliki {2} baris yang salah sehingga tidak ada yang diimpor: {4}{5}

en: {1} holds no responses
id: {1} tidak berisi jawaban

en: {1} responses imported from {2}
id: {1} jawaban diimpor dari {2}

en: {1}: {2} responses imported, {3} in all
id: {1}: {2} jawaban diimpor, total {3}

en: {1} has no responses yet
id: {1} belum memiliki jawaban

en: ELEMENT
id: UNSUR

en: NRR
id: NRR

en: SCORE
id: NILAI

en: GRADE
id: MUTU

en: {1} {2} {3}: {4} respondents, IKM {5}, score {6}, grade {7} ({8})
id: {1} {2} {3}: {4} responden, IKM {5}, nilai {6}, mutu {7} ({8})

en: minimum respondents
id: responden minimum

en: IKM
id: IKM

en: CHANGE
id: PERUBAHAN

en: RESPONDENTS
id: RESPONDEN

en: {1} has no survey with responses
id: {1} tidak memiliki survei yang berisi jawaban

en: no workload tasks recorded for '{1}'
id: tidak ada tugas beban kerja yang tercatat untuk '{1}'

en: did you mean '{1}'?
id: mungkin maksudnya '{1}'?

en: record them with: workload task --position ...
id: catat dengan: workload task --position ...

en: minutes of work a year
id: menit kerja per tahun

en: effective minutes per person
id: menit efektif per orang

en: staff needed
id: kebutuhan pegawai

en: rounded ({1})
id: dibulatkan ({1})

en: ikm:{1}:{2}
id: ikm:{1}:{2}

en: IKM element {1} ({2}) is in grade D
id: unsur IKM {1} ({2}) bermutu D

en: late:{1}
id: late:{1}

en: {1} {2} finishes {3}% of requests later than its standard
id: {1} {2} menyelesaikan {3}% permohonan lebih lambat dari standarnya

en: {1} of {2} requests over {3} days; median {4} days; threshold {5}%
id: {1} dari {2} permohonan melebihi {3} hari; median {4} hari; ambang {5}%

en: (no unit)
id: (tanpa unit)

en: complaint:{1}:{2}
id: complaint:{1}:{2}

en: complaint {1} missed its {2} deadline
id: pengaduan {1} melewati tenggat {2}

en: , still open
id: , masih terbuka

en: (all units)
id: (semua unit)

en: forum:{1}:{2}
id: forum:{1}:{2}

en: forum {1} recommends: {2}
id: forum {1} merekomendasikan: {2}

en: {1}, {2}, {3} participants; issue: {4}
id: {1}, {2}, {3} peserta; isu: {4}

en: workload of {1}: {2} staff needed, {3} in post, gap {4}
id: beban kerja {1}: kebutuhan {2} pegawai, yang ada {3}, selisih {4}

en: no positions recorded for it
id: tidak ada jabatan yang tercatat untuknya

en: staff suffice by workload ({1})
id: pegawai mencukupi menurut beban kerja ({1})

en: {1} training
id: pelatihan {1}

en: ACTION
id: TINDAK LANJUT

en: FINDING
id: TEMUAN

en: DECISION
id: KEPUTUSAN

en: PROPOSAL
id: USULAN

en: EVIDENCE
id: BUKTI

en: no new findings
id: tidak ada temuan baru

en: SEATS
id: FORMASI

en: no action '{1}'
id: tidak ada tindak lanjut '{1}'

en: {1} is done already
id: {1} sudah selesai

en: {1} is {2}: only an open action is applied
id: {1} berstatus {2}: hanya tindak lanjut yang terbuka yang dapat diterapkan

en: opened in draft by {1}
id: dibuka sebagai draf oleh {1}

en: draft vacancy {1}
id: formasi draf {1}

en: applied: draft vacancy {1}
id: diterapkan: formasi draf {1}

en: {1}: draft vacancy {2} opened for {3} {4} in {5}; announce it when ready
id: {1}: formasi draf {2} dibuka untuk {3} {4} di {5}; umumkan jika sudah siap

en: there is no {1} training to enrol staff in
id: tidak ada pelatihan {1} untuk mendaftarkan pegawai

en: add one: training add --title "..." --topic {1} --jp 8
id: tambahkan pelatihan: training add --title "..." --topic {1} --jp 8

en: applied: {1}
id: diterapkan: {1}

en: no one new to enrol
id: tidak ada pegawai baru

en: {1}: {2} enrolled in {3} {4}
id: {1}: {2} terdaftar di {3} {4}

en: late:
id: late:

en: IKM now
id: IKM terkini

en: IKM before
id: IKM sebelumnya

en: {1} {2}: {3} ({4}); change {5}{6}
id: {1} {2}: {3} ({4}); perubahan {5}{6}

en: elements in D
id: unsur bermutu D

en: no finished requests (standard {1} days)
id: belum ada permohonan selesai (standar {1} hari)

en: service:{1}
id: service:{1}

en: open actions
id: tindak lanjut terbuka

en: applied actions
id: tindak lanjut yang diterapkan

en: training JP {1}
id: JP pelatihan {1}

en: no staff
id: tidak ada pegawai

en: {1} staff, mean {2} JP, {3} below {4}
id: {1} pegawai, rata-rata {2} JP, {3} di bawah {4}

en: open vacancies
id: formasi terbuka

en: the rule settings, their values and defaults
id: pengaturan kebijakan, nilai, dan bawaannya

en: POLICY
id: KEBIJAKAN

en: DEFAULT
id: BAWAAN

en: MEANING
id: ARTI

en: change a rule setting (recorded in the audit trail); 'default' restores it
id: ubah pengaturan kebijakan (tercatat di jejak audit); 'default' mengembalikan nilai bawaannya

en: the policy
id: kebijakan

en: its new value, or default
id: nilai barunya, atau default

en: policy:{1}
id: policy:{1}

en: policy {1} set
id: kebijakan {1} ditetapkan

en: record a job fair held with schools or universities; returns its id (J1, ...)
id: catat bursa kerja bersama sekolah atau perguruan tinggi; mengembalikan id-nya (J1, ...)

en: the fair's name
id: nama bursa kerja

en: when it is held
id: tanggal pelaksanaan

en: a school or university taking part
id: sekolah atau perguruan tinggi peserta

en: promote a vacancy at a job fair
id: promosikan formasi di bursa kerja

en: JOBFAIR
id: JOBFAIR

en: the job fair
id: bursa kerja

en: VACANCY
id: FORMASI

en: the vacancy
id: formasi

en: list the job fairs
id: tampilkan daftar bursa kerja

en: an applicant applies to an announced, open vacancy; returns the application id (P1, ...)
id: pelamar melamar formasi yang sudah diumumkan dan terbuka; mengembalikan id lamaran (P1, ...)

en: APPLICANT
id: PELAMAR

en: who applies
id: pelamar

en: to what
id: formasi yang dilamar

en: where they heard of it: {1}, or a job fair id
id: sumber informasi: {1}, atau id bursa kerja

en: the date of the application
id: tanggal lamaran

en: list applications, with their stage
id: tampilkan daftar lamaran beserta tahapnya

en: only this vacancy
id: hanya formasi ini

en: show one application and its results
id: tampilkan satu lamaran beserta hasilnya

en: the application
id: lamaran

en: record administrative screening: --pass (MS) or --fail --reason (TMS); --objection within the window
id: catat hasil seleksi administrasi: --pass (MS) atau --fail --reason (TMS); --objection dalam masa sanggah

en: meets the requirements (MS)
id: memenuhi syarat (MS)

en: does not (TMS); needs --reason
id: tidak memenuhi syarat (TMS); wajib disertai --reason

en: why it fails, or the objection's grounds
id: alasan tidak memenuhi syarat, atau dasar sanggahan

en: decide an objection to the result, within the objection window
id: putuskan sanggahan atas hasil, dalam masa sanggah

en: record SKD scores (TWK 0-150, TIU 0-175, TKP 0-225), or --absent
id: catat nilai SKD (TWK 0-150, TIU 0-175, TKP 0-225), atau --absent

en: Tes Wawasan Kebangsaan
id: Tes Wawasan Kebangsaan

en: Tes Intelegensia Umum
id: Tes Intelegensia Umum

en: Tes Karakteristik Pribadi
id: Tes Karakteristik Pribadi

en: did not sit the test
id: tidak mengikuti tes

en: the test date
id: tanggal tes

en: rank SKD results, apply the pass marks and the SKB quota; binds the number going on
id: urutkan hasil SKD, terapkan nilai ambang batas dan kuota SKB; mengikat jumlah peserta yang lanjut

en: record one panel member's interview sheet (items 1-5)
id: catat lembar wawancara dari satu anggota panel (nilai butir 1-5)

en: the panel member
id: anggota panel

en: rubric item, 1-5
id: butir rubrik, 1-5

en: ITEM=N for an item of a custom rubric
id: ITEM=N untuk butir rubrik khusus

en: a comment or recommendation
id: catatan atau rekomendasi

en: the interview date
id: tanggal wawancara

en: record SKB scores: CAT raw score, practical and certificate on 0-100; or --absent
id: catat nilai SKB: nilai mentah CAT, praktik dan sertifikat pada skala 0-100; atau --absent

en: CAT raw score, 0 to the vacancy's CAT maximum
id: nilai mentah CAT, 0 hingga maksimum CAT formasi

en: practical test, 0-100
id: tes praktik, 0-100

en: certificate score, 0-100
id: nilai sertifikat, 0-100

en: did not sit SKB
id: tidak mengikuti SKB

en: final = 40% SKD + 60% SKB, ranked with the national tie-breaks; binds the number passed
id: nilai akhir = 40% SKD + 60% SKB, diurutkan dengan penentu peringkat sama sesuai ketentuan nasional; mengikat jumlah yang lulus

en: appoint a candidate who passed: creates an employee (CPNS, 1 year of probation)
id: angkat peserta yang lulus: membuat data pegawai (CPNS, masa percobaan 1 tahun)

en: the appointment date
id: tanggal pengangkatan

en: the recorded trail of changes of a record, or of a whole vacancy
id: jejak perubahan yang tercatat untuk satu data, atau untuk seluruh formasi

en: a record id (P1, V1, A1, J1, E1)
id: id data (P1, V1, A1, J1, E1)

en: every change in this vacancy's round
id: setiap perubahan dalam putaran seleksi formasi ini

en: no application '{1}'
id: tidak ada lamaran '{1}'

en: move it on with 'vacancy advance {1}' when {2} is complete
id: majukan dengan 'vacancy advance {1}' setelah tahap {2} selesai

en: cannot {1}: {2} is in {3}, not {4}
id: tidak dapat {1}: {2} berada di tahap {3}, bukan {4}

en: --institution cannot be empty
id: --institution tidak boleh kosong

en: job fair recorded
id: bursa kerja tercatat

en: job fair
id: bursa kerja

en: no job fair '{1}'
id: tidak ada bursa kerja '{1}'

en: {1} is already promoted at {2}
id: {1} sudah dipromosikan di {2}

en: {1} is in {2}: registration is over
id: {1} berada di tahap {2}: pendaftaran sudah berakhir

en: promotes {1}
id: mempromosikan {1}

en: {1} is promoted at {2} ({3}, {4})
id: {1} dipromosikan di {2} ({3}, {4})

en: DATE
id: TANGGAL

en: INSTITUTIONS
id: LEMBAGA

en: VACANCIES
id: FORMASI

en: {1} is not open for applications: it is in {2}
id: {1} tidak menerima lamaran: berada di tahap {2}

en: announce it first: vacancy announce {1} --channel portal
id: umumkan terlebih dahulu: vacancy announce {1} --channel portal

en: {1} takes applications from {2} to {3}, not on {4}
id: {1} menerima lamaran dari {2} sampai {3}, bukan pada {4}

en: {1} ({2}) already applied in this round, to {3} as {4}: one application per person
id: {1} ({2}) sudah melamar ke {3} dalam putaran ini, dengan lamaran {4}: satu lamaran per orang

en: none recorded
id: tidak tercatat

en: {1}'s qualification ({2}) does not meet {3}'s: {4}
id: kualifikasi {1} ({2}) tidak memenuhi syarat {3}: {4}

en: bad source '{1}': expected a channel ({2}) or a job fair id
id: sumber '{1}' tidak valid: harus berupa kanal ({2}) atau id bursa kerja

en: {1} applied to {2} on {3}
id: {1} melamar ke {2} pada {3}

en: hired ({1})
id: diangkat ({1})

en: passed (optimalisasi to {1})
id: lulus (optimalisasi ke {1})

en: screened out (TMS)
id: tidak lulus administrasi (TMS)

en: screened in (MS)
id: lulus administrasi (MS)

en: absent at SKD
id: tidak hadir pada SKD

en: SKD scored
id: nilai SKD tercatat

en: outside the SKB quota
id: di luar kuota SKB

en: below an SKD mark
id: di bawah nilai ambang batas SKD

en: in SKB
id: tahap SKB

en: absent at SKB
id: tidak hadir pada SKB

en: SKB scored
id: nilai SKB tercatat

en: SOURCE
id: SUMBER

en: APPLIED
id: TGL LAMAR

en: STAGE
id: TAHAP

en: MS (pass)
id: MS (lulus)

en: TMS (fail)
id: TMS (tidak lulus)

en: {1} on {2}{3}
id: {1} pada {2}{3}

en: SKD
id: SKD



en: TWK {1}, TIU {2}, TKP {3} = {4}, {5}
id: TWK {1}, TIU {2}, TKP {3} = {4}, {5}

en: panel members
id: anggota panel

en: SKB
id: SKB

en: CAT {1}/{2}
id: CAT {1}/{2}

en: practical {1}
id: praktik {1}

en: certificate {1}
id: sertifikat {1}

en: SKB scores
id: nilai SKB

en: {1} on {2}
id: {1} pada {2}

en: give exactly one of --pass or --fail
id: berikan tepat satu dari --pass atau --fail

en: {1} has no screening result to object to
id: {1} belum memiliki hasil seleksi administrasi untuk disanggah

en: {1}'s objection was decided on {2}: there is one objection per result
id: sanggahan {1} sudah diputuskan pada {2}: hanya satu sanggahan per hasil

en: the objection window for {1} closed on {2} ({3} days after the result of {4}); today is {5}
id: masa sanggah {1} berakhir pada {2} ({3} hari setelah hasil tanggal {4}); hari ini {5}

en: cannot decide an objection: {1} is in {2}, not screening
id: tidak dapat memutuskan sanggahan: {1} berada di tahap {2}, bukan screening

en: an objection that fails needs --reason TEXT
id: sanggahan yang ditolak wajib disertai --reason TEXT

en: {1} was screened on {2}: a result changes only by objection
id: {1} sudah diseleksi pada {2}: hasil hanya dapat diubah melalui sanggahan

en: a failed screening (TMS) needs --reason TEXT: applicants are told why
id: hasil seleksi administrasi TMS wajib disertai --reason TEXT: alasannya disampaikan kepada pelamar

en: objection decided: {1}
id: sanggahan diputuskan: {1}

en: TMS
id: TMS

en: screened: {1}
id: diseleksi: {1}

en: record SKD for {1}
id: mencatat SKD {1}

en: {1} did not pass screening: it takes no SKD
id: {1} tidak lulus seleksi administrasi: tidak dapat mengikuti SKD

en: --absent takes no scores
id: --absent tidak boleh disertai nilai

en: SKD needs all three scores: missing {1}
id: SKD memerlukan ketiga nilai: kurang {1}

en: or 'skd {1} --absent'
id: atau 'skd {1} --absent'

en: SKD recorded
id: SKD tercatat

en: SKD corrected
id: SKD dikoreksi

en: all marks passed
id: memenuhi semua nilai ambang batas

en: below the mark in {1}
id: di bawah nilai ambang batas {1}

en: {1}: SKD {2} ({3})
id: {1}: SKD {2} ({3})

en: {1}: absent at SKD
id: {1}: tidak hadir pada SKD

en: {1} is in {2}: SKD comes after screening
id: {1} berada di tahap {2}: SKD dilaksanakan setelah seleksi administrasi

en: RANK
id: PERINGKAT

en: APPLICATION
id: LAMARAN

en: TWK
id: TWK

en: TIU
id: TIU

en: TKP
id: TKP

en: TOTAL
id: JUMLAH

en: BELOW MARK
id: DI BAWAH AMBANG

en: {1} did not go on to SKB
id: {1} tidak lanjut ke SKB

en: bad --score '{1}': expected ITEM=N
id: --score '{1}' tidak valid: harus ITEM=N

en: '{1}' is not in {2}'s interview rubric ({3})
id: '{1}' tidak ada dalam rubrik wawancara {2} ({3})

en: the interview sheet needs every rubric item: missing {1}
id: lembar wawancara memerlukan semua butir rubrik: kurang {1}

en: give --{1} N
id: berikan --{1} N

en: give --score {1}=N
id: berikan --score {1}=N

en: interviewed by {1}
id: diwawancarai oleh {1}

en:  (it does not count in {1}'s SKB scheme {2})
id:  (tidak dihitung dalam skema SKB {1}: {2})

en: {1}: interview score {2} from {3} panel member{4}{5}
id: {1}: nilai wawancara {2} dari {3} anggota panel{5}

en: record SKB for {1}
id: mencatat SKB {1}

en: --cat must be from 0 to {1} ({2}'s CAT maximum), not {3}
id: --cat harus antara 0 dan {1} (maksimum CAT {2}), bukan {3}

en: --{1} must be from 0 to 100 with at most 2 decimals, not {2}
id: --{1} harus antara 0 dan 100 dengan paling banyak 2 desimal, bukan {2}

en: {1}'s SKB scheme ({2}) has no {3} test
id: skema SKB {1} ({2}) tidak memuat tes {3}

en: give at least one score: --cat, --practical or --certificate, or --absent
id: berikan minimal satu nilai: --cat, --practical atau --certificate, atau --absent

en: SKB recorded
id: SKB tercatat

en: SKB corrected
id: SKB dikoreksi

en: {1}: absent at SKB
id: {1}: tidak hadir pada SKB

en: {1}: SKB {2}
id: {1}: SKB {2}

en: {1}: SKB scores recorded (not complete yet for {2})
id: {1}: nilai SKB tercatat (belum lengkap untuk skema {2})

en: {1} is in {2}: the final ranking comes after SKB
id: {1} masih di tahap {2}: peringkat akhir disusun setelah SKB

en: FINAL
id: AKHIR

en: TIE-BREAK
id: PENENTU

en: {1} was hired already, as {2}
id: {1} sudah diangkat sebagai pegawai {2}

en: {1} has no final results yet (it is in {2})
id: {1} belum memiliki hasil akhir (masih di tahap {2})

en: did not reach the final ranking: {1}
id: tidak masuk peringkat akhir: {1}

en: see: final rank {1}
id: lihat: final rank {1}

en: hired as {1}
id: diangkat sebagai pegawai {1}

en: appointed {1} in {2}
id: diangkat sebagai {1} di {2}

en: {1} hired as {2}: {3}, {4}, {5}
id: {1} diangkat sebagai pegawai {2}: {3}, {4}, {5}

en: bad id '{1}': expected a record id like P1 or V1
id: id '{1}' tidak valid: harus berupa id data seperti P1 atau V1

en: no record '{1}'
id: tidak ada data '{1}'

en: give a record id, or --vacancy V
id: berikan id data, atau --vacancy V

en: BY
id: OLEH

en: RECORD
id: DATA

en: FIELD
id: KOLOM


en: per channel and job fair: applications, passes, hires, conversion to hire
id: per kanal dan bursa kerja: lamaran, kelulusan, pengangkatan, konversi ke pengangkatan

en: days from application to hire, and the time spent in each stage
id: hari dari lamaran hingga pengangkatan, dan waktu di tiap tahap

en: passed screening
id: lulus seleksi administrasi

en: sat the SKD
id: mengikuti SKD

en: passed the SKD marks
id: memenuhi nilai ambang batas SKD

en: went on to SKB
id: lanjut ke SKB

en: sat the SKB
id: mengikuti SKB

en: passed (with optimalisasi)
id: lulus (termasuk optimalisasi)

en: COUNT
id: JUMLAH

en: % OF APPLIED
id: % DARI LAMARAN

en: DROPPED
id: GUGUR

en: (not recorded)
id: (tidak tercatat)

en: APPLICATIONS
id: LAMARAN

en: PASSED SCREENING
id: LULUS ADMINISTRASI

en: PASSED SKD
id: LULUS SKD

en: HIRED
id: DIANGKAT

en: % TO HIRE
id: % DIANGKAT

en: application → hire
id: lamaran → pengangkatan

en: application → screening result
id: lamaran → hasil seleksi administrasi

en: screening result → SKD
id: hasil seleksi administrasi → SKD

en: SKD → SKB
id: SKD → SKB

en: SKB → appointment
id: SKB → pengangkatan

en: MEASURE
id: UKURAN

en: DAYS FROM
id: RENTANG HARI

en: MEDIAN
id: MEDIAN

en: MIN
id: MIN

en: MAX
id: MAKS

en: The longest wait (by median) is {1}: {2} days.
id: Waktu tunggu terlama (menurut median) ada pada {1}: {2} hari.

en: SEAT IN
id: FORMASI DI

en: FROM UNIT
id: DARI UNIT

en: no empty seats to fill
id: tidak ada formasi kosong untuk diisi

en: moved to an empty seat of {1} (optimalisasi)
id: dipindahkan ke formasi kosong {1} (optimalisasi)

en: empty seat filled by {1} from {2} (optimalisasi)
id: formasi kosong diisi oleh {1} dari {2} (optimalisasi)

en: {1} seat{2} filled
id: {1} formasi terisi

en: {1} has no final results yet: it is in {2}
id: {1} belum memiliki hasil akhir: masih di tahap {2}

en: failed (absent)
id: tidak lulus (tidak hadir)

en: passed (optimalisasi from {1})
id: lulus (optimalisasi dari {1})

en: --publish writes .csv or .md files, not '{1}'
id: --publish menulis berkas .csv atau .md, bukan '{1}'

en: cannot publish to '{1}': {2}
id: tidak dapat memublikasikan ke '{1}': {2}

en: {1} has no CAT score
id: {1} belum memiliki nilai CAT

en: {1} has no practical score
id: {1} belum memiliki nilai praktik

en: {1} has no certificate score
id: {1} belum memiliki nilai sertifikat

en: {1} has no interview score
id: {1} belum memiliki nilai wawancara

en: ; and {1} more
id: ; dan {1} lainnya

en: SKB scores are missing: {1}{2}
id: nilai SKB belum lengkap: {1}{2}

en: record them with 'skb P --cat N ...', or 'skb P --absent'
id: catat dengan 'skb P --cat N ...', atau 'skb P --absent'

en: record a public service and its standard completion time; returns its id (S1, ...)
id: catat layanan publik dan waktu penyelesaian standarnya; mengembalikan id-nya (S1, ...)

en: the service's name
id: nama layanan

en: the unit that serves it
id: unit kerja yang melayaninya

en: days from request to completion the service standard allows
id: batas hari dari permohonan hingga selesai menurut standar layanan

en: a position (jabatan) of the staff who serve it
id: jabatan pegawai yang melayaninya

en: list the services with their standards and requests
id: tampilkan daftar layanan beserta standar dan permohonannya

en: record a request for a service; returns its id (R1, ...)
id: catat permohonan layanan; mengembalikan id-nya (R1, ...)

en: SERVICE
id: LAYANAN

en: the service
id: layanan

en: when it came in
id: tanggal diterima

en: when it was finished
id: tanggal selesai

en: record that a request was finished
id: catat bahwa permohonan telah selesai

en: REQUEST
id: PERMOHONAN

en: the request
id: permohonan

en: per service: finished requests, median days, and the share later than the standard
id: per layanan: permohonan selesai, median hari, dan persentase yang melewati standar

en: only requests finished on or after this day
id: hanya permohonan yang selesai pada atau setelah tanggal ini

en: only requests finished on or before this day
id: hanya permohonan yang selesai pada atau sebelum tanggal ini

en: record a complaint about a service; returns its id (C1, ...)
id: catat pengaduan tentang layanan; mengembalikan id-nya (C1, ...)

en: the service complained about
id: layanan yang diadukan

en: how it came in (lapor is SP4N-LAPOR!)
id: kanal masuk pengaduan (lapor berarti SP4N-LAPOR!)

en: info request, simple complaint, dispute, or one needing a field check
id: permohonan informasi, pengaduan sederhana, sengketa, atau yang perlu pemeriksaan lapangan

en: record the first response to a complaint
id: catat tanggapan pertama atas pengaduan

en: COMPLAINT
id: PENGADUAN

en: the complaint
id: pengaduan

en: when it was answered
id: tanggal ditanggapi

en: record that a complaint was resolved
id: catat bahwa pengaduan telah diselesaikan

en: when it was resolved
id: tanggal diselesaikan

en: complaints past their response or resolution deadline, with the days late
id: pengaduan yang melewati tenggat tanggapan atau penyelesaian, dengan jumlah hari terlambat

en: record a discussion forum with the public; returns its id (F1, ...)
id: catat forum konsultasi publik; mengembalikan id-nya (F1, ...)

en: what it discussed
id: topik yang dibahas

en: how many took part
id: jumlah peserta

en: record an issue raised at a forum, and its recommendation
id: catat isu yang diangkat dalam forum, beserta rekomendasinya

en: FORUM
id: FORUM

en: the forum
id: forum

en: the issue raised
id: isu yang diangkat

en: what the forum recommends
id: rekomendasi forum

en: --{1} cannot be empty
id: --{1} tidak boleh kosong

en: --{1} {2} is after today ({3})
id: --{1} {2} jatuh setelah hari ini ({3})

en: --position cannot be empty
id: --position tidak boleh kosong

en: {1} already has a service '{2}': {3}
id: {1} sudah memiliki layanan '{2}': {3}

en: service recorded: {1}, standard {2} day{3}
id: layanan tercatat: {1}, standar {2} hari

en: STANDARD DAYS
id: HARI STANDAR

en: POSITIONS
id: JABATAN

en: REQUESTS
id: PERMOHONAN

en: OPEN
id: BELUM SELESAI

en: --done {1} is before --received {2}
id: --done {1} jatuh sebelum --received {2}

en: request for {1} received on {2}
id: permohonan untuk {1} diterima pada {2}

en: {1} was done already, on {2}
id: {1} sudah selesai pada {2}

en: {1} was received on {2}: it cannot be done on {3}
id: {1} diterima pada {2}: tidak dapat dinyatakan selesai pada {3}

en: --to {1} is before --from {2}
id: --to {1} jatuh sebelum --from {2}

en: STANDARD
id: STANDAR

en: FINISHED
id: SELESAI

en: MEDIAN DAYS
id: MEDIAN HARI

en: LATE
id: TERLAMBAT

en: % LATE
id: % TERLAMBAT

en: No service is late more often than the late-share setting ({1}%).
id: Tidak ada layanan dengan porsi terlambat di atas pengaturan late-share ({1}%).

en: Late more often than the late-share setting ({1}%): {2}.
id: Porsi terlambat di atas pengaturan late-share ({1}%): {2}.

en: {1} about {2} received on {3} by {4}
id: {1} tentang {2} diterima pada {3} melalui {4}

en: information request
id: permohonan informasi

en: complaint needing a field check
id: pengaduan yang perlu pemeriksaan lapangan

en: within the deadline of {1}, {2}
id: dalam tenggat {1}, {2}

en: {1} was responded to already, on {2}
id: {1} sudah ditanggapi pada {2}

en: {1} was resolved already, on {2}: a response after that is not a first response
id: {1} sudah diselesaikan pada {2}: tanggapan setelahnya bukan tanggapan pertama

en: {1} was received on {2}: it cannot be answered on {3}
id: {1} diterima pada {2}: tidak dapat ditanggapi pada {3}

en: {1} was resolved already, on {2}
id: {1} sudah diselesaikan pada {2}

en: {1} was received on {2}: it cannot be resolved on {3}
id: {1} diterima pada {2}: tidak dapat diselesaikan pada {3}

en: {1} was first answered on {2}: it cannot be resolved before that, on {3}
id: {1} pertama kali ditanggapi pada {2}: tidak dapat diselesaikan sebelum itu, pada {3}

en: KIND
id: JENIS

en: CHANNEL
id: KANAL

en: RECEIVED
id: DITERIMA

en: DEADLINE
id: TENGGAT

en: DONE
id: SELESAI

en: DAYS LATE
id: HARI TERLAMBAT

en: no complaint is past its deadline as of {1}
id: tidak ada pengaduan yang melewati tenggat per {1}

en: forum on {1}: {2}, {3} participant{4}
id: forum pada {1}: {2}, {3} peserta

en: issue {1} noted
id: isu {1} dicatat

en: fold the journal into the snapshot now
id: gabungkan jurnal ke dalam snapshot sekarang

en: saved: the snapshot holds every change up to change {1}
id: tersimpan: snapshot memuat setiap perubahan hingga perubahan {1}

en: nothing to save: the snapshot already holds every change up to change {1}
id: tidak ada yang perlu disimpan: snapshot sudah memuat setiap perubahan hingga perubahan {1}

en: letters, digits, '.', '_' or '-'
id: huruf, angka, '.', '_' atau '-'

en: snapshot '{1}' saved
id: snapshot '{1}' tersimpan

en: list the named snapshots
id: tampilkan daftar snapshot bernama

en: BYTES
id: BYTE

en: replace the current state with a named snapshot
id: ganti keadaan saat ini dengan snapshot bernama

en: the snapshot
id: snapshot

en: restored snapshot '{1}'
id: snapshot '{1}' dipulihkan

en: delete a named snapshot
id: hapus snapshot bernama

en: snapshot '{1}' deleted
id: snapshot '{1}' dihapus

en: where the store is, its sizes, record counts and journal length
id: lokasi penyimpanan, ukurannya, jumlah data, dan panjang jurnal

en: verify every file of the store
id: periksa setiap berkas penyimpanan

en: OK
id: OK

en: DETAIL
id: RINCIAN


en: SKB components and weights adding up to 100 (cat, practical, interview, certificate)
id: komponen dan bobot SKB yang berjumlah 100 (cat, practical, interview, certificate)

en: the CAT test's maximum raw score
id: nilai mentah maksimum tes CAT

en: how many times the seats go on to SKB
id: kelipatan jumlah formasi untuk peserta yang lanjut ke SKB

en: registration opens
id: pendaftaran dibuka

en: the day it is announced
id: hari formasi diumumkan

en: registration closes
id: pendaftaran ditutup

en: 14 days after it opens
id: 14 hari setelah dibuka

en: days after a screening result in which an objection may be lodged
id: jumlah hari setelah hasil seleksi administrasi untuk mengajukan sanggahan

en: open a vacancy in draft; returns its id (V1, V2, ...)
id: buka formasi baru sebagai draf; mengembalikan id-nya (V1, V2, ...)

en: the position, e.g. "Analis Kebijakan"
id: jabatan, mis. "Analis Kebijakan"

en: the work unit, e.g. Bappeda
id: unit kerja, mis. Bappeda

en: how many people to hire
id: jumlah orang yang akan diangkat

en: cpns (civil servant) or pppk (contract)
id: cpns (calon PNS) atau pppk (perjanjian kerja)

en: an accepted qualification: a level (S1, D3, ...) with an optional field
id: kualifikasi yang diterima: jenjang (S1, D3, ...) dengan jurusan opsional

en: change a vacancy's seats or settings, before its tests start
id: ubah jumlah formasi atau pengaturan lowongan sebelum tesnya dimulai

en: the work unit
id: unit kerja

en: an accepted qualification (replaces the list)
id: kualifikasi yang diterima (mengganti daftar)

en: announce a draft vacancy on channels and open registration
id: umumkan formasi draf di kanal dan buka pendaftaran

en: where it is announced
id: kanal pengumuman

en: move a vacancy to its next stage, once the current one is complete
id: majukan formasi ke tahap berikutnya setelah tahap saat ini selesai

en: close a vacancy after its final results
id: tutup formasi setelah hasil akhirnya keluar

en: list the vacancies
id: tampilkan daftar formasi

en: only vacancies in this stage
id: hanya formasi pada tahap ini

en: show one vacancy with its settings and counts
id: tampilkan satu formasi beserta pengaturan dan jumlahnya

en: offer empty seats to the best remaining candidates for the same position (optimalisasi); --apply to do it
id: tawarkan formasi kosong kepada peserta terbaik yang tersisa untuk jabatan yang sama (optimalisasi); --apply untuk menjalankannya

en: make the moves instead of only showing them
id: lakukan pemindahan, bukan hanya menampilkannya

en: the public announcement of final results, NIKs masked
id: pengumuman publik hasil akhir, NIK disamarkan

en: also write it to FILE (.csv or .md)
id: tulis juga ke FILE (.csv atau .md)

en: --{1} is {2} characters long; at most {3} are allowed
id: --{1} sepanjang {2} karakter; maksimal {3} karakter

en: --{1} holds control characters
id: --{1} berisi karakter kontrol


en: the {1} pass mark must be from 0 to {2}, not {3}
id: nilai ambang batas {1} harus dari 0 sampai {2}, bukan {3}

en: bad rubric '{1}': expected 1 to 12 different item names separated by commas
id: rubrik '{1}' tidak valid: harus berisi 1 sampai 12 nama butir berbeda yang dipisahkan koma

en: registration would close ({1}) before it opens ({2})
id: pendaftaran akan ditutup ({1}) sebelum dibuka ({2})

en: no vacancy '{1}'
id: tidak ada formasi '{1}'

en: opened in draft
id: dibuka sebagai draf

en: {1} is in {2}: its settings are fixed once the tests start
id: {1} berada di tahap {2}: pengaturannya tidak dapat diubah setelah tes dimulai

en: nothing to change: give at least one flag
id: tidak ada yang diubah: berikan minimal satu opsi

en: {1} already has applications: registration cannot open later than {2}
id: {1} sudah memiliki lamaran: pendaftaran tidak dapat dibuka setelah {2}

en: {1} is unchanged
id: {1} tidak berubah

en: settings changed
id: pengaturan diubah

en: {1} changed
id: {1} diubah

en: {1} is {2}, not a draft: it was announced already
id: {1} berstatus {2}, bukan draf: sudah diumumkan

en: registration would close on {1}, before today ({2})
id: pendaftaran akan ditutup pada {1}, sebelum hari ini ({2})

en: {1} announced on {2}; registration {3} to {4}
id: {1} diumumkan di {2}; pendaftaran {3} sampai {4}

en: {1} is a draft: announce it first
id: {1} masih draf: umumkan terlebih dahulu

en: registration for {1} is open until {2}; screening starts after it closes
id: pendaftaran {1} terbuka sampai {2}; seleksi administrasi dimulai setelah pendaftaran ditutup

en: {1} applications to screen
id: {1} lamaran siap diseleksi

en: application is
id: lamaran

en: applications are
id: lamaran

en: {1} not screened yet: {2}{3}
id: {1} belum diseleksi: {2}{3}

en: the objection window for screening results of {1} is open until {2}; SKD starts after it
id: masa sanggah atas hasil seleksi administrasi tanggal {1} berlangsung sampai {2}; SKD dimulai setelahnya

en: {1} of {2} passed screening
id: {1} dari {2} lulus seleksi administrasi

en: candidate has
id: peserta

en: candidates have
id: peserta

en: {1} no SKD result yet: {2}{3}
id: {1} belum memiliki hasil SKD: {2}{3}

en: record it with 'skd P --twk N --tiu N --tkp N', or 'skd P --absent'
id: catat dengan 'skd P --twk N --tiu N --tkp N', atau 'skd P --absent'

en: {1} goes on to SKB
id: {1} lanjut ke SKB

en: {1} go on to SKB
id: {1} lanjut ke SKB

en: {1} passed of {2}
id: {1} dari {2} lulus

en: {1} is closed
id: {1} sudah ditutup

en: advanced to {1}
id: dimajukan ke tahap {1}

en: {1} is in {2}: only a vacancy with final results can be closed
id: {1} berada di tahap {2}: hanya formasi dengan hasil akhir yang dapat ditutup

en: {1} closed
id: {1} ditutup

en: TYPE
id: JENIS

en: pass marks
id: nilai ambang batas

en: SKB scheme
id: skema SKB

en: CAT maximum
id: maksimum CAT

en: quota factor
id: faktor kuota

en: objection days
id: masa sanggah (hari)

en: admitted to SKB
id: lanjut ke SKB

en: job fairs
id: bursa kerja

en: records of this kind
id: data jenis ini

en: there are no {1} yet
id: belum ada {1}

en: the only {1} is {2}
id: satu-satunya {1} adalah {2}

en: {1} ids run from {2} to {3}
id: id {1} mulai dari {2} sampai {3}

en: bad date '{1}': expected YYYY-MM-DD, like 2026-01-31
id: tanggal '{1}' tidak valid: harus YYYY-MM-DD, seperti 2026-01-31

en: bad date '{1}': the year must be between 1900 and 2999
id: tanggal '{1}' tidak valid: tahun harus antara 1900 dan 2999

en: bad date '{1}': there is no month {2}
id: tanggal '{1}' tidak valid: tidak ada bulan {2}

en: bad date '{1}': {2} {3} has {4} days
id: tanggal '{1}' tidak valid: {2} {3} memiliki {4} hari

en: EN
id: EN

en: mentorship {1} 'sessions' is not a list
id: mentoring {1} 'sessions' bukan daftar

en: mentorship {1} session
id: sesi mentoring {1}

en: Sangat Baik
id: Sangat Baik

en: Kurang (misconduct)
id: Kurang (misconduct)

en: Butuh Perbaikan
id: Butuh Perbaikan

en: Sangat Kurang
id: Sangat Kurang

en: an SKP rating is below, meets or above, not '{1}'/'{2}'
id: nilai SKP harus below, meets atau above, bukan '{1}'/'{2}'

en: mentor and mentee are the same person ({1})
id: mentor dan mentee adalah orang yang sama ({1})

en: {1} ({2}) is not a senior: a mentor is a PNS, and {3} is {4}
id: {1} ({2}) bukan senior: mentor harus PNS, sedangkan {3} adalah {4}

en: {1} ({2}) is not a senior: still on probation until {3}
id: {1} ({2}) bukan senior: masih dalam masa percobaan sampai {3}

en: {1} ({2}) is not a senior: in service since {3}, not longer than {4} (since {5})
id: {1} ({2}) bukan senior: bekerja sejak {3}, tidak lebih lama dari {4} (sejak {5})

en: {1} ({2}) is at capacity: {3} active mentee{4}, the most is {5} (policy mentor-capacity)
id: {1} ({2}) kapasitasnya sudah penuh: {3} mentee aktif, maksimal {5} (kebijakan mentor-capacity)

en: bad NIP '{1}': a NIP has 18 digits, not {2} characters
id: NIP '{1}' tidak valid: NIP terdiri atas 18 digit, bukan {2} karakter

en: bad NIP '{1}': its first 8 digits are the birth date (YYYYMMDD), and {2} is not a date
id: NIP '{1}' tidak valid: 8 digit pertamanya adalah tanggal lahir (YYYYMMDD), dan {2} bukan tanggal

en: bad NIP '{1}': digits 9-14 are the month of appointment (YYYYMM), and {2} is not a month
id: NIP '{1}' tidak valid: digit 9-14 adalah bulan pengangkatan (YYYYMM), dan {2} bukan bulan

en: bad NIP '{1}': digit 15 is the sex, 1 or 2, not {2}
id: NIP '{1}' tidak valid: digit 15 adalah jenis kelamin, 1 atau 2, bukan {2}

en: completion time
id: waktu penyelesaian

en: service product
id: produk layanan

en: staff competence
id: kompetensi pelaksana

en: staff behaviour
id: perilaku pelaksana

en: complaint handling
id: penanganan pengaduan

en: Kurang Baik
id: Kurang Baik

en: Tidak Baik
id: Tidak Baik

en: survey score is not 1-4
id: nilai survei tidak dalam rentang 1-4

en: WT
id: WT

en: it has {1} digits
id: panjangnya {1} digit

en: it has characters that are not digits
id: ada karakter yang bukan digit

en: bad NIK '{1}': a NIK is exactly 16 digits, and {2}
id: NIK '{1}' tidak valid: NIK harus tepat 16 digit, sedangkan {2}

en: SD
id: SD

en: SMP
id: SMP

en: SMA
id: SMA

en: SMK
id: SMK

en: bad education '': expected a level such as S1 or D3
id: pendidikan '' tidak valid: harus berupa jenjang seperti S1 atau D3

en: bad education '{1}': '{2}' is not a level ({3})
id: pendidikan '{1}' tidak valid: '{2}' bukan jenjang ({3})

en: lesson hours (JP) of development each employee has the right to a year (PP 11/2017)
id: jam pelajaran (JP) pengembangan kompetensi yang menjadi hak setiap pegawai per tahun (PP 11/2017)

en: minutes in one JP
id: jumlah menit dalam satu JP

en: most mentees one mentor may guide at a time
id: jumlah maksimal mentee yang dapat dibimbing satu mentor sekaligus

en: days after hiring by which a new CPNS should have a mentor
id: batas hari setelah pengangkatan agar CPNS baru sudah memiliki mentor

en: days to the first response to a complaint (SP4N-LAPOR!)
id: hari hingga tanggapan pertama atas pengaduan (SP4N-LAPOR!)

en: days to resolve an information request
id: hari untuk menyelesaikan permohonan informasi

en: days to resolve a simple complaint
id: hari untuk menyelesaikan pengaduan sederhana

en: days to resolve a dispute without a field check
id: hari untuk menyelesaikan sengketa tanpa pemeriksaan lapangan

en: days to resolve a complaint that needs a field examination
id: hari untuk menyelesaikan pengaduan yang memerlukan pemeriksaan lapangan

en: how complaint deadlines count days: calendar or working (Monday to Friday)
id: cara menghitung hari untuk tenggat pengaduan: calendar atau working (Senin sampai Jumat)

en: percent of late requests above which a service is a finding
id: batas persentase permohonan terlambat; jika dilampaui, layanan menjadi temuan

en: effective working minutes a year, for workload analysis (ABK)
id: menit kerja efektif per tahun, untuk analisis beban kerja (ABK)

en: how staff needed is rounded: half-up, up or down
id: cara pembulatan kebutuhan pegawai: half-up, up atau down

en: {1} is calendar or working, not '{2}'
id: {1} harus calendar atau working, bukan '{2}'

en: {1} is half-up, up or down, not '{2}'
id: {1} harus half-up, up atau down, bukan '{2}'

en: {1} takes a whole number from 0 to 1000000, not '{2}'
id: {1} harus bilangan bulat dari 0 sampai 1000000, bukan '{2}'

en: {1} cannot be 0
id: {1} tidak boleh 0

en: {1} is a percent, 0 to 100
id: {1} harus berupa persen, 0 sampai 100

en: a fraction with denominator 0
id: pecahan dengan penyebut 0

en: vacancy state '{1}' is unknown
id: status formasi '{1}' tidak dikenal

en: {1} is not a JSON object
id: {1} bukan objek JSON

en: {1} has no '{2}'
id: {1} tidak memiliki '{2}'

en: {1} '{2}' is not a string
id: {1} '{2}' bukan string

en: {1} '{2}' is not an integer
id: {1} '{2}' bukan bilangan bulat

en: {1} '{2}' is not a list
id: {1} '{2}' bukan daftar

en: {1} '{2}' holds a non-string
id: {1} '{2}' berisi nilai yang bukan string

en: {1} '{2}' is not a date: '{3}'
id: {1} '{2}' bukan tanggal: '{3}'

en: {1} '{2}' is not a date
id: {1} '{2}' bukan tanggal

en: {1} '{2}' is not true or false
id: {1} '{2}' bukan true atau false

en: {1} '{2}' is not a decimal number
id: {1} '{2}' bukan bilangan desimal

en: bad SKB scheme '{1}': expected COMPONENT=WEIGHT pairs, like cat=60,practical=40
id: skema SKB '{1}' tidak valid: harus berupa pasangan COMPONENT=WEIGHT, seperti cat=60,practical=40

en: bad SKB component '{1}': expected {2}
id: komponen SKB '{1}' tidak valid: harus salah satu dari {2}

en: SKB weight of {1} must be from 1 to 100, not {2}
id: bobot SKB {1} harus dari 1 sampai 100, bukan {2}

en: SKB component {1} is given twice
id: komponen SKB {1} disebut dua kali

en: SKB weights add up to {1}, not 100: {2}
id: jumlah bobot SKB {1}, bukan 100: {2}

en: an SKB scheme needs the CAT test: {1}
id: skema SKB memerlukan tes CAT: {1}

en: CAT must weigh at least 50% of SKB, not {1}%: {2}
id: bobot CAT minimal 50% dari SKB, bukan {1}%: {2}

en: application {1} skd
id: SKD lamaran {1}

en: application {1} interview
id: wawancara lamaran {1}

en: application {1} interview scores are not an object
id: nilai wawancara lamaran {1} bukan objek

en: application {1} skb
id: SKB lamaran {1}

en: ,"changes":
id: ,"changes":

en: forum 'notes' is not a list
id: forum 'notes' bukan daftar

en: unterminated string: the '"' here is never closed
id: string tidak tertutup: '"' di sini tidak pernah ditutup

en: unterminated string: the "'" here is never closed
id: string tidak tertutup: "'" di sini tidak pernah ditutup

en: a '\' at the end of the input continues a line that never comes
id: '\' di akhir masukan melanjutkan baris yang tidak pernah ada

en: unterminated '${': expected '}' after the variable name
id: '${' tidak tertutup: harus ada '}' setelah nama variabel

en: bad variable name '{1}': names are letters, digits and '_', not starting with a digit
id: nama variabel '{1}' tidak valid: nama terdiri dari huruf, digit, dan '_', tidak diawali digit

en: kemuning: 
id: kemuning: 

en: error:
id: kesalahan:

en: included from {1}:{2}
id: disertakan dari {1}:{2}

en: hint:
id: petunjuk:

en: {1} {2} added
id: {1} {2} ditambahkan

en: (1 row)
id: (1 baris)

en: ({1} rows)
id: ({1} baris)

en: expected '=' after 'let {1}'
id: harus ada '=' setelah 'let {1}'

en: write it as: let {1} = VALUE
id: tulis sebagai: let {1} = VALUE

en: nothing to bind after 'let {1} ='
id: tidak ada nilai untuk diikat setelah 'let {1} ='

en: did you mean '${1}'?
id: mungkin maksudnya '${1}'?

en: unknown variable '${1}'
id: variabel '${1}' tidak dikenal

en: HOME
id: HOME

en: cannot read history file {1}: {2}
id: tidak dapat membaca berkas riwayat {1}: {2}

en: empty history file path
id: lokasi berkas riwayat kosong

en: is a directory
id: merupakan direktori

en: cannot create folder for history file {1}: {2}
id: tidak dapat membuat folder untuk berkas riwayat {1}: {2}

en: cannot create history file {1}: {2}
id: tidak dapat membuat berkas riwayat {1}: {2}

en: cannot write history file {1}: {2}
id: tidak dapat menulis berkas riwayat {1}: {2}

en: {1} is not a directory
id: {1} bukan direktori

en: cannot open history file {1}: {2}
id: tidak dapat membuka berkas riwayat {1}: {2}

en: cannot rewrite history file {1}: {2}
id: tidak dapat menulis ulang berkas riwayat {1}: {2}

en: already recording; stop with: record stop
id: pencatatan sudah berjalan; hentikan dengan: record stop

en: not recording; start with: record start FILE
id: pencatatan tidak berjalan; mulai dengan: record start FILE

en: cannot write the recording: {1}
id: tidak dapat menulis hasil pencatatan: {1}

en: internal error: {1}
id: kesalahan internal: {1}

en: internal error: the atomic run does not encode: {1}
id: kesalahan internal: eksekusi atomik tidak dapat dikodekan: {1}

en: '{1}' cannot run inside an atomic run: it writes the store directly
id: '{1}' tidak dapat dijalankan dalam eksekusi atomik: perintah ini menulis langsung ke penyimpanan

en: '{1}' gives no value to bind to {2}
id: '{1}' tidak menghasilkan nilai untuk diikat ke {2}

en: cannot run '{1}': it is a directory
id: tidak dapat menjalankan '{1}': merupakan direktori

en: no such file
id: berkas tidak ditemukan

en: cannot read {1} '{2}': {3}
id: tidak dapat membaca {1} '{2}': {3}

en: '{1}' is a binary file, not a script (a NUL byte on line {2})
id: '{1}' adalah berkas biner, bukan skrip (ada byte NUL di baris {2})

en: '{1}' is not valid UTF-8: byte 0x{2} at line {3}, column {4}
id: '{1}' bukan UTF-8 yang valid: byte 0x{2} di baris {3}, kolom {4}

en: output format: table, json, jsonl or csv
id: format keluaran: table, json, jsonl atau csv

en: colour: auto, always or never
id: warna: auto, always atau never

en: print each command before running it: on or off
id: cetak setiap perintah sebelum dijalankan: on atau off

en: go on after a failed command in a script: on or off
id: lanjutkan setelah perintah gagal dalam skrip: on atau off

en: the session's date, YYYY-MM-DD (or 'system')
id: tanggal sesi, YYYY-MM-DD (atau 'system')

en: the name recorded with each change
id: nama yang dicatat pada setiap perubahan

en: language of messages and help: en (English) or id (Bahasa Indonesia)
id: bahasa pesan dan bantuan: en (bahasa Inggris) atau id (Bahasa Indonesia)

en: store {1} is in use by process {2}
id: penyimpanan {1} sedang digunakan oleh proses {2}

en: store {1} is not writable: {2}
id: penyimpanan {1} tidak dapat ditulis: {2}

en: {1}:{2}: dropped a torn last line ({3} bytes): a change that was being written when the process stopped, never acknowledged
id: {1}:{2}: baris terakhir yang terpotong ({3} byte) dibuang: perubahan yang sedang ditulis saat proses berhenti, tidak pernah dikonfirmasi

en: {1}:{2}:{3}: corrupt snapshot: {4}; nothing was changed
id: {1}:{2}:{3}: snapshot rusak: {4}; tidak ada yang diubah

en: {1}:{2}:{3}: corrupt journal line: {4}; nothing was changed
id: {1}:{2}:{3}: baris jurnal rusak: {4}; tidak ada yang diubah

en: expected {"seq": N, "op": "...", "data": {...}}
id: seharusnya {"seq": N, "op": "...", "data": {...}}

en: no snapshot named '{1}'
id: tidak ada snapshot bernama '{1}'

en: this process ({1})
id: proses ini ({1})

en: mode is {1}, should be 600 (personal data)
id: mode {1}, seharusnya 600 (data pribadi)

en: ok: change {1}, {2}
id: ok: perubahan {1}, {2}

en: absent (empty store)
id: tidak ada (penyimpanan kosong)

en: ; torn last line {1} will be dropped
id: ; baris terakhir terpotong {1} akan dibuang

en: ok: {1} changes replay to change {2}{3}
id: ok: {1} perubahan diputar ulang hingga perubahan {2}{3}

en: cannot create directory
id: tidak dapat membuat direktori

en: cannot open
id: tidak dapat membuka

en: cannot read
id: tidak dapat membaca

en: cannot write
id: tidak dapat menulis

en: cannot create
id: tidak dapat membuat

en: cannot fsync
id: tidak dapat melakukan fsync

en: cannot rename onto
id: tidak dapat mengganti nama menjadi

en: {1} at line {2}, column {3} (byte {4})
id: {1} di baris {2}, kolom {3} (byte {4})

en: unexpected end of input
id: akhir masukan tidak terduga

en: invalid UTF-8
id: UTF-8 tidak valid

en: single-quoted strings are not allowed
id: string berkutip tunggal tidak diizinkan

en: {1}, found {2}
id: {1}, ditemukan {2}

en: unexpected character {1}
id: karakter tidak terduga {1}

en: trailing characters after JSON value
id: ada karakter tersisa setelah nilai JSON

en: invalid literal, expected '{1}'
id: literal tidak valid, seharusnya '{1}'

en: leading zeros are not allowed in numbers
id: angka tidak boleh diawali nol

en: expected digit after '-'
id: harus ada digit setelah '-'

en: expected digit after decimal point
id: harus ada digit setelah titik desimal

en: expected digit in exponent
id: harus ada digit pada eksponen

en: unterminated string
id: string tidak tertutup

en: unescaped control character in string
id: karakter kontrol tanpa escape dalam string

en: invalid \u escape: expected 4 hex digits
id: escape \u tidak valid: seharusnya 4 digit heksadesimal

en: lone surrogate in \u escape
id: surrogate tanpa pasangan dalam escape \u

en: invalid escape sequence
id: urutan escape tidak valid

en: nesting too deep (more than {1} levels)
id: susunan bersarang terlalu dalam (lebih dari {1} tingkat)

en: trailing comma in array
id: koma berlebih di akhir array

en: expected ',' or ']' after array element
id: harus ada ',' atau ']' setelah elemen array

en: expected string key or '}'
id: seharusnya kunci string atau '}'

en: expected string key
id: seharusnya kunci string

en: expected ':' after object key
id: harus ada ':' setelah kunci objek

en: trailing comma in object
id: koma berlebih di akhir objek

en: expected ',' or '}' after object member
id: harus ada ',' atau '}' setelah anggota objek

en: expected a JSON object
id: seharusnya objek JSON

en: batch change has no 'changes'
id: perubahan batch tidak memiliki 'changes'

en: batch change holds a malformed change
id: perubahan batch berisi perubahan yang formatnya salah

en: no vacancy {1} to change
id: tidak ada formasi {1} untuk diubah

en: no application {1} to change
id: tidak ada lamaran {1} untuk diubah

en: application {1} cannot change its vacancy or applicant
id: lamaran {1} tidak dapat mengubah formasi atau pelamarnya

en: job fair {1} exists already
id: bursa kerja {1} sudah ada

en: no job fair {1} to change
id: tidak ada bursa kerja {1} untuk diubah

en: no employee {1} to change
id: tidak ada pegawai {1} untuk diubah

en: {1} {2} exists already
id: {1} {2} sudah ada

en: no {1} {2} to change
id: tidak ada {1} {2} untuk diubah

en: policy change has no 'name'
id: perubahan kebijakan tidak memiliki 'name'

en: unknown change '{1}'
id: perubahan '{1}' tidak dikenal

en: a malformed audit entry
id: entri audit yang formatnya salah

en: a removal is undone by redo, not by undo
id: penghapusan dibatalkan dengan redo, bukan undo

en: a removal needs 'kind' and 'id'
id: penghapusan memerlukan 'kind' dan 'id'

en: no vacancy {1} to remove
id: tidak ada formasi {1} untuk dihapus

en: vacancy {1} has applications
id: formasi {1} memiliki lamaran

en: no applicant {1} to remove
id: tidak ada pelamar {1} untuk dihapus

en: applicant {1} has applications
id: pelamar {1} memiliki lamaran

en: no application {1} to remove
id: tidak ada lamaran {1} untuk dihapus

en: no job fair {1} to remove
id: tidak ada bursa kerja {1} untuk dihapus

en: no employee {1} to remove
id: tidak ada pegawai {1} untuk dihapus

en: no {1} {2} to remove
id: tidak ada {1} {2} untuk dihapus

en: {1} {2} appears twice
id: {1} {2} muncul dua kali

en: vacancy {1} exists already
id: formasi {1} sudah ada

en: applicant {1} exists already
id: pelamar {1} sudah ada

en: applicant {1} repeats the NIK of {2}
id: pelamar {1} memakai NIK yang sama dengan {2}

en: application {1} exists already
id: lamaran {1} sudah ada

en: application {1} names no known vacancy {2}
id: lamaran {1} merujuk formasi {2} yang tidak dikenal

en: application {1} names no known applicant {2}
id: lamaran {1} merujuk pelamar {2} yang tidak dikenal

en: employee {1} exists already
id: pegawai {1} sudah ada

en: bad id '{1}'
id: id '{1}' tidak valid

en: ,"tables":
id: ,"tables":

en: ,"policies":
id: ,"policies":

en: the snapshot has format version {1}, newer than this kemuning reads ({2}); upgrade kemuning to open it
id: snapshot memiliki versi format {1}, lebih baru dari yang dapat dibaca kemuning ini ({2}); perbarui kemuning untuk membukanya

en: this is not a kemuning snapshot (it has no "format")
id: ini bukan snapshot kemuning (tidak memiliki "format")

en: the snapshot has an unknown format version {1}
id: snapshot memiliki versi format {1} yang tidak dikenal

en: job fair {1} appears twice
id: bursa kerja {1} muncul dua kali

en: change '{1}' has no '{2}'
id: perubahan '{1}' tidak memiliki '{2}'

en: bad snapshot name '{1}': use up to 64 letters, digits, '.', '_' or '-', not starting with '.'
id: nama snapshot '{1}' tidak valid: gunakan paling banyak 64 huruf, angka, '.', '_' atau '-', tidak diawali '.'

en: nothing is persisted
id: tidak ada yang disimpan permanen

en: no snapshot named '{1}' in {2}
id: tidak ada snapshot bernama '{1}' di {2}

en: list them with: kemuning --store {1} -c 'snapshot list'
id: lihat daftarnya dengan: kemuning --store {1} -c 'snapshot list'

en: cannot make a scratch store in {1}
id: tidak dapat membuat penyimpanan sementara di {1}

en: (press a key)
id: (tekan sembarang tombol)

en: kemuning> {1}\n
id: kemuning> {1}\n

en: kemuning> 
id: kemuning> 

en: (back: undid {1})
id: (mundur: {1} dibatalkan)

en: (back: already at the start)
id: (mundur: sudah di awal)

en: (live: an ordinary prompt; Ctrl-D returns to the demo)
id: (langsung: prompt biasa; Ctrl-D kembali ke demo)

en: (back to the demo)
id: (kembali ke demo)

en: warning:
id: peringatan:

en: kemuning: {1} {2}\n
id: kemuning: {1} {2}\n

en: usage: kemuning [OPTIONS]                 the shell (reads a script from stdin when it is not a terminal)\n       kemuning [OPTIONS] run FILE...     run script files in order ('-' is stdin)\n       kemuning [OPTIONS] play FILE       present a demo: narration, commands typed out, then run\n                 [--step | --delay MS] [--speed CPS] [--from SNAPSHOT]\n       kemuning [OPTIONS] -c 'CMD; CMD'   run commands given here\n       kemuning run --check FILE...       check scripts without running them (also with -c or stdin)\n\noptions:\n  --store DIR          the store directory (default: $KEMUNING_STORE, else $XDG_DATA_HOME/kemuning,\n                       else ~/.local/share/kemuning)\n  --memory             keep nothing: no store is read or written\n  --format FORMAT      table, json, jsonl or csv (default: table)\n  --csv DIALECT        standard (RFC 4180, the default) or excel-id: ';', decimal commas and a\n                       byte-order mark, as Excel reads CSV where the decimal mark is a comma\n  --color WHEN         auto, always or never (default: auto; NO_COLOR and TERM=dumb turn it off)\n  --sync POLICY        always: fsync every change; batch: fsync within 100 ms and at the end\n                       (default: always at the prompt, batch for scripts)\n  --keep-going         in scripts, go on after a failed command (the exit code still says it failed)\n  --atomic             all or nothing: if any command fails, the store is left exactly as it was\n  --transcript FILE    write the commands that succeed to FILE (.kmn) and their output beside it (.out)\n  --check              run nothing: report every problem in the scripts and the files they source\n                       (exit 0 none, 1 only bad values, 2 any syntax problem)\n  --echo               print each command before running it\n  --var NAME=VALUE     set a variable (repeatable)\n  --no-history         do not read or write the history file\n  --lang LANG          en or id: the language of messages and help (default: $KEMUNING_LANG,\n                       else the locale: LANG=id_ID gives Bahasa Indonesia); names never change\n  --version            print the version\n  --help               print this help\n\nexit codes: 0 success, 1 a command failed, 2 bad invocation or syntax error,\n            3 store unavailable, 130 interrupted
id: penggunaan: kemuning [OPTIONS]                 shell (membaca skrip dari stdin jika bukan terminal)\n            kemuning [OPTIONS] run FILE...     jalankan berkas skrip secara berurutan ('-' adalah stdin)\n            kemuning [OPTIONS] play FILE       sajikan demo: narasi, perintah diketik, lalu dijalankan\n                      [--step | --delay MS] [--speed CPS] [--from SNAPSHOT]\n            kemuning [OPTIONS] -c 'CMD; CMD'   jalankan perintah yang diberikan di sini\n            kemuning run --check FILE...       periksa skrip tanpa menjalankannya (juga dengan -c atau stdin)\n\nopsi:\n  --store DIR          direktori penyimpanan (bawaan: $KEMUNING_STORE, jika tidak $XDG_DATA_HOME/kemuning,\n                       jika tidak ~/.local/share/kemuning)\n  --memory             tidak menyimpan apa pun: tidak ada penyimpanan yang dibaca atau ditulis\n  --format FORMAT      table, json, jsonl atau csv (bawaan: table)\n  --csv DIALECT        standard (RFC 4180, bawaan) atau excel-id: ';', koma desimal, dan\n                       byte-order mark, seperti Excel membaca CSV bila tanda desimalnya koma\n  --color WHEN         auto, always atau never (bawaan: auto; NO_COLOR dan TERM=dumb menonaktifkannya)\n  --sync POLICY        always: fsync setiap perubahan; batch: fsync dalam 100 ms dan di akhir\n                       (bawaan: always di prompt, batch untuk skrip)\n  --keep-going         dalam skrip, lanjutkan setelah perintah gagal (kode keluar tetap menyatakan gagal)\n  --atomic             semua atau tidak sama sekali: jika ada perintah gagal, penyimpanan tetap persis seperti semula\n  --transcript FILE    tulis perintah yang berhasil ke FILE (.kmn) dan keluarannya di sebelahnya (.out)\n  --check              tidak menjalankan apa pun: laporkan setiap masalah dalam skrip dan berkas yang dimuatnya\n                       (kode keluar 0 tanpa masalah, 1 hanya nilai salah, 2 ada masalah sintaks)\n  --echo               cetak setiap perintah sebelum dijalankan\n  --var NAME=VALUE     tetapkan variabel (dapat diulang)\n  --no-history         jangan baca atau tulis berkas riwayat\n  --lang LANG          en atau id: bahasa pesan dan bantuan (bawaan: $KEMUNING_LANG,\n                       jika tidak, locale: LANG=id_ID memilih Bahasa Indonesia); nama tidak diterjemahkan\n  --version            cetak versi\n  --help               cetak bantuan ini\n\nkode keluar: 0 berhasil, 1 perintah gagal, 2 pemanggilan salah atau kesalahan sintaks,\n             3 penyimpanan tidak tersedia, 130 dihentikan

en: Try 'kemuning --help'.
id: Coba 'kemuning --help'.

en: option '--{1}' needs a value
id: opsi '--{1}' memerlukan nilai

en: option '-c' needs commands, like: kemuning -c 'vacancy list'
id: opsi '-c' memerlukan perintah, misalnya: kemuning -c 'vacancy list'

en: unexpected argument '{1}'
id: argumen '{1}' tidak terduga

en: to run a script: kemuning run {1}
id: untuk menjalankan skrip: kemuning run {1}

en: bad --format '{1}': expected table, json, jsonl or csv
id: --format '{1}' tidak valid: seharusnya table, json, jsonl atau csv

en: bad --color '{1}': expected auto, always or never
id: --color '{1}' tidak valid: seharusnya auto, always atau never

en: bad --sync '{1}': expected always or batch
id: --sync '{1}' tidak valid: seharusnya always atau batch

en: bad --delay '{1}': milliseconds from 0 to 600000
id: --delay '{1}' tidak valid: milidetik dari 0 sampai 600000

en: bad --speed '{1}': characters a second, from 1 to 10000
id: --speed '{1}' tidak valid: karakter per detik, dari 1 sampai 10000

en: bad --var '{1}': expected NAME=VALUE
id: --var '{1}' tidak valid: seharusnya NAME=VALUE

en: bad --var name '{1}': names are letters, digits and '_', not starting with a digit
id: nama --var '{1}' tidak valid: nama terdiri dari huruf, digit, dan '_', tidak diawali digit

en: bad --lang '{1}': expected en or id
id: --lang '{1}' tidak valid: seharusnya en atau id

en: unknown option '{1}'
id: opsi '{1}' tidak dikenal

en: 'play' needs a script file: kemuning play FILE
id: 'play' memerlukan berkas skrip: kemuning play FILE

en: TERM
id: TERM

en: USER
id: USER

en: LOGNAME
id: LOGNAME

en: bad KEMUNING_TODAY '{1}': expected YYYY-MM-DD
id: KEMUNING_TODAY '{1}' tidak valid: seharusnya YYYY-MM-DD

en: the atomic run failed, so nothing it did was kept: the store is as it was
id: eksekusi atomik gagal, sehingga tidak ada hasilnya yang disimpan: penyimpanan tetap seperti semula

en: <stdin> is binary, not a script (a NUL byte on line {1})
id: <stdin> berisi data biner, bukan skrip (ada byte NUL di baris {1})

en: invalid UTF-8 on line {1} of <stdin>
id: UTF-8 tidak valid di baris {1} pada <stdin>

en: no problems in {1}
id: tidak ada masalah dalam {1}

en: {1} in {2}
id: {1} dalam {2}

en: 'let' must start the command: let NAME = VALUE
id: 'let' harus mengawali perintah: let NAME = VALUE

en: 'run' needs at least one script file
id: 'run' memerlukan sedikitnya satu berkas skrip

en: 'source' is nested more than {1} deep
id: 'source' bersarang lebih dari {1} tingkat

en: (required)
id: (wajib)

en: Baik
id: Baik

en: Final results: {1} {2} ({3})
id: Hasil akhir: {1} {2} ({3})

en: Q1
id: Q1

en: Q3
id: Q3

en: SKD total
id: total SKD

en: SKD/550x100
id: SKD/550x100

en: Seats: {1}. Final score = 40% SKD (total / 550 x 100) + 60% SKB ({2}), rounded to 2 decimals.
id: Formasi: {1}. Nilai akhir = 40% SKD (total / 550 x 100) + 60% SKB ({2}), dibulatkan 2 desimal.

en: Rank
id: Peringkat

en: Name
id: Nama

en: Final
id: Nilai akhir

en: Result
id: Hasil

en: TIU score
id: nilai TIU

en: TKP score
id: nilai TKP

en: TWK score
id: nilai TWK

en: actions
id: tindak lanjut

en: active
id: aktif

en: age (older first)
id: usia (yang lebih tua didahulukan)

en: applicant
id: pelamar

en: applicants
id: pelamar

en: application
id: lamaran

en: applications
id: lamaran

en: applied
id: melamar

en: audit
id: audit

en: audit P1, or audit --vacancy V1
id: audit P1, atau audit --vacancy V1

en: audit change
id: perubahan audit

en: audit entry
id: entri audit

en: audit entry 'changes' is not a list
id: 'changes' pada entri audit bukan daftar

en: born
id: lahir

en: change
id: perubahan

en: channels
id: kanal

en: closed
id: ditutup

en: closes
id: ditutup

en: complaint
id: pengaduan

en: created
id: dibuat

en: day
id: hari

en: days
id: hari

en: dispute
id: sengketa

en: done in {1}
id: selesai dalam {1}

en: education
id: pendidikan

en: employee
id: pegawai

en: employees
id: pegawai

en: exit code
id: kode keluar

en: facilities
id: sarana dan prasarana

en: failed
id: tidak lulus

en: fee
id: biaya/tarif

en: file
id: berkas

en: final score
id: nilai akhir

en: forum
id: forum

en: gap
id: selisih

en: hired
id: diangkat

en: history capacity must be at least 1
id: kapasitas riwayat harus minimal 1

en: history file {1} is not writable: {2}
id: berkas riwayat {1} tidak dapat ditulis: {2}

en: history file {1} keeps changing
id: berkas riwayat {1} terus berubah

en: history is kept in memory only: {1}
id: riwayat hanya disimpan di memori: {1}

en: history is off: {1}
id: riwayat nonaktif: {1}

en: id
id: id

en: info
id: informasi

en: interview items are scored 1 to 5, not {1}
id: butir wawancara dinilai 1 sampai 5, bukan {1}

en: interview items, each scored 1-5
id: butir wawancara, masing-masing dinilai 1-5

en: interview rubric
id: rubrik wawancara

en: interview {1}
id: mencatat wawancara {1}

en: jobfairs
id: bursa kerja

en: journal bytes
id: byte jurnal

en: journal records
id: catatan jurnal

en: kemuning {1}: type 'help' for the commands, Ctrl-D to leave.
id: kemuning {1}: ketik 'help' untuk daftar perintah, Ctrl-D untuk keluar.

en: let needs a name: let NAME = VALUE
id: let memerlukan nama: let NAME = VALUE

en: mentoring
id: membimbing

en: mentorship
id: mentoring

en: milliseconds
id: milidetik

en: name
id: nama

en: named snapshots
id: snapshot bernama

en: no
id: tidak

en: notes
id: catatan

en: open
id: terbuka

en: opens
id: dibuka

en: overall
id: keseluruhan

en: passed
id: lulus

en: path
id: lokasi

en: persisted
id: tersimpan

en: population
id: populasi

en: position
id: jabatan

en: probation
id: masa percobaan

en: procedure
id: sistem, mekanisme, dan prosedur

en: recruit
id: rekrutmen

en: registered
id: terdaftar

en: registration order
id: urutan pendaftaran

en: request
id: permohonan

en: requests
id: permohonan

en: requirements
id: persyaratan

en: resolution
id: penyelesaian

en: response
id: jawaban

en: responses
id: jawaban

en: run a script file here (paths are relative to the current script)
id: jalankan berkas skrip di sini (lokasi relatif terhadap skrip saat ini)

en: run script files in order, as `kemuning run FILE...` does
id: jalankan berkas-berkas skrip berurutan, seperti `kemuning run FILE...`

en: save the current state under a name
id: simpan keadaan saat ini dengan sebuah nama

en: screen {1}
id: mencatat seleksi administrasi {1}

en: screen {1} --objection --pass|--fail --reason TEXT
id: screen {1} --objection --pass|--fail --reason TEKS

en: screen {1} --pass, or screen {2} --fail --reason TEXT
id: screen {1} --pass, atau screen {2} --fail --reason TEXT

en: screening
id: seleksi administrasi

en: script
id: skrip

en: seat
id: formasi

en: seats
id: formasi

en: service
id: layanan

en: session
id: sesi

en: sessions
id: sesi

en: set it first with: let {1} = VALUE
id: tetapkan dahulu dengan: let {1} = VALUE

en: set today DATE to work as of another day
id: set today DATE untuk bekerja per tanggal lain

en: since
id: sejak

en: snapshot bytes
id: byte snapshot

en: source
id: sumber

en: source cycle: {1}
id: siklus source: {1}

en: stage
id: tahap

en: state
id: status

en: status
id: status

en: store check found {1}
id: store check menemukan {1}

en: problem
id: masalah

en: problems
id: masalah

en: survey
id: survei

en: survey response is not nine scores
id: jawaban survei tidak berisi sembilan nilai

en: survey response {1} S1 ... S9
id: survey response {1} S1 ... S9

en: title
id: judul

en: today
id: hari ini

en: train
id: pelatihan

en: training
id: pelatihan

en: trainings
id: pelatihan

en: type
id: jenis

en: undo of: {1}
id: pembatalan: {1}

en: unit
id: unit

en: vacancies
id: formasi

en: vacancy
id: formasi

en: vacancy announce {1} --channel portal
id: vacancy announce {1} --channel portal

en: working day
id: hari kerja

en: working days
id: hari kerja

en: workload task
id: tugas beban kerja

en: workload task of {1}: {2}
id: tugas beban kerja {1}: {2}

en: year
id: tahun

en: yes
id: ya

en: {1} late: the deadline was {2}, {3}
id: terlambat {1}: tenggatnya {2}, {3}

en: {1} of {2}
id: {1} untuk {2}

en: {1} {2} {3} from {4}, {5}, {6} min, {7}
id: {1} {2} {3} sejak {4}, {5}, {6} menit, {7}

en: {1}, median {2} days (standard {3}), {4}% late
id: {1}, median {2} hari (standar {3}), {4}% terlambat

en: goes on to SKB
id: lanjut ke SKB

en: below a pass mark
id: di bawah nilai ambang batas

en: ACTIVITY
id: KEGIATAN

en: absent
id: tidak hadir

en: pass
id: lulus

en: fail
id: tidak lulus

en: {1} {2}: NRR {3}, score {4}, {5}
id: {1} {2}: NRR {3}, nilai {4}, {5}

en: {1} received {2}, deadline {3}, {4} late{5}
id: {1} diterima {2}, tenggat {3}, terlambat {4}{5}

en: respondent
id: responden

en: respondents
id: responden

en: development
id: pengembangan

en: feedback
id: umpan balik

en: language
id: bahasa

en: recruitment
id: rekrutmen

en: reports
id: laporan

en: services
id: layanan

en: store
id: penyimpanan

en: enrolment
id: pendaftaran pelatihan

en: predicate
id: predikat

en: objection
id: sanggahan

en: rank
id: peringkat

en: interrupted
id: dihentikan

en: the system's date
id: tanggal sistem

en: KEMUNING_LANG '{1}' is not en or id: the language comes from the locale
id: KEMUNING_LANG '{1}' bukan en atau id: bahasa diambil dari locale

en: nothing
id: tidak ada

en: summary
id: ringkasan

en: files
id: berkas

en: first response
id: tanggapan pertama

en: carried out
id: terlaksana

en: (skipped)
id: (dilewati)

en: As of {1}, counting {2}: response {3}; resolution info {4}, complaint {5}, dispute {6}, field {7}.
id: Per {1}, dihitung dalam {2}: tanggapan {3}; penyelesaian informasi {4}, pengaduan {5}, sengketa {6}, pemeriksaan lapangan {7}.

en: calendar days
id: hari kalender

"""#
