// Bahasa Indonesia for the lists and shows of every record kind (issue 13): forums, complaints,
// requests, workload tasks, interview sheets, and finding applicants by name.
// Same format as `Catalog+id.swift`.
let catalogIndonesianLists13 = #"""
en: applicants: add, list, show, find
id: pelamar: add, list, show, find

en: applications: list, show, interviews
id: lamaran: list, show, interviews

en: workload analysis (ABK): task, analyze, list
id: analisis beban kerja (ABK): task, analyze, list

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
"""#
