// Bahasa Indonesia for the lists and shows of every record kind (issue 13): forums, complaints,
// requests, workload tasks, interview sheets, and finding applicants by name.
// Same format as `Catalog+id.swift`.
let catalogIndonesianLists13 = #"""
en: applicants: add, set, list, show, find
id: pelamar: add, set, list, show, find

en: applications: list, show, interviews, withdraw
id: lamaran: list, show, interviews, withdraw

en: workload analysis (ABK): task, analyze, list, show
id: analisis beban kerja (ABK): task, analyze, list, show

en: requests for a service: add, done, list, show
id: permohonan layanan: add, done, list, show

en: complaints (SP4N-LAPOR!): add, respond, resolve, list, show
id: pengaduan (SP4N-LAPOR!): add, respond, resolve, list, show

en: discussion forums with the public: add, note, list, show
id: forum konsultasi publik: add, note, list, show

en: find applicants by name, ignoring case, accents and spacing and tolerating typos; closest first (NIKs masked)
id: cari pelamar menurut nama, tanpa membedakan huruf besar, aksen dan spasi serta memaafkan salah ketik; yang paling mirip lebih dulu (NIK disamarkan)

en: the name, or part of it, as remembered
id: nama, atau sebagiannya, sebagaimana diingat

en: give a name to find: letters or digits
id: berikan nama yang dicari: huruf atau angka

en: no applicant's name is like '{1}'
id: tidak ada pelamar yang namanya mirip '{1}'

en: TYPOS
id: SALAH KETIK

en: an application's interview sheets: each panel member's rubric scores, note and date, and the score
id: lembar wawancara sebuah lamaran: nilai rubrik tiap anggota panel, catatan dan tanggal, serta nilainya

en: {1} ({2}) has no interview sheet yet
id: {1} ({2}) belum memiliki lembar wawancara

en: PANEL MEMBER
id: ANGGOTA PANEL

en: NOTE
id: CATATAN

en: panel member
id: anggota panel

en: {1} ({2}): interview score {3} from {4}, the mean item score / 5 x 100
id: {1} ({2}): nilai wawancara {3} dari {4}, rata-rata nilai butir / 5 x 100

en: {1} on {2}: {3} = {4}
id: {1} pada {2}: {3} = {4}

en: interview sheets
id: lembar wawancara

en: only those at this stage
id: hanya yang berada pada tahap ini

en: list requests for services, with the days they took and whether late
id: daftar permohonan layanan, dengan lama penyelesaian dan apakah terlambat

en: only those not done yet
id: hanya yang belum selesai

en: only those later than the standard (done late, or open past it)
id: hanya yang melewati standar (selesai terlambat, atau belum selesai melewatinya)

en: only this service's
id: hanya milik layanan ini

en: show one request for a service
id: tampilkan satu permohonan layanan

en: DAYS
id: HARI

en: received
id: diterima

en: done
id: selesai

en: not yet
id: belum

en: {1} so far
id: {1} sejauh ini

en: standard
id: standar

en: late
id: terlambat

en: list complaints, with the next step's deadline
id: daftar pengaduan, dengan tenggat langkah berikutnya

en: only those not resolved yet
id: hanya yang belum tuntas

en: only those with a step past its deadline, not taken yet
id: hanya yang langkahnya melewati tenggat dan belum dilakukan

en: only those about this service
id: hanya yang mengenai layanan ini

en: show one complaint and its deadlines
id: tampilkan satu pengaduan dan tenggatnya

en: RESPONDED
id: DITANGGAPI

en: RESOLVED
id: DITUNTASKAN

en: NEXT STEP
id: LANGKAH BERIKUTNYA

en: OVERDUE
id: LEWAT TENGGAT

en: simple complaint
id: pengaduan sederhana

en: dispute without a field check
id: sengketa tanpa pemeriksaan lapangan

en: not yet; the deadline is {1}
id: belum; tenggatnya {1}

en: on {1}, after the deadline of {2}
id: pada {1}, melewati tenggat {2}

en: on {1}, by the deadline of {2}
id: pada {1}, dalam tenggat {2}

en: kind
id: jenis

en: channel
id: saluran

en: overdue
id: lewat tenggat

en: list the discussion forums, with the issues raised
id: daftar forum konsultasi publik, dengan isu yang diangkat

en: show one forum: its issues and recommendations
id: tampilkan satu forum: isu dan rekomendasinya

en: PARTICIPANTS
id: PESERTA

en: ISSUES
id: ISU

en: RECOMMENDATIONS
id: REKOMENDASI

en: date
id: tanggal

en: topic
id: topik

en: participants
id: peserta

en: issues
id: isu

en: {1}. {2}: recommended {3}
id: {1}. {2}: direkomendasikan {3}

en: list the workload tasks, with their minutes a year
id: daftar tugas beban kerja, dengan menitnya setahun

en: only this position's tasks
id: hanya tugas jabatan ini

en: only the tasks of positions in this unit (held by its staff or serving its services)
id: hanya tugas jabatan di unit ini (dijabat pegawainya atau melayani layanannya)

en: TASK
id: TUGAS

en: VOLUME
id: VOLUME

en: MINUTES EACH
id: MENIT PER TUGAS

en: MINUTES A YEAR
id: MENIT SETAHUN

en: job fairs: add, link, list, show
id: bursa kerja: add, link, list, show

en: trainings and JP: add, enroll, complete, status, list, show, enrollments
id: pelatihan dan JP: add, enroll, complete, status, list, show, enrollments

en: mentoring of new staff: assign, session, close, list, show, gaps
id: mentoring pegawai baru: assign, session, close, list, show, gaps

en: actions from findings: list, show, done, apply
id: tindak lanjut atas temuan: list, show, done, apply

en: public services and their standards: add, list, show
id: layanan publik dan standarnya: add, list, show

en: show one service: its standard, positions, requests and complaints
id: tampilkan satu layanan: standar, jabatan, permohonan dan pengaduannya

en: show one job fair: its institutions, the vacancies promoted and the applications it brought
id: tampilkan satu bursa kerja: institusinya, formasi yang dipromosikan dan lamaran yang dihasilkannya

en: show one training and its enrolments
id: tampilkan satu pelatihan dan pesertanya

en: list enrolments in trainings: who, when, and the result
id: daftar peserta pelatihan: siapa, kapan, dan hasilnya

en: only this training's
id: hanya milik pelatihan ini

en: only this employee's
id: hanya milik pegawai ini

en: only those not completed yet
id: hanya yang belum selesai diikuti

en: show one mentorship and its sessions
id: tampilkan satu mentoring dan sesinya

en: MENTORSHIP
id: MENTORING

en: show one performance appraisal (SKP)
id: tampilkan satu penilaian kinerja (SKP)

en: the appraisal
id: penilaian itu

en: show one action: the finding, its evidence, the decision and what came of it
id: tampilkan satu tindak lanjut: temuan, buktinya, keputusan dan hasilnya

en: show one workload task
id: tampilkan satu tugas beban kerja

en: positions
id: jabatan

en: {1}: {2} open, {3} late
id: {1}: {2} belum selesai, {3} terlambat

en: complaints
id: pengaduan

en: {1}: {2} open, {3} overdue
id: {1}: {2} belum tuntas, {3} lewat tenggat

en: institutions
id: institusi

en: not completed
id: belum selesai

en:  (score {1})
id:  (nilai {1})

en: failed on {1}
id: tidak lulus pada {1}

en: passed on {1}
id: lulus pada {1}

en: {1} {2} {3}: enrolled {4}, 
id: {1} {2} {3}: terdaftar {4}, 

en: mode
id: moda

en: enrolments
id: peserta

en: COMPLETED
id: SELESAI

en: minute
id: menit

en: minutes
id: menit

en: mentor
id: mentor

en: mentee
id: mentee

en: from
id: dari

en: to
id: sampai

en: outcome
id: hasil

en: period
id: periode

en: work result
id: hasil kerja

en: work behaviour
id: perilaku kerja

en: finding
id: temuan

en: evidence
id: bukti

en: decision
id: keputusan

en: proposed
id: diusulkan

en: result
id: hasil

en: task
id: tugas

en: volume a year
id: volume setahun

en: minutes each
id: menit per tugas

en: minutes a year
id: menit setahun

en: none
id: tidak ada

en: appraisal
id: penilaian kinerja
"""#
